package wordimport

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/mohinh/mohinh/internal/content"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from what the import writes")

// loadSite loads testdata/site: the calls, fields and organisations the
// documents are matched against.
func loadSite(t *testing.T) *content.Site {
	t.Helper()
	site, diags := content.Load(os.DirFS("testdata/site"))
	if diags.HasErrors() {
		t.Fatalf("testdata/site: %v", diags)
	}
	return site
}

// TestGolden imports each document of testdata/docs — made by LibreOffice
// (testdata/make-docs.sh), not by us — and compares the registration files
// and the list of what is left to fill in with testdata/golden/<name>.txtar.
func TestGolden(t *testing.T) {
	site := loadSite(t)
	for _, name := range []string{
		"mot-mo-hinh.docx", "ba-mo-hinh.docx", "tieu-de-bang.docx", "van-ban-tcvn3.docx",
		"danh-sach.csv", "danh-sach.xlsx",
	} {
		t.Run(name, func(t *testing.T) {
			entries, err := ReadFile(filepath.Join("testdata/docs", name))
			if err != nil {
				t.Fatal(err)
			}
			var ar txtar.Archive
			for _, e := range entries {
				r := Resolve(site, e, 0)
				ar.Files = append(ar.Files, txtar.File{Name: r.Path(), Data: r.File()})
				if len(r.Missing) > 0 {
					var b strings.Builder
					for _, m := range r.Missing {
						b.WriteString(m.Key + ": " + m.Message + "\n")
					}
					ar.Files = append(ar.Files, txtar.File{Name: "missing " + r.Path(), Data: []byte(b.String())})
				}
			}
			got := txtar.Format(&ar)
			golden := filepath.Join("testdata/golden", strings.ReplaceAll(name, ".", "-")+".txtar")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("import of %s differs from %s (go test -update to rewrite):\n--- got\n%s\n--- want\n%s", name, golden, got, want)
			}
		})
	}
}

// The files the import writes are read by the loader as they are meant:
// complete ones without a problem, the others with only what is missing.
func TestWrittenFilesLoad(t *testing.T) {
	site := loadSite(t)
	for _, name := range []string{"mot-mo-hinh.docx", "ba-mo-hinh.docx", "van-ban-tcvn3.docx", "danh-sach.csv"} {
		entries, err := ReadFile(filepath.Join("testdata/docs", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			r := Resolve(site, e, 0)
			reg, diags := content.ParseRegistration(r.Path(), r.File())
			if reg == nil {
				t.Errorf("%s: %s does not parse: %v", name, r.Path(), diags)
				continue
			}
			if len(r.Missing) == 0 && len(diags) > 0 {
				t.Errorf("%s: %s is complete but the loader says: %v", name, r.Path(), diags)
			}
			if reg.Title != r.Title {
				t.Errorf("%s: title read back as %q, want %q", name, reg.Title, r.Title)
			}
		}
	}
}
