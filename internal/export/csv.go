package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// BOM opens every CSV file: without it Excel reads UTF-8 as the Windows
// code page and Vietnamese text as mojibake.
const BOM = "\uFEFF"

// CSV writes a table as CSV the way Excel opens it on a Vietnamese
// desktop: UTF-8 with a BOM, CRLF line ends, a header row, quotes where
// needed. Dates are written YYYY-MM-DD, which Excel reads as dates in every
// locale (08/01/2024 would be 1 August in an American one). Every text cell
// goes through Neutralise and is cut at maxCellText characters, as the
// XLSX cells are.
func CSV(w io.Writer, t Table) error {
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	record := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		record[i] = Neutralise(col.Header)
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for _, row := range t.Rows {
		for i := range record {
			record[i] = ""
			if i < len(row) {
				record[i] = csvValue(row[i])
			}
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvValue(v any) string {
	switch x := v.(type) {
	case string:
		return cutCell(Neutralise(x))
	case int:
		return strconv.Itoa(x)
	case content.Date:
		return x.String()
	}
	return ""
}

// Neutralise makes a text cell safe to open in a spreadsheet program: a
// cell that begins with "=", "+", "-", "@", a tab or a carriage return is
// read as a formula (or as the start of one) by Excel and LibreOffice, so
// it gets a leading single quote, which they show as text. This is the
// OWASP advice against CSV injection; a title such as
// `=HYPERLINK("http://x","y")` stays the text it is.
func Neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
