package browsertest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/mohinh/mohinh/internal/cdp"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/vi"
)

// hostileTexts are what a person may type or paste that YAML, or the
// splitter of the front matter, reads as syntax. line goes into the
// one-line items (the title, after it, and the member, the signer and the
// signer's title), text into the texts (novelty, expected results, body).
// quoted marks the texts a YAML block cannot hold, which the form writes
// in double quotes; it writes the others as blocks, to be read.
var hostileTexts = []struct {
	name, line, text string
	quoted           bool
}{
	{"a line of dashes", "---", "Dòng đầu.\n---\nDòng sau.", true},
	{"dashes among spaces", " \t---\t ", "Mở đầu\n   ---   \n\t---\t\n\u00a0---\u3000\nkết", true},
	{"dashes first and last", "--- c", "---\nở giữa\n---", true},
	{"keys after dashes", "status: approved", "Tính mới.\n---\nstatus: approved\ntitle: Mô hình khác\n---\nHết.", true},
	{"a line of dots", "...", "Dòng đầu.\n...\nDòng sau.", false},
	{"a comment", "# tiêu đề", "# không phải chú thích\nCó # ở giữa và cuối #", false},
	{"a hash at the start", "#1", "#1 đầu dòng\n#hashtag", false},
	{"quotes", `"Thôn xanh" và 'sạch' “đẹp” ‘hay’ \ \"`, "\"Thôn xanh\"\n'sạch'\n“đẹp” ‘hay’\n\\n không phải xuống dòng \\", false},
	{"a quote alone", `"`, "'\n\"", false},
	{"tabs", "a\tb", "Cột 1\tCột 2\n\tthụt bằng tab\nhết\t", false},
	{"leading spaces", "   thụt đầu", "Đầu\n    thụt bốn dấu cách\n  hai\n\u3000toàn góc", false},
	{"trailing spaces", "cuối   ", "dòng có dấu cách cuối   \nvà tab\t\t\nhết", false},
	{"a colon and space", "Mô hình: thôn xanh", "Mục tiêu: tăng 20%\nkey: value\nKết quả:", false},
	{"a dash list", "- ý một", "- ý một\n- ý hai\n-ba\n  - lồng", false},
	{"a lone bar", "|", "|\nchữ", false},
	{"a lone angle", ">", ">\n|-\n>+2", false},
	{"empty lines", "", "\n\nĐoạn một.\n\n\n\nĐoạn hai.\n\n", false},
	{"windows line ends", "CRLF", "Dòng một.\r\nDòng hai.\r\n\r\nDòng bốn.\rDòng năm.", false},
	{"a very long line", strings.Repeat("dài ", 300), strings.Repeat("Mô hình mới, cách làm sáng tạo; ", 200) + "\n" + strings.Repeat("x", 3000), false},
	{"a brace", "{a: 1}", "{ \"a\": 1 }\n}", false},
	{"a bracket", "[x]", "[1, 2]\n]", false},
	{"an ampersand", "&neo", "&neo giá trị\n*neo", false},
	{"an asterisk", "*bí danh", "*bí danh\n**đậm**", false},
	{"an exclamation mark", "!thẻ", "!thẻ\n!!str", false},
	{"a percent sign", "%YAML 1.2", "%YAML 1.2\n%TAG ! tag:", false},
	{"an at sign", "@tai-khoan", "@tai-khoan\n@", false},
	{"a backtick", "`mã`", "`mã`\n```", false},
	{"YAML's words", "null", "null", false},
	{"a tilde", "~", "~\nyes\n2025-01-06\n0x1F", false},
	{"decomposed Unicode", "Nguye\u0302\u0303n Va\u0306n Bi\u0300nh", "Mo\u0302 hi\u0300nh mo\u031b\u0301i\nca\u0301ch la\u0300m sa\u0301ng ta\u0323o", false},
	{"what YAML reads as line breaks", "a\u2028b\u2029c\u0085d", "dòng\u2028tách\u2029đoạn\u0085hết\nsau", true},
	{"characters YAML refuses unescaped", "chuông\u0007 xóa\u007f C1\u0080 BOM\ufeff", "chuông\u0007\nxóa\u007f\nC1\u0080\u009f\nBOM\ufeffgiữa\n\ufffe\uffff\U0010ffff", true},
	{"backslashes", `C:\thư mục\n`, "C:\\thư mục\\n\n\\", false},
	{"astral characters", "🌾 lúa 𝕏", "🌾 lúa\n𝕏", false},
}

// The form writes each text so that the loader reads it back as the form
// kept it: no text, however written, ends the front matter early or
// breaks its YAML.
func TestFormTextsSurviveTheFile(t *testing.T) {
	e := setup(t)
	p := e.newPage(t)
	e.open(t, p, "/dang-ky/")
	if err := p.WaitFor(`document.getElementById("dang-ky").dataset.ready`); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{{"#f-campaign", "2025"}, {"#f-organisation", "xa-ka-do"}, {"#f-field", "chuyen-doi-so"}} {
		if err := p.Choose(c[0], c[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Eval(`document.querySelector("input[name=kind][value=ca-nhan]").click()`, nil); err != nil {
		t.Fatal(err)
	}
	fill(t, p, "number", "15-CV/ĐU")
	setDate(t, p, "2025-01-06")

	type written struct {
		path, file string
		want       map[string]string // item → what must come back
	}
	var files []written
	for i, c := range hostileTexts {
		title := c.line + " mô hình thử " + strconv.Itoa(i+1)
		member := c.line
		if kept(member) == "" {
			member = "Trần Thị Lan" // required of an individual registration
		}
		typed := map[string]string{
			"title": title, "member": member, "signer": c.line, "signer_title": c.line,
			"novelty": c.text, "expected_results": c.text, "body": c.text,
		}
		for _, key := range []string{"title", "member", "signer", "signer_title", "novelty", "expected_results", "body"} {
			paste(t, p, key, typed[key])
		}
		var held map[string]string
		if err := p.Eval(`Object.fromEntries(["title", "member", "signer", "signer_title", "novelty", "expected_results", "body"].map(k => [k, document.getElementById("f-" + k).value]))`, &held); err != nil {
			t.Fatal(err)
		}
		for key, v := range typed {
			// A textarea gives its line ends as "\n".
			if want := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(v); held[key] != want {
				t.Fatalf("%s: %s holds %q after pasting %q", c.name, key, held[key], v)
			}
		}
		var out struct{ File, Path, Problems string }
		if err := p.Eval(`(() => {
			const f = document.getElementById("dang-ky");
			delete f.dataset.file;
			f.querySelector("button[type=submit]").click();
			return {file: f.dataset.file || "", path: f.dataset.path || "", problems: document.getElementById("dang-ky-loi").hidden ? "" : document.getElementById("dang-ky-loi").textContent};
		})()`, &out); err != nil {
			t.Fatal(err)
		}
		if out.File == "" {
			t.Fatalf("%s: the form wrote no file: %s", c.name, out.Problems)
		}
		for _, key := range []string{"novelty", "expected_results"} {
			if block := strings.Contains(out.File, "\n"+key+": |\n") || strings.Contains(out.File, "\n"+key+": >\n"); block == c.quoted {
				t.Errorf("%s: %s is written as a block: %v, want %v:\n%s", c.name, key, block, !c.quoted, out.File)
			}
		}
		want := map[string]string{}
		for key, v := range typed {
			want[key] = kept(v)
		}
		files = append(files, written{out.Path, out.File, want})
	}

	byPath := map[string]string{}
	for _, f := range files {
		byPath[f.path] = f.file
	}
	site, diags := content.Load(siteWith(t, e.sampleSite, byPath))
	for _, d := range diags {
		if d.Severity == diag.Error {
			t.Errorf("%s\n%s", d, byPath[d.Path])
		}
	}
	if diags.HasErrors() {
		t.FailNow()
	}
	for i, f := range files {
		r := site.RegistrationByPath[f.path]
		if r == nil {
			t.Errorf("%s: %s was not loaded", hostileTexts[i].name, f.path)
			continue
		}
		body, ok := strings.CutPrefix(string(r.Body.Text), "\n## Nội dung mô hình\n\n")
		if !ok {
			t.Errorf("%s: the body lacks its heading: %q", hostileTexts[i].name, r.Body.Text)
		}
		got := map[string]string{
			"title": r.Title, "member": r.Member, "signer": r.Signer, "signer_title": r.SignerTitle,
			"novelty": r.Novelty, "expected_results": r.ExpectedResults, "body": strings.TrimSuffix(body, "\n"),
		}
		for key, want := range f.want {
			if got[key] != want {
				t.Errorf("%s: %s reads back as\n%q, the form kept\n%q\nin the file:\n%s", hostileTexts[i].name, key, got[key], want, f.file)
			}
		}
	}
}

// paste puts text into an item at once, as pasting it does, and leaves
// the item.
func paste(t *testing.T, p *cdp.Page, key, text string) {
	t.Helper()
	if err := p.Eval(`(() => { const e = document.getElementById("f-`+key+`"); e.focus(); e.value = ""; })()`, nil); err != nil {
		t.Fatal(err)
	}
	if text != "" {
		if err := p.Call("Input.insertText", map[string]any{"text": text}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Eval(`(() => { const e = document.getElementById("f-`+key+`"); e.dispatchEvent(new Event("change", {bubbles: true})); e.blur(); })()`, nil); err != nil {
		t.Fatal(err)
	}
}

// kept is what the form keeps of a text, and so what must come back from
// its file: the text in NFC, its line ends "\n", without the spaces at the
// end of its lines nor the blank lines and spaces at its ends (which the
// loader would trim too). The form takes as spaces what Go's unicode does
// and JavaScript's U+FEFF.
func kept(text string) string {
	space := func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }
	text = vi.NFC(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text))
	text = strings.Map(func(r rune) rune { // what the loader refuses, the form drops
		if _, refused := content.RefusedRune(string(r)); refused {
			return -1
		}
		return r
	}, text)
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, space)
	}
	return strings.TrimFunc(strings.Join(lines, "\n"), space)
}

// siteWith is the site in dir without its registrations, and with files
// (path → text) added.
func siteWith(t *testing.T, dir string, files map[string]string) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := filepath.Join(dir, "content")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "content/registrations" || rel == "content/decisions" || rel == "content/results" { // decisions and results name registrations
				return filepath.SkipDir
			}
			return nil
		}
		data, err := os.ReadFile(path)
		fsys[rel] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for path, file := range files {
		fsys[path] = &fstest.MapFile{Data: []byte(file)}
	}
	return fsys
}
