package check

import (
	"bytes"
	"strings"
	"testing"
)

func TestChangeLists(t *testing.T) {
	res := Result{Files: 3, Changes: &Changes{Base: "origin/main",
		Added: []string{"a.md"}, Modified: []string{"b.md"}, Renamed: [][2]string{{"c.md", "d.md"}}, Deleted: []string{"e.md"}}}
	var text, summary bytes.Buffer
	Text(&text, res)
	StepSummary(&summary, res)
	if want := "  thêm  a.md\n  sửa   b.md\n  đổi   c.md → d.md\n  xóa   e.md\n"; !strings.Contains(text.String(), want) {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), want)
	}
	if want := "- thêm `a.md`\n- sửa `b.md`\n- đổi tên `c.md` → `d.md`\n- xóa `e.md`\n"; !strings.Contains(summary.String(), want) {
		t.Errorf("summary:\n%s\nwant:\n%s", summary.String(), want)
	}
}
