package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// summary describes a loaded site for comparison: every registration with
// its links, every organisation with its counts, every diagnostic.
func summary(site *Site, diags []string) string {
	var b strings.Builder
	for _, r := range site.Registrations {
		fmt.Fprintf(&b, "R %s %s %s %s %s\n", r.Path, r.Title, r.Organisation.ID, r.Field.ID, r.Status)
	}
	for _, o := range site.Organisations {
		parent := ""
		if o.Parent != nil {
			parent = o.Parent.ID
		}
		fmt.Fprintf(&b, "O %s %s %s %d %d %s\n", o.ID, o.Title, parent, o.TotalRegistrations, len(o.Children), o.Place)
	}
	for _, d := range diags {
		fmt.Fprintln(&b, "D", d)
	}
	return b.String()
}

// After each change, Update gives what a fresh Load gives.
func TestLoaderUpdateMatchesLoad(t *testing.T) {
	fsys := baseSite()
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	reg := func(title, org, status string) *fstest.MapFile {
		return file("---\ntitle: " + title + "\norganisation: " + org + "\ncampaign: 2024\nfield: kinh-te\n" +
			"novelty: Lần đầu áp dụng cách làm này ở xã.\nexpected_results: Hai mươi hộ được hỗ trợ mỗi năm.\nstatus: " + status + "\n---\n")
	}
	fsys["content/organisations/xa-ka-do.md"] = file("---\ntitle: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\nparent: huyen-uy\nplace: Ka Đô\n---\n")
	fsys["content/registrations/2024/xa-ka-do/mot.md"] = reg("Mô hình một", "xa-ka-do", "registered")
	fsys["content/registrations/2024/xa-ka-do/hai.md"] = reg("Mô hình hai", "xa-ka-do", "approved")

	loader := NewLoader(fsys, Options{Today: mustDate("2025-06-01")})
	loader.Load()
	steps := []struct {
		name    string
		change  func()
		changed []string
	}{
		{"edit", func() {
			fsys["content/registrations/2024/xa-ka-do/mot.md"] = reg("Mô hình một, đã sửa", "xa-ka-do", "approved")
		}, []string{"content/registrations/2024/xa-ka-do/mot.md"}},
		{"break", func() { fsys["content/registrations/2024/xa-ka-do/hai.md"] = file("---\ntitle: Hỏng\n") }, []string{"content/registrations/2024/xa-ka-do/hai.md"}},
		{"new folder", func() {
			fsys["content/organisations/xa-pro.md"] = file("---\ntitle: Đảng ủy xã Pró\nkind: dang-uy-co-so\nparent: huyen-uy\n---\n")
			fsys["content/registrations/2024/xa-pro/ba.md"] = reg("Mô hình ba", "xa-pro", "registered")
		}, []string{"content/organisations/xa-pro.md", "content/registrations/2024/xa-pro"}},
		{"delete", func() { delete(fsys, "content/registrations/2024/xa-ka-do/mot.md") }, []string{"content/registrations/2024/xa-ka-do/mot.md"}},
		{"misplaced", func() { fsys["content/registrations/2024/ghi-chu.txt"] = file("x") }, []string{"content/registrations/2024/ghi-chu.txt"}},
		{"remove folder", func() {
			delete(fsys, "content/registrations/2024/xa-pro/ba.md")
			delete(fsys, "content/registrations/2024/ghi-chu.txt")
		}, []string{"content/registrations/2024/xa-pro", "content/registrations/2024/ghi-chu.txt"}},
		{"organisation", func() {
			fsys["content/organisations/huyen-uy.md"] = file("---\ntitle: Huyện ủy Đơn Dương\nkind: cap-uy\nplace: Đơn Dương\n---\n")
		}, []string{"content/organisations/huyen-uy.md"}},
		{"editor files", func() {
			fsys["content/registrations/2024/xa-ka-do/.hai.md.swp"] = file("\x00")
			fsys["content/registrations/2024/xa-ka-do/4913"] = file("")
		}, []string{"content/registrations/2024/xa-ka-do/.hai.md.swp", "content/registrations/2024/xa-ka-do/4913"}},
	}
	for _, step := range steps {
		step.change()
		site, diags := loader.Update(step.changed)
		fresh, freshDiags := LoadWith(fsys, Options{Today: mustDate("2025-06-01")})
		got, want := summary(site, diagStrings(diags)), summary(fresh, diagStrings(freshDiags))
		if got != want {
			t.Fatalf("after %s:\nUpdate:\n%s\nLoad:\n%s", step.name, got, want)
		}
	}
}

func mustDate(s string) Date {
	d, ok := ParseDate(s)
	if !ok {
		panic(s)
	}
	return d
}

func diagStrings[T fmt.Stringer](l []T) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}
