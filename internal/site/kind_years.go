package site

import "parindex/internal/par"

// yearsKind: "/nam/", every results year with its rankings and decisions.
func yearsKind() pageKind {
	return pageKind{Template: "years", Pattern: urlYears, pages: func(m *model) []Page {
		return []Page{{URL: urlYears, Title: m.lang.T("Các năm"), Crumb: m.lang.T("Các năm"),
			view: func() (any, error) { return m.years(), nil }}}
	}}
}

// urlYears and the other section URLs are Vietnamese without diacritics
// and stable, like every URL of the site: a unit's URL is its registry
// id, which never changes, so links from the outside survive renames and
// mergers.
const urlYears = "/nam/"

type yearItem struct {
	Year      int
	URL       string
	Rankings  []link
	Decisions []*par.Doc
}

type yearsPage struct {
	meta
	Years  []yearItem
	Groups []link // each group's page over all years
}

func (m *model) years() yearsPage {
	p := yearsPage{}
	for _, h := range m.res.Histories {
		if u := groupURL(h.Group.ID); m.planned[u] {
			p.Groups = append(p.Groups, link{Title: m.lang.nameOf(h.Group), URL: u})
		}
	}
	for i := len(m.res.Years) - 1; i >= 0; i-- {
		y := m.res.Years[i]
		it := yearItem{Year: y, URL: yearURL(y), Decisions: m.decisionsOf(y)}
		for _, rk := range m.res.Rankings {
			if rk.Year == y {
				it.Rankings = append(it.Rankings, link{Title: m.lang.nameOf(rk.Group), URL: rankingURL(y, rk.Group.ID)})
			}
		}
		p.Years = append(p.Years, it)
	}
	return p
}
