package site

import "parindex/internal/par"

// reconciliationKind: "/doi-chieu/", every recorded difference between a
// decision and the rules (data/reconciliation.yaml).
func reconciliationKind() pageKind {
	return pageKind{Template: "reconciliation", Pattern: urlReconcile, pages: func(m *model) []Page {
		return []Page{{URL: urlReconcile, Title: m.lang.T("Đối chiếu số liệu"), Crumb: m.lang.T("Đối chiếu số liệu"),
			view: func() (any, error) { return m.reconciliation(), nil }}}
	}}
}

const urlReconcile = "/doi-chieu/"

// reconPage is the public list of recorded differences between the
// publication decisions and the rules ("Đối chiếu số liệu").
type reconPage struct {
	meta
	Rows []reconRow
}

type reconRow struct {
	R        *par.Reconciliation
	Unit     link
	UnitYear string // the unit-year page, "" if none
	Cells    []string
}

// reconciliation lists every recorded difference, in the register's order.
func (m *model) reconciliation() reconPage {
	p := reconPage{}
	for _, rc := range m.res.Reconciled {
		row := reconRow{R: rc}
		if u := m.unitByID[rc.Unit]; u != nil {
			row.Unit = link{Title: m.lang.nameOf(u.NameAt(rc.Year)), URL: unitURL(u.ID)}
			for _, r := range m.res.ByUnit[u.ID] {
				if r.Year == rc.Year && m.hasUnitYear(r) {
					row.UnitYear = unitYearURL(u.ID, rc.Year)
				}
			}
		}
		for _, c := range rc.Cells {
			row.Cells = append(row.Cells, publicSource(c))
		}
		p.Rows = append(p.Rows, row)
	}
	return p
}
