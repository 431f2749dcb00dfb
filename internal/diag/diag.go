// Package diag holds the problems found in a site's content as values.
//
// Every step that reads content (loading, validation) reports what is wrong
// as a Diagnostic instead of stopping: a build collects them all and prints
// them at once, each as "path:line:col: message", the form that editors and
// CI problem matchers understand. Messages are plain Vietnamese that say what
// is wrong and how to fix it.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error stops the build: the content must be fixed.
	Error Severity = iota
	// Warning is reported but does not stop the build.
	Warning
)

// String returns the severity's name as used in machine-readable output.
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem at one place in one file.
type Diagnostic struct {
	Path     string // slash-separated, relative to the site folder
	Line     int    // 1-based; 0 when the problem concerns the whole file
	Col      int    // 1-based; 0 when unknown
	Severity Severity
	Code     string // stable identifier, e.g. "unknown-key"
	Message  string // plain Vietnamese
}

// String formats the diagnostic as "path:line:col: message", one line
// whatever the path and the message hold: both go through Escape.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(Escape(d.Path))
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("cảnh báo: ")
	}
	b.WriteString(Escape(d.Message))
	return b.String()
}

// List is a set of diagnostics.
type List []Diagnostic

// Errorf appends an error at path:line:col.
func (l *List) Errorf(path string, line, col int, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Severity: Error, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning at path:line:col.
func (l *List) Warnf(path string, line, col int, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of errors and of warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders the list errors first, then by path, line, column and message,
// so that output does not depend on the order in which files were read.
func (l List) Sort() {
	slices.SortFunc(l, func(a, b Diagnostic) int {
		// Field by field, not cmp.Or, which would compare the paths and the
		// messages of every pair: a province's check sorts 36,000 warnings.
		if c := cmp.Compare(a.Severity, b.Severity); c != 0 {
			return c
		}
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Col, b.Col); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}
