package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// A pipe, a file and /dev/null cannot answer questions: only a terminal
// is asked. The pseudo-terminal case runs in testdata/script/new-prompt.txtar.
func TestIsTerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(r) {
		t.Error("a pipe is taken for a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "answers")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a file is taken for a terminal")
	}
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Errorf("%s, a character device, is taken for a terminal", os.DevNull)
	}
}

func TestToday(t *testing.T) {
	t.Setenv("MOHINH_TODAY", "2024-01-08")
	if got := today().String(); got != "2024-01-08" {
		t.Errorf("MOHINH_TODAY=2024-01-08: today() = %s", got)
	}
	t.Setenv("MOHINH_TODAY", "")
	got := today().Time()
	if now := time.Now(); got.Before(now.Add(-48*time.Hour)) || got.After(now.Add(48*time.Hour)) {
		t.Errorf("today() = %s, now is %s", got, now)
	}
}

const newSite = `-- content/_index.md --
---
title: Thử
---
-- content/campaigns/2024.md --
---
title: Đăng ký 2024
year: 2024
number: 943-CV/HU
issued: 2023-12-21
deadline: 2024-01-10
issuer: huyen-uy
---
-- content/fields/kinh-te.md --
---
title: Kinh tế
---
-- content/organisations/huyen-uy.md --
---
title: Huyện ủy Đơn Dương
kind: cap-uy
---
-- content/organisations/xa-ka-do.md --
---
title: Đảng ủy xã Ka Đô
kind: dang-uy-co-so
parent: huyen-uy
---
`

func writeNewSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(newSite)).Files {
		file := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The questions are asked only on a terminal, only for what the flags
// leave out, and the answers make the file.
func TestNewAsksOnTerminalOnly(t *testing.T) {
	t.Setenv("MOHINH_TODAY", "2024-01-08")
	dir := writeNewSite(t)
	args := []string{"--site", dir, "--field", "kinh-te"}
	want := filepath.Join(dir, "content", "registrations", "2024", "xa-ka-do", "hu-gao-thien-tam.md")

	var stdout, stderr strings.Builder
	if code := newRegistration(args, strings.NewReader("2\nHũ gạo thiện tâm\n\n"), false, &stdout, &stderr); code != exitUsage {
		t.Errorf("not a terminal: exit %d, want %d\n%s", code, exitUsage, stderr.String())
	}
	if !strings.Contains(stderr.String(), "thiếu --org, --title.") || stdout.Len() > 0 {
		t.Errorf("not a terminal: stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	if _, err := os.Stat(want); err == nil {
		t.Fatal("a file was written without the flags")
	}

	stdout.Reset()
	stderr.Reset()
	code := newRegistration(args, strings.NewReader("2\nHũ gạo thiện tâm\nLê Văn Tùng\n"), true, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("terminal: exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	for _, s := range []string{
		"Đợt đăng ký: 2024 — Đăng ký 2024 (Công văn số 943-CV/HU, hạn 10/01/2024)\n", // the only call: not asked
		"Tổ chức đăng ký", "  2.   Đảng ủy xã Ka Đô — Đảng ủy cơ sở (xa-ka-do)",
		"Tên mô hình: ", "Nếu là bản đăng ký cá nhân", "\nĐã tạo tệp " + want,
	} {
		if !strings.Contains(stdout.String(), s) {
			t.Errorf("terminal: %q not shown in\n%s", s, stdout.String())
		}
	}
	for _, s := range []string{"Gõ số thứ tự hoặc năm", "Lĩnh vực:"} {
		if strings.Contains(stdout.String(), s) {
			t.Errorf("terminal: asked %q, which needs no question:\n%s", s, stdout.String())
		}
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"title: Hũ gạo thiện tâm ", "organisation: xa-ka-do ", "member: Lê Văn Tùng ", "date: 2024-01-08 "} {
		if !strings.Contains(string(data), "\n"+line) {
			t.Errorf("the file lacks %q:\n%s", line, data)
		}
	}
}
