package chart

import (
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/opts"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// areaRow is one area of a unit-year with the unit's share of its
// applicable maximum and the group's figures.
type areaRow struct {
	label  string
	area   *par.AreaResult // nil if the unit has no figure for the area
	max    par.Points      // the unit's applicable maximum (framework maximum if unknown)
	pct    par.Points
	hasPct bool
	stat   *par.AreaStat
}

// areaShare is a.Points as percent of the unit's applicable area maximum,
// or of fallback (the framework's area maximum) when the applicable one is
// unknown, as for results from a summary annex.
func areaShare(a *par.AreaResult, fallback par.Points) (max, pct par.Points, ok bool) {
	max = a.Max
	if max <= 0 {
		max = fallback
	}
	if max <= 0 || !a.Points.Known() {
		return max, 0, false
	}
	return max, par.Ratio{Num: a.Points.Value, Den: max}.Percent(), true
}

// frameworkAreaMax is the framework maximum of the area with code, or 0.
func frameworkAreaMax(fw *par.Framework, code string) par.Points {
	if fw == nil {
		return 0
	}
	for _, n := range fw.Areas {
		if n.Code == code {
			return n.Max
		}
	}
	return 0
}

// AreaProfile compares, per area, the unit's points as a percentage of its
// applicable area maximum with the group's average and best (stats, from
// par.Ranking.AreaStats), as grouped horizontal bars. It was a radar: on a
// 390 px phone the radar's area names were cut off at both sides, a radar
// draws a missing value at the centre as if it were zero, and bars of one
// length scale are easier to read and compare.
func AreaProfile(l Lang, r *par.Result, stats []par.AreaStat) Chart {
	p := gatherProfile(r, stats).in(l)
	title := l.F("Tỷ lệ điểm đạt theo lĩnh vực năm %d", r.Year)
	if p.hasGroup {
		title += l.T(" so với trung bình và cao nhất khối")
	}
	id := "chart-" + strconv.Itoa(r.Year) + "-" + unitID(r) + "-areas"
	return Chart{
		ID:     id,
		Lang:   l.Tag(),
		Title:  title,
		Table:  p.table(title),
		Option: encode(p.option(id)),
		Desc:   p.desc(),
		Height: max(160, 80+len(p.rows)*(24*3+16)),
		Empty:  p.plotted == 0,
	}
}

// profileRows is the gathered rows of AreaProfile.
type profileRows struct {
	l        Lang
	r        *par.Result
	rows     []areaRow
	hasGroup bool // the group's average and best are compared
	dec      int  // the framework's display precision, for the shares
	plotted  int  // areas with a share
}

// gatherProfile takes the areas from the group's statistics when there are
// any (so every unit of the group shows the same areas), else from the
// unit's result.
func gatherProfile(r *par.Result, stats []par.AreaStat) profileRows {
	p := profileRows{l: Vietnamese(), r: r, hasGroup: len(stats) > 0, dec: decimals(r.Framework)}
	if len(stats) > 0 {
		for i := range stats {
			st := &stats[i]
			row := areaRow{label: areaLabel(st.Code, st.Title), stat: st}
			for j := range r.Areas {
				if r.Areas[j].Code == st.Code {
					row.area = &r.Areas[j]
					row.max, row.pct, row.hasPct = areaShare(row.area, st.Max)
					break
				}
			}
			p.rows = append(p.rows, row)
		}
	} else {
		for j := range r.Areas {
			a := &r.Areas[j]
			row := areaRow{label: areaLabel(a.Code, a.Title), area: a}
			row.max, row.pct, row.hasPct = areaShare(a, frameworkAreaMax(r.Framework, a.Code))
			p.rows = append(p.rows, row)
		}
	}
	for _, row := range p.rows {
		if row.hasPct {
			p.plotted++
		}
	}
	return p
}

// in is the rows in l: the areas under their titles in l.
func (p profileRows) in(l Lang) profileRows {
	p.l = l
	for i := range p.rows {
		row := &p.rows[i]
		switch {
		case row.stat != nil:
			row.label = areaLabel(row.stat.Code, areaTitle(l, p.r.Framework, row.stat.Code, row.stat.Title))
		case row.area != nil:
			row.label = areaLabel(row.area.Code, areaTitle(l, p.r.Framework, row.area.Code, row.area.Title))
		}
	}
	return p
}

func (p profileRows) table(title string) Table {
	l := p.l
	t := Table{Caption: title, Head: []string{l.T(labelArea), l.T(labelAchieved), l.T(labelMax), l.T(labelShare), l.T(labelAvg) + " (%)", l.T(labelBest) + " (%)"}}
	for _, row := range p.rows {
		pts, mx, pct, avg, best := viet.Missing, viet.Missing, viet.Missing, viet.Missing, viet.Missing
		if row.area != nil {
			pts = figure(l, row.area.Points)
		}
		if row.max > 0 {
			mx = l.Num(viet.Exact(row.max))
		}
		if row.hasPct {
			pct = fixed(l, row.pct, p.dec)
		}
		if row.stat != nil && row.stat.N > 0 {
			avg = fixed(l, row.stat.Avg, p.dec)
			best = fixed(l, row.stat.Best, p.dec)
		}
		t.Rows = append(t.Rows, []string{row.label, pts, mx, pct, avg, best})
	}
	return t
}

// values are the three series of the profile: the unit's shares and the
// group's average and best, as points, nil where unknown.
func (p profileRows) values() (labels []string, unit, avg, best []any) {
	n := len(p.rows)
	labels, unit, avg, best = make([]string, n), make([]any, n), make([]any, n), make([]any, n)
	for i, row := range p.rows {
		labels[i] = row.label
		if row.hasPct {
			unit[i] = fixedPoint(p.l, row.pct, p.dec)
		}
		if row.stat != nil && row.stat.N > 0 {
			avg[i] = fixedPoint(p.l, row.stat.Avg, p.dec)
			best[i] = fixedPoint(p.l, row.stat.Best, p.dec)
		}
	}
	return labels, unit, avg, best
}

func (p profileRows) option(id string) map[string]any {
	labels, unitVals, avgVals, bestVals := p.values()
	// Shares of each area's maximum are bars from 0 to 100: the whole is
	// the point of the comparison, so the axis is not zoomed.
	h := hbar{
		id:         id,
		categories: labels,
		axis:       opts.XAxis{Name: p.l.T(labelShare), NameGap: 24, Min: 0, Max: 100},
		right:      "40",
		legend:     true,
		trigger:    "axis",
		series:     []barSeries{{name: resultName(p.l, p.r), color: colorUnit, data: unitVals}},
	}
	if p.hasGroup {
		h.series = append(h.series,
			barSeries{name: p.l.T(labelAvg), color: colorAvg, data: avgVals},
			barSeries{name: p.l.T(labelBest), color: colorBest, data: bestVals},
		)
	}
	return h.option()
}

func (p profileRows) desc() string {
	var d strings.Builder
	l := p.l
	d.WriteString(l.F("Biểu đồ cột ngang nhóm tỷ lệ điểm đạt so với điểm tối đa theo lĩnh vực của %s năm %d", resultName(l, p.r), p.r.Year))
	if p.hasGroup {
		d.WriteString(l.T(", so với trung bình và cao nhất khối"))
	}
	if p.plotted == 0 {
		d.WriteString(l.T(": chưa có điểm theo lĩnh vực."))
		return d.String()
	}
	hi, lo := -1, -1
	for i, row := range p.rows {
		if !row.hasPct {
			continue
		}
		if hi < 0 || row.pct > p.rows[hi].pct {
			hi = i
		}
		if lo < 0 || row.pct < p.rows[lo].pct {
			lo = i
		}
	}
	d.WriteString(l.F(": cao nhất ở lĩnh vực %s (%s %%)", p.rows[hi].label, fixed(l, p.rows[hi].pct, p.dec)))
	if lo != hi {
		d.WriteString(l.F(", thấp nhất ở lĩnh vực %s (%s %%)", p.rows[lo].label, fixed(l, p.rows[lo].pct, p.dec)))
	}
	var gaps []string
	for _, row := range p.rows {
		if !row.hasPct {
			gaps = append(gaps, row.label)
		}
	}
	if len(gaps) > 0 {
		d.WriteString(l.F("; chưa có điểm lĩnh vực %s", strings.Join(gaps, ", ")))
	}
	d.WriteString(".")
	return d.String()
}

// AreaPoints is, for a unit-year, a stacked horizontal bar per area of the
// points achieved and the points lost (applicable maximum − achieved; the
// framework's area maximum when the applicable one is unknown). Areas are
// in the result's order (framework order), first at the top.
func AreaPoints(l Lang, r *par.Result) Chart {
	p := gatherPoints(r)
	p.l = l
	for i := range p.rows {
		p.rows[i].label = areaLabel(p.rows[i].code, areaTitle(l, r.Framework, p.rows[i].code, p.rows[i].title))
	}
	title := l.F("Điểm đạt và điểm bị mất theo lĩnh vực năm %d", r.Year)
	id := "chart-" + strconv.Itoa(r.Year) + "-" + unitID(r) + "-points"
	h := p.bars(id)
	return Chart{
		ID:     id,
		Lang:   l.Tag(),
		Title:  title,
		Table:  p.table(title),
		Option: encode(h.option()),
		Desc:   p.desc(),
		Height: h.height(40, 80),
		Empty:  p.plotted == 0,
	}
}

// lossRow is one area of AreaPoints.
type lossRow struct {
	label   string
	code    string
	title   string
	max     par.Points // applicable maximum, else the framework's; 0 if unknown
	got     par.Figure
	lost    par.Points // max − got, never below 0; only if hasLost
	hasLost bool       // got and max are known
}

// pointsRows is the gathered rows of AreaPoints, with the totals the
// description gives.
type pointsRows struct {
	l        Lang
	r        *par.Result
	dec      int
	rows     []lossRow
	plotted  int        // areas with points
	counted  int        // areas with points and a maximum
	sumGot   par.Points // over the counted areas
	sumMax   par.Points
	worst    int // the area losing most points, -1 if none lost any
	worstPts par.Points
}

func gatherPoints(r *par.Result) pointsRows {
	p := pointsRows{l: Vietnamese(), r: r, dec: decimals(r.Framework), worst: -1}
	for i := range r.Areas {
		a := &r.Areas[i]
		row := lossRow{label: areaLabel(a.Code, a.Title), code: a.Code, title: a.Title, max: a.Max, got: a.Points}
		if row.max <= 0 {
			row.max = frameworkAreaMax(r.Framework, a.Code)
		}
		if a.Points.Known() {
			p.plotted++
			if row.max > 0 {
				row.lost, row.hasLost = max(row.max-a.Points.Value, 0), true
				p.sumGot += a.Points.Value
				p.sumMax += row.max
				p.counted++
				if row.lost > p.worstPts {
					p.worst, p.worstPts = i, row.lost
				}
			}
		}
		p.rows = append(p.rows, row)
	}
	// The areas losing the largest share of their maximum come first (the
	// reader's question is where the unit lost most); areas whose loss is
	// unknown go last; ties keep the framework's order.
	worst := -1
	share := func(row lossRow) par.Ratio { return par.Ratio{Num: row.lost, Den: row.max} }
	order := make([]int, len(p.rows))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := p.rows[i], p.rows[j]
		switch {
		case a.hasLost && b.hasLost:
			return share(b).Cmp(share(a))
		case a.hasLost:
			return -1
		case b.hasLost:
			return 1
		}
		return 0
	})
	sorted := make([]lossRow, len(p.rows))
	for k, i := range order {
		sorted[k] = p.rows[i]
		if i == p.worst {
			worst = k
		}
	}
	p.rows, p.worst = sorted, worst
	return p
}

func (p pointsRows) table(title string) Table {
	l := p.l
	t := Table{Caption: title, Head: []string{l.T(labelArea), l.T(labelMax), l.T(labelAchieved), l.T(labelLost)}}
	for _, row := range p.rows {
		cells := []string{row.label, viet.Missing, figure(l, row.got), viet.Missing}
		if row.max > 0 {
			cells[1] = l.Num(viet.Exact(row.max))
		}
		if row.hasLost {
			cells[3] = fixed(l, row.lost, p.dec)
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// bars stacks the points lost after the points achieved, so each area's
// bar is its maximum.
func (p pointsRows) bars(id string) hbar {
	n := len(p.rows)
	labels, got, lost := make([]string, n), make([]any, n), make([]any, n)
	for i, row := range p.rows {
		labels[i] = row.label
		got[i] = figPoint(p.l, row.got)
		if row.hasLost {
			lost[i] = fixedPoint(p.l, row.lost, p.dec)
		}
	}
	// Points achieved and lost add up to the area's maximum, so the bars
	// start at 0: their length is the whole.
	return hbar{
		id:         id,
		categories: labels,
		axis:       opts.XAxis{Name: p.l.T("Điểm"), NameGap: 24, Min: 0},
		right:      "40",
		legend:     true,
		trigger:    "axis",
		series: []barSeries{
			{name: p.l.T(labelAchieved), data: got, color: colorAchieved, stack: "points", gap: "30%", inside: true},
			{name: p.l.T(labelLost), data: lost, color: colorLost, stack: "points"},
		},
	}
}

func (p pointsRows) desc() string {
	l := p.l
	var d strings.Builder
	d.WriteString(l.F("Biểu đồ cột ngang chồng điểm đạt và điểm bị mất theo lĩnh vực của %s năm %d", resultName(l, p.r), p.r.Year))
	if p.counted > 1 {
		d.WriteString(l.T(", lĩnh vực mất tỷ lệ điểm lớn nhất (so với điểm tối đa của lĩnh vực) đứng đầu"))
	}
	switch {
	case p.plotted == 0:
		d.WriteString(l.T(": chưa có điểm theo lĩnh vực."))
	case p.sumMax > 0:
		d.WriteString(l.F(": đạt %s/%s điểm của %d lĩnh vực", fixed(l, p.sumGot, p.dec), fixed(l, p.sumMax, p.dec), p.counted))
		if p.worst >= 0 {
			d.WriteString(l.F("; mất nhiều điểm nhất ở lĩnh vực %s (%s điểm)", p.rows[p.worst].label, fixed(l, p.worstPts, p.dec)))
		} else {
			d.WriteString(l.T("; không mất điểm"))
		}
		d.WriteString(".")
	default:
		d.WriteString(".")
	}
	return d.String()
}
