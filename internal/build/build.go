// Package build runs the whole pipeline of "mohinh build": load and
// validate the content, render it with the layouts, and publish the output
// folder atomically. Nothing is written unless the content is free of
// errors, and the output folder is only ever the previous complete build or
// the new one.
package build

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
	Site  string       // the folder holding content/ and, optionally, layouts/
	Out   string       // the output folder
	URLs  render.URLs  // where it is published (render.NewURLs, --base-url); the zero URLs: base_url of content/_index.md, or "/"
	Today content.Date // for dates in the future; zero means today

	// Waiting, when set, is called when another build is writing the same
	// output folder: this build then waits for it to end before it writes,
	// so that both publish a complete site. See output.Options.
	Waiting func()
}

// Result describes a finished build.
type Result struct {
	Site  *content.Site
	Files int
	// URLs is where the site was built for: Options.URLs, or base_url.
	// Without an absolute address (URLs.Absolute), the feed and the sitemap
	// were left out.
	URLs render.URLs
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
	urls, err := opts.URLs.Or(site.Settings.BaseURL)
	if err != nil {
		return Result{Site: site}, diags, err
	}
	layouts, err := Layouts(opts.Site)
	if err != nil {
		return Result{Site: site}, diags, err
	}
	staging, err := output.BeginWith(opts.Out, output.Options{Waiting: opts.Waiting})
	if err != nil {
		return Result{Site: site}, diags, err
	}
	w := &countingWriter{w: staging}
	ropts := render.Options{URLs: urls, Layouts: layouts, History: hist, Files: os.DirFS(opts.Site)}
	if err := render.Render(site, ropts, w); err != nil {
		staging.Abort()
		return Result{Site: site}, diags, err
	}
	if err := staging.Commit(); err != nil {
		staging.Abort()
		return Result{Site: site}, diags, err
	}
	return Result{Site: site, Files: int(w.n.Load()), URLs: urls}, diags, nil
}

// Layouts returns the site's layouts/ folder over the embedded defaults: a
// file of the site replaces the default of the same name. A symbolic link
// in layouts/ is refused: the layouts come with pull requests, and a link
// to a file outside the site (a key of the machine that builds) would be
// published with the assets. The folder is also opened as an os.Root, so
// that nothing read through it can leave it.
func Layouts(site string) (fs.FS, error) {
	dir := filepath.Join(site, "layouts")
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() && fi.Mode()&fs.ModeSymlink == 0 {
		return mohinh.DefaultLayouts(), nil
	}
	var links []string
	if fi.Mode()&fs.ModeSymlink != 0 {
		links = append(links, "layouts")
	} else {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type()&fs.ModeSymlink != 0 {
				rel, _ := filepath.Rel(site, p)
				links = append(links, filepath.ToSlash(rel))
			}
			return nil
		})
	}
	if len(links) > 0 {
		return nil, fmt.Errorf("%s: liên kết tượng trưng (symlink) không được phép trong layouts/, vì tệp nó trỏ tới có thể bị đăng lên cổng thông tin: hãy thay bằng một tệp thật", strings.Join(links, ", "))
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return render.Overlay(root.FS(), mohinh.DefaultLayouts()), nil
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
