package export

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// A Word document (.docx) as a clerk would type it: the portal's printed
// documents — a registration, a results report, a decision, a summary
// report — written also as WordprocessingML (ECMA-376), to be opened,
// edited and signed in the office.
//
// Word is a small model of what those documents use: paragraphs of
// runs, bold, italic, underlined or sized; tables with column widths,
// with borders or without (the heading and the signature block are
// borderless tables); the page, its margins and its numbers. DOCX writes
// it. Every text is a run's text and nothing else: a submitter's words
// never become a field, a style or markup.

// Word is a Word document.
type Word struct {
	Title   string // the document's properties: title, subject, author
	Subject string
	Creator string
	// Date dates the properties and the files of the archive; the zero
	// time leaves the properties undated and dates the files 1980-01-01.
	Date time.Time
	Page Page
	// Size is the body text's size in points; 0 is 14.
	Size float64
	Body []Block
}

// Page is the page setup: A4, its margins in millimetres, and whether
// its pages from the second on are numbered at the top centre.
type Page struct {
	Landscape                bool
	Top, Bottom, Left, Right float64 // mm
	Numbers                  bool
}

// Block is a Paragraph or a WordTable.
type Block interface{ block() }

// Align is a paragraph's alignment.
type Align int

const (
	Left Align = iota
	Center
	Right
	Justify
)

// Paragraph is a paragraph of runs.
type Paragraph struct {
	Runs      []Run
	Align     Align
	FirstLine float64 // the first line's indent, mm
	Indent    float64 // the left indent, mm
	Before    float64 // space before and after, points
	After     float64
	KeepNext  bool // on the page of the next paragraph
}

// Run is text in one format. A line break in Text breaks the line.
type Run struct {
	Text                    string
	Bold, Italic, Underline bool
	Size                    float64 // points; 0 is the paragraph's
}

// WordTable is a table: its columns' widths in millimetres, its rows.
type WordTable struct {
	Widths  []float64
	Borders bool
	Size    float64 // the text's size in points; 0 is the document's
	Rows    []WordRow
}

// WordRow is a table's row; a Header row repeats at the top of every page.
type WordRow struct {
	Header bool
	Cells  []WordCell
}

// WordCell is a table's cell: its paragraphs and tables; Span columns wide
// (0 is 1); Merge with the cells above it: MergeStart begins a cell that
// goes down, MergeOn continues it.
type WordCell struct {
	Blocks []Block
	Span   int
	Merge  Merge
	Shade  bool // a header's grey
}

// Merge is how a cell merges with the cells of its column above and below.
type Merge int

const (
	MergeNone Merge = iota
	MergeStart
	MergeOn
)

func (Paragraph) block() {}
func (WordTable) block() {}

// Text is a paragraph of one plain run.
func Text(s string) Paragraph { return Paragraph{Runs: []Run{{Text: s}}} }

// twips converts millimetres to twentieths of a point.
func twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// halfPoints is a size in points as the runs write it.
func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

const (
	a4Width  = 11906 // twips
	a4Height = 16838
)

// The parts of a document, in the order they are written.
const (
	relsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	wordNS   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

// DOCX writes d as a Word document. The bytes depend on d only: the parts
// are written in a fixed order, the archive's files dated by d.Date, and
// no identifier is random.
func DOCX(w io.Writer, d *Word) error {
	z := newOfficeZip(w)
	modified := d.Date.UTC()
	if d.Date.IsZero() {
		modified = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	// Every part but the properties and the text is the same in many
	// files: copied compressed (zippart.go).
	type part struct {
		name, text string
		own        bool // this file's own, not cached
	}
	parts := []part{
		{"[Content_Types].xml", docxContentTypes(d.Page.Numbers), false},
		{"_rels/.rels", docxPackageRels, false},
		{"docProps/app.xml", appProps, false},
		{"docProps/core.xml", docxCoreProps(d), true},
		{"word/_rels/document.xml.rels", docxDocumentRels(d.Page.Numbers), false},
		{"word/styles.xml", docxStyles(d.Size), false},
		{"word/settings.xml", docxSettings, false},
	}
	if d.Page.Numbers {
		parts = append(parts, part{"word/header1.xml", docxHeader(true, d.Size), false}, part{"word/header2.xml", docxHeader(false, d.Size), false})
	}
	for _, p := range parts {
		write := writeStaticPart
		if p.own {
			write = writePart
		}
		if err := write(z, p.name, p.text, modified); err != nil {
			return err
		}
	}
	f, err := z.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, Modified: modified})
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(f, 32<<10)
	writeDocument(b, d)
	if err := b.Flush(); err != nil {
		return err
	}
	return z.Close()
}

func docxContentTypes(numbers bool) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>`)
	if numbers {
		b.WriteString(`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
			`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`)
	}
	b.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`)
	return b.String()
}

const docxPackageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

func docxDocumentRels(numbers bool) string {
	s := xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relsType + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="` + relsType + `settings" Target="settings.xml"/>`
	if numbers {
		s += `<Relationship Id="rId3" Type="` + relsType + `header" Target="header1.xml"/>` +
			`<Relationship Id="rId4" Type="` + relsType + `header" Target="header2.xml"/>`
	}
	return s + `</Relationships>`
}

func docxCoreProps(d *Word) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>` + escape(d.Title) + `</dc:title>`)
	if d.Subject != "" {
		b.WriteString(`<dc:subject>` + escape(d.Subject) + `</dc:subject>`)
	}
	creator := d.Creator
	if creator == "" {
		creator = "mohinh"
	}
	b.WriteString(`<dc:creator>` + escape(creator) + `</dc:creator><dc:language>vi-VN</dc:language>`)
	if !d.Date.IsZero() {
		t := d.Date.UTC().Format(time.RFC3339)
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created>`)
		b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

// docxStyles sets the defaults every paragraph inherits: Times New Roman
// at size, in Vietnamese, single spaced with a little space after, and the
// table style without borders that the tables build on.
func docxStyles(size float64) string {
	if size == 0 {
		size = 14
	}
	return xmlHeader + `<w:styles ` + wordNS + `>` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
		`<w:sz w:val="` + strconv.Itoa(halfPoints(size)) + `"/><w:szCs w:val="` + strconv.Itoa(halfPoints(size)) + `"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}

const docxSettings = xmlHeader + `<w:settings ` + wordNS + `><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// docxHeader is the header of the pages after the first, its number
// centred (a PAGE field: the one field the writer makes, never from
// content), or the first page's, empty.
func docxHeader(number bool, size float64) string {
	s := xmlHeader + `<w:hdr ` + wordNS + `><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>`
	if number {
		sz := ""
		if size != 0 {
			sz = `<w:rPr><w:sz w:val="` + strconv.Itoa(halfPoints(size)) + `"/></w:rPr>`
		}
		s += `<w:r>` + sz + `<w:fldChar w:fldCharType="begin"/></w:r><w:r>` + sz + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
			`<w:r>` + sz + `<w:fldChar w:fldCharType="separate"/></w:r><w:r>` + sz + `<w:t>2</w:t></w:r><w:r>` + sz + `<w:fldChar w:fldCharType="end"/></w:r>`
	}
	return s + `</w:p></w:hdr>`
}

// writeDocument writes word/document.xml. Its errors are the buffer's,
// returned by its Flush.
func writeDocument(b *bufio.Writer, d *Word) {
	b.WriteString(xmlHeader + `<w:document ` + wordNS + `><w:body>`)
	for _, bl := range d.Body {
		writeBlock(b, bl, 0)
	}
	// A document ends with a paragraph; after a table it must.
	if len(d.Body) == 0 || isTable(d.Body[len(d.Body)-1]) {
		b.WriteString(`<w:p/>`)
	}
	writeSection(b, d.Page)
	b.WriteString(`</w:body></w:document>`)
}

func isTable(bl Block) bool { _, ok := bl.(WordTable); return ok }

// Width is the width between the margins, in millimetres.
func (p Page) Width() float64 {
	w := 210.0
	if p.Landscape {
		w = 297
	}
	return w - p.Left - p.Right
}

func writeSection(b *bufio.Writer, p Page) {
	b.WriteString(`<w:sectPr>`)
	if p.Numbers {
		b.WriteString(`<w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/>`)
	}
	if p.Landscape {
		fmt.Fprintf(b, `<w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/>`, a4Height, a4Width)
	} else {
		fmt.Fprintf(b, `<w:pgSz w:w="%d" w:h="%d"/>`, a4Width, a4Height)
	}
	fmt.Fprintf(b, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		twips(p.Top), twips(p.Right), twips(p.Bottom), twips(p.Left), twips(p.Top/2), twips(p.Bottom/2))
	if p.Numbers {
		b.WriteString(`<w:titlePg/>`)
	}
	b.WriteString(`</w:sectPr>`)
}

func writeBlock(b *bufio.Writer, bl Block, size float64) {
	switch x := bl.(type) {
	case Paragraph:
		writeParagraph(b, x, size)
	case WordTable:
		writeTable(b, x, size)
	default:
		panic(fmt.Sprintf("export: a block of type %T", bl))
	}
}

var alignments = [...]string{Left: "left", Center: "center", Right: "right", Justify: "both"}

func writeParagraph(b *bufio.Writer, p Paragraph, size float64) {
	b.WriteString(`<w:p><w:pPr>`)
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.Before != 0 || p.After != 0 {
		fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d"/>`, int(math.Round(p.Before*20)), int(math.Round(p.After*20)))
	}
	if p.FirstLine != 0 || p.Indent != 0 {
		fmt.Fprintf(b, `<w:ind w:left="%d" w:firstLine="%d"/>`, twips(p.Indent), twips(p.FirstLine))
	}
	if p.Align != Left {
		b.WriteString(`<w:jc w:val="` + alignments[p.Align] + `"/>`)
	}
	if size != 0 {
		writeSize(b, size)
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range p.Runs {
		if r.Size == 0 {
			r.Size = size
		}
		writeRun(b, r)
	}
	b.WriteString(`</w:p>`)
}

// writeSize writes a paragraph mark's size: an empty paragraph, as a
// table's space for the signature, is as high as its text would be.
func writeSize(b *bufio.Writer, size float64) {
	hp := strconv.Itoa(halfPoints(size))
	b.WriteString(`<w:rPr><w:sz w:val="` + hp + `"/><w:szCs w:val="` + hp + `"/></w:rPr>`)
}

// writeRun writes a run: its text as text only, the characters XML
// cannot carry left out, a line break as a break, a tab as a tab.
func writeRun(b *bufio.Writer, r Run) {
	var props strings.Builder
	if r.Bold {
		props.WriteString(`<w:b/><w:bCs/>`)
	}
	if r.Italic {
		props.WriteString(`<w:i/><w:iCs/>`)
	}
	if r.Underline {
		props.WriteString(`<w:u w:val="single"/>`)
	}
	if r.Size != 0 {
		hp := strconv.Itoa(halfPoints(r.Size))
		props.WriteString(`<w:sz w:val="` + hp + `"/><w:szCs w:val="` + hp + `"/>`)
	}
	b.WriteString(`<w:r>`)
	if props.Len() > 0 {
		b.WriteString(`<w:rPr>` + props.String() + `</w:rPr>`)
	}
	text := strings.ReplaceAll(cellTextWhole(r.Text), "\r\n", "\n")
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if piece == "" {
				continue
			}
			b.WriteString(`<w:t xml:space="preserve">`)
			xml.EscapeText(b, []byte(piece))
			b.WriteString(`</w:t>`)
		}
	}
	b.WriteString(`</w:r>`)
}

// cellTextWhole is s without the characters XML 1.0 cannot carry; unlike
// a spreadsheet's cell, a document's text is never cut.
func cellTextWhole(s string) string {
	for _, r := range s {
		if !xmlChar(r) {
			return strings.Map(func(r rune) rune {
				if xmlChar(r) {
					return r
				}
				return -1
			}, s)
		}
	}
	return s
}

func writeTable(b *bufio.Writer, t WordTable, size float64) {
	if t.Size != 0 {
		size = t.Size
	}
	total := 0
	grid := make([]int, len(t.Widths))
	for i, w := range t.Widths {
		grid[i] = twips(w)
		total += grid[i]
	}
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`, total)
	if t.Borders {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
		}
		b.WriteString(`</w:tblBorders>`)
	} else {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			b.WriteString(`<w:` + side + ` w:val="nil"/>`)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/>`)
	if !t.Borders {
		b.WriteString(`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>`)
	}
	b.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, g := range grid {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, g)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, row := range t.Rows {
		b.WriteString(`<w:tr>`)
		if row.Header {
			b.WriteString(`<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
		} else {
			b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		col := 0
		for _, c := range row.Cells {
			span := max(c.Span, 1)
			w := 0
			for i := col; i < col+span && i < len(grid); i++ {
				w += grid[i]
			}
			col += span
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			switch c.Merge {
			case MergeStart:
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			case MergeOn:
				b.WriteString(`<w:vMerge/>`)
			}
			if c.Shade {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			for _, bl := range c.Blocks {
				writeBlock(b, bl, size)
			}
			// A cell ends with a paragraph.
			if len(c.Blocks) == 0 || isTable(c.Blocks[len(c.Blocks)-1]) {
				writeParagraph(b, Paragraph{}, size)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}
