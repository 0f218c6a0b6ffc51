package site

import (
	"slices"
	"strconv"
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// selfGapKind: "/nam/<year>/<group>/tu-cham/", each unit's self-assessed
// points against its appraised points over the self-assessed criteria
// only (rule "self-assessment gap"), ranked, with the gap of every year;
// only for rankings with detail scoring sheets.
func selfGapKind() pageKind {
	return pageKind{Template: "selfgap", Pattern: "/nam/<year>/<group>/tu-cham/", pages: func(m *model) []Page {
		var out []Page
		for _, rk := range m.res.Rankings {
			sg := m.res.Compare.SelfGap[par.GroupYear{Group: rk.Group.ID, Year: rk.Year}]
			if sg == nil || !sg.Detail || rk.Framework == nil {
				continue
			}
			var keys []string
			for _, o := range m.byGroup[rk.Group.ID] {
				keys = append(keys, RankingKey(o.Year, o.Group.ID))
			}
			out = append(out, Page{URL: selfGapURL(rk.Year, rk.Group.ID), Title: m.lang.F("%s — tự chấm và thẩm định năm %d", m.lang.nameOf(rk.Group), rk.Year),
				Crumb: m.lang.T("Tự chấm và thẩm định"), Rankings: keys, view: func() (any, error) { return m.selfGap(sg), nil }})
		}
		return out
	}}
}

func selfGapURL(year int, group string) string { return rankingURL(year, group) + "tu-cham/" }

// hasSelfGap reports whether a ranking has a self-assessment page.
func (m *model) hasSelfGap(rk *par.Ranking) bool {
	sg := m.res.Compare.SelfGap[par.GroupYear{Group: rk.Group.ID, Year: rk.Year}]
	return sg != nil && sg.Detail && rk.Framework != nil
}

type selfGapPage struct {
	meta
	Group     *par.Group
	Year      int
	Framework *par.Framework
	Ranking   string
	Method    string
	LeftOut   string // maximum of the survey and satisfaction criteria left out, "" when none
	Rows      []selfGapRowView
	Other     []selfGapRowView
	NoSelf    bool // some unit has self-assessed criteria without a self-assessed score
	// NoDetailYears are the years left out of the trend column because no
	// unit of the page has a gap then ("2019–2021").
	NoDetailYears string
	Trend         bool // some unit has more than one year
	Across        bool // the trend spans frameworks
	Prev          link
	Next          link
}

type selfGapRowView struct {
	Rank      string
	Unit      link
	Self      string
	Appraised string
	Max       string
	Gap       string
	Share     string
	Sort      string
	Dir       string
	Criteria  string // "12 tiêu chí (2 không có điểm tự chấm, 1 không áp dụng)"
	Why       string
	Trend     []gapYear
}

type gapYear struct {
	Known bool
	Year  int
	Text  string // "+2,50 %" or "—"
	Title string // the reason when "—"
}

func (m *model) selfGap(sg *par.SelfGap) *selfGapPage {
	rk := sg.Ranking
	fw := rk.Framework
	dec := fw.Decimals
	p := &selfGapPage{
		Group: rk.Group, Year: rk.Year, Framework: fw, Ranking: rankingURL(rk.Year, rk.Group.ID), Method: frameworkURL(fw.ID),
	}
	if sg.LeftOutMax > 0 {
		p.LeftOut = m.fixed(sg.LeftOutMax, dec)
	}
	for _, row := range sg.Rows {
		r, g := row.Result, row.Gap
		v := selfGapRowView{Unit: link{Title: m.lang.resultName(r), URL: unitURL(r.Unit.ID)}}
		for _, t := range row.Trend {
			gy := gapYear{Year: t.Year, Text: dash, Title: stripMarks(m.lang.text(t.Why))}
			if t.Known {
				gy.Known = true
				gy.Text, gy.Title = m.signed(t.Share, dec)+" %", m.lang.F("%s điểm trên %s điểm tự chấm tối đa", m.signed(t.Gap, dec), m.fixed(t.Max, dec))
			}
			if t.Framework != fw.ID {
				p.Across = true
			}
			v.Trend = append(v.Trend, gy)
		}
		p.Trend = p.Trend || len(row.Trend) > 1
		if !g.Known {
			v.Why = m.lang.text(g.Why)
			p.Other = append(p.Other, v)
			continue
		}
		v.Rank = strconv.Itoa(row.Rank)
		v.Self, v.Appraised, v.Max = m.fixed(g.Self, dec), m.fixed(g.Appraised, dec), m.fixed(g.Max, dec)
		v.Gap, v.Share, v.Sort = m.signed(g.Gap, dec), m.signed(g.Share, dec), g.Share.String()
		switch {
		case g.Gap > 0:
			v.Dir = "over"
		case g.Gap < 0:
			v.Dir = "under"
		}
		var notes []string
		if g.NoSelf > 0 {
			notes = append(notes, m.lang.F("%d không có điểm tự chấm", g.NoSelf))
			p.NoSelf = true
		}
		if g.NA > 0 {
			notes = append(notes, m.lang.F("%d không áp dụng", g.NA))
		}
		v.Criteria = strconv.Itoa(g.Criteria)
		if len(notes) > 0 {
			v.Criteria += m.lang.F(" (bỏ ra: %s)", strings.Join(notes, ", "))
		}
		p.Rows = append(p.Rows, v)
	}
	sortTies(m.lang, p.Rows, func(a, b selfGapRowView) bool { return a.Rank == b.Rank }, func(r selfGapRowView) string { return r.Unit.Title })
	resortNames(m.lang, p.Other, func(r selfGapRowView) string { return r.Unit.Title })
	p.Sortable = len(p.Rows) > 0
	p.dropEmptyYears()
	rks := m.byGroup[rk.Group.ID]
	for i, o := range rks {
		if o != rk {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if m.hasSelfGap(rks[j]) {
				p.Prev = link{Title: m.lang.F("Năm %d", rks[j].Year), URL: selfGapURL(rks[j].Year, rk.Group.ID)}
				break
			}
		}
		for j := i + 1; j < len(rks); j++ {
			if m.hasSelfGap(rks[j]) {
				p.Next = link{Title: m.lang.F("Năm %d", rks[j].Year), URL: selfGapURL(rks[j].Year, rk.Group.ID)}
				break
			}
		}
	}
	return p
}

// dropEmptyYears leaves out of every unit's trend the years in which no
// unit has a gap (the years with summary annexes only), said once in a
// note instead of a dash per unit and year.
func (p *selfGapPage) dropEmptyYears() {
	known := map[int]bool{}
	all := map[int]bool{}
	for _, rows := range [][]selfGapRowView{p.Rows, p.Other} {
		for _, r := range rows {
			for _, t := range r.Trend {
				all[t.Year] = true
				known[t.Year] = known[t.Year] || t.Known
			}
		}
	}
	var empty []int
	for y := range all {
		if !known[y] {
			empty = append(empty, y)
		}
	}
	if len(empty) == 0 {
		return
	}
	slices.Sort(empty)
	p.NoDetailYears = viet.YearSpan(empty)
	for _, rows := range [][]selfGapRowView{p.Rows, p.Other} {
		for i := range rows {
			rows[i].Trend = slices.DeleteFunc(rows[i].Trend, func(t gapYear) bool { return !known[t.Year] })
		}
	}
	p.Trend = false
	for _, rows := range [][]selfGapRowView{p.Rows, p.Other} {
		for _, r := range rows {
			p.Trend = p.Trend || len(r.Trend) > 1
		}
	}
}
