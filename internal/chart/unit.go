package chart

import (
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// UnitHistory is two small line charts of a unit's years of results,
// ascending by year as in par.Results.ByUnit: its index, and its rank
// (axis inverted so 1 is at the top). They were one chart with two value
// axes, which invites reading the crossing of two lines on unrelated
// scales as meaning something. sizes holds, per result, how many units its
// ranking ranked (0 if unknown); the rank chart's labels and table give the
// rank out of it ("5/20"). Years without a score or rank are gaps (null),
// never zero. The unit is the one of the latest result; earlier results of
// another unit are its predecessors' and are named in the tables and the
// descriptions, as are years compared with a predecessor and years in
// which the framework changed (the latter also drawn as a dashed line,
// since indices of different frameworks are not strictly comparable).
func UnitHistory(unitName string, results []*par.Result, sizes []int) (index, rank Chart) {
	h := gatherHistory(unitName, results, sizes)
	id := "chart-unit-" + unitID(h.subject) + "-history"
	title := unitName + ": chỉ số CCHC qua các năm"
	index = Chart{
		ID:     id + "-index",
		Title:  title,
		Table:  h.indexTable(title),
		Option: encode(h.indexOption(id + "-index")),
		Desc:   h.indexDesc(),
		Height: 260,
		Empty:  h.plotted == 0,
	}
	title = unitName + ": xếp hạng qua các năm"
	rank = Chart{
		ID:     id + "-rank",
		Title:  title,
		Table:  h.rankTable(title),
		Option: encode(h.rankOption(id + "-rank")),
		Desc:   h.rankDesc(),
		Height: 260,
		Empty:  h.ranked == 0,
	}
	return index, rank
}

// historyRows is the gathered rows of UnitHistory: one per year, with what
// the tables and the descriptions say about them.
type historyRows struct {
	unitName   string
	results    []*par.Result
	sizes      []int       // per year: units ranked in the unit's ranking, 0 if unknown
	notes      [][]string  // per year: not scored, framework changed, a predecessor's result …
	subject    *par.Result // the latest result: whose history this is
	latest     *par.Result // the latest result with an index
	latestRank int         // the latest result with a rank, -1 if none
	plotted    int         // years with an index
	ranked     int         // years with a rank
	unscored   []int       // years not scored
	fwChange   []int       // years whose framework differs from the year before's
	predYear   []int       // years whose result is a predecessor's
	predName   []string    // the predecessors, in order of appearance
}

func gatherHistory(unitName string, results []*par.Result, sizes []int) historyRows {
	h := historyRows{unitName: unitName, results: results, sizes: make([]int, len(results)),
		notes: make([][]string, len(results)), latestRank: -1}
	copy(h.sizes, sizes)
	if len(results) > 0 {
		h.subject = results[len(results)-1]
	}
	var prevFw *par.Framework
	for i, r := range results {
		var notes []string
		if r.Scored && r.Index.Known() {
			h.latest = r
			h.plotted++
		}
		if r.Scored && r.Rank.N > 0 {
			h.latestRank = i
			h.ranked++
		}
		if !r.Scored {
			h.unscored = append(h.unscored, r.Year)
			notes = append(notes, "chưa chấm điểm")
		}
		if r.Framework != nil {
			if prevFw != nil && prevFw.ID != r.Framework.ID {
				h.fwChange = append(h.fwChange, r.Year)
				notes = append(notes, "đổi bộ chỉ số")
			}
			prevFw = r.Framework
		}
		if s := h.subject; s != nil && r.Unit != nil && s.Unit != nil && r.Unit.ID != s.Unit.ID {
			h.predYear = append(h.predYear, r.Year)
			if !slices.Contains(h.predName, r.Name) {
				h.predName = append(h.predName, r.Name)
			}
			notes = append(notes, "kết quả của "+r.Name+" (đơn vị tiền thân)")
		}
		if r.Prev != nil && r.Prev.Via != "" {
			notes = append(notes, "so sánh với đơn vị tiền thân năm "+strconv.Itoa(r.Prev.Year))
		}
		h.notes[i] = notes
	}
	return h
}

func (h historyRows) note(i int) string {
	if len(h.notes[i]) == 0 {
		return viet.Missing
	}
	return strings.Join(h.notes[i], "; ")
}

// rankOf is the rank of year i as the table and the labels print it: out
// of the ranking's size where known ("5/20").
func (h historyRows) rankOf(i int) string {
	r := h.results[i]
	if !r.Scored || r.Rank.N <= 0 {
		return viet.Missing
	}
	if h.sizes[i] > 0 {
		return strconv.Itoa(r.Rank.N) + "/" + strconv.Itoa(h.sizes[i])
	}
	return strconv.Itoa(r.Rank.N)
}

func (h historyRows) indexTable(title string) Table {
	t := Table{Caption: title, Head: []string{"Năm", labelIndex, "Xếp loại", "Ghi chú"}}
	for i, r := range h.results {
		t.Rows = append(t.Rows, []string{strconv.Itoa(r.Year), viet.Figure(r.Index), bandText(r), h.note(i)})
	}
	return t
}

func (h historyRows) rankTable(title string) Table {
	t := Table{Caption: title, Head: []string{"Năm", labelRank + " (trên số đơn vị xếp hạng)", "Ghi chú"}}
	for i, r := range h.results {
		t.Rows = append(t.Rows, []string{strconv.Itoa(r.Year), h.rankOf(i), h.note(i)})
	}
	return t
}

// line builds one of the history's small charts: the years along the
// bottom, one series, value labels above the points and a dashed line at
// each change of framework. The lines carry no text of their own: on a
// phone the years are about 40 px apart and two changes' labels would
// overlap, so the year axis' name says what a dashed line means (and the
// tooltip on a line, the table and the description say it too).
func (h historyRows) line(id string, y opts.YAxis, name, symbol, color string, data []any) map[string]any {
	years := make([]string, len(h.results))
	for i, r := range h.results {
		years[i] = strconv.Itoa(r.Year)
	}
	xName := "Năm"
	if len(h.fwChange) > 0 {
		xName = "Năm (nét đứt: đổi bộ chỉ số)"
	}
	line := charts.NewLine()
	line.SetGlobalOptions(base(id)...)
	line.SetGlobalOptions(
		charts.WithLegendOpts(noLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "32", Top: "24", Bottom: "32", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", BoundaryGap: opts.Bool(true), Name: xName, NameLocation: "middle", NameGap: 28}),
		// Axis names run along their axes: over the plot, the index axis'
		// name, which says where the axis starts, was cut at the page's
		// edge even on a desktop.
		charts.WithYAxisOpts(y),
	)
	line.SetXAxis(years)
	so := []charts.SeriesOpts{
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = data }),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}),
		charts.WithLineChartOpts(opts.LineChart{Symbol: symbol, SymbolSize: 8, ConnectNulls: opts.Bool(false)}),
	}
	var marks []opts.MarkLineNameXAxisItem
	for _, y := range h.fwChange {
		marks = append(marks, opts.MarkLineNameXAxisItem{Name: labelFramework + " năm " + strconv.Itoa(y), XAxis: strconv.Itoa(y)})
	}
	if len(marks) > 0 {
		so = append(so,
			charts.WithMarkLineNameXAxisItemOpts(marks...),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(false)},
				LineStyle: &opts.LineStyle{Color: colorAvg, Type: "dashed"},
			}),
		)
	}
	line.AddSeries(name, nil, so...)
	line.Validate()
	return line.JSON()
}

func (h historyRows) indexOption(id string) map[string]any {
	data := make([]any, len(h.results))
	// Fixed axis range: ECharts' own scaling stretches one or two points
	// over a meaningless range (a single index of 95.68 on a 40–160 axis).
	// The axis ends at 100 and starts at the ten below the lowest value; a
	// line reads as change, not as a share of the whole, so the zoom suits
	// it, and the axis' name says where it starts.
	lo, hi := 100, 100
	for i, r := range h.results {
		if r.Scored && r.Index.Known() {
			data[i] = figPoint(r.Index)
			v := int(r.Index.Value.Round(0) / par.Scale)
			lo = min(lo, max(0, (v-5)/10*10))
			hi = max(hi, (v+9)/10*10)
		}
	}
	y := opts.YAxis{Type: "value", Name: zoomedName(labelIndex, lo), NameLocation: "middle", NameGap: 36, Min: lo, Max: hi}
	return h.line(id, y, labelIndex, "circle", colorUnit, data)
}

func (h historyRows) rankOption(id string) map[string]any {
	data := make([]any, len(h.results))
	// The axis runs from 1 at the top to the largest ranking the unit was
	// in (or the lowest place it held), so a place reads against the
	// whole group; ticks are whole places.
	bottom := 2
	for i, r := range h.results {
		if r.Scored && r.Rank.N > 0 {
			data[i] = point{Value: float64(r.Rank.N), Text: h.rankOf(i)}
			bottom = max(bottom, r.Rank.N, h.sizes[i])
		}
	}
	// The axis name stands its gap away from the axis line, outside the
	// tick labels; the grid only makes room for the labels, so a fixed gap
	// put the name past the chart's left edge when the labels are one
	// digit wide. The gap follows the widest label (about 7 px a digit).
	y := opts.YAxis{
		Type: "value", Name: labelRank + " (1 ở trên)", NameLocation: "middle", NameGap: 15 + 7*len(strconv.Itoa(bottom)),
		Inverse: opts.Bool(true), Min: 1, Max: bottom, MinInterval: 1,
	}
	return h.line(id, y, labelRank, "diamond", colorLost, data)
}

// descTail is what both descriptions end with: the years not scored, the
// changes of framework and the predecessors' years.
func (h historyRows) descTail(d *strings.Builder) {
	if len(h.unscored) > 0 {
		d.WriteString("; chưa chấm điểm năm ")
		d.WriteString(yearSpan(h.unscored))
	}
	if len(h.fwChange) > 0 {
		d.WriteString("; đổi bộ chỉ số năm ")
		d.WriteString(yearSpan(h.fwChange))
		d.WriteString(" (nét đứt)")
	}
	if len(h.predYear) > 0 {
		d.WriteString("; năm ")
		d.WriteString(yearSpan(h.predYear))
		d.WriteString(" là kết quả của đơn vị tiền thân (")
		d.WriteString(strings.Join(h.predName, ", "))
		d.WriteString(")")
	}
	d.WriteString(".")
}

func (h historyRows) years(d *strings.Builder) {
	d.WriteString(h.unitName)
	if rs := h.results; len(rs) > 0 {
		d.WriteString(" các năm ")
		d.WriteString(strconv.Itoa(rs[0].Year))
		if n := rs[len(rs)-1].Year; n != rs[0].Year {
			d.WriteString("–")
			d.WriteString(strconv.Itoa(n))
		}
	}
}

func (h historyRows) indexDesc() string {
	var d strings.Builder
	d.WriteString("Biểu đồ đường chỉ số CCHC của ")
	h.years(&d)
	if l := h.latest; l != nil {
		d.WriteString("; gần nhất năm ")
		d.WriteString(strconv.Itoa(l.Year))
		d.WriteString(" đạt ")
		d.WriteString(viet.Figure(l.Index))
		d.WriteString(" %")
	} else {
		d.WriteString("; chưa có năm nào có chỉ số")
	}
	h.descTail(&d)
	return d.String()
}

func (h historyRows) rankDesc() string {
	var d strings.Builder
	d.WriteString("Biểu đồ đường xếp hạng (hạng 1 ở trên) của ")
	h.years(&d)
	if i := h.latestRank; i >= 0 {
		d.WriteString("; gần nhất năm ")
		d.WriteString(strconv.Itoa(h.results[i].Year))
		d.WriteString(" hạng ")
		d.WriteString(h.rankOf(i))
	} else {
		d.WriteString("; chưa có năm nào được xếp hạng")
	}
	h.descTail(&d)
	return d.String()
}

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
func AreaProfile(r *par.Result, stats []par.AreaStat) Chart {
	p := gatherProfile(r, stats)
	title := "Tỷ lệ điểm đạt theo lĩnh vực năm " + strconv.Itoa(r.Year)
	if p.hasGroup {
		title += " so với trung bình và cao nhất khối"
	}
	id := "chart-" + strconv.Itoa(r.Year) + "-" + unitID(r) + "-areas"
	return Chart{
		ID:     id,
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
	p := profileRows{r: r, hasGroup: len(stats) > 0, dec: decimals(r.Framework)}
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

func (p profileRows) table(title string) Table {
	t := Table{Caption: title, Head: []string{labelArea, labelAchieved, labelMax, labelShare, labelAvg + " (%)", labelBest + " (%)"}}
	for _, row := range p.rows {
		pts, mx, pct, avg, best := viet.Missing, viet.Missing, viet.Missing, viet.Missing, viet.Missing
		if row.area != nil {
			pts = viet.Figure(row.area.Points)
		}
		if row.max > 0 {
			mx = viet.Exact(row.max)
		}
		if row.hasPct {
			pct = viet.Fixed(row.pct, p.dec)
		}
		if row.stat != nil && row.stat.N > 0 {
			avg = viet.Fixed(row.stat.Avg, p.dec)
			best = viet.Fixed(row.stat.Best, p.dec)
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
			unit[i] = fixedPoint(row.pct, p.dec)
		}
		if row.stat != nil && row.stat.N > 0 {
			avg[i] = fixedPoint(row.stat.Avg, p.dec)
			best[i] = fixedPoint(row.stat.Best, p.dec)
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
		axis:       opts.XAxis{Name: labelShare, NameGap: 24, Min: 0, Max: 100},
		right:      "40",
		legend:     true,
		trigger:    "axis",
		series:     []barSeries{{name: p.r.Name, color: colorUnit, data: unitVals}},
	}
	if p.hasGroup {
		h.series = append(h.series,
			barSeries{name: labelAvg, color: colorAvg, data: avgVals},
			barSeries{name: labelBest, color: colorBest, data: bestVals},
		)
	}
	return h.option()
}

func (p profileRows) desc() string {
	var d strings.Builder
	d.WriteString("Biểu đồ cột ngang nhóm tỷ lệ điểm đạt so với điểm tối đa theo lĩnh vực của ")
	d.WriteString(p.r.Name)
	d.WriteString(" năm ")
	d.WriteString(strconv.Itoa(p.r.Year))
	if p.hasGroup {
		d.WriteString(", so với trung bình và cao nhất khối")
	}
	if p.plotted == 0 {
		d.WriteString(": chưa có điểm theo lĩnh vực.")
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
	d.WriteString(": cao nhất ở lĩnh vực ")
	d.WriteString(p.rows[hi].label)
	d.WriteString(" (")
	d.WriteString(viet.Fixed(p.rows[hi].pct, p.dec))
	d.WriteString(" %)")
	if lo != hi {
		d.WriteString(", thấp nhất ở lĩnh vực ")
		d.WriteString(p.rows[lo].label)
		d.WriteString(" (")
		d.WriteString(viet.Fixed(p.rows[lo].pct, p.dec))
		d.WriteString(" %)")
	}
	var gaps []string
	for _, row := range p.rows {
		if !row.hasPct {
			gaps = append(gaps, row.label)
		}
	}
	if len(gaps) > 0 {
		d.WriteString("; chưa có điểm lĩnh vực ")
		d.WriteString(strings.Join(gaps, ", "))
	}
	d.WriteString(".")
	return d.String()
}

// AreaPoints is, for a unit-year, a stacked horizontal bar per area of the
// points achieved and the points lost (applicable maximum − achieved; the
// framework's area maximum when the applicable one is unknown). Areas are
// in the result's order (framework order), first at the top.
func AreaPoints(r *par.Result) Chart {
	p := gatherPoints(r)
	title := "Điểm đạt và điểm bị trừ theo lĩnh vực năm " + strconv.Itoa(r.Year)
	id := "chart-" + strconv.Itoa(r.Year) + "-" + unitID(r) + "-points"
	h := p.bars(id)
	return Chart{
		ID:     id,
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
	max     par.Points // applicable maximum, else the framework's; 0 if unknown
	got     par.Figure
	lost    par.Points // max − got, never below 0; only if hasLost
	hasLost bool       // got and max are known
}

// pointsRows is the gathered rows of AreaPoints, with the totals the
// description gives.
type pointsRows struct {
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
	p := pointsRows{r: r, dec: decimals(r.Framework), worst: -1}
	for i := range r.Areas {
		a := &r.Areas[i]
		row := lossRow{label: areaLabel(a.Code, a.Title), max: a.Max, got: a.Points}
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
	return p
}

func (p pointsRows) table(title string) Table {
	t := Table{Caption: title, Head: []string{labelArea, labelMax, labelAchieved, labelLost}}
	for _, row := range p.rows {
		cells := []string{row.label, viet.Missing, viet.Figure(row.got), viet.Missing}
		if row.max > 0 {
			cells[1] = viet.Exact(row.max)
		}
		if row.hasLost {
			cells[3] = viet.Fixed(row.lost, p.dec)
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
		got[i] = figPoint(row.got)
		if row.hasLost {
			lost[i] = fixedPoint(row.lost, p.dec)
		}
	}
	// Points achieved and lost add up to the area's maximum, so the bars
	// start at 0: their length is the whole.
	return hbar{
		id:         id,
		categories: labels,
		axis:       opts.XAxis{Name: "Điểm", NameGap: 24, Min: 0},
		right:      "40",
		legend:     true,
		trigger:    "axis",
		series: []barSeries{
			{name: labelAchieved, data: got, color: colorAchieved, stack: "points", gap: "30%", inside: true},
			{name: labelLost, data: lost, color: colorLost, stack: "points"},
		},
	}
}

func (p pointsRows) desc() string {
	var d strings.Builder
	d.WriteString("Biểu đồ cột ngang chồng điểm đạt và điểm bị trừ theo lĩnh vực của ")
	d.WriteString(p.r.Name)
	d.WriteString(" năm ")
	d.WriteString(strconv.Itoa(p.r.Year))
	switch {
	case p.plotted == 0:
		d.WriteString(": chưa có điểm theo lĩnh vực.")
	case p.sumMax > 0:
		d.WriteString(": đạt ")
		d.WriteString(viet.Fixed(p.sumGot, p.dec))
		d.WriteString("/")
		d.WriteString(viet.Fixed(p.sumMax, p.dec))
		d.WriteString(" điểm của ")
		d.WriteString(strconv.Itoa(p.counted))
		d.WriteString(" lĩnh vực")
		if p.worst >= 0 {
			d.WriteString("; bị trừ nhiều nhất ở lĩnh vực ")
			d.WriteString(p.rows[p.worst].label)
			d.WriteString(" (")
			d.WriteString(viet.Fixed(p.worstPts, p.dec))
			d.WriteString(" điểm)")
		} else {
			d.WriteString("; không bị trừ điểm")
		}
		d.WriteString(".")
	default:
		d.WriteString(".")
	}
	return d.String()
}
