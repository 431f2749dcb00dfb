package export

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
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
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui")
		}
		t.Skip("LibreOffice (soffice) is not installed")
	}
	data, site := writeXLSX(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "bao-cao.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	saved, err := os.ReadFile(filepath.Join(dir, "bao-cao.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, saved)
	for _, sheet := range f.GetSheetList() {
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" {
			t.Errorf("%s as LibreOffice saves it: page layout %+v, want A4 landscape", sheet, layout)
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
