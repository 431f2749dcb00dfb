package content

import (
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/diag"
)

// Legacy text is reported once for every key whose value holds some, at
// the value, quoting it cut to a readable length around the first legacy
// word; comments are never published and are skipped; the body is
// reported once, with the number of its other lines.
func TestCheckLegacy(t *testing.T) {
	long := strings.Repeat("Đảng viên ", 8) + "phèi hîp víi c¸c ®oµn thÓ " + strings.Repeat("và nhân dân ", 8)
	text := "---\n" +
		"title: \"Nguyeãn Vaên An\"\n" +
		"# ghi chú: Uû ban nh©n d©n\n" +
		"novelty: >\n" +
		"  Lần đầu chi bộ áp dụng,\n" +
		"  " + long + "\n" +
		"  phèi hîp lần nữa\n" +
		"signer: Hoaøng Thò Lan\n" +
		"---\n" +
		"## Néi dung\n" +
		"Chi bé th«n\n" +
		"Đúng chữ.\n" +
		"- c¸c ®oµn thÓ\n"
	var diags diag.List
	checkLegacy("x.md", text, &diags)
	want := []string{
		`x.md:2:9: giá trị của khóa "title" là "Nguyeãn Vaên An", có vẻ được dán từ tài liệu dùng bảng mã VNI (phông VNI-Times) nên bị lỗi phông; có lẽ đúng ra là "Nguyễn Văn An"`,
		`x.md:6:78: giá trị của khóa "novelty" có đoạn "…viên phèi hîp víi c¸c ®oµn thÓ và nhân dân và nhân dân và…", có vẻ được dán từ tài liệu dùng bảng mã TCVN3 (phông .VnTime) nên bị lỗi phông; có lẽ đúng ra là "…viên phối hợp với các đoàn thể và nhân dân và nhân dân và…"`,
		`x.md:8:9: giá trị của khóa "signer" là "Hoaøng Thò Lan", có vẻ được dán từ tài liệu dùng bảng mã VNI (phông VNI-Times) nên bị lỗi phông; có lẽ đúng ra là "Hoàng Thị Lan"`,
		`x.md:10:4: phần nội dung có đoạn "Néi dung", có vẻ được dán từ tài liệu dùng bảng mã TCVN3 (phông .VnTime) nên bị lỗi phông; có lẽ đúng ra là "Nội dung" (cùng lỗi này ở 2 dòng khác của phần nội dung)`,
	}
	if len(diags) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(diags), len(want), diags)
	}
	for i, d := range diags {
		if !strings.HasPrefix(d.String(), want[i]) {
			t.Errorf("got  %s\nwant %s…", d, want[i])
		}
	}
}
