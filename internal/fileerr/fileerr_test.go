package fileerr

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Every failure a person can act on is said in Vietnamese, naming the path
// as given; the system's English never shows.
func TestExplain(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "tep.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, notExist := os.ReadFile(filepath.Join(dir, "khong-co.md"))
	_, isDir := os.ReadFile(dir)
	_, notDir := os.ReadFile(filepath.Join(file, "x.md"))
	noFolder := os.WriteFile(filepath.Join(dir, "khong-co", "x.md"), nil, 0o644)
	perm := &fs.PathError{Op: "open", Path: "/tmp/.x-123", Err: syscall.EACCES}
	full := &fs.PathError{Op: "write", Path: "/tmp/.x-123", Err: syscall.ENOSPC}
	ro := &fs.PathError{Op: "open", Path: "/tmp/.x-123", Err: syscall.EROFS}
	eio := &fs.PathError{Op: "read", Path: "/tmp/.x-123", Err: syscall.EIO}
	other := &fs.PathError{Op: "read", Path: "/tmp/.x-123", Err: syscall.ELOOP}

	for _, tc := range []struct {
		got  error
		want string
	}{
		{Read("khong-co.md", notExist), "không có tệp hoặc thư mục khong-co.md"},
		{Read("bao-cao", isDir), "bao-cao là một thư mục, không phải tệp"},
		{Read("tep.md/x.md", notDir), "không đọc được tep.md/x.md: một phần của đường dẫn là tệp, không phải thư mục"},
		{Read("tep.md", perm), "không có quyền đọc tep.md: hãy cấp quyền đọc"},
		{Read("tep.md", eio), "không đọc được tep.md: ổ đĩa báo lỗi"},
		{Read("tep.md", other), "không đọc được tep.md (too many levels of symbolic links)"},
		{Write("khong-co/x.md", noFolder), "không ghi được khong-co/x.md: thư mục chứa nó chưa có, hãy tạo thư mục trước"},
		{Write("x.xlsx", perm), "không có quyền ghi vào x.xlsx hoặc thư mục chứa nó"},
		{Write("public", full), "không ghi được public: ổ đĩa đã đầy"},
		{Write("public", ro), "không ghi được public: ổ đĩa chỉ đọc"},
		{Write("bao-cao", isDir), "không ghi được bao-cao: đó là một thư mục"},
	} {
		msg := tc.got.Error()
		if !strings.HasPrefix(msg, tc.want) {
			t.Errorf("got %q, want it to start with %q", msg, tc.want)
		}
		for _, english := range []string{"no such file", "permission denied", "is a directory", "not a directory", "open ", "/tmp/.x-"} {
			if strings.Contains(msg, english) {
				t.Errorf("%q says %q", msg, english)
			}
		}
	}
	if got := Read("", notExist).Error(); got != "không có tệp hoặc thư mục "+filepath.Join(dir, "khong-co.md") {
		t.Errorf("without a path, the error's own: %q", got)
	}
	if !errors.Is(Read("khong-co.md", notExist), fs.ErrNotExist) {
		t.Error("the explained error no longer matches fs.ErrNotExist")
	}
	if Read("x", nil) != nil || Write("x", nil) != nil {
		t.Error("no error explained as one")
	}
}
