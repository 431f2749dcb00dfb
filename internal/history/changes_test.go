package history

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/content"
)

// Every key of the contract is compared: a key added to it without a
// value here would go unnoticed in the history.
func TestKeyValueKnowsEveryKey(t *testing.T) {
	r := &content.Registration{}
	for _, k := range content.RegistrationKeys() {
		if _, ok := keyValue(r, k.Name); !ok {
			t.Errorf("keyValue does not know the key %q (%s)", k.Name, k.Form)
		}
		if k.Form == "" {
			t.Errorf("the key %q has no Vietnamese name to show", k.Name)
		}
	}
}

// showChanges prints what each commit changed, newest first.
func showChanges(commits []Commit) []string {
	var out []string
	for _, c := range commits {
		var parts []string
		for _, ch := range c.Changes {
			s := fmt.Sprint(ch.Kind)
			switch ch.Kind {
			case StatusChanged:
				s += " " + string(ch.From) + "→" + string(ch.To)
			case KeysEdited:
				s += " " + strings.Join(ch.Keys, ",")
			case AttachmentsAdded, AttachmentsReplaced, AttachmentsRemoved:
				s += " " + strings.Join(ch.Files, ",")
			case Renamed:
				s += " " + ch.OldPath
			}
			parts = append(parts, s)
		}
		out = append(out, c.Subject+": "+strings.Join(parts, "; "))
	}
	return out
}

const regText = "---\ntitle: Sổ tay đảng viên\norganisation: xa-ka-do\ncampaign: 2024\nfield: kinh-te\n" +
	"novelty: Lần đầu dùng sổ tay điện tử.\nexpected_results: Hai mươi đảng viên dùng sổ tay.\n---\n\nMột đoạn.\n\nHai đoạn.\n"

// Each commit of a registration says what it changed: its submission, its
// status, the items edited by their Vietnamese names, its body, its
// attachments; a commit that changes nothing a reader sees says nothing;
// a rename goes on with the history under the former name.
func TestLoadChanges(t *testing.T) {
	r := newRepo(t)
	const reg = "content/registrations/2024/xa-ka-do/so-tay.md"
	const dir = "content/registrations/2024/xa-ka-do/so-tay/"
	r.write(reg, regText)
	r.write("content/fields/kinh-te.md", "---\ntitle: Kinh tế\n---\n")
	r.commit("An", "2024-01-08T09:00:00+07:00", "nộp")

	text := strings.Replace(regText, "---\n\n", "status: approved\n---\n\n", 1)
	r.write(reg, text)
	r.commit("An", "2024-02-01T09:00:00+07:00", "status")

	text = strings.Replace(text, "Sổ tay đảng viên", "Sổ tay đảng viên điện tử", 1)
	text = strings.Replace(text, "sổ tay điện tử.", "sổ tay điện tử trên điện thoại.", 1)
	r.write(reg, text)
	r.commit("An", "2024-02-02T09:00:00+07:00", "keys")

	r.write(dir+"van-ban-da-ky.pdf", "%PDF-1.4\n")
	r.write(dir+".DS_Store", "x")
	r.commit("An", "2024-02-03T09:00:00+07:00", "pdf")

	// Spacing, wrapping, a comment, the quoting of a value.
	spaced := strings.Replace(text, "title: Sổ tay đảng viên điện tử", "title:   \"Sổ tay đảng viên điện tử\"  # tên", 1)
	spaced = strings.Replace(spaced, "\nMột đoạn.\n", "\nMột\n   đoạn.  \n\n", 1)
	r.write(reg, spaced)
	r.commit("An", "2024-02-04T09:00:00+07:00", "fmt")

	r.write(reg, strings.Replace(spaced, "Hai đoạn.", "Hai đoạn, sửa.", 1))
	r.write(dir+"van-ban-da-ky.pdf", "%PDF-1.5\n")
	r.write(dir+"anh.png", "\x89PNG\r\n\x1a\n")
	r.commit("An", "2024-02-05T09:00:00+07:00", "body")

	const moved = "content/registrations/2024/xa-ka-do/so-tay-dien-tu.md"
	r.git("mv", reg, moved)
	r.git("mv", strings.TrimSuffix(dir, "/"), strings.TrimSuffix(moved, ".md"))
	if err := os.Remove(filepath.Join(r.dir, strings.TrimSuffix(moved, ".md"), "anh.png")); err != nil {
		t.Fatal(err)
	}
	r.commit("An", "2024-02-06T09:00:00+07:00", "mv")

	h, err := Load(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	got := showChanges(h[moved])
	want := []string{
		"mv: " + fmt.Sprint(Renamed) + " " + reg + "; " + fmt.Sprint(AttachmentsRemoved) + " anh.png",
		"body: " + fmt.Sprint(BodyEdited) + "; " + fmt.Sprint(AttachmentsAdded) + " anh.png; " + fmt.Sprint(AttachmentsReplaced) + " van-ban-da-ky.pdf",
		"fmt: ",
		"pdf: " + fmt.Sprint(AttachmentsAdded) + " van-ban-da-ky.pdf",
		"keys: " + fmt.Sprint(KeysEdited) + " Tên mô hình,Tính mới của mô hình",
		"status: " + fmt.Sprint(StatusChanged) + " registered→approved",
		"nộp: " + fmt.Sprint(Submitted),
	}
	if !slices.Equal(got, want) {
		t.Errorf("changes of the renamed registration:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	if c := h["content/fields/kinh-te.md"]; len(c) != 1 || c[0].Changes != nil {
		t.Errorf("a file other than a registration: %v", c)
	}
	if c := h[dir+"van-ban-da-ky.pdf"]; len(c) != 3 {
		t.Errorf("the attachment itself has %d commits, want 3", len(c))
	}
}

// The status a file writes: none is registered until a decision says
// otherwise; taking one away leaves it to the decisions.
func TestStatusChange(t *testing.T) {
	for _, tc := range []struct {
		before, after content.Status
		want          string
	}{
		{"", content.Approved, "registered→approved"},
		{content.Registered, content.Approved, "registered→approved"},
		{content.Approved, content.Registered, "approved→registered"},
		{content.Approved, "", "approved→"},
		{content.Registered, "", ""},
		{"", content.Registered, ""},
		{content.Completed, content.Completed, ""},
	} {
		got := ""
		if c, ok := statusChange(tc.before, tc.after); ok {
			got = string(c.From) + "→" + string(c.To)
		}
		if got != tc.want {
			t.Errorf("statusChange(%q, %q) = %q, want %q", tc.before, tc.after, got, tc.want)
		}
	}
}

// The body is compared as a reader sees it: paragraphs and their words.
func TestBodySum(t *testing.T) {
	same := []string{"Một đoạn.\n\nHai đoạn.\n", "  Một\n   đoạn.  \n\n\n\nHai\tđoạn.", "\r\nMột đoạn.\r\n\r\nHai đoạn.\r\n\r\n"}
	for _, s := range same[1:] {
		if bodySum([]byte(s)) != bodySum([]byte(same[0])) {
			t.Errorf("%q differs from %q", s, same[0])
		}
	}
	for _, s := range []string{"Một đoạn. Hai đoạn.", "Một đoạn.\n\nHai đoạn, sửa.", "Một\u00a0đoạn.\n\nHai đoạn."} {
		if bodySum([]byte(s)) == bodySum([]byte(same[0])) {
			t.Errorf("%q is the same as %q", s, same[0])
		}
	}
}

func TestSplitFront(t *testing.T) {
	for _, tc := range []struct {
		in, front, body string
		ok              bool
	}{
		{"---\ntitle: a\n---\nbody\n", "title: a\n", "body\n", true},
		{"\uFEFF--- \r\ntitle: a\r\n---\r\n", "title: a\r\n", "", true},
		{"---\ntitle: a\n---", "title: a\n", "", true},
		{"title: a\n---\n", "title: a\n---\n", "", false},
		{"---\ntitle: a\n", "---\ntitle: a\n", "", false},
	} {
		front, body, ok := splitFront([]byte(tc.in))
		if string(front) != tc.front || string(body) != tc.body || ok != tc.ok {
			t.Errorf("splitFront(%q) = %q, %q, %v; want %q, %q, %v", tc.in, front, body, ok, tc.front, tc.body, tc.ok)
		}
	}
}
