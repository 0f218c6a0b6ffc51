package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// The YAML files are decoded into yaml.Node trees and walked by hand rather
// than unmarshalled into structs: that way every diagnostic carries the line
// of the offending value, unknown keys (typos) are reported with their line,
// and one bad value does not hide the others.

// maxAliases bounds alias expansion while walking, so a "billion laughs"
// document costs a diagnostic instead of memory and time.
const maxAliases = 1000

type yfile struct {
	path    string
	lineOff int // added to node lines: front matter starts below "---"
	d       *diag.List
	aliases int
}

func (y *yfile) at(n *yaml.Node) par.Source {
	if n == nil {
		return par.Source{File: y.path, Line: y.lineOff + 1}
	}
	return par.Source{File: y.path, Line: n.Line + y.lineOff}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse returns the document's root node (nil for an empty document) and
// false after a syntax error, which it reports.
func (y *yfile) parse(data []byte) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := err.Error()
		src := par.Source{File: y.path, Line: y.lineOff + 1}
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			msg = m[2]
			// yaml.v3 counts lines from 1 for scanner errors but from 0 for
			// parser errors (whose line is where the enclosing list or
			// mapping starts); parser errors are the ones below.
			if parserProblem(msg) {
				n++
			}
			n = min(n, strings.Count(string(data), "\n")+1)
			src.Line = n + y.lineOff
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		y.d.Errorf(src, "invalid YAML: %s", msg)
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, true
	}
	return y.deref(doc.Content[0]), true
}

func parserProblem(msg string) bool {
	for _, p := range []string{"did not find expected ',' or", "did not find expected '-' indicator",
		"did not find expected <", "did not find expected key", "did not find expected node content",
		"found duplicate %", "found incompatible YAML document", "found undefined tag handle"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// deref follows aliases within the budget.
func (y *yfile) deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		y.aliases++
		if y.aliases == maxAliases+1 {
			y.d.Errorf(y.at(n), "too many aliases (more than %d)", maxAliases)
		}
		if y.aliases > maxAliases {
			return nil
		}
		n = n.Alias
	}
	return n
}

// null reports an absent value: nil, "~", "null" or nothing after the colon.
func null(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// ymap is a mapping whose keys were checked against the allowed set.
type ymap struct {
	y    *yfile
	node *yaml.Node
	what string
	vals map[string]*yaml.Node
}

// fields checks that n is a mapping holding only allowed keys, reporting
// unknown and repeated keys at their lines. It never returns nil.
func (y *yfile) fields(n *yaml.Node, what string, allowed ...string) *ymap {
	m := &ymap{y: y, node: n, what: what, vals: map[string]*yaml.Node{}}
	n = y.deref(n)
	m.node = n
	if null(n) {
		return m
	}
	if n.Kind != yaml.MappingNode {
		y.d.Errorf(y.at(n), "%s must be a mapping of keys to values", what)
		return m
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			y.d.Errorf(y.at(k), "%s has a key that is not text", what)
			continue
		}
		key := k.Value
		if !contains(allowed, key) {
			hint := suggestKey(key, allowed)
			if n.Style&yaml.FlowStyle != 0 && null(v) {
				// {name: Sở Khoa học, Công nghệ} splits at the comma.
				hint = " (a comma inside a value in {…}? put the value in quotes)"
			}
			y.d.Errorf(y.at(k), "unknown key %q in %s%s", key, what, hint)
			continue
		}
		if _, dup := m.vals[key]; dup {
			y.d.Errorf(y.at(k), "key %q repeated in %s", key, what)
			continue
		}
		m.vals[key] = y.deref(v)
	}
	return m
}

func suggestKey(key string, allowed []string) string {
	best, bestD := "", 2
	if len(key) > 5 {
		bestD = 3
	}
	for _, a := range allowed {
		if d := distance(strings.ToLower(key), a); d < bestD {
			best, bestD = a, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return " (known keys: " + strings.Join(allowed, ", ") + ")"
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// has reports a present, non-null key.
func (m *ymap) has(key string) bool { return !null(m.vals[key]) }

// src is the location of key's value, or of the mapping when absent.
func (m *ymap) src(key string) par.Source {
	if v := m.vals[key]; v != nil {
		return m.y.at(v)
	}
	return m.y.at(m.node)
}

// need reports a missing required key and returns whether it is present.
func (m *ymap) need(key string) bool {
	if m.has(key) {
		return true
	}
	if m.node != nil && m.node.Kind != yaml.MappingNode && !null(m.node) {
		return false // "must be a mapping" is reported already
	}
	m.y.d.Errorf(m.y.at(m.node), "missing key %q in %s", key, m.what)
	return false
}

func (m *ymap) scalar(key, want string) (*yaml.Node, bool) {
	v := m.vals[key]
	if null(v) {
		return nil, false
	}
	if v.Kind != yaml.ScalarNode {
		m.y.d.Errorf(m.y.at(v), "%s must be %s", key, want)
		return nil, false
	}
	return v, true
}

// str is a cleaned one-line text (names, titles, ids).
func (m *ymap) str(key string) string {
	v, ok := m.scalar(key, "text")
	if !ok {
		return ""
	}
	return viet.Clean(v.Value)
}

// text keeps line breaks (notes in markdown), normalised to NFC.
func (m *ymap) text(key string) string {
	v, ok := m.scalar(key, "text")
	if !ok {
		return ""
	}
	return strings.TrimSpace(viet.NFC(strings.ReplaceAll(v.Value, "\r\n", "\n")))
}

func (m *ymap) integer(key string) (int, bool) {
	v, ok := m.scalar(key, "a whole number")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v.Value))
	if err != nil {
		m.y.d.Errorf(m.y.at(v), "%s must be a whole number, not %q", key, v.Value)
		return 0, false
	}
	return n, true
}

func (m *ymap) boolean(key string) bool {
	v, ok := m.scalar(key, "true or false")
	if !ok {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(v.Value)) {
	case "true", "yes", "on":
		return true
	case "false", "no", "off":
		return false
	}
	m.y.d.Errorf(m.y.at(v), "%s must be true or false, not %q", key, v.Value)
	return false
}

func (m *ymap) date(key string) (par.Date, bool) {
	v, ok := m.scalar(key, "a date (yyyy-mm-dd)")
	if !ok {
		return par.Date{}, false
	}
	d, err := par.ParseDate(strings.TrimSpace(v.Value))
	if err != nil {
		m.y.d.Errorf(m.y.at(v), "%s", err)
		return par.Date{}, false
	}
	return d, true
}

func (m *ymap) points(key string) (par.Points, bool) {
	v, ok := m.scalar(key, "a number")
	if !ok {
		return 0, false
	}
	p, _, err := par.ParsePoints(v.Value)
	if err != nil {
		m.y.d.Errorf(m.y.at(v), "%s must be a number, not %q", key, v.Value)
		return 0, false
	}
	return p, true
}

// seq returns the items of a sequence (aliases followed); a missing key is
// an empty list.
func (m *ymap) seq(key string) []*yaml.Node {
	v := m.vals[key]
	if null(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		m.y.d.Errorf(m.y.at(v), "%s must be a list", key)
		return nil
	}
	out := make([]*yaml.Node, 0, len(v.Content))
	for _, c := range v.Content {
		if c = m.y.deref(c); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// strs reads a list of texts; a single text counts as a list of one.
func (m *ymap) strs(key string) ([]string, []*yaml.Node) {
	v := m.vals[key]
	if null(v) {
		return nil, nil
	}
	if v.Kind == yaml.ScalarNode {
		return []string{viet.Clean(v.Value)}, []*yaml.Node{v}
	}
	var out []string
	var nodes []*yaml.Node
	for _, c := range m.seq(key) {
		if c.Kind != yaml.ScalarNode || null(c) {
			m.y.d.Errorf(m.y.at(c), "%s must be a list of texts", key)
			continue
		}
		out = append(out, viet.Clean(c.Value))
		nodes = append(nodes, c)
	}
	return out, nodes
}

// distance is viet.Distance: edits between two short strings, only to
// suggest corrections in diagnostics.
func distance(a, b string) int { return viet.Distance(a, b) }

// slugID matches ids that are also URL segments.
var slugID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// optionalYAML reads the YAML file name, which a project may leave out:
// its root node, nil when the file is absent, empty or unreadable (what
// is wrong with it is reported to d, e.g. a refused link or bad YAML).
func optionalYAML(fsys fs.FS, name string, d *diag.List) (*yfile, *yaml.Node) {
	if _, err := fs.Stat(fsys, name); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	data, ok := readText(fsys, name, d)
	if !ok {
		return nil, nil
	}
	y := &yfile{path: name, d: d}
	root, ok := y.parse(data)
	if !ok {
		return nil, nil
	}
	return y, root
}
