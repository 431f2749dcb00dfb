// Command mohinh-corpus writes a generated site (a province's Party
// organisations, their registrations, the notices approving them, and for
// the calls whose year is over the results reports, appraisals and
// recognitions) for tests and benchmarks:
//
//	mohinh-corpus -n 10000 -seed 1 -out /tmp/corpus10k
//
// It refuses to write into a folder that is not empty unless -force is given,
// in which case the folder's content/ is removed first.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mohinh/mohinh/internal/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "mohinh-corpus:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("mohinh-corpus", flag.ContinueOnError)
	n := fs.Int("n", 1000, "number of registrations")
	seed := fs.Int64("seed", 1, "random seed; the same options give the same bytes")
	out := fs.String("out", "", "folder to write the site into (required)")
	years := fs.String("years", "", "comma-separated campaign years (default 2023,2024,2025)")
	force := fs.Bool("force", false, "write into a folder that is not empty, removing its content/ first")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return errors.New("-out DIR is required and no other arguments are accepted")
	}
	opts := corpus.Options{Registrations: *n, Seed: *seed}
	if *years != "" {
		for _, y := range strings.Split(*years, ",") {
			v, err := strconv.Atoi(strings.TrimSpace(y))
			if err != nil {
				return fmt.Errorf("-years: %v", err)
			}
			opts.Years = append(opts.Years, v)
		}
	}
	entries, err := os.ReadDir(*out)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return err
	case len(entries) > 0 && !*force:
		return fmt.Errorf("%s is not empty (use -force to write into it)", *out)
	case len(entries) > 0:
		if err := os.RemoveAll(filepath.Join(*out, "content")); err != nil {
			return err
		}
	}
	start := time.Now()
	st, err := corpus.Generate(*out, opts)
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, st)
	fmt.Fprintf(stdout, "written to        %s in %v\n", filepath.Join(*out, "content"), time.Since(start).Round(time.Millisecond))
	return nil
}
