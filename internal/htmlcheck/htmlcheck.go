// Package htmlcheck reads a built page as a browser's HTML parser does and
// reports anything in it that could run in a visitor's browser or fetch
// from another host: event-handler attributes, script elements other than
// the portal's own files and valid JSON data, javascript:, vbscript: and
// data: addresses, CSS url(), and elements that embed other documents.
// The build's site tests and the render fuzz target use it on every page,
// so that a payload in any field shows up however it got through.
package htmlcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/net/html"
)

// forbidden are elements no page of the portal has: each loads or runs
// something.
var forbidden = map[string]bool{
	"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true, "applet": true,
	"base": true, "img": true, "svg": true, "math": true, "style": true,
	"video": true, "audio": true, "source": true, "track": true, "portal": true,
}

// urlAttributes hold addresses a browser follows or loads.
var urlAttributes = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true, "poster": true,
	"data": true, "background": true, "cite": true, "srcset": true, "ping": true, "manifest": true,
}

// Problems returns what could run or load in page, each as "line: what".
// A page with none returns nil.
func Problems(page []byte) []string {
	var problems []string
	z := html.NewTokenizer(bytes.NewReader(page))
	line := 1
	report := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%d: ", line)+fmt.Sprintf(format, args...))
	}
	counts := map[string]int{}
	inScript, scriptType := false, ""
	for {
		tt := z.Next()
		raw := z.Raw()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				report("unreadable: %v", z.Err())
			}
			break
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			counts[tag]++
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				key, val := string(k), string(v)
				attrs[key] = val
				switch {
				case strings.HasPrefix(key, "on"):
					report("event handler %s=%q on <%s>", key, val, tag)
				case key == "style" && dangerousCSS(val):
					report("style=%q on <%s>", val, tag)
				case urlAttributes[key] && dangerousURL(val):
					report("address %s=%q on <%s>", key, val, tag)
				case key == "http-equiv":
					report("<meta http-equiv=%q>", val)
				}
			}
			if forbidden[tag] && !(tag == "img" && attachedImage(attrs)) {
				report("element <%s>", tag)
			}
			if href, ok := attrs["href"]; tag == "link" && ok && !local(href) {
				report("<link> to another host: %q", href)
			}
			if tag == "script" {
				inScript, scriptType = true, strings.ToLower(strings.TrimSpace(attrs["type"]))
				if src, ok := attrs["src"]; ok {
					if !local(src) {
						report("script from another host: %q", src)
					}
				} else if scriptType != "application/json" && scriptType != "application/ld+json" {
					report("inline script of type %q", scriptType)
				}
			}
		case html.TextToken:
			if inScript && (scriptType == "application/json" || scriptType == "application/ld+json") && !json.Valid(bytes.TrimSpace(z.Text())) {
				report("invalid JSON in <script>: %.80q", raw)
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "script" {
				inScript = false
			}
		}
		line += bytes.Count(raw, []byte("\n"))
	}
	for _, tag := range []string{"html", "head", "body", "title"} {
		if counts[tag] > 1 {
			problems = append(problems, fmt.Sprintf("%d elements <%s>", counts[tag], tag))
		}
	}
	return problems
}

// dangerousURL reports an address that runs code or carries a document, as
// a browser reads it: it ignores surrounding spaces and control characters
// and the tabs and line breaks inside a scheme. v is the attribute's value
// with its character references already decoded by the tokenizer, once,
// as a browser decodes them.
func dangerousURL(v string) bool {
	v = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, v)
	v = strings.ToLower(v)
	for _, scheme := range []string{"javascript:", "vbscript:", "data:", "livescript:"} {
		if strings.HasPrefix(v, scheme) {
			return true
		}
	}
	return false
}

func dangerousCSS(v string) bool {
	v = strings.ToLower(strings.ReplaceAll(v, "\\", ""))
	return strings.Contains(v, "url(") || strings.Contains(v, "expression(") || strings.Contains(v, "javascript:") || strings.Contains(v, "@import")
}

// attachedImage reports an <img> as the portal shows an attached photo
// (render/attachments.go): loaded lazily from a path of the portal itself,
// a PNG or JPEG file the check has read, with nothing else to fetch.
func attachedImage(attrs map[string]string) bool {
	src := attrs["src"]
	ext := strings.ToLower(path.Ext(src))
	_, srcset := attrs["srcset"]
	return attrs["loading"] == "lazy" && strings.HasPrefix(src, "/") && local(src) && !srcset &&
		(ext == ".png" || ext == ".jpg" || ext == ".jpeg")
}

// local reports an address on the portal itself: a path, not another host.
func local(u string) bool {
	u = strings.TrimSpace(u)
	return !strings.HasPrefix(u, "//") && !strings.Contains(strings.SplitN(u, "/", 2)[0], ":")
}
