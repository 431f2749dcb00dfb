// Command mohinh-floor is the floor benchmark: the least work any full
// build of a corpus must do — read every .md file under a content folder,
// decode its YAML front matter, render its Markdown with goldmark, write
// one HTML file per file — on all cores, with no templates, indexes or
// validation. "mohinh build" is measured against it as a ratio, in the
// same run, on the same corpus (docs/performance.md, docs/measure.sh):
//
//	mohinh-floor CORPUS/content OUT
//
// Use a fresh OUT for every run: deleting 10,000 folders costs more than
// writing them. It is the benchmark the project was given, kept here so
// that every figure can be reproduced from a clone; its one change is the
// YAML module, go.yaml.in/yaml/v3, the maintained home of the same decoder
// (gopkg.in/yaml.v3), so that the repository has one YAML library.
package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"go.yaml.in/yaml/v3"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: mohinh-floor CONTENT-FOLDER OUT-FOLDER")
		os.Exit(2)
	}
	src, out := os.Args[1], os.Args[2]
	var files []string
	filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	md := goldmark.New()
	ch := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range ch {
				b, err := os.ReadFile(p)
				if err != nil {
					panic(err)
				}
				parts := bytes.SplitN(b, []byte("---\n"), 3)
				var meta map[string]any
				if err := yaml.Unmarshal(parts[1], &meta); err != nil {
					panic(fmt.Sprint(p, err))
				}
				buf.Reset()
				fmt.Fprintf(&buf, "<!doctype html><title>%v</title><p>%v<p>%v", meta["title"], meta["novelty"], meta["expected_results"])
				if err := md.Convert(parts[2], &buf); err != nil {
					panic(err)
				}
				rel, _ := filepath.Rel(src, p)
				dst := filepath.Join(out, strings.TrimSuffix(rel, ".md"), "index.html")
				os.MkdirAll(filepath.Dir(dst), 0o755)
				if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
					panic(err)
				}
			}
		}()
	}
	for _, f := range files {
		ch <- f
	}
	close(ch)
	wg.Wait()
	fmt.Println(len(files), "pages")
}
