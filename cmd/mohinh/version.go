package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"time"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("version", stderr)
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), `Cách dùng: mohinh version (hoặc mohinh --version)

In phiên bản của mohinh: phiên bản của mô-đun, hoặc, với bản dựng từ mã nguồn
lấy bằng git, commit đã dựng, ngày của nó và có sửa đổi chưa commit hay không.
Khi hỏi người hỗ trợ, hãy gửi kèm các dòng này.
`)
	}
	if code, done := parseFlags(fl, args, stdout); done {
		return code
	}
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprint(stdout, versionText(bi))
	return exitOK
}

// versionText says which mohinh this is, from what the Go toolchain wrote
// into the binary: the module's version ("go install …@v1.2.0"), or the
// commit it was built from in a checkout; "(devel)" when neither is known
// (go run, tests).
func versionText(bi *debug.BuildInfo) string {
	version := "(devel)"
	var revision, at string
	modified := false
	goVersion := runtime.Version()
	if bi != nil {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
					at = t.UTC().Format("02/01/2006 15:04 UTC")
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if bi.GoVersion != "" {
			goVersion = bi.GoVersion
		}
	}
	text := "mohinh " + version + "\n"
	if revision != "" {
		text += "dựng từ commit " + revision
		if at != "" {
			text += " (" + at + ")"
		}
		if modified {
			text += ", có sửa đổi chưa commit"
		}
		text += "\n"
	}
	return text + "dựng bằng Go " + goVersion + ", " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
}
