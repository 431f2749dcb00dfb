// Package export writes what the portal hands over as files: a call's
// report as a spreadsheet (XLSX), as CSV, as JSON and as Markdown, the
// Atom feed of registrations and the sitemap.
//
// The spreadsheet (SpreadsheetML written directly, xlsx.go) and the CSV files share one description of each table
// (Table): its Vietnamese column headers, widths and rows, made from a
// report.Summary. The JSON shape is the Document type, documented for other
// tools in docs/json.md. Every writer is deterministic: the same content
// gives the same bytes, build after build.
//
// Submissions arrive by pull request, so no text from them may ever run as
// a formula in the Board's spreadsheet program: the XLSX stores text as
// text, never as a formula, and CSV cells that a spreadsheet would read as
// one are neutralised (Neutralise).
package export

import (
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/report"
)

// Links make the addresses written into the exports, absolute when the
// site is published at a known address.
type Links interface {
	Registration(*content.Registration) string
	Campaign(*content.Campaign) string
}

// maxCellText is the most characters a spreadsheet cell holds (Excel's
// limit). Both writers cut longer text there, so that the file holds what
// a spreadsheet shows: Excel refuses an XLSX with a longer cell, and does
// not keep a longer CSV cell whole.
const maxCellText = 32767

// cutCell returns s cut at maxCellText characters.
func cutCell(s string) string {
	if len(s) <= maxCellText { // never more characters than bytes
		return s
	}
	n := 0
	for i := range s {
		if n == maxCellText {
			return s[:i]
		}
		n++
	}
	return s
}

// Table is one table of a call's report: a sheet of the spreadsheet, or a
// CSV file.
type Table struct {
	Sheet   string // the sheet's name, at most 31 characters
	Columns []Column
	// Rows hold string, int and content.Date values; nil is an empty
	// cell, as is a zero date.
	Rows [][]any
	// Total says the last row is a total ("Tổng cộng"): the spreadsheet
	// leaves it out of the filter, so that sorting and filtering leave it
	// where it is, and writes its counts as sums of the rows above.
	Total bool
}

// Column is a column of a Table.
type Column struct {
	Header string
	Width  float64 // in characters
	Wrap   bool    // long text, wrapped in the spreadsheet
}

// The sheets of a call's spreadsheet, in order.
const (
	SheetRegistrations = "Danh sách đăng ký"
	SheetOrganisations = "Theo tổ chức"
	SheetFields        = "Theo lĩnh vực"
	SheetCompliance    = "Tình hình đăng ký"
	SheetEvaluation    = "Đánh giá cuối năm"
)

// Tables are the tables of a call's spreadsheet, in the order of its sheets.
func Tables(s *report.Summary, links Links) []Table {
	return []Table{RegistrationsTable(s, links), OrganisationsTable(s), FieldsTable(s), ComplianceTable(s), EvaluationTable(s)}
}

// RegistrationsTable lists every registration of the call, in full.
func RegistrationsTable(s *report.Summary, links Links) Table {
	t := Table{Sheet: SheetRegistrations, Columns: []Column{
		{"STT", 6, false},
		{"Tổ chức đăng ký", 30, true},
		{"Loại tổ chức", 20, false},
		{"Tên mô hình", 40, true},
		{"Lĩnh vực", 24, true},
		{"Hình thức", 10, false},
		{"Đảng viên đăng ký", 22, false},
		{"Số văn bản", 14, false},
		{"Ngày đăng ký", 13, false},
		{"Thời hạn", 13, false},
		{"Số ngày muộn", 9, false},
		{"Trạng thái", 20, false},
		{"Tính mới của mô hình", 60, true},
		{"Dự kiến kết quả đạt được", 60, true},
		{"Địa chỉ trên cổng thông tin", 50, false},
		{"Kết quả xét duyệt", 40, true},
	}}
	for _, row := range s.Rows {
		r := row.R
		form := "Tập thể"
		if r.Individual() {
			form = "Cá nhân"
		}
		t.Rows = append(t.Rows, []any{
			row.N, r.Organisation.Title, r.Organisation.Kind.Label(), r.Title, r.Field.Title,
			form, text(r.Member), text(r.Number), r.Date, r.Timeliness().Label(), positive(r.DaysLate()),
			r.Status.Label(), r.Novelty, r.ExpectedResults, links.Registration(r), text(row.Approval),
		})
	}
	return t
}

// tallyColumns are the columns of a table of counts after its label.
var tallyColumns = []Column{
	{"Số mô hình", 11, false},
	{"Tập thể", 9, false},
	{"Cá nhân", 9, false},
	{"Đúng hạn", 10, false},
	{"Nộp muộn", 10, false},
	{"Chưa rõ ngày", 11, false},
}

func tallyRow(n any, label string, t report.Tally, more ...any) []any {
	row := append([]any{n, label}, more...)
	return append(row, t.N, t.Collective, t.Individual, t.OnTime, t.Late, t.Undated)
}

// OrganisationsTable counts the registrations of each organisation that
// registered, with a total.
func OrganisationsTable(s *report.Summary) Table {
	t := Table{Sheet: SheetOrganisations, Total: true, Columns: append([]Column{{"STT", 6, false}, {"Tổ chức đăng ký", 40, true}, {"Loại tổ chức", 22, false}}, tallyColumns...)}
	for i, g := range s.Groups {
		t.Rows = append(t.Rows, tallyRow(i+1, g.Organisation.Title, s.ByOrganisation[i], g.Organisation.Kind.Label()))
	}
	t.Rows = append(t.Rows, tallyRow(nil, s.Total.Label, s.Total, nil))
	return t
}

// FieldsTable counts the registrations of each field, with a total.
func FieldsTable(s *report.Summary) Table {
	t := Table{Sheet: SheetFields, Total: true, Columns: append([]Column{{"STT", 6, false}, {"Lĩnh vực", 40, true}}, tallyColumns...)}
	for i, f := range s.ByField {
		t.Rows = append(t.Rows, tallyRow(i+1, f.Label, f))
	}
	t.Rows = append(t.Rows, tallyRow(nil, s.Total.Label, s.Total))
	return t
}

// ComplianceTable lists every organisation expected to answer the call and
// whether it did.
func ComplianceTable(s *report.Summary) Table {
	t := Table{Sheet: SheetCompliance, Columns: []Column{
		{"STT", 6, false},
		{"Tổ chức", 40, true},
		{"Loại tổ chức", 22, false},
		{"Tình hình đăng ký", 22, false},
		{"Số ngày muộn", 9, false},
		{"Ngày đăng ký đầu tiên", 14, false},
		{"Số mô hình", 11, false},
	}}
	for _, e := range s.Compliance.Entries {
		t.Rows = append(t.Rows, []any{
			e.N, e.Organisation.Title, e.Organisation.Kind.Label(), e.State.Label(),
			positive(e.DaysLate), e.First, len(e.Registrations),
		})
	}
	return t
}

// EvaluationTable is the year-end evaluation (report.Evaluation): every
// organisation expected to answer the call, how far its models went, and
// what it has not done, with a total.
func EvaluationTable(s *report.Summary) Table {
	t := Table{Sheet: SheetEvaluation, Total: true, Columns: []Column{
		{"STT", 6, false},
		{"Tổ chức", 36, true},
		{"Loại tổ chức", 20, false},
		{"Tình hình đăng ký", 18, false},
		{"Số ngày muộn", 9, false},
		{"Số mô hình đăng ký", 11, false},
		{"Được thông qua", 11, false},
		{"Không thông qua", 11, false},
		{"Chưa xét duyệt", 11, false},
		{"Đã báo cáo kết quả", 12, false},
		{"Báo cáo kết quả muộn", 12, false},
		{"Đã thẩm định", 11, false},
		{"Điểm thẩm định", 14, false},
		{"Được công nhận", 11, false},
		{"Không được công nhận", 12, false},
		{"Còn thiếu", 40, true},
		{"Chờ cấp trên", 36, true},
	}}
	for _, e := range s.Evaluation.Rows {
		scores := make([]string, len(e.Scores))
		for i, n := range e.Scores {
			scores[i] = strconv.Itoa(n)
		}
		t.Rows = append(t.Rows, append([]any{
			e.N, e.Organisation.Title, e.Organisation.Kind.Label(), e.State.Label(), positive(e.DaysLate),
		}, append(progressCells(e.Progress, strings.Join(scores, ", ")), text(strings.Join(e.Gaps, "; ")), text(strings.Join(e.Pending, "; ")))...))
	}
	total := append([]any{nil, "Tổng cộng", nil, nil, nil}, progressCells(s.Evaluation.Total, "")...)
	t.Rows = append(t.Rows, append(total, nil, nil))
	return t
}

// progressCells are the counts of p, with scores after the appraised.
func progressCells(p report.Progress, scores string) []any {
	return []any{
		p.Registered, p.Approved, p.Rejected, p.Undecided, p.Results, p.ResultsLate,
		p.Appraised, text(scores), p.Recognised, p.NotRecognised,
	}
}

// text is s, or an empty cell.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// positive is n, or an empty cell for zero.
func positive(n int) any {
	if n <= 0 {
		return nil
	}
	return n
}

// isEmpty reports whether v is an empty cell: nil, or a zero date.
func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case content.Date:
		return x.IsZero()
	}
	return false
}
