package newreg

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
)

// entry is one line of the front matter: a key's value as YAML, what to
// write there, and comment lines to write before it ("" for none).
type entry struct {
	value, comment, before string
}

// commentColumn is where comments start when the key and value are shorter,
// so that they read as a column; longer lines get two spaces.
const commentColumn = 24

// File returns the registration as it is written: front matter with every
// key of the contract (content.RegistrationKeys), in its order, then the
// body's headings.
func (d Draft) File() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString("# Điền sau dấu hai chấm của mỗi dòng; phần từ dấu # trở đi là ghi chú, có thể xóa.\n")
	b.WriteString("# Hướng dẫn đầy đủ: docs/huong-dan-dang-ky.md\n")
	for _, k := range content.RegistrationKeys() {
		e, ok := d.entry(k.Name)
		if !ok { // a key this template has no line for yet: TestTemplateKnowsEveryKey fails
			e = entry{value: `""`, comment: k.Form}
		}
		b.WriteString(e.before)
		writeEntry(&b, k.Name, e)
	}
	b.WriteString("# Sau dòng --- dưới đây (không bắt buộc): nội dung, cách thức, lộ trình thực hiện.\n")
	b.WriteString("---\n")
	b.WriteString("\n## Nội dung mô hình\n")
	b.WriteString("\n## Cách thức triển khai\n")
	b.WriteString("\n## Lộ trình thực hiện\n")
	return []byte(b.String())
}

// entry is what d's file writes for key, with a comment saying what to
// write there in d's case: the names of the organisation and field
// chosen, the call's deadline, what an individual registration differs in.
func (d Draft) entry(key string) (entry, bool) {
	c, o, f := d.Campaign, d.Organisation, d.Field
	individual := d.Member != ""
	switch key {
	case "title":
		return entry{value: content.YAMLScalar(d.Title), comment: "Tên mô hình"}, true
	case "organisation":
		return entry{value: content.YAMLScalar(o.ID), comment: "Mã tổ chức đăng ký: " + oneLine(o.Title)}, true
	case "campaign":
		note := "Đợt đăng ký năm " + strconv.Itoa(c.Year)
		if c.Number != "" {
			note += " (Công văn số " + oneLine(c.Number) + ")"
		}
		return entry{value: strconv.Itoa(c.Year), comment: note}, true
	case "field":
		return entry{value: content.YAMLScalar(f.ID), comment: "Mã lĩnh vực: " + oneLine(f.Title)}, true
	case "member":
		if individual {
			return entry{value: content.YAMLScalar(d.Member), comment: "Họ tên đảng viên đăng ký cá nhân"}, true
		}
		return entry{value: `""`, comment: "Chỉ ghi với bản đăng ký cá nhân: họ tên đảng viên"}, true
	case "number":
		if individual {
			return entry{value: `""`, comment: "Số văn bản, nếu có"}, true
		}
		return entry{value: `""`, comment: `Số văn bản, ví dụ 12-CV/ĐU, không ghi chữ "Số"`}, true
	case "date":
		note := "Ngày ký văn bản, NĂM-THÁNG-NGÀY"
		if !c.Deadline.IsZero() {
			note += "; sau " + c.Deadline.Short() + " là nộp muộn"
		}
		return entry{value: d.Date.String(), comment: note}, true
	case "signer":
		if individual {
			return entry{value: content.YAMLScalar(d.Member), comment: "Bản cá nhân: chính đảng viên ký"}, true
		}
		return entry{value: `""`, comment: "Họ tên người ký, ví dụ Nguyễn Văn An"}, true
	case "signer_title":
		if individual {
			return entry{value: "Đảng viên", comment: "Chức vụ người ký"}, true
		}
		return entry{value: `""`, comment: "Chức vụ người ký: Bí thư, Phó Bí thư, Trưởng ban…"}, true
	case "novelty":
		return entry{
			value: `""`, comment: "Tính mới của mô hình: điều gì lần đầu tiên được làm, khác trước thế nào",
			before: "# Hai mục bắt buộc dưới đây: thay \"\" bằng dấu >, xuống dòng rồi viết đoạn văn,\n" +
				"# mỗi dòng bắt đầu bằng hai dấu cách.\n",
		}, true
	case "expected_results":
		return entry{value: `""`, comment: "Dự kiến kết quả đạt được: số liệu cụ thể, đạt vào lúc nào"}, true
	case "status":
		return entry{value: string(content.Registered), comment: "Trạng thái: đã đăng ký; chỉ sửa khi có kết luận của cấp có thẩm quyền"}, true
	}
	return entry{}, false
}

func writeEntry(b *strings.Builder, key string, e entry) {
	b.WriteString(key + ": " + e.value)
	width := utf8.RuneCountInString(key) + 2 + utf8.RuneCountInString(e.value)
	b.WriteString(strings.Repeat(" ", max(2, commentColumn-width)))
	b.WriteString("# ")
	b.WriteString(e.comment)
	b.WriteByte('\n')
}

// oneLine makes text from the site safe inside a comment, which ends at the
// end of the line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
