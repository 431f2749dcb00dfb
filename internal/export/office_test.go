package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mohinh/mohinh/internal/content"
)

// A real spreadsheet program opens the spreadsheet and reads every sheet as
// its Table says: LibreOffice, headless, saves each sheet as CSV, the cells
// as shown — text as text (the titles that look like formulas included),
// numbers, dates as dd/mm/yyyy. Under CI a missing LibreOffice fails; .ci/run
// installs it.
func TestXLSXOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui")
		}
		t.Skip("LibreOffice (soffice) is not installed")
	}
	data, _ := writeXLSX(t)
	_, sum := fixture(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "bao-cao.xlsx")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Comma separated, UTF-8 (76), cells saved as shown (the ninth "true"),
	// every sheet (-1).
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
		"--outdir", dir, file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, table := range Tables(sum, testLinks{}) {
		f, err := os.Open(filepath.Join(dir, "bao-cao-"+table.Sheet+".csv"))
		if err != nil {
			t.Errorf("LibreOffice did not read the sheet %q: %v", table.Sheet, err)
			continue
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		got, err := r.ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", table.Sheet, err)
		}
		want := [][]string{headers(table)}
		for _, row := range table.Rows {
			want = append(want, shown(row))
		}
		for i := range got {
			got[i] = trimEmpty(got[i])
		}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s as LibreOffice reads it:\n got %q\nwant %q", table.Sheet, got, want)
		}
	}
}

func headers(t Table) []string {
	var h []string
	for _, c := range t.Columns {
		h = append(h, c.Header)
	}
	return h
}

// shown is a row as a spreadsheet shows its cells.
func shown(row []any) []string {
	out := make([]string, len(row))
	for i, v := range row {
		switch x := v.(type) {
		case string:
			out[i] = x
		case int:
			out[i] = strconv.Itoa(x)
		case content.Date:
			if !x.IsZero() {
				out[i] = x.Short()
			}
		}
	}
	return trimEmpty(out)
}

func trimEmpty(row []string) []string {
	for len(row) > 0 && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	return row
}

// LibreOffice keeps what the Board prints and reads: opened and saved
// again as XLSX by LibreOffice itself, the sheets are still A4 landscape
// fit to the page's width with the header row repeated, the filters and
// the totals' formulas are there, and a row of wrapped text is taller than
// one line.
func TestXLSXLayoutSurvivesLibreOffice(t *testing.T) {
	soffice := libreOffice(t)
	data, site := writeXLSX(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "bao-cao.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	saved := mustRead(t, convert(t, soffice, filepath.Join(dir, "profile"), in, "xlsx:Calc MS Excel 2007 XML", "xlsx", dir))
	f := openXLSX(t, saved)
	for _, sheet := range f.GetSheetList() {
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" {
			t.Errorf("%s as LibreOffice saves it: page layout %+v, want A4 landscape", sheet, layout)
		}
		if fit, err := f.GetSheetProps(sheet); err != nil || fit.FitToPage == nil || !*fit.FitToPage {
			t.Errorf("%s as LibreOffice saves it: not fit to the page (%+v, %v)", sheet, fit, err)
		}
	}
	// The filters, each without its total row.
	sheets := sheetParts(t, saved)
	for i, want := range []string{"A1:P6", "A1:I3", "A1:H3", "A1:G4", "A1:Q4"} {
		if got := autoFilterRef(sheets[i]); got != want {
			t.Errorf("sheet %d as LibreOffice saves it: filter %q, want %q", i+1, got, want)
		}
	}
	for i, r := range site.CampaignByYear[2024].Registrations {
		ref := "O" + strconv.Itoa(i+2)
		if ok, target, _ := f.GetCellHyperLink(SheetRegistrations, ref); !ok || target != (testLinks{}).Registration(r) {
			t.Errorf("%s as LibreOffice saves it: link %v %q, want %q", ref, ok, target, (testLinks{}).Registration(r))
		}
	}
	for _, ref := range []string{"F5", "G5", "I5"} {
		if fm, _ := f.GetCellFormula(SheetEvaluation, ref); !strings.HasPrefix(fm, "SUM(") {
			t.Errorf("the evaluation's total %s lost its formula: %q", ref, fm)
		}
	}
	titles := 0
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles++
		}
	}
	if titles != len(f.GetSheetList()) {
		t.Errorf("LibreOffice kept %d print titles, want one per sheet", titles)
	}
	if fm, _ := f.GetCellFormula(SheetFields, "C4"); !strings.HasPrefix(fm, "SUM(") {
		t.Errorf("the fields' total lost its formula: %q", fm)
	}
	for i, r := range site.CampaignByYear[2024].Registrations {
		if strings.Contains(r.Novelty, "\n") {
			if ht, _ := f.GetRowHeight(SheetRegistrations, i+2); ht < 2*defaultRowHeight {
				t.Errorf("row %d: LibreOffice shows it %v points tall, want two lines at least", i+2, ht)
			}
		}
	}
}

// libreOffice is the path of soffice, or skips the test where LibreOffice
// is not installed (and fails it under CI, which installs it).
func libreOffice(t *testing.T) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui")
		}
		t.Skip("LibreOffice (soffice) is not installed")
	}
	return soffice
}

// convert has LibreOffice, headless, convert file with filter (as
// --convert-to takes it) into dir, and returns the path of the result.
// Each conversion has its own profile, under profile.
func convert(t *testing.T, soffice, profile, file, filter, ext, dir string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+profile,
		"--convert-to", filter, "--outdir", dir, file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", filter, err, out)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+"."+ext)
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("soffice --convert-to %s wrote nothing: %v", filter, err)
	}
	return out
}

// The rows are as tall as LibreOffice needs them for their wrapped text,
// and not much taller. LibreOffice computes the heights it needs itself
// when it opens an OpenDocument spreadsheet whose rows ask for their
// "optimal height": the spreadsheet is converted to one, every row asks,
// and the heights LibreOffice gives them, saved again as XLSX, are
// compared with those the spreadsheet gave.
func TestXLSXRowHeightsFitLibreOffice(t *testing.T) {
	soffice := libreOffice(t)
	_, sum := largeFixture(t, 40)
	var buf bytes.Buffer
	if err := XLSX(&buf, sum, testLinks{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, d := range []string{"in", "ods", "out"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
	}
	in := filepath.Join(dir, "in", "bao-cao.xlsx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	profile := filepath.Join(dir, "profile")
	fods := convert(t, soffice, profile, in, "fods", "fods", filepath.Join(dir, "ods"))
	doc, err := os.ReadFile(fods)
	if err != nil {
		t.Fatal(err)
	}
	const fixed = `style:use-optimal-row-height="false"`
	if !bytes.Contains(doc, []byte(fixed)) {
		t.Fatal("LibreOffice gave no row a height of its own: the spreadsheet's heights are lost")
	}
	doc = bytes.ReplaceAll(doc, []byte(fixed), []byte(`style:use-optimal-row-height="true"`))
	if err := os.WriteFile(fods, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	optimal := openXLSX(t, mustRead(t, convert(t, soffice, profile, fods, "xlsx:Calc MS Excel 2007 XML", "xlsx", filepath.Join(dir, "out"))))
	ours := openXLSX(t, buf.Bytes())

	table := RegistrationsTable(sum, testLinks{})
	tallest := 0.0
	for r := 1; r <= len(table.Rows)+1; r++ {
		need, _ := optimal.GetRowHeight(SheetRegistrations, r)
		got, _ := ours.GetRowHeight(SheetRegistrations, r)
		tallest = max(tallest, need)
		// A little under is a rounding of LibreOffice's; a line and a
		// half more than it needs at most, or a third more for a tall row.
		if got < need-1 {
			t.Errorf("row %d is %v points tall: LibreOffice needs %v for its text", r, got, need)
		}
		if got > max(need+1.5*defaultRowHeight, need*4/3) {
			t.Errorf("row %d is %v points tall: LibreOffice needs %v only", r, got, need)
		}
	}
	if tallest < 4*defaultRowHeight {
		t.Skipf("this LibreOffice did not compute the rows' heights (the tallest is %v points)", tallest)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Printed by LibreOffice, a call of many registrations is on A4 landscape
// pages, numbered "Trang 2/12" at their foot, the header row repeated at
// the top of each page of a sheet, the registrations following on from
// page to page.
func TestXLSXPrintsInLibreOffice(t *testing.T) {
	soffice := libreOffice(t)
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed: .ci/run installs poppler-utils", tool)
			}
			t.Skipf("%s (poppler-utils) is not installed", tool)
		}
	}
	_, sum := largeFixture(t, 150)
	var buf bytes.Buffer
	if err := XLSX(&buf, sum, testLinks{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "bao-cao.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := convert(t, soffice, filepath.Join(dir, "profile"), in, "pdf", "pdf", dir)

	info, err := exec.Command("pdfinfo", "-f", "1", "-l", "1000", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	pages := 0
	for _, m := range regexp.MustCompile(`(?m)^Page +\d+ size: +([0-9.]+) x ([0-9.]+) pts`).FindAllStringSubmatch(string(info), -1) {
		pages++
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		if math.Abs(w-842) > 2 || math.Abs(h-595) > 2 {
			t.Errorf("page %d is %v x %v points, want A4 landscape (842 x 595)", pages, w, h)
		}
	}
	if pages < 3 {
		t.Fatalf("%d pages: the registrations should take several", pages)
	}

	page := func(n int) string {
		out, err := exec.Command("pdftotext", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return strings.Join(strings.Fields(string(out)), " ")
	}
	// The titles of the fixture begin "Mô hình số 12:"; the sheet lists
	// them by organisation, the last of the last organisation at its end.
	table := RegistrationsTable(sum, testLinks{})
	number := func(row []any) string { title, _, _ := strings.Cut(row[3].(string), ":"); return title + ":" }
	last := number(table.Rows[len(table.Rows)-1])
	var registrations []string // the pages of the registrations sheet
	for n := 1; n <= pages; n++ {
		text := page(n)
		if footer := "Trang " + strconv.Itoa(n) + "/" + strconv.Itoa(pages); !strings.Contains(text, footer) {
			t.Errorf("page %d has no footer %q: %.300q", n, footer, text)
		}
		registrations = append(registrations, text)
		if strings.Contains(text, last) {
			break
		}
	}
	if len(registrations) < 2 {
		t.Fatalf("the registrations are on %d page: the fixture should take more", len(registrations))
	}
	for n, text := range registrations {
		for _, h := range []string{"Tổ chức đăng ký", "Tên mô hình", "Tính mới của mô hình", "Địa chỉ trên cổng thông tin"} {
			if !strings.Contains(text, h) {
				t.Errorf("page %d does not repeat the header %q", n+1, h)
			}
		}
	}
	if n := len(registrations); n == pages {
		t.Errorf("the last registration %q is on no page", last)
	}
	// Each page goes on where the one before ended.
	first := number(table.Rows[0])
	if !strings.Contains(registrations[0], first) || strings.Contains(registrations[1], first) {
		t.Errorf("the first registration (%q) is not on the first page only", first)
	}
}
