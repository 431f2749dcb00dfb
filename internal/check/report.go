package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mohinh/mohinh/internal/diag"
)

// Report writes a result in one of the formats.
type Report func(w io.Writer, res Result) error

// Formats are the report formats by name.
var Formats = map[string]Report{
	"text":   Text,
	"github": GitHub,
	"json":   JSON,
}

// Text writes every problem as "path:line:col: message", errors first, then
// what changed compared with the base and a one-line summary.
func Text(w io.Writer, res Result) error {
	for _, f := range res.Fixes {
		name := f.Path
		fmt.Fprintf(w, "%s: đã sửa: %s\n", name, strings.Join(f.Changes, "; "))
	}
	for _, d := range res.Diags {
		fmt.Fprintln(w, d.String())
	}
	writeChanges(w, res.Changes)
	_, err := fmt.Fprintln(w, Summary(res))
	return err
}

// Summary is the one-line summary of a result.
func Summary(res Result) string {
	errs, warns := res.Diags.Count()
	s := fmt.Sprintf("mohinh check: %d lỗi, %d cảnh báo trong %d tệp", errs, warns, res.Files)
	if c := res.Changes; c != nil {
		s += fmt.Sprintf("; so với %s: thêm %d, sửa %d, xóa %d tệp", c.Base, len(c.Added), len(c.Modified)+len(c.Renamed), len(c.Deleted))
	}
	if len(res.Fixes) > 0 {
		s += fmt.Sprintf("; đã sửa %d tệp", len(res.Fixes))
	}
	return s + "."
}

func writeChanges(w io.Writer, c *Changes) {
	if c == nil {
		return
	}
	c.each(func(verb, path string) { fmt.Fprintf(w, "  %-5s %s\n", verb, path) }, "đổi", "%s → %s")
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
}

// JSON writes one JSON document: the list of problems, each
// {path, line, col, severity, code, message}; line and col are 0 when the
// problem concerns the whole file.
func JSON(w io.Writer, res Result) error {
	out := make([]jsonDiagnostic, 0, len(res.Diags))
	for _, d := range res.Diags {
		out = append(out, jsonDiagnostic{d.Path, d.Line, d.Col, d.Severity.String(), d.Code, d.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
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
			fmt.Fprintln(w, d.String())
			continue
		}
		props := "file=" + escapeProperty(d.Path)
		if d.Line > 0 {
			props += fmt.Sprintf(",line=%d", d.Line)
			if d.Col > 0 {
				props += fmt.Sprintf(",col=%d", d.Col)
			}
		}
		fmt.Fprintf(w, "::%s %s,title=mohinh check::%s\n", d.Severity, props, escapeData(d.Message))
	}
	writeChanges(w, res.Changes)
	_, err := fmt.Fprintln(w, Summary(res))
	return err
}

// StepSummary is the full list as a Markdown table, for the file named by
// $GITHUB_STEP_SUMMARY.
func StepSummary(w io.Writer, res Result) error {
	fmt.Fprintf(w, "### %s\n\n", Summary(res))
	if len(res.Diags) > 0 {
		fmt.Fprintln(w, "| Tệp | Dòng | Cột | Mức | Mã | Thông báo |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|")
		for _, d := range res.Diags {
			level := "lỗi"
			if d.Severity == diag.Warning {
				level = "cảnh báo"
			}
			fmt.Fprintf(w, "| `%s` | %d | %d | %s | %s | %s |\n", d.Path, d.Line, d.Col, level, d.Code, escapeCell(d.Message))
		}
	}
	if c := res.Changes; c != nil {
		fmt.Fprintf(w, "\nThay đổi so với `%s`:\n\n", c.Base)
		c.each(func(verb, path string) { fmt.Fprintf(w, "- %s `%s`\n", verb, path) }, "đổi tên", "%s` → `%s")
	}
	_, err := fmt.Fprintln(w)
	return err
}

// escapeData escapes the message of a workflow command.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func escapeCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "`", "'").Replace(s)
}
