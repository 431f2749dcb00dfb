package content

import (
	"regexp"
	"strings"

	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/vi"
)

// checkText looks at the whole text of a file for what no single value
// shows: a legacy encoding pasted from an old document, text that is not
// NFC, and personal data that should not be published.
func checkText(path string, data []byte, diags *diag.List) {
	text := string(data)
	if enc, at := vi.LegacyEncoding(text); enc != vi.NoLegacy {
		line, col := position(data, at)
		font, example := ".VnTime", "\"Uû ban nh©n d©n\" thay cho \"Ủy ban nhân dân\""
		if enc == vi.VNI {
			font, example = "VNI-Times", "\"Ñaûng uûy\" thay cho \"Đảng ủy\""
		}
		diags.Errorf(path, line, col, "legacy-encoding", "văn bản có vẻ được dán từ tài liệu dùng bảng mã %s (phông %s), như %s: hãy chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, nguồn %s, đích Unicode) rồi dán lại", enc, font, example, enc)
	}
	if n := vi.NFCPrefix(text); n < len(text) && !vi.IsNFC(text) {
		line, col := position(data, n)
		diags.Warnf(path, line, col, "not-nfc", "văn bản chưa ở dạng Unicode dựng sẵn (NFC), thường do bộ gõ của Windows hoặc macOS: chạy \"mohinh check --fix\" để chuẩn hóa, nội dung không đổi")
	}
	checkPersonalData(path, data, diags)
}

var (
	// Vietnamese mobile and landline numbers: 0 or +84, then 9 or 10 digits,
	// possibly grouped by spaces, dots or hyphens.
	phonePattern = regexp.MustCompile(`(?:^|[^\d\w])((?:\+84|0)[235789](?:[ .-]?\d){8,9})(?:$|[^\d\w])`)
	// Citizen identity card numbers (căn cước công dân): 12 digits.
	citizenIDPattern = regexp.MustCompile(`(?:^|[^\d\w])(\d{12})(?:$|[^\d\w])`)
	// Addresses at public mail providers belong to persons; an office's
	// address is at its own domain.
	personalEmailPattern = regexp.MustCompile(`(?i)[a-z0-9._%+-]+@(?:gmail|yahoo|ymail|hotmail|outlook|live|icloud|me|aol|proton(?:mail)?)\.[a-z.]+`)
)

// maxPersonalDataWarnings bounds the warnings for one file.
const maxPersonalDataWarnings = 5

func checkPersonalData(path string, data []byte, diags *diag.List) {
	found := 0
	report := func(start int, code, what string) {
		if found++; found <= maxPersonalDataWarnings {
			line, col := position(data, start)
			diags.Warnf(path, line, col, code, "có vẻ là %s: cổng thông tin công khai cho mọi người, hãy bỏ thông tin cá nhân này", what)
		}
	}
	for _, m := range phonePattern.FindAllSubmatchIndex(data, -1) {
		report(m[2], "personal-phone", "số điện thoại")
	}
	for _, m := range citizenIDPattern.FindAllSubmatchIndex(data, -1) {
		report(m[2], "personal-id", "số căn cước công dân (12 chữ số)")
	}
	for _, m := range personalEmailPattern.FindAllIndex(data, -1) {
		report(m[0], "personal-email", "địa chỉ thư điện tử cá nhân")
	}
}

// numberPattern is the form of a Party document number: "12-CV/ĐU",
// "943-CV/HU", "05-CV/BTCHU": a number, the kind of document, the issuer's
// symbol.
var numberPattern = regexp.MustCompile(`^\d{1,4}-[A-ZĐ]{1,6}/[A-ZĐ][A-ZĐ0-9.-]*$`)

// wordCount counts the words of s.
func wordCount(s string) int { return len(strings.Fields(s)) }
