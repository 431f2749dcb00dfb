package render

import (
	"slices"
	"testing"

	"github.com/mohinh/mohinh/internal/content"
)

func TestNewURLs(t *testing.T) {
	tests := []struct{ in, home, feed string }{
		{"", "/", "/feed.xml"},
		{"/", "/", "/feed.xml"},
		{"https://example.org", "/", "https://example.org/feed.xml"},
		{"https://example.org/mohinh", "/mohinh/", "https://example.org/mohinh/feed.xml"},
		{"https://example.org/mohinh/", "/mohinh/", "https://example.org/mohinh/feed.xml"},
		{"/a/b/", "/a/b/", "/a/b/feed.xml"},
		{"//example.org/a/", "/a/", "/a/feed.xml"}, // no scheme: no origin to write
		{"https://example.org/đơn dương/", "/%C4%91%C6%A1n%20d%C6%B0%C6%A1ng/", "https://example.org/%C4%91%C6%A1n%20d%C6%B0%C6%A1ng/feed.xml"},
	}
	for _, tt := range tests {
		u, err := NewURLs(tt.in)
		if err != nil || u.Home() != tt.home || ExportLinks(u).Feed() != tt.feed {
			t.Errorf("NewURLs(%q) = %q, %q, %v; want %q, %q", tt.in, u.Home(), ExportLinks(u).Feed(), err, tt.home, tt.feed)
		}
	}
	for _, bad := range []string{"https://example.org/?q=1", "https://example.org/#x", "http://[::1"} {
		if _, err := NewURLs(bad); err == nil {
			t.Errorf("NewURLs(%q) accepted", bad)
		}
	}
}

// The zero URLs is a site published at "/": what serve and the tests use.
func TestZeroURLs(t *testing.T) {
	var zero URLs
	root, _ := NewURLs("/")
	r := &content.Registration{Slug: "mot", OrganisationID: "xa-ka-do", CampaignYear: 2024}
	if zero.Home() != root.Home() || zero.Registration(r) != root.Registration(r) || zero.outputPath(zero.Home()) != "index.html" ||
		ExportLinks(zero).Feed() != ExportLinks(root).Feed() {
		t.Errorf("zero URLs: %q %q %q %q", zero.Home(), zero.Registration(r), zero.outputPath(zero.Home()), ExportLinks(zero).Feed())
	}
}

func TestURLFile(t *testing.T) {
	u, _ := NewURLs("https://example.org/sub/")
	r := &content.Registration{Slug: "mot", OrganisationID: "xa-ka-do", CampaignYear: 2024}
	if got, want := u.Registration(r), "/sub/mo-hinh/2024/xa-ka-do/mot/"; got != want {
		t.Errorf("Registration = %q, want %q", got, want)
	}
	if got, want := u.RegistrationPrint(r), "/sub/mo-hinh/2024/xa-ka-do/mot/#ban-in"; got != want {
		t.Errorf("RegistrationPrint = %q, want %q", got, want)
	}
	for url, file := range map[string]string{
		u.Home():                   "index.html",
		u.Registration(r):          "mo-hinh/2024/xa-ka-do/mot/index.html",
		u.NotFound():               "404.html",
		u.Asset("style.css"):       "assets/style.css",
		u.Status(content.Approved): "trang-thai/approved/index.html",
	} {
		if got := u.outputPath(url); got != file {
			t.Errorf("outputPath(%q) = %q, want %q", url, got, file)
		}
	}
}

func TestPunctuate(t *testing.T) {
	got := punctuate([]string{"Ban Thường vụ Huyện ủy,", "Ban Tổ chức Huyện ủy"})
	want := []string{"- Ban Thường vụ Huyện ủy,", "- Ban Tổ chức Huyện ủy."}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLowerFirst(t *testing.T) {
	if got := lowerFirst("Đăng ký mô hình"); got != "đăng ký mô hình" {
		t.Errorf("got %q", got)
	}
}

func TestLatestKeepsTheNewestInOrder(t *testing.T) {
	var regs []*content.Registration
	for i, d := range []string{"2024-01-03", "2024-01-09", "", "2024-01-01", "2024-01-09", "2024-01-05"} {
		date, _ := content.ParseDate(d)
		regs = append(regs, &content.Registration{Source: content.Source{Path: string(rune('a' + i))}, Date: date})
	}
	var got []string
	for _, r := range latest(regs, 3) {
		got = append(got, r.Path+" "+r.Date.String())
	}
	want := []string{"b 2024-01-09", "e 2024-01-09", "f 2024-01-05"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
