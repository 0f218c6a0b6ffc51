package site

import (
	"strconv"

	"parindex/internal/chart"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// The view types are what the templates see as .Data. They hold pointers
// into the dataset and results plus the few strings that are easier to
// decide in Go than in a template (URLs, change arrows, notes). URLs are
// site-relative; templates add the base path with `url`. This file holds
// the parts several page kinds share; each kind's own view is in its
// kind_*.go file.

// link is a titled site-relative URL; an empty URL renders as plain text.
type link struct {
	Title string
	URL   string
}

// meta is embedded in every view: which scripts the page needs.
type meta struct {
	Sortable bool     // the page has a sortable table: load site.js
	Scripts  []string // further scripts of the theme (site-relative), loaded with defer
}

func (m meta) sortable() bool    { return m.Sortable }
func (m meta) scripts() []string { return m.Scripts }

// change is a result's movement since the previous year, ready to print.
type change struct {
	Known    bool
	Rank     string // "▲2", "▼1", "=" (no change) or "" when the rank cannot be compared
	Dir      string // "up", "down" or "same", for the stylesheet
	RankSR   string // the same for screen readers: "tăng 2 bậc"
	RankSort string // data-sort value
	// PrevRank is last year's published rank in the group, "" when none;
	// "5/20 → 5/14" when the group's size changed, so that the same place
	// in a smaller group is not read as the same standing.
	PrevRank      string
	PrevRankSort  string
	PrevRankLabel string // "Hạng năm 2023", naming both years with "5/20 → 5/14"
	// Recounted: the change of rank differs from the difference of the
	// published ranks, because units entered or left the ranking.
	Recounted bool
	Index     string // "+1,25", "−0,25" (true minus sign), "0,00" or ""
	IndexSort string
	Notes     []string // why a comparison needs care
	Via       link     // the predecessor compared with, if any
}

// rankRow is one unit's row in a ranking table.
type rankRow struct {
	R         *par.Result
	URL       string // the unit's page
	YearURL   string // the unit-year page, "" when not scored
	BandClass string
	BandSort  string // band position for sorting (0 = best), "" when none
	Change    change
	// Parent is the unit's parent (a commune's district), linked under
	// its name that year; ParentID is "" for a unit without one.
	Parent   link
	ParentID string
}

type bandCount struct {
	Name  string
	Class string
	N     int
}

type unitItem struct {
	Name   string
	URL    string
	Parent string
	Ended  string // "đã sáp nhập", "đã giải thể" or ""
}

// unitYearRow is one year of a unit's (or a predecessor's) history.
type unitYearRow struct {
	R         *par.Result
	Unit      link // set in the predecessors' table
	URL       string
	Ranking   string // the ranking page
	Of        int    // ranked units in the ranking
	BandClass string
	// ParentName: the result is also ranked within its parent (a
	// commune within its district), which is named so.
	ParentName string
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
	if id := r.Unit.Parent; id != "" {
		row.ParentID = id
		row.Parent = m.parentLink(id, r.Year)
	}
	return row
}

// change describes r.Prev for display. A rank moving up is "▲", down "▼",
// unchanged "=" (never a dash, which reads as "no data"). Across a
// framework change or via a predecessor the values are still shown but
// carry a note, because only the index compares fairly.
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
	if c.PrevRank > 0 {
		out.PrevRankSort = strconv.Itoa(c.PrevRank)
		out.PrevRank = out.PrevRankSort
		out.PrevRankLabel = m.lang.F("Hạng năm %d", c.Year)
		if c.PrevOf != c.Of && r.Rank.N > 0 {
			out.PrevRank = strconv.Itoa(c.PrevRank) + "/" + strconv.Itoa(c.PrevOf) + " → " + strconv.Itoa(r.Rank.N) + "/" + strconv.Itoa(c.Of)
			out.PrevRankLabel += m.lang.F(" → %d (hạng/số đơn vị)", r.Year)
		}
	}
	if c.HasRank {
		out.RankSort = strconv.Itoa(c.Rank)
		switch {
		case c.Rank > 0:
			out.Rank, out.Dir = "▲"+strconv.Itoa(c.Rank), "up"
			out.RankSR = m.lang.F("tăng %d bậc", c.Rank)
		case c.Rank < 0:
			out.Rank, out.Dir = "▼"+strconv.Itoa(-c.Rank), "down"
			out.RankSR = m.lang.F("giảm %d bậc", -c.Rank)
		default:
			out.Rank, out.Dir = "=", "same"
			out.RankSR = m.lang.T("không đổi")
		}
		out.RankSR += m.lang.F(" (năm %d xếp thứ %d", c.Year, c.PrevRank)
		if c.PrevOf != c.Of {
			out.RankSR += "/" + strconv.Itoa(c.PrevOf) + m.lang.F(", năm %d xếp thứ %d/%d", r.Year, r.Rank.N, c.Of)
		}
		out.Recounted = c.Rank != c.PrevRank-r.Rank.N
		if out.Recounted {
			out.RankSR += m.lang.F("; tính giữa %d đơn vị được xếp hạng cả hai năm", c.Common)
		}
		out.RankSR += ")"
	}
	if c.HasIndex {
		out.IndexSort = c.Index.String()
		out.Index = m.signed(c.Index, dec)
	}
	if !c.Comparable {
		out.Notes = append(out.Notes, m.lang.T("bộ chỉ số thay đổi, chỉ so sánh được chỉ số (%)"))
	}
	if c.Via != "" && c.Via != r.Unit.ID {
		out.Via = m.unitLink(c.Via)
	}
	return out
}

// signedPoints writes a change with its sign, "+1,25" or "−0,25" with the
// true minus sign (U+2212; a hyphen is narrower than "+" and is read as a
// dash), and no sign when it rounds to zero.
func signedPoints(p par.Points, dec int) string {
	switch r := p.Round(dec); {
	case r > 0:
		return "+" + viet.DecimalComma(p.Format(dec))
	case r < 0:
		return "\u2212" + viet.DecimalComma((-p).Format(dec))
	}
	return viet.DecimalComma(par.Points(0).Format(dec))
}

// bandCounts counts a ranking's scored results per band, in the
// framework's band order; published band names unknown to the framework
// follow, then the scored results without a band.
func bandCounts(rk *par.Ranking, l *lang) []bandCount {
	var out []bandCount
	idx := map[string]int{}
	if fw := rk.Framework; fw != nil {
		for _, b := range fw.Bands {
			idx["id:"+b.ID] = len(out)
			out = append(out, bandCount{Name: l.name(b.Name, b.NameEn), Class: bandClass(fw, par.BandMark{ID: b.ID, Name: b.Name})})
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
			out = append(out, bandCount{Name: l.bandName(rk.Framework, r.Band), Class: bandClass(rk.Framework, r.Band)})
		}
		out[i].N++
	}
	if none > 0 {
		out = append(out, bandCount{Name: l.T("Không xếp loại"), N: none})
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

// rowComputed reports whether a ranking row shows a computed figure.
func rowComputed(r *par.Result) bool {
	for _, f := range []par.Figure{r.Total, r.Index, r.Appraised, r.Survey, r.Satisfaction} {
		if f.Origin == par.Computed {
			return true
		}
	}
	return r.Rank.Origin == par.Computed || r.Band.Origin == par.Computed
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
	row.ParentName = m.parentName(r)
	return row
}

// parentName is the name, that year, of the parent a result is ranked
// within (a commune's district), or "" when it has no such rank.
func (m *model) parentName(r *par.Result) string {
	if r.ParentRank.N <= 0 || r.Unit.Parent == "" {
		return ""
	}
	if p := m.unitByID[r.Unit.Parent]; p != nil {
		return m.lang.nameOf(p.NameAt(r.Year))
	}
	return ""
}

func (m *model) links(ids []string) []link {
	out := make([]link, 0, len(ids))
	for _, id := range ids {
		out = append(out, m.unitLink(id))
	}
	return out
}

// nonEmpty drops charts with nothing to plot: their data tables would be
// empty too, and every figure is in the page's own tables anyway.
func nonEmpty(cs ...chart.Chart) []chart.Chart {
	var out []chart.Chart
	for _, c := range cs {
		if !c.Empty {
			out = append(out, c)
		}
	}
	return out
}
