package content

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MarkdownExtensions are the goldmark extensions of the Markdown that
// submitters write: the loader parses with them to find addresses, and
// internal/render renders with them.
var MarkdownExtensions = []goldmark.Extender{extension.Table, extension.Strikethrough}

// PublishedSchemes are the only kinds of address a link in a submitted
// text may have on the portal: web pages, e-mail and telephone numbers.
// An address without a scheme (a path, "#part", "//host/…") is a link
// within the web too. Everything else — javascript:, vbscript:, data: (an
// image too: the portal shows images as links), file:, blob:, a Windows
// drive letter — is refused by check and published without its address.
var PublishedSchemes = []string{"http", "https", "mailto", "tel"}

// LinkAddress decides what a Markdown link, image or autolink destination
// is published as. addr is the address exactly as the page carries it
// (before HTML escaping): entities and backslash escapes decoded when
// resolve is set (links and images; autolinks take their text as it is),
// then what may not stand in a URL percent-encoded, as goldmark's own
// renderer writes it. The decision is made on that decoded address, as a
// browser parses it: leading and trailing controls and spaces dropped, tabs
// and line ends removed, then the scheme read. ok is false when the
// scheme is not one of PublishedSchemes; scheme is then what the browser
// would have seen, in lower case. This is the one place every link, image
// and autolink of the portal is decided.
func LinkAddress(dest []byte, resolve bool) (addr []byte, scheme string, ok bool) {
	addr = util.URLEscape(dest, resolve)
	scheme = browserScheme(addr)
	if scheme == "" {
		return addr, "", true
	}
	for _, s := range PublishedSchemes {
		if scheme == s {
			return addr, scheme, true
		}
	}
	return addr, scheme, false
}

// browserScheme returns the scheme of a URL as the WHATWG URL parser
// reads it, in lower case, or "" for a relative URL.
func browserScheme(u []byte) string {
	u = bytes.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	var b strings.Builder
	for _, c := range u {
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			continue
		case c == ':':
			s := b.String()
			if s == "" || !isASCIILetter(s[0]) {
				return ""
			}
			return strings.ToLower(s)
		case isASCIILetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.':
			b.WriteByte(c)
		default:
			return ""
		}
	}
	return ""
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// mayHoldRefusedAddress reports whether body could hold a link address
// that LinkAddress refuses: it has an entity or escape ("&", which
// could spell a scheme or its colon) or a colon after a run of scheme
// characters that is not one of PublishedSchemes. Most bodies have
// neither, and are not parsed.
func mayHoldRefusedAddress(body []byte) bool {
	if bytes.IndexByte(body, '&') >= 0 {
		return true
	}
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], ':')
		if j < 0 {
			return false
		}
		j += i
		k := j
		for k > 0 && (isASCIILetter(body[k-1]) || body[k-1] >= '0' && body[k-1] <= '9' || strings.IndexByte("+-.\\", body[k-1]) >= 0) {
			k--
		}
		if run := strings.ToLower(string(body[k:j])); run != "" && isASCIILetter(run[0]) {
			published := false
			for _, s := range PublishedSchemes {
				published = published || run == s
			}
			if !published {
				return true
			}
		}
		i = j + 1
	}
}

var addressParser = goldmark.New(goldmark.WithExtensions(MarkdownExtensions...)).Parser()

// checkAddresses reports each link, image and autolink of body whose
// address LinkAddress refuses, at the line of its address.
func checkAddresses(path string, body Markdown, diags *diagnostics) {
	if !mayHoldRefusedAddress(body.Text) {
		return
	}
	src := body.Text
	doc := addressParser.Parse(text.NewReader(src))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		resolve := true
		kind := "liên kết"
		switch n := n.(type) {
		case *ast.Link:
			dest = n.Destination
		case *ast.Image:
			dest, kind = n.Destination, "ảnh"
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkEmail {
				return ast.WalkContinue, nil
			}
			dest, resolve = n.URL(src), false
		default:
			return ast.WalkContinue, nil
		}
		addr, scheme, ok := LinkAddress(dest, resolve)
		if ok {
			return ast.WalkContinue, nil
		}
		line, col := position(src, addressOffset(src, n, dest))
		shown := "\"" + cut(string(dest), 60) + "\""
		if !bytes.Equal(dest, addr) {
			shown += ", trình duyệt đọc là \"" + cut(string(addr), 60) + "\""
		}
		diags.Errorf(path, body.Line+line-1, col, "unsafe-address",
			"%s có địa chỉ kiểu \"%s:\" (%s), không được đăng trên cổng thông tin: chỉ dùng địa chỉ bắt đầu bằng http://, https://, mailto: hoặc tel:, hoặc xóa %s này",
			kind, scheme, shown, kind)
		return ast.WalkContinue, nil
	})
}

// addressOffset finds where in src the address dest of n is written: at or
// after the start of its block, else anywhere (a reference definition
// written earlier), else the start of its block.
func addressOffset(src []byte, n ast.Node, dest []byte) int {
	start := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			start = p.Lines().At(0).Start
			break
		}
	}
	if len(dest) == 0 {
		return start
	}
	if i := bytes.Index(src[start:], dest); i >= 0 {
		return start + i
	}
	if i := bytes.Index(src, dest); i >= 0 {
		return i
	}
	return start
}

// cut shortens s to at most n runes, marking the cut.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
