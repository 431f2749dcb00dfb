package serve

import (
	"bytes"
	"testing"

	"github.com/mohinh/mohinh/internal/diag"
)

// The log names files and quotes values: each is one line, its control
// characters shown, never acted on by the terminal.
func TestLogEscapesControlCharacters(t *testing.T) {
	var log bytes.Buffer
	s := New(Options{Log: &log})
	d := diag.Diagnostic{Path: "content/registrations/2024/x/a\x1b]52;c;ZXZpbA==\x07\nĐã dựng lại 9 trang.md", Message: "tên tệp không hợp lệ"}
	s.logf("  %s", d)
	s.logf("%v", "watch content/a\u202e\u009b31m\r\nĐã dựng lại 9 trang trong 1 ms.")
	want := `  content/registrations/2024/x/a\x1b]52;c;ZXZpbA==\x07\nĐã dựng lại 9 trang.md: tên tệp không hợp lệ` + "\n" +
		`watch content/a\u202e\u009b31m\r\nĐã dựng lại 9 trang trong 1 ms.` + "\n"
	if got := log.String(); got != want {
		t.Errorf("log:\n%s\nwant:\n%s", got, want)
	}
}
