package serve

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The files attached to a registration are served as build copies them:
// read from the site folder when asked for, with the type their content
// has; a file swapped since the build for something else is not served.
func TestServeAttachments(t *testing.T) {
	site := t.TempDir()
	write := func(path string, data []byte) {
		t.Helper()
		full := filepath.Join(site, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for path, text := range decisionSite {
		write(path, []byte(text))
	}
	pdf := []byte("%PDF-1.4\n% văn bản đã ký\n%%EOF\n")
	write("content/registrations/2024/xa-ka-do/so-tay/van-ban-da-ky.pdf", pdf)
	s := New(Options{Site: site})
	s.rebuild(change{rescan: true, layouts: true})
	if page, ok := s.store.get("mo-hinh/2024/xa-ka-do/so-tay/index.html"); !ok || !contains(page, "van-ban-da-ky.pdf") {
		t.Fatal("the registration's page does not list its attachment")
	}

	const addr = "127.0.0.1:8080"
	h := s.handler(addr)
	get := func(url string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "http://"+addr+url, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	const url = "/mo-hinh/2024/xa-ka-do/so-tay/van-ban-da-ky.pdf"
	rec := get(url)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/pdf" || rec.Body.String() != string(pdf) {
		t.Errorf("GET %s: %d %q, %d bytes; want the PDF", url, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("the attachment is sent without nosniff")
	}

	// Swapped for a page after the build: not served, not as HTML.
	write("content/registrations/2024/xa-ka-do/so-tay/van-ban-da-ky.pdf", []byte("<script>alert(1)</script>"))
	if rec := get(url); rec.Code != http.StatusNotFound {
		t.Errorf("a swapped attachment: %d, want 404", rec.Code)
	}
	if rec := get("/mo-hinh/2024/xa-ka-do/so-tay/khac.pdf"); rec.Code != http.StatusNotFound {
		t.Errorf("a file never attached: %d, want 404", rec.Code)
	}
}

func contains(data []byte, s string) bool { return strings.Contains(string(data), s) }
