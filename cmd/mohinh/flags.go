package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/render"
)

// The flags every command shares, defined once: their names, their help,
// how they are parsed and explained.

// newFlagSet returns the flags of a command, printing their problems to
// stderr.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	return fl
}

// siteFlag defines --site, the folder of the site, for every command.
func siteFlag(fl *flag.FlagSet) *string {
	return fl.String("site", ".", "thư mục của trang, chứa content/ (và layouts/ nếu có); mặc định: thư mục hiện tại")
}

// parseFlags parses args; done is true when the command should stop with
// code (after -h, or on a wrong flag). The flag package's own messages are
// English: it parses silently, and a wrong flag is said here, in
// Vietnamese, before the usage.
func parseFlags(fl *flag.FlagSet, args []string, stdout io.Writer) (code int, done bool) {
	out, usage := fl.Output(), fl.Usage
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	err := fl.Parse(args)
	fl.SetOutput(out)
	fl.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		fl.SetOutput(stdout)
		fl.Usage()
		return exitOK, true
	case err != nil:
		fmt.Fprintf(out, "mohinh %s: %s\n\n", fl.Name(), flagError(fl, err))
		fl.Usage()
		return exitUsage, true
	case fl.NArg() > 0:
		fmt.Fprintf(out, "mohinh %s: không nhận tham số %q\n\n", fl.Name(), fl.Arg(0))
		fl.Usage()
		return exitUsage, true
	}
	return 0, false
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fl *flag.FlagSet, name string) bool {
	set := false
	fl.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// flagMessages are the flag package's errors (flag.FlagSet.failf), which
// it gives only as text: the name, then the value when there is one.
var (
	undefinedFlag = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	flagBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]*):`)
	flagSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagError says in Vietnamese what is wrong with a flag, naming it as the
// help does.
func flagError(fl *flag.FlagSet, err error) string {
	msg := err.Error()
	if m := undefinedFlag.FindStringSubmatch(msg); m != nil {
		var names []string
		fl.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		s := "không có tùy chọn " + dashed(m[1])
		if near := content.Closest(m[1], names); near != "" {
			s += " — có phải " + dashed(near) + "?"
		}
		return s
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		if f := fl.Lookup(m[1]); f != nil {
			return fmt.Sprintf("tùy chọn %s cần một giá trị: %s %s", dashed(f.Name), dashed(f.Name), argName(f))
		}
		return fmt.Sprintf("tùy chọn %s cần một giá trị", dashed(m[1]))
	}
	if m := flagBadValue.FindStringSubmatch(msg); m != nil {
		if isBool(fl.Lookup(m[2])) {
			return fmt.Sprintf("tùy chọn %s không nhận giá trị %q: chỉ cần ghi %s", dashed(m[2]), m[1], dashed(m[2]))
		}
		return fmt.Sprintf("giá trị %q của tùy chọn %s không hợp lệ", m[1], dashed(m[2]))
	}
	if m := flagSyntax.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("không hiểu %q: tùy chọn được viết --tên hoặc --tên=giá-trị", m[1])
	}
	return "dòng lệnh không hợp lệ"
}

// dashed is a flag's name as the help writes it: -o, --site.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func isBool(f *flag.Flag) bool {
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// argNames name the value of each flag in the help, in Vietnamese.
var argNames = map[string]string{
	"site": "THƯ-MỤC", "out": "THƯ-MỤC", "base-url": "ĐỊA-CHỈ", "addr": "ĐỊA-CHỈ:CỔNG",
	"base": "PHIÊN-BẢN", "format": "KIỂU", "o": "TỆP", "table": "BẢNG",
}

// argName is the name of a flag's value in the help: from argNames, or
// from a `NAME` quoted in its help text; "" for a flag that takes none.
func argName(f *flag.Flag) string {
	arg, _ := flag.UnquoteUsage(f)
	if name, ok := argNames[f.Name]; ok {
		return name
	}
	if arg == "string" {
		return "GIÁ-TRỊ"
	}
	return arg
}

// printFlags explains the flags in the order given, in Vietnamese only
// (flag.PrintDefaults sorts them and adds "(default …)"). A default is
// added as "(mặc định: …)" unless the help text already says it in words.
func printFlags(fl *flag.FlagSet, names ...string) {
	for _, name := range names {
		f := fl.Lookup(name)
		_, usage := flag.UnquoteUsage(f)
		if f.DefValue != "" && !isBool(f) && !strings.Contains(usage, "mặc định") {
			usage += " (mặc định: " + f.DefValue + ")"
		}
		fmt.Fprintf(fl.Output(), "  %s %s\n", dashed(f.Name), argName(f))
		for line := range strings.SplitSeq(usage, "\n") {
			fmt.Fprintf(fl.Output(), "        %s\n", line)
		}
	}
}

// baseURLFlag defines --base-url, where the site is published: it
// overrides base_url of content/_index.md, which is used when the flag is
// not given (flagURLs).
func baseURLFlag(fl *flag.FlagSet, usage string) *string {
	return fl.String("base-url", "", usage+"\n(mặc định: base_url trong content/_index.md, nếu không có thì /)")
}

// flagURLs are the URLs of --base-url when it is given; the zero URLs,
// which stands for base_url of content/_index.md, when it is not.
func flagURLs(fl *flag.FlagSet, value string) (render.URLs, error) {
	if !flagSet(fl, "base-url") {
		return render.URLs{}, nil
	}
	return render.NewURLs(value)
}

// noAddress says why a build without the site's public address wrote no
// feed and no sitemap.
const noAddress = "chưa ghi feed.xml và sitemap.xml: cần địa chỉ đầy đủ của trang (base_url trong content/_index.md hoặc --base-url https://…)"

// baseURLProblem says what is wrong with a --base-url that
// render.NewURLs refused: it must parse as an address, have no query or
// fragment, and be a path or an http(s) address with a host.
func baseURLProblem(value string) string {
	return fmt.Sprintf("%q không phải địa chỉ của một trang web; hãy ghi địa chỉ nơi đăng cổng thông tin, ví dụ https://example.org/mohinh/ hoặc /mohinh/, không có phần ? hay #", value)
}

// requireSite checks that dir is a site — a folder holding content/ —
// before a command reads it, and otherwise says where a site is expected
// (exit 2): outside a site the loader's own messages would ask for files
// that belong in a site, as if the user should create one here.
func requireSite(command, dir string, stderr io.Writer) bool {
	info, err := os.Stat(filepath.Join(dir, "content"))
	if err == nil && info.IsDir() {
		return true
	}
	where := dir
	if abs, err := filepath.Abs(dir); err == nil {
		where = abs
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "mohinh %s: không có thư mục %s (--site)\n", command, where)
	} else {
		fmt.Fprintf(stderr, "mohinh %s: không tìm thấy trang ở %s: thư mục này không chứa thư mục content/\n", command, where)
	}
	fmt.Fprintln(stderr, "Thư mục của trang là thư mục chứa content/ (các đợt đăng ký, tổ chức, lĩnh vực và bản đăng ký),")
	fmt.Fprintln(stderr, "thường là thư mục đã lấy về bằng git clone: hãy chạy lệnh trong thư mục đó, hoặc chỉ ra nó bằng --site THƯ-MỤC.")
	return false
}
