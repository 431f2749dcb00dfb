package browsertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// The form names the file of a title as "mohinh new" and "check --fix" do
// (content.FileSlug): it shows the name under the title as it is typed,
// and writes the file under that name. The cases are
// internal/content/testdata/file-names.json, on which
// internal/contracttest holds new and --fix to the same names.
func TestFormNamesTheFileAsGoDoes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "internal", "content", "testdata", "file-names.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Names [][2]string }
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	e := setup(t)
	p := e.newPage(t)
	e.open(t, p, "/dang-ky/")
	if err := p.WaitFor(`document.getElementById("dang-ky").dataset.ready`); err != nil {
		t.Fatal(err)
	}
	titles := make([]string, len(doc.Names))
	for i, n := range doc.Names {
		titles[i] = n[0]
	}
	js, _ := json.Marshal(titles)
	// Each title is put in as a paste would put it, and the name read
	// where the form shows it.
	var shown []string
	if err := p.Eval(`(() => {
		const input = document.getElementById("f-title");
		return `+string(js)+`.map((title) => {
			input.value = title;
			input.dispatchEvent(new Event("input", {bubbles: true}));
			return document.getElementById("f-title-slug").textContent;
		});
	})()`, &shown); err != nil {
		t.Fatal(err)
	}
	for i, n := range doc.Names {
		want := n[1] + ".md"
		if n[1] == "" {
			want = "….md" // no name: the form asks for a letter
		}
		if shown[i] != want {
			t.Errorf("the form names %q %q, want %q", n[0], shown[i], want)
		}
	}
}
