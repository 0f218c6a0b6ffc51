package site

import (
	"slices"
	"strconv"

	"parindex/internal/par"
)

// yearKind: "/nam/<year>/", a results year: its rankings in summary, its
// decisions and its narrative (content/years/<year>.md).
func yearKind() pageKind {
	return pageKind{Template: "year", Pattern: "/nam/<year>/", pages: func(m *model) []Page {
		var out []Page
		for _, y := range m.res.Years {
			var rks []string
			for _, rk := range m.res.Rankings {
				if rk.Year == y {
					rks = append(rks, RankingKey(rk.Year, rk.Group.ID))
				}
			}
			out = append(out, Page{URL: yearURL(y), Title: m.lang.F("Kết quả năm %d", y), Crumb: m.lang.F("Năm %d", y),
				Docs: docPaths(m.yearDocs[y]), Rankings: rks, view: func() (any, error) { return m.year(y), nil }})
		}
		return out
	}}
}

type rankingSummary struct {
	Group  *par.Group
	URL    string
	Scored int
	Ranked int
	First  *rankRow
	Last   *rankRow
	Bands  []bandCount
}

type yearPage struct {
	meta
	Year       int
	Rankings   []rankingSummary
	Narrative  *par.Doc
	Decisions  []*par.Doc
	Prev, Next link
}

func (m *model) year(y int) yearPage {
	p := yearPage{Year: y, Narrative: m.yearDocs[y], Decisions: m.decisionsOf(y)}
	if i := slices.Index(m.res.Years, y); i > 0 {
		p.Prev = link{Title: m.lang.F("Năm %d", m.res.Years[i-1]), URL: yearURL(m.res.Years[i-1])}
	}
	if i := slices.Index(m.res.Years, y); i >= 0 && i+1 < len(m.res.Years) {
		p.Next = link{Title: m.lang.F("Năm %d", m.res.Years[i+1]), URL: yearURL(m.res.Years[i+1])}
	}
	for _, rk := range m.res.Rankings {
		if rk.Year != y {
			continue
		}
		s := rankingSummary{Group: rk.Group, URL: rankingURL(y, rk.Group.ID), Bands: bandCounts(rk, m.lang)}
		var first, last *par.Result
		for _, r := range rk.Results {
			if r.Scored {
				s.Scored++
			}
			if r.Rank.N > 0 {
				s.Ranked++
				if first == nil {
					first = r
				}
				last = r
			}
		}
		if first != nil {
			f := m.rankRow(first)
			s.First = &f
		}
		if last != nil && last != first {
			l := m.rankRow(last)
			s.Last = &l
		}
		p.Rankings = append(p.Rankings, s)
	}
	return p
}

func yearURL(year int) string { return urlYears + strconv.Itoa(year) + "/" }
