package site

import (
	"slices"

	"parindex/internal/par"
)

// unitsKind: "/don-vi/", every unit of the registry by group.
func unitsKind() pageKind {
	return pageKind{Template: "units", Pattern: urlUnits, pages: func(m *model) []Page {
		return []Page{{URL: urlUnits, Title: m.lang.T("Các đơn vị"), Crumb: m.lang.T("Đơn vị"),
			view: func() (any, error) { return m.units(), nil }}}
	}}
}

const urlUnits = "/don-vi/"

type unitGroup struct {
	ID    string
	Name  string
	Units []unitItem
}

type unitsPage struct {
	meta
	Groups []unitGroup
}

func (m *model) units() unitsPage {
	p := unitsPage{}
	byGroup := map[string][]*par.Unit{}
	for _, u := range m.reg.Units {
		byGroup[u.Group] = append(byGroup[u.Group], u)
	}
	known := map[string]bool{}
	emit := func(id, name string) {
		us := byGroup[id]
		if len(us) == 0 {
			return
		}
		m.sortUnits(us)
		g := unitGroup{ID: id, Name: name}
		for _, u := range us {
			it := unitItem{Name: m.lang.nameOf(u), URL: unitURL(u.ID), Ended: ending(u, m.lang)}
			if u.Parent != "" {
				it.Parent = m.unitName(u.Parent)
			}
			g.Units = append(g.Units, it)
		}
		p.Groups = append(p.Groups, g)
	}
	for _, g := range m.reg.Groups {
		known[g.ID] = true
		emit(g.ID, m.lang.nameOf(g))
	}
	// Units of a group missing from the registry's group list still get
	// listed, so that every unit page is reachable.
	var rest []string
	for id := range byGroup {
		if !known[id] {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	for _, id := range rest {
		emit(id, id)
	}
	return p
}
