package site

import (
	"bytes"
	"encoding/json"
	htmlpkg "html"
	"slices"
	"strings"
	"unicode"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// Search (issue 13, item 6): a box in the site's header that finds units
// (under their current and former names and the names of the units merged
// into them), decisions, narratives and pages, in the browser, with no
// server. The index is one JSON file, /tim-kiem/chi-muc.json, written by
// the worker that renders /tim-kiem/ from the same values as the pages.
// Each name carries its matching key (viet.Key: no diacritics, đ = d,
// lower case, words split on anything but letters and digits), so
// static/js/search.js folds only the query, with the same rules (a
// browser test checks the two agree), and ranks the matches as find does
// here:
//
//	0  the name as typed, diacritics and all ("Sở Nội vụ")
//	1  the whole key ("so noi vu")
//	2  the query's words, diacritics and all, inside the name
//	3  the query's key as whole words inside the name's key
//	4  the query's key at the start of a word ("so noi" finds "Sở Nội vụ")
//	5  every word of the query starts some word of the name, in any order
//
// then a unit's current name before its former ones, then units,
// decisions, narratives and pages in that order, then the index's order
// (units and pages in Vietnamese alphabetical order, decisions newest
// first).

const (
	urlSearch                = "/tim-kiem/"
	urlSearchIndex sharedURL = "/tim-kiem/chi-muc.json"
)

// Kinds of search entries, in the order results list them.
const (
	searchUnit = iota
	searchDecision
	searchNarrative
	searchPageKind
)

// searchKindNames are the kinds' labels, the index's "k".
var searchKindNames = []string{"Đơn vị", "Quyết định", "Bài viết", "Trang"}

// searchEntry is one thing the box can find.
type searchEntry struct {
	Kind  int
	URL   string   // site-relative
	Names []string // Names[0] is the title shown; the rest are other names it is found by
	// Own is how many of Names are the entry's own (a unit's current and
	// former names); the rest are the names of the units merged into it.
	Own  int
	Note string // the unit's group, a decision's number and date, a narrative's excerpt
	Doc  string // the document whose excerpt is the note (par.Doc.Path), filled at write time
}

// searchEntries lists what the index holds, in its order. Notes that come
// from a document's body (excerpts) are left for searchIndexJSON, which has
// the documents' HTML.
func (m *model) searchEntries() []searchEntry {
	var out []searchEntry
	units := slices.Clone(m.reg.Units)
	m.sortUnits(units)
	for _, u := range units {
		if !m.planned[unitURL(u.ID)] {
			continue
		}
		e := searchEntry{Kind: searchUnit, URL: unitURL(u.ID), Note: m.groupName(u.Group)}
		add := func(n string) {
			if n != "" && !slices.Contains(e.Names, n) {
				e.Names = append(e.Names, n)
			}
		}
		add(u.Current().Name)
		for i := len(u.Names) - 2; i >= 0; i-- {
			add(u.Names[i].Name)
		}
		e.Own = len(e.Names)
		for _, p := range m.predecessors(u) {
			add(p.Current().Name)
			for i := len(p.Names) - 2; i >= 0; i-- {
				add(p.Names[i].Name)
			}
		}
		if end := ending(u, m.lang); end != "" {
			e.Note += " · " + end
		}
		out = append(out, e)
	}
	for _, d := range m.decisions {
		if d.Slug == "" || !m.planned[decisionURL(d.Slug)] {
			continue
		}
		name := decisionRefName(d, m.lang)
		e := searchEntry{Kind: searchDecision, URL: decisionURL(d.Slug), Note: name}
		if d.Title != "" {
			e.Names = append(e.Names, d.Title)
		}
		e.Names = append(e.Names, name)
		if d.Number != "" {
			e.Names = append(e.Names, d.Number)
		}
		e.Own = len(e.Names)
		out = append(out, e)
	}
	for _, n := range m.narratives() {
		out = append(out, searchEntry{Kind: searchNarrative, URL: n.URL, Names: []string{n.Title}, Own: 1, Doc: n.Doc.Path})
	}
	for _, p := range m.searchPages() {
		e := searchEntry{Kind: searchPageKind, URL: p.URL, Names: []string{p.Title}, Own: 1}
		if d := m.freePageDoc(p.URL); d != nil {
			e.Doc = d.Path
		}
		out = append(out, e)
	}
	return out
}

func (m *model) freePageDoc(url string) *par.Doc {
	for _, d := range m.freePages {
		if freePageURL(d.Slug) == url {
			return d
		}
	}
	return nil
}

// narrative is a content document shown on a page: what the site feed
// and the search index list.
type narrative struct {
	Doc   *par.Doc
	URL   string // the page that shows it
	Title string
	Date  par.Date // its own date, else the date of the decision that published the results it comments
}

// narratives lists the narratives of years, rankings, units and
// unit-years whose page exists, in the order of their pages' URLs.
func (m *model) narratives() []narrative {
	var out []narrative
	add := func(d *par.Doc, url, fallback string, date par.Date) {
		if d == nil || !m.planned[url] {
			return
		}
		// A bare "Nhận xét" says nothing in a list of results or a feed.
		t := d.Title
		if t == "" || viet.Key(t) == "nhan xet" {
			t = fallback
		}
		if !d.Date.IsZero() {
			date = d.Date
		}
		out = append(out, narrative{Doc: d, URL: url, Title: t, Date: date})
	}
	for y, d := range m.yearDocs {
		var date par.Date
		for _, dec := range m.decisionsOf(y) {
			if date.Before(dec.Date) {
				date = dec.Date
			}
		}
		add(d, yearURL(y), "Nhận xét kết quả năm "+itoa(y), date)
	}
	for k, d := range m.groupYearDoc {
		var date par.Date
		if rk := m.rankings[k]; rk != nil && rk.Decision != nil {
			date = rk.Decision.Date
		}
		add(d, rankingURL(k.year, k.group), "Nhận xét "+m.groupName(k.group)+" năm "+itoa(k.year), date)
	}
	for id, d := range m.unitDocs {
		var date par.Date
		for _, r := range m.res.ByUnit[id] {
			if rk := m.rankings[rkKey{r.Year, r.Group}]; rk != nil && rk.Decision != nil && date.Before(rk.Decision.Date) {
				date = rk.Decision.Date
			}
		}
		add(d, unitURL(id), "Nhận xét về "+m.unitName(id), date)
	}
	for k, d := range m.unitYearDocs {
		var date par.Date
		for _, r := range m.res.ByUnit[k.unit] {
			if rk := m.rankings[rkKey{r.Year, r.Group}]; r.Year == k.year && rk != nil && rk.Decision != nil {
				date = rk.Decision.Date
			}
		}
		add(d, unitYearURL(k.unit, k.year), "Nhận xét về "+m.unitName(k.unit)+" năm "+itoa(k.year), date)
	}
	slices.SortFunc(out, func(a, b narrative) int { return strings.Compare(a.URL, b.URL) })
	return out
}

// searchKinds are the page kinds whose pages the box finds by title; the
// others are found through their unit or decision (unit-years, reports)
// or are too many to list (an area's ranking, which shares the template
// "areas", and every pair of years).
var searchKinds = []string{"years", "year", "ranking", "units", "decisions", "methodology", "reconciliation", "page", "group", "compare", "areas", "criteria", "selfgap"}

// searchPages are the pages the index lists by title, in Vietnamese
// alphabetical order of their titles.
func (m *model) searchPages() []link {
	var out []link
	for _, k := range kinds() {
		if !slices.Contains(searchKinds, k.Template) || strings.Contains(k.Pattern, "<area>") {
			continue
		}
		for _, p := range k.pages(m) {
			out = append(out, link{Title: p.Title, URL: p.URL})
		}
	}
	sortLinks(out)
	return out
}

// sortLinks sorts links by title as shown (shownCmp), then by URL.
func sortLinks(ls []link) {
	titles := shownCmp()
	slices.SortStableFunc(ls, func(a, b link) int {
		if c := titles(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// excerptLen is the length of a narrative's excerpt in the index and the
// feeds, in characters.
const excerptLen = 160

// excerpt is the opening of a document's HTML as plain text, at most
// excerptLen characters cut at a word, with "…" when cut. Tables are
// left out: their cells run together as text.
func excerpt(h string) string {
	var b strings.Builder
	for len(h) > 0 {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		h = h[i:]
		if strings.HasPrefix(h, "<table") {
			if j := strings.Index(h, "</table>"); j >= 0 {
				h = h[j+len("</table>"):]
				b.WriteByte(' ')
				continue
			}
		}
		j := strings.IndexByte(h, '>')
		if j < 0 {
			break
		}
		h = h[j+1:]
		b.WriteByte(' ')
	}
	s := viet.Clean(htmlpkg.UnescapeString(b.String()))
	// Punctuation that closed an element ("<em>x</em>.") is put back.
	for _, p := range []string{" .", " ,", " ;", " :", " )"} {
		s = strings.ReplaceAll(s, p, p[1:])
	}
	s = strings.ReplaceAll(s, "( ", "(")
	r := []rune(s)
	if len(r) <= excerptLen {
		return s
	}
	cut := excerptLen
	for cut > excerptLen/2 && !unicode.IsSpace(r[cut]) {
		cut--
	}
	return strings.TrimRight(string(r[:cut]), " ,;:.") + "…"
}

// searchIndexJSON writes the index as compact JSON:
//
//	{"k": [kind labels], "s": [strings written more than once],
//	 "p": [[prefix, its key], …],
//	 "i": [[kind, "url without the leading /", [names], [keys], note?, own?], …]}
//
// Any string that would be written more than once (a group's name, the
// note of every unit of the group; a merged unit's name, which is its
// successor's former name too; the " — xếp hạng năm 2024" of every
// group's ranking) is written once in "s" and elsewhere as its index
// there. A name that opens with one of prefixes (the groups' names, which
// open the titles of every ranking and comparison page) is [i, rest] and
// its key [i, key of rest]: the name is p[i][0] + rest, the key p[i][1] +
// " " + the rest's key. own, the number of the entry's own names, is left
// out when all are, and an empty note too then.
func searchIndexJSON(entries []searchEntry, docs map[string]string, prefixes []string) ([]byte, error) {
	in := &interner{at: map[string]*internRec{}}
	for i := range entries {
		if entries[i].Doc != "" && entries[i].Note == "" {
			entries[i].Note = excerpt(docs[entries[i].Doc])
		}
	}
	// Longest first, so that a prefix of another prefix never wins.
	prefixes = slices.Clone(prefixes)
	slices.SortStableFunc(prefixes, func(a, b string) int { return len(b) - len(a) })
	prefixes = slices.DeleteFunc(prefixes, func(p string) bool { return viet.Key(p) == "" })
	prefixes = slices.Compact(prefixes)
	pre := make([][2]string, len(prefixes))
	preJSON := make([][]any, len(prefixes))
	for i, p := range prefixes {
		pre[i] = [2]string{p, viet.Key(p)}
		preJSON[i] = []any{in.leaf(p), in.leaf(pre[i][1])}
	}
	encode := func(name string) (any, any) {
		k := viet.Key(name)
		for i, p := range pre {
			rest := strings.TrimPrefix(name, p[0])
			if len(rest) == len(name) || rest == "" {
				continue
			}
			if rk := viet.Key(rest); rk != "" && p[1]+" "+rk == k {
				return []any{i, in.leaf(rest)}, []any{i, in.leaf(rk)}
			}
		}
		return in.leaf(name), in.leaf(k)
	}
	items := make([][]any, 0, len(entries))
	for _, e := range entries {
		names := make([]any, len(e.Names))
		keys := make([]any, len(e.Names))
		for i, n := range e.Names {
			names[i], keys[i] = encode(n)
		}
		it := []any{e.Kind, in.leaf(strings.TrimPrefix(e.URL, "/")), names, keys}
		if e.Note != "" || e.Own < len(e.Names) {
			it = append(it, in.leaf(e.Note))
		}
		if e.Own < len(e.Names) {
			it = append(it, e.Own)
		}
		items = append(items, it)
	}
	shared := in.table()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if err := enc.Encode(map[string]any{"k": searchKindNames, "s": shared, "p": preJSON, "i": items}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// interner writes each string of the index once: leaf records a use of
// a string; table numbers the strings used more than once, in the order
// of their first use; a leaf then marshals as its number, or as the
// string itself when used once or shorter than its number would be.
type interner struct {
	at    map[string]*internRec
	order []*internRec
}

type internRec struct {
	s     string
	count int
	idx   int // in the table, -1 when written in place
}

func (in *interner) leaf(s string) *internRec {
	r := in.at[s]
	if r == nil {
		r = &internRec{s: s, idx: -1}
		in.at[s] = r
		in.order = append(in.order, r)
	}
	r.count++
	return r
}

func (in *interner) table() []string {
	out := []string{}
	for _, r := range in.order {
		if r.count > 1 && len(r.s) > 3 {
			r.idx = len(out)
			out = append(out, r.s)
		}
	}
	return out
}

func (r *internRec) MarshalJSON() ([]byte, error) {
	if r.idx >= 0 {
		return []byte(itoa(r.idx)), nil
	}
	return json.Marshal(r.s)
}

// exactKey is a name's words as written, diacritics kept: lower case,
// every rune that is neither a letter, a digit nor a combining mark a
// word break, apostrophes dropped. search.js computes the same.
func exactKey(s string) string {
	s = strings.ToLower(viet.NFC(s))
	var b strings.Builder
	pending := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteRune(r)
		case isApostropheRune(r) || unicode.Is(unicode.Cf, r):
		default:
			pending = b.Len() > 0
		}
	}
	return b.String()
}

func isApostropheRune(r rune) bool {
	switch r {
	case '\'', '\u2018', '\u2019', '\u02BC', '\u02BB', '`', '\u00B4':
		return true
	}
	return false
}

// matchTier is how well a name matches a query (the tiers above), -1 for
// no match. qe and qk are the query's exactKey and viet.Key; ne and nk
// the name's.
func matchTier(qe, qk, ne, nk string) int {
	switch {
	case qk == "":
		return -1
	case qe == ne:
		return 0
	case qk == nk:
		return 1
	case strings.Contains(" "+ne+" ", " "+qe+" "):
		return 2
	case strings.Contains(" "+nk+" ", " "+qk+" "):
		return 3
	case strings.Contains(" "+nk, " "+qk):
		return 4
	}
	words := strings.Fields(nk)
	for _, q := range strings.Fields(qk) {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, q) }) {
			return -1
		}
	}
	return 5
}

// searchHit is an entry found: its place in the index and the name that
// matched best.
type searchHit struct {
	Entry int
	Name  int
	score int
}

// findEntries ranks the entries matching q, best first: what search.js
// does in the browser, here for the tests.
func findEntries(entries []searchEntry, q string) []searchHit {
	qe, qk := exactKey(q), viet.Key(q)
	var hits []searchHit
	for i, e := range entries {
		best := searchHit{Entry: i, score: -1}
		for j, n := range e.Names {
			t := matchTier(qe, qk, exactKey(n), viet.Key(n))
			if t < 0 {
				continue
			}
			s := t * 2
			if j > 0 {
				s++
			}
			if best.score < 0 || s < best.score {
				best.Name, best.score = j, s
			}
		}
		if best.score >= 0 {
			hits = append(hits, best)
		}
	}
	slices.SortStableFunc(hits, func(a, b searchHit) int {
		if a.score != b.score {
			return a.score - b.score
		}
		if ka, kb := entries[a.Entry].Kind, entries[b.Entry].Kind; ka != kb {
			return ka - kb
		}
		return a.Entry - b.Entry
	})
	return hits
}
