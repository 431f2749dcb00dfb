package content

import "testing"

func TestBaseURL(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://mohinh.example.gov.vn/don-duong/", "https://mohinh.example.gov.vn/don-duong/"},
		{"https://mohinh.example.gov.vn/don-duong", "https://mohinh.example.gov.vn/don-duong/"},
		{"https://example.org", "https://example.org/"},
		{"http://example.org:8080/a/b", "http://example.org:8080/a/b/"},
		{" https://example.org/ ", "https://example.org/"},
		{"https://example.org/%C4%91%C6%A1n%20d%C6%B0%C6%A1ng", "https://example.org/%C4%91%C6%A1n%20d%C6%B0%C6%A1ng/"},
		{"/", ""},
		{"/don-duong/", ""},
		{"//example.org/", ""},
		{"example.org/", ""},
		{"ftp://example.org/", ""},
		{"javascript:alert(1)", ""},
		{"https:example.org", ""},
		{"https:///a/", ""},
		{"https://example.org/?a=1", ""},
		{"https://example.org/?", ""},
		{"https://example.org/#top", ""},
		{"https://example.org/#", ""},
		{"https://user:pass@example.org/", ""},
		{"http://[::1", ""},
	} {
		got, err := BaseURL(tt.in)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("BaseURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
