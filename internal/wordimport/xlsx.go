package wordimport

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// ReadXLSX reads the first sheet of an .xlsx workbook as rows of text:
// shared strings, inline strings and numbers as written (a date is its
// day number, which cellDate reads).
func ReadXLSX(r io.ReaderAt, size int64) ([][]string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, errors.New("tệp không phải bảng tính .xlsx (không đọc được như một tệp nén zip)")
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	sheet, err := firstSheet(files)
	if err != nil {
		return nil, err
	}
	var shared []string
	if f := files["xl/sharedStrings.xml"]; f != nil {
		var sst struct {
			SI []struct {
				T string `xml:"t"`
				R []struct {
					T string `xml:"t"`
				} `xml:"r"`
			} `xml:"si"`
		}
		if err := decodeXML(f, &sst); err != nil {
			return nil, err
		}
		for _, si := range sst.SI {
			s := si.T
			for _, r := range si.R {
				s += r.T
			}
			shared = append(shared, s)
		}
	}
	f := files[sheet]
	if f == nil {
		return nil, fmt.Errorf("bảng tính thiếu %s", sheet)
	}
	var ws struct {
		Rows []struct {
			C []struct {
				R  string `xml:"r,attr"`
				T  string `xml:"t,attr"`
				V  string `xml:"v"`
				IS struct {
					T string `xml:"t"`
					R []struct {
						T string `xml:"t"`
					} `xml:"r"`
				} `xml:"is"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := decodeXML(f, &ws); err != nil {
		return nil, err
	}
	var rows [][]string
	for _, row := range ws.Rows {
		var cells []string
		for i, c := range row.C {
			col := columnIndex(c.R)
			if col < 0 {
				col = i
			}
			for len(cells) < col {
				cells = append(cells, "")
			}
			var v string
			switch c.T {
			case "s":
				var n int
				if _, err := fmt.Sscan(c.V, &n); err == nil && n >= 0 && n < len(shared) {
					v = shared[n]
				}
			case "inlineStr":
				v = c.IS.T
				for _, r := range c.IS.R {
					v += r.T
				}
			default:
				v = c.V
			}
			if col < len(cells) {
				cells[col] = v
			} else {
				cells = append(cells, v)
			}
		}
		rows = append(rows, cells)
	}
	return rows, nil
}

// firstSheet is the part of the workbook's first sheet.
func firstSheet(files map[string]*zip.File) (string, error) {
	wb := files["xl/workbook.xml"]
	if wb == nil {
		return "", errors.New("tệp không phải bảng tính .xlsx (không có xl/workbook.xml)")
	}
	var book struct {
		Sheets []struct {
			ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := decodeXML(wb, &book); err != nil {
		return "", err
	}
	if len(book.Sheets) == 0 {
		return "", errors.New("bảng tính không có trang tính nào")
	}
	if rels := files["xl/_rels/workbook.xml.rels"]; rels != nil {
		var rs struct {
			R []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if err := decodeXML(rels, &rs); err != nil {
			return "", err
		}
		for _, r := range rs.R {
			if r.ID == book.Sheets[0].ID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/"), nil
				}
				return path.Join("xl", r.Target), nil
			}
		}
	}
	return "xl/worksheets/sheet1.xml", nil
}

// columnIndex is the column of a cell reference, 0 for "A1"; -1 when
// there is none.
func columnIndex(ref string) int {
	n := 0
	for _, r := range ref {
		if r < 'A' || r > 'Z' {
			break
		}
		n = n*26 + int(r-'A'+1)
	}
	return n - 1
}

func decodeXML(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return fmt.Errorf("%s: %v", f.Name, err)
	}
	return nil
}
