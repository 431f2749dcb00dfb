package serve

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/render"
)

// What the pages say besides the build: the overlay listing the errors —
// the content's and, with --base, the branch's, each as "mohinh check
// --base" prints it — with a first line that says truly what the store
// holds; and, at the address of a registration whose file has errors, a
// page listing them in place of the page that could not be built.

// buildState is what the store holds compared with the content on disk.
type buildState int

const (
	builtWhole   buildState = iota // the content as it is
	builtWithout                   // the content without its files that have errors
	builtBefore                    // the last good build: the content as it is did not render
	builtNothing                   // nothing: no build has succeeded since serve started
)

// status is what the pages say besides the build.
type status struct {
	state    buildState
	problems diag.List // the errors, sorted as check prints them
	left     int       // files left out of the build (builtWithout)
	// branchErrors counts the errors of the comparison with the base
	// among problems.
	branchErrors int
	broken       map[string]string // output file of a broken registration's page → its content file
	base         string            // with --base
}

// headline is the overlay's first line: what the store shows, then the
// branch's errors.
func (st status) headline() string {
	var parts []string
	switch st.state {
	case builtNothing:
		parts = append(parts, "Chưa có bản dựng nào: nội dung có lỗi nên chưa dựng được trang nào để hiển thị.")
	case builtBefore:
		parts = append(parts, "Nội dung có lỗi — trang đang hiển thị bản dựng tốt gần nhất, chưa có những thay đổi mới.")
	case builtWithout:
		parts = append(parts, fmt.Sprintf("Nội dung có lỗi — %d tệp có lỗi chưa được dựng; mọi trang khác đã cập nhật theo nội dung mới.", st.left))
	}
	if st.branchErrors > 0 {
		parts = append(parts, fmt.Sprintf("Nhánh có %d lỗi so với %s.", st.branchErrors, st.base))
	}
	parts = append(parts, "Sửa tệp và lưu lại, trang sẽ tự cập nhật.")
	return strings.Join(parts, " ")
}

// inject adds the reload script and, while there are errors, the overlay
// listing them, before </body>.
func inject(page []byte, st status) []byte {
	var add bytes.Buffer
	if len(st.problems) > 0 {
		// A <details>, open: the reviewer can fold it away to read the
		// page beneath, without a script.
		add.WriteString(`<details id="mohinh-problems" open role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff4f4;color:#5a0000;border-top:4px solid #a3161b;padding:10px 20px;font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)">`)
		add.WriteString(`<summary style="cursor:pointer;font-weight:700">`)
		add.WriteString(html.EscapeString(st.headline()))
		add.WriteString(`</summary>`)
		writeProblems(&add, st.problems, `margin:6px 0 0;padding-left:20px`)
		add.WriteString("</details>")
	}
	add.WriteString(reloadScript)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte(nil), page...), add.Bytes()...)
	}
	out := make([]byte, 0, len(page)+add.Len())
	out = append(out, page[:i]...)
	out = append(out, add.Bytes()...)
	return append(out, page[i:]...)
}

// writeProblems writes the problems as a list, one line each as check
// prints it, its place in a monospace font.
func writeProblems(b *bytes.Buffer, problems diag.List, style string) {
	fmt.Fprintf(b, `<ul style="%s">`, style)
	for _, d := range problems {
		p := splitProblem(d)
		fmt.Fprintf(b, `<li><code style="font:inherit;font-family:ui-monospace,monospace;font-size:.92em">%s</code>: %s</li>`, html.EscapeString(p.Where), html.EscapeString(p.What))
	}
	b.WriteString("</ul>")
}

// splitProblem cuts a problem as check prints it, "path:line:col:
// message", into its place and the rest: the same text, for a page to
// show the place in monospace and the Vietnamese in a font made for it.
func splitProblem(d diag.Diagnostic) render.Problem {
	line := d.String()
	what := diag.Escape(d.Message)
	if d.Severity == diag.Warning {
		what = "cảnh báo: " + what
	}
	where, ok := strings.CutSuffix(line, ": "+what)
	if !ok {
		return render.Problem{What: line}
	}
	return render.Problem{Where: where, What: what}
}

// brokenPage is the page at the address of the registration in file,
// which could not be built: its problems, in the frame of the site's 404
// page when there is one (its header and footer), alone otherwise.
func brokenPage(frame []byte, file string, st status) []byte {
	var own diag.List
	for _, d := range st.problems {
		if d.Path == file {
			own = append(own, d)
		}
	}
	var main bytes.Buffer
	main.WriteString(`<p class="eyebrow">Xem trước — có lỗi</p><h1>Trang này chưa dựng được</h1>`)
	fmt.Fprintf(&main, `<p class="lead">Tệp <code>%s</code> có lỗi nên trang của bản đăng ký này chưa được dựng. Sửa những lỗi dưới đây và lưu lại, trang sẽ tự hiện ra.</p>`, html.EscapeString(diag.Escape(file)))
	writeProblems(&main, own, `line-height:1.6;background:#fff4f4;color:#5a0000;border-left:4px solid #a3161b;padding:.75rem 1rem .75rem 2rem;border-radius:0 6px 6px 0`)
	const title = "Trang này chưa dựng được"
	if start, end, ok := mainElement(frame); ok {
		page := string(frame[:start]) + main.String() + string(frame[end:])
		if i, j := strings.Index(page, "<title>"), strings.Index(page, "</title>"); i >= 0 && j > i {
			page = page[:i+len("<title>")] + title + page[j:]
		}
		return []byte(page)
	}
	return []byte(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>` + title + `</title></head><body style="font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem">` + main.String() + `</body></html>`)
}

// mainElement finds the content of the page's <main> element: where it
// starts, after the opening tag, and where </main> starts.
func mainElement(page []byte) (start, end int, ok bool) {
	i := bytes.Index(page, []byte("<main"))
	if i < 0 {
		return 0, 0, false
	}
	gt := bytes.IndexByte(page[i:], '>')
	end = bytes.LastIndex(page, []byte("</main>"))
	if gt < 0 || end < i+gt {
		return 0, 0, false
	}
	return i + gt + 1, end, true
}
