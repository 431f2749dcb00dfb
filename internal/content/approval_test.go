package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// levelsSite is a district with its Organisation Board, a commune with a
// chi bộ, and a call of the district; and, after the reorganisation, a
// commune directly under the province calling its own chi bộ.
func levelsSite() fstest.MapFS {
	fsys := baseSite()
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys["content/organisations/huyen-uy.md"] = file("---\ntitle: Huyện ủy Đơn Dương\nkind: cap-uy\nsuperior: Đảng bộ tỉnh Lâm Đồng\ndissolved: 2025-07-01\n---\n")
	fsys["content/organisations/ban-to-chuc.md"] = file("---\ntitle: Ban Tổ chức Huyện ủy\nkind: co-quan-tham-muu\nparent: huyen-uy\ndissolved: 2025-07-01\n---\n")
	fsys["content/organisations/xa-ka-do.md"] = file("---\ntitle: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\nparent: huyen-uy\ndissolved: 2025-07-01\n---\n")
	fsys["content/organisations/chi-bo-ka-do-moi.md"] = file("---\ntitle: Chi bộ thôn Ka Đô Mới\nkind: chi-bo-truc-thuoc\nparent: xa-ka-do\ndissolved: 2025-07-01\n---\n")
	fsys["content/organisations/xa-don-duong.md"] = file("---\ntitle: Đảng ủy xã Đơn Dương\nkind: dang-uy-co-so\nsuperior: Đảng bộ tỉnh Lâm Đồng\nestablished: 2025-07-01\n---\n")
	fsys["content/organisations/chi-bo-thanh-my.md"] = file("---\ntitle: Chi bộ tổ dân phố Thạnh Mỹ\nkind: chi-bo-truc-thuoc\nparent: xa-don-duong\nestablished: 2025-07-01\n---\n")
	fsys["content/campaigns/2026.md"] = file("---\ntitle: Đăng ký mô hình mới năm 2026\nyear: 2026\nnumber: 5-CV/ĐU\nissued: 2025-12-15\ndeadline: 2026-01-10\nissuer: xa-don-duong\n---\n")
	reg := func(year int, org, slug, member string) {
		m := ""
		if member != "" {
			m = "member: " + member + "\n"
		}
		fsys[RegistrationPath(year, org, slug)] = file(fmt.Sprintf("---\ntitle: Mô hình %s\norganisation: %s\ncampaign: %d\nfield: kinh-te\n%snovelty: Lần đầu áp dụng cách làm này ở đây.\nexpected_results: Hai mươi hộ được hỗ trợ mỗi năm.\n---\n", slug, org, year, m))
	}
	reg(2024, "ban-to-chuc", "so-tay", "")
	reg(2024, "xa-ka-do", "ca-tam", "")
	reg(2024, "xa-ka-do", "vuon-rau", "Nguyễn Văn An")
	reg(2024, "chi-bo-ka-do-moi", "nuoi-bo", "")
	reg(2024, "chi-bo-ka-do-moi", "ca-phe", "Trần Thị Bình")
	reg(2026, "chi-bo-thanh-my", "thu-gom-rac", "")
	return fsys
}

func TestApprovingLevelAndAddressees(t *testing.T) {
	site, diags := LoadWith(levelsSite(), Options{Today: mustDate("2026-12-04")})
	if diags.HasErrors() {
		t.Fatalf("the site has errors:\n%v", diags)
	}
	tests := []struct {
		reg, level string
		kinhGui    []string
	}{
		// The Organisation Board's own registration is not addressed to itself.
		{"2024/ban-to-chuc/so-tay", "huyen-uy", []string{"Ban Thường vụ Huyện ủy Đơn Dương"}},
		// A base organisation: the call's issuer, its Standing Committee and Board.
		{"2024/xa-ka-do/ca-tam", "huyen-uy", []string{"Ban Thường vụ Huyện ủy Đơn Dương", "Ban Tổ chức Huyện ủy Đơn Dương"}},
		// A member filed under the commune: the commune approves.
		{"2024/xa-ka-do/vuon-rau", "xa-ka-do", []string{"Ban Thường vụ Đảng ủy xã Ka Đô"}},
		// A chi bộ trực thuộc: its đảng ủy, never the district.
		{"2024/chi-bo-ka-do-moi/nuoi-bo", "xa-ka-do", []string{"Ban Thường vụ Đảng ủy xã Ka Đô"}},
		// A member of a chi bộ: the chi bộ, whose meeting approves.
		{"2024/chi-bo-ka-do-moi/ca-phe", "chi-bo-ka-do-moi", []string{"Chi bộ thôn Ka Đô Mới"}},
		// The 2026 call of a commune to its chi bộ: the commune is the issuer
		// and has no Organisation Board.
		{"2026/chi-bo-thanh-my/thu-gom-rac", "xa-don-duong", []string{"Ban Thường vụ Đảng ủy xã Đơn Dương"}},
	}
	for _, tt := range tests {
		r := site.RegistrationByPath[RegistrationsDir+"/"+tt.reg+".md"]
		if r == nil {
			t.Fatalf("%s did not load", tt.reg)
		}
		if got := r.ApprovingLevel(); got == nil || got.ID != tt.level {
			t.Errorf("%s: approving level %v, want %s", tt.reg, got, tt.level)
		}
		if got := r.Recipients(); !slices.Equal(got, tt.kinhGui) {
			t.Errorf("%s: Kính gửi %q, want %q", tt.reg, got, tt.kinhGui)
		}
	}
	var roots []string
	for _, o := range site.Roots {
		roots = append(roots, o.ID)
	}
	if want := []string{"xa-don-duong", "huyen-uy"}; !slices.Equal(roots, want) {
		t.Errorf("roots %v, want %v: those in place first", roots, want)
	}
}

func TestDecisionsGiveStatus(t *testing.T) {
	fsys := levelsSite()
	fsys[DecisionPath(2024, "xa-ka-do", "tb-15")] = &fstest.MapFile{Data: []byte(`---
title: Thông báo kết quả xét duyệt mô hình mới, cách làm sáng tạo năm 2024
kind: approval
issuer: xa-ka-do
campaign: 2024
number: 15-TB/ĐU
date: 2024-01-20
approved:
  - chi-bo-ka-do-moi/nuoi-bo
rejected:
  - registration: xa-ka-do/vuon-rau
    reason: Trùng với mô hình đã thực hiện năm 2023.
---
`)}
	site, diags := LoadWith(fsys, Options{Today: mustDate("2026-12-04")})
	if diags.HasErrors() {
		t.Fatalf("the site has errors:\n%v", diags)
	}
	d := site.DecisionByPath[DecisionPath(2024, "xa-ka-do", "tb-15")]
	if d == nil || d.Issuer == nil || d.Campaign == nil || len(d.Approved) != 1 || len(d.Rejected) != 1 {
		t.Fatalf("decision not linked: %+v", d)
	}
	got := map[string]string{}
	for _, r := range site.Registrations {
		s := string(r.Status)
		if r.Decision != nil {
			s += " by " + r.Decision.Number + " " + r.DecisionReason
		}
		got[RegistrationRef(r)] = strings.TrimSpace(s)
	}
	want := map[string]string{
		"ban-to-chuc/so-tay":          "registered",
		"xa-ka-do/ca-tam":             "registered",
		"xa-ka-do/vuon-rau":           "rejected by 15-TB/ĐU Trùng với mô hình đã thực hiện năm 2023.",
		"chi-bo-ka-do-moi/nuoi-bo":    "approved by 15-TB/ĐU",
		"chi-bo-ka-do-moi/ca-phe":     "registered",
		"chi-bo-thanh-my/thu-gom-rac": "registered",
	}
	for ref, w := range want {
		if got[ref] != w {
			t.Errorf("%s: %q, want %q", ref, got[ref], w)
		}
	}
	if n := len(site.ByStatus[Approved]); n != 1 {
		t.Errorf("%d approved in ByStatus, want 1: the lists follow the decisions", n)
	}
	if len(site.OrganisationByID["xa-ka-do"].Decisions) != 1 || len(site.CampaignByYear[2024].Decisions) != 1 {
		t.Error("the decision is not listed under its issuer and its call")
	}
}

// The year's documents give the statuses: approved, then completed with a
// results report, then recognised or not by the recognition.
func TestYearEndStatuses(t *testing.T) {
	fsys := levelsSite()
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys["content/campaigns/2024.md"] = file("---\ntitle: Đăng ký 2024\nyear: 2024\nnumber: 1-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy\ncriteria:\n  - {id: tinh-moi, title: Tính mới, max: 50}\n  - {id: hieu-qua, title: Hiệu quả, max: 50}\npass_score: 60\n---\n")
	fsys[DecisionPath(2024, "huyen-uy", "thong-qua")] = file("---\ntitle: Thông báo\nkind: approval\nissuer: huyen-uy\ncampaign: 2024\nnumber: 120-TB/HU\ndate: 2024-01-20\napproved:\n  - xa-ka-do/ca-tam\n  - ban-to-chuc/so-tay\n---\n")
	fsys[DecisionPath(2024, "xa-ka-do", "thong-qua")] = file("---\ntitle: Thông báo\nkind: approval\nissuer: xa-ka-do\ncampaign: 2024\nnumber: 15-TB/ĐU\ndate: 2024-01-20\napproved:\n  - chi-bo-ka-do-moi/nuoi-bo\n---\n")
	for _, ref := range []string{"xa-ka-do/ca-tam", "ban-to-chuc/so-tay", "chi-bo-ka-do-moi/nuoi-bo"} {
		fsys[ResultsDir+"/2024/"+ref+".md"] = file("---\ndate: 2024-11-20\nachieved: Đạt và vượt các chỉ tiêu đã đăng ký với số liệu cụ thể.\n---\n")
	}
	fsys[DecisionPath(2024, "ban-to-chuc", "tham-dinh")] = file("---\ntitle: Phiếu thẩm định\nkind: appraisal\nissuer: ban-to-chuc\ncampaign: 2024\nnumber: 30-BC/BTCHU\ndate: 2024-12-01\nscores:\n  - registration: xa-ka-do/ca-tam\n    tinh-moi: 40\n    hieu-qua: 35\n---\n")
	fsys[DecisionPath(2024, "huyen-uy", "cong-nhan")] = file("---\ntitle: Quyết định công nhận\nkind: recognition\nissuer: huyen-uy\ncampaign: 2024\nnumber: 250-QĐ/HU\ndate: 2024-12-20\nrecognised:\n  - xa-ka-do/ca-tam\nnot_recognised:\n  - registration: ban-to-chuc/so-tay\n    reason: Chưa có số liệu so sánh.\n---\n")
	site, diags := LoadWith(fsys, Options{Today: mustDate("2026-12-04")})
	if diags.HasErrors() {
		t.Fatalf("the site has errors:\n%v", diags)
	}
	want := map[string]Status{
		"xa-ka-do/ca-tam":          Recognised,
		"ban-to-chuc/so-tay":       NotRecognised,
		"chi-bo-ka-do-moi/nuoi-bo": Completed,
		"xa-ka-do/vuon-rau":        Registered,
	}
	for _, r := range site.Registrations {
		if w, ok := want[RegistrationRef(r)]; ok && r.Status != w {
			t.Errorf("%s: status %s, want %s", RegistrationRef(r), r.Status, w)
		}
	}
	r := site.RegistrationByPath[RegistrationPath(2024, "xa-ka-do", "ca-tam")]
	if r.Score == nil || r.Score.Total != 75 || !slices.Equal(r.Score.Points, []int{40, 35}) || r.Appraisal == nil || r.Result == nil {
		t.Errorf("ca-tam's year: score %+v, appraisal %v, result %v", r.Score, r.Appraisal, r.Result)
	}
	if len(site.Results) != 3 {
		t.Errorf("%d results, want 3", len(site.Results))
	}
}
