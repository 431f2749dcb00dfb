package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/report"
)

// DateFormat is how the spreadsheet shows dates: they are stored as dates,
// so that the Board can sort and filter them, and read as in Vietnam.
const DateFormat = "dd/mm/yyyy"

// XLSX writes the spreadsheet of a call: one sheet per table of Tables,
// with a bold header row that stays in view, column widths, wrapped long
// text and real dates.
//
// The bytes depend on the content only. excelize would date the document
// (docProps/core.xml) and order the sheets in the archive as a map does:
// the document is dated by the call, the archive sorted by name.
func XLSX(w io.Writer, s *report.Summary, links Links) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} })

	c := s.Campaign
	props := &excelize.DocProperties{
		Title:    "Báo cáo tổng hợp — " + c.Title,
		Subject:  "Công văn số " + c.Number,
		Creator:  "mohinh",
		Language: "vi-VN",
		Created:  w3cdtf(c.Issued),
		Modified: w3cdtf(lastDate(s)),
	}
	if c.Issuer != nil {
		props.Creator = c.Issuer.Title
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}

	st, err := newStyles(f)
	if err != nil {
		return err
	}
	tables := Tables(s, links)
	writers := make([]*excelize.StreamWriter, len(tables))
	for i, t := range tables {
		if i == 0 {
			err = f.SetSheetName("Sheet1", t.Sheet)
		} else {
			_, err = f.NewSheet(t.Sheet)
		}
		if err != nil {
			return err
		}
		if writers[i], err = f.NewStreamWriter(t.Sheet); err != nil {
			return err
		}
	}
	for i, t := range tables {
		if err := writeSheet(writers[i], t, st); err != nil {
			return fmt.Errorf("sheet %s: %w", t.Sheet, err)
		}
	}
	// The first sheet is the active one already; SetActiveSheet would read
	// every streamed sheet back into memory.
	return f.Write(w)
}

// styles are the cell styles of the spreadsheet.
type styles struct {
	header, text, wrap, number, date int
}

func newStyles(f *excelize.File) (styles, error) {
	top := &excelize.Alignment{Vertical: "top"}
	dateFmt := DateFormat
	var st styles
	var errs []error
	add := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		errs = append(errs, err)
		return id
	}
	st.header = add(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F5F4F0"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "7D0F13", Style: 2}},
	})
	st.text = add(&excelize.Style{Alignment: top})
	st.wrap = add(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	st.number = add(&excelize.Style{Alignment: top, NumFmt: 1})
	st.date = add(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}, CustomNumFmt: &dateFmt})
	return st, errors.Join(errs...)
}

func writeSheet(sw *excelize.StreamWriter, t Table, st styles) error {
	for i, col := range t.Columns {
		if err := sw.SetColWidth(i+1, i+1, col.Width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(t.Columns))
	for i, col := range t.Columns {
		header[i] = excelize.Cell{StyleID: st.header, Value: col.Header}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	cells := make([]any, len(t.Columns))
	for n, row := range t.Rows {
		for i, v := range row {
			cells[i] = cell(v, t.Columns[i], st)
		}
		ref, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(ref, cells[:len(row)]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cell is a value of a Table as a cell: text stays text — a title that
// begins with "=" is stored as a string, never as a formula —, a date a
// date.
func cell(v any, col Column, st styles) any {
	if isEmpty(v) {
		return nil
	}
	switch x := v.(type) {
	case content.Date:
		return excelize.Cell{StyleID: st.date, Value: x.Time()}
	case int:
		return excelize.Cell{StyleID: st.number, Value: x}
	case string:
		if col.Wrap {
			return excelize.Cell{StyleID: st.wrap, Value: x}
		}
		return excelize.Cell{StyleID: st.text, Value: x}
	}
	panic(fmt.Sprintf("export: a table cell of type %T", v))
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

// w3cdtf is a date as the document properties write it, or "" to keep
// excelize's fixed default.
func w3cdtf(d content.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(time.RFC3339)
}

// sortedZip is an excelize.ZipWriter that writes the parts of the package
// in the order of their names, whatever the order excelize creates them in.
// Each part is compressed as excelize writes it, so that only the
// compressed parts wait in memory for the order (a call's sheet of 17,000
// registrations is ~35 MB as XML, ~4 MB compressed).
type sortedZip struct {
	w     io.Writer
	parts []*zipPart
}

type zipPart struct {
	name       string
	compressed bytes.Buffer
	flate      *flate.Writer
	crc        hash.Hash32
	size       uint64
}

func (p *zipPart) Write(b []byte) (int, error) {
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.flate.Write(b)
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	p := &zipPart{name: name, crc: crc32.NewIEEE()}
	fw, err := flate.NewWriter(&p.compressed, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	p.flate = fw
	z.parts = append(z.parts, p)
	return p, nil
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("export: AddFS is not supported") }

func (z *sortedZip) Close() error {
	slices.SortStableFunc(z.parts, func(a, b *zipPart) int { return strings.Compare(a.name, b.name) })
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		if err := p.flate.Close(); err != nil {
			return err
		}
		fw, err := zw.CreateRaw(&zip.FileHeader{
			Name: p.name, Method: zip.Deflate, CRC32: p.crc.Sum32(),
			CompressedSize64: uint64(p.compressed.Len()), UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if _, err := p.compressed.WriteTo(fw); err != nil {
			return err
		}
	}
	return zw.Close()
}
