package content

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// fileNameCase is a title and the file name every tool gives it.
type fileNameCase struct {
	Title, Name string
}

// fileNameCases are testdata/file-names.json, which the tests of new,
// check --fix and the form (internal/contracttest, internal/browsertest)
// read too.
func fileNameCases(t *testing.T) []fileNameCase {
	t.Helper()
	data, err := os.ReadFile("testdata/file-names.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Names [][2]string }
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var out []fileNameCase
	for _, n := range doc.Names {
		out = append(out, fileNameCase{n[0], n[1]})
	}
	return out
}

func TestFileSlug(t *testing.T) {
	words := strings.Repeat("abcd-", 16) // 80 bytes with the last hyphen
	cases := fileNameCases(t)
	for _, c := range []fileNameCase{
		{strings.ReplaceAll(words[:79], "-", " "), words[:79]},               // 79 bytes: kept
		{strings.ReplaceAll(words+"ef", "-", " "), words[:79]},               // 82: the last word goes
		{strings.ReplaceAll(words[:79]+"e ghi", "-", " "), words[:79] + "e"}, // exactly 80 bytes, then a word
		{strings.ReplaceAll(words[:79]+"ef ghi", "-", " "), words[:74]},      // 80 bytes would end inside "abcdef"
		{strings.Repeat("x", 90) + " y", strings.Repeat("x", MaxSlugLen)},    // one word longer than the bound
	} {
		cases = append(cases, c)
	}
	for _, c := range cases {
		got := FileSlug(c.Title)
		if got != c.Name {
			t.Errorf("FileSlug(%q) = %q, want %q", c.Title, got, c.Name)
		}
		if len(got) > MaxSlugLen {
			t.Errorf("FileSlug(%q) is %d bytes long", c.Title, len(got))
		}
	}
}

func TestRegistrationPaths(t *testing.T) {
	p := RegistrationPath(2024, "xa-ka-do", "hu-gao")
	if p != "content/registrations/2024/xa-ka-do/hu-gao.md" {
		t.Errorf("RegistrationPath = %q", p)
	}
	if got := strings.NewReplacer("{year}", "2024", "{org}", "xa-ka-do", "{slug}", "hu-gao").Replace(RegistrationPathPattern); got != p {
		t.Errorf("the pattern gives %q", got)
	}
	if f, problem := classify(p); problem != "" || f.kind != kindRegistration {
		t.Errorf("the loader does not take %s for a registration: %q", p, problem)
	}
	if y, o := folderOf(p); y != "2024" || o != "xa-ka-do" {
		t.Errorf("folderOf = %q, %q", y, o)
	}
	for p, want := range map[string][2]bool{ // IsRegistrationPath, InRegistrations
		"content/registrations/2024/xa/a.md": {true, true},
		"content/registrations/2024":         {false, true},
		"content/registrations.md":           {false, false},
		"content/fields/a.md":                {false, false},
	} {
		if got := [2]bool{IsRegistrationPath(p), InRegistrations(p)}; got != want {
			t.Errorf("%s: %v, want %v", p, got, want)
		}
	}
}

// The loader skips what serve does not watch: an editor's files.
func TestIsEditorFile(t *testing.T) {
	for name, want := range map[string]bool{
		".hu-gao.md.swp": true, "hu-gao.md.swx": true, "hu-gao.md~": true, "4913": true, "#hu-gao.md#": true,
		".#hu-gao.md": true, "hu-gao.md.tmp": true, ".git": true,
		"hu-gao.md": false, "2024": false, "xa-ka-do": false, "49130.md": false,
	} {
		if got := IsEditorFile(name); got != want {
			t.Errorf("IsEditorFile(%q) = %v", name, got)
		}
	}
}

func TestMayRegister(t *testing.T) {
	issued, _ := ParseDate("2024-12-20")
	c := &Campaign{Year: 2025, Issued: issued}
	for dissolved, want := range map[string]bool{"": true, "2024-12-21": true, "2024-12-20": false, "2024-06-30": false} {
		o := &Organisation{ID: "xa"}
		if dissolved != "" {
			o.Dissolved, _ = ParseDate(dissolved)
		}
		if got := o.MayRegister(c); got != want {
			t.Errorf("dissolved %q, call issued %s: %v", dissolved, issued, got)
		}
	}
}

// The number pattern is written for JavaScript too: the same cases pass
// and fail, and the loader refuses what it refuses.
func TestNumberPattern(t *testing.T) {
	good := []string{"12-CV/ĐU", "943-CV/HU", "05-CV/BTCHU", "1-BC/ĐU", "12-CV/ĐU.2", "1234-QĐ/TU"}
	bad := []string{"12 CV/ĐU", "12-cv/đu", "CV/ĐU", "12-CV", "12345-CV/ĐU", "12–CV/ĐU", "Số 12-CV/ĐU", "12-CVXXXXX/HU", "12-CV/-HU", "12-Đ"}
	re := regexp.MustCompile(NumberPattern)
	for _, n := range append(good, bad...) {
		want := !slices.Contains(bad, n)
		_, diags := parseSample(map[string]string{"number": n})
		if re.MatchString(n) != want || hasCode(diags, "bad-number") == want {
			t.Errorf("number %q: pattern %v, loader refuses %v; want accepted %v", n, re.MatchString(n), hasCode(diags, "bad-number"), want)
		}
	}
}

// A value written by YAMLScalar reads back as itself, on one line, plain
// when YAML allows.
func TestYAMLScalarReadsBack(t *testing.T) {
	for _, s := range []string{
		"Chi bộ số: sổ tay đảng viên điện tử", `"Làm theo lời Bác" trong thực hành tiết kiệm`, `Chi bộ "4 tốt"`,
		"'Dân vận khéo'", "no", "yes", "true", "null", "~", "2024", "2024-01-10", "1.5", "0x1F", "- gạch đầu dòng",
		"a # b", "Một #hai", "# Một", "@ Zalo", "`mã`", "50% hộ", "[x]", "{x}", "|x", ">x", "!x", "*x", "&x", "? x",
		"ends with:", "Một: hai: ba", `back\slash "q"`, "Ô\u00a0tô", " lề ", "tab\there", "dòng\nhai", "\u2028", "\ufeffx",
		strings.Repeat("Đảng viên đỡ đầu hộ đồng bào ", 8), "Đảng ủy xã Ka Đô",
	} {
		out := YAMLScalar(s)
		if strings.Contains(out, "\n") {
			t.Errorf("%q is written on more than one line: %s", s, out)
		}
		var got string
		if err := yaml.Unmarshal([]byte("k: "+out+"\n"), &struct{ K *string }{&got}); err != nil {
			t.Errorf("%q as %s: %v", s, out, err)
		} else if got != s {
			t.Errorf("%q as %s reads back as %q", s, out, got)
		}
	}
	for _, s := range []string{"Đảng ủy xã Ka Đô", "Thị trấn D'Ran", "12-CV/ĐU", "Bí thư"} {
		if YAMLScalar(s) != s {
			t.Errorf("%q is quoted: %s", s, YAMLScalar(s))
		}
	}
	if YAMLScalar("") != `""` {
		t.Errorf("the empty text is %s", YAMLScalar(""))
	}
}
