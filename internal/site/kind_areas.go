package site

import (
	"slices"
	"strconv"

	"parindex/internal/chart"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// areasKind: "/nam/<year>/<group>/linh-vuc/", a ranking's units compared
// area by area (rule "area comparison"): per area, the units ranked by
// their share of the applicable area maximum with its change since the
// previous year, and a heatmap of units × areas.
func areasKind() pageKind {
	return pageKind{Template: "areas", Pattern: "/nam/<year>/<group>/linh-vuc/", pages: func(m *model) []Page {
		var out []Page
		for _, rk := range m.res.Rankings {
			ac := m.res.Compare.Areas[par.GroupYear{Group: rk.Group.ID, Year: rk.Year}]
			if ac == nil || rk.Framework == nil {
				continue
			}
			keys := m.areasRankings(rk)
			out = append(out, Page{URL: areasURL(rk.Year, rk.Group.ID), Title: m.lang.F("%s — so sánh theo lĩnh vực năm %d", m.lang.nameOf(rk.Group), rk.Year),
				Crumb: m.lang.T("Theo lĩnh vực"), Rankings: keys, view: func() (any, error) { return m.areasOverview(ac), nil }})
		}
		return out
	}}
}

// areaKind: "/nam/<year>/<group>/linh-vuc/<area>/", one area's full
// ranking, with the overview's template: seven rankings of a hundred
// communes on the overview made it 250 KB.
func areaKind() pageKind {
	return pageKind{Template: "areas", Pattern: "/nam/<year>/<group>/linh-vuc/<area>/", pages: func(m *model) []Page {
		var out []Page
		for _, rk := range m.res.Rankings {
			ac := m.res.Compare.Areas[par.GroupYear{Group: rk.Group.ID, Year: rk.Year}]
			if ac == nil || rk.Framework == nil || !ac.Scored {
				continue
			}
			// An area's page shows the area in every year of the group.
			keys := m.areasRankings(rk)
			for _, k := range m.groupRankings(rk.Group.ID) {
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
			for i, ar := range ac.Areas {
				label := m.areaLabel(rk.Framework, ar.Code, ar.Title)
				out = append(out, Page{URL: areaURL(rk.Year, rk.Group.ID, ar.Code), Title: m.lang.F("%s — lĩnh vực %s năm %d", m.lang.nameOf(rk.Group), label, rk.Year),
					Crumb: label, Rankings: keys, view: func() (any, error) { return m.areaPage(ac, i), nil }})
			}
		}
		return out
	}}
}

// areasRankings are the rankings an area comparison shows: its own, and
// the year before's, where a unit's previous result may lie in another
// group's ranking.
func (m *model) areasRankings(rk *par.Ranking) []string {
	keys := []string{RankingKey(rk.Year, rk.Group.ID)}
	for _, o := range m.res.Rankings {
		if o.Year == rk.Year-1 {
			keys = append(keys, RankingKey(o.Year, o.Group.ID))
		}
	}
	return keys
}

// areaURL is the page of one area's ranking.
func areaURL(year int, group, code string) string {
	return areasURL(year, group) + viet.Slug(code) + "/"
}

// areaPage is one area's full ranking: the overview's view narrowed to
// that area, linking the areas before and after it.
func (m *model) areaPage(ac *par.AreaComparison, i int) *areasPage {
	p := m.areas(ac)
	p.Area = &p.Areas[i]
	p.Area.Years = m.areaYears(ac.Ranking.Group.ID, ac.Areas[i].Code)
	p.Sortable = true
	p.Charts = nil
	p.Prev, p.Next = link{}, link{}
	if i > 0 {
		p.Prev = link{Title: p.Areas[i-1].Label, URL: p.Areas[i-1].URL}
	}
	if i+1 < len(p.Areas) {
		p.Next = link{Title: p.Areas[i+1].Label, URL: p.Areas[i+1].URL}
	}
	return p
}

func areasURL(year int, group string) string { return rankingURL(year, group) + "linh-vuc/" }

func (p *areasPage) charts() []chart.Chart { return p.Charts }

type areasPage struct {
	meta
	Group     *par.Group
	Year      int
	Framework *par.Framework
	Ranking   string // the ranking's URL
	Method    string
	Scored    bool
	Estimated bool
	PrevYear  int
	// Notice names both frameworks when the previous year was scored by
	// another one; Mapped says whether the new one maps its areas.
	Notice     string
	PrevMethod string
	Areas      []areaCmpView
	Area       *areaCmpView // an area's own page: that area's ranking; else the overview
	Overview   string       // the overview's URL
	Charts     []chart.Chart
	Prev, Next link
}

type areaCmpView struct {
	noCompare bool   // Compare says the area is not compared with the previous year
	ID        string // the section's anchor
	URL       string // the area's own page
	Lead      link   // the area's lead agency (cơ quan chủ trì) named by the framework, if any
	// Years: the area in every year of the group whose framework has an
	// area of that code (an area's own page only): how all units fared
	// over time.
	Years   []areaYear
	Label   string // "I. Title"
	Max     string
	Avg     string
	N       int
	Compare string // what the change compares with, or why there is none
	Rows    []areaCmpRow
	Other   []areaCmpRow // units without a share, with the reason
	Changes bool         // some row has a change
}

type areaCmpRow struct {
	Rank     string
	Unit     link
	Points   string
	Max      string
	Share    string
	Sort     string
	Est      bool
	Change   string
	Dir      string
	NoChange string
	Why      string
}

func (m *model) areas(ac *par.AreaComparison) *areasPage {
	rk := ac.Ranking
	fw := rk.Framework
	dec := fw.Decimals
	p := &areasPage{
		Overview: areasURL(rk.Year, rk.Group.ID),
		Group:    rk.Group, Year: rk.Year, Framework: fw, Ranking: rankingURL(rk.Year, rk.Group.ID),
		Method: frameworkURL(fw.ID), Scored: ac.Scored, Estimated: ac.Estimated, PrevYear: ac.PrevYear,
	}
	if ac.Across {
		pf := ac.PrevFramework
		p.PrevMethod = frameworkURL(pf.ID)
		p.Notice = m.lang.F("Năm %d khối được đánh giá theo %s (%s), năm %d theo %s (%s). ", ac.PrevYear, m.lang.nameOf(pf), pf.ID, rk.Year, m.lang.nameOf(fw), fw.ID)
		if fw.Previous == pf.ID && len(fw.AreaMap) > 0 {
			p.Notice += m.lang.T("Chỉ so sánh chỉ số và các lĩnh vực có trong bảng đối chiếu của bộ mới; các lĩnh vực khác không so sánh với năm trước.")
		} else {
			p.Notice += m.lang.T("Bộ mới không có bảng đối chiếu lĩnh vực với bộ cũ, nên chỉ so sánh được chỉ số, không so sánh lĩnh vực.")
		}
	}
	for _, ar := range ac.Areas {
		v := areaCmpView{ID: "linh-vuc-" + viet.Slug(ar.Code), URL: areaURL(rk.Year, rk.Group.ID, ar.Code), Label: m.areaLabel(fw, ar.Code, ar.Title), Max: m.fixed(ar.Max, dec), N: ar.N}
		if n := fw.Node(ar.Code); n != nil && n.Lead != "" {
			v.Lead = m.unitLink(n.Lead)
		}
		if ar.N > 0 {
			v.Avg = m.fixed(ar.Avg, dec)
		}
		switch {
		case ac.PrevYear == 0:
			v.Compare = m.lang.T("Không có năm trước để so sánh.")
		case ar.Match.Prev == nil:
			v.Compare = m.lang.F("Không so sánh với năm %d: %s.", ac.PrevYear, m.lang.text(ar.Match.Why))
			v.noCompare = true
		case ar.Match.Across:
			v.Compare = m.lang.F("So với lĩnh vực %s của %s năm %d", joinPlus(ar.Match.Prev), ac.PrevFramework.ID, ac.PrevYear)
			if len(ar.Match.Prev) > 1 {
				v.Compare += m.lang.T(" (gộp: tổng điểm các lĩnh vực trên tổng điểm tối đa)")
			}
			v.Compare += "."
		default:
			v.Compare = m.lang.F("So với cùng lĩnh vực năm %d.", ac.PrevYear)
		}
		for _, row := range ar.Rows {
			r := row.Result
			rv := areaCmpRow{Unit: link{Title: m.lang.resultName(r), URL: unitURL(r.Unit.ID)}}
			if !row.Known {
				rv.Why = m.lang.text(row.Why)
				v.Other = append(v.Other, rv)
				continue
			}
			rv.Rank = strconv.Itoa(row.Rank)
			rv.Points, rv.Max, rv.Share = m.fixed(row.Points, dec), m.fixed(row.Max, dec), m.fixed(row.Share, dec)
			rv.Sort, rv.Est = row.Share.String(), row.Estimated
			if row.HasChange {
				v.Changes = true
				rv.Change = m.signed(row.Change, dec)
				if row.PrevEstimated {
					rv.Change += "*"
					p.Estimated = true
				}
				switch c := row.Change.Round(dec); {
				case c > 0:
					rv.Dir = "up"
				case c < 0:
					rv.Dir = "down"
				default:
					rv.Dir = "same"
				}
			} else {
				rv.NoChange = m.lang.text(row.NoChange)
				if ar.Match.Prev == nil && ac.PrevYear != 0 {
					rv.NoChange = m.lang.T("lĩnh vực không so sánh với năm trước (xem ghi chú của lĩnh vực)")
				}
			}
			v.Rows = append(v.Rows, rv)
		}
		sortTies(m.lang, v.Rows, func(a, b areaCmpRow) bool { return a.Rank == b.Rank }, func(r areaCmpRow) string { return r.Unit.Title })
		resortNames(m.lang, v.Other, func(r areaCmpRow) string { return r.Unit.Title })
		hoistNoChange(&v, ac.PrevYear, m.lang)
		p.Areas = append(p.Areas, v)
	}
	if rks := m.byGroup[rk.Group.ID]; len(rks) > 0 {
		for i, o := range rks {
			if o != rk {
				continue
			}
			if i > 0 {
				p.Prev = link{Title: m.lang.F("Năm %d", rks[i-1].Year), URL: areasURL(rks[i-1].Year, rk.Group.ID)}
			}
			if i+1 < len(rks) {
				p.Next = link{Title: m.lang.F("Năm %d", rks[i+1].Year), URL: areasURL(rks[i+1].Year, rk.Group.ID)}
			}
		}
	}
	return p
}

// areasOverview is the overview of a ranking's areas: the areas' views
// and the heatmap of units × areas, which only the overview shows (an
// area's own page would build it for nothing).
func (m *model) areasOverview(ac *par.AreaComparison) *areasPage {
	p := m.areas(ac)
	p.Charts = nonEmpty(chart.AreaHeatmap(m.lang, ac))
	return p
}

// hoistNoChange: when no unit of an area has a change and all give the
// same reason (the previous year published no area scores), the reason is
// said once under the area's heading and the column is left out.
func hoistNoChange(v *areaCmpView, prevYear int, l *lang) {
	if v.Changes || len(v.Rows) == 0 || prevYear == 0 {
		return
	}
	why := v.Rows[0].NoChange
	for _, r := range v.Rows {
		if r.NoChange != why {
			return
		}
	}
	if !v.noCompare {
		v.Compare = l.F("Không so sánh với năm %d: %s.", prevYear, why)
		v.noCompare = true
	}
	for i := range v.Rows {
		v.Rows[i].NoChange = ""
	}
}

// areaLabelText is "I. Title".
// areaLabel is areaLabelText with the area's title in the page's
// language (the framework's English title of the area, if given).
func (m *model) areaLabel(fw *par.Framework, code, title string) string {
	return areaLabelText(code, m.areaTitle(fw, code, title))
}

// areaTitle is an area's title in the page's language.
func (m *model) areaTitle(fw *par.Framework, code, title string) string {
	en := ""
	if fw != nil {
		if n := fw.Node(code); n != nil && n.Title == title {
			en = n.TitleEn
		}
	}
	return m.lang.name(title, en)
}

func areaLabelText(code, title string) string {
	if title == "" {
		return code
	}
	return code + ". " + title
}

func joinPlus(codes []string) string {
	s := ""
	for i, c := range codes {
		if i > 0 {
			s += " + "
		}
		s += c
	}
	return s
}

// areaTrend is the unit page's chart of each area's share per year.
func (m *model) areaTrend(name string, results []*par.Result) []chart.Chart {
	return nonEmpty(chart.AreaTrend(m.lang, name, results))
}

// compareLinks are the comparison pages of a ranking, for its page's
// "see also" line.
func (m *model) compareLinks(rk *par.Ranking) []link {
	if rk.Framework == nil || m.res.Compare.Areas[par.GroupYear{Group: rk.Group.ID, Year: rk.Year}] == nil {
		return nil
	}
	out := []link{{Title: m.lang.T("So sánh theo lĩnh vực"), URL: areasURL(rk.Year, rk.Group.ID)}}
	if m.hasSelfGap(rk) {
		out = append(out, link{Title: m.lang.T("Tự chấm và thẩm định"), URL: selfGapURL(rk.Year, rk.Group.ID)})
	}
	if rk.Criteria != nil {
		out = append(out, link{Title: m.lang.T("Tiêu chí mất điểm"), URL: criteriaURL(rk.Year, rk.Group.ID)})
	}
	return out
}

// previousFramework links the framework f replaces, for the methodology
// page.
func (m *model) previousFramework(f *par.Framework) link {
	for _, o := range m.ds.Frameworks {
		if f.Previous != "" && o.ID == f.Previous {
			return link{Title: m.lang.nameOf(o), URL: frameworkURL(o.ID)}
		}
	}
	return link{}
}

// areaMapText says what area code of f compares with in the framework f
// replaces: "IV + V", or why it is not compared; "" when f replaces none.
func areaMapText(f *par.Framework, code string, lg *lang) string {
	if f.Previous == "" {
		return ""
	}
	for _, l := range f.AreaMap {
		if slices.Contains(l.Areas, code) {
			if len(l.Areas) > 1 {
				return lg.F("%s (cùng %s)", joinPlus(l.Prev), joinPlus(l.Areas))
			}
			return joinPlus(l.Prev)
		}
	}
	return lg.T("không so sánh")
}

// areaYear is one year of an area over time.
type areaYear struct {
	Year      int
	Framework string // its id: an area code may mean another area under another framework
	URL       string // that year's page of the area
	Avg       string // mean share of the area maximum, "" when no unit has one
	N         int
	Lead      link
	Current   bool // the page's own year
}

// areaYears is the area of code in every year of group whose framework
// has an area of that code: the units' mean share and how many had one.
func (m *model) areaYears(group, code string) []areaYear {
	var out []areaYear
	for _, rk := range m.byGroup[group] {
		ac := m.res.Compare.Areas[par.GroupYear{Group: group, Year: rk.Year}]
		if ac == nil || rk.Framework == nil {
			continue
		}
		for _, ar := range ac.Areas {
			if ar.Code != code {
				continue
			}
			y := areaYear{Year: rk.Year, Framework: rk.Framework.ID, N: ar.N}
			if ac.Scored {
				y.URL = areaURL(rk.Year, group, code)
			}
			if ar.N > 0 {
				y.Avg = m.fixed(ar.Avg, rk.Framework.Decimals)
			}
			if n := rk.Framework.Node(code); n != nil && n.Lead != "" {
				y.Lead = m.unitLink(n.Lead)
			}
			out = append(out, y)
		}
	}
	return out
}

// leadArea is an area a unit leads (cơ quan chủ trì) under a framework,
// with the pages of that area in the years the framework applied.
type leadArea struct {
	Framework link
	Label     string
	Pages     []link // one per year and group: "2024 – Sở, ban, ngành"
}

// leadAreas are the areas whose lead agency is u, by framework.
func (m *model) leadAreas(u *par.Unit) []leadArea {
	var out []leadArea
	for _, fw := range m.ds.Frameworks {
		for _, n := range fw.Areas {
			if n.Lead != u.ID {
				continue
			}
			la := leadArea{Framework: link{Title: m.lang.nameOf(fw), URL: frameworkURL(fw.ID)}, Label: areaLabelText(n.Code, m.lang.name(n.Title, n.TitleEn))}
			for _, rk := range m.res.Rankings {
				if rk.Framework != fw || rk.Group == nil {
					continue
				}
				ac := m.res.Compare.Areas[par.GroupYear{Group: rk.Group.ID, Year: rk.Year}]
				if ac == nil || !ac.Scored {
					continue
				}
				la.Pages = append(la.Pages, link{Title: strconv.Itoa(rk.Year) + " – " + m.lang.nameOf(rk.Group), URL: areaURL(rk.Year, rk.Group.ID, n.Code)})
			}
			out = append(out, la)
		}
	}
	return out
}
