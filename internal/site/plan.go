package site

import (
	"parindex/internal/par"
	"strconv"
)

// plan builds every page; Plan sorts them.
func (m *model) plan() []Page {
	var pages []Page
	add := func(url, tmpl, title string, data any, docs ...*par.Doc) {
		p := Page{URL: url, Template: tmpl, Title: title, Data: data}
		for _, d := range docs {
			if d != nil {
				p.Docs = append(p.Docs, d.Path)
			}
		}
		pages = append(pages, p)
	}
	add(urlHome, "home", "Trang chủ", m.home(), m.siteDoc)
	add(urlNotFound, "404", "Không tìm thấy trang", notFoundPage{meta{Crumb: "Không tìm thấy trang"}})

	add(urlYears, "years", "Các năm", m.years())
	for _, y := range m.res.Years {
		add(yearURL(y), "year", "Kết quả năm "+strconv.Itoa(y), m.year(y), m.yearDocs[y])
	}
	for _, rk := range m.res.Rankings {
		title := rk.Group.Name + " — xếp hạng năm " + strconv.Itoa(rk.Year)
		if rk.Group.Unranked {
			title = rk.Group.Name + " — kết quả năm " + strconv.Itoa(rk.Year)
		}
		add(rankingURL(rk.Year, rk.Group.ID), "ranking", title, m.ranking(rk), m.groupYearDoc[rkKey{rk.Year, rk.Group.ID}])
	}

	add(urlUnits, "units", "Các đơn vị", m.units())
	for _, u := range m.reg.Units {
		up := m.unit(u)
		add(unitURL(u.ID), "unit", up.Name, up, m.unitDocs[u.ID])
		for _, r := range m.res.ByUnit[u.ID] {
			if m.hasUnitYear(r) {
				add(unitYearURL(u.ID, r.Year), "unit-year", r.Name+" — kết quả năm "+strconv.Itoa(r.Year), m.unitYear(u, r), m.unitYearDocs[uyKey{u.ID, r.Year}])
			}
		}
	}

	add(urlDecisions, "decisions", "Các quyết định công bố", decisionsPage{meta: meta{Crumb: "Quyết định"}, Docs: m.decisions})
	for _, d := range m.decisions {
		if d.Slug == "" {
			continue
		}
		add(decisionURL(d.Slug), "decision", decisionTitle(d), m.decision(d), d)
	}
	add(urlMethodology, "methodology", "Phương pháp đánh giá, xếp hạng", m.methodology())
	add(urlReconcile, "reconciliation", "Đối chiếu số liệu", m.reconciliation())
	for _, d := range m.freePages {
		title := pageTitle(d)
		add(freePageURL(d.Slug), "page", title, freePage{meta: meta{Crumb: title}, Doc: d}, d)
	}
	return pages
}
