// Package wordimport turns registrations written outside the portal into
// registration files: letters on the call's form (.docx, and the old .doc
// through LibreOffice) and the Board's lists (.xlsx, .csv), one file per
// model. It is the package behind "mohinh import".
//
// ReadFile reads a file into Entries — names as written. Resolve matches
// an entry against a loaded content.Site: the call, the organisation and
// the field become ids, and every value it could not determine is listed
// in Missing, in Vietnamese, and left empty in the File, so that the
// person finishes it and "mohinh check" says what is still to do. Nothing
// is guessed: a heading that names no organisation of the site, or
// several, leaves "organisation" empty with the candidates listed.
package wordimport

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNoOffice is the error for an old .doc file when LibreOffice is not
// installed to convert it.
var ErrNoOffice = errors.New("tệp .doc (Word 97–2003) cần LibreOffice để chuyển sang .docx, nhưng máy không có lệnh soffice: hãy cài LibreOffice, hoặc mở tệp bằng Word và lưu lại dạng .docx rồi nhập tệp .docx")

// ReadFile reads the registrations of a file, told by its content: a
// Word document (.docx; .doc converted with LibreOffice), a workbook
// (.xlsx) or a CSV list.
func ReadFile(name string) ([]Entry, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	source := filepath.Base(name)
	switch {
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")): // an OLE file: .doc, or an old .xls
		if strings.EqualFold(filepath.Ext(name), ".xls") {
			return nil, errors.New("tệp .xls (Excel 97–2003) chưa đọc được: hãy mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx hoặc .csv")
		}
		docx, err := convertDoc(name)
		if err != nil {
			return nil, err
		}
		return docxEntries(source, docx)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		switch {
		case bytes.Contains(data, []byte("word/document.xml")):
			return docxEntries(source, data)
		case bytes.Contains(data, []byte("xl/workbook.xml")):
			rows, err := ReadXLSX(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return nil, err
			}
			return SheetEntries(source, rows)
		}
		return nil, errors.New("tệp nén này không phải văn bản Word .docx, cũng không phải bảng tính .xlsx")
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return nil, errors.New("tệp RTF chưa đọc được: hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx")
	}
	rows, err := ReadCSV(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return SheetEntries(source, rows)
}

func docxEntries(source string, data []byte) ([]Entry, error) {
	lines, err := ReadDocx(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	lt := ParseLetter(lines)
	if len(lt.Models) == 0 {
		return nil, errors.New("văn bản không có mục “Tên mô hình:” theo mẫu đăng ký của đợt: không nhập được mô hình nào")
	}
	return lt.Entries(source), nil
}

// convertDoc converts an old .doc with LibreOffice and returns the .docx.
func convertDoc(name string) ([]byte, error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if soffice, err = exec.LookPath("libreoffice"); err != nil {
			return nil, ErrNoOffice
		}
	}
	tmp, err := os.MkdirTemp("", "mohinh-import-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, err
	}
	// A profile of its own, so that a LibreOffice already open on the
	// desktop does not take the job and return at once.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(tmp, "profile")),
		"--headless", "--convert-to", "docx", "--outdir", tmp, abs)
	out, err := cmd.CombinedOutput()
	docx := filepath.Join(tmp, strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))+".docx")
	data, rerr := os.ReadFile(docx)
	if rerr != nil {
		msg := strings.TrimSpace(string(out))
		if err != nil {
			msg = err.Error() + ": " + msg
		}
		return nil, fmt.Errorf("LibreOffice không chuyển được tệp .doc sang .docx: %s", msg)
	}
	return data, nil
}
