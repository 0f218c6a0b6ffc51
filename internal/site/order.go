package site

import (
	"slices"
	"strings"

	"parindex/internal/viet"
)

// Lists sorted by name for display follow the names the page shows: on an
// English page a unit listed under its English name takes that name's
// place ("Department of Finance" before "Department of Home Affairs",
// whatever the order of "Sở Tài chính" and "Sở Nội vụ"), and a name the
// data give only in Vietnamese keeps its Vietnamese place among them.
//
// One collation serves both: internal/viet's Vietnamese collation orders
// plain Latin letters as English collation does (the Vietnamese rules only
// place ă â đ ê ô ơ ư and the tones), so English names compare as in
// English, Vietnamese names as in Vietnamese, and the page's first order
// agrees with what site.js gives when a reader sorts the column. Names
// shown alike fall back to the Vietnamese names.
//
// Ranking tables keep their rank order; only the ties internal/compute
// broke by Vietnamese name are re-ordered (sortTies).

// nameCmp returns the comparison of things from the data by name, as this
// language lists them: by the name shown (the English one on an English
// page, when given), then by the Vietnamese name, then by the bytes of the
// Vietnamese name, so that the order never depends on the input's. The
// function is for one goroutine (a collator keeps state).
func (l *lang) nameCmp() func(aVi, aEn, bVi, bEn string) int {
	col := viet.NewCollator()
	return func(aVi, aEn, bVi, bEn string) int {
		if !l.vi() {
			if c := col.Compare(l.shownName(aVi, aEn), l.shownName(bVi, bEn)); c != 0 {
				return c
			}
		}
		if c := col.Compare(aVi, bVi); c != 0 {
			return c
		}
		return strings.Compare(aVi, bVi)
	}
}

// shownName is the name a page in this language shows (lang.name), without
// the marks of a Vietnamese phrase.
func (l *lang) shownName(vi, en string) string {
	if !l.vi() && en != "" {
		return en
	}
	return vi
}

// shownCmp returns the comparison of texts as a page shows them (titles,
// names given by lang.name): Vietnamese collation of the text without its
// marks. Equal texts compare 0, for a stable sort to keep their order.
func shownCmp() func(a, b string) int {
	col := viet.NewCollator()
	return func(a, b string) int { return col.Compare(stripMarks(a), stripMarks(b)) }
}

// sortShown sorts xs by the text shown of each (shown), stably: elements
// shown alike keep the order given.
func sortShown[T any](xs []T, shown func(T) string) {
	c := shownCmp()
	slices.SortStableFunc(xs, func(a, b T) int { return c(shown(a), shown(b)) })
}

// sortTies re-orders, on a page in a language other than Vietnamese, each
// run of consecutive elements that level reports as tied (same rank, say)
// by the name shown of each. It is for lists internal/compute orders by a
// figure and breaks ties by Vietnamese name: the order of the figure
// stands, the ties follow the names the page shows. A run's elements
// shown alike keep their (Vietnamese) order.
func sortTies[T any](l *lang, xs []T, level func(a, b T) bool, shown func(T) string) {
	if l.vi() {
		return
	}
	c := shownCmp()
	for i := 0; i < len(xs); {
		j := i + 1
		for j < len(xs) && level(xs[j-1], xs[j]) {
			j++
		}
		if j-i > 1 {
			slices.SortStableFunc(xs[i:j], func(a, b T) int { return c(shown(a), shown(b)) })
		}
		i = j
	}
}

// resortNames re-orders, on a page in a language other than Vietnamese, a
// list internal/compute ordered by Vietnamese name by the name shown of
// each.
func resortNames[T any](l *lang, xs []T, shown func(T) string) {
	sortTies(l, xs, func(T, T) bool { return true }, shown)
}
