// Package fileerr says in Vietnamese why a file or folder could not be read
// or written — "no such file or directory", "permission denied", a full or
// read-only disk — for the people who run mohinh, who should never see the
// system's English. It is the one place these words are chosen: the
// commands and --fix all explain their file errors here.
package fileerr

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// Read explains why path could not be read: its message names path as
// given (or, when path is "", the one err names) and says what to do. The
// error still matches err with errors.Is.
func Read(path string, err error) error {
	if err == nil {
		return nil
	}
	path = pathOf(path, err)
	var why string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = fmt.Sprintf("không có tệp hoặc thư mục %s", path)
	case errors.Is(err, fs.ErrPermission):
		why = fmt.Sprintf("không có quyền đọc %s: hãy cấp quyền đọc cho tài khoản đang chạy lệnh", path)
	case errors.Is(err, syscall.EISDIR):
		why = fmt.Sprintf("%s là một thư mục, không phải tệp", path)
	default:
		why = either("đọc", path, err)
	}
	return &explained{why, err}
}

// Write explains why path could not be written, in the same way.
func Write(path string, err error) error {
	if err == nil {
		return nil
	}
	path = pathOf(path, err)
	var why string
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		why = fmt.Sprintf("không ghi được %s: ổ đĩa đã đầy, hãy giải phóng chỗ trống rồi chạy lại", path)
	case errors.Is(err, syscall.EROFS):
		why = fmt.Sprintf("không ghi được %s: ổ đĩa chỉ đọc, hãy chọn chỗ khác để ghi", path)
	case errors.Is(err, fs.ErrNotExist):
		why = fmt.Sprintf("không ghi được %s: thư mục chứa nó chưa có, hãy tạo thư mục trước hoặc chọn chỗ khác", path)
	case errors.Is(err, fs.ErrPermission):
		why = fmt.Sprintf("không có quyền ghi vào %s hoặc thư mục chứa nó: hãy cấp quyền ghi hoặc chọn chỗ khác", path)
	case errors.Is(err, syscall.EISDIR):
		why = fmt.Sprintf("không ghi được %s: đó là một thư mục, không phải tệp", path)
	default:
		why = either("ghi", path, err)
	}
	return &explained{why, err}
}

// either explains the failures that reading and writing share, with verb
// ("đọc" or "ghi") saying which it was.
func either(verb, path string, err error) string {
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Sprintf("không %s được %s: một phần của đường dẫn là tệp, không phải thư mục", verb, path)
	case errors.Is(err, syscall.EIO):
		return fmt.Sprintf("không %s được %s: ổ đĩa báo lỗi (có thể ổ hỏng hoặc vừa bị rút ra)", verb, path)
	case errors.Is(err, syscall.ENAMETOOLONG):
		return fmt.Sprintf("không %s được %s: tên tệp hoặc đường dẫn quá dài", verb, path)
	default:
		return fmt.Sprintf("không %s được %s (%s)", verb, path, cause(err))
	}
}

func pathOf(path string, err error) string {
	var pe *fs.PathError
	if path == "" && errors.As(err, &pe) {
		return pe.Path
	}
	return path
}

// cause is the system's own words for a failure of no known kind, without
// the operation and the path (a temporary file's name would only confuse).
func cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

type explained struct {
	why string
	err error
}

func (e *explained) Error() string { return e.why }
func (e *explained) Unwrap() error { return e.err }
