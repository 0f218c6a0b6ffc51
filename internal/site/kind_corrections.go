package site

import (
	"slices"
	"strconv"
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// correctionsKind: "/dinh-chinh/", every correction of a published figure
// (data/corrections.yaml), newest first. Planned only when there is one;
// every page showing a corrected figure links to it (Page.Corrected).
func correctionsKind() pageKind {
	return pageKind{Template: "corrections", Pattern: urlCorrections, pages: func(m *model) []Page {
		if len(m.ds.Corrections) == 0 {
			return nil
		}
		return []Page{{URL: urlCorrections, Title: m.lang.T("Đính chính số liệu"), Crumb: m.lang.T("Đính chính số liệu"),
			view: func() (any, error) { return m.corrections(), nil }}}
	}}
}

const urlCorrections = "/dinh-chinh/"

// correctionsPage is the public list of corrections ("Đính chính số liệu").
type correctionsPage struct {
	meta
	Rows []correctionRow
}

type correctionRow struct {
	C        *par.Correction
	Unit     link
	Figure   string // "Chỉ số CCHC"
	Old, New string // as printed on the site
	Decision *par.Doc
	Page     link // the page the figure stands on
}

// corrections lists the register newest first (by date, then the later
// entry of the file first).
func (m *model) corrections() correctionsPage {
	p := correctionsPage{}
	for _, c := range m.ds.Corrections {
		row := correctionRow{C: c, Figure: correctionFigure(c.Figure, m.lang), Old: m.lang.num(correctionValue(c.Old, m.lang)), New: m.lang.num(correctionValue(c.New, m.lang))}
		if u := m.unitByID[c.Unit]; u != nil {
			row.Unit = link{Title: m.lang.nameOf(u.NameAt(c.Year)), URL: unitURL(u.ID)}
			if !m.planned[row.Unit.URL] {
				row.Unit.URL = ""
			}
		} else {
			row.Unit = link{Title: c.Unit}
		}
		for _, d := range m.decisions {
			if d.Number != "" && viet.NFC(d.Number) == viet.NFC(c.Decision) {
				row.Decision = d
				break
			}
		}
		// The unit-year's page, else the year's ranking.
		for _, u := range m.correctedPages(c) {
			switch {
			case u == unitYearURL(c.Unit, c.Year):
				row.Page = link{Title: m.lang.F("Kết quả năm %d", c.Year), URL: u}
			case row.Page.URL == "" && strings.HasPrefix(u, urlYears):
				row.Page = link{Title: m.lang.F("Bảng xếp hạng năm %d", c.Year), URL: u}
			}
		}
		p.Rows = append(p.Rows, row)
	}
	slices.SortStableFunc(p.Rows, func(a, b correctionRow) int {
		if a.C.Date != b.C.Date {
			if b.C.Date.Before(a.C.Date) {
				return -1
			}
			return 1
		}
		return slices.Index(m.ds.Corrections, b.C) - slices.Index(m.ds.Corrections, a.C)
	})
	return p
}

// correctedPages are the planned pages that show the figure a correction
// corrects: the ranking of its year, the unit's page and the unit-year's.
func (m *model) correctedPages(c *par.Correction) []string {
	var out []string
	for _, r := range m.res.ByUnit[c.Unit] {
		if r.Year == c.Year && r.Group != "" {
			out = append(out, rankingURL(c.Year, r.Group))
		}
	}
	out = append(out, unitURL(c.Unit), unitYearURL(c.Unit, c.Year))
	return slices.DeleteFunc(out, func(u string) bool { return !m.planned[u] })
}

// markPages sets each planned page's Draft and Corrected, once the plan is
// complete (m.planned).
func (m *model) markPages(pages []Page) {
	corrected := map[string][]string{}
	for _, c := range m.ds.Corrections {
		for _, u := range m.correctedPages(c) {
			corrected[u] = append(corrected[u], c.ID)
		}
	}
	drafts := map[string]bool{}
	anyDraftDecision := false
	for _, d := range m.ds.Docs {
		if d.Draft {
			drafts[d.Path] = true
			anyDraftDecision = anyDraftDecision || d.Kind == par.DocDecision
		}
	}
	for i := range pages {
		p := &pages[i]
		p.Corrected = corrected[p.URL]
		if len(drafts) == 0 {
			continue
		}
		p.Draft = slices.ContainsFunc(p.Docs, func(d string) bool { return drafts[d] }) ||
			(anyDraftDecision && p.URL == urlDecisions)
		for _, k := range p.Rankings {
			if p.Draft {
				break
			}
			year, group, _ := strings.Cut(k, "/")
			y, _ := strconv.Atoi(year)
			rk := m.rankings[rkKey{y, group}]
			if rk != nil && (rk.Decision != nil && rk.Decision.Draft || slices.ContainsFunc(rk.Amendments, func(d *par.Doc) bool { return d.Draft })) {
				p.Draft = true
			}
		}
	}
}

// correctionFigure names a figure of the register for the public.
func correctionFigure(f string, l *lang) string {
	if code, ok := strings.CutPrefix(f, par.FigArea); ok {
		return figureName("area "+code, l)
	}
	return figureName(f, l)
}

// correctionValue prints a value of the register as the site prints
// figures: a number with the decimal comma at its written precision.
func correctionValue(v string, l *lang) string {
	if v == "" {
		return l.T("không còn công bố")
	}
	if p, dec, err := par.ParsePoints(v); err == nil {
		return viet.Fixed(p, dec)
	}
	return v
}
