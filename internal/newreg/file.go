package newreg

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// entry is one line of the front matter: a key, its value as YAML, and
// what to write there.
type entry struct {
	key, value, comment string
}

// commentColumn is where comments start when the key and value are shorter,
// so that they read as a column; longer lines get two spaces.
const commentColumn = 24

// File returns the registration as it is written: front matter with every
// key, in the order of docs/content-format.md, then the body's headings.
func (d Draft) File() []byte {
	c, o, f := d.Campaign, d.Organisation, d.Field
	individual := d.Member != ""

	callNote := "Đợt đăng ký năm " + strconv.Itoa(c.Year)
	if c.Number != "" {
		callNote += " (Công văn số " + oneLine(c.Number) + ")"
	}
	dateNote := "Ngày ký văn bản, NĂM-THÁNG-NGÀY"
	if !c.Deadline.IsZero() {
		dateNote += "; sau " + c.Deadline.Short() + " là nộp muộn"
	}
	member := entry{"member", `""`, "Chỉ ghi với bản đăng ký cá nhân: họ tên đảng viên"}
	number := entry{"number", `""`, `Số văn bản, ví dụ 12-CV/ĐU, không ghi chữ "Số"`}
	signer := entry{"signer", `""`, "Họ tên người ký, ví dụ Nguyễn Văn An"}
	signerTitle := entry{"signer_title", `""`, "Chức vụ người ký: Bí thư, Phó Bí thư, Trưởng ban…"}
	if individual {
		member = entry{"member", scalar(d.Member), "Họ tên đảng viên đăng ký cá nhân"}
		number.comment = "Số văn bản, nếu có"
		signer = entry{"signer", scalar(d.Member), "Bản cá nhân: chính đảng viên ký"}
		signerTitle = entry{"signer_title", "Đảng viên", "Chức vụ người ký"}
	}

	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString("# Điền sau dấu hai chấm của mỗi dòng; phần từ dấu # trở đi là ghi chú, có thể xóa.\n")
	b.WriteString("# Hướng dẫn đầy đủ: docs/huong-dan-dang-ky.md\n")
	writeEntries(&b, []entry{
		{"title", scalar(d.Title), "Tên mô hình"},
		{"organisation", scalar(o.ID), "Mã tổ chức đăng ký: " + oneLine(o.Title)},
		{"campaign", strconv.Itoa(c.Year), callNote},
		{"field", scalar(f.ID), "Mã lĩnh vực: " + oneLine(f.Title)},
		member,
		number,
		{"date", d.Date.String(), dateNote},
		signer,
		signerTitle,
	})
	b.WriteString("# Hai mục bắt buộc dưới đây: thay \"\" bằng dấu >, xuống dòng rồi viết đoạn văn,\n")
	b.WriteString("# mỗi dòng bắt đầu bằng hai dấu cách.\n")
	writeEntries(&b, []entry{
		{"novelty", `""`, "Tính mới của mô hình: điều gì lần đầu tiên được làm, khác trước thế nào"},
		{"expected_results", `""`, "Dự kiến kết quả đạt được: số liệu cụ thể, đạt vào lúc nào"},
		{"status", "registered", "Trạng thái: đã đăng ký; chỉ sửa khi có kết luận của cấp có thẩm quyền"},
	})
	b.WriteString("# Sau dòng --- dưới đây (không bắt buộc): nội dung, cách thức, lộ trình thực hiện.\n")
	b.WriteString("---\n")
	b.WriteString("\n## Nội dung mô hình\n")
	b.WriteString("\n## Cách thức triển khai\n")
	b.WriteString("\n## Lộ trình thực hiện\n")
	return []byte(b.String())
}

func writeEntries(b *strings.Builder, entries []entry) {
	for _, e := range entries {
		b.WriteString(e.key + ": " + e.value)
		width := utf8.RuneCountInString(e.key) + 2 + utf8.RuneCountInString(e.value)
		b.WriteString(strings.Repeat(" ", max(2, commentColumn-width)))
		b.WriteString("# ")
		b.WriteString(e.comment)
		b.WriteByte('\n')
	}
}

// scalar returns s as a one-line YAML value that reads back as s: as it is
// when YAML allows, otherwise in double quotes, as the guide for submitters
// shows. s must be one line (CleanText).
func scalar(s string) string {
	if s == "" {
		return `""`
	}
	if out, err := yaml.Marshal(s); err == nil && strings.TrimSuffix(string(out), "\n") == s {
		return s
	}
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: s})
	if err != nil || strings.Count(string(out), "\n") != 1 {
		return strconv.Quote(s) // a Go string literal of valid UTF-8 is a YAML double-quoted one
	}
	return strings.TrimSuffix(string(out), "\n")
}

// oneLine makes text from the site safe inside a comment, which ends at the
// end of the line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
