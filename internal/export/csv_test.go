package export

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// readCSV checks the BOM and the CRLF line ends and parses the rest.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	text, ok := strings.CutPrefix(string(data), BOM)
	if !ok {
		t.Fatalf("no BOM: the file starts %q", data[:min(len(data), 8)])
	}
	if strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
		t.Error("a line ends with LF alone, not CRLF")
	}
	if !strings.HasSuffix(text, "\r\n") {
		t.Error("the last line does not end with CRLF")
	}
	records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return records
}

func TestCSVRegistrations(t *testing.T) {
	site, sum := fixture(t)
	var buf bytes.Buffer
	if err := CSV(&buf, RegistrationsTable(sum, testLinks{})); err != nil {
		t.Fatal(err)
	}
	records := readCSV(t, buf.Bytes())
	c := site.CampaignByYear[2024]
	if len(records) != 1+len(c.Registrations) {
		t.Fatalf("%d records, want %d", len(records), 1+len(c.Registrations))
	}
	if records[0][1] != "Tổ chức đăng ký" || records[0][12] != "Tính mới của mô hình" {
		t.Errorf("header %q", records[0])
	}
	for i, r := range c.Registrations {
		rec := records[i+1]
		title := rec[3]
		if slices.Contains(hostile, r.Title) {
			// The spreadsheet shows the quote-prefixed text as the text.
			if title != "'"+r.Title {
				t.Errorf("title %q written as %q, want it neutralised", r.Title, title)
			}
		} else if title != r.Title {
			t.Errorf("title %q written as %q", r.Title, title)
		}
		if rec[1] != r.Organisation.Title || rec[8] != r.Date.String() || rec[11] != r.Status.Label() {
			t.Errorf("record %d: %q", i+1, rec)
		}
		// Quotes, commas and line breaks survive the round trip (CRLF
		// inside a quoted cell reads back as LF).
		if rec[12] != r.Novelty {
			t.Errorf("novelty %q read back as %q", r.Novelty, rec[12])
		}
	}
	if !strings.Contains(buf.String(), `"Tài liệu gửi ""trước"", đầy đủ,`+"\r\n"+`qua Zalo."`) {
		t.Error("the novelty with quotes, a comma and a line break is not quoted as Excel expects")
	}
	// No cell can start a formula.
	for _, rec := range records {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts a formula", cell)
			}
		}
	}
}

func TestCSVCompliance(t *testing.T) {
	_, sum := fixture(t)
	var buf bytes.Buffer
	if err := CSV(&buf, ComplianceTable(sum)); err != nil {
		t.Fatal(err)
	}
	got := readCSV(t, buf.Bytes())
	want := [][]string{
		{"STT", "Tổ chức", "Loại tổ chức", "Tình hình đăng ký", "Số ngày muộn", "Ngày đăng ký đầu tiên", "Số mô hình"},
		{"1", "Đảng ủy xã Ka Đô", "Đảng ủy cơ sở", "Đúng hạn", "", "2024-01-08", "2"},
		{"2", "Đảng ủy xã Pró", "Đảng ủy cơ sở", "Chưa đăng ký", "", "", "0"},
		{"3", "Đảng ủy xã Tu Tra", "Đảng ủy cơ sở", "Đúng hạn", "", "2024-01-02", "3"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A text longer than a spreadsheet cell holds is cut at maxCellText
// characters (not bytes), as in the XLSX; a neutralised text counts its
// quote.
func TestCSVCutsLongCells(t *testing.T) {
	long := strings.Repeat("ạ", 40000)
	table := Table{
		Columns: []Column{{Header: "Tính mới"}, {Header: "Dự kiến"}, {Header: "Ngắn"}},
		Rows:    [][]any{{long, "=" + long, "vừa"}},
	}
	var buf bytes.Buffer
	if err := CSV(&buf, table); err != nil {
		t.Fatal(err)
	}
	rec := readCSV(t, buf.Bytes())[1]
	if n := utf8.RuneCountInString(rec[0]); n != 32767 || rec[0] != long[:32767*len("ạ")] {
		t.Errorf("a 40,000-character cell is written with %d characters, want 32,767", n)
	}
	if n := utf8.RuneCountInString(rec[1]); n != 32767 || !strings.HasPrefix(rec[1], "'=ạ") {
		t.Errorf("a neutralised 40,001-character cell is written with %d characters, starting %q; want 32,767, starting '=", n, rec[1][:8])
	}
	if rec[2] != "vừa" {
		t.Errorf("a short cell is written %q", rec[2])
	}
}
