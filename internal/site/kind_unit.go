package site

import (
	"slices"

	"parindex/internal/chart"
	"parindex/internal/par"
)

// unitKind: "/don-vi/<unit>/", a unit's history, area profile, lineage,
// predecessors' results and its narrative (content/units/<unit>.md).
func unitKind() pageKind {
	return pageKind{Template: "unit", Pattern: "/don-vi/<unit>/", pages: func(m *model) []Page {
		out := make([]Page, 0, len(m.reg.Units))
		for _, u := range m.reg.Units {
			name := m.lang.nameOf(u)
			out = append(out, Page{URL: unitURL(u.ID), Title: name, Crumb: name, Docs: docPaths(m.unitDocs[u.ID]), Rankings: m.unitRankings(u),
				view: func() (any, error) { return m.unit(u), nil }})
		}
		return out
	}}
}

func (p *unitPage) charts() []chart.Chart { return p.Charts }

// unitRankings are the rankings whose results a unit page shows: its own
// years and its predecessors' (each drawn as a line of its own).
func (m *model) unitRankings(u *par.Unit) []string {
	var out []string
	add := func(rs []*par.Result) {
		for _, r := range rs {
			if k := RankingKey(r.Year, r.Group); !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	add(m.res.ByUnit[u.ID])
	// A parent's page ranks its children within it, from their rankings.
	for _, cy := range m.childYears(u) {
		if k := RankingKey(cy.Year, cy.Group); !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	for _, p := range m.predecessors(u) {
		add(m.res.ByUnit[p.ID])
	}
	slices.Sort(out)
	return out
}

// predGrid is the results of the units merged into a unit: a row per
// predecessor, a column per year.
type predGrid struct {
	Years []int
	Rows  []predRow
}

type predRow struct {
	Unit  link
	Cells []*unitYearRow // per year of the grid, nil when the unit has no result that year
}

type formerName struct {
	Name  string
	From  par.Date
	Until par.Date
}

// note is a sentence with links in it: Before Links[0], Links[1]… After.
type note struct {
	Before string
	Links  []link
	After  string
}

type unitPage struct {
	meta
	Unit        *par.Unit
	Name        string
	NameEn      string
	Group       link
	Parent      link
	FormerNames []formerName
	Ended       string
	Rows        []unitYearRow
	Pred        predGrid
	Notes       []note
	Children    []unitItem
	// ChildYears rank the unit's children among themselves, one table per
	// year, latest first (rule "ranks within the parent").
	ChildYears []childYear
	ChildGroup string // the children's group name
	Narrative  *par.Doc
	// Leads: the areas the unit leads (cơ quan chủ trì) in a framework,
	// with how all units fared in them.
	Leads    []leadArea
	Computed bool
	Recorded bool // some figure shown is a recorded difference (‡): explain the mark
	Charts   []chart.Chart

	profile *par.Result
	stats   []par.AreaStat
}

func (m *model) unit(u *par.Unit) *unitPage {
	cur := u.Current()
	p := &unitPage{
		Unit:      u,
		Name:      m.lang.name(cur.Name, cur.NameEn),
		NameEn:    cur.NameEn,
		Group:     link{Title: m.groupName(u.Group)},
		Ended:     ending(u, m.lang),
		Notes:     m.lineage(u),
		Narrative: m.unitDocs[u.ID],
		Leads:     m.leadAreas(u),
	}
	if u.Parent != "" {
		p.Parent = m.unitLink(u.Parent)
	}
	for i := 0; i+1 < len(u.Names); i++ {
		p.FormerNames = append(p.FormerNames, formerName{Name: m.lang.nameOf(u.Names[i]), From: u.Names[i].From, Until: u.Names[i+1].From})
	}
	results := m.res.ByUnit[u.ID]
	for _, r := range results {
		p.Rows = append(p.Rows, m.unitYearRow(r))
		p.Computed = p.Computed || (r.Scored && rowComputed(r))
		p.Recorded = p.Recorded || m.recorded[uyKey{r.Unit.ID, r.Year}]
		if r.Detail && r.Scored {
			p.profile = r
		}
	}
	if rs := m.groupLatest(u.Group); rs != "" {
		p.Group.URL = rs
	}
	if p.profile != nil {
		if rk := m.rankings[rkKey{p.profile.Year, p.profile.Group}]; rk != nil {
			p.stats = rk.AreaStats
		}
	}
	own := chart.Line{Name: p.Name, Results: results, Sizes: m.rankedCounts(results)}
	var lines []chart.Line
	for _, pre := range m.predecessors(u) {
		rs := m.res.ByUnit[pre.ID]
		if len(rs) == 0 {
			continue
		}
		name := m.lang.nameOf(pre)
		lines = append(lines, chart.Line{Name: name, Results: rs, Sizes: m.rankedCounts(rs)})
		row := predRow{Unit: link{Title: name, URL: unitURL(pre.ID)}}
		for _, r := range rs {
			if !slices.Contains(p.Pred.Years, r.Year) {
				p.Pred.Years = append(p.Pred.Years, r.Year)
			}
			p.Computed = p.Computed || (r.Scored && rowComputed(r))
			p.Recorded = p.Recorded || m.recorded[uyKey{r.Unit.ID, r.Year}]
		}
		p.Pred.Rows = append(p.Pred.Rows, row)
	}
	// The predecessors' results as a predecessor × year grid (issue 11,
	// item 6): one row per unit merged in, one column per year.
	slices.Sort(p.Pred.Years)
	for i, l := range lines {
		cells := make([]*unitYearRow, len(p.Pred.Years))
		for _, r := range l.Results {
			row := m.unitYearRow(r)
			cells[slices.Index(p.Pred.Years, r.Year)] = &row
		}
		p.Pred.Rows[i].Cells = cells
	}
	children := slices.Clone(m.children[u.ID])
	m.sortUnits(children)
	for _, c := range children {
		p.Children = append(p.Children, unitItem{Name: m.lang.nameOf(c), URL: unitURL(c.ID), Ended: ending(c, m.lang)})
	}
	p.ChildYears = m.childYears(u)
	if len(p.ChildYears) > 0 {
		p.ChildGroup = m.groupName(p.ChildYears[0].Group)
	}
	for _, cy := range p.ChildYears {
		for _, row := range cy.Rows {
			p.Computed = p.Computed || (row.R.Scored && rowComputed(row.R)) || row.R.ParentRank.Origin == par.Computed
			p.Recorded = p.Recorded || m.recorded[uyKey{row.R.Unit.ID, row.R.Year}]
		}
	}
	index, rank := chart.UnitHistory(m.lang, p.Name, own, lines)
	p.Charts = nonEmpty(index, rank)
	if p.profile != nil && len(p.stats) > 0 {
		p.Charts = append(p.Charts, nonEmpty(chart.AreaProfile(m.lang, p.profile, p.stats))...)
	}
	p.Charts = append(p.Charts, m.areaTrend(p.Name, results)...)
	return p
}

// rankedCounts is, per result, how many units its ranking ranked (0 if
// unknown), so a rank reads against its group's size ("5/20").
func (m *model) rankedCounts(results []*par.Result) []int {
	out := make([]int, len(results))
	for i, r := range results {
		rk := m.rankings[rkKey{r.Year, r.Group}]
		if rk == nil {
			continue
		}
		out[i] = m.ranked[rk] // counted once per ranking when the model is made
	}
	return out
}

// predecessors are the units u continues: those that merged into it, and
// those named by its own merged-from and created events, in registry order.
func (m *model) predecessors(u *par.Unit) []*par.Unit {
	seen := map[string]bool{u.ID: true}
	var out []*par.Unit
	addID := func(id string) {
		if seen[id] {
			return
		}
		if p := m.unitByID[id]; p != nil {
			seen[id] = true
			out = append(out, p)
		}
	}
	for _, p := range m.mergedInto[u.ID] {
		addID(p.ID)
	}
	for _, e := range u.Events {
		if e.Kind == par.EventMergedFrom || e.Kind == par.EventCreated {
			for _, id := range e.Units {
				addID(id)
			}
		}
	}
	return out
}

// lineage turns a unit's events into sentences.
func (m *model) lineage(u *par.Unit) []note {
	var out []note
	for _, e := range u.Events {
		var n note
		d := m.lang.date(e.Date)
		l := m.lang
		switch e.Kind {
		case par.EventCreated:
			n.Before = l.T("Thành lập")
			if d != "" {
				n.Before += l.F(" từ %s", d)
			}
			if len(e.Units) > 0 {
				n.Before += l.T(" trên cơ sở ")
				n.Links = m.links(e.Units)
			}
		case par.EventRenamed:
			n.Before = l.T("Đổi tên")
			if d != "" {
				n.Before += l.F(" từ %s", d)
			}
			if nm := u.NameAt(e.Date.Year); e.Date.Year > 0 && nm.Name != "" {
				n.Before += l.F(" thành “%s”", l.nameOf(nm))
			}
		case par.EventMergedInto:
			n.Before = l.T("Sáp nhập vào ")
			if d != "" {
				n.Before = l.F("Từ %s sáp nhập vào ", d)
			}
			n.Links = m.links(e.Units[:min(1, len(e.Units))])
		case par.EventMergedFrom:
			if createdFrom(u, e) {
				continue // "Thành lập … trên cơ sở" already names them
			}
			if d != "" {
				n.Before = l.F("Từ %s, ", d)
			}
			n.Links = m.links(e.Units)
			n.After = l.T(" sáp nhập vào đơn vị này")
		case par.EventDissolved:
			n.Before = l.T("Giải thể")
			if d != "" {
				n.Before += l.F(" từ %s", d)
			}
			if len(e.Units) > 0 {
				n.Before += l.T("; nhiệm vụ chuyển giao cho ")
				n.Links = m.links(e.Units)
			}
		default:
			n.Before = string(e.Kind)
			if d != "" {
				n.Before += " " + d
			}
		}
		if e.Note != "" {
			n.After += " (" + l.name(e.Note, "") + ")"
		}
		n.After += "."
		out = append(out, n)
	}
	return out
}

// createdFrom reports whether u has a created event on e's date naming the
// same units as the merged-from event e.
func createdFrom(u *par.Unit, e par.Event) bool {
	for _, c := range u.Events {
		if c.Kind == par.EventCreated && c.Date == e.Date && slices.Equal(c.Units, e.Units) {
			return true
		}
	}
	return false
}

// groupLatest links a group to its latest ranking, or "".
func (m *model) groupLatest(g string) string {
	rks := m.byGroup[g]
	if len(rks) == 0 {
		return ""
	}
	last := rks[len(rks)-1]
	return rankingURL(last.Year, g)
}

func unitURL(id string) string { return urlUnits + id + "/" }

// childYear is one year's ranking of a parent's children among
// themselves.
type childYear struct {
	Year    int
	Group   string // the children's ranking group
	Ranking string // the province-wide ranking page
	Ranked  int    // children ranked that year
	Open    bool   // the latest year, shown open
	Rows    []unitYearRow
}

// childYears ranks u's children within u for every year their group has
// a ranking with one of them: ranked children by their rank within u
// (their order in the province-wide ranking), then the others as that
// ranking lists them. Latest year first.
func (m *model) childYears(u *par.Unit) []childYear {
	var out []childYear
	for _, rk := range m.res.Rankings {
		if rk.Group.ParentGroup != u.Group || rk.Group.Unranked {
			continue
		}
		cy := childYear{Year: rk.Year, Group: rk.Group.ID, Ranking: rankingURL(rk.Year, rk.Group.ID)}
		var ranked, rest []unitYearRow
		for _, r := range rk.Results {
			if r.Unit.Parent != u.ID {
				continue
			}
			row := m.unitYearRow(r)
			row.Unit = link{Title: m.lang.resultName(r), URL: unitURL(r.Unit.ID)}
			if r.ParentRank.N > 0 {
				ranked = append(ranked, row)
			} else {
				rest = append(rest, row)
			}
		}
		if len(ranked) == 0 {
			continue
		}
		slices.SortStableFunc(ranked, func(a, b unitYearRow) int { return a.R.ParentRank.N - b.R.ParentRank.N })
		cy.Ranked = len(ranked)
		cy.Rows = append(ranked, rest...)
		out = append(out, cy)
	}
	slices.Reverse(out)
	if len(out) > 0 {
		out[0].Open = true
	}
	return out
}
