package site

import (
	"html/template"
	"slices"
	"strconv"

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
			title := rk.Group.Name + " — xếp hạng năm " + strconv.Itoa(rk.Year)
			if rk.Group.Unranked {
				title = rk.Group.Name + " — kết quả năm " + strconv.Itoa(rk.Year)
			}
			out = append(out, Page{URL: rankingURL(rk.Year, rk.Group.ID), Title: title, Crumb: rk.Group.Name,
				Docs:     docPaths(m.groupYearDoc[rkKey{rk.Year, rk.Group.ID}]),
				Rankings: []string{RankingKey(rk.Year, rk.Group.ID)},
				view:     func() (any, error) { return m.ranking(rk), nil }})
		}
		return out
	}}
}

func (p *rankingPage) charts() []chart.Chart { return p.Charts }

type rankingPage struct {
	meta
	Ranking     *par.Ranking
	Group       *par.Group
	Year        int
	Framework   *par.Framework
	Rows        []rankRow // ranked and unranked scored results, then not scored
	Ranked      bool      // the group is ranked (not Group.Unranked)
	Cols        struct{ Appraised, Survey, Satisfaction, Change bool }
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

	// The table's rows and sources, written once by markup.rankTable.
	rowsHTML template.HTML
	srcs     *sources
}

// Span is the number of columns after the unit's name, for the row of a
// unit that was not scored.
func (p rankingPage) Span() int {
	n := 4 // total, index, band, details
	for _, b := range []bool{p.Cols.Appraised, p.Cols.Survey, p.Cols.Satisfaction, p.Cols.Change, p.Cols.Change && p.Ranked} {
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
	// The costliest part of a page (JSON encoding), built by the render
	// worker with the rest of the view.
	p.Charts = nonEmpty(chart.RankingIndex(rk), chart.BandDistribution(rk))
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

// rows turns a ranking's results into table rows, in the ranking's order
// (ranked by rank, then scored but unranked, then not scored).
func (m *model) rows(rk *par.Ranking) []rankRow {
	rows := make([]rankRow, 0, len(rk.Results))
	for _, r := range rk.Results {
		rows = append(rows, m.rankRow(r))
	}
	return rows
}

func rankingURL(year int, group string) string { return yearURL(year) + group + "/" }
