package site

import (
	"slices"
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// model holds the lookups Plan needs, built once from the input so that no
// page scans the whole dataset.
type model struct {
	lang *lang // the language of the pages planned
	ds   *par.Dataset
	res  *par.Results
	reg  *par.Registry

	// Indexes of the registry, built here rather than through the
	// registry's lazily built ones, since views are built by several
	// render workers at once and must only read.
	unitByID  map[string]*par.Unit
	groupByID map[string]*par.Group
	nameOrder map[*par.Unit]int // position of current names in the language's order (sortUnits, lang.nameCmp)

	rankings  map[rkKey]*par.Ranking
	byGroup   map[string][]*par.Ranking // ascending years
	ranked    map[*par.Ranking]int      // number of ranked results
	decisions []*par.Doc                // newest first

	siteDoc      *par.Doc
	yearDocs     map[int]*par.Doc
	groupYearDoc map[rkKey]*par.Doc
	unitDocs     map[string]*par.Doc
	unitYearDocs map[uyKey]*par.Doc
	freePages    []*par.Doc // by slug

	// Lineage lookups, in registry order; par.Registry's own methods scan
	// every unit per call, which is quadratic over a whole province.
	mergedInto map[string][]*par.Unit // successor id → units that merged into it
	children   map[string][]*par.Unit // parent id → children

	recorded map[uyKey]bool // unit-years with a recorded difference (‡)

	planned map[string]bool // every planned page's URL, filled by plan before any view is built
}

type rkKey struct {
	year  int
	group string
}

type uyKey struct {
	unit string
	year int
}

func newModel(in *Input, l *lang) *model {
	ds := in.Dataset
	if ds == nil {
		ds = &par.Dataset{}
	}
	res := in.Results
	if res == nil {
		res = &par.Results{}
	}
	reg := ds.Registry
	if reg == nil {
		reg = &par.Registry{}
	}
	m := &model{
		lang:         l,
		ds:           ds,
		res:          res,
		reg:          reg,
		unitByID:     make(map[string]*par.Unit, len(reg.Units)),
		groupByID:    make(map[string]*par.Group, len(reg.Groups)),
		nameOrder:    make(map[*par.Unit]int, len(reg.Units)),
		rankings:     map[rkKey]*par.Ranking{},
		byGroup:      map[string][]*par.Ranking{},
		ranked:       map[*par.Ranking]int{},
		yearDocs:     map[int]*par.Doc{},
		groupYearDoc: map[rkKey]*par.Doc{},
		unitDocs:     map[string]*par.Doc{},
		unitYearDocs: map[uyKey]*par.Doc{},
		mergedInto:   map[string][]*par.Unit{},
		children:     map[string][]*par.Unit{},
		recorded:     map[uyKey]bool{},
	}
	for _, rc := range res.Reconciled {
		m.recorded[uyKey{rc.Unit, rc.Year}] = true
	}
	for _, g := range reg.Groups {
		m.groupByID[g.ID] = g // the last of a duplicate id, as par.Registry does
	}
	byName := slices.Clone(reg.Units)
	names := l.nameCmp()
	slices.SortStableFunc(byName, func(a, b *par.Unit) int {
		x, y := a.Current(), b.Current()
		if c := names(x.Name, x.NameEn, y.Name, y.NameEn); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	for i, u := range byName {
		m.nameOrder[u] = i
	}
	for _, u := range reg.Units {
		m.unitByID[u.ID] = u
		if u.Parent != "" {
			m.children[u.Parent] = append(m.children[u.Parent], u)
		}
		for _, e := range u.Events {
			if e.Kind == par.EventMergedInto && len(e.Units) > 0 {
				m.mergedInto[e.Units[0]] = append(m.mergedInto[e.Units[0]], u)
			}
		}
	}
	for _, rk := range res.Rankings {
		m.rankings[rkKey{rk.Year, rk.Group.ID}] = rk
		m.byGroup[rk.Group.ID] = append(m.byGroup[rk.Group.ID], rk)
		n := 0
		for _, r := range rk.Results {
			if r.Rank.N > 0 {
				n++
			}
		}
		m.ranked[rk] = n
	}
	for _, rks := range m.byGroup {
		slices.SortStableFunc(rks, func(a, b *par.Ranking) int { return a.Year - b.Year })
	}
	for _, d := range pickDocs(ds.Docs, l) {
		switch d.Kind {
		case par.DocDecision:
			m.decisions = append(m.decisions, d)
		case par.DocSite:
			m.siteDoc = d
		case par.DocYear:
			m.yearDocs[d.Year] = d
		case par.DocGroupYear:
			m.groupYearDoc[rkKey{d.Year, d.Group}] = d
		case par.DocUnit:
			m.unitDocs[d.Unit] = d
		case par.DocUnitYear:
			m.unitYearDocs[uyKey{d.Unit, d.Year}] = d
		case par.DocPage:
			if d.Slug != "" {
				m.freePages = append(m.freePages, d)
			}
		}
	}
	slices.SortStableFunc(m.decisions, func(a, b *par.Doc) int {
		switch {
		case a.Date != b.Date:
			if b.Date.Before(a.Date) {
				return -1
			}
			return 1
		case a.Number != b.Number:
			return strings.Compare(a.Number, b.Number)
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	slices.SortStableFunc(m.freePages, func(a, b *par.Doc) int { return strings.Compare(a.Slug, b.Slug) })
	return m
}

// unitName is a unit's current name, or its id when the registry does not
// know it (the page still renders; ingest reports the dangling reference).
func (m *model) unitName(id string) string {
	if u := m.unitByID[id]; u != nil {
		return m.lang.nameOf(u)
	}
	return id
}

func (m *model) groupName(id string) string {
	if g := m.groupByID[id]; g != nil && g.Name != "" {
		return m.lang.nameOf(g)
	}
	return id
}

// unitLink links a unit by id; an unknown id becomes plain text.
func (m *model) unitLink(id string) link {
	if u := m.unitByID[id]; u != nil {
		return link{Title: m.lang.nameOf(u), URL: unitURL(id)}
	}
	return link{Title: id}
}

// parentLink links a parent unit under its name in force in the year, as
// the year's ranking names its units.
func (m *model) parentLink(id string, year int) link {
	if u := m.unitByID[id]; u != nil {
		return link{Title: m.lang.nameOf(u.NameAt(year)), URL: unitURL(id)}
	}
	return link{Title: id}
}

// sortUnits orders units by the current name the page shows (lang.nameCmp),
// id as the final tie-break (the order computed once in newModel).
func (m *model) sortUnits(us []*par.Unit) {
	slices.SortStableFunc(us, func(a, b *par.Unit) int { return m.nameOrder[a] - m.nameOrder[b] })
}

// latestDecision is the newest publication decision, or nil.
func (m *model) latestDecision() *par.Doc {
	if len(m.decisions) == 0 {
		return nil
	}
	return m.decisions[0]
}

func (m *model) decisionsOf(year int) []*par.Doc {
	var out []*par.Doc
	for _, d := range m.decisions {
		if d.Year == year {
			out = append(out, d)
		}
	}
	return out
}

// scored reports whether a ranking has any scored result; an empty ranking
// (a group with no results that year) is not worth a page of its own on
// the home page.
func scored(rk *par.Ranking) bool {
	for _, r := range rk.Results {
		if r.Scored {
			return true
		}
	}
	return false
}

// bandClass is the CSS class of a band: its word (the framework's name
// of the band, else the published one), so a band word has one colour in
// every framework, as in the charts; a word the stylesheet does not know
// is neutral (its name is always written).
func bandClass(fw *par.Framework, b par.BandMark) string {
	if b.ID == "" && b.Name == "" {
		return ""
	}
	name := b.Name
	if fw != nil {
		if i := fw.BandIndex(b.ID); i >= 0 {
			name = fw.Bands[i].Name
		}
	}
	switch k := viet.Slug(name); k {
	case "xuat-sac", "tot", "kha", "trung-binh", "yeu", "kem":
		return "band band-" + k
	}
	return "band band-x"
}

// ending describes how a unit ceased: "đã sáp nhập", "đã giải thể" or "".
func ending(u *par.Unit, l *lang) string {
	for _, e := range u.Events {
		switch e.Kind {
		case par.EventMergedInto:
			return l.T("đã sáp nhập")
		case par.EventDissolved:
			return l.T("đã giải thể")
		}
	}
	return ""
}

// pickDocs lists the documents the pages in language l show: the
// Vietnamese ones, each replaced by its English version (*.en.md or
// "lang: en") on the English pages where there is one. A decision's text
// is published as issued, in Vietnamese.
func pickDocs(docs []*par.Doc, l *lang) []*par.Doc {
	type key struct {
		kind              par.DocKind
		year              int
		group, unit, slug string
	}
	keyOf := func(d *par.Doc) key { return key{d.Kind, d.Year, d.Group, d.Unit, d.Slug} }
	en := map[key]*par.Doc{}
	if !l.vi() {
		for _, d := range docs {
			if d.Lang == langEn && d.Kind != par.DocDecision {
				en[keyOf(d)] = d
			}
		}
	}
	var out []*par.Doc
	for _, d := range docs {
		if d.Lang != "" && d.Lang != langVi {
			continue
		}
		if e := en[keyOf(d)]; e != nil {
			d = e
		}
		out = append(out, d)
	}
	return out
}

// foreignDoc reports a document shown on a page of another language (the
// Vietnamese narrative on an English page, which says so).
func (l *lang) foreignDoc(d *par.Doc) bool {
	return d != nil && !l.vi() && d.Lang != l.Code
}

// docTitle is a document's title on a page in language l.
func docTitle(d *par.Doc, l *lang) string {
	if d.Title == "" {
		return d.Slug
	}
	if l.foreignDoc(d) {
		return foreign(d.Title)
	}
	return d.Title
}
