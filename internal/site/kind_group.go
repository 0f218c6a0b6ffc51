package site

import (
	"slices"
	"strconv"
	"strings"

	"parindex/internal/chart"
	"parindex/internal/par"
)

// groupKind: "/khoi/<group>/", one ranking group over all its years: a
// bump chart of ranks with a unit picker, band shares per year, the index
// distribution per year, and links to each year's ranking, to the
// year-pair comparisons (/khoi/<group>/<y1>-<y2>/, built by their own
// kind) and to the unit comparison.
func groupKind() pageKind {
	return pageKind{Template: "group", Pattern: "/khoi/<group>/", pages: func(m *model) []Page {
		var out []Page
		for _, h := range m.res.Histories {
			rks := m.byGroup[h.Group.ID]
			if len(rks) == 0 {
				continue
			}
			keys := m.groupRankings(h.Group.ID)
			out = append(out, Page{URL: groupURL(h.Group.ID), Title: m.lang.F("%s — kết quả qua các năm", m.lang.nameOf(h.Group)), Crumb: m.lang.nameOf(h.Group),
				Rankings: keys,
				view:     func() (any, error) { return m.group(h, rks), nil }})
		}
		return out
	}}
}

const urlGroups = "/khoi/"

// groupURL is a group's history page.
func groupURL(group string) string { return urlGroups + group + "/" }

// unitOption is one choice of a unit picker.
type unitOption struct {
	ID       string
	Name     string // in the page's language
	sortName string // as published, for the order of names (lang.nameCmp)
	sortEn   string // its English name, if given
}

type groupYearLink struct {
	Year      int
	URL       string // the year's ranking
	Framework *par.Framework
	Units     int
	Pair      link // comparison with the year before, if there is one
}

type groupPage struct {
	meta
	Group      *par.Group
	Years      []groupYearLink
	Units      []unitOption // the bump chart's units, in name order
	RanksID    string       // the bump chart's id, for the picker
	Thresholds []string     // band bounds that changed between frameworks
	FwChanges  []string     // "2022: so-2019 → so-2022"
	CompareURL string
	Pairs      bool // some year pair is linked
	Charts     []chart.Chart
}

func (p *groupPage) charts() []chart.Chart { return p.Charts }

func (m *model) group(h *par.History, rks []*par.Ranking) *groupPage {
	p := &groupPage{Group: h.Group, CompareURL: compareURL(h.Group.ID), Thresholds: m.thresholdNotes(h.Thresholds)}
	for i, y := range h.Years {
		gy := groupYearLink{Year: y.Year, URL: rankingURL(y.Year, h.Group.ID), Framework: y.Framework, Units: y.Units}
		if i > 0 {
			prev := h.Years[i-1]
			// The year-pair pages are their own kind: linked when planned.
			if u := pairURL(h.Group.ID, prev.Year, y.Year); m.planned[u] {
				gy.Pair = link{Title: strconv.Itoa(prev.Year) + "–" + strconv.Itoa(y.Year), URL: u}
				p.Pairs = true
			}
			if a, b := prev.Framework, y.Framework; a != nil && b != nil && a.ID != b.ID {
				p.FwChanges = append(p.FwChanges, m.lang.F("năm %d", y.Year)+": "+m.lang.nameOf(a)+" → "+m.lang.nameOf(b))
			}
		}
		p.Years = append(p.Years, gy)
	}
	ranks, bands, index := chart.GroupHistory(m.lang, h, rks)
	p.RanksID = ranks.ID
	p.Charts = []chart.Chart{ranks, bands, index}
	p.Units = groupUnits(rks, true, m.lang)
	return p
}

// groupUnits lists the units with a result in the rankings (only those
// ever ranked, if rankedOnly), each under the name it last had there, in
// the order of the names shown (lang.nameCmp). A merged unit and its
// predecessors are distinct.
func groupUnits(rks []*par.Ranking, rankedOnly bool, l *lang) []unitOption {
	idx := map[string]int{}
	var out []unitOption
	for _, rk := range rks {
		for _, r := range rk.Results {
			if r.Unit == nil || rankedOnly && (!r.Scored || r.Rank.N <= 0) {
				continue
			}
			i, ok := idx[r.Unit.ID]
			if !ok {
				i = len(out)
				idx[r.Unit.ID] = i
				out = append(out, unitOption{ID: r.Unit.ID})
			}
			out[i].Name, out[i].sortName, out[i].sortEn = l.resultName(r), r.Name, ""
			if n := r.Unit.NameAt(r.Year); n.Name == r.Name {
				out[i].sortEn = n.NameEn
			}
		}
	}
	names := l.nameCmp()
	slices.SortStableFunc(out, func(a, b unitOption) int {
		if c := names(a.sortName, a.sortEn, b.sortName, b.sortEn); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// thresholdNotes says, per band word, how its lower bound changed between
// frameworks: "Ngưỡng mức Tốt: từ 80 % (so-2019) → từ 90 % (so-2022, từ
// năm 2022)".
func (m *model) thresholdNotes(ts []par.ThresholdChange) []string {
	var order []string
	chains := map[string]*strings.Builder{}
	for _, t := range ts {
		b := chains[t.Key]
		if b == nil {
			b = &strings.Builder{}
			chains[t.Key] = b
			order = append(order, t.Key)
			b.WriteString(m.lang.F("Ngưỡng mức %s: từ %s (%s)", m.lang.name(t.Name, t.NameEn), m.boundText(t.FromMin, t.From), t.From.ID))
		}
		b.WriteString(m.lang.F(" → từ %s (%s, từ năm %d)", m.boundText(t.ToMin, t.To), t.To.ID, t.Year))
	}
	var out []string
	for _, k := range order {
		out = append(out, chains[k].String())
	}
	return out
}

// boundText is a band's lower bound on its framework's basis: "80 %" or
// "80 điểm".
func (m *model) boundText(p par.Points, fw *par.Framework) string {
	if fw != nil && fw.Basis == par.BasisPoints {
		return m.lang.F("%s điểm", m.exact(p))
	}
	return m.exact(p) + " %"
}

// groupRankings are the keys (RankingKey) of every ranking of a group:
// what a page over the group's years shows.
func (m *model) groupRankings(group string) []string {
	var keys []string
	for _, rk := range m.byGroup[group] {
		keys = append(keys, RankingKey(rk.Year, group))
	}
	return keys
}
