package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
)

// addressCorpus spells link addresses every way Markdown lets one be
// spelled: schemes refused and accepted, each letter or the colon as a
// decimal, hex or named entity, mixed case, backslash escapes, controls
// and spaces encoded at the start or inside, no-break spaces.
func addressCorpus() []string {
	schemes := []string{"javascript", "vbscript", "data", "file", "livescript", "blob", "http", "https", "mailto", "tel"}
	rests := map[string]string{"data": "text/html,<script>alert(1)</script>", "mailto": "a@example.org", "tel": "+84263"}
	var out []string
	for _, s := range schemes {
		rest := rests[s]
		if rest == "" {
			rest = "//example.org/alert(1)"
		}
		first := s[0]
		out = append(out,
			s+":"+rest,
			strings.ToUpper(s[:1])+s[1:]+":"+rest,
			fmt.Sprintf("&#%d;%s:%s", first, s[1:], rest),
			fmt.Sprintf("&#0%d;%s:%s", first, s[1:], rest),
			fmt.Sprintf("&#x%x;%s:%s", first, s[1:], rest),
			fmt.Sprintf("&#X%X;%s:%s", first, s[1:], rest),
			s+"&colon;"+rest,
			s+"&#58;"+rest,
			s+"&#x3a;"+rest,
			s+"&#x3A;"+rest,
			s+`\:`+rest,
			"&#9;"+s+":"+rest,
			"&#10;"+s+":"+rest,
			"&#32;"+s+":"+rest,
			"&#0;"+s+":"+rest,
			"&#x1;"+s+":"+rest,
			"&nbsp;"+s+":"+rest,
			s[:2]+"&#9;"+s[2:]+":"+rest,
			s[:2]+"&#10;"+s[2:]+":"+rest,
			s[:2]+"&#13;"+s[2:]+":"+rest,
			s[:2]+"&Tab;"+s[2:]+":"+rest,
			s[:2]+"&NewLine;"+s[2:]+":"+rest,
			s[:1]+"&#x"+fmt.Sprintf("%x", s[1])+";"+s[2:]+"&#x3a;"+rest,
		)
	}
	return append(out,
		"data:image/png;base64,iVBORw0KGgo=",
		"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
		"&#x64;ata:image/gif;base64,R0lGOD",
		"javascript&#x3a&#x61;lert(1)", // an entity without its semicolon
		"c:\\windows\\system32",
		"/tai-lieu/a.pdf", "#noi-dung", "//example.org/a", "?a=1&amp;b=2", "a%3Ab",
		"https://example.org/đường dẫn", "",
	)
}

// addressSources places an address in every construct that carries one:
// an inline link, an image, each in angle brackets, a reference link and
// image, and an autolink.
func addressSources(dest string) []string {
	return []string{
		"[chữ](" + dest + ")",
		"![ảnh](" + dest + ")",
		"[chữ](<" + dest + ">)",
		"![ảnh](<" + dest + ">)",
		"[chữ][r]\n\n[r]: " + dest,
		"![ảnh][r]\n\n[r]: <" + dest + ">",
		"[chữ](" + dest + ` "tiêu đề")`,
		"<" + dest + ">",
	}
}

var goldmarkStock = goldmark.New(goldmark.WithExtensions(content.MarkdownExtensions...))

// The portal's renderer and goldmark's own agree on every address of the
// corpus: where the portal publishes an address, it is the one goldmark
// decodes (images included: goldmark's src, the portal's href); where
// goldmark publishes an address of an accepted scheme, so does the
// portal. And no address the portal publishes has a scheme a browser would
// read as other than http, https, mailto or tel. The loader refuses
// exactly the addresses the renderer leaves out.
func TestAddressesAgreeWithGoldmark(t *testing.T) {
	refusedSeen := 0
	for _, dest := range addressCorpus() {
		for _, src := range addressSources(dest) {
			refused := compareAddresses(t, src)
			refusedSeen += refused
			if got := loaderRefusals(t, src); got != refused {
				t.Errorf("%q: the loader refuses %d addresses, the renderer leaves out %d", src, got, refused)
			}
		}
	}
	if refusedSeen < 500 {
		t.Errorf("only %d addresses were refused: the corpus no longer exercises the decision", refusedSeen)
	}
}

// FuzzLinkAddress puts any address in every construct and holds the
// portal's renderer to goldmark's decoding and to the accepted schemes.
//
// Seeds: the encoding corpus.
func FuzzLinkAddress(f *testing.F) {
	for _, dest := range addressCorpus() {
		f.Add(dest)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		if strings.ContainsAny(dest, "\n\r") || len(dest) > 300 {
			return
		}
		for _, src := range addressSources(dest) {
			compareAddresses(t, src)
		}
	})
}

// compareAddresses renders src with goldmark's own renderer and the
// portal's, checks the portal against goldmark and the browser, and
// returns how many addresses the portal left out.
func compareAddresses(t *testing.T, src string) (refused int) {
	t.Helper()
	var stock bytes.Buffer
	if err := goldmarkStock.Convert([]byte(src), &stock); err != nil {
		t.Fatal(err)
	}
	theirs := anchorAddresses(t, stock.String(), true)
	ours := anchorAddresses(t, string(renderMarkdown([]byte(src))), false)
	if len(theirs) != len(ours) {
		t.Errorf("%q: goldmark writes %d links or images, the portal %d", src, len(theirs), len(ours))
		return 0
	}
	for i, our := range ours {
		their := theirs[i]
		if s := schemeInBrowser(our.value); our.present && s != "" && s != "http" && s != "https" && s != "mailto" && s != "tel" {
			t.Errorf("%q: the portal publishes %q, which a browser reads as %s:", src, our.value, s)
		}
		if our.present && our.value != their.value || our.present && !their.present && our.value != "" {
			t.Errorf("%q: the portal publishes %q, goldmark decodes %q", src, our.value, their.value)
		}
		if their.present && !our.present && their.value != "" && acceptedInBrowser(their.value) {
			t.Errorf("%q: goldmark publishes %q, the portal leaves it out", src, their.value)
		}
		if !our.present {
			refused++
		}
	}
	return refused
}

type address struct {
	value   string
	present bool
}

// anchorAddresses returns the href of each <a> and the src of each <img>
// of page, in order, as a browser reads the attribute. goldmark leaves an
// address out as href="": emptyIsAbsent reads it so.
func anchorAddresses(t *testing.T, page string, emptyIsAbsent bool) []address {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []address
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "a" || n.Data == "img") {
			want := map[string]string{"a": "href", "img": "src"}[n.Data]
			a := address{}
			for _, attr := range n.Attr {
				if attr.Key == want {
					a = address{value: attr.Val, present: true}
				}
			}
			if emptyIsAbsent && n.Data == "a" && a.present && a.value == "" {
				a.present = false // goldmark's way of leaving an address out
			}
			out = append(out, a)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

var schemeRE = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.\-]*):`)

// schemeInBrowser is how the WHATWG URL parser finds a scheme, written
// apart from content.LinkAddress: leading and trailing C0 controls and
// spaces stripped, tabs and line ends removed anywhere.
func schemeInBrowser(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	if m := schemeRE.FindStringSubmatch(u); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}

func acceptedInBrowser(u string) bool {
	switch schemeInBrowser(u) {
	case "", "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// loaderRefusals loads a site whose one registration has src as its body
// and counts the addresses the loader refuses.
func loaderRefusals(t *testing.T, src string) int {
	t.Helper()
	fsys := fuzzSite()
	fsys["content/registrations/2024/xa-ka-do/mo-hinh.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Mô hình thử\norganisation: xa-ka-do\ncampaign: 2024\nfield: kinh-te\n" +
		"novelty: Lần đầu chi bộ áp dụng cách làm này trong sinh hoạt.\nexpected_results: Hai mươi hộ đảng viên được hỗ trợ mỗi năm.\ndate: 2024-01-08\n---\n" + src + "\n")}
	_, diags := content.Load(fsys)
	n := 0
	for _, d := range diags {
		if d.Code == "unsafe-address" {
			n++
		}
	}
	return n
}
