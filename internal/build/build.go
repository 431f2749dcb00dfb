// Package build runs the whole pipeline of "mohinh build": load and
// validate the content, render it with the layouts, and publish the output
// folder atomically. Nothing is written unless the content is free of
// errors, and the output folder is only ever the previous complete build or
// the new one.
package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/mohinh/mohinh"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/output"
	"github.com/mohinh/mohinh/internal/render"
)

// Options say what to build and where.
type Options struct {
	Site    string // the folder holding content/ and, optionally, layouts/
	Out     string // the output folder
	BaseURL string
}

// Result describes a finished build.
type Result struct {
	Site  *content.Site
	Files int
}

// Build loads, validates, renders and publishes. With content errors it
// returns them and writes nothing; err is set when rendering or writing
// fails, in which case the output folder is untouched too.
func Build(opts Options) (Result, diag.List, error) {
	site, diags := content.Load(os.DirFS(opts.Site))
	if diags.HasErrors() {
		return Result{Site: site}, diags, nil
	}
	staging, err := output.Begin(opts.Out)
	if err != nil {
		return Result{Site: site}, diags, err
	}
	w := &countingWriter{w: staging}
	ropts := render.Options{BaseURL: opts.BaseURL, Layouts: Layouts(opts.Site)}
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
	w render.Writer
	n atomic.Int64
}

func (c *countingWriter) WriteFile(name string, data []byte) error {
	c.n.Add(1)
	return c.w.WriteFile(name, data)
}
