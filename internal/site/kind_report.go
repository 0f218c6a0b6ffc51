package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"parindex/internal/chart"
	"parindex/internal/par"
)

// reportKind: "/don-vi/<unit>/<year>/bao-cao/", the printable report of a
// unit-year (issue 12, item 8): one or two A4 pages with the unit's place,
// band and index, its points per area, every criterion where it lost
// points and the source of the figures. It has no site header, footer or
// navigation (templates/report.html is a document of its own) and a print
// stylesheet of its own (static/css/print-report.css); `parindex report`
// prints it to PDF. Only scored unit-years get one: a report of a year
// without a result would have nothing to say.
func reportKind() pageKind {
	return pageKind{Template: "report", Pattern: "/don-vi/<unit>/<year>/bao-cao/", pages: func(m *model) []Page {
		var out []Page
		for _, u := range m.reg.Units {
			for _, r := range m.res.ByUnit[u.ID] {
				if !r.Scored {
					continue
				}
				out = append(out, Page{URL: reportURL(u.ID, r.Year),
					Title: "Báo cáo kết quả Chỉ số CCHC năm " + strconv.Itoa(r.Year) + " — " + r.Name,
					Crumb: "Bản in báo cáo", Rankings: m.reviewRankings(u, r),
					view: func() (any, error) { return m.report(u, r), nil }})
			}
		}
		return out
	}}
}

// reportPage is what templates/report.html shows.
type reportPage struct {
	meta
	Unit      *par.Unit
	R         *par.Result
	Group     string // the ranking group's name
	Of        int    // units ranked in the group that year
	BandClass string
	Back      link // the unit-year page
	// Areas is the data table of the unit-year page's area chart
	// (chart.AreaPoints): on paper a chart prints as its table.
	Areas chart.Table
	// Lost lists the criteria where points were lost, most first; LostSum
	// is their total. Detail: the year has a detail sheet, so the list
	// can be made at all.
	Lost     []lostCriterion
	LostSum  par.Points
	LostDec  int
	Detail   bool
	Decision *par.Doc
	Computed bool
	Recorded bool
	// Weak is the unit-year's review (weakness.go): the report prints its
	// persistent weaknesses.
	Weak *weakView
}

// lostCriterion is one scored criterion where the unit lost points.
type lostCriterion struct {
	Area      string // the area's code
	Code      string
	Title     string
	Max       par.Points
	Appraised par.Figure
	Lost      par.Points
	Dec       int // the appraised figure's precision, for Max and Lost
	Remark    string
}

func (m *model) report(u *par.Unit, r *par.Result) *reportPage {
	p := &reportPage{
		Unit:      u,
		R:         r,
		BandClass: bandClass(r.Framework, r.Band),
		Back:      link{Title: r.Name + " — kết quả năm " + strconv.Itoa(r.Year), URL: unitYearURL(u.ID, r.Year)},
		Detail:    len(r.Tree) > 0,
		Computed:  r.Total.Origin == par.Computed || r.Index.Origin == par.Computed || r.Rank.Origin == par.Computed || r.Band.Origin == par.Computed,
		Weak:      m.weakness(r),
	}
	if rk := m.rankings[rkKey{r.Year, r.Group}]; rk != nil {
		p.Group = rk.Group.Name
		p.Of = m.ranked[rk]
		p.Decision = rk.Decision
	}
	for _, rc := range m.res.Reconciled {
		if rc.Unit == u.ID && rc.Year == r.Year {
			p.Recorded = true
		}
	}
	if len(r.Areas) > 0 {
		p.Areas = chart.AreaPoints(r).Table
	}
	p.Lost = lostCriteria(r.Tree)
	for _, l := range p.Lost {
		p.LostSum += l.Lost
		p.LostDec = max(p.LostDec, l.Dec)
	}
	return p
}

// lostCriteria lists the scored leaves of a criteria tree where points
// were lost (maximum above the appraised score), most points lost first,
// then in the framework's order. A not-applicable criterion has lost
// nothing, and one without an appraised score is missing, not lost.
func lostCriteria(tree []*par.NodeResult) []lostCriterion {
	var out []lostCriterion
	var walk func(area string, ns []*par.NodeResult)
	walk = func(area string, ns []*par.NodeResult) {
		for _, n := range ns {
			if len(n.Children) > 0 {
				walk(area, n.Children)
				continue
			}
			if n.NA || !n.Appraised.Known() || n.Lost <= 0 || n.Node == nil {
				continue
			}
			out = append(out, lostCriterion{Area: area, Code: n.Node.Code, Title: n.Node.Title, Max: n.Max,
				Appraised: n.Appraised, Lost: n.Lost, Dec: n.Appraised.Decimals, Remark: n.Remark})
		}
	}
	for _, a := range tree {
		area := ""
		if a.Node != nil {
			area = a.Node.Code
		}
		if len(a.Children) == 0 {
			walk(area, []*par.NodeResult{a})
			continue
		}
		walk(area, a.Children)
	}
	// Stable: equal losses keep the framework's order.
	slices.SortStableFunc(out, func(a, b lostCriterion) int { return cmp.Compare(b.Lost, a.Lost) })
	return out
}

func reportURL(id string, year int) string { return unitYearURL(id, year) + "bao-cao/" }

// ReportURL is the site-relative URL of a unit-year's printable report,
// for `parindex report`.
func ReportURL(unit string, year int) string { return reportURL(unit, year) }

// ReportFile is the file, relative to the site root, that holds a
// unit-year's printable report.
func ReportFile(unit string, year int) string {
	return strings.TrimPrefix(reportURL(unit, year), "/") + "index.html"
}
