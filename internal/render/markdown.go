package render

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// markdown converts submitted Markdown to HTML. It is safe by construction:
// raw HTML in the source is omitted, and goldmark drops dangerous link
// destinations (javascript:, vbscript:, file:, data: other than images).
// Never add html.WithUnsafe(): submitters are only semi-trusted.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
)

// renderMarkdown returns the HTML of src. goldmark only fails when its
// writer does, and a bytes.Buffer does not.
func renderMarkdown(src []byte) template.HTML {
	if len(bytes.TrimSpace(src)) == 0 {
		return ""
	}
	var buf bytes.Buffer
	buf.Grow(len(src) * 3 / 2)
	if err := markdown.Convert(src, &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(string(src)))
	}
	return template.HTML(buf.String())
}
