package export

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/report"
)

// DateFormat is how the spreadsheet shows dates: they are stored as dates,
// so that the Board can sort and filter them, and read as in Vietnam.
const DateFormat = "dd/mm/yyyy"

// XLSX writes the spreadsheet of a call: one sheet per table of Tables,
// with a bold header row that stays in view, column widths, wrapped long
// text in rows as tall as it, real dates, the web addresses as hyperlinks,
// a filter on each table, the totals as sums, and pages set up to print on
// A4 landscape, the header row on each page and the pages numbered.
//
// It writes the Office Open XML parts itself (ECMA-376, SpreadsheetML),
// each streamed into the archive row by row: a province's call of 17,000
// registrations is never whole in memory, and writing costs a fraction of
// what a general spreadsheet library spends. Text is always an inline
// string, never a formula: the only formulas are the sums of the total
// rows (Table.Total), made of cell references only. The bytes depend on
// the content only: the parts are written in a fixed order, undated, and
// the document is dated by the call.
func XLSX(w io.Writer, s *report.Summary, links Links) error {
	tables := Tables(s, links)
	z := zip.NewWriter(w)
	part := func(name string, write func(*bufio.Writer) error) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		b := bufio.NewWriterSize(f, 32<<10)
		if err := write(b); err != nil {
			return err
		}
		return b.Flush()
	}
	text := func(s string) func(*bufio.Writer) error {
		return func(b *bufio.Writer) error { _, err := b.WriteString(s); return err }
	}

	if err := part("[Content_Types].xml", text(contentTypes(len(tables)))); err != nil {
		return err
	}
	if err := part("_rels/.rels", text(packageRels)); err != nil {
		return err
	}
	if err := part("docProps/app.xml", text(appProps)); err != nil {
		return err
	}
	if err := part("docProps/core.xml", text(coreProps(s))); err != nil {
		return err
	}
	if err := part("xl/_rels/workbook.xml.rels", text(workbookRels(len(tables)))); err != nil {
		return err
	}
	if err := part("xl/styles.xml", text(stylesXML)); err != nil {
		return err
	}
	if err := part("xl/workbook.xml", text(workbookXML(tables))); err != nil {
		return err
	}
	for i, t := range tables {
		var links []string
		if err := part("xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml", func(b *bufio.Writer) error {
			var err error
			links, err = writeSheet(b, t)
			return err
		}); err != nil {
			return fmt.Errorf("sheet %s: %w", t.Sheet, err)
		}
		if len(links) > 0 {
			if err := part("xl/worksheets/_rels/sheet"+strconv.Itoa(i+1)+".xml.rels", text(sheetRels(links))); err != nil {
				return err
			}
		}
	}
	return z.Close()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

func contentTypes(sheets int) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	for i := 1; i <= sheets; i++ {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appProps = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>mohinh</Application></Properties>`

// coreProps are the document's properties: its title and subject from the
// call, its author the issuing committee, its dates the call's.
func coreProps(s *report.Summary) string {
	c := s.Campaign
	creator := "mohinh"
	if c.Issuer != nil {
		creator = c.Issuer.Title
	}
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>` + escape("Báo cáo tổng hợp — "+c.Title) + `</dc:title>`)
	b.WriteString(`<dc:subject>` + escape("Công văn số "+c.Number) + `</dc:subject>`)
	b.WriteString(`<dc:creator>` + escape(creator) + `</dc:creator>`)
	b.WriteString(`<dc:language>vi-VN</dc:language>`)
	if d := w3cdtf(c.Issued); d != "" {
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + d + `</dcterms:created>`)
	}
	if d := w3cdtf(lastDate(s)); d != "" {
		b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + d + `</dcterms:modified>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

func workbookRels(sheets int) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := 1; i <= sheets; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
	}
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, sheets+1)
	b.WriteString(`</Relationships>`)
	return b.String()
}

func workbookXML(tables []Table) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, t := range tables {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escape(t.Sheet), i+1, i+1)
	}
	b.WriteString(`</sheets><definedNames>`)
	// Each sheet's autofilter range, and its header row repeated on every
	// printed page.
	for i, t := range tables {
		name := escape("'" + strings.ReplaceAll(t.Sheet, "'", "''") + "'")
		fmt.Fprintf(&b, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s!%s</definedName>`, i, name, absoluteRange(filterRange(t)))
		fmt.Fprintf(&b, `<definedName name="_xlnm.Print_Titles" localSheetId="%d">%s!$1:$1</definedName>`, i, name)
	}
	b.WriteString(`</definedNames></workbook>`)
	return b.String()
}

// The cell styles of styles.xml, by their index in cellXfs.
const (
	styleDefault  = iota
	styleHeader   // bold, shaded, centred, wrapped, a dark red rule below
	styleText     // top aligned
	styleWrap     // top aligned, wrapped
	styleNumber   // a whole number, top aligned
	styleDate     // DateFormat, top aligned, centred
	styleLink     // a hyperlink: blue, underlined, top aligned
	styleLinkWrap // a hyperlink, wrapped
)

const stylesXML = xmlHeader + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="1"><numFmt numFmtId="164" formatCode="` + DateFormat + `"/></numFmts>` +
	`<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFF5F4F0"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
	`<border><left/><right/><top/><bottom style="medium"><color rgb="FF7D0F13"/></bottom><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="8">` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
	`<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
	`<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
	`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

// Excel's limits on hyperlinks: the characters of an address, and the
// links of a sheet. A longer address, or a link past the last, stays text.
const (
	maxLinkLength = 2079
	maxSheetLinks = 65530
)

// writeSheet writes a table as a worksheet: the header row frozen, the
// columns at their widths, a row per row of the table, each as tall as its
// wrapped text; a filter on the table; the absolute addresses as
// hyperlinks, whose targets it returns in order (rId1 the first); the
// total row's counts as sums; and the page setup for printing. The
// elements are in the order of the schema (CT_Worksheet), which Excel
// requires.
func writeSheet(b *bufio.Writer, t Table) (links []string, err error) {
	var refs []string // the cells of links, as links
	last := cellRef(len(t.Columns)-1, len(t.Rows)+1)
	b.WriteString(xmlHeader + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	b.WriteString(`<dimension ref="A1:` + last + `"/>`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	b.WriteString(`<sheetFormatPr defaultRowHeight="` + strconv.Itoa(defaultRowHeight) + `"/><cols>`)
	for i, col := range t.Columns {
		fmt.Fprintf(b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(col.Width, 'f', -1, 64))
	}
	b.WriteString(`</cols><sheetData><row r="1" ht="` + formatPoints(headerHeight(t)) + `" customHeight="1">`)
	for i, col := range t.Columns {
		inlineString(b, cellRef(i, 1), styleHeader, col.Header)
	}
	b.WriteString(`</row>`)
	for n, row := range t.Rows {
		r := n + 2
		if ht := rowHeight(t, row); ht > defaultRowHeight {
			b.WriteString(`<row r="` + strconv.Itoa(r) + `" ht="` + formatPoints(ht) + `" customHeight="1">`)
		} else {
			b.WriteString(`<row r="` + strconv.Itoa(r) + `">`)
		}
		total := t.Total && n == len(t.Rows)-1 && n > 0
		for i, v := range row {
			if isEmpty(v) {
				continue
			}
			ref := cellRef(i, r)
			switch x := v.(type) {
			case content.Date:
				b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(styleDate) + `"><v>` + strconv.Itoa(serialDay(x)) + `</v></c>`)
			case int:
				if total {
					// The total is a sum of the rows above, which stays right
					// when a person edits or inserts rows. Its value, for the
					// viewers that do not compute, is that sum.
					col := strings.TrimRight(ref, "0123456789")
					b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(styleNumber) + `"><f>SUM(` + col + `2:` + col + strconv.Itoa(r-1) + `)</f><v>` + strconv.Itoa(columnSum(t.Rows[:n], i)) + `</v></c>`)
					continue
				}
				b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(styleNumber) + `"><v>` + strconv.Itoa(x) + `</v></c>`)
			case string:
				wrap := t.Columns[i].Wrap
				if isLink(x) && len(links) < maxSheetLinks {
					refs, links = append(refs, ref), append(links, x)
					inlineString(b, ref, pick(wrap, styleLinkWrap, styleLink), x)
					continue
				}
				inlineString(b, ref, pick(wrap, styleWrap, styleText), x)
			default:
				panic(fmt.Sprintf("export: a table cell of type %T", v))
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
	// A filter on every column, the total row outside it.
	b.WriteString(`<autoFilter ref="` + filterRange(t) + `"/>`)
	if len(refs) > 0 {
		b.WriteString(`<hyperlinks>`)
		for k, ref := range refs {
			fmt.Fprintf(b, `<hyperlink ref="%s" r:id="rId%d"/>`, ref, k+1)
		}
		b.WriteString(`</hyperlinks>`)
	}
	// Printed on A4 landscape, as wide as the page and as long as it
	// takes, the header row on every page (workbook.xml), "Trang 2/5" at
	// the foot.
	b.WriteString(`<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`)
	b.WriteString(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`)
	_, err = b.WriteString(`<headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter></worksheet>`)
	return links, err
}

func pick(cond bool, yes, no int) int {
	if cond {
		return yes
	}
	return no
}

// columnSum is the sum of the whole numbers of column i of rows.
func columnSum(rows [][]any, i int) int {
	sum := 0
	for _, row := range rows {
		if i < len(row) {
			if n, ok := row[i].(int); ok {
				sum += n
			}
		}
	}
	return sum
}

// isLink reports whether a cell's text is an absolute web address, and
// nothing else: the cell is then a hyperlink to it. A relative path is no
// address outside the site, and stays text, as does anything with a space,
// or longer than Excel takes.
func isLink(s string) bool {
	if len(s) > maxLinkLength || !(strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) {
		return false
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || unicode.IsSpace(r) || !xmlChar(r) {
			return false
		}
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.Opaque == ""
}

// sheetRels are the relationships of a sheet's hyperlinks, rId1 for its
// first: the addresses, each external.
func sheetRels(links []string) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for k, link := range links {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="%s" TargetMode="External"/>`, k+1, escape(link))
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// defaultRowHeight is the height of a row of one line, in points, and
// lineHeight the height each line of wrapped text adds: Excel's, for
// Calibri 11. LibreOffice sets its lines closer (13.45 points, and 1.45
// more for the row), so a row sized for Excel holds them in LibreOffice.
const (
	defaultRowHeight = 15
	lineHeight       = 15
	maxRowHeight     = 409 // Excel's tallest row
	headerMinHeight  = 32  // two lines of header, at least
	boldWidth        = 1.5 // the width of bold text, as wide as regular is 1
)

// rowHeight is the height, in points, a row needs for its wrapped texts
// to show whole in their columns: LibreOffice and Excel do not grow a row
// to fit when the file gives no height, and the text then runs under the
// next row. A row without wrapped text is one line.
func rowHeight(t Table, row []any) float64 {
	lines := 1
	for i, v := range row {
		if s, ok := v.(string); ok && t.Columns[i].Wrap {
			lines = max(lines, wrappedLines(cellText(s), t.Columns[i].Width))
		}
	}
	return min(maxRowHeight, float64(lines*lineHeight))
}

// headerHeight is the height of the header row: its wrapped headers in
// bold, two lines at least.
func headerHeight(t Table) float64 {
	lines := 1
	for _, c := range t.Columns {
		// Bold is wider, the more so in the fonts that stand in for
		// Calibri: LibreOffice wraps "Số ngày muộn" in 9 on three lines.
		lines = max(lines, wrappedLines(c.Header, c.Width/boldWidth))
	}
	return min(maxRowHeight, max(headerMinHeight, float64(lines*lineHeight+2)))
}

// charsPerWidth is how many characters of average width a column holds
// per unit of its width (the width of a digit): measured in LibreOffice,
// whose optimal heights of columns 10 to 60 wide hold 1.1 to 1.25 such
// characters of Vietnamese text per unit.
const charsPerWidth = 1.1

// wrappedLines estimates the lines s takes wrapped in a column width
// characters wide, as a spreadsheet wraps it: at the line breaks, and at
// spaces, a word longer than a line cut where the line ends. Characters
// count by their width: capitals, m and w wide, i, l, punctuation and
// spaces narrow, a Vietnamese letter as its base letter.
func wrappedLines(s string, width float64) int {
	capacity := max(1, width*charsPerWidth)
	lines := 0
	for para := range strings.SplitSeq(s, "\n") {
		lines++
		used := 0.0 // of the current line
		for word := range strings.SplitSeq(para, " ") {
			w := textWidth(word)
			if used > 0 && used+w > capacity {
				lines++
				used = 0
			}
			for used+w > capacity { // a word longer than a line
				lines++
				w -= capacity - used
				used = 0
			}
			used += w + narrowWidth // the space after it
		}
	}
	return lines
}

const narrowWidth = 0.7

// textWidth is the width of s in characters of average width.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) float64 {
	switch {
	case unicode.Is(unicode.Mn, r): // a combining mark
		return 0
	case strings.ContainsRune("iìíỉĩịIÌÍỈĨỊljtfr.,;:'!|/-()[]", r) || unicode.IsSpace(r):
		return narrowWidth
	case unicode.IsUpper(r) || r == 'm' || r == 'w':
		return 1.25
	}
	return 1
}

// filterRange is the range a table's autofilter covers: the header and
// the rows, without a total row at the end (Table.Total).
func filterRange(t Table) string {
	last := len(t.Rows) + 1
	if t.Total && len(t.Rows) > 0 {
		last--
	}
	return "A1:" + cellRef(len(t.Columns)-1, max(last, 1))
}

// absoluteRange writes a range "A1:Q9" as "$A$1:$Q$9".
func absoluteRange(r string) string {
	from, to, _ := strings.Cut(r, ":")
	abs := func(ref string) string {
		i := strings.IndexAny(ref, "0123456789")
		return "$" + ref[:i] + "$" + ref[i:]
	}
	return abs(from) + ":" + abs(to)
}

// formatPoints writes a height in points, as short as it goes.
func formatPoints(pt float64) string {
	return strconv.FormatFloat(pt, 'f', -1, 64)
}

// inlineString writes a text cell: stored in the cell, as text, so that a
// title beginning with "=" stays a title.
func inlineString(b *bufio.Writer, ref string, style int, s string) {
	s = cellText(s)
	space := ""
	if s != strings.TrimSpace(s) {
		space = ` xml:space="preserve"`
	}
	b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(style) + `" t="inlineStr"><is><t` + space + `>`)
	xml.EscapeText(b, []byte(s))
	b.WriteString(`</t></is></c>`)
}

// cellText is s as a cell can hold it: without the characters XML 1.0
// cannot carry, cut at maxCellText characters.
func cellText(s string) string {
	clean := true
	for _, r := range s {
		if !xmlChar(r) {
			clean = false
			break
		}
	}
	if !clean {
		s = strings.Map(func(r rune) rune {
			if xmlChar(r) {
				return r
			}
			return -1
		}, s)
	}
	return cutCell(s)
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(cellText(s)))
	return b.String()
}

// cellRef is the reference of the cell at column col (from 0) and row
// (from 1): "A1", "AB12".
func cellRef(col, row int) string {
	name := ""
	for col++; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name + strconv.Itoa(row)
}

// serialDay is d as a spreadsheet's date: days since 30 December 1899.
func serialDay(d content.Date) int {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	t := d.Time()
	return int(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Sub(epoch).Hours() / 24)
}

// lastDate is the latest date of a call: its newest registration, or the
// day it was issued.
func lastDate(s *report.Summary) content.Date {
	last := s.Campaign.Issued
	for _, row := range s.Rows {
		if row.R.Date.After(last) {
			last = row.R.Date
		}
	}
	return last
}

// w3cdtf is a date as the document properties write it, or "" when the
// call has none.
func w3cdtf(d content.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(time.RFC3339)
}
