package build

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/net/html"
)

// A word processor opens every kind of Word file the portal writes, and
// reads in it the words of the print view it is made from, in the same
// order: LibreOffice, headless, converts each to PDF and to plain text.
// Under CI a missing LibreOffice fails; elsewhere the test is skipped.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("LibreOffice (soffice) is not installed")
		}
		t.Skip("LibreOffice (soffice) is not installed")
	}
	out := buildTxtarSite(t, "testdata/sites/word.txtar")
	cases := []struct {
		docx, page, id, class string // the print view: the element of id, or of class
	}{
		{"mo-hinh/2024/xa-ka-do/so-tay/so-tay.docx", "mo-hinh/2024/xa-ka-do/so-tay/index.html", "ban-in", ""},
		{"mo-hinh/2024/xa-ka-do/so-tay/so-tay-ket-qua.docx", "mo-hinh/2024/xa-ka-do/so-tay/index.html", "ban-in-ket-qua", ""},
		{"van-ban/2024/huyen-uy/thong-qua/thong-qua.docx", "van-ban/2024/huyen-uy/thong-qua/index.html", "ban-in", ""},
		{"van-ban/2024/ban-to-chuc/tham-dinh/tham-dinh.docx", "van-ban/2024/ban-to-chuc/tham-dinh/index.html", "ban-in", ""},
		{"van-ban/2024/huyen-uy/cong-nhan/cong-nhan.docx", "van-ban/2024/huyen-uy/cong-nhan/index.html", "ban-in", ""},
		{"dot-dang-ky/2024/bao-cao/bao-cao-2024.docx", "dot-dang-ky/2024/bao-cao/index.html", "", "report-doc"},
	}
	dir := t.TempDir()
	var files []string
	for _, c := range cases {
		// Names of their own: two documents may share a name.
		f := filepath.Join(dir, strings.ReplaceAll(c.docx, "/", "_"))
		data, err := os.ReadFile(filepath.Join(out, c.docx))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	for _, format := range []string{"pdf", "txt:Text (encoded):UTF8"} {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		cmd := exec.CommandContext(ctx, soffice, append([]string{
			"--headless", "--norestore",
			"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
			"--convert-to", format, "--outdir", dir,
		}, files...)...)
		out, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, out)
		}
	}
	for i, c := range cases {
		stem := strings.TrimSuffix(files[i], ".docx")
		if fi, err := os.Stat(stem + ".pdf"); err != nil || fi.Size() == 0 {
			t.Errorf("%s: LibreOffice made no PDF: %v", c.docx, err)
		}
		txt, err := os.ReadFile(stem + ".txt")
		if err != nil {
			t.Errorf("%s: LibreOffice made no text: %v", c.docx, err)
			continue
		}
		page, err := os.ReadFile(filepath.Join(out, c.page))
		if err != nil {
			t.Fatal(err)
		}
		view := printViewText(t, string(page), c.id, c.class)
		got, want := words(strings.TrimPrefix(string(txt), "\uFEFF")), words(view)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s does not read as its print view:\n got: %s\nwant: %s\n first difference at word %d", c.docx, strings.Join(got, " "), strings.Join(want, " "), firstDiff(got, want))
		}
	}
}

func buildTxtarSite(t *testing.T, file string) string {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	for _, f := range ar.Files {
		if f.Name == "assert" {
			continue
		}
		p := filepath.Join(site, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := Options{Site: site, Out: filepath.Join(dir, "public")}
	if _, diags, err := Build(opts); err != nil || diags.HasErrors() {
		t.Fatalf("build: %v %v", err, diags)
	}
	return opts.Out
}

// printViewText is the text a reader sees of the print view: the element
// of the page with id, or the first with class, without its screen-only
// bar and what is hidden from readers.
func printViewText(t *testing.T, page, id, class string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	attr := func(n *html.Node, key string) string {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val
			}
		}
		return ""
	}
	var find func(*html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		if n.Type == html.ElementNode && (id != "" && attr(n, "id") == id || class != "" && strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")) {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	root := find(doc)
	if root == nil {
		t.Fatalf("no print view #%s.%s", id, class)
	}
	var b strings.Builder
	// The elements within a line; the others end one.
	inline := map[string]bool{"a": true, "strong": true, "b": true, "em": true, "i": true}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		block := n.Type == html.ElementNode && !inline[n.Data]
		if n.Type == html.ElementNode && (attr(n, "aria-hidden") == "true" || strings.Contains(attr(n, "class"), "document-bar")) {
			return
		}
		if block {
			b.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString(" ")
		}
	}
	walk(root)
	return b.String()
}

// words splits a text into its words, without the rules and list marks
// that one presentation draws and the other writes.
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if strings.Trim(w, "-•*") == "" {
			continue
		}
		out = append(out, w)
	}
	return out
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
