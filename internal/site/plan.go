package site

import (
	"slices"
	"strconv"
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
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

func pageTitle(d *par.Doc) string {
	if d.Title != "" {
		return d.Title
	}
	return d.Slug
}

func decisionTitle(d *par.Doc) string {
	switch {
	case d.Number != "" && d.Title != "":
		return "Quyết định số " + d.Number + ": " + d.Title
	case d.Number != "":
		return "Quyết định số " + d.Number
	case d.Title != "":
		return d.Title
	}
	return d.Slug
}

// rows turns a ranking's results into table rows, in the ranking's order
// (ranked by rank, then scored but unranked, then not scored).
func (m *model) rows(rk *par.Ranking) []rankRow {
	rows := make([]rankRow, 0, len(rk.Results))
	for _, r := range rk.Results {
		rows = append(rows, m.rankRow(r))
	}
	return rows
}

func (m *model) rankRow(r *par.Result) rankRow {
	row := rankRow{R: r, URL: unitURL(r.Unit.ID), BandClass: bandClass(r.Framework, r.Band), Change: m.change(r)}
	if r.Framework != nil {
		if i := r.Framework.BandIndex(r.Band.ID); i >= 0 && r.Band.ID != "" {
			row.BandSort = strconv.Itoa(i)
		}
	}
	if m.hasUnitYear(r) {
		row.YearURL = unitYearURL(r.Unit.ID, r.Year)
	}
	return row
}

// change describes r.Prev for display. A rank moving up is "▲", down "▼",
// unchanged "–". Across a framework change or via a predecessor the values
// are still shown but carry a note, because only the index compares fairly.
func (m *model) change(r *par.Result) change {
	c := r.Prev
	if c == nil || !r.Scored {
		return change{}
	}
	out := change{Known: true}
	fw := r.Framework
	dec := 2
	if fw != nil && fw.Decimals > 0 {
		dec = fw.Decimals
	}
	if c.PrevRank > 0 && r.Rank.N > 0 {
		out.RankSort = strconv.Itoa(c.Rank)
		switch {
		case c.Rank > 0:
			out.Rank, out.Dir = "▲"+strconv.Itoa(c.Rank), "up"
			out.RankSR = "tăng " + strconv.Itoa(c.Rank) + " bậc"
		case c.Rank < 0:
			out.Rank, out.Dir = "▼"+strconv.Itoa(-c.Rank), "down"
			out.RankSR = "giảm " + strconv.Itoa(-c.Rank) + " bậc"
		default:
			out.Rank, out.Dir = "–", "same"
			out.RankSR = "không đổi"
		}
		out.RankSR += " (năm " + strconv.Itoa(c.Year) + " xếp thứ " + strconv.Itoa(c.PrevRank) + ")"
	}
	if c.HasIndex {
		out.IndexSort = c.Index.String()
		s := viet.DecimalComma(c.Index.Format(dec))
		if c.Index.Round(dec) > 0 {
			s = "+" + s
		}
		out.Index = s
	}
	if !c.Comparable {
		out.Notes = append(out.Notes, "bộ chỉ số thay đổi, chỉ so sánh được chỉ số (%)")
	}
	if c.Via != "" && c.Via != r.Unit.ID {
		out.Via = m.unitLink(c.Via)
	}
	return out
}

// bandCounts counts a ranking's scored results per band, in the
// framework's band order; published band names unknown to the framework
// follow, then the scored results without a band.
func bandCounts(rk *par.Ranking) []bandCount {
	var out []bandCount
	idx := map[string]int{}
	if fw := rk.Framework; fw != nil {
		for _, b := range fw.Bands {
			idx["id:"+b.ID] = len(out)
			out = append(out, bandCount{Name: b.Name, Class: bandClass(fw, par.BandMark{ID: b.ID, Name: b.Name})})
		}
	}
	none := 0
	for _, r := range rk.Results {
		if !r.Scored {
			continue
		}
		var key string
		switch {
		case r.Band.ID != "":
			key = "id:" + r.Band.ID
		case r.Band.Name != "":
			key = "name:" + r.Band.Name
		default:
			none++
			continue
		}
		i, ok := idx[key]
		if !ok {
			i = len(out)
			idx[key] = i
			out = append(out, bandCount{Name: r.Band.Name, Class: bandClass(rk.Framework, r.Band)})
		}
		out[i].N++
	}
	if none > 0 {
		out = append(out, bandCount{Name: "Không xếp loại", N: none})
	}
	return out
}

func (m *model) groupYears(g string) []link {
	var out []link
	for _, rk := range m.byGroup[g] {
		out = append(out, link{Title: strconv.Itoa(rk.Year), URL: rankingURL(rk.Year, g)})
	}
	return out
}

func (m *model) home() homePage {
	p := homePage{meta: meta{Crumb: "Trang chủ"}, Decision: m.latestDecision(), Narrative: m.siteDoc}
	for _, y := range m.res.Years {
		p.Years = append(p.Years, link{Title: strconv.Itoa(y), URL: yearURL(y)})
	}
	for _, g := range m.reg.Groups {
		var latest *par.Ranking
		for _, rk := range m.byGroup[g.ID] {
			if scored(rk) {
				latest = rk
			}
		}
		if latest == nil {
			continue
		}
		hg := homeGroup{Group: g, Year: latest.Year, URL: rankingURL(latest.Year, g.ID), Bands: bandCounts(latest), Years: m.groupYears(g.ID), Unranked: g.Unranked}
		// A group no longer scored (districts after the 2025 reform) shows
		// its last results; say so, so no reader takes them for this year's.
		if ys := m.res.Years; len(ys) > 0 && latest.Year < ys[len(ys)-1] {
			hg.Final = true
		}
		var ranked []rankRow
		for _, r := range latest.Results {
			if r.Scored {
				hg.Scored++
			}
			if r.Rank.N > 0 {
				ranked = append(ranked, m.rankRow(r))
			}
		}
		hg.Ranked = len(ranked)
		top := min(3, len(ranked))
		hg.Top = ranked[:top]
		hg.Bottom = ranked[max(top, len(ranked)-3):]
		for _, rr := range slices.Concat(hg.Top, hg.Bottom) {
			if rowComputed(rr.R) {
				p.Computed = true
			}
			p.Recorded = p.Recorded || m.recorded[uyKey{rr.R.Unit.ID, rr.R.Year}]
		}
		p.Groups = append(p.Groups, hg)
	}
	return p
}

// rowComputed reports whether a ranking row shows a computed figure.
func rowComputed(r *par.Result) bool {
	for _, f := range []par.Figure{r.Total, r.Index, r.Appraised, r.Survey, r.Satisfaction} {
		if f.Origin == par.Computed {
			return true
		}
	}
	return r.Rank.Origin == par.Computed || r.Band.Origin == par.Computed
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

func (m *model) year(y int) yearPage {
	p := yearPage{meta: meta{Crumb: "Năm " + strconv.Itoa(y)}, Year: y, Narrative: m.yearDocs[y], Decisions: m.decisionsOf(y)}
	if i := slices.Index(m.res.Years, y); i > 0 {
		p.Prev = link{Title: "Năm " + strconv.Itoa(m.res.Years[i-1]), URL: yearURL(m.res.Years[i-1])}
	}
	if i := slices.Index(m.res.Years, y); i >= 0 && i+1 < len(m.res.Years) {
		p.Next = link{Title: "Năm " + strconv.Itoa(m.res.Years[i+1]), URL: yearURL(m.res.Years[i+1])}
	}
	for _, rk := range m.res.Rankings {
		if rk.Year != y {
			continue
		}
		s := rankingSummary{Group: rk.Group, URL: rankingURL(y, rk.Group.ID), Bands: bandCounts(rk)}
		var first, last *par.Result
		for _, r := range rk.Results {
			if r.Scored {
				s.Scored++
			}
			if r.Rank.N > 0 {
				s.Ranked++
				if first == nil {
					first = r
				}
				last = r
			}
		}
		if first != nil {
			f := m.rankRow(first)
			s.First = &f
		}
		if last != nil && last != first {
			l := m.rankRow(last)
			s.Last = &l
		}
		p.Rankings = append(p.Rankings, s)
	}
	return p
}

func (m *model) ranking(rk *par.Ranking) rankingPage {
	p := rankingPage{
		meta:      meta{Crumb: rk.Group.Name, Sortable: true},
		Ranking:   rk,
		Group:     rk.Group,
		Year:      rk.Year,
		Framework: rk.Framework,
		Rows:      m.rows(rk),
		Ranked:    !rk.Group.Unranked,
		Bands:     bandCounts(rk),
		Decision:  rk.Decision,
		Narrative: m.groupYearDoc[rkKey{rk.Year, rk.Group.ID}],
		Method:    urlMethodology,
	}
	if rk.Framework != nil {
		p.Method = frameworkURL(rk.Framework.ID)
	}
	p.hoistNotes()
	for _, row := range p.Rows {
		r := row.R
		p.Cols.Appraised = p.Cols.Appraised || r.Appraised.Known()
		p.Cols.Survey = p.Cols.Survey || r.Survey.Known()
		p.Cols.Satisfaction = p.Cols.Satisfaction || r.Satisfaction.Known()
		p.Cols.Change = p.Cols.Change || row.Change.Known
		p.Computed = p.Computed || rowComputed(r)
		p.Recorded = p.Recorded || m.recorded[uyKey{r.Unit.ID, r.Year}]
	}
	rks := m.byGroup[rk.Group.ID]
	if i := slices.Index(rks, rk); i >= 0 {
		if i > 0 {
			p.Prev = link{Title: "Năm " + strconv.Itoa(rks[i-1].Year), URL: rankingURL(rks[i-1].Year, rk.Group.ID)}
		}
		if i+1 < len(rks) {
			p.Next = link{Title: "Năm " + strconv.Itoa(rks[i+1].Year), URL: rankingURL(rks[i+1].Year, rk.Group.ID)}
		}
	}
	return p
}

// hoistNotes moves a comparison note shared by every row that has a
// change (typically "the framework changed") out of the rows into one
// sentence under the table, so the column stays narrow.
func (p *rankingPage) hoistNotes() {
	var common []string
	n := 0
	for _, row := range p.Rows {
		if !row.Change.Known {
			continue
		}
		if n > 0 && !slices.Equal(common, row.Change.Notes) {
			return
		}
		common = row.Change.Notes
		n++
	}
	if n < 2 || len(common) == 0 {
		return
	}
	p.Rows = slices.Clone(p.Rows)
	for i := range p.Rows {
		p.Rows[i].Change.Notes = nil
	}
	p.ChangeNotes = common
}

func (m *model) units() unitsPage {
	p := unitsPage{meta: meta{Crumb: "Đơn vị"}}
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
			it := unitItem{Name: u.Current().Name, URL: unitURL(u.ID), Ended: ending(u)}
			if u.Parent != "" {
				it.Parent = m.unitName(u.Parent)
			}
			g.Units = append(g.Units, it)
		}
		p.Groups = append(p.Groups, g)
	}
	for _, g := range m.reg.Groups {
		known[g.ID] = true
		emit(g.ID, g.Name)
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

func (m *model) unitYearRow(r *par.Result) unitYearRow {
	row := unitYearRow{R: r, BandClass: bandClass(r.Framework, r.Band)}
	if rk := m.rankings[rkKey{r.Year, r.Group}]; rk != nil {
		row.Ranking = rankingURL(r.Year, r.Group)
		row.Of = m.ranked[rk]
	}
	if m.hasUnitYear(r) {
		row.URL = unitYearURL(r.Unit.ID, r.Year)
	}
	return row
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
		if p := m.reg.Unit(id); p != nil {
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

func (m *model) links(ids []string) []link {
	out := make([]link, 0, len(ids))
	for _, id := range ids {
		out = append(out, m.unitLink(id))
	}
	return out
}

// lineage turns a unit's events into sentences.
func (m *model) lineage(u *par.Unit) []note {
	var out []note
	for _, e := range u.Events {
		var n note
		d := e.Date.String()
		switch e.Kind {
		case par.EventCreated:
			n.Before = "Thành lập"
			if d != "" {
				n.Before += " từ " + d
			}
			if len(e.Units) > 0 {
				n.Before += " trên cơ sở "
				n.Links = m.links(e.Units)
			}
		case par.EventRenamed:
			n.Before = "Đổi tên"
			if d != "" {
				n.Before += " từ " + d
			}
			if nm := u.NameAt(e.Date.Year); e.Date.Year > 0 && nm.Name != "" {
				n.Before += " thành “" + nm.Name + "”"
			}
		case par.EventMergedInto:
			n.Before = "Sáp nhập vào "
			if d != "" {
				n.Before = "Từ " + d + " sáp nhập vào "
			}
			n.Links = m.links(e.Units[:min(1, len(e.Units))])
		case par.EventMergedFrom:
			if createdFrom(u, e) {
				continue // "Thành lập … trên cơ sở" already names them
			}
			if d != "" {
				n.Before = "Từ " + d + ", "
			}
			n.Links = m.links(e.Units)
			n.After = " sáp nhập vào đơn vị này"
		case par.EventDissolved:
			n.Before = "Giải thể"
			if d != "" {
				n.Before += " từ " + d
			}
			if len(e.Units) > 0 {
				n.Before += "; nhiệm vụ chuyển giao cho "
				n.Links = m.links(e.Units)
			}
		default:
			n.Before = string(e.Kind)
			if d != "" {
				n.Before += " " + d
			}
		}
		if e.Note != "" {
			n.After += " (" + e.Note + ")"
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

func (m *model) unit(u *par.Unit) *unitPage {
	cur := u.Current()
	p := &unitPage{
		meta:      meta{Crumb: cur.Name},
		Unit:      u,
		Name:      cur.Name,
		NameEn:    cur.NameEn,
		Group:     link{Title: m.groupName(u.Group)},
		Ended:     ending(u),
		Notes:     m.lineage(u),
		Narrative: m.unitDocs[u.ID],
	}
	if u.Parent != "" {
		p.Parent = m.unitLink(u.Parent)
	}
	for i := 0; i+1 < len(u.Names); i++ {
		p.FormerNames = append(p.FormerNames, formerName{Name: u.Names[i].Name, From: u.Names[i].From, Until: u.Names[i+1].From})
	}
	results := m.res.ByUnit[u.ID]
	p.history = m.history(u)
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
	for _, pre := range m.predecessors(u) {
		for _, r := range m.res.ByUnit[pre.ID] {
			if !r.Scored {
				continue
			}
			row := m.unitYearRow(r)
			row.Unit = link{Title: pre.Current().Name, URL: unitURL(pre.ID)}
			p.PredRows = append(p.PredRows, row)
			p.Computed = p.Computed || rowComputed(r)
			p.Recorded = p.Recorded || m.recorded[uyKey{r.Unit.ID, r.Year}]
		}
	}
	slices.SortStableFunc(p.PredRows, func(a, b unitYearRow) int { return a.R.Year - b.R.Year })
	children := slices.Clone(m.children[u.ID])
	m.sortUnits(children)
	for _, c := range children {
		p.Children = append(p.Children, unitItem{Name: c.Current().Name, URL: unitURL(c.ID), Ended: ending(c)})
	}
	return p
}

// history is a unit's results preceded, before its first year, by those of
// the predecessor its year-on-year comparison went through (Change.Via), so
// the line of a unit formed by a merger starts where its history does.
func (m *model) history(u *par.Unit) []*par.Result {
	out := m.res.ByUnit[u.ID]
	seen := map[string]bool{u.ID: true}
	for len(out) > 0 {
		via := ""
		for _, r := range out {
			if r.Prev != nil && r.Prev.Via != "" && !seen[r.Prev.Via] {
				via = r.Prev.Via
				break
			}
		}
		if via == "" {
			break
		}
		seen[via] = true
		var earlier []*par.Result
		for _, r := range m.res.ByUnit[via] {
			if r.Year < out[0].Year {
				earlier = append(earlier, r)
			}
		}
		out = slices.Concat(earlier, out)
	}
	return out
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

func (m *model) unitYear(u *par.Unit, r *par.Result) *unitYearPage {
	p := &unitYearPage{
		meta:      meta{Crumb: "Năm " + strconv.Itoa(r.Year)},
		Unit:      u,
		R:         r,
		BandClass: bandClass(r.Framework, r.Band),
		Change:    m.change(r),
		Computed:  rowComputed(r) || r.SelfTotal.Origin == par.Computed || r.Bonus.Origin == par.Computed || r.Penalty.Origin == par.Computed,
		Narrative: m.unitYearDocs[uyKey{u.ID, r.Year}],
		Method:    urlMethodology,
	}
	if rk := m.rankings[rkKey{r.Year, r.Group}]; rk != nil {
		p.Ranking = link{Title: rk.Group.Name + " năm " + strconv.Itoa(r.Year), URL: rankingURL(r.Year, r.Group)}
		p.Of = m.ranked[rk]
	}
	if r.Framework != nil {
		p.Method = frameworkURL(r.Framework.ID)
	}
	for _, rc := range m.res.Reconciled {
		if rc.Unit == u.ID && rc.Year == r.Year {
			p.Recon = append(p.Recon, rc)
		}
	}
	p.Recorded = len(p.Recon) > 0
	if r.Incomplete {
		for _, k := range r.Missing {
			label := k
			if r.Framework != nil {
				if n := r.Framework.Node(k); n != nil {
					label = k + " " + n.Title
				}
			}
			p.Missing = append(p.Missing, label)
		}
	}
	var scoredYears []*par.Result // the years with a page
	for _, o := range m.res.ByUnit[u.ID] {
		if m.hasUnitYear(o) {
			scoredYears = append(scoredYears, o)
		}
	}
	if i := slices.Index(scoredYears, r); i >= 0 {
		if i > 0 {
			p.Prev = link{Title: "Năm " + strconv.Itoa(scoredYears[i-1].Year), URL: unitYearURL(u.ID, scoredYears[i-1].Year)}
		}
		if i+1 < len(scoredYears) {
			p.Next = link{Title: "Năm " + strconv.Itoa(scoredYears[i+1].Year), URL: unitYearURL(u.ID, scoredYears[i+1].Year)}
		}
	}
	return p
}

func (m *model) decision(d *par.Doc) decisionPage {
	p := decisionPage{meta: meta{Crumb: d.Number}, Doc: d}
	p.Amends, p.Replaces, p.ChangedBy = m.decisionRefs(d)
	if p.Crumb == "" {
		p.Crumb = d.Title
	}
	for _, g := range d.Groups {
		l := link{Title: m.groupName(g) + " năm " + strconv.Itoa(d.Year)}
		if m.rankings[rkKey{d.Year, g}] != nil {
			l.URL = rankingURL(d.Year, g)
		}
		p.Groups = append(p.Groups, l)
	}
	for _, a := range d.Attachments {
		title := a.Title
		if title == "" {
			title = a.File[strings.LastIndex(a.File, "/")+1:]
		}
		p.Attachments = append(p.Attachments, link{Title: title, URL: fileURL(a.File)})
	}
	return p
}

// reconciliation lists every recorded difference, in the register's order.
func (m *model) reconciliation() reconPage {
	p := reconPage{meta: meta{Crumb: "Đối chiếu số liệu"}}
	for _, rc := range m.res.Reconciled {
		row := reconRow{R: rc}
		if u := m.reg.Unit(rc.Unit); u != nil {
			row.Unit = link{Title: u.NameAt(rc.Year).Name, URL: unitURL(u.ID)}
			for _, r := range m.res.ByUnit[u.ID] {
				if r.Year == rc.Year && m.hasUnitYear(r) {
					row.UnitYear = unitYearURL(u.ID, rc.Year)
				}
			}
		}
		for _, c := range rc.Cells {
			row.Cells = append(row.Cells, c.String())
		}
		p.Rows = append(p.Rows, row)
	}
	return p
}

// hasUnitYear reports whether a result gets its own page: when scored, and
// when not scored but there is something to say (a detail sheet that is
// incomplete, a narrative explaining why).
func (m *model) hasUnitYear(r *par.Result) bool {
	return r.Scored || r.Detail || m.unitYearDocs[uyKey{r.Unit.ID, r.Year}] != nil
}
