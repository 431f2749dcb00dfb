package content

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/unicode/norm"
)

var updateHostile = flag.Bool("update", false, "rewrite the want sections of testdata/hostile/*.txtar from what the loader reports")

// The hostile corpus: each testdata/hostile/*.txtar is one bad input that
// submitters send, by mistake or on purpose. Its files are laid over the
// valid site of testdata/base-site.txtar; the section "want" lists every
// diagnostic the loader must report, exactly as printed
// (path:line:col: message), and nothing else: an empty "want" means the
// file is accepted as it is (a BOM, CRLF: what the build must take in its
// stride and escape when rendering). A case with an error is one the build
// refuses: nothing is written. A large or deep input is bounded by the
// limit that refuses it, which its want shows; how fast the loader is
// lives in the benchmarks, never here.
//
// The section "setup" changes files after they are written, for what a
// text file cannot hold or should not spell out:
//
//	crlf PATH              line ends become CRLF
//	bom PATH               a byte order mark is put first
//	nfd PATH               the text becomes decomposed Unicode (NFD)
//	replace PATH OLD NEW   OLD becomes NEW, both Go-quoted ("\x00", "\xe0")
//	repeat PATH TEXT N [AT] TEXT (Go-quoted) N times is appended, or put in
//	                       place of the Go-quoted marker AT
//	pad PATH SIZE          text is appended until the file has SIZE bytes
//	symlink PATH TARGET    PATH becomes a symbolic link to TARGET; $OUTSIDE
//	                       is a folder outside the site holding secret.md
//	rename PATH NEW        PATH is renamed NEW (Go-quoted), for a name a
//	                       txtar cannot hold: a newline, an ESC
//
// go test -run TestHostile -update rewrites the want sections.
func TestHostile(t *testing.T) {
	base, err := txtar.ParseFile("testdata/base-site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/hostile/*.txtar")
	if len(files) < 40 {
		t.Errorf("the hostile corpus has %d cases, want at least 40", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runHostile(t, base, file)
		})
	}
}

func runHostile(t *testing.T, base *txtar.Archive, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	site, outside := filepath.Join(dir, "site"), filepath.Join(dir, "outside")
	write := func(name string, data []byte) {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range base.Files {
		write(f.Name, f.Data)
	}
	var setup []string
	wantIndex := -1
	for i, f := range ar.Files {
		switch f.Name {
		case "want":
			wantIndex = i
		case "setup":
			setup = lines(string(f.Data))
		default:
			write(f.Name, f.Data)
		}
	}
	if wantIndex < 0 {
		t.Fatal("no want section")
	}
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte("---\ntitle: bí mật\n---\n"), 0o644)
	for _, line := range setup {
		applySetup(t, site, strings.ReplaceAll(line, "$OUTSIDE", outside))
	}

	today, _ := ParseDate("2025-06-01")
	_, diags := LoadWith(os.DirFS(site), Options{Today: today})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if *updateHostile {
		ar.Files[wantIndex].Data = []byte(strings.Join(append(got, ""), "\n"))
		if len(got) == 0 {
			ar.Files[wantIndex].Data = nil
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := lines(string(ar.Files[wantIndex].Data))
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

// lines returns the lines of s that are not blank.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func applySetup(t *testing.T, site, line string) {
	t.Helper()
	args := setupArgs(line)
	if len(args) < 2 {
		t.Fatalf("setup: %q", line)
	}
	p := filepath.Join(site, filepath.FromSlash(args[1]))
	edit := func(change func([]byte) []byte) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("setup %q: %v", line, err)
		}
		if err := os.WriteFile(p, change(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	quoted := func(s string) []byte {
		u, err := strconv.Unquote(s)
		if err != nil {
			t.Fatalf("setup %q: %s is not Go-quoted: %v", line, s, err)
		}
		return []byte(u)
	}
	switch args[0] {
	case "crlf":
		edit(func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) })
	case "bom":
		edit(func(b []byte) []byte { return append([]byte("\uFEFF"), b...) })
	case "nfd":
		edit(norm.NFD.Bytes)
	case "replace":
		edit(func(b []byte) []byte { return bytes.ReplaceAll(b, quoted(args[2]), quoted(args[3])) })
	case "repeat":
		n, err := strconv.Atoi(args[3])
		if err != nil {
			t.Fatal(err)
		}
		text := bytes.Repeat(quoted(args[2]), n)
		if len(args) > 4 {
			edit(func(b []byte) []byte { return bytes.Replace(b, quoted(args[4]), text, 1) })
		} else {
			edit(func(b []byte) []byte { return append(b, text...) })
		}
	case "pad":
		size, err := strconv.Atoi(args[2])
		if err != nil {
			t.Fatal(err)
		}
		edit(func(b []byte) []byte {
			filler := []byte("Nội dung dài được dán vào nhiều lần. ")
			for len(b) < size {
				b = append(b, filler...)
			}
			return b[:size]
		})
	case "rename":
		if len(args) < 3 {
			t.Fatalf("setup: %q", line)
		}
		to := filepath.Join(site, filepath.FromSlash(string(quoted(args[2]))))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(p, to); err != nil {
			t.Fatalf("setup %q: %v", line, err)
		}
	case "symlink":
		os.RemoveAll(p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(args[2], p); err != nil {
			t.Fatal(err)
		}
	default:
		t.Fatalf("setup: unknown command %q", args[0])
	}
}

// setupArgs splits a setup line into words; a Go-quoted string is one word,
// spaces and all.
func setupArgs(line string) []string {
	var args []string
	for line = strings.TrimSpace(line); line != ""; line = strings.TrimSpace(line) {
		if line[0] == '"' {
			if q, err := strconv.QuotedPrefix(line); err == nil {
				args = append(args, q)
				line = line[len(q):]
				continue
			}
		}
		word, rest, _ := strings.Cut(line, " ")
		args = append(args, word)
		line = rest
	}
	return args
}
