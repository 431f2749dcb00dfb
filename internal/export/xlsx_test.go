package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mohinh/mohinh/internal/content"
)

func writeXLSX(t *testing.T) ([]byte, *content.Site) {
	t.Helper()
	site, sum := fixture(t)
	var buf bytes.Buffer
	if err := XLSX(&buf, sum, testLinks{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), site
}

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cellAt returns the formatted value of a cell, failing the test on error.
func cellAt(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

// checkDateCell requires a cell to hold date d as a real date: a number,
// the serial day of d, shown as dd/mm/yyyy.
func checkDateCell(t *testing.T, f *excelize.File, sheet, ref string, d content.Date) {
	t.Helper()
	typ, _ := f.GetCellType(sheet, ref)
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s!%s: cell type %v, want a number", sheet, ref, typ)
	}
	raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Errorf("%s!%s: raw value %q is not a number: the date is text", sheet, ref, raw)
		return
	}
	got, _ := excelize.ExcelDateToTime(serial, false)
	if !got.Equal(d.Time()) {
		t.Errorf("%s!%s: serial %v is %v, want %v", sheet, ref, serial, got, d)
	}
	id, _ := f.GetCellStyle(sheet, ref)
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != DateFormat {
		t.Errorf("%s!%s: number format %v, want %q", sheet, ref, st, DateFormat)
	}
	if v := cellAt(t, f, sheet, ref); v != d.Short() {
		t.Errorf("%s!%s shows %q, want %q", sheet, ref, v, d.Short())
	}
}

// The spreadsheet read back holds, cell by cell, what the content says.
func TestXLSXCellByCell(t *testing.T) {
	data, site := writeXLSX(t)
	f := openXLSX(t, data)
	c := site.CampaignByYear[2024]

	if got, want := f.GetSheetList(), []string{SheetRegistrations, SheetOrganisations, SheetFields, SheetCompliance, SheetEvaluation}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	header := []string{
		"STT", "Tổ chức đăng ký", "Loại tổ chức", "Tên mô hình", "Lĩnh vực", "Hình thức", "Đảng viên đăng ký", "Số văn bản",
		"Ngày đăng ký", "Thời hạn", "Số ngày muộn", "Trạng thái", "Tính mới của mô hình", "Dự kiến kết quả đạt được", "Địa chỉ trên cổng thông tin", "Kết quả xét duyệt",
	}
	rows, err := f.GetRows(SheetRegistrations)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], header) {
		t.Errorf("header %q, want %q", rows[0], header)
	}
	if len(rows) != 1+len(c.Registrations) {
		t.Fatalf("%d rows, want %d", len(rows), 1+len(c.Registrations))
	}
	for i, r := range c.Registrations {
		n := strconv.Itoa(i + 2)
		form, days := "Tập thể", ""
		if r.Individual() {
			form = "Cá nhân"
		}
		if r.DaysLate() > 0 {
			days = strconv.Itoa(r.DaysLate())
		}
		want := map[string]string{
			"A": strconv.Itoa(i + 1), "B": r.Organisation.Title, "C": r.Organisation.Kind.Label(), "D": r.Title,
			"E": r.Field.Title, "F": form, "G": r.Member, "H": r.Number, "I": r.Date.Short(),
			"J": r.Timeliness().Label(), "K": days, "L": r.Status.Label(), "M": r.Novelty,
			"N": r.ExpectedResults, "O": testLinks{}.Registration(r),
		}
		for col, w := range want {
			if got := cellAt(t, f, SheetRegistrations, col+n); got != w {
				t.Errorf("%s%s = %q, want %q", col, n, got, w)
			}
		}
		if !r.Date.IsZero() {
			checkDateCell(t, f, SheetRegistrations, "I"+n, r.Date)
		}
		// Text is text: the formula-looking titles are strings, no formula.
		if typ, _ := f.GetCellType(SheetRegistrations, "D"+n); typ != excelize.CellTypeInlineString {
			t.Errorf("D%s (%q): cell type %v, want an inline string", n, r.Title, typ)
		}
		if fm, _ := f.GetCellFormula(SheetRegistrations, "D"+n); fm != "" {
			t.Errorf("D%s has the formula %q", n, fm)
		}
	}
	var titles []string
	for _, r := range c.Registrations {
		titles = append(titles, r.Title)
	}
	for _, h := range hostile {
		if !slices.Contains(titles, h) {
			t.Errorf("the fixture lost the title %q", h)
		}
	}

	// The year-end evaluation, counted by hand: Ka Đô registered two on
	// time, one approved (its status written) without results, one
	// undecided; Pró nothing; Tu Tra three, all undecided.
	evaluation, err := f.GetRows(SheetEvaluation)
	if err != nil {
		t.Fatal(err)
	}
	wantEvaluation := [][]string{
		{"STT", "Tổ chức", "Loại tổ chức", "Tình hình đăng ký", "Số ngày muộn", "Số mô hình đăng ký", "Được thông qua", "Không thông qua", "Chưa xét duyệt", "Đã báo cáo kết quả", "Báo cáo kết quả muộn", "Đã thẩm định", "Điểm thẩm định", "Được công nhận", "Không được công nhận", "Còn thiếu", "Chờ cấp trên"},
		{"1", "Đảng ủy xã Ka Đô", "Đảng ủy cơ sở", "Đúng hạn", "", "2", "1", "0", "1", "0", "0", "0", "", "0", "0", "Chưa báo cáo kết quả 1 mô hình", "1 mô hình chờ xét duyệt"},
		{"2", "Đảng ủy xã Pró", "Đảng ủy cơ sở", "Chưa đăng ký", "", "0", "0", "0", "0", "0", "0", "0", "", "0", "0", "Chưa đăng ký mô hình"},
		{"3", "Đảng ủy xã Tu Tra", "Đảng ủy cơ sở", "Đúng hạn", "", "3", "0", "0", "3", "0", "0", "0", "", "0", "0", "", "3 mô hình chờ xét duyệt"},
		{"", "Tổng cộng", "", "", "", "5", "1", "0", "4", "0", "0", "0", "", "0", "0"},
	}
	if len(evaluation) != len(wantEvaluation) {
		t.Fatalf("evaluation: %d rows, want %d: %q", len(evaluation), len(wantEvaluation), evaluation)
	}
	for i, want := range wantEvaluation {
		if !slices.Equal(evaluation[i], want) {
			t.Errorf("evaluation row %d:\n got %q\nwant %q", i+1, evaluation[i], want)
		}
	}

	// By organisation, by field: the counts and a total.
	for _, tt := range []struct {
		sheet string
		want  [][]string
	}{
		{SheetOrganisations, [][]string{
			{"STT", "Tổ chức đăng ký", "Loại tổ chức", "Số mô hình", "Tập thể", "Cá nhân", "Đúng hạn", "Nộp muộn", "Chưa rõ ngày"},
			{"1", "Đảng ủy xã Ka Đô", "Đảng ủy cơ sở", "2", "1", "1", "1", "1", "0"},
			{"2", "Đảng ủy xã Tu Tra", "Đảng ủy cơ sở", "3", "3", "0", "2", "0", "1"},
			{"", "Tổng cộng", "", "5", "4", "1", "3", "1", "1"},
		}},
		{SheetFields, [][]string{
			{"STT", "Lĩnh vực", "Số mô hình", "Tập thể", "Cá nhân", "Đúng hạn", "Nộp muộn", "Chưa rõ ngày"},
			{"1", "Kinh tế", "4", "3", "1", "2", "1", "1"},
			{"2", "Dân vận", "1", "1", "0", "1", "0", "0"},
			{"", "Tổng cộng", "5", "4", "1", "3", "1", "1"},
		}},
		{SheetCompliance, [][]string{
			{"STT", "Tổ chức", "Loại tổ chức", "Tình hình đăng ký", "Số ngày muộn", "Ngày đăng ký đầu tiên", "Số mô hình"},
			{"1", "Đảng ủy xã Ka Đô", "Đảng ủy cơ sở", "Đúng hạn", "", "08/01/2024", "2"},
			{"2", "Đảng ủy xã Pró", "Đảng ủy cơ sở", "Chưa đăng ký", "", "", "0"},
			{"3", "Đảng ủy xã Tu Tra", "Đảng ủy cơ sở", "Đúng hạn", "", "02/01/2024", "3"},
		}},
	} {
		rows, err := f.GetRows(tt.sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i := range rows {
			for len(rows[i]) < len(tt.want[0]) {
				rows[i] = append(rows[i], "")
			}
		}
		if !slices.EqualFunc(rows, tt.want, slices.Equal) {
			t.Errorf("%s:\n got %q\nwant %q", tt.sheet, rows, tt.want)
		}
	}
	first, _ := content.ParseDate("2024-01-02")
	checkDateCell(t, f, SheetCompliance, "F4", first)
}

// Every sheet has its header row frozen and its columns sized.
func TestXLSXLayout(t *testing.T) {
	data, _ := writeXLSX(t)
	f := openXLSX(t, data)
	for _, sheet := range f.GetSheetList() {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v, %v: the header row is not frozen", sheet, p, err)
		}
	}
	for col, want := range map[string]float64{"A": 6, "D": 40, "M": 60, "O": 50} {
		if got, _ := f.GetColWidth(SheetRegistrations, col); got != want {
			t.Errorf("column %s is %v wide, want %v", col, got, want)
		}
	}
	id, _ := f.GetCellStyle(SheetRegistrations, "A1")
	if st, _ := f.GetStyle(id); st == nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("the header is not bold: %+v", st)
	}
}

// ownSums are the formulas of the totals (TestXLSXTotalsAreSums).
var ownSums = regexp.MustCompile(`<f>SUM\([A-Z]+2:[A-Z]+[0-9]+\)</f>`)

// No part of the package holds a formula but the totals', and text stays
// in its cells.
func TestXLSXHasNoFormula(t *testing.T) {
	data, _ := writeXLSX(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		part, _ := io.ReadAll(rc)
		rc.Close()
		// The only formulas are the totals' sums of our own counts.
		if rest := ownSums.ReplaceAllString(string(part), ""); strings.Contains(rest, "<f>") || strings.Contains(rest, "<f ") {
			t.Errorf("%s holds a formula other than a total", zf.Name)
		}
		if strings.HasPrefix(zf.Name, "xl/worksheets/") && strings.Contains(string(part), "=HYPERLINK(&#34;http://x&#34;,&#34;y&#34;)") {
			found = true
		}
	}
	if !found {
		t.Error("the title =HYPERLINK(…) is not stored as escaped text in a sheet")
	}
}

// Two spreadsheets of the same content are the same bytes: excelize's
// dates and its map-ordered archive are fixed.
func TestXLSXDeterministic(t *testing.T) {
	first, _ := writeXLSX(t)
	for range 8 {
		again, _ := writeXLSX(t)
		if !bytes.Equal(first, again) {
			t.Fatal("two spreadsheets of the same content differ")
		}
	}
	f := openXLSX(t, first)
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2023-12-21T00:00:00Z" || props.Modified != "2024-01-15T00:00:00Z" || props.Language != "vi-VN" || props.Creator != "Huyện ủy Đơn Dương" {
		t.Errorf("document properties %+v: want the call's dates and issuer", props)
	}
}

// Read and printed as the Board uses it: a row of wrapped text is as tall
// as its lines (LibreOffice does not grow it), every table has a filter
// (the total row left out), and prints on A4 landscape, as wide as the
// page, the header row repeated.
func TestXLSXRowsFiltersAndPrinting(t *testing.T) {
	data, site := writeXLSX(t)
	f := openXLSX(t, data)
	c := site.CampaignByYear[2024]

	// The registration with a two-line novelty is taller than one line.
	for i, r := range c.Registrations {
		ht, err := f.GetRowHeight(SheetRegistrations, i+2)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(r.Novelty, "\n") && ht < 2*defaultRowHeight {
			t.Errorf("row %d (%q): height %v, want two lines at least", i+2, r.Novelty, ht)
		}
	}
	names := map[string][]string{}
	for _, d := range f.GetDefinedName() {
		names[d.Name] = append(names[d.Name], d.Scope+"="+d.RefersTo)
	}
	if len(names["_xlnm.Print_Titles"]) != len(f.GetSheetList()) || len(names["_xlnm._FilterDatabase"]) != len(f.GetSheetList()) {
		t.Errorf("defined names %v: want print titles and a filter for each sheet", names)
	}
	if !slices.Contains(names["_xlnm._FilterDatabase"], SheetFields+"='"+SheetFields+"'!$A$1:$H$3") {
		t.Errorf("the fields' filter: %v, want the header and its two fields, without the total", names["_xlnm._FilterDatabase"])
	}
	for _, sheet := range f.GetSheetList() {
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v, want A4 (9) landscape, fit to one page wide", sheet, layout)
		}
	}
}

// The portal's address of each registration is a hyperlink to it.
func TestXLSXLinks(t *testing.T) {
	data, site := writeXLSX(t)
	f := openXLSX(t, data)
	for i, r := range site.CampaignByYear[2024].Registrations {
		ref := "O" + strconv.Itoa(i+2)
		if h, _ := f.GetCellValue(SheetRegistrations, "O1"); h != "Địa chỉ trên cổng thông tin" {
			t.Fatalf("column O is %q", h)
		}
		ok, target, err := f.GetCellHyperLink(SheetRegistrations, ref)
		if err != nil || !ok || target != (testLinks{}).Registration(r) {
			t.Errorf("%s: link %v %q (%v), want %q", ref, ok, target, err, (testLinks{}).Registration(r))
		}
	}
}

// A total is a formula over the rows above, with its value.
func TestXLSXTotalsAreSums(t *testing.T) {
	data, _ := writeXLSX(t)
	f := openXLSX(t, data)
	rows, _ := f.GetRows(SheetFields)
	last := strconv.Itoa(len(rows))
	fm, err := f.GetCellFormula(SheetFields, "C"+last)
	if err != nil || fm != "SUM(C2:C"+strconv.Itoa(len(rows)-1)+")" {
		t.Errorf("C%s: formula %q (%v)", last, fm, err)
	}
	if v := cellAt(t, f, SheetFields, "C"+last); v != "5" {
		t.Errorf("C%s shows %q, want 5", last, v)
	}
	if fm, _ := f.GetCellFormula(SheetFields, "C2"); fm != "" {
		t.Errorf("a field's count is a formula: %q", fm)
	}
}

// sheetParts are the worksheets of a spreadsheet, in the order of the
// workbook (xl/worksheets/sheet1.xml first).
func sheetParts(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for i := 1; ; i++ {
		rc, err := zr.Open("xl/worksheets/sheet" + strconv.Itoa(i) + ".xml")
		if err != nil {
			return parts
		}
		part, _ := io.ReadAll(rc)
		rc.Close()
		parts = append(parts, string(part))
	}
}

var autoFilterElement = regexp.MustCompile(`<autoFilter ref="([A-Z0-9:]+)"`)

// autoFilterRef is the range of a sheet's filter, or "".
func autoFilterRef(sheet string) string {
	if m := autoFilterElement.FindStringSubmatch(sheet); m != nil {
		return m[1]
	}
	return ""
}

// Every table has a filter over its header and rows, the total row left
// out, and the hidden name Excel keeps it by.
func TestXLSXFilters(t *testing.T) {
	data, _ := writeXLSX(t)
	want := []string{"A1:P6", "A1:I3", "A1:H3", "A1:G4", "A1:Q4"}
	for i, sheet := range sheetParts(t, data) {
		if got := autoFilterRef(sheet); got != want[i] {
			t.Errorf("sheet %d: filter %q, want %q", i+1, got, want[i])
		}
	}
	f := openXLSX(t, data)
	filters := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filters[d.Scope] = d.RefersTo
		}
	}
	for i, sheet := range f.GetSheetList() {
		if got, want := filters[sheet], "'"+sheet+"'!"+absoluteRange(want[i]); got != want {
			t.Errorf("%s: _FilterDatabase %q, want %q", sheet, got, want)
		}
	}
	if wb := string(zipPart(t, data, "xl/workbook.xml")); strings.Count(wb, `<definedName name="_xlnm._FilterDatabase" localSheetId=`) != 5 || strings.Count(wb, `hidden="1"`) != 5 {
		t.Errorf("workbook.xml: the filters' names are not each a hidden name of its sheet:\n%s", wb)
	}
}

func zipPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	part, _ := io.ReadAll(rc)
	return part
}

// worksheetOrder is the order of the elements of a worksheet that Excel
// requires (CT_Worksheet, ECMA-376 part 1, 18.3.1.99), of those we write.
var worksheetOrder = []string{"sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter"}

// The worksheets' elements are in the schema's order, each once; the
// pages are A4 landscape, fit to the width, numbered in the footer.
func TestXLSXSheetStructure(t *testing.T) {
	data, _ := writeXLSX(t)
	top := regexp.MustCompile(`<(sheetPr|dimension|sheetViews|sheetFormatPr|cols|sheetData|sheetCalcPr|sheetProtection|autoFilter|sortState|mergeCells|conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter)[ >/]`)
	for i, sheet := range sheetParts(t, data) {
		// The elements in sheetData are rows and cells only.
		body := sheet[:strings.Index(sheet, "<sheetData>")+len("<sheetData>")] + sheet[strings.Index(sheet, "</sheetData>"):]
		var got []string
		for _, m := range top.FindAllStringSubmatch(body, -1) {
			got = append(got, m[1])
		}
		want := slices.DeleteFunc(slices.Clone(worksheetOrder), func(e string) bool {
			return e == "printOptions" || e == "hyperlinks" && i > 0
		})
		if !slices.Equal(got, want) {
			t.Errorf("sheet %d: elements %q, want %q", i+1, got, want)
		}
		for _, s := range []string{
			`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
			`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`,
			`<headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>`,
		} {
			if !strings.Contains(sheet, s) {
				t.Errorf("sheet %d has no %s", i+1, s)
			}
		}
	}
	f := openXLSX(t, data)
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		if titles[sheet] != "'"+sheet+"'!$1:$1" {
			t.Errorf("%s: print titles %q, want its first row", sheet, titles[sheet])
		}
	}
}

// Every total of a table with a total row is a sum of the rows above it,
// with the value of that sum; the other counts are numbers.
func TestXLSXAllTotalsAreSums(t *testing.T) {
	_, sum := fixture(t)
	data, _ := writeXLSX(t)
	f := openXLSX(t, data)
	for _, table := range Tables(sum, testLinks{}) {
		last := len(table.Rows) + 1
		sums := 0
		for i, v := range table.Rows[len(table.Rows)-1] {
			ref := cellRef(i, last)
			fm, _ := f.GetCellFormula(table.Sheet, ref)
			if _, ok := v.(int); !ok || !table.Total {
				if fm != "" {
					t.Errorf("%s!%s: the formula %q", table.Sheet, ref, fm)
				}
				continue
			}
			sums++
			col := strings.TrimRight(ref, "0123456789")
			if want := "SUM(" + col + "2:" + col + strconv.Itoa(last-1) + ")"; fm != want {
				t.Errorf("%s!%s: formula %q, want %q", table.Sheet, ref, fm, want)
			}
			total := 0
			for _, row := range table.Rows[:len(table.Rows)-1] {
				n, _ := row[i].(int)
				total += n
			}
			if got := cellAt(t, f, table.Sheet, ref); got != strconv.Itoa(total) || total != v.(int) {
				t.Errorf("%s!%s: value %q, the table's %v, want the sum %d", table.Sheet, ref, got, v, total)
			}
		}
		if want := map[string]int{SheetOrganisations: 6, SheetFields: 6, SheetEvaluation: 9}[table.Sheet]; sums != want {
			t.Errorf("%s: %d sums, want %d", table.Sheet, sums, want)
		}
		for r := 2; r < last; r++ {
			for i := range table.Columns {
				if fm, _ := f.GetCellFormula(table.Sheet, cellRef(i, r)); fm != "" {
					t.Errorf("%s!%s: the formula %q above the total", table.Sheet, cellRef(i, r), fm)
				}
			}
		}
	}
}

// relativeLinks are the addresses of a site whose address is not known.
type relativeLinks struct{}

func (relativeLinks) Registration(r *content.Registration) string {
	return fmt.Sprintf("/mo-hinh/%d/%s/%s/", r.CampaignYear, r.OrganisationID, r.Slug)
}

func (relativeLinks) Campaign(c *content.Campaign) string {
	return fmt.Sprintf("/dot-dang-ky/%d/", c.Year)
}

// An address relative to the site is no link out of the spreadsheet: it
// stays text, and the sheet has no hyperlink.
func TestXLSXRelativeAddressesAreText(t *testing.T) {
	site, sum := fixture(t)
	var buf bytes.Buffer
	if err := XLSX(&buf, sum, relativeLinks{}); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())
	for i, r := range site.CampaignByYear[2024].Registrations {
		ref := "O" + strconv.Itoa(i+2)
		if ok, target, _ := f.GetCellHyperLink(SheetRegistrations, ref); ok {
			t.Errorf("%s: a link to %q", ref, target)
		}
		if got := cellAt(t, f, SheetRegistrations, ref); got != (relativeLinks{}).Registration(r) {
			t.Errorf("%s = %q", ref, got)
		}
	}
	if strings.Contains(sheetParts(t, buf.Bytes())[0], "<hyperlinks>") {
		t.Error("the sheet has hyperlinks")
	}
	for _, zf := range mustZip(t, buf.Bytes()).File {
		if strings.Contains(zf.Name, "worksheets/_rels/") {
			t.Errorf("the part %s", zf.Name)
		}
	}
}

func mustZip(t *testing.T, data []byte) *zip.Reader {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

// The links look like links: blue, underlined.
func TestXLSXLinkStyle(t *testing.T) {
	data, _ := writeXLSX(t)
	f := openXLSX(t, data)
	id, _ := f.GetCellStyle(SheetRegistrations, "O2")
	st, err := f.GetStyle(id)
	if err != nil || st.Font == nil || st.Font.Underline != "single" || !strings.HasSuffix(strings.ToUpper(st.Font.Color), "0563C1") {
		t.Errorf("O2: style %+v (%v), want blue and underlined", st.Font, err)
	}
	id, _ = f.GetCellStyle(SheetRegistrations, "D2")
	if st, _ := f.GetStyle(id); st != nil && st.Font != nil && st.Font.Underline != "" {
		t.Errorf("D2 is underlined")
	}
}

// Any cell that is a web address, and only that, is a link: an address in
// a submitter's text is a link to what it shows; text around it, a space
// in it, a scheme other than http(s), a formula, all stay text.
func TestXLSXContentLinks(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.org/mo-hinh/2024/":      true,
		"http://example.org/a?b=1&c=\"2\"":       true,
		"https://xn--n-vn-6wa.vn/tài-liệu":       true,
		"/mo-hinh/2024/xa-ka-do/":                false,
		"mo-hinh/2024/":                          false,
		"Xem https://example.org/":               false,
		"https://example.org/a b":                false,
		"https://":                               false,
		"https:///path":                          false,
		"javascript:alert(1)":                    false,
		"file:///etc/passwd":                     false,
		"ftp://example.org/":                     false,
		`=HYPERLINK("https://example.org/","x")`: false,
		"https://example.org/\n":                 false,
		"https://example.org/" + strings.Repeat("a", maxLinkLength): false,
	} {
		if got := isLink(s); got != want {
			t.Errorf("isLink(%q) = %v, want %v", s, got, want)
		}
	}

	table := Table{Sheet: "T", Columns: []Column{{"A", 10, false}, {"B", 40, true}, {"C", 40, true}}, Rows: [][]any{
		{1, "https://example.org/a", "Xem https://example.org/b"},
		{2, "/a", "https://example.org/c&d"},
	}}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	links, err := writeSheet(w, table)
	w.Flush()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"https://example.org/a", "https://example.org/c&d"}; !slices.Equal(links, want) {
		t.Errorf("links %q, want %q", links, want)
	}
	if !strings.Contains(buf.String(), `<hyperlinks><hyperlink ref="B2" r:id="rId1"/><hyperlink ref="C3" r:id="rId2"/></hyperlinks>`) {
		t.Errorf("the hyperlinks of the sheet: %s", buf.String())
	}
	rels := sheetRels(links)
	if !strings.Contains(rels, `Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/c&amp;d" TargetMode="External"`) {
		t.Errorf("rels: %s", rels)
	}
}

// A row of wrapped text is as tall as its lines, at most Excel's 409
// points; a row without is not given a height; the header is as tall as
// its longest header in bold.
func TestXLSXRowHeights(t *testing.T) {
	long := strings.Repeat("Phân công đảng viên phụ trách hộ gia đình. ", 400)
	table := Table{Sheet: "T", Columns: []Column{{"Số ngày muộn", 9, false}, {"B", 40, true}, {"C", 10, false}}, Rows: [][]any{
		{1, "Ngắn", strings.Repeat("Không gói dòng ", 20)},
		{2, "Một\nhai\nba"},
		{3, long},
		{4, strings.Repeat("Hai mươi hộ được hỗ trợ giống cây trồng. ", 4)}, // 160 characters
	}}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if _, err := writeSheet(w, table); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	sheet := buf.String()
	for _, want := range []string{
		`<row r="1" ht="47" customHeight="1">`, // "Số ngày muộn" in bold, 9 wide: three lines
		`<row r="2">`,
		`<row r="3" ht="45" customHeight="1">`,
		`<row r="4" ht="409" customHeight="1">`,
		`<row r="5" ht="60" customHeight="1">`, // 160 characters in 44 a line: four lines
	} {
		if !strings.Contains(sheet, want) {
			t.Errorf("no %s in %s", want, sheet[:strings.Index(sheet, "<sheetData>")+400])
		}
	}
	for s, want := range map[string]int{
		"":                              1,
		"Ngắn":                          1,
		"a\nb":                          2,
		"a\n\nb":                        3,
		strings.Repeat("x", 100):        3, // a word longer than a line is cut: 44 a line
		strings.Repeat("chi bộ ", 30):   5, // 210 characters, words kept whole
		strings.Repeat("ĐẢNG BỘ ", 20):  5, // capitals are wider
		strings.Repeat("iiiiiiii ", 20): 3, // and i narrow
	} {
		if got := wrappedLines(s, 40); got != want {
			t.Errorf("wrappedLines(%.20q…, 40) = %d, want %d", s, got, want)
		}
	}
}

// The spreadsheet of a large call is the same bytes each time too.
func TestXLSXLargeDeterministic(t *testing.T) {
	_, sum := largeFixture(t, 120)
	var first, again bytes.Buffer
	if err := XLSX(&first, sum, testLinks{}); err != nil {
		t.Fatal(err)
	}
	if err := XLSX(&again, sum, testLinks{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), again.Bytes()) {
		t.Fatal("two spreadsheets of the same call differ")
	}
}
