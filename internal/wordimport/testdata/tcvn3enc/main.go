// Command tcvn3enc writes Unicode Vietnamese text from stdin in TCVN3
// (ABC) as an office program shows it: each byte as its Windows-1252
// character. It inverts vi.FromLegacy, so that make-docs.sh can write a
// document typed in a ".VnTime" font. Letters TCVN3 has no capital for
// are written small: a heading is set in ".VnTimeH", a font of capitals.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/mohinh/mohinh/internal/vi"
	"golang.org/x/text/unicode/norm"
)

func main() {
	enc := map[rune]rune{}
	// Bytes that read as another letter first; then those that TCVN3
	// keeps as they are (ý is 0xFD in both).
	for _, same := range []bool{false, true} {
		for b := rune(0xa1); b <= 0xff; b++ {
			u := []rune(norm.NFC.String(vi.FromLegacy("x"+string(b), vi.TCVN3)))
			if len(u) != 2 || (u[1] == b) != same || same && !unicode.IsLower(u[1]) {
				continue
			}
			if _, ok := enc[u[1]]; !ok {
				enc[u[1]] = b
			}
		}
	}
	in, _ := bufio.NewReader(os.Stdin).ReadString(0)
	var out strings.Builder
	for _, r := range norm.NFC.String(in) {
		if r < 0x80 {
			out.WriteRune(r)
			continue
		}
		if b, ok := enc[r]; ok {
			out.WriteRune(b)
			continue
		}
		if b, ok := enc[unicode.ToLower(r)]; ok {
			out.WriteRune(b)
			continue
		}
		fmt.Fprintf(os.Stderr, "tcvn3enc: no TCVN3 code for %q\n", r)
		os.Exit(1)
	}
	fmt.Print(out.String())
}
