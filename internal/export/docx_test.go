package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

func sampleWord() *Word {
	return &Word{
		Title: "Báo cáo <thử>", Creator: "Đảng ủy xã Ka Đô", Size: 14,
		Date: time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC),
		Page: Page{Top: 20, Bottom: 20, Left: 30, Right: 15, Numbers: true},
		Body: []Block{
			Paragraph{Runs: []Run{{Text: "BÁO CÁO", Bold: true}}, Align: Center},
			// A submitter's text: markup, a field code, characters XML
			// cannot carry, a line break, a tab.
			Paragraph{Runs: []Run{{Text: "<w:fldSimple w:instr=\"PAGE\"/> & { PAGE } \x01\x0b\uFFFE dòng một\ndòng\thai"}}, Align: Justify, FirstLine: 12.7},
			WordTable{Widths: []float64{80, 85}, Borders: true, Rows: []WordRow{
				{Header: true, Cells: []WordCell{{Blocks: []Block{Text("A")}}, {Blocks: []Block{Text("B")}}}},
				{Cells: []WordCell{{Merge: MergeStart, Blocks: []Block{Text("x")}}, {Span: 1}}},
				{Cells: []WordCell{{Merge: MergeOn}, {Blocks: []Block{WordTable{Widths: []float64{40}, Rows: []WordRow{{Cells: []WordCell{{}}}}}}}}},
			}},
		},
	}
}

func readZip(t *testing.T, data []byte) (names []string, parts map[string][]byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts = map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		names = append(names, f.Name)
		parts[f.Name] = b
	}
	return names, parts
}

// Every part is well-formed XML; the content types name every part; the
// relationships point at parts that exist; the submitter's text is text.
func TestDOCXParts(t *testing.T) {
	var buf bytes.Buffer
	if err := DOCX(&buf, sampleWord()); err != nil {
		t.Fatal(err)
	}
	names, parts := readZip(t, buf.Bytes())
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml", "word/document.xml"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("parts %v, want %v", names, want)
	}
	for name, data := range parts {
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed: %v", name, err)
			}
		}
	}
	types := string(parts["[Content_Types].xml"])
	for _, name := range names {
		if strings.HasPrefix(name, "word/") && strings.HasSuffix(name, ".xml") && !strings.Contains(types, `PartName="/`+name+`"`) {
			t.Errorf("[Content_Types].xml does not name %s", name)
		}
	}
	for file, base := range map[string]string{"_rels/.rels": "", "word/_rels/document.xml.rels": "word/"} {
		var rels struct {
			Rel []struct {
				Target string `xml:",attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(parts[file], &rels); err != nil {
			t.Fatal(err)
		}
		for _, r := range rels.Rel {
			if parts[base+r.Target] == nil {
				t.Errorf("%s points at %s, which is not in the file", file, r.Target)
			}
		}
	}
	doc := string(parts["word/document.xml"])
	for _, s := range []string{
		`&lt;w:fldSimple w:instr=&#34;PAGE&#34;/&gt; &amp; { PAGE }  dòng một</w:t><w:br/>`, `<w:tab/>`,
		`<w:pgSz w:w="11906" w:h="16838"/>`, `<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`, `<w:titlePg/>`,
		`<w:ind w:left="0" w:firstLine="720"/><w:jc w:val="both"/>`, `<w:vMerge w:val="restart"/>`, `<w:tblHeader/>`,
	} {
		if !strings.Contains(doc, s) {
			t.Errorf("document.xml lacks %s", s)
		}
	}
	if strings.Contains(doc, "<w:instrText") || strings.Contains(doc, "<w:fldSimple") || strings.Contains(doc, "<w:fldChar") {
		t.Error("the document has a field: only the header's page number may")
	}
	if !strings.Contains(string(parts["word/header1.xml"]), `<w:instrText xml:space="preserve"> PAGE </w:instrText>`) {
		t.Error("header1.xml has no page number")
	}
	if !strings.Contains(string(parts["docProps/core.xml"]), "Báo cáo &lt;thử&gt;") {
		t.Error("core.xml does not carry the title, escaped")
	}
}

// Two writes of one document are the same bytes; landscape swaps the sides.
func TestDOCXDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	w := sampleWord()
	w.Page.Landscape = true
	if err := DOCX(&a, w); err != nil {
		t.Fatal(err)
	}
	if err := DOCX(&b, w); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes differ")
	}
	_, parts := readZip(t, a.Bytes())
	if !strings.Contains(string(parts["word/document.xml"]), `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`) {
		t.Error("not landscape")
	}
}
