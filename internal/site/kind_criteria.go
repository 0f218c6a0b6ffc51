package site

import (
	"cmp"
	"slices"

	"parindex/internal/chart"
	"parindex/internal/par"
)

// criteriaKind: "/nam/<year>/<group>/tieu-chi/", the group view for the
// department of home affairs (issue 12, item 6): for each criterion, the
// share of units that lost points on it and the mean loss; the criteria
// the whole group struggles with first; each area's spread; a heatmap of
// units × criteria. Counted over the units with a complete detail sheet
// (rule "criteria the group struggles with").
func criteriaKind() pageKind {
	return pageKind{Template: "criteria", Pattern: "/nam/<year>/<group>/tieu-chi/", pages: func(m *model) []Page {
		var out []Page
		for _, rk := range m.res.Rankings {
			if rk.Criteria == nil || rk.Group == nil {
				continue
			}
			out = append(out, Page{URL: criteriaURL(rk.Year, rk.Group.ID), Title: m.lang.F("%s — tiêu chí mất điểm năm %d", m.lang.nameOf(rk.Group), rk.Year),
				Crumb: m.lang.T("Tiêu chí mất điểm"), Rankings: []string{RankingKey(rk.Year, rk.Group.ID)}, view: func() (any, error) { return m.criteria(rk), nil }})
		}
		return out
	}}
}

func criteriaURL(year int, group string) string { return rankingURL(year, group) + "tieu-chi/" }

func (p *criteriaPage) charts() []chart.Chart { return p.Charts }

type criteriaPage struct {
	meta
	Group     *par.Group
	Year      int
	Framework *par.Framework
	Ranking   string
	Method    string
	Units     int // units counted: with a complete detail sheet
	Others    int // the ranking's other results, not counted
	Rows      []criterionRow
	Spread    []areaSpread
	Charts    []chart.Chart
}

type criterionRow struct {
	Key, Title, Area string
	Max              string
	N, NA, Lost      int
	Full             int
	Share            string // percent of N that lost points
	ShareSort        string
	AvgLost          string
	AvgSort          string
}

// areaSpread is an area's spread of shares over the group's units.
type areaSpread struct {
	Label         string
	URL           string
	N             int
	Low, Avg, Top string
}

func (m *model) criteria(rk *par.Ranking) *criteriaPage {
	dec := 2
	if rk.Framework.Decimals > 0 {
		dec = rk.Framework.Decimals
	}
	p := &criteriaPage{meta: meta{Sortable: true}, Group: rk.Group, Year: rk.Year, Framework: rk.Framework,
		Ranking: rankingURL(rk.Year, rk.Group.ID), Method: frameworkURL(rk.Framework.ID),
		Units: len(rk.Criteria.Units), Others: len(rk.Results) - len(rk.Criteria.Units)}
	for _, s := range rk.Criteria.Stats {
		if s.N == 0 {
			continue
		}
		p.Rows = append(p.Rows, criterionRow{
			Key: s.Node.Key, Title: m.lang.name(s.Node.Title, s.Node.TitleEn), Area: areaLabelText(s.Area.Code, m.lang.name(s.Area.Title, s.Area.TitleEn)), Max: m.exact(s.Node.Max),
			N: s.N, NA: s.NA, Lost: s.Lost, Full: s.Full,
			Share: m.fixed(s.LostShare(), 1), ShareSort: s.LostShare().String(),
			AvgLost: m.fixed(s.AvgLost, dec), AvgSort: s.AvgLost.String(),
		})
	}
	// The criteria the whole group struggles with first.
	slices.SortStableFunc(p.Rows, func(a, b criterionRow) int {
		if c := cmp.Compare(b.Lost*a.N, a.Lost*b.N); c != 0 { // share lost, exactly
			return c
		}
		return cmp.Compare(par.MustPoints(b.AvgSort), par.MustPoints(a.AvgSort))
	})
	if ac := m.res.Compare.Areas[par.GroupYear{Group: rk.Group.ID, Year: rk.Year}]; ac != nil && ac.Scored {
		for _, ar := range ac.Areas {
			sp := areaSpread{Label: m.areaLabel(rk.Framework, ar.Code, ar.Title), URL: areaURL(rk.Year, rk.Group.ID, ar.Code), N: ar.N}
			var lo, hi par.Points
			seen := false
			for _, row := range ar.Rows {
				if !row.Known {
					continue
				}
				if !seen || row.Share > hi {
					hi = row.Share
				}
				if !seen || row.Share < lo {
					lo = row.Share
				}
				seen = true
			}
			if ar.N > 0 {
				sp.Low, sp.Avg, sp.Top = m.fixed(lo, dec), m.fixed(ar.Avg, dec), m.fixed(hi, dec)
			}
			p.Spread = append(p.Spread, sp)
		}
	}
	p.Charts = nonEmpty(chart.CriteriaHeatmap(m.lang, rk))
	return p
}
