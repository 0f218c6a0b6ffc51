// Package diag carries input problems from every stage to the user. Input:
// problems found while reading or checking data/ and content/, each with the
// exact place (file, sheet and cell, or file and line). Output: a sorted,
// printable list that implements error when it holds errors. Problems in the
// input are diagnostics, never panics or bare Go errors.
//
// One fault gives one error at its cause: a diagnostic may name the fault it
// follows from (Cause) and a diagnostic may be that fault (Key). Folded
// puts every consequence into its cause, so a misspelt id in units.yaml is
// one error "… (and 10 further errors caused by this)", not a cascade over
// every workbook. The project's configuration (data/site.yaml,
// data/units.yaml, data/frameworks/) is printed before the files it
// configures, so causes come first.
package diag

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
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
	// Key names the faults this diagnostic is, for others to follow from:
	// keys separated by "|". A key covers every cause it equals or
	// prefixes up to a ":" ("registry" covers "registry:unit:x").
	Key string
	// Cause is the key of the fault this diagnostic follows from, if known.
	Cause string
	// Folded counts the consequences Folded put into this diagnostic.
	Folded Fold
	// Fact is set on a contradiction between published figures (or
	// between a published figure and the rules), which the project's
	// reconciliation register may record as the decision printed it.
	Fact Fact
}

// Fold counts the diagnostics folded into one.
type Fold struct {
	Errors, Warnings int
	// Siblings: they share a cause with this one rather than follow from
	// it (several references to one id the registry lacks).
	Siblings bool
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
	msg := d.Msg + d.Folded.note()
	loc := d.Source.String()
	if loc == "" {
		return d.Severity.String() + ": " + msg
	}
	return loc + ": " + d.Severity.String() + ": " + msg
}

// In returns d with its file path under dir, the project directory as the
// user named it, so "data/units.yaml" of project ../proj prints as
// "../proj/data/units.yaml" and an editor opens it from where the user is.
// Paths of project files that the message names (another file involved,
// "(content/decisions/a.md)") are put under dir too.
func (d Diagnostic) In(dir string) Diagnostic {
	if dir == "" || dir == "." {
		return d
	}
	if d.File != "" {
		d.File = filepath.Join(dir, filepath.FromSlash(d.File))
	}
	prefix := filepath.ToSlash(filepath.Clean(dir)) + "/"
	if filepath.Separator != '/' {
		prefix = filepath.Clean(dir) + string(filepath.Separator)
	}
	d.Msg = projectPath.ReplaceAllString(d.Msg, "${1}"+strings.ReplaceAll(prefix, "$", "$$")+"${2}")
	return d
}

// projectPath finds a project path in a message: a top-level folder of
// the project after a space or a parenthesis (a quoted value, as typed by
// the user, is left alone).
var projectPath = regexp.MustCompile(`(^|[ (])((?:data|content|templates|static)/)`)

// note is " (and 3 further errors caused by this)", or "" for nothing folded.
func (f Fold) note() string {
	if f.Errors == 0 && f.Warnings == 0 {
		return ""
	}
	var parts []string
	if f.Errors > 0 {
		parts = append(parts, plural(f.Errors, "further error", "further errors"))
	}
	if f.Warnings > 0 {
		w := plural(f.Warnings, "warning", "warnings")
		if f.Errors == 0 {
			w = plural(f.Warnings, "further warning", "further warnings")
		}
		parts = append(parts, w)
	}
	how := "caused by this"
	if f.Siblings {
		how = "with the same cause"
	}
	return " (and " + strings.Join(parts, " and ") + " " + how + ")"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Keys of faults that other diagnostics follow from. Ingest and compute
// report a reference to something the configuration lacks with one of these
// as Cause, and a configuration file that could not be read at all with the
// covering key.
const (
	KeyRegistry   = "registry"  // data/units.yaml as a whole
	KeyFrameworks = "framework" // every framework (one that could not be read)
	KeyResults    = "results"   // every result (a fault that leaves none)
)

// ResultsKey is the fault "there are no results for this year".
func ResultsKey(year int) string { return KeyResults + ":" + strconv.Itoa(year) }

// UnitKey is the fault "the registry has no unit with this id".
func UnitKey(id string) string { return KeyRegistry + ":unit:" + id }

// GroupKey is the fault "the registry has no ranking group with this id".
func GroupKey(id string) string { return KeyRegistry + ":group:" + id }

// NameKey is the fault "no unit of the registry bears this name"; key is
// the folded matching key of the name.
func NameKey(key string) string { return KeyRegistry + ":name:" + key }

// FrameworkKey is the fault "no framework scores this ranking group" (in
// any year).
func FrameworkKey(group string) string { return KeyFrameworks + ":" + group }

// FrameworkYearKey is the fault "no framework scores this ranking group in
// this results year"; FrameworkKey(group) covers it.
func FrameworkYearKey(group string, year int) string {
	return FrameworkKey(group) + ":" + strconv.Itoa(year)
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

// Because records diagnostics that follow from the fault named cause (one
// of the Key functions), for Folded to put into that fault.
func (l *List) Because(cause string) Caused { return Caused{l: l, cause: cause} }

// Caused records consequences of one fault; see List.Because.
type Caused struct {
	l     *List
	cause string
}

// Errorf records an error at src that follows from the cause.
func (c Caused) Errorf(src par.Source, format string, args ...any) {
	c.l.items = append(c.l.items, Diagnostic{Source: src, Severity: Error, Msg: fmt.Sprintf(format, args...), Cause: c.cause})
}

// Warnf records a warning at src that follows from the cause.
func (c Caused) Warnf(src par.Source, format string, args ...any) {
	c.l.items = append(c.l.items, Diagnostic{Source: src, Severity: Warning, Msg: fmt.Sprintf(format, args...), Cause: c.cause})
}

// MarkRoot makes the errors recorded since the list had length since the
// fault key: a file that could not be read is the cause of everything that
// misses what it should have held.
func (l *List) MarkRoot(since int, key string) {
	for i := max(since, 0); i < len(l.items); i++ {
		d := &l.items[i]
		if d.Severity != Error {
			continue
		}
		if d.Key == "" {
			d.Key = key
		} else {
			d.Key += "|" + key
		}
	}
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

// Len is the number of diagnostics recorded.
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

// Count returns the number of distinct errors and warnings (duplicates,
// which Sorted drops, are counted once).
func (l *List) Count() (errors, warnings int) {
	for _, d := range l.Sorted() {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Sorted returns the diagnostics ordered by file (configuration first),
// sheet, row, column, line and message, duplicates removed, so output is
// stable.
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

// Folded is Sorted with every consequence folded into its cause: into the
// first diagnostic whose Key covers its Cause, else into the first one of
// the same Cause. An error never folds into a warning. Each remaining
// diagnostic counts what it took in (Diagnostic.Folded).
func (l *List) Folded() []Diagnostic {
	s := l.Sorted()
	takes := func(head, d Diagnostic) bool { return head.Severity <= d.Severity }
	into := make([]int, len(s)) // index of the diagnostic i folds into, or -1
	firstErr, firstAny := map[string]int{}, map[string]int{}
	for i, d := range s {
		into[i] = -1
		if d.Cause == "" {
			continue
		}
		for j, r := range s {
			if j != i && covers(r.Key, d.Cause) && takes(r, d) {
				into[i] = j
				break
			}
		}
		if into[i] >= 0 {
			continue
		}
		if _, ok := firstAny[d.Cause]; !ok {
			firstAny[d.Cause] = i
		}
		if _, ok := firstErr[d.Cause]; !ok && d.Severity == Error {
			firstErr[d.Cause] = i
		}
	}
	// Without a root, the first error of a cause (else its first warning)
	// stands for the others.
	for i, d := range s {
		if d.Cause == "" || into[i] >= 0 {
			continue
		}
		h, ok := firstErr[d.Cause]
		if !ok {
			h = firstAny[d.Cause]
		}
		if h != i {
			into[i] = h
		}
	}
	// Follow chains (a consequence of a consequence) to the head.
	head := func(i int) int {
		for n := 0; into[i] >= 0 && n <= len(s); n++ {
			i = into[i]
		}
		return i
	}
	out := make([]Diagnostic, 0, len(s))
	pos := map[int]int{}
	for i := range s {
		if into[i] < 0 {
			pos[i] = len(out)
			out = append(out, s[i])
		}
	}
	for i, d := range s {
		if into[i] < 0 {
			continue
		}
		h := head(i)
		p, ok := pos[h]
		if !ok {
			continue // a cycle of keys; cannot happen with the Key functions
		}
		f := &out[p].Folded
		if d.Severity == Error {
			f.Errors++
		} else {
			f.Warnings++
		}
		// A head without a key is one of the consequences, standing for
		// the others.
		f.Siblings = s[h].Key == ""
	}
	return out
}

// covers reports whether one of keys ("a|b") equals cause or prefixes it up
// to a ":".
func covers(keys, cause string) bool {
	if keys == "" || cause == "" {
		return false
	}
	for _, k := range strings.Split(keys, "|") {
		if cause == k || strings.HasPrefix(cause, k+":") {
			return true
		}
	}
	return false
}

// Counts says how many diagnostics of each severity are in ds (as Folded
// returns them) and how many more were folded into them.
func Counts(ds []Diagnostic) (errors, warnings, folded int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
		folded += d.Folded.Errors + d.Folded.Warnings
	}
	return
}

// fileRank puts the configuration before what it configures: site.yaml,
// then units.yaml, then the frameworks, then everything else.
func fileRank(f string) int {
	switch {
	case f == "data/site.yaml":
		return 0
	case f == "data/units.yaml":
		return 1
	case strings.HasPrefix(f, "data/frameworks/"):
		return 2
	}
	return 3
}

func less(a, b Diagnostic) bool {
	if a.File != b.File {
		if ra, rb := fileRank(a.File), fileRank(b.File); ra != rb {
			return ra < rb
		}
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
	if a.Msg != b.Msg {
		return a.Msg < b.Msg
	}
	if a.Key != b.Key {
		return a.Key < b.Key
	}
	return a.Cause < b.Cause
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

// String prints one diagnostic per line, sorted, consequences folded.
func (l *List) String() string {
	var b strings.Builder
	for _, d := range l.Folded() {
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
	return &ListError{l.Folded()}
}

// ListError is a non-empty list of diagnostics used as a Go error: what
// Folded returns, consequences folded into their causes.
type ListError struct {
	Items []Diagnostic
}

func (e *ListError) Error() string {
	n := 0
	var first *Diagnostic
	for i := range e.Items {
		if d := &e.Items[i]; d.Severity == Error {
			if first == nil {
				first = d
			}
			n++
		}
	}
	switch {
	case first == nil:
		return "no errors in input"
	case n == 1:
		return first.String()
	}
	return fmt.Sprintf("%d errors in input, first: %s", n, first)
}
