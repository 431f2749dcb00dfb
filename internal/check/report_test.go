package check

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/diag"
)

func TestChangeLists(t *testing.T) {
	res := Result{Files: 3, Changes: &Changes{
		Base:  "origin/main",
		Added: []string{"a.md"}, Modified: []string{"b.md"}, Renamed: [][2]string{{"c.md", "d.md"}}, Deleted: []string{"e.md"},
	}}
	var text, summary bytes.Buffer
	Text(&text, res)
	StepSummary(&summary, res)
	if want := "  thêm  a.md\n  sửa   b.md\n  đổi   c.md → d.md\n  xóa   e.md\n"; !strings.Contains(text.String(), want) {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), want)
	}
	if want := "- thêm `a.md`\n- sửa `b.md`\n- đổi tên `c.md` → `d.md`\n- xóa `e.md`\n"; !strings.Contains(summary.String(), want) {
		t.Errorf("summary:\n%s\nwant:\n%s", summary.String(), want)
	}
}

// hostileName is a file name git accepts: an OSC 52 sequence, which sets
// the reader's clipboard, then a newline that starts a line of its own.
const hostileName = "content/registrations/2024/xa-ka-do/a\x1b]52;c;ZXZpbA==\x07\nmohinh check: 0 lỗi.md"

// hostileResult is what a check could find in a hostile pull request: a
// file name and quoted values carrying control characters, a forged
// workflow command, a bidi override.
func hostileResult() Result {
	var diags diag.List
	diags.Errorf(hostileName, 0, 0, "bad-file-name", "tên tệp a\x1b]52;c;ZXZpbA==\x07\nmohinh check: 0 lỗi.md không hợp lệ")
	diags.Errorf("content/registrations/2024/xa-ka-do/x.md", 2, 8, "duplicate-title", "tên mô hình \"a\x1b]52;c;ZXZpbA==\x07\" trùng với x\n::error file=a.md::forged%%0A")
	diags.Warnf("content/registrations/2024/xa-ka-do/y.md", 2, 1, "similar-title", "tên mô hình gần trùng với x\r\nmohinh check: 0 lỗi, 0 cảnh báo trong 1 tệp. và \u202egnp.exe\u009b31m")
	return Result{
		Diags:   diags,
		Files:   9,
		Changes: &Changes{Base: "main\x1b[8m", Added: []string{hostileName}, Renamed: [][2]string{{"content/a.md", "content/b\u2028c.md"}}},
		Fixes:   []Fix{{Path: hostileName, Changes: []string{"chuẩn hóa Unicode NFC"}}},
	}
}

// assertPrintable fails on any character of out that a terminal or a log
// would act on: everything diag.Escape escapes, line ends aside.
func assertPrintable(t *testing.T, format, out string) {
	t.Helper()
	for i, r := range out {
		if r != '\n' && diag.Unsafe(r) || r == utf8.RuneError {
			t.Errorf("%s: raw %U at byte %d:\n%s", format, r, i, out)
			return
		}
	}
}

func TestReportsEscapeControlCharacters(t *testing.T) {
	res := hostileResult()
	const (
		name  = `content/registrations/2024/xa-ka-do/a\x1b]52;c;ZXZpbA==\x07\nmohinh check: 0 lỗi.md`
		title = `"a\x1b]52;c;ZXZpbA==\x07"`
	)
	wantText := name + ": đã sửa: chuẩn hóa Unicode NFC\n" +
		name + `: tên tệp a\x1b]52;c;ZXZpbA==\x07\nmohinh check: 0 lỗi.md không hợp lệ` + "\n" +
		`content/registrations/2024/xa-ka-do/x.md:2:8: tên mô hình ` + title + ` trùng với x\n::error file=a.md::forged%0A` + "\n" +
		`content/registrations/2024/xa-ka-do/y.md:2:1: cảnh báo: tên mô hình gần trùng với x\r\nmohinh check: 0 lỗi, 0 cảnh báo trong 1 tệp. và \u202egnp.exe\u009b31m` + "\n" +
		"  thêm  " + name + "\n" +
		`  đổi   content/a.md → content/b\u2028c.md` + "\n" +
		`mohinh check: 2 lỗi, 1 cảnh báo trong 9 tệp; so với main\x1b[8m: thêm 1, sửa 1, xóa 0 tệp; đã sửa 1 tệp.` + "\n"
	var text bytes.Buffer
	if err := Text(&text, res); err != nil {
		t.Fatal(err)
	}
	if text.String() != wantText {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), wantText)
	}

	wantGitHub := `::error file=content/registrations/2024/xa-ka-do/a\x1b]52;c;ZXZpbA==\x07\nmohinh check%3A 0 lỗi.md,title=mohinh check::tên tệp a\x1b]52;c;ZXZpbA==\x07\nmohinh check: 0 lỗi.md không hợp lệ` + "\n" +
		`::error file=content/registrations/2024/xa-ka-do/x.md,line=2,col=8,title=mohinh check::tên mô hình ` + title + ` trùng với x\n::error file=a.md::forged%250A` + "\n" +
		`::warning file=content/registrations/2024/xa-ka-do/y.md,line=2,col=1,title=mohinh check::tên mô hình gần trùng với x\r\nmohinh check: 0 lỗi, 0 cảnh báo trong 1 tệp. và \u202egnp.exe\u009b31m` + "\n" +
		"  thêm  " + name + "\n" +
		`  đổi   content/a.md → content/b\u2028c.md` + "\n" +
		`mohinh check: 2 lỗi, 1 cảnh báo trong 9 tệp; so với main\x1b[8m: thêm 1, sửa 1, xóa 0 tệp; đã sửa 1 tệp.` + "\n"
	var gh bytes.Buffer
	if err := GitHub(&gh, res); err != nil {
		t.Fatal(err)
	}
	if gh.String() != wantGitHub {
		t.Errorf("github:\n%s\nwant:\n%s", gh.String(), wantGitHub)
	}

	var js, summary bytes.Buffer
	if err := JSON(&js, res); err != nil {
		t.Fatal(err)
	}
	if err := StepSummary(&summary, res); err != nil {
		t.Fatal(err)
	}
	for format, out := range map[string]string{"text": text.String(), "github": gh.String(), "json": js.String(), "step summary": summary.String()} {
		assertPrintable(t, format, out)
		// One line per problem, per change and for the summary: no
		// value starts a line of its own.
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "mohinh check:") && !strings.HasPrefix(line, "mohinh check: 2 lỗi") ||
				strings.HasPrefix(line, "::") && !strings.HasPrefix(line, "::error file=content/") && !strings.HasPrefix(line, "::warning file=content/") {
				t.Errorf("%s: a forged line %q", format, line)
			}
		}
	}
	// JSON keeps the values themselves, as escapes a program decodes.
	var decoded []jsonDiagnostic
	if err := json.Unmarshal(js.Bytes(), &decoded); err != nil {
		t.Fatal(err)
	}
	for i, d := range res.Diags {
		if decoded[i].Path != d.Path || decoded[i].Message != d.Message {
			t.Errorf("json: %q, %q read back as %q, %q", d.Path, d.Message, decoded[i].Path, decoded[i].Message)
		}
	}
	if !strings.Contains(js.String(), `\u001b]52;c;ZXZpbA==\u0007\nmohinh check`) || !strings.Contains(js.String(), `\u202egnp.exe\u009b31m`) {
		t.Errorf("json: the controls are not JSON escapes:\n%s", js.String())
	}
}

// The whole way, from a pull request to the reviewer's terminal and the
// workflow log: a file name with ESC and a newline, and titles written
// with YAML escapes (an OSC 52 sequence, a newline forging a summary).
func TestCheckHostileNamesEndToEnd(t *testing.T) {
	repo := newRepo(t)
	repo.write(baseSite)
	repo.commit("Cơ sở")
	repo.write(map[string]string{
		hostileName: registration("Mô hình có tên tệp lạ", "xa-ka-do", "registered"),
		"content/registrations/2024/xa-ka-do/osc.md":  registration(`"a\e]52;c;ZXZpbA==\a"`, "xa-ka-do", "registered"),
		"content/registrations/2024/xa-ka-do/dong.md": registration(`"x\nmohinh check: 0 lỗi"`, "xa-ka-do", "registered"),
	})
	res, err := Run(Options{Site: repo.dir, Base: "main", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var text, gh bytes.Buffer
	Text(&text, res)
	GitHub(&gh, res)
	for format, out := range map[string]string{"text": text.String(), "github": gh.String()} {
		assertPrintable(t, format, out)
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "mohinh check: 0") || strings.HasPrefix(line, "::") && !strings.HasPrefix(line, "::error file=content/") && !strings.HasPrefix(line, "::warning file=content/") {
				t.Errorf("%s: a forged line %q", format, line)
			}
		}
		if !strings.Contains(out, `a\x1b]52;c;ZXZpbA==\x07\nmohinh check`) {
			t.Errorf("%s: the file name is not shown escaped:\n%s", format, out)
		}
	}
	// The OSC 52 title is refused where it is written; the title with a
	// newline is text and is accepted.
	want := `content/registrations/2024/xa-ka-do/osc.md:2:1: giá trị của khóa "title" có ký tự điều khiển U+001B`
	if !strings.Contains(text.String(), want) {
		t.Errorf("text:\n%s\nwant a line starting %s", text.String(), want)
	}
	for _, d := range res.Diags {
		if strings.HasSuffix(d.Path, "dong.md") {
			t.Errorf("a title with a newline is reported: %s", d)
		}
	}
}

// The problems "check --base" does not show are one line, worded for what
// they are: an existing error still fails the check, and says so.
func TestExistingLine(t *testing.T) {
	var warns, errs diag.List
	warns.Warnf("content/a.md", 6, 7, "late", "nộp muộn 5 ngày")
	warns.Warnf("content/b.md", 6, 7, "late", "nộp muộn 2 ngày")
	errs.Errorf("content/c.md", 1, 1, "missing-key", "thiếu khóa")
	base := &Changes{Base: "origin/main"}
	for _, c := range []struct {
		existing diag.List
		want     string
	}{
		{nil, ""},
		{warns, "2 cảnh báo sẵn có trong các tệp nhánh này không sửa (đã có ở origin/main), không in ra ở đây; muốn xem, hãy chạy mohinh check không có --base."},
		{errs, "1 lỗi sẵn có trong các tệp nhánh này không sửa (đã có ở origin/main), không in ra ở đây; muốn xem, hãy chạy mohinh check không có --base. Lỗi sẵn có vẫn làm lần kiểm tra này không đạt: trang không dựng được cho đến khi các lỗi đó được sửa."},
	} {
		res := Result{Existing: c.existing, Changes: base}
		if got := existingLine(res); got != c.want {
			t.Errorf("existingLine(%d problems):\n got %q\nwant %q", len(c.existing), got, c.want)
		}
		if got, want := res.Failed(true), c.existing.HasErrors(); got != want {
			t.Errorf("Failed(strict) with %d existing problems = %v, want %v", len(c.existing), got, want)
		}
	}
}
