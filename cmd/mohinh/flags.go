package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
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
// code (after -h, or on a wrong flag).
func parseFlags(fl *flag.FlagSet, args []string, stdout io.Writer) (code int, done bool) {
	usage := fl.Usage
	fl.Usage = func() {} // the flag package would print it on -h too, to stderr
	err := fl.Parse(args)
	fl.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		fl.SetOutput(stdout)
		fl.Usage()
		return exitOK, true
	case err != nil: // the flag package printed what is wrong
		fl.Usage()
		return exitUsage, true
	case fl.NArg() > 0:
		fmt.Fprintf(fl.Output(), "mohinh %s: không nhận tham số %q\n", fl.Name(), fl.Arg(0))
		fl.Usage()
		return exitUsage, true
	}
	return 0, false
}

// printFlags explains the flags in the order given, in Vietnamese only
// (flag.PrintDefaults sorts them and adds "(default …)").
// argNames name the value of each flag in the help, in Vietnamese.
var argNames = map[string]string{
	"site": "THƯ-MỤC", "out": "THƯ-MỤC", "base-url": "ĐỊA-CHỈ", "addr": "ĐỊA-CHỈ:CỔNG",
	"base": "PHIÊN-BẢN", "format": "KIỂU", "o": "TỆP",
}

func printFlags(fl *flag.FlagSet, names ...string) {
	for _, name := range names {
		f := fl.Lookup(name)
		arg, usage := flag.UnquoteUsage(f)
		if name, ok := argNames[f.Name]; ok {
			arg = name
		} else if arg == "string" {
			arg = "GIÁ-TRỊ"
		}
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		if f.DefValue != "" && f.DefValue != "false" {
			usage += " (mặc định: " + f.DefValue + ")"
		}
		fmt.Fprintf(fl.Output(), "  %s%s %s\n", dash, f.Name, arg)
		for line := range strings.SplitSeq(usage, "\n") {
			fmt.Fprintf(fl.Output(), "        %s\n", line)
		}
	}
}
