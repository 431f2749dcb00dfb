package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/content"
)

// pathological are Markdown shapes that cost goldmark more than linear
// time or write far more than they read (most from cmark's
// test/pathological_tests.py), each as a function of a repeat count.
var pathological = []struct {
	name string
	make func(n int) string
}{
	{"[]( repeated", func(n int) string { return strings.Repeat("[](", n) }},
	{"[a]( repeated", func(n int) string { return strings.Repeat("[a](", n) }},
	{"[a](b repeated", func(n int) string { return strings.Repeat("[a](b", n) }},
	{"[a](<b repeated", func(n int) string { return strings.Repeat("[a](<b", n) }},
	{"[]( paragraphs each under the limit", func(n int) string {
		return strings.Repeat(strings.Repeat("[](", 6600)+"\n\n", max(1, n/6600))
	}},
	{"[]( on many lines", func(n int) string { return strings.Repeat("[](\n", n) }},
	{"[ (]( repeated", func(n int) string { return strings.Repeat("[ (](", n) }},
	{"openers then closers", func(n int) string { return strings.Repeat("[", n) + strings.Repeat("](", n) }},
	{"[]( split by no-break spaces", func(n int) string { return strings.Repeat("[](\n\u00a0\n", n) }},
	{"nested brackets", func(n int) string { return strings.Repeat("[", n) + "a" + strings.Repeat("]", n) }},
	{"nested quotes", func(n int) string { return strings.Repeat("> ", n) + "a\n" }},
	{"nested lists on one line", func(n int) string { return strings.Repeat("- ", n) + "a\n" }},
	{"nested ordered lists", func(n int) string { return strings.Repeat("1. ", n) + "a\n" }},
	{"nested lists by indentation", func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i))
			b.WriteString("- a\n")
		}
		return b.String()
	}},
	{"consecutive reference definitions", func(n int) string { return strings.Repeat("[x]: /u\n", n) }},
	{"reference expansion", func(n int) string {
		return "[x]: /" + strings.Repeat("u", n) + "\n\n" + strings.Repeat("[x]\n\n", n)
	}},
	{"reference in a quote", func(n int) string {
		return "> [x]: /" + strings.Repeat("u", n) + "\n\n" + strings.Repeat("[x]\n\n", n)
	}},
	{"reference title on the next lines", func(n int) string {
		return "[x]: /u\n\"" + strings.Repeat("tiêu đề\n", n/8) + "\"\n\n" + strings.Repeat("[x]\n\n", n/8)
	}},
	{"reference title after an escaped quote", func(n int) string {
		return "[x]: /u \"a\\\"\n" + strings.Repeat("tiêu đề\n", n/8) + "\"\n\n" + strings.Repeat("[x]\n\n", n/8)
	}},
	{"reference title in a quote", func(n int) string {
		return "> [x]: /u\n> \"" + strings.Repeat("tiêu đề ", n/8) + "\"\n\n" + strings.Repeat("[x]\n\n", n/8)
	}},
	{"wide table", func(n int) string {
		return "|" + strings.Repeat("a|", n) + "\n|" + strings.Repeat("-|", n) + "\n" + strings.Repeat("|a\n", n)
	}},
	{"many small tables", func(n int) string {
		table := "|" + strings.Repeat("a|", 200) + "\n|" + strings.Repeat("-|", 200) + "\n" + strings.Repeat("|a\n", 200) + "\n"
		return strings.Repeat(table, max(1, n/400))
	}},
	{"table in a quote", func(n int) string {
		return "> |" + strings.Repeat("a|", n) + "\n> |" + strings.Repeat("-|", n) + "\n" + strings.Repeat("> |a\n", n)
	}},
	{"nested emphasis", func(n int) string { return strings.Repeat("*a **a ", n) + "b" + strings.Repeat(" a** a*", n) }},
	{"emphasis closers", func(n int) string { return strings.Repeat("a_ ", n) }},
	{"emphasis openers", func(n int) string { return strings.Repeat("_a ", n) }},
	{"mismatched emphasis", func(n int) string { return strings.Repeat("*a_ ", n) }},
	{"multiples of 3", func(n int) string { return "a**b" + strings.Repeat("c* ", n) }},
	{"link openers and emphasis closers", func(n int) string { return strings.Repeat("[ a_", n) }},
	{"link closers", func(n int) string { return strings.Repeat("a]", n) }},
	{"link openers", func(n int) string { return strings.Repeat("[a", n) }},
	{"backtick runs", func(n int) string {
		var b strings.Builder
		for i := 1; b.Len() < n*3; i++ {
			b.WriteString("e" + strings.Repeat("`", i))
		}
		return b.String()
	}},
	{"unclosed comments", func(n int) string { return "</" + strings.Repeat("<!--", n) }},
	{"many list items", func(n int) string { return strings.Repeat("- a\n", n) }},
	{"many references used", func(n int) string {
		var b strings.Builder
		for i := range n / 8 {
			fmt.Fprintf(&b, "[%d]: /u\n", i)
		}
		b.WriteString("\n")
		for i := range n / 8 {
			fmt.Fprintf(&b, "[%d] ", i)
		}
		return b.String()
	}},
}

// Every pathological shape, up to the largest file the loader reads,
// either renders within the output bound or is refused by
// content.MarkdownProblem and shown as plain text. Before the bounds, "[]("
// repeated 16,000 times took 1.1 s and 1 MB of it would have taken
// minutes; a table of 2,000 columns wrote 40 MB. How long each takes is
// BenchmarkPathologicalMarkdown's to say, not this test's.
func TestPathologicalMarkdownIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("renders megabytes of Markdown")
	}
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			n := 1
			for len(p.make(n*2)) <= content.MaxFileSize {
				n *= 2
			}
			src := []byte(p.make(n))
			out := renderMarkdown(src)
			_, problem := content.MarkdownProblem(src)
			t.Logf("%d bytes in, %d out, refused: %v", len(src), len(out), problem != "")
			if len(out) > 8*len(src)+1<<20 {
				t.Errorf("%d bytes wrote %d", len(src), len(out))
			}
			if problem != "" && !strings.HasPrefix(string(out), "<pre>") {
				t.Errorf("a refused body was rendered as Markdown")
			}
		})
	}
}

// BenchmarkPathologicalMarkdown renders each pathological shape at the
// largest size the loader reads: what is accepted must stay near a
// second (go test -bench Pathological ./internal/render/).
func BenchmarkPathologicalMarkdown(b *testing.B) {
	for _, p := range pathological {
		b.Run(p.name, func(b *testing.B) {
			n := 1
			for len(p.make(n*2)) <= content.MaxFileSize {
				n *= 2
			}
			src := []byte(p.make(n))
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				renderMarkdown(src)
			}
		})
	}
}

// Documents as people write them are never refused: long paragraphs with
// links, nested lists, tables of hundreds of rows, references.
func TestOrdinaryMarkdownIsNotRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Nội dung mô hình\n\n")
	for range 50 {
		b.WriteString(strings.Repeat("Chi bộ họp định kỳ theo [hướng dẫn](https://example.org/hd) và [quy định][qd]. ", 20) + "\n\n")
	}
	for i := range 8 {
		b.WriteString(strings.Repeat("  ", i) + "- mục cấp " + fmt.Sprint(i+1) + "\n")
	}
	b.WriteString("\n> > > trích dẫn lồng ba cấp\n\n| STT | Họ tên | Chức vụ | Đơn vị | Ghi chú |\n|---|---|---|---|---|\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "| %d | Nguyễn Văn A | Đảng viên | Chi bộ %d | [hồ sơ](https://example.org/%d) |\n", i+1, i%9, i)
	}
	b.WriteString("\n[qd]: https://example.org/quy-dinh \"Quy định\"\n")
	for i := range 300 {
		fmt.Fprintf(&b, "[%d]: https://example.org/tai-lieu/%d\n", i, i)
	}
	if at, problem := content.MarkdownProblem([]byte(b.String())); problem != "" {
		t.Errorf("refused at %d: %s", at, problem)
	}
}
