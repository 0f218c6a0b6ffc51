package ingest

import (
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// matcher places a sheet's criterion rows in the framework tree. A code is
// read where it stands in the tree: a Roman numeral names an area, a number
// or a dotted code a criterion under the rows above it, a letter an item of
// the criterion above it. Scopes are tried from the innermost open node (the
// last matched row) outwards, so "1" after area II is II/1 and "a" after
// criterion II/1 is II/1/a, whatever order the rows come in.
type matcher struct {
	x    *fwIndex
	used map[*par.Node]int // node → the sheet row (0-based) that took it
	last *par.Node
}

func newMatcher(x *fwIndex) *matcher {
	return &matcher{x: x, used: map[*par.Node]int{}}
}

func (m *matcher) lastPos() int {
	if m.last == nil {
		return -1
	}
	return m.x.pos[m.last]
}

func (m *matcher) take(n *par.Node, r int) {
	m.used[n] = r
	m.last = n
}

func (m *matcher) free(n *par.Node) bool {
	_, used := m.used[n]
	return !used
}

// scopes are the open nodes from the innermost out, ending with nil (the
// whole framework).
func (m *matcher) scopes() []*par.Node {
	var out []*par.Node
	for n := m.last; n != nil; n = m.x.parent[n] {
		out = append(out, n)
	}
	return append(out, nil)
}

// within reports whether n lies strictly below scope s (nil: anywhere).
func (m *matcher) within(n, s *par.Node) bool {
	return s == nil || (n != s && m.x.under(n, s))
}

// codeCands are the nodes a code may name. A single letter keeps its case
// ("a)" is an item, "A." a section); an upper-case Roman numeral names an
// area when the framework has one with that code.
func (m *matcher) codeCands(code string) []*par.Node {
	all := m.x.byCode[normCode(code)]
	letter := len([]rune(code)) == 1 && !isDigit(code)
	var out, areas []*par.Node
	for _, c := range all {
		if letter && strings.Trim(c.Code, "(.):") != code {
			continue
		}
		out = append(out, c)
		if c.Level == 1 {
			areas = append(areas, c)
		}
	}
	if isRomanUpper(code) && len(areas) > 0 {
		return areas
	}
	return out
}

// titleMatch reports whether a row's title key names node n: the same
// words, or one title opening the other ("Ban hành kế hoạch (1 điểm)").
func (m *matcher) titleMatch(n *par.Node, key string) bool {
	t := m.x.titleKey[n]
	if key == "" || t == "" {
		return false
	}
	if t == key {
		return true
	}
	short, long := t, key
	if len(short) > len(long) {
		short, long = long, short
	}
	return strings.Count(short, " ") >= 2 && strings.HasPrefix(long, short+" ")
}

// nearest picks, among nodes, the one in the innermost scope, then after
// the last matched row, then first in document order; onlyFree skips taken
// nodes.
func (m *matcher) nearest(nodes []*par.Node, onlyFree bool) *par.Node {
	for _, s := range m.scopes() {
		if n := m.first(nodes, s, onlyFree); n != nil {
			return n
		}
	}
	return nil
}

// first is the node of nodes in scope s that comes next after the last
// matched row, else the first one in document order.
func (m *matcher) first(nodes []*par.Node, s *par.Node, onlyFree bool) *par.Node {
	last := m.lastPos()
	var ahead, behind *par.Node
	for _, c := range nodes {
		if !m.within(c, s) || (onlyFree && !m.free(c)) {
			continue
		}
		if m.x.pos[c] > last {
			if ahead == nil {
				ahead = c
			}
		} else if behind == nil {
			behind = c
		}
	}
	if ahead != nil {
		return ahead
	}
	return behind
}

// byCode resolves a code. It returns the node, or, when every node the code
// may name here is taken already, dup: the node the code repeats.
func (m *matcher) byCode(code, key string) (n, dup *par.Node) {
	cands := m.codeCands(code)
	if len(cands) == 0 {
		// "II.3": an area's numeral before a criterion's code.
		if p := romanPrefixed.FindStringSubmatch(code); p != nil {
			for _, a := range m.codeCands(p[1]) {
				for _, c := range m.codeCands(p[2]) {
					if a.Level == 1 && m.within(c, a) && m.free(c) {
						return c, nil
					}
				}
			}
		}
		return nil, nil
	}
	// Between nodes with this code, the title decides when it names one.
	var titled []*par.Node
	for _, c := range cands {
		if m.titleMatch(c, key) {
			titled = append(titled, c)
		}
	}
	if len(titled) > 0 {
		if n := m.nearest(titled, true); n != nil {
			return n, nil
		}
		return nil, m.nearest(titled, false)
	}
	var taken, takenScope *par.Node
	for _, s := range m.scopes() {
		if n := m.first(cands, s, true); n != nil {
			// Leaving the scope where the code is taken: not when the
			// row's title names a free node there (a mistyped code).
			if taken != nil && m.titledFree(key, takenScope) != nil {
				return nil, taken
			}
			return n, nil
		}
		if taken == nil {
			if t := m.first(cands, s, false); t != nil {
				taken, takenScope = t, s
			}
		}
	}
	return nil, taken
}

// titledFree is a free node in scope s whose title the key names.
func (m *matcher) titledFree(key string, s *par.Node) *par.Node {
	if key == "" {
		return nil
	}
	for _, c := range m.x.byTitle[key] {
		if m.free(c) && m.within(c, s) {
			return c
		}
	}
	return nil
}

// byTitle finds a free node with exactly this title: in the current area
// first, then after the last matched row, then anywhere.
func (m *matcher) byTitle(key string) *par.Node {
	cands := m.x.byTitle[key]
	var area *par.Node
	if m.last != nil {
		area = m.x.area[m.last]
	}
	if n := m.first(cands, area, true); n != nil && area != nil {
		return n
	}
	return m.first(cands, nil, true)
}

// byOrder takes the next free node in document order, for rows with
// neither a code nor a known title. Headings the sheet left out are skipped
// if the printed maximum says so; a leaf is never skipped, so a foreign row
// cannot silently slide down the tree.
func (m *matcher) byOrder(max cellVal, figures bool) *par.Node {
	area := (*par.Node)(nil)
	if m.last != nil {
		area = m.x.area[m.last]
	}
	for i := m.lastPos() + 1; i < len(m.x.order); i++ {
		n := m.x.order[i]
		if !m.free(n) {
			continue
		}
		switch {
		case max.known() && n.Max == max.fig.Value:
			return n
		case max.known() && n.Level == 1 && area != nil:
			return nil // never slide into the next area
		case max.known() && !n.Leaf():
			continue
		case max.known():
			return nil
		case figures:
			return n
		}
		return nil
	}
	return nil
}

// match finds a row's node: by its code where it has one (trying a number
// typed as "1.1" for "1.10"), else by its title, else — with a code column
// whose cell is blank — by a code opening its title, else, for a row
// without a code, by order.
func (m *matcher) match(d *detailRow) (n, dup *par.Node) {
	if d.code != "" {
		n, dup = m.byCode(d.code, d.key)
		if n == nil && dup != nil && strings.Contains(d.code, ".") {
			if n2, _ := m.byCode(d.code+"0", ""); n2 != nil {
				n, dup = n2, nil
			}
		}
	}
	if n == nil && dup == nil && d.key != "" {
		n = m.byTitle(d.key)
	}
	if n == nil && dup == nil && d.code == "" && d.inline != "" {
		n, dup = m.byCode(d.inline, d.key)
	}
	if n == nil && dup == nil && d.code == "" {
		// Only a row without a code slides by order: a code that names
		// nothing is a fault to report, not a row to place by guess.
		n = m.byOrder(d.max, d.figures())
	}
	return n, dup
}

// titleKeyOf is the key node titles are compared on.
func titleKeyOf(n *par.Node) string { return viet.Key(n.Title) }
