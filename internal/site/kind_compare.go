package site

import (
	"encoding/json"
	"strings"

	"parindex/internal/chart"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// compareKind: "/khoi/<group>/so-sanh-don-vi/", 2 to 10 units of a group
// side by side over the years: index, rank and area profiles. The page
// carries every unit's figures of the group as a JSON data island (the
// same display text as the tables); static/js/compare.js builds the picker
// and the charts from it. Without JavaScript the page is a table of every
// unit's index per year.
func compareKind() pageKind {
	return pageKind{Template: "compare", Pattern: "/khoi/<group>/so-sanh-don-vi/", pages: func(m *model) []Page {
		var out []Page
		for _, h := range m.res.Histories {
			rks := m.byGroup[h.Group.ID]
			if len(rks) == 0 {
				continue
			}
			keys := m.groupRankings(h.Group.ID)
			out = append(out, Page{URL: compareURL(h.Group.ID), Title: m.lang.F("%s — so sánh đơn vị", m.lang.nameOf(h.Group)), Crumb: m.lang.T("So sánh đơn vị"),
				Rankings: keys,
				view:     func() (any, error) { return m.compare(h.Group, rks) }})
		}
		return out
	}}
}

// compareURL is a group's unit comparison page.
func compareURL(group string) string { return groupURL(group) + "so-sanh-don-vi/" }

// Limits of the unit picker.
const (
	compareMin = 2
	compareMax = 10
)

// compareData is the JSON the page carries. Short keys keep a group of a
// hundred units over six years small. Figures are display text ("91,50");
// the script reads their value from it, so a chart shows exactly what the
// tables print.
type compareData struct {
	Group string        `json:"group"`
	Min   int           `json:"min"`
	Max   int           `json:"max"`
	Years []compareYear `json:"years"`
	Units []compareUnit `json:"units"`
}

type compareYear struct {
	Year      int      `json:"y"`
	Framework string   `json:"fw"`
	Ranked    int      `json:"n"`     // units ranked that year
	Areas     []string `json:"areas"` // area labels of the year's framework, in order
}

type compareUnit struct {
	ID   string           `json:"id"`
	Name string           `json:"name"`
	Res  []*compareResult `json:"res"` // one per year of Years, null when the unit has no result that year
}

type compareResult struct {
	Name   string   `json:"name,omitempty"` // the name that year, when it differs from the unit's
	Scored bool     `json:"s"`
	Index  string   `json:"i,omitempty"`
	Rank   int      `json:"r,omitempty"`
	Band   string   `json:"b,omitempty"`
	Areas  []string `json:"a,omitempty"` // share of each area's maximum (%), "" unknown
}

type compareRow struct {
	ID    string
	Name  string
	Cells []string // index per year, viet.Missing when none
}

type comparePage struct {
	meta
	Group *par.Group
	Years []int
	Rows  []compareRow
	Min   int
	Max   int
	Data  json.RawMessage
	Back  string
	// FwChanges name the years whose framework differs from the year
	// before's: figures across them compare only with care.
	FwChanges []string
}

func (p *comparePage) drawsCharts() bool { return true }

func (m *model) compare(g *par.Group, rks []*par.Ranking) (*comparePage, error) {
	units := groupUnits(rks, false, m.lang)
	p := &comparePage{Group: g, Min: compareMin, Max: compareMax, Back: groupURL(g.ID)}
	d := compareData{Group: stripMarks(m.lang.nameOf(g)), Min: compareMin, Max: compareMax}
	pos := map[string]int{}
	for i, u := range units {
		pos[u.ID] = i
		d.Units = append(d.Units, compareUnit{ID: u.ID, Name: stripMarks(u.Name), Res: make([]*compareResult, len(rks))})
		p.Rows = append(p.Rows, compareRow{ID: u.ID, Name: u.Name, Cells: make([]string, len(rks))})
		for j := range rks {
			p.Rows[i].Cells[j] = viet.Missing
		}
	}
	for j, rk := range rks {
		p.Years = append(p.Years, rk.Year)
		cy := compareYear{Year: rk.Year, Ranked: m.ranked[rk]}
		if rk.Framework != nil {
			cy.Framework = stripMarks(m.lang.nameOf(rk.Framework))
		}
		for _, st := range rk.AreaStats {
			cy.Areas = append(cy.Areas, stripMarks(areaName(st.Code, m.areaTitle(rk.Framework, st.Code, st.Title))))
		}
		for _, r := range rk.Results {
			i, ok := pos[r.Unit.ID]
			if !ok {
				continue
			}
			cr := &compareResult{Scored: r.Scored}
			if r.Name != units[i].sortName {
				cr.Name = stripMarks(m.lang.resultName(r))
			}
			if r.Scored {
				cr.Index, cr.Rank, cr.Band = m.figure(r.Index), r.Rank.N, stripMarks(m.lang.bandName(rk.Framework, r.Band))
				if cr.Index == viet.Missing {
					cr.Index = ""
				}
				if r.Index.Known() {
					p.Rows[i].Cells[j] = m.figure(r.Index)
				}
				if len(rk.AreaStats) > 0 {
					for _, a := range chart.AreaShares(m.lang, r, rk.AreaStats) {
						cr.Areas = append(cr.Areas, a.Text)
					}
				}
			}
			d.Units[i].Res[j] = cr
		}
		d.Years = append(d.Years, cy)
		if j > 0 {
			if a, b := rks[j-1].Framework, rk.Framework; a != nil && b != nil && a.ID != b.ID {
				p.FwChanges = append(p.FwChanges, m.lang.F("năm %d", rk.Year)+": "+m.lang.nameOf(a)+" → "+m.lang.nameOf(b))
			}
		}
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	p.Data = b
	return p, nil
}

// areaName is an area as the comparison names it: "I. Title".
func areaName(code, title string) string {
	switch {
	case code == "":
		return title
	case title == "":
		return code
	}
	return strings.TrimSuffix(code, ".") + ". " + title
}
