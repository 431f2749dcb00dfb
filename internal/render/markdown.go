package render

import (
	"bufio"
	"bytes"
	"html/template"
	"sync"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// markdown converts submitted Markdown to HTML. It is safe by construction:
// raw HTML in the source is omitted, every link, image and autolink is
// published only with an address content.LinkAddress accepts (decided on
// the decoded address, as the browser reads it), and images become links,
// so that no page makes a visitor's browser fetch anything from another
// host. Never add html.WithUnsafe(): submitters are only semi-trusted.
var markdown = goldmark.New(
	goldmark.WithExtensions(content.MarkdownExtensions...),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(linkRenderer{}, 0))),
)

// linkRenderer writes links, images and autolinks. An image is a link to
// the image labelled "Ảnh: " and its alt text. A refused address is left
// out: the text stays, as an anchor without href, which goes nowhere.
type linkRenderer struct{}

func (linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*ast.Link)
		if !entering {
			w.WriteString("</a>")
			return ast.WalkContinue, nil
		}
		openAnchor(w, "", n.Destination, true)
		if n.Title != nil {
			w.WriteString(` title="`)
			html.DefaultWriter.Write(w, n.Title)
			w.WriteByte('"')
		}
		w.WriteByte('>')
		return ast.WalkContinue, nil
	})
	reg.Register(ast.KindImage, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			w.WriteString("</a>")
			return ast.WalkContinue, nil
		}
		openAnchor(w, "image-link", node.(*ast.Image).Destination, true)
		w.WriteString(">Ảnh: ")
		return ast.WalkContinue, nil
	})
	reg.Register(ast.KindAutoLink, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		n := node.(*ast.AutoLink)
		dest := n.URL(source)
		if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(dest), []byte("mailto:")) {
			dest = append([]byte("mailto:"), dest...)
		}
		openAnchor(w, "", dest, false)
		w.WriteByte('>')
		w.Write(util.EscapeHTML(n.Label(source)))
		w.WriteString("</a>")
		return ast.WalkContinue, nil
	})
}

// openAnchor writes "<a", its class and its href when content.LinkAddress
// accepts dest, leaving the tag open for more attributes.
func openAnchor(w util.BufWriter, class string, dest []byte, resolve bool) {
	w.WriteString("<a")
	if class != "" {
		w.WriteString(` class="` + class + `"`)
	}
	if addr, _, ok := content.LinkAddress(dest, resolve); ok {
		w.WriteString(` href="`)
		w.Write(util.EscapeHTML(addr))
		w.WriteByte('"')
	}
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

// MarkdownHTML is the HTML a page shows for a submitted Markdown body.
func MarkdownHTML(src []byte) template.HTML { return renderMarkdown(src) }
