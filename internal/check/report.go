package check

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/diag"
)

// Report writes a result in one of the formats.
type Report func(w io.Writer, res Result) error

// Formats are the report formats by name.
var Formats = map[string]Report{
	"text":   Text,
	"github": GitHub,
	"json":   JSON,
	"gitlab": GitLab,
}

// Text writes every problem as "path:line:col: message", errors first, then
// what changed compared with the base, the count of existing problems and
// a one-line summary.
func Text(w io.Writer, res Result) error {
	for _, f := range res.Fixes {
		printLine(w, "%s", f)
	}
	for _, d := range res.Diags {
		printLine(w, "%s", d)
	}
	writeChanges(w, res.Changes)
	writeExisting(w, res)
	return printLine(w, "%s", Summary(res))
}

// printLine writes one line of a report through diag.Escape, whatever
// the line holds — file names, values quoted in messages, the base
// revision — so that a control character is shown, never acted on, and a
// value can never start a line of its own ("mohinh check: 0 lỗi", or a
// workflow command "::error …" in GitHub's log). Every report prints its
// lines here, but the annotations, escaped the same way field by field.
func printLine(w io.Writer, format string, args ...any) error {
	_, err := fmt.Fprintln(w, diag.Escape(fmt.Sprintf(format, args...)))
	return err
}

// Summary is the one-line summary of a result.
func Summary(res Result) string {
	errs, warns := res.Diags.Count()
	s := fmt.Sprintf("mohinh check: %d lỗi, %d cảnh báo trong %d tệp", errs, warns, res.Files)
	if c := res.Changes; c != nil {
		s += fmt.Sprintf("; so với %s: thêm %d, sửa %d, xóa %d tệp", c.Base, len(c.Added), len(c.Modified)+len(c.Renamed), len(c.Deleted))
	}
	if n := FixedFiles(res.Fixes); n > 0 {
		s += fmt.Sprintf("; đã sửa %d tệp", n)
	}
	return s + "."
}

// existingLine is the one line that stands for the existing problems
// (Result.Existing) of "check --base", or "" when there are none.
func existingLine(res Result) string {
	errs, warns := res.Existing.Count()
	var counts string
	switch {
	case errs > 0 && warns > 0:
		counts = fmt.Sprintf("%d lỗi và %d cảnh báo", errs, warns)
	case errs > 0:
		counts = fmt.Sprintf("%d lỗi", errs)
	case warns > 0:
		counts = fmt.Sprintf("%d cảnh báo", warns)
	default:
		return ""
	}
	base := ""
	if res.Changes != nil {
		base = " (đã có ở " + res.Changes.Base + ")"
	}
	s := counts + " sẵn có trong các tệp nhánh này không sửa" + base + ", không in ra ở đây; muốn xem, hãy chạy mohinh check không có --base."
	if errs > 0 {
		s += " Lỗi sẵn có vẫn làm lần kiểm tra này không đạt: trang không dựng được cho đến khi các lỗi đó được sửa."
	}
	return s
}

func writeExisting(w io.Writer, res Result) {
	if line := existingLine(res); line != "" {
		printLine(w, "%s", line)
	}
}

func writeChanges(w io.Writer, c *Changes) {
	if c == nil {
		return
	}
	c.each(func(verb, path string) { printLine(w, "  %-5s %s", verb, path) }, "đổi", "%s → %s")
}

// each calls f for every change in the order added, modified, renamed,
// deleted; a rename is named renamed and its paths joined by pair.
func (c *Changes) each(f func(verb, path string), renamed, pair string) {
	for _, p := range c.Added {
		f("thêm", p)
	}
	for _, p := range c.Modified {
		f("sửa", p)
	}
	for _, r := range c.Renamed {
		f(renamed, fmt.Sprintf(pair, r[0], r[1]))
	}
	for _, p := range c.Deleted {
		f("xóa", p)
	}
}

// jsonDiagnostic is the documented shape of one problem in --format json.
type jsonDiagnostic struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Existing bool   `json:"existing,omitempty"`
}

// JSON writes one JSON document: the list of problems, each
// {path, line, col, severity, code, message}; line and col are 0 when the
// problem concerns the whole file. With --base, the branch's problems come
// first, then the existing ones (Result.Existing), which alone carry
// "existing": true: the list stays what every version wrote, everything
// the check found, and a program that shows only what the branch brings
// skips those. Paths and messages are the values themselves, not
// diag.Escape's rendering of them, so that a program can open the file;
// every character diag.Escape would escape is written as a JSON escape, so
// that the document is safe to print too.
func JSON(w io.Writer, res Result) error {
	out := make([]jsonDiagnostic, 0, len(res.Diags)+len(res.Existing))
	for _, d := range res.Diags {
		out = append(out, jsonDiagnostic{d.Path, d.Line, d.Col, d.Severity.String(), d.Code, d.Message, false})
	}
	for _, d := range res.Existing {
		out = append(out, jsonDiagnostic{d.Path, d.Line, d.Col, d.Severity.String(), d.Code, d.Message, true})
	}
	return writeJSON(w, out)
}

// codeQualityIssue is one problem of a GitLab Code Quality report, with
// exactly the fields GitLab documents as required, and no others
// ("Code Quality report format",
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
// description, check_name, fingerprint, severity (info, minor, major,
// critical or blocker), location.path and location.lines.begin.
type codeQualityIssue struct {
	Description string              `json:"description"`
	CheckName   string              `json:"check_name"`
	Fingerprint string              `json:"fingerprint"`
	Severity    string              `json:"severity"`
	Location    codeQualityLocation `json:"location"`
}

type codeQualityLocation struct {
	Path  string           `json:"path"`
	Lines codeQualityLines `json:"lines"`
}

type codeQualityLines struct {
	Begin int `json:"begin"`
}

// codeQualitySeverity is GitLab's severity of a problem: an error, which
// stops the build, is "major"; a warning "minor". "critical" and
// "blocker" are left for what GitLab's own scanners call so (a security
// flaw), "info" unused: every warning asks for a change.
func codeQualitySeverity(s diag.Severity) string {
	if s == diag.Warning {
		return "minor"
	}
	return "major"
}

// codeQualityFingerprint is the hex SHA-256 of the problem's path, code
// and message and of n, how many problems with the same three come before
// it in the report, each ended by a NUL byte. GitLab tells a problem the
// merge request brings from one the target branch has by the fingerprint,
// and shows only one problem per fingerprint: n keeps two identical
// problems of one file apart, and the line is left out so that a problem
// keeps its fingerprint when lines are added above it.
func codeQualityFingerprint(d diag.Diagnostic, n int) string {
	h := sha256.New()
	for _, s := range []string{d.Path, d.Code, d.Message, fmt.Sprint(n)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// GitLab writes a GitLab Code Quality report, for
// "artifacts: reports: codequality:" of a GitLab CI job: one JSON list,
// every problem an object of the fields GitLab documents
// (codeQualityIssue), severities by codeQualitySeverity, fingerprints by
// codeQualityFingerprint. lines.begin is 1 for a problem of the whole file
// (GitLab wants a line). As in JSON, with --base the existing problems
// (Result.Existing) follow the branch's: the format has no field to mark
// them, and needs none — GitLab's merge request widget shows only the
// problems whose fingerprint the target branch's report lacks, and the
// fingerprint of a problem does not depend on --base. Values are the
// values themselves, escaped as in JSON.
func GitLab(w io.Writer, res Result) error {
	out := make([]codeQualityIssue, 0, len(res.Diags)+len(res.Existing))
	seen := make(map[[3]string]int)
	add := func(d diag.Diagnostic) {
		key := [3]string{d.Path, d.Code, d.Message}
		n := seen[key]
		seen[key] = n + 1
		out = append(out, codeQualityIssue{
			Description: d.Message,
			CheckName:   cmp.Or(d.Code, "mohinh"), // every problem has a code; GitLab requires one
			Fingerprint: codeQualityFingerprint(d, n),
			Severity:    codeQualitySeverity(d.Severity),
			Location:    codeQualityLocation{Path: d.Path, Lines: codeQualityLines{Begin: max(d.Line, 1)}},
		})
	}
	for _, d := range res.Diags {
		add(d)
	}
	for _, d := range res.Existing {
		add(d)
	}
	return writeJSON(w, out)
}

// writeJSON writes v indented, its HTML characters as they are and the
// characters diag.Escape escapes as JSON escapes (escapeJSON).
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeJSON(buf.Bytes()))
	return err
}

// escapeJSON writes as \uXXXX escapes the characters that diag.Escape
// escapes and encoding/json leaves as they are: DEL, the C1 controls and
// the bidi controls (it escapes C0 and U+2028, U+2029 itself). Outside its
// strings a JSON document is ASCII, so each such character is inside a
// string, where the escape means the same character.
func escapeJSON(doc []byte) []byte {
	var out []byte
	done := 0
	for i := 0; i < len(doc); {
		r, size := utf8.DecodeRune(doc[i:])
		if r >= 0x7f && diag.Unsafe(r) {
			out = append(out, doc[done:i]...)
			out = fmt.Appendf(out, `\u%04x`, r)
			done = i + size
		}
		i += size
	}
	if out == nil {
		return doc
	}
	return append(out, doc[done:]...)
}

// maxAnnotations is how many problems become annotations: GitHub shows
// about ten per step; the rest are plain lines in the log and all are in
// the step summary.
const maxAnnotations = 10

// GitHub writes workflow commands (::error / ::warning) for the first
// problems and plain lines for the others, then the summary line.
func GitHub(w io.Writer, res Result) error {
	for i, d := range res.Diags {
		if i >= maxAnnotations {
			printLine(w, "%s", d)
			continue
		}
		props := "file=" + escapeProperty(diag.Escape(d.Path))
		if d.Line > 0 {
			props += fmt.Sprintf(",line=%d", d.Line)
			if d.Col > 0 {
				props += fmt.Sprintf(",col=%d", d.Col)
			}
		}
		fmt.Fprintf(w, "::%s %s,title=mohinh check::%s\n", d.Severity, props, escapeData(diag.Escape(d.Message)))
	}
	writeChanges(w, res.Changes)
	writeExisting(w, res) // a plain line: the pull request did not bring them
	return printLine(w, "%s", Summary(res))
}

// StepSummary is the full list as a Markdown table, for the file named by
// $GITHUB_STEP_SUMMARY.
func StepSummary(w io.Writer, res Result) error {
	printLine(w, "### %s", Summary(res))
	fmt.Fprintln(w)
	if len(res.Diags) > 0 {
		fmt.Fprintln(w, "| Tệp | Dòng | Cột | Mức | Mã | Thông báo |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|")
		for _, d := range res.Diags {
			level := "lỗi"
			if d.Severity == diag.Warning {
				level = "cảnh báo"
			}
			fmt.Fprintf(w, "| `%s` | %d | %d | %s | %s | %s |\n", escapeCell(d.Path), d.Line, d.Col, level, d.Code, escapeCell(d.Message))
		}
	}
	if c := res.Changes; c != nil {
		fmt.Fprintf(w, "\nThay đổi so với `%s`:\n\n", escapeCell(c.Base))
		c.each(func(verb, path string) { printLine(w, "- %s `%s`", verb, path) }, "đổi tên", "%s` → `%s")
	}
	if line := existingLine(res); line != "" {
		fmt.Fprintln(w)
		printLine(w, "%s", line)
	}
	_, err := fmt.Fprintln(w)
	return err
}

// escapeData escapes the message of a workflow command, as GitHub's
// runner unescapes it; given text through diag.Escape, which leaves no
// line break, it only has "%" to escape.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// escapeCell makes s one cell of a Markdown table: escaped, with no "|" to
// end the cell and no backquote to end the code around a path.
func escapeCell(s string) string {
	return strings.NewReplacer("|", `\|`, "`", "'").Replace(diag.Escape(s))
}
