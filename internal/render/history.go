package render

import (
	pathpkg "path"
	"slices"
	"strings"
	"time"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/history"
	"github.com/mohinh/mohinh/internal/vi"
)

// historyLine is one commit in a registration's history: what it changed
// in the registration, in words, and its day. The commit's subject, which
// its author wrote for the project (often in English), is only a detail;
// the author's name is left out: visitors need what changed, not who typed
// it, and the people who keep the files are Party members.
type historyLine struct {
	Date     string   // dd/mm/yyyy, the author's own day
	DateTime string   // yyyy-mm-dd, for the datetime attribute
	Changes  []string // "Nộp bản đăng ký", "Trạng thái: Đã đăng ký → Đã được thông qua", …
	Subject  string
}

// historyLines presents what the commits that touched the registration at
// path changed in it, oldest first, so that the list reads as its story
// from its submission, as the timeline above it does. A commit that
// changed nothing a reader sees (spacing, comments, the quoting of a
// value) is left out: a line saying that nothing changed would only leave
// the visitor wondering why it is there.
func (b *viewBuilder) historyLines(path string) []historyLine {
	commits := b.history[path]
	var lines []historyLine
	for _, c := range slices.Backward(commits) {
		if len(c.Changes) == 0 {
			continue
		}
		l := historyLine{Date: vi.DateShort(c.Date), DateTime: c.Date.Format(time.DateOnly), Subject: c.Subject}
		for _, ch := range c.Changes {
			l.Changes = append(l.Changes, changeText(ch))
		}
		lines = append(lines, l)
	}
	return lines
}

// changeText says a change to a registration in Vietnamese.
func changeText(c history.Change) string {
	switch c.Kind {
	case history.Submitted:
		return "Nộp bản đăng ký"
	case history.Renamed:
		return "Đổi tên tệp (trước là " + pathpkg.Base(c.OldPath) + ")"
	case history.StatusChanged:
		if c.To == "" {
			// The status is its decisions' from then on.
			return "Bỏ trạng thái “" + statusWords(c.From) + "” ghi trong bản đăng ký; trạng thái nay theo các văn bản quyết định"
		}
		return "Trạng thái: " + statusWords(c.From) + " → " + statusWords(c.To)
	case history.KeysEdited:
		return "Sửa: " + strings.Join(c.Keys, ", ")
	case history.BodyEdited:
		return "Sửa nội dung chi tiết"
	case history.AttachmentsAdded:
		return "Thêm tệp đính kèm: " + strings.Join(c.Files, ", ")
	case history.AttachmentsReplaced:
		return "Thay tệp đính kèm: " + strings.Join(c.Files, ", ")
	case history.AttachmentsRemoved:
		return "Bỏ tệp đính kèm: " + strings.Join(c.Files, ", ")
	case history.Removed:
		return "Xóa bản đăng ký"
	}
	return "Sửa bản đăng ký"
}

// statusWords is a status as a visitor reads it; a value the file got
// wrong at some commit (the loader reads it as registered) as written.
func statusWords(s content.Status) string {
	if s.Valid() {
		return s.Label()
	}
	return string(s)
}
