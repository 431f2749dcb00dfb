package build

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/export"
	"github.com/mohinh/mohinh/internal/report"
)

// The sample site's reports are complete: for every call the report and
// compliance pages and the files, each holding every registration and
// every expected organisation; the feed and the sitemap; all at the
// published address.
func TestSampleSiteReports(t *testing.T) {
	const base = "https://example.org/mohinh/"
	out := filepath.Join(t.TempDir(), "public")
	res, diags, err := Build(Options{Site: "../..", Out: out, URLs: parseURLs(t, base)})
	if err != nil || diags.HasErrors() {
		t.Fatalf("build: %v %v", err, diags)
	}
	site := res.Site
	read := func(p string) []byte {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	if len(site.Campaigns) < 2 {
		t.Fatalf("the sample has %d calls, want at least 2", len(site.Campaigns))
	}

	for _, c := range site.Campaigns {
		dir := "dot-dang-ky/" + strconv.Itoa(c.Year) + "/"
		sum := report.New(site, c)
		t.Run(strconv.Itoa(c.Year), func(t *testing.T) {
			callPage := string(read(dir + "index.html"))
			for _, f := range []string{"bao-cao/", "tinh-hinh-dang-ky/", "bao-cao-" + strconv.Itoa(c.Year) + ".xlsx", "dang-ky-" + strconv.Itoa(c.Year) + ".csv", "registrations.json"} {
				if !strings.Contains(callPage, `href="/mohinh/`+dir+f+`"`) {
					t.Errorf("the call's page does not link to %s", f)
				}
			}

			// The report: the document's header and signature, every registration.
			page := string(read(dir + "bao-cao/index.html"))
			// The issuer's own document: the district's until 2025, a
			// commune's own call after the reorganisation.
			symbol, onBehalf := "HU", "T/M BAN THƯỜNG VỤ"
			if c.Issuer.Kind == content.DangUyCoSo {
				symbol, onBehalf = "ĐU", "T/M ĐẢNG ỦY"
			}
			for _, want := range []string{
				`<p class="superior">ĐẢNG BỘ TỈNH LÂM ĐỒNG</p>`, // the top committees' superior: the sample's "superior"
				`<p class="issuer">` + strings.ToUpper(c.Issuer.Title) + `</p>`, "ĐẢNG CỘNG SẢN VIỆT NAM", "Số       -BC/" + symbol,
				c.Issuer.Place + ", ngày      tháng      năm", onBehalf, `<p class="role">PHÓ BÍ THƯ</p>`, `<p class="signer">` + c.Signer + `</p>`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("the report lacks %q", want)
				}
			}
			for _, r := range c.Registrations {
				if !strings.Contains(page, html.EscapeString(r.Title)) {
					t.Errorf("the report lacks %q", r.Title)
				}
			}
			compliance := string(read(dir + "tinh-hinh-dang-ky/index.html"))
			for _, e := range sum.Compliance.Entries {
				if !strings.Contains(compliance, `<a href="/mohinh/to-chuc/`+e.Organisation.ID+`/">`) {
					t.Errorf("the compliance page lacks %s", e.Organisation.ID)
				}
			}

			// The spreadsheet: every registration, every expected organisation.
			f, err := excelize.OpenReader(bytes.NewReader(read(dir + "bao-cao-" + strconv.Itoa(c.Year) + ".xlsx")))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, _ := f.GetRows(export.SheetRegistrations)
			if len(rows) != 1+len(c.Registrations) {
				t.Errorf("xlsx: %d rows, want %d", len(rows), 1+len(c.Registrations))
			}
			for i, r := range c.Registrations {
				if i+1 >= len(rows) {
					break
				}
				if row := rows[i+1]; len(row) < 15 || row[3] != r.Title || !strings.HasPrefix(row[14], base+"mo-hinh/") || !strings.HasSuffix(row[14], "/"+r.Slug+"/") {
					t.Errorf("xlsx row %d: %q, want %q at its address", i+2, row, r.Title)
				}
			}
			crows, _ := f.GetRows(export.SheetCompliance)
			if len(crows) != 1+len(sum.Compliance.Entries) {
				t.Errorf("xlsx compliance: %d rows, want %d", len(crows), 1+len(sum.Compliance.Entries))
			}

			// The CSV files.
			for name, n := range map[string]int{"dang-ky-": len(c.Registrations), "tinh-hinh-dang-ky-": len(sum.Compliance.Entries)} {
				data := read(dir + name + strconv.Itoa(c.Year) + ".csv")
				text, ok := strings.CutPrefix(string(data), export.BOM)
				records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
				if !ok || err != nil || len(records) != 1+n {
					t.Errorf("%s csv: BOM %v, %v, %d records, want %d", name, ok, err, len(records), 1+n)
				}
			}

			// The call's JSON.
			doc := decodeDocument(t, read(dir+"registrations.json"))
			if len(doc.Campaigns) != 1 || len(doc.Campaigns[0].Registrations) != len(c.Registrations) || len(doc.Campaigns[0].Compliance) != len(sum.Compliance.Entries) {
				t.Errorf("json: %d calls, want the call's registrations and compliance", len(doc.Campaigns))
			}
		})
	}

	// What the sample says about who answered.
	states := map[string]string{}
	for _, c := range decodeDocument(t, read("registrations.json")).Campaigns {
		for _, e := range c.Compliance {
			states[strconv.Itoa(c.Year)+" "+e.Organisation.ID] = e.State + " " + strconv.Itoa(e.DaysLate)
		}
	}
	for key, want := range map[string]string{
		"2024 truong-thpt-pro":             "missing 0",
		"2024 xa-ka-do":                    "ontime 0",
		"2025 thi-tran-dran":               "late 3",
		"2025 trung-tam-y-te":              "late 7",
		"2025 van-phong":                   "missing 0",
		"2025 truong-thpt-pro":             "ontime 0",
		"2025 ngan-hang-chinh-sach-xa-hoi": "missing 0",
	} {
		if states[key] != want {
			t.Errorf("compliance %s: %q, want %q", key, states[key], want)
		}
	}
	all := decodeDocument(t, read("registrations.json"))
	total := 0
	for _, c := range all.Campaigns {
		total += len(c.Registrations)
	}
	if len(all.Campaigns) != len(site.Campaigns) || total != len(site.Registrations) {
		t.Errorf("registrations.json: %d calls, %d registrations; want %d, %d", len(all.Campaigns), total, len(site.Campaigns), len(site.Registrations))
	}

	// The feed: well-formed, newest signed first, absolute, each entry
	// updated at or after it was published (export.TestAtomRules checks
	// the rest of RFC 4287).
	var feed struct {
		Entries []struct {
			ID        string `xml:"id"`
			Updated   string `xml:"updated"`
			Published string `xml:"published"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(read("feed.xml"), &feed); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	if len(feed.Entries) != min(len(site.Registrations), export.FeedSize) {
		t.Errorf("feed: %d entries, want %d", len(feed.Entries), min(len(site.Registrations), export.FeedSize))
	}
	lastPublished := ""
	for _, e := range feed.Entries {
		if !strings.HasPrefix(e.ID, base+"mo-hinh/") {
			t.Errorf("feed entry %q is not absolute", e.ID)
		}
		if e.Updated < e.Published {
			t.Errorf("feed entry %q: updated %s before published %s", e.ID, e.Updated, e.Published)
		}
		if e.Published != "" && lastPublished != "" && e.Published > lastPublished {
			t.Errorf("feed: published %s after %s", e.Published, lastPublished)
		}
		lastPublished = cmp.Or(e.Published, lastPublished)
	}

	// The sitemap lists exactly the pages.
	var sitemap struct {
		Locs []string `xml:"url>loc"`
	}
	if err := xml.Unmarshal(read("sitemap.xml"), &sitemap); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	var pages []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") && d.Name() != "404.html" {
			rel, _ := filepath.Rel(out, p)
			pages = append(pages, base+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		}
		return err
	})
	slices.Sort(pages)
	locs := slices.Sorted(slices.Values(sitemap.Locs))
	if !slices.Equal(locs, pages) {
		t.Errorf("the sitemap lists %d addresses, the site has %d pages", len(locs), len(pages))
	}
}

func decodeDocument(t *testing.T, data []byte) export.Document {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d export.Document
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("json: %v", err)
	}
	return d
}
