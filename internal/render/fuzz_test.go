package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/htmlcheck"
)

// FuzzRenderRegistration renders a whole site whose one registration has
// fuzzed text in its front matter and body. Whatever a submitter writes,
// rendering succeeds, no page has anything that could run or load from
// elsewhere (htmlcheck), and every JSON and XML file stays well-formed.
//
// Seeds: testdata/fuzz/FuzzRenderRegistration (payloads of every kind).
func FuzzRenderRegistration(f *testing.F) {
	f.Add("Chi bộ số", "", "Nguyễn Văn An", "Lần đầu áp dụng sổ tay đảng viên điện tử.", "Nội dung **mô hình**.\n\n- một\n- hai\n")
	layouts := os.DirFS("../../layouts")
	r, err := NewRenderer(Options{Layouts: layouts})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, member, signer, novelty, body string) {
		reg := "---\ntitle: " + fuzzQuote(title) + "\norganisation: xa-ka-do\ncampaign: 2024\nfield: kinh-te\n" +
			"member: " + fuzzQuote(member) + "\nsigner: " + fuzzQuote(signer) + "\nnovelty: " + fuzzQuote(novelty) +
			"\nexpected_results: Hai mươi hộ được hỗ trợ mỗi năm.\ndate: 2024-01-08\n---\n" +
			strings.ReplaceAll(strings.ToValidUTF8(body, "\uFFFD"), "\x00", "")
		fsys := fuzzSite()
		fsys["content/registrations/2024/xa-ka-do/mo-hinh.md"] = &fstest.MapFile{Data: []byte(reg)}
		site, diags := content.Load(fsys)
		if diags.HasErrors() {
			return // refused: nothing is rendered
		}
		out := &memFiles{files: map[string][]byte{}}
		if err := r.Render(site, out); err != nil {
			t.Fatalf("render: %v", err)
		}
		if _, ok := out.files["mo-hinh/2024/xa-ka-do/mo-hinh/index.html"]; !ok {
			t.Fatal("the registration has no page")
		}
		for name, data := range out.files {
			switch path.Ext(name) {
			case ".html":
				if problems := htmlcheck.Problems(data); len(problems) > 0 {
					t.Errorf("%s:\n%s", name, strings.Join(problems, "\n"))
				}
			case ".json":
				if !json.Valid(data) {
					t.Errorf("%s is not valid JSON", name)
				}
			case ".xml":
				if err := wellFormed(data); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
		}
	})
}

func fuzzSite() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte("---\n" + s + "\n---\n")} }
	return fstest.MapFS{
		"content/_index.md":                 file("title: Thử"),
		"content/campaigns/2024.md":         file("title: Đăng ký 2024\nyear: 2024\nnumber: 943-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy"),
		"content/fields/kinh-te.md":         file("title: Kinh tế"),
		"content/organisations/huyen-uy.md": file("title: Huyện ủy\nkind: cap-uy"),
		"content/organisations/xa-ka-do.md": file("title: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\nparent: huyen-uy"),
	}
}

// fuzzQuote writes s as a YAML double-quoted scalar that reads back as s,
// after replacing what is not UTF-8.
func fuzzQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xfeff || r == 0x2028 || r == 0x2029 || r >= 0xfff0 && r <= 0xffff:
			fmt.Fprintf(&b, "\\u%04x", r)
		case !utf8.ValidRune(r):
			b.WriteString("\\ufffd")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}
