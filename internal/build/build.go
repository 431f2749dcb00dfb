// Package build runs the whole pipeline of "mohinh build": load and
// validate the content, render it with the layouts, and publish the output
// folder atomically. Nothing is written unless the content is free of
// errors, and the output folder is only ever the previous complete build or
// the new one.
package build

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/mohinh/mohinh"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/history"
	"github.com/mohinh/mohinh/internal/output"
	"github.com/mohinh/mohinh/internal/render"
)

// Options say what to build and where.
type Options struct {
	Site    string // the folder holding content/ and, optionally, layouts/
	Out     string // the output folder
	BaseURL string
	Today   content.Date // for dates in the future; zero means today
}

// Result describes a finished build.
type Result struct {
	Site  *content.Site
	Files int
}

// Build loads, validates, renders and publishes. With content errors it
// returns them and writes nothing; err is set when reading the git history,
// rendering or writing fails, in which case the output folder is untouched
// too.
func Build(opts Options) (Result, diag.List, error) {
	// One git process reads the history of every file while the content
	// loads; outside a repository the history is empty.
	var (
		hist    history.History
		histErr error
		wg      sync.WaitGroup
	)
	wg.Go(func() { hist, histErr = history.Load(opts.Site) })
	site, diags := content.LoadWith(os.DirFS(opts.Site), content.Options{Today: opts.Today})
	wg.Wait()
	if diags.HasErrors() {
		return Result{Site: site}, diags, nil
	}
	if histErr != nil {
		return Result{Site: site}, diags, histErr
	}
	staging, err := output.Begin(opts.Out)
	if err != nil {
		return Result{Site: site}, diags, err
	}
	w := &countingWriter{w: staging}
	ropts := render.Options{BaseURL: opts.BaseURL, Layouts: Layouts(opts.Site), History: hist}
	if err := render.Render(site, ropts, w); err != nil {
		staging.Abort()
		return Result{Site: site}, diags, err
	}
	if err := staging.Commit(); err != nil {
		staging.Abort()
		return Result{Site: site}, diags, err
	}
	return Result{Site: site, Files: int(w.n.Load())}, diags, nil
}

// Layouts returns the site's layouts/ folder over the embedded defaults: a
// file of the site replaces the default of the same name.
func Layouts(site string) fs.FS {
	dir := filepath.Join(site, "layouts")
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return render.Overlay(os.DirFS(dir), mohinh.DefaultLayouts())
	}
	return mohinh.DefaultLayouts()
}

// countingWriter counts the files a build writes.
type countingWriter struct {
	w *output.Staging
	n atomic.Int64
}

func (c *countingWriter) WriteFile(name string, data []byte) error {
	c.n.Add(1)
	return c.w.WriteFile(name, data)
}

func (c *countingWriter) Create(name string) (io.WriteCloser, error) {
	c.n.Add(1)
	return c.w.Create(name)
}

// The build streams large exports to the output folder.
var _ render.Creator = (*countingWriter)(nil)
