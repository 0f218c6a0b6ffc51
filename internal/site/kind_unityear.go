package site

import (
	"slices"
	"strconv"

	"parindex/internal/chart"
	"parindex/internal/par"
)

// unitYearKind: "/don-vi/<unit>/<year>/", a unit-year: the full criteria
// tree with points lost and remarks, and its narrative
// (content/units/<unit>/<year>.md). A year gets a page when the unit was
// scored or there is something to say (hasUnitYear).
func unitYearKind() pageKind {
	return pageKind{Template: "unit-year", Pattern: "/don-vi/<unit>/<year>/", pages: func(m *model) []Page {
		var out []Page
		for _, u := range m.reg.Units {
			for _, r := range m.res.ByUnit[u.ID] {
				if !m.hasUnitYear(r) {
					continue
				}
				out = append(out, Page{URL: unitYearURL(u.ID, r.Year), Title: m.lang.F("%s — kết quả năm %d", m.lang.resultName(r), r.Year),
					Crumb: m.lang.F("Năm %d", r.Year), Docs: docPaths(m.unitYearDocs[uyKey{u.ID, r.Year}]),
					Rankings: m.reviewRankings(u, r),
					view:     func() (any, error) { return m.unitYear(u, r), nil }})
			}
		}
		return out
	}}
}

func (p *unitYearPage) charts() []chart.Chart { return p.Charts }

type unitYearPage struct {
	meta
	Unit      *par.Unit
	R         *par.Result
	Ranking   link
	Of        int
	Parent    link // the parent the unit is ranked within that year, if any
	BandClass string
	Change    change
	Tree      []*par.NodeResult // the criteria tree, written by treeRows
	TreeSrc   string            // workbook and sheet of the criteria tree
	Areas     []par.AreaResult  // area points, maxima filled from the framework
	Computed  bool
	Recorded  bool // some figure shown is a recorded difference (‡): explain the mark
	Narrative *par.Doc
	Method    string
	Prev      link
	Next      link
	Charts    []chart.Chart
	Recon     []*par.Reconciliation // recorded differences of this unit-year
	Missing   []string              // criteria without an appraised score (incomplete sheet)
	Weak      *weakView             // the review of points lost (weakness.go); nil without detail sheet
}

func (m *model) unitYear(u *par.Unit, r *par.Result) *unitYearPage {
	p := &unitYearPage{
		Unit:      u,
		R:         r,
		BandClass: bandClass(r.Framework, r.Band),
		Change:    m.change(r),
		Computed:  rowComputed(r) || r.SelfTotal.Origin == par.Computed || r.Bonus.Origin == par.Computed || r.Penalty.Origin == par.Computed,
		Narrative: m.unitYearDocs[uyKey{u.ID, r.Year}],
		Method:    urlMethodology,
	}
	if rk := m.rankings[rkKey{r.Year, r.Group}]; rk != nil {
		p.Ranking = link{Title: m.lang.F("%s năm %d", m.lang.nameOf(rk.Group), r.Year), URL: rankingURL(r.Year, r.Group)}
		p.Of = m.ranked[rk]
	}
	if r.Framework != nil {
		p.Method = frameworkURL(r.Framework.ID)
	}
	if name := m.parentName(r); name != "" {
		p.Parent = link{Title: name, URL: unitURL(r.Unit.Parent) + "#xep-hang-truc-thuoc"}
	}
	for _, rc := range m.res.Reconciled {
		if rc.Unit == u.ID && rc.Year == r.Year {
			p.Recon = append(p.Recon, rc)
		}
	}
	p.Recorded = len(p.Recon) > 0
	if r.Incomplete {
		for _, k := range r.Missing {
			label := k
			if r.Framework != nil {
				if n := r.Framework.Node(k); n != nil {
					label = k + " " + n.Title
				}
			}
			p.Missing = append(p.Missing, label)
		}
	}
	var scoredYears []*par.Result // the years with a page
	for _, o := range m.res.ByUnit[u.ID] {
		if m.hasUnitYear(o) {
			scoredYears = append(scoredYears, o)
		}
	}
	if i := slices.Index(scoredYears, r); i >= 0 {
		if i > 0 {
			p.Prev = link{Title: m.lang.F("Năm %d", scoredYears[i-1].Year), URL: unitYearURL(u.ID, scoredYears[i-1].Year)}
		}
		if i+1 < len(scoredYears) {
			p.Next = link{Title: m.lang.F("Năm %d", scoredYears[i+1].Year), URL: unitYearURL(u.ID, scoredYears[i+1].Year)}
		}
	}
	p.Tree, p.TreeSrc = r.Tree, treeSource(r.Tree, m.lang)
	p.Weak = m.weakness(r)
	if len(p.Tree) > 0 {
		p.Scripts = []string{treeScript}
	}
	p.Areas = areasWithMax(r)
	if len(r.Areas) > 0 {
		p.Charts = nonEmpty(chart.AreaPoints(m.lang, r))
	}
	return p
}

// hasUnitYear reports whether a result gets its own page: when scored, and
// when not scored but there is something to say (a detail sheet that is
// incomplete, a narrative explaining why).
func (m *model) hasUnitYear(r *par.Result) bool {
	return r.Scored || r.Detail || m.unitYearDocs[uyKey{r.Unit.ID, r.Year}] != nil
}

// areasWithMax fills an area's maximum from the framework where the result
// does not know its applicable maximum (annexes publish points only).
func areasWithMax(r *par.Result) []par.AreaResult {
	out := slices.Clone(r.Areas)
	for i := range out {
		if out[i].Max != 0 || r.Framework == nil {
			continue
		}
		for _, a := range r.Framework.Areas {
			if a.Code == out[i].Code {
				out[i].Max = a.Max
			}
		}
	}
	return out
}

// treeSource names the workbook and sheet of a criteria tree, which the
// page says once: the appraised cells' notes then name only sheet!cell
// (see treeRows).
func treeSource(nodes []*par.NodeResult, l *lang) string {
	if len(nodes) == 0 || nodes[0].Src.File == "" {
		return ""
	}
	src := publicName(nodes[0].Src.File)
	if s := nodes[0].Src.Sheet; s != "" {
		src += l.F(", trang tính %s", l.name(s, ""))
	}
	return src
}

// treeScript switches the criteria tree to the criteria where points were
// lost.
const treeScript = "/static/js/tree.js"

func unitYearURL(id string, year int) string { return unitURL(id) + strconv.Itoa(year) + "/" }

// reviewRankings are the rankings a unit-year's review shows: its own,
// and the unit's earlier years', which its persistent weaknesses read.
func (m *model) reviewRankings(u *par.Unit, r *par.Result) []string {
	rks := []string{RankingKey(r.Year, r.Group)}
	for _, o := range m.res.ByUnit[u.ID] {
		if o.Year < r.Year {
			rks = append(rks, RankingKey(o.Year, o.Group))
		}
	}
	return rks
}
