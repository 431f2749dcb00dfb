package content

import "testing"

// A date written another way is read as the writer meant it, day first as
// Vietnamese writes it, and given back as YYYY-MM-DD; a date that does not
// exist is said not to, and text that is no date gets the form to use.
func TestExplainDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"05/01/2024", `ngày "05/01/2024" chưa viết theo dạng NĂM-THÁNG-NGÀY: hãy ghi 2024-01-05 (ngày 05 tháng 01 năm 2024)`},
		{"8-1-2024", `ngày "8-1-2024" chưa viết theo dạng NĂM-THÁNG-NGÀY: hãy ghi 2024-01-08 (ngày 08 tháng 01 năm 2024)`},
		{"25.12.2023", `ngày "25.12.2023" chưa viết theo dạng NĂM-THÁNG-NGÀY: hãy ghi 2023-12-25 (ngày 25 tháng 12 năm 2023)`},
		{"2024-1-5", `ngày "2024-1-5" chưa viết theo dạng NĂM-THÁNG-NGÀY: hãy ghi 2024-01-05 (ngày 05 tháng 01 năm 2024)`},
		{"2024/01/05", `ngày "2024/01/05" chưa viết theo dạng NĂM-THÁNG-NGÀY: hãy ghi 2024-01-05 (ngày 05 tháng 01 năm 2024)`},
		{"20240108", `ngày "20240108" chưa viết theo dạng NĂM-THÁNG-NGÀY: hãy ghi 2024-01-08 (ngày 08 tháng 01 năm 2024)`},
		{"ngày 5 tháng 1 năm 2024", `ngày "ngày 5 tháng 1 năm 2024" chưa viết theo dạng NĂM-THÁNG-NGÀY: hãy ghi 2024-01-05 (ngày 05 tháng 01 năm 2024)`},
		{"01/13/2024", `ngày "01/13/2024" không có thật (không có tháng 13), có lẽ ngày và tháng bị viết đổi chỗ cho nhau: nếu là ngày 13 tháng 01 năm 2024, hãy ghi 2024-01-13`},
		{"2024-02-30", `ngày "2024-02-30" không có thật: tháng 02 năm 2024 chỉ có 29 ngày; hãy kiểm tra lại ngày`},
		{"31/04/2024", `ngày "31/04/2024" không có thật: tháng 04 năm 2024 chỉ có 30 ngày; hãy kiểm tra lại ngày`},
		{"15/15/2024", `ngày "15/15/2024" không có thật (không có tháng 15): hãy kiểm tra lại, rồi ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-01-08 là ngày 08 tháng 01 năm 2024`},
		{"tháng giêng", `ngày "tháng giêng" không đúng dạng: hãy ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-01-08 là ngày 08 tháng 01 năm 2024`},
		{"05/01/24", `ngày "05/01/24" không đúng dạng: hãy ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-01-08 là ngày 08 tháng 01 năm 2024`},
	}
	for _, tt := range tests {
		if got := explainDate(tt.in); got != tt.want {
			t.Errorf("explainDate(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}
