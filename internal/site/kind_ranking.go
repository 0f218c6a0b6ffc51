package site

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"parindex/internal/chart"
	"parindex/internal/par"
)

// rankingKind: "/nam/<year>/<group>/", one ranking (group × year) with
// changes since the previous year, charts, its decision and its narrative
// (content/years/<year>/<group>.md).
func rankingKind() pageKind {
	return pageKind{Template: "ranking", Pattern: "/nam/<year>/<group>/", pages: func(m *model) []Page {
		var out []Page
		for _, rk := range m.res.Rankings {
			name := m.lang.nameOf(rk.Group)
			title := m.lang.F("%s — xếp hạng năm %d", name, rk.Year)
			if rk.Group.Unranked {
				title = m.lang.F("%s — kết quả năm %d", name, rk.Year)
			}
			out = append(out, Page{URL: rankingURL(rk.Year, rk.Group.ID), Title: title, Crumb: name,
				Docs:     docPaths(m.groupYearDoc[rkKey{rk.Year, rk.Group.ID}]),
				Rankings: []string{RankingKey(rk.Year, rk.Group.ID)},
				view:     func() (any, error) { return m.ranking(rk), nil }})
		}
		return out
	}}
}

func (p *rankingPage) charts() []chart.Chart { return p.Charts }

// rankingTableID is the ranking table's id on its page.
const rankingTableID = "bang-xep-hang"

type rankingPage struct {
	meta
	Ranking   *par.Ranking
	Group     *par.Group
	Year      int
	Framework *par.Framework
	Rows      []rankRow // ranked and unranked scored results, then not scored
	Ranked    bool      // the group is ranked (not Group.Unranked)
	// Cols: the optional columns shown. Index and Appraised are left out
	// when they repeat the total in every row (SameNote says so).
	Cols struct{ Index, Appraised, Survey, Satisfaction, PrevRank, Change, Parent bool }
	// ParentHead names the parent column (the parent group's name, e.g.
	// "Huyện"); Parents are the filter's choices, in name order.
	ParentHead string
	Parents    []parentOption
	TotalHead  string // the total's column header, naming the columns it stands for
	SameNote   string // why a column is left out, or ""
	PrevYear   int    // the year the changes compare with, 0 when none
	RankNote   string // how the change of rank is counted, when it matters
	NoData     bool   // some cell shows the no-data mark: explain it
	// PrevRankHead is the header of last year's rank, which names both
	// years when its cells hold "5/20 → 5/14".
	PrevRankHead string
	// Caption says what the table holds without repeating the page's
	// heading right above it.
	Caption     string
	Computed    bool // some figure shown is computed: show the legend
	Recorded    bool // some figure shown is a recorded difference (‡): explain the mark
	Bands       []bandCount
	ChangeNotes []string // notes shared by every change, shown once
	Decision    *par.Doc
	Narrative   *par.Doc
	Method      string // methodology URL of the framework
	Prev        link
	Next        link
	Charts      []chart.Chart
	History     string   // the group's page over all years, "" if none
	Thresholds  []string // band bounds changed since the previous year's framework
	// Pairs chooses two years of the group to compare (kind_pair.go),
	// nil when the group has one ranking only.
	Pairs   *pairSelector
	Compare []link // comparison pages of this ranking (areas, self-assessment)

	// The table's rows and sources, written once by markup.rankTable.
	rowsHTML template.HTML
	srcs     *sources
}

// Span is the number of columns after the unit's name (and its parent's,
// which the row writes itself), for the row of a unit that was not scored.
func (p rankingPage) Span() int {
	n := 3 // total, band, details
	for _, b := range []bool{p.Cols.Index, p.Cols.Appraised, p.Cols.Survey, p.Cols.Satisfaction, p.Cols.PrevRank && p.Ranked, p.Cols.Change, p.Cols.Change && p.Ranked} {
		if b {
			n++
		}
	}
	return n
}

func (m *model) ranking(rk *par.Ranking) *rankingPage {
	p := &rankingPage{
		meta:      meta{Sortable: true},
		Ranking:   rk,
		Group:     rk.Group,
		Year:      rk.Year,
		Framework: rk.Framework,
		Rows:      m.rows(rk),
		Ranked:    !rk.Group.Unranked,
		Bands:     bandCounts(rk, m.lang),
		Decision:  rk.Decision,
		Narrative: m.groupYearDoc[rkKey{rk.Year, rk.Group.ID}],
		Method:    urlMethodology,
	}
	if rk.Framework != nil {
		p.Method = frameworkURL(rk.Framework.ID)
	}
	p.hoistNotes()
	if m.planned[groupURL(rk.Group.ID)] {
		p.History = groupURL(rk.Group.ID)
	}
	for _, h := range m.res.Histories {
		if h.Group == rk.Group {
			var ts []par.ThresholdChange
			for _, t := range h.Thresholds {
				if t.Year == rk.Year {
					ts = append(ts, t)
				}
			}
			p.Thresholds = m.thresholdNotes(ts)
		}
	}
	m.parentColumn(p)
	sameIndex, sameAppraised := true, true
	for _, row := range p.Rows {
		r := row.R
		p.Cols.Appraised = p.Cols.Appraised || r.Appraised.Known()
		p.Cols.Survey = p.Cols.Survey || r.Survey.Known()
		p.Cols.Satisfaction = p.Cols.Satisfaction || r.Satisfaction.Known()
		p.Cols.PrevRank = p.Cols.PrevRank || row.Change.PrevRank != ""
		p.Cols.Change = p.Cols.Change || row.Change.Known
		p.Computed = p.Computed || rowComputed(r)
		p.Recorded = p.Recorded || m.recorded[uyKey{r.Unit.ID, r.Year}]
		if r.Scored {
			// A recorded difference (‡) is marked on its own cell, which
			// must then stay.
			rec := m.recorded[uyKey{r.Unit.ID, r.Year}]
			sameIndex = sameIndex && !rec && sameFigure(r.Index, r.Total)
			sameAppraised = sameAppraised && !rec && sameFigure(r.Appraised, r.Total)
		}
		if r.Prev != nil && p.PrevYear == 0 {
			p.PrevYear = r.Prev.Year
		}
		if row.Change.Recounted && p.RankNote == "" {
			c := r.Prev
			p.RankNote = m.lang.F("Thay đổi hạng chỉ tính giữa %[1]d đơn vị được xếp hạng cả hai năm %[2]d và %[3]d (năm %[2]d có %[4]d, năm %[3]d có %[5]d đơn vị được xếp hạng): đơn vị mới vào hay ra khỏi bảng không làm đơn vị khác lên, xuống hạng, nên thay đổi có thể khác hiệu số hai thứ hạng.",
				c.Common, c.Year, r.Year, c.PrevOf, c.Of)
		}
	}
	p.Cols.Index = !sameIndex
	p.TotalHead = m.lang.T("Tổng điểm")
	var same []string
	if sameIndex {
		p.TotalHead = m.lang.T("Tổng điểm = Chỉ số (%)")
		why := m.lang.T("ở mọi đơn vị")
		if rk.Framework != nil && rk.Framework.Max() == par.FromInt(100) {
			why = m.lang.T("vì điểm tối đa là 100")
		}
		same = append(same, m.lang.F("chỉ số CCHC (%%) bằng tổng điểm %s", why))
	}
	if p.Cols.Appraised && sameAppraised {
		p.Cols.Appraised = false
		same = append(same, m.lang.T("điểm thẩm định bằng tổng điểm ở mọi đơn vị"))
	}
	if len(same) > 0 {
		p.SameNote = m.lang.F("Trong bảng này %s, nên mỗi số chỉ in một lần.", strings.Join(same, ", "))
	}
	ranked, sizes := 0, false
	for _, row := range p.Rows {
		p.NoData = p.NoData || p.rowNoData(row)
		if row.R.Rank.N > 0 {
			ranked++
		}
		if c := row.R.Prev; c != nil && c.PrevRank > 0 && c.PrevOf != c.Of {
			sizes = true
		}
	}
	p.PrevRankHead = m.lang.F("Hạng năm %d", p.PrevYear)
	if sizes {
		p.PrevRankHead += m.lang.F(" → %d (hạng/số đơn vị)", rk.Year)
	}
	p.Caption = m.lang.F("Kết quả đầy đủ của %d đơn vị.", len(p.Rows))
	if p.Ranked {
		p.Caption = m.lang.F("Bảng xếp hạng đầy đủ, %d đơn vị được xếp hạng. Bấm tiêu đề cột để sắp xếp.", ranked)
	}
	rks := m.byGroup[rk.Group.ID]
	if i := slices.Index(rks, rk); i >= 0 {
		if i > 0 {
			p.Prev = link{Title: m.lang.F("Năm %d", rks[i-1].Year), URL: rankingURL(rks[i-1].Year, rk.Group.ID)}
		}
		if i+1 < len(rks) {
			p.Next = link{Title: m.lang.F("Năm %d", rks[i+1].Year), URL: rankingURL(rks[i+1].Year, rk.Group.ID)}
		}
		switch {
		case i > 0:
			p.Pairs = m.pairSelectorOf(rk.Group, rks[i-1].Year, rk.Year)
			p.Pairs.Prev = link{Title: strconv.Itoa(rks[i-1].Year) + "–" + strconv.Itoa(rk.Year), URL: pairURL(rk.Group.ID, rks[i-1].Year, rk.Year)}
		case len(rks) > 1:
			p.Pairs = m.pairSelectorOf(rk.Group, rk.Year, rks[i+1].Year)
		}
		if p.Pairs != nil {
			p.Scripts = []string{pairScript}
		}
	}
	// The costliest part of a page (JSON encoding), built by the render
	// worker with the rest of the view.
	// The index chart plots the ranking table above it: the page links
	// that table rather than print it twice.
	index := chart.RankingIndex(m.lang, rk)
	if len(p.Rows) > 0 {
		index.SameAs = rankingTableID
	}
	p.Charts = nonEmpty(index, chart.BandDistribution(m.lang, rk))
	p.Compare = m.compareLinks(rk)
	return p
}

// parentOption is one choice of a ranking's parent filter: the value is
// the id the rows carry in data-parent.
type parentOption struct{ ID, Name string }

// parentColumn sets up the parent column and filter of a ranking whose
// units have parents (communes and their districts), shown when some
// unit of the ranking has one.
func (m *model) parentColumn(p *rankingPage) {
	if p.Group.ParentGroup == "" {
		return
	}
	seen := map[string]bool{}
	var ids []*par.Unit
	for _, row := range p.Rows {
		if id := row.ParentID; id != "" && !seen[id] {
			seen[id] = true
			if u := m.unitByID[id]; u != nil {
				ids = append(ids, u)
			}
		}
	}
	if len(seen) == 0 {
		return
	}
	p.Cols.Parent = true
	for _, row := range p.Rows {
		p.Computed = p.Computed || row.R.ParentRank.Origin == par.Computed
	}
	p.ParentHead = m.groupName(p.Group.ParentGroup)
	m.sortUnits(ids)
	for _, u := range ids {
		p.Parents = append(p.Parents, parentOption{ID: u.ID, Name: m.lang.nameOf(u.NameAt(p.Year))})
	}
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

// rows turns a ranking's results into table rows, in the ranking's order
// (ranked by rank, then scored but unranked, then not scored), the units
// of a rank, the unranked and the unscored in the order of the names shown.
func (m *model) rows(rk *par.Ranking) []rankRow {
	rows := make([]rankRow, 0, len(rk.Results))
	for _, r := range rk.Results {
		rows = append(rows, m.rankRow(r))
	}
	sortTies(m.lang, rows, func(a, b rankRow) bool { return a.R.Scored == b.R.Scored && a.R.Rank.N == b.R.Rank.N },
		func(r rankRow) string { return m.lang.resultName(r.R) })
	return rows
}

func rankingURL(year int, group string) string { return yearURL(year) + group + "/" }

// rowNoData reports whether a row shows the no-data mark in one of the
// columns shown (markup.rankTable writes them).
func (p *rankingPage) rowNoData(row rankRow) bool {
	r, c := row.R, row.Change
	if !r.Scored {
		return p.Ranked // the rank cell; the rest says "Chưa chấm điểm"
	}
	if p.Ranked && r.Rank.N <= 0 || !r.Total.Known() || r.Band.Name == "" {
		return true
	}
	if p.Cols.Parent && (row.ParentID == "" || r.ParentRank.N <= 0) {
		return true
	}
	for _, f := range []struct {
		shown bool
		fig   par.Figure
	}{{p.Cols.Index, r.Index}, {p.Cols.Appraised, r.Appraised}, {p.Cols.Survey, r.Survey}, {p.Cols.Satisfaction, r.Satisfaction}} {
		if f.shown && !f.fig.Known() {
			return true
		}
	}
	return p.Cols.PrevRank && p.Ranked && c.PrevRank == "" ||
		p.Cols.Change && (p.Ranked && c.Rank == "" || c.Index == "")
}

// sameFigure reports whether two figures print the same: both missing, or
// both known with the same number as shown.
func sameFigure(a, b par.Figure) bool {
	if a.Known() != b.Known() {
		return false
	}
	return !a.Known() || fmtFigure(a) == fmtFigure(b)
}
