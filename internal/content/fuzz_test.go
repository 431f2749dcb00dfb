package content

import (
	"bytes"
	"slices"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// fuzzPaths are where a fuzzed file goes, chosen by the fuzzer: one of
// each kind of file, beside the valid files of baseSite.
var fuzzPaths = []string{
	regPath,
	"content/organisations/xa-ka-do.md",
	"content/campaigns/2025.md",
	"content/fields/van-hoa.md",
	"content/_index.md",
}

// FuzzLoad reads a site with one file of any content, parsed and validated
// as the build does. Whatever the file holds, loading ends quickly and
// deterministically; every problem points inside the file; and a file
// without errors is in the site, never silently left out.
//
// Seeds: testdata/fuzz/FuzzLoad (the hostile corpus and valid files).
func FuzzLoad(f *testing.F) {
	f.Add(uint8(0), []byte("---\n"+goodFront+"---\nThân bài.\n"))
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		p := fuzzPaths[int(kind)%len(fuzzPaths)]
		fsys := baseSite()
		fsys[p] = &fstest.MapFile{Data: data}
		today, _ := ParseDate("2025-06-01")
		opts := Options{Today: today}
		site, diags := LoadWith(fsys, opts) // its speed: BenchmarkLoad*, and the limits it enforces
		_, again := LoadWith(fsys, opts)
		if !slices.Equal(diags, again) {
			t.Fatalf("two loads disagree:\n%v\n%v", diags, again)
		}

		text := bytes.ReplaceAll(bytes.TrimPrefix(data, []byte("\uFEFF")), []byte("\r\n"), []byte("\n"))
		lines := bytes.Split(text, []byte("\n"))
		for _, d := range diags {
			if d.Message == "" || d.Code == "" || !utf8.ValidString(d.Message) {
				t.Errorf("diagnostic without a message or code: %#v", d)
			}
			if d.Path != p {
				continue
			}
			if d.Line < 0 || d.Line > len(lines) || d.Col < 0 || d.Line == 0 && d.Col != 0 {
				t.Errorf("%s: outside the file of %d lines", d, len(lines))
				continue
			}
			if d.Line > 0 && d.Col > utf8.RuneCount(lines[d.Line-1])+1 {
				t.Errorf("%s: column past the end of line %q", d, lines[d.Line-1])
			}
		}
		if diags.HasErrors() {
			return
		}
		found := false
		switch p {
		case regPath:
			found = site.RegistrationByPath[p] != nil
		case "content/organisations/xa-ka-do.md":
			found = site.OrganisationByID["xa-ka-do"] != nil
		case "content/campaigns/2025.md":
			found = site.CampaignByYear[2025] != nil
		case "content/fields/van-hoa.md":
			found = site.FieldByID["van-hoa"] != nil
		case "content/_index.md":
			found = site.Settings.Title != ""
		}
		if !found {
			t.Errorf("%s loaded without errors but is not in the site", p)
		}
	})
}
