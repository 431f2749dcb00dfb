package wordimport

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/vi"
)

// columns are the headers a list of registrations is recognised by, folded
// (vi.Fold): the Board's own Vietnamese names and the keys of the
// contract. A header is a column's when it is one of them or starts with
// one ("Tính mới của mô hình").
var columns = []struct {
	key   string
	names []string
}{
	{"title", []string{"ten mo hinh", "ten cach lam", "mo hinh", "title"}},
	{"organisation", []string{"to chuc", "don vi", "co quan", "organisation", "organization"}},
	{"field", []string{"linh vuc", "field"}},
	{"novelty", []string{"tinh moi", "novelty"}},
	{"expected_results", []string{"du kien ket qua", "ket qua du kien", "expected_results", "expected results"}},
	{"number", []string{"so van ban", "so hieu", "so cv", "number"}},
	{"date", []string{"ngay", "date"}},
	{"member", []string{"dang vien", "ho ten dang vien", "member"}},
	{"signer_title", []string{"chuc vu", "signer_title"}},
	{"signer", []string{"nguoi ky", "signer"}},
	{"campaign", []string{"dot", "nam", "campaign"}},
	{"superior", []string{"cap tren", "superior"}},
}

// columnKey is the key a header names, "" when none.
func columnKey(header string) string {
	h := vi.Fold(clean(header))
	h = strings.TrimRight(h, " :*")
	for _, c := range columns {
		for _, n := range c.names {
			if h == n || strings.HasPrefix(h, n+" ") || strings.HasPrefix(h, n+"(") {
				return c.key
			}
		}
	}
	return ""
}

// SheetEntries turns the rows of a list, its first non-empty row the
// headers, into entries: one per row that has any value. source names
// the file in Entry.Source. It is an error when no header is recognised
// or none names the title.
func SheetEntries(source string, rows [][]string) ([]Entry, error) {
	head := 0
	for head < len(rows) && strings.TrimSpace(strings.Join(rows[head], "")) == "" {
		head++
	}
	if head == len(rows) {
		return nil, fmt.Errorf("bảng trống, không có dòng tiêu đề")
	}
	keys := make([]string, len(rows[head]))
	hasTitle := false
	for i, h := range rows[head] {
		keys[i] = columnKey(h)
		hasTitle = hasTitle || keys[i] == "title"
	}
	if !hasTitle {
		return nil, fmt.Errorf("dòng đầu của bảng không có cột “Tên mô hình”: mỗi cột cần tiêu đề như “Tên mô hình”, “Tổ chức”, “Lĩnh vực”, “Tính mới”, “Dự kiến kết quả”, “Số văn bản”, “Ngày”, “Đảng viên”")
	}
	var out []Entry
	for n, row := range rows[head+1:] {
		e := Entry{Source: source + ", dòng " + strconv.Itoa(head+n+2)}
		empty := true
		for i, v := range row {
			if i >= len(keys) || keys[i] == "" {
				continue
			}
			v = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
			if v == "" {
				continue
			}
			empty = false
			switch keys[i] {
			case "title":
				e.Title = v
			case "organisation":
				e.Issuer = v
			case "superior":
				e.Superior = v
			case "field":
				e.Field = v
			case "novelty":
				e.Novelty = paragraphs(v)
			case "expected_results":
				e.Expected = paragraphs(v)
			case "number":
				e.Number = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v, "Số"), ":"))
			case "date":
				e.Date = cellDate(v)
				if e.Date == "" {
					e.Date = v // Resolve says it cannot be read
				}
			case "member":
				e.Member = v
			case "signer":
				e.Signer = v
			case "signer_title":
				e.SignerTitle = v
			case "campaign":
				e.Campaign = v
			}
		}
		if !empty {
			out = append(out, e)
		}
	}
	return out, nil
}

// paragraphs makes a cell's lines paragraphs.
func paragraphs(v string) string {
	var ps []string
	for _, l := range strings.Split(v, "\n") {
		if l = clean(l); l != "" {
			ps = append(ps, l)
		}
	}
	return strings.Join(ps, "\n\n")
}

// cellDate reads a date as lists write it: "2024-01-08", "08/01/2024",
// "8/1/2024", "ngày 08 tháng 01 năm 2024", or a spreadsheet's day number
// (45299). "" when it is none of them.
func cellDate(v string) string {
	v = clean(v)
	if m := dateRe.FindStringSubmatch(v); m != nil {
		return isoDate(m[3], m[2], m[1])
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil && n > 20000 && n < 80000 {
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)).Format(time.DateOnly)
	}
	for _, sep := range []string{"-", "/", "."} {
		p := strings.Split(v, sep)
		if len(p) != 3 {
			continue
		}
		if len(p[0]) == 4 {
			return isoDate(p[0], p[1], p[2])
		}
		if len(p[2]) == 4 {
			return isoDate(p[2], p[1], p[0])
		}
	}
	return ""
}

// ReadCSV reads a list saved as CSV: comma- or semicolon-separated (as
// spreadsheet programs save it where the decimal separator is a comma),
// with or without a byte order mark.
func ReadCSV(r io.Reader) ([][]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	s := strings.TrimPrefix(string(data), "\ufeff")
	if !utf8.ValidString(s) {
		return nil, fmt.Errorf("tệp CSV không ở bảng mã UTF-8: hãy lưu lại với bảng mã UTF-8")
	}
	first, _, _ := strings.Cut(s, "\n")
	cr := csv.NewReader(strings.NewReader(s))
	if strings.Count(first, ";") > strings.Count(first, ",") {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("tệp CSV không đọc được: %v", err)
	}
	return rows, nil
}
