package content

import (
	"strings"
	"testing"
)

// An id missing or adding a word gets the one id it was likely meant to
// be; a guess between several, or a word too short to tell, gets none.
func TestClosestByWords(t *testing.T) {
	orgs := []string{"huyen-uy", "xa-ka-do", "chi-bo-thon-nghia-hiep", "chi-bo-thon-ka-do-moi", "dang-uy-xa-lac-xuan", "chi-bo-thon-lac-xuan"}
	tests := []struct{ in, want string }{
		{"chi-bo-nghia-hiep", "chi-bo-thon-nghia-hiep"},
		{"nghia-hiep", "chi-bo-thon-nghia-hiep"},
		{"chi-bo-thon-nghia-hiep-moi", "chi-bo-thon-nghia-hiep"},
		{"xa-ka-do-moi", "xa-ka-do"},
		{"lac-xuan", ""}, // two organisations hold it
		{"chi-bo", ""},   // every chi bộ
		{"xa", ""},       // too short to tell
		{"ka-do-moi", "chi-bo-thon-ka-do-moi"},
	}
	for _, tt := range tests {
		if got := Closest(tt.in, orgs); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Closest("expected", []string{"title", "expected_results", "novelty"}); got != "expected_results" {
		t.Errorf("Closest(expected) = %q", got)
	}
	// Bounded as before: a long value gets nothing, however it is cut.
	long := strings.Repeat("chi-bo-", 20)
	if got := Closest(long, []string{long + "x", "chi-bo-a"}); got != "" {
		t.Errorf("a value of %d bytes got %q", len(long), got)
	}
}

// Vietnamese written where a code is expected finds the code by its name,
// with or without tone marks, whole, in part or with a typo.
func TestClosestChoice(t *testing.T) {
	statuses := statusChoices()
	keys := make([]choice, len(registrationContract))
	for i, k := range registrationContract {
		keys[i] = choice{code: k.Name, names: []string{k.Label, k.Form}}
	}
	tests := []struct {
		in      string
		choices []choice
		want    string
		byName  bool
	}{
		{"Đã hoàn thành", statuses, "completed", true},
		{"da hoan thanh", statuses, "completed", true},
		{"hoàn thành", statuses, "completed", true},
		{"Đang triển khai", statuses, "implementing", true},
		{"Completed", statuses, "completed", false},
		{"aproved", statuses, "approved", false},
		{"Được thông qua", statuses, "", false}, // approved or rejected: "không được thông qua"
		{"tinh_moi", keys, "novelty", true},
		{"Tính mới", keys, "novelty", true},
		{"linh_vuc", keys, "field", true},
		{"Lĩnh vực", keys, "field", true},
		{"Tên mô hình", keys, "title", true},
		{"ten_mo_hinh", keys, "title", true},
		{"Người ký", keys, "signer", true},
		{"ngay_ky", keys, "date", true},
		{"feild", keys, "field", false},
		{"ghi chú", keys, "", false},
		{"Chi bộ trực thuộc", kindChoices(), "chi-bo-truc-thuoc", false},
		{"Đảng ủy cơ sở", kindChoices(), "dang-uy-co-so", false},
	}
	for _, tt := range tests {
		got, byName := closestChoice(tt.in, tt.choices)
		if got != tt.want || got != "" && byName != tt.byName {
			t.Errorf("closestChoice(%q) = %q, %v; want %q, %v", tt.in, got, byName, tt.want, tt.byName)
		}
	}
}
