package render

import (
	"bufio"
	"bytes"
	"html/template"
	"sync"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// markdown converts submitted Markdown to HTML. It is safe by construction:
// raw HTML in the source is omitted, goldmark drops dangerous link
// destinations (javascript:, vbscript:, file:, data: other than images),
// and images become links, so that no page makes a visitor's browser fetch
// anything from another host. Never add html.WithUnsafe(): submitters are
// only semi-trusted.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(imageAsLink{}, 0))),
)

// imageAsLink renders ![alt](url) as a link to the image labelled with its
// alt text.
type imageAsLink struct{}

func (imageAsLink) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		img := node.(*ast.Image)
		if entering {
			w.WriteString(`<a class="image-link" href="`)
			if !html.IsDangerousURL(img.Destination) {
				w.Write(util.EscapeHTML(util.URLEscape(img.Destination, true)))
			}
			w.WriteString(`">Ảnh: `)
		} else {
			w.WriteString("</a>")
		}
		return ast.WalkContinue, nil
	})
}

// renderMarkdown returns the HTML of src. goldmark only fails when its
// writer does, and a bytes.Buffer does not. A body whose shape would make
// goldmark slow or the page huge (content.MarkdownProblem: the loader
// refuses it, this is the renderer's own guard) is shown as plain text.
func renderMarkdown(src []byte) template.HTML {
	if len(bytes.TrimSpace(src)) == 0 {
		return ""
	}
	if _, problem := content.MarkdownProblem(src); problem != "" {
		return template.HTML("<pre>" + template.HTMLEscapeString(string(src)) + "</pre>")
	}
	out := markdownBuffers.Get().(*markdownBuffer)
	defer markdownBuffers.Put(out)
	out.html.Reset()
	out.w.Reset(&out.html)
	if err := markdown.Convert(src, out.w); err != nil {
		return template.HTML(template.HTMLEscapeString(string(src)))
	}
	return template.HTML(out.html.String())
}

// markdownBuffer is where one Markdown body is rendered: goldmark writes
// through a bufio.Writer, which it would otherwise allocate for every
// body, into html.
type markdownBuffer struct {
	html bytes.Buffer
	w    *bufio.Writer
}

var markdownBuffers = sync.Pool{New: func() any {
	b := &markdownBuffer{}
	b.w = bufio.NewWriter(&b.html)
	return b
}}
