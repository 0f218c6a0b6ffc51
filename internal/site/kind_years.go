package site

import "parindex/internal/par"

type yearItem struct {
	Year      int
	URL       string
	Rankings  []link
	Decisions []*par.Doc
}

type yearsPage struct {
	meta
	Years []yearItem
}

func (m *model) years() yearsPage {
	p := yearsPage{meta: meta{Crumb: "Các năm"}}
	for i := len(m.res.Years) - 1; i >= 0; i-- {
		y := m.res.Years[i]
		it := yearItem{Year: y, URL: yearURL(y), Decisions: m.decisionsOf(y)}
		for _, rk := range m.res.Rankings {
			if rk.Year == y {
				it.Rankings = append(it.Rankings, link{Title: rk.Group.Name, URL: rankingURL(y, rk.Group.ID)})
			}
		}
		p.Years = append(p.Years, it)
	}
	return p
}
