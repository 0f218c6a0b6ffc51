package ingest

import (
	"parindex/internal/par"
	"parindex/internal/viet"
)

// fwIndex is what matching sheet rows to a framework needs, built once per
// framework before the workbook workers start and only read afterwards.
type fwIndex struct {
	f        *par.Framework
	order    []*par.Node // every node in document order
	pos      map[*par.Node]int
	parent   map[*par.Node]*par.Node
	area     map[*par.Node]*par.Node
	byCode   map[string][]*par.Node // normCode → nodes, document order
	byTitle  map[string][]*par.Node // Key(title) → nodes
	titleKey map[*par.Node]string   // node → Key(title)
	label    map[*par.Node]string   // code if unique in the framework, else key
	leaves   []*par.Node
	extra    map[string]extraRef // normCode and Key(title) of bonus and penalty items
}

type extraRef struct {
	e       *par.Extra
	penalty bool
}

func newFwIndex(f *par.Framework) *fwIndex {
	x := &fwIndex{
		f: f, pos: map[*par.Node]int{}, parent: map[*par.Node]*par.Node{}, area: map[*par.Node]*par.Node{},
		byCode: map[string][]*par.Node{}, byTitle: map[string][]*par.Node{}, label: map[*par.Node]string{}, titleKey: map[*par.Node]string{},
		extra: map[string]extraRef{},
	}
	var walk func(n, parent, area *par.Node)
	walk = func(n, parent, area *par.Node) {
		x.pos[n] = len(x.order)
		x.order = append(x.order, n)
		x.parent[n] = parent
		x.area[n] = area
		if c := normCode(n.Code); c != "" {
			x.byCode[c] = append(x.byCode[c], n)
		}
		if t := titleKeyOf(n); t != "" {
			x.byTitle[t] = append(x.byTitle[t], n)
			x.titleKey[n] = t
		}
		if n.Leaf() {
			x.leaves = append(x.leaves, n)
		}
		for _, c := range n.Children {
			walk(c, n, area)
		}
	}
	for _, a := range f.Areas {
		walk(a, nil, a)
	}
	for _, n := range x.order {
		// "1.1" names a criterion well; a letter or a repeated number
		// needs its path ("II/1/a").
		if len(x.byCode[normCode(n.Code)]) == 1 && len([]rune(n.Code)) > 1 {
			x.label[n] = n.Code
		} else {
			x.label[n] = n.Key
		}
	}
	for i := range f.Bonus {
		x.addExtra(&f.Bonus[i], false)
	}
	for i := range f.Penalty {
		x.addExtra(&f.Penalty[i], true)
	}
	return x
}

func (x *fwIndex) addExtra(e *par.Extra, penalty bool) {
	if c := normCode(e.Code); c != "" {
		x.extra["code:"+c] = extraRef{e, penalty}
	}
	if t := viet.Key(e.Title); t != "" {
		x.extra["title:"+t] = extraRef{e, penalty}
	}
}

// under reports whether n is a descendant of (or is) a.
func (x *fwIndex) under(n, a *par.Node) bool {
	for ; n != nil; n = x.parent[n] {
		if n == a {
			return true
		}
	}
	return false
}
