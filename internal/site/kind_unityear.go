package site

import (
	"parindex/internal/chart"
	"parindex/internal/par"
	"parindex/internal/viet"
	"slices"
	"strconv"
	"strings"
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
				out = append(out, Page{URL: unitYearURL(u.ID, r.Year), Title: r.Name + " — kết quả năm " + strconv.Itoa(r.Year),
					Crumb: "Năm " + strconv.Itoa(r.Year), Docs: docPaths(m.unitYearDocs[uyKey{u.ID, r.Year}]),
					view: func() (any, error) { return m.unitYear(u, r), nil }})
			}
		}
		return out
	}}
}

func (p *unitYearPage) charts() []chart.Chart { return p.Charts }

// treeRow is one node of a unit-year's criteria tree, flattened and
// formatted in Go. A tree has a hundred or more rows and every template
// action costs a reflective call (field lookup, escaper), so a row is nine
// finished strings: the template only places them. Computed sums are
// marked by the row's classes ("cs", "ca"), which the stylesheet turns
// into the dagger.
type treeRow struct {
	Class   string // "lvl-2 area lost na cs ca"
	Code    string
	Title   string
	Max     string // "Không áp dụng" for a criterion not applicable to the unit
	Self    string
	ApprSrc string // sheet!cell of the appraised score
	Appr    string
	Lost    string
	Remark  string
}

type unitYearPage struct {
	meta
	Unit      *par.Unit
	R         *par.Result
	Ranking   link
	Of        int
	BandClass string
	Change    change
	Tree      []treeRow
	TreeSrc   string           // workbook and sheet of the criteria tree
	Areas     []par.AreaResult // area points, maxima filled from the framework
	Computed  bool
	Recorded  bool // some figure shown is a recorded difference (‡): explain the mark
	Narrative *par.Doc
	Method    string
	Prev      link
	Next      link
	Charts    []chart.Chart
	Recon     []*par.Reconciliation // recorded differences of this unit-year
	Missing   []string              // criteria without an appraised score (incomplete sheet)
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
		p.Ranking = link{Title: rk.Group.Name + " năm " + strconv.Itoa(r.Year), URL: rankingURL(r.Year, r.Group)}
		p.Of = m.ranked[rk]
	}
	if r.Framework != nil {
		p.Method = frameworkURL(r.Framework.ID)
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
			p.Prev = link{Title: "Năm " + strconv.Itoa(scoredYears[i-1].Year), URL: unitYearURL(u.ID, scoredYears[i-1].Year)}
		}
		if i+1 < len(scoredYears) {
			p.Next = link{Title: "Năm " + strconv.Itoa(scoredYears[i+1].Year), URL: unitYearURL(u.ID, scoredYears[i+1].Year)}
		}
	}
	p.Tree, p.TreeSrc = tree(r.Tree)
	p.Areas = areasWithMax(r)
	if len(r.Areas) > 0 {
		p.Charts = nonEmpty(chart.AreaPoints(r))
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

// tree flattens a criteria tree in document order. The appraised cell's
// title names only sheet!cell when the cell is in the tree's workbook,
// which the page names once (the second result), so that a tree of 150
// rows does not repeat a long path 150 times.
func tree(nodes []*par.NodeResult) ([]treeRow, string) {
	var file string
	if len(nodes) > 0 {
		file = nodes[0].Src.File
	}
	n := 0
	var count func(ns []*par.NodeResult)
	count = func(ns []*par.NodeResult) {
		for _, c := range ns {
			n++
			count(c.Children)
		}
	}
	count(nodes)
	out := make([]treeRow, 0, n) // grown by append, trees cost twice their size
	var b strings.Builder
	var walk func(ns []*par.NodeResult, depth int)
	walk = func(ns []*par.NodeResult, depth int) {
		for _, n := range ns {
			level := depth
			row := treeRow{Remark: n.Remark}
			if n.Node != nil {
				row.Code, row.Title = n.Node.Code, n.Node.Title
				if n.Node.Level > 0 {
					level = n.Node.Level
				}
			}
			b.Reset()
			b.WriteString("lvl-")
			b.WriteString(strconv.Itoa(level))
			if level == 1 {
				b.WriteString(" area")
			}
			if n.NA {
				b.WriteString(" na")
				row.Max = "Không áp dụng"
			} else {
				row.Max = viet.DecimalComma(n.Max.String())
				row.Self, row.Appr = fmtFigure(n.Self), fmtFigure(n.Appraised)
				if n.Self.Origin == par.Computed {
					b.WriteString(" cs")
				}
				if n.Appraised.Origin == par.Computed {
					b.WriteString(" ca")
				}
				if s := n.Appraised.Src; s.Sheet != "" && s.Cell != "" {
					if s.File == file {
						row.ApprSrc = s.Sheet + "!" + s.Cell
					} else {
						row.ApprSrc = s.String()
					}
				}
				if n.Appraised.Known() {
					row.Lost = viet.DecimalComma(n.Lost.Format(n.Appraised.Decimals))
					if n.Lost > 0 {
						b.WriteString(" lost")
					}
				} else {
					row.Lost = dash
				}
			}
			row.Class = b.String()
			out = append(out, row)
			walk(n.Children, depth+1)
		}
	}
	walk(nodes, 1)
	if file == "" {
		return out, ""
	}
	src := file
	if s := nodes[0].Src.Sheet; s != "" {
		src += ", trang tính " + s
	}
	return out, src
}

func unitYearURL(id string, year int) string { return unitURL(id) + strconv.Itoa(year) + "/" }
