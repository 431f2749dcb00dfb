// Package newreg writes a new registration for a person to fill in: the
// file behind "mohinh new".
//
// A Draft holds what the submitter chose — the call, the organisation, the
// field, the title and, for an individual registration, the member's name.
// Its File is a registration with every key of the contract
// (content.RegistrationKeys), in its order, each followed by a short
// Vietnamese comment saying what to write, and a Markdown body with the
// headings of the official form; it is named as check --fix and the form
// name it (content.FileSlug), and its values are written as the loader
// reads them (content.YAMLScalar). The two required texts, novelty and
// expected_results, are left empty: the loader reports them as "chưa có
// nội dung" until they are written, and then the file passes.
//
// The choices come from a loaded content.Site. Organisations lists those
// that may answer a call (content.Organisation.MayRegister), in the
// order of the hierarchy; FindCampaign, FindOrganisation and FindField turn
// what a person typed into a record, or into an error in Vietnamese that
// names the closest id. An Asker asks for whatever is missing on a terminal.
//
// Create writes the file and never overwrites one, nor a text the loader
// would refuse (CheckText).
package newreg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/vi"
)

// Draft is a registration about to be written.
type Draft struct {
	Campaign     *content.Campaign
	Organisation *content.Organisation
	Field        *content.Field
	Title        string       // one line, NFC (see CleanText)
	Member       string       // the member's name for an individual registration; "" for a collective one
	Date         content.Date // the day it is written: the date proposed for signing
}

// CleanText returns s as one line in NFC: every run of white space,
// line breaks included, becomes one space, and the ends are trimmed.
func CleanText(s string) string {
	return vi.NFC(strings.Join(strings.Fields(s), " "))
}

// CheckTitle explains why a cleaned title cannot name a registration.
func CheckTitle(title string) error {
	if title == "" {
		return errors.New("tên mô hình không được để trống")
	}
	if err := CheckText("tên mô hình", title); err != nil {
		return err
	}
	if content.FileSlug(title) == "" {
		return errors.New("tên mô hình phải có ít nhất một chữ cái tiếng Việt hoặc chữ số để đặt tên tệp")
	}
	return nil
}

// CheckText explains why a text cannot go into a registration: it holds a
// character that the loader refuses in every text (content.RefusedRune),
// pasted by mistake — invisible, or a control that acts on a terminal. what
// names the text, in Vietnamese: "tên mô hình".
func CheckText(what, s string) error {
	if r, bad := content.RefusedRune(s); bad {
		return fmt.Errorf("%s có ký tự U+%04X, là ký tự vô hình, không phải chữ, mà tệp đăng ký không được chứa", what, r)
	}
	return nil
}

// Path returns where the registration goes, slash-separated and relative to
// the site folder (content.RegistrationPath), named after its title
// (content.FileSlug).
func (d Draft) Path() string {
	return content.RegistrationPath(d.Campaign.Year, d.Organisation.ID, content.FileSlug(d.Title))
}

// check explains why d cannot be written: a text the loader would refuse.
func (d Draft) check() error {
	if err := CheckTitle(d.Title); err != nil {
		return err
	}
	return CheckText("họ tên đảng viên", d.Member)
}

// ErrExists is the error of Clash and Create when the file is already there.
var ErrExists = errors.New("tệp đã có")

// existsError names the file that is already there.
type existsError struct{ file string }

func (e existsError) Error() string {
	return "tệp " + e.file + " đã có, không ghi đè: hãy đặt tên mô hình khác, hoặc mở tệp đó để sửa"
}

func (e existsError) Is(target error) bool { return target == ErrExists }

// Clash explains why d cannot be written into the site folder siteDir:
// its file exists, or the organisation already registered a model of the
// same title in the same call (titles that differ only in the placing of
// tone marks are the same, as the loader sees them).
func Clash(siteDir string, site *content.Site, d Draft) error {
	file := filepath.Join(siteDir, filepath.FromSlash(d.Path()))
	if _, err := os.Lstat(file); err == nil {
		return existsError{file}
	}
	key := vi.Fold(d.Title)
	for _, r := range d.Campaign.Registrations {
		if r.Organisation == d.Organisation && vi.Fold(r.Title) == key {
			return fmt.Errorf("tên mô hình trùng với %s (cùng tổ chức, cùng đợt đăng ký): hãy đặt tên khác", filepath.Join(siteDir, filepath.FromSlash(r.Path)))
		}
	}
	return nil
}

// Create writes d's file into the site folder siteDir, creating its
// folders, and returns the file's path. It never replaces a file: when one
// is there the error wraps ErrExists. It writes nothing the loader would
// refuse (Draft.check).
func Create(siteDir string, d Draft) (string, error) {
	file := filepath.Join(siteDir, filepath.FromSlash(d.Path()))
	if err := d.check(); err != nil {
		return file, err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return file, err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return file, existsError{file}
	}
	if err != nil {
		return file, err
	}
	_, err = f.Write(d.File())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file) // a half-written file would block the next attempt
	}
	return file, err
}
