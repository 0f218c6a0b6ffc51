// Package diag carries input problems from every stage to the user. Input:
// problems found while reading or checking data/ and content/, each with the
// exact place (file, sheet and cell, or file and line). Output: a sorted,
// printable list that implements error when it holds errors. Problems in the
// input are diagnostics, never panics or bare Go errors.
package diag

import (
	"fmt"
	"sort"
	"strings"

	"parindex/internal/par"
)

// Severity of a diagnostic.
type Severity uint8

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one located problem.
type Diagnostic struct {
	par.Source
	Severity Severity
	Msg      string
	// Fact is set on a contradiction between published figures (or
	// between a published figure and the rules), which the project's
	// reconciliation register may record as the decision printed it.
	Fact Fact
}

// Fact says what a contradiction is about, so that a recorded difference
// can be matched to it: the diagnostic's cell holds the published figure,
// Other the figure it contradicts.
type Fact struct {
	Kind      string // what kind of contradiction: "rank", "band", "components", "incomplete"…
	Other     par.Source
	Published string // the figure at the diagnostic's cell, as a number ("85.5") or text
	Rule      string // what the rules or the other cell give
}

// IsContradiction reports a diagnostic a reconciliation may record.
func (d Diagnostic) IsContradiction() bool { return d.Fact != Fact{} }

// String is "file: sheet!cell: error: message" (or "file:line: …").
func (d Diagnostic) String() string {
	loc := d.Source.String()
	if loc == "" {
		return d.Severity.String() + ": " + d.Msg
	}
	return loc + ": " + d.Severity.String() + ": " + d.Msg
}

// List collects diagnostics. The zero value is ready to use. It is not safe
// for concurrent use; stages that fan out collect per worker and Merge.
type List struct {
	items []Diagnostic
}

// Errorf records an error at src.
func (l *List) Errorf(src par.Source, format string, args ...any) {
	l.items = append(l.items, Diagnostic{Source: src, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at src.
func (l *List) Warnf(src par.Source, format string, args ...any) {
	l.items = append(l.items, Diagnostic{Source: src, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Contradictf records an error that is a contradiction (see Fact).
func (l *List) Contradictf(src par.Source, f Fact, format string, args ...any) {
	l.items = append(l.items, Diagnostic{Source: src, Severity: Error, Msg: fmt.Sprintf(format, args...), Fact: f})
}

// Update calls f on every diagnostic, which it may change (the
// reconciliation step turns recorded contradictions into warnings).
func (l *List) Update(f func(d *Diagnostic)) {
	for i := range l.items {
		f(&l.items[i])
	}
}

// Add appends diagnostics.
func (l *List) Add(ds ...Diagnostic) { l.items = append(l.items, ds...) }

// Merge appends another list.
func (l *List) Merge(o *List) {
	if o != nil {
		l.items = append(l.items, o.items...)
	}
}

// Len is the number of diagnostics.
func (l *List) Len() int { return len(l.items) }

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l *List) Count() (errors, warnings int) {
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Sorted returns the diagnostics ordered by file, sheet, row, column, line
// and message, duplicates removed, so output is stable.
func (l *List) Sorted() []Diagnostic {
	out := append([]Diagnostic(nil), l.items...)
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	dedup := out[:0]
	for i, d := range out {
		if i > 0 && d == out[i-1] {
			continue
		}
		dedup = append(dedup, d)
	}
	return dedup
}

func less(a, b Diagnostic) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Sheet != b.Sheet {
		return a.Sheet < b.Sheet
	}
	ar, ac := splitCell(a.Cell)
	br, bc := splitCell(b.Cell)
	if ar != br {
		return ar < br
	}
	if ac != bc {
		if len(ac) != len(bc) {
			return len(ac) < len(bc)
		}
		return ac < bc
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Severity != b.Severity {
		return a.Severity < b.Severity
	}
	return a.Msg < b.Msg
}

// splitCell splits "AB12" into row 12 and column "AB".
func splitCell(c string) (int, string) {
	i := strings.IndexAny(c, "0123456789")
	if i < 0 {
		return 0, c
	}
	n := 0
	for _, r := range c[i:] {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n, c[:i]
}

// String prints one diagnostic per line, sorted.
func (l *List) String() string {
	var b strings.Builder
	for _, d := range l.Sorted() {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Err returns the list as an error if it holds any error, else nil.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{l.Sorted()}
}

// ListError is a non-empty list of diagnostics used as a Go error.
type ListError struct {
	Items []Diagnostic
}

func (e *ListError) Error() string {
	n := 0
	for _, d := range e.Items {
		if d.Severity == Error {
			n++
		}
	}
	if n == 1 {
		for _, d := range e.Items {
			if d.Severity == Error {
				return d.String()
			}
		}
	}
	return fmt.Sprintf("%d errors in input, first: %s", n, e.Items[0])
}
