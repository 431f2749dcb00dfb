package wordimport

import (
	"errors"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// The form as organisations fill it in, with the usual variations: the
// heading on tab-separated lines, "Số" with spaces, a date without
// leading zeros, the signature in capitals after "KT.", numbering typed
// by hand, an item's text on the line after its label.
func TestParseLetter(t *testing.T) {
	lt := ParseLetter([]string{
		"ĐẢNG BỘ HUYỆN ĐƠN DƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM",
		"ĐẢNG ỦY XÃ KA ĐÔ",
		"*\tKa Đô, ngày 8 tháng 1 năm 2024",
		"Số  12 -CV/ĐU",
		"V/v đăng ký mô hình mới, cách làm sáng tạo năm 2024",
		"Kính gửi:\t- Ban Thường vụ Huyện ủy,\n- Ban Tổ chức Huyện ủy.",
		"Thực hiện Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị; Lĩnh vực này không phải một mục.",
		"1. Tên mô hình",
		"Chi bộ số",
		"Lĩnh vực: Chuyển đổi số",
		"Tính mới của mô hình:",
		"Đoạn một.",
		"Lĩnh vực kinh tế cũng được hưởng lợi.",
		"Dự kiến kết quả đạt được sau khi triển khai thực hiện: 100% đảng viên.",
		"Lộ trình thực hiện: quý I thí điểm, quý II nhân rộng.",
		"2) Tên mô hình: Hũ gạo thiện tâm",
		"Lĩnh vực: Văn hóa – xã hội",
		"Nơi nhận:\tKT. BÍ THƯ",
		"- Như trên,\tPHÓ BÍ THƯ",
		"- Lưu VP.",
		"",
		"\tNGUYỄN VĂN AN",
	})
	want := Letter{
		Superior: "ĐẢNG BỘ HUYỆN ĐƠN DƯƠNG", Issuer: "ĐẢNG ỦY XÃ KA ĐÔ",
		Number: "12-CV/ĐU", Place: "Ka Đô", Date: "2024-01-08",
		Models: []Model{
			{
				Title: "Chi bộ số", Field: "Chuyển đổi số",
				Novelty:  "Đoạn một.\n\nLĩnh vực kinh tế cũng được hưởng lợi.",
				Expected: "100% đảng viên.",
				Body:     "## Lộ trình thực hiện\n\nquý I thí điểm, quý II nhân rộng.",
			},
			{Title: "Hũ gạo thiện tâm", Field: "Văn hóa – xã hội"},
		},
		Signer: "Nguyễn Văn An", Title: "Phó Bí thư",
	}
	if !reflect.DeepEqual(lt, want) {
		t.Errorf("ParseLetter:\n got %+v\nwant %+v", lt, want)
	}
}

func TestCellDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-01-08":                "2024-01-08",
		"08/01/2024":                "2024-01-08",
		"8/1/2024":                  "2024-01-08",
		"8.1.2024":                  "2024-01-08",
		"ngày 08 tháng 01 năm 2024": "2024-01-08",
		"45299":                     "2024-01-08", // a spreadsheet's day number
		"45299.5":                   "2024-01-08",
		"32/01/2024":                "",
		"tháng Giêng":               "",
	} {
		if got := cellDate(in); got != want {
			t.Errorf("cellDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestColumnKey(t *testing.T) {
	for h, want := range map[string]string{
		"Tên mô hình": "title", "TÊN MÔ HÌNH": "title", "title": "title",
		"Tổ chức đăng ký": "organisation", "Lĩnh vực": "field",
		"Tính mới của mô hình": "novelty", "Dự kiến kết quả đạt được": "expected_results",
		"Số văn bản": "number", "Ngày ký": "date", "Đảng viên": "member",
		"expected_results": "expected_results", "STT": "", "Ghi chú": "",
	} {
		if got := columnKey(h); got != want {
			t.Errorf("columnKey(%q) = %q, want %q", h, got, want)
		}
	}
}

// The call a letter answers: the one whose days hold its date, else the
// newest issued before it; none before the first call.
func TestCampaignOn(t *testing.T) {
	site := loadSite(t)
	for date, want := range map[string]int{
		"2024-01-08": 2024, "2024-01-15": 2024, "2024-12-25": 2025, "2025-06-01": 2025, "2023-01-01": 0,
	} {
		r := Resolve(site, Entry{Title: "x", Date: date}, 0)
		if r.Year != want {
			t.Errorf("date %s: call %d, want %d", date, r.Year, want)
		}
	}
	// --campaign wins over the date.
	if r := Resolve(site, Entry{Title: "x", Date: "2024-01-08"}, 2025); r.Year != 2025 {
		t.Errorf("--campaign 2025: call %d", r.Year)
	}
}

// An organisation is taken only when one matches its name; several of the
// same name are told apart by the call and the superior; otherwise it is
// left empty with the candidates.
func TestFindOrganisation(t *testing.T) {
	site := loadSite(t)
	for _, tc := range []struct {
		superior, issuer, date string
		want                   string
	}{
		{"ĐẢNG BỘ HUYỆN ĐƠN DƯƠNG", "ĐẢNG ỦY XÃ KA ĐÔ", "2024-01-08", "xa-ka-do"},
		{"", "Đảng uỷ xã Ka Đô", "2024-01-08", "xa-ka-do"}, // the old placing of the tone mark
		{"", "xa-ka-do", "", "xa-ka-do"},
		{"ĐẢNG BỘ XÃ LẠC XUÂN", "CHI BỘ THÔN DIOM A", "2024-01-09", "chi-bo-thon-diom-a"},
		{"", "CHI BỘ THÔN", "2024-01-09", ""},
		{"", "ĐẢNG ỦY XÃ KHÔNG CÓ", "2024-01-09", ""},
	} {
		r := Resolve(site, Entry{Title: "x", Superior: tc.superior, Issuer: tc.issuer, Date: tc.date}, 2024)
		if r.Organisation != tc.want {
			t.Errorf("%q / %q: organisation %q, want %q (%v)", tc.superior, tc.issuer, r.Organisation, tc.want, r.Missing)
		}
		if tc.want == "" && !hasMissing(r, "organisation") {
			t.Errorf("%q: organisation not listed as missing", tc.issuer)
		}
	}
}

// An old .doc goes through LibreOffice, and reads as the .docx it was
// saved from; without LibreOffice the message says what to do.
func TestReadDoc(t *testing.T) {
	doc := filepath.Join("testdata/docs", "mot-mo-hinh.doc")
	if _, err := exec.LookPath("soffice"); err == nil {
		got, err := ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ReadFile(filepath.Join("testdata/docs", "mot-mo-hinh.docx"))
		if err != nil {
			t.Fatal(err)
		}
		for i := range want {
			want[i].Source = "mot-mo-hinh.doc"
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf(".doc read as\n%+v\nwant\n%+v", got, want)
		}
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := ReadFile(doc); !errors.Is(err, ErrNoOffice) {
		t.Errorf("without soffice: %v, want ErrNoOffice", err)
	}
}

// What the loader refuses, and the invisible characters office programs
// leave, do not reach a registration.
func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"Chi\u00a0bộ  số\u200b":      "Chi bộ số",
		"\ufeffHũ gạo\x07 thiện tâm": "Hũ gạo thiện tâm",
		"Tho\u0302n":                 "Thôn", // NFC
		"số\u00adhóa\ufffe":          "sốhóa",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}
