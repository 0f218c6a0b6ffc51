package site

import (
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
					Title: m.lang.F("Báo cáo kết quả Chỉ số CCHC năm %d", r.Year) + " — " + m.lang.resultName(r),
					Crumb: m.lang.T("Bản in báo cáo"), Rankings: m.reviewRankings(u, r),
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
	// Weak is the part of the unit-year's review (weakness.go) the report
	// prints: its persistent weaknesses.
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
		Back:      link{Title: m.lang.F("%s — kết quả năm %d", m.lang.resultName(r), r.Year), URL: unitYearURL(u.ID, r.Year)},
		Detail:    len(r.Tree) > 0,
		Computed:  r.Total.Origin == par.Computed || r.Index.Origin == par.Computed || r.Rank.Origin == par.Computed || r.Band.Origin == par.Computed,
		Weak:      m.persistent(r),
	}
	if rk := m.rankings[rkKey{r.Year, r.Group}]; rk != nil {
		p.Group = m.lang.nameOf(rk.Group)
		p.Of = m.ranked[rk]
		p.Decision = rk.Decision
	}
	for _, rc := range m.res.Reconciled {
		if rc.Unit == u.ID && rc.Year == r.Year {
			p.Recorded = true
		}
	}
	if len(r.Areas) > 0 {
		p.Areas = chart.AreaPoints(m.lang, r).Table
	}
	p.Lost = reportLost(m.res.Weakness[r], m.lang)
	for _, l := range p.Lost {
		p.LostSum += l.Lost
		p.LostDec = max(p.LostDec, l.Dec)
	}
	return p
}

// reportLost is the compute stage's list of the criteria where the unit
// lost points (par.Weakness: not applicable and not appraised are not
// losses; most points lost first, ties in framework order) as the report
// prints it; nil without a detail sheet.
func reportLost(w *par.Weakness, lg *lang) []lostCriterion {
	if w == nil {
		return nil
	}
	out := make([]lostCriterion, 0, len(w.Lost))
	for _, l := range w.Lost {
		c := lostCriterion{Max: l.Max, Appraised: l.Score, Lost: l.Lost, Dec: l.Score.Decimals, Remark: lg.name(l.Remark, "")}
		if l.Node != nil {
			c.Code, c.Title = l.Node.Code, lg.name(l.Node.Title, l.Node.TitleEn)
		}
		if l.Area != nil {
			c.Area = l.Area.Code
		}
		out = append(out, c)
	}
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
