package export

import (
	"archive/zip"
	"bytes"
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
