package site

import (
	"slices"
	"strconv"

	"parindex/internal/par"
)

// homeKind: "/", the latest ranking of every group, the latest decision,
// all years and the site's narrative (content/index.md).
func homeKind() pageKind {
	return pageKind{Template: "home", Pattern: urlHome, pages: func(m *model) []Page {
		return []Page{{URL: urlHome, Title: m.lang.T("Trang chủ"), Docs: docPaths(m.siteDoc), AllResults: true,
			view: func() (any, error) { return m.home(), nil }}}
	}}
}

const urlHome = "/"

type homeGroup struct {
	Group    *par.Group
	Year     int
	URL      string
	Scored   int
	Ranked   int
	Top      []rankRow
	Bottom   []rankRow
	Gap      bool   // ranked units between Top and Bottom are left out: show the "…" row
	Caption  string // what the table holds: the ends of the ranking, or all of it
	Bands    []bandCount
	Years    []link
	Unranked bool
	Final    bool   // no results after Year: the group's last published ranking
	History  string // the group's page over all years ("" if none)
}

type homePage struct {
	meta
	Groups    []homeGroup
	Decision  *par.Doc
	Years     []link
	Narrative *par.Doc
	Computed  bool
	Recorded  bool // some figure shown is a recorded difference (‡): explain the mark
}

func (m *model) home() homePage {
	p := homePage{Decision: m.latestDecision(), Narrative: m.siteDoc}
	for _, y := range m.res.Years {
		p.Years = append(p.Years, link{Title: strconv.Itoa(y), URL: yearURL(y)})
	}
	for _, g := range m.reg.Groups {
		var latest *par.Ranking
		for _, rk := range m.byGroup[g.ID] {
			if scored(rk) {
				latest = rk
			}
		}
		if latest == nil {
			continue
		}
		hg := homeGroup{Group: g, Year: latest.Year, URL: rankingURL(latest.Year, g.ID), Bands: bandCounts(latest, m.lang), Years: m.groupYears(g.ID), Unranked: g.Unranked}
		// A group no longer scored (districts after the 2025 reform) shows
		// its last results; say so, so no reader takes them for this year's.
		if ys := m.res.Years; len(ys) > 0 && latest.Year < ys[len(ys)-1] {
			hg.Final = true
		}
		var ranked []rankRow
		for _, r := range latest.Results {
			if r.Scored {
				hg.Scored++
			}
			if r.Rank.N > 0 {
				ranked = append(ranked, m.rankRow(r))
			}
		}
		hg.Ranked = len(ranked)
		top := min(3, len(ranked))
		hg.Top = ranked[:top]
		hg.Bottom = ranked[max(top, len(ranked)-3):]
		// "…" only where rows are left out: with six units or fewer the
		// table is the whole ranking and the row would hide nothing.
		hg.Gap = len(hg.Top)+len(hg.Bottom) < len(ranked)
		hg.Caption = m.lang.F("Bảng xếp hạng đầy đủ (%d đơn vị)", len(ranked))
		if hg.Gap {
			hg.Caption = m.lang.F("%d đơn vị dẫn đầu và %d đơn vị cuối bảng (trong %d đơn vị được xếp hạng)", len(hg.Top), len(hg.Bottom), len(ranked))
		}
		for _, rr := range slices.Concat(hg.Top, hg.Bottom) {
			if rowComputed(rr.R) {
				p.Computed = true
			}
			p.Recorded = p.Recorded || m.recorded[uyKey{rr.R.Unit.ID, rr.R.Year}]
		}
		if m.planned[groupURL(g.ID)] {
			hg.History = groupURL(g.ID)
		}
		p.Groups = append(p.Groups, hg)
	}
	return p
}
