package chart

import (
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"parindex/internal/par"
)

// UnitHistory is a line chart of a unit's index (left axis) and rank (right
// axis, inverted so 1 is at the top) over the years of results, ascending
// by year as in par.Results.ByUnit. Years without a score or rank are gaps
// (null), never zero. The unit is the one of the latest result; earlier
// results of another unit are its predecessors' and are named in the table
// and the description, as are years compared with a predecessor and years
// in which the framework changed (the latter also drawn as a dashed line,
// since indices of different frameworks are not strictly comparable).
func UnitHistory(unitName string, results []*par.Result) Chart {
	var subject *par.Result
	if len(results) > 0 {
		subject = results[len(results)-1]
	}
	years := make([]string, len(results))
	index := make([]any, len(results))
	rank := make([]any, len(results))
	table := Table{Head: []string{"Năm", labelIndex, labelRank, "Xếp loại", "Ghi chú"}}

	var unscored, fwChanged, predYears []int
	var predNames []string
	var latest *par.Result
	plotted := 0
	var prevFw *par.Framework
	for i, r := range results {
		years[i] = strconv.Itoa(r.Year)
		var notes []string
		if r.Scored && r.Index.Known() {
			index[i] = num(r.Index.Value, r.Index.Decimals)
			latest = r
			plotted++
		}
		if r.Scored && r.Rank.N > 0 {
			rank[i] = r.Rank.N
		}
		if !r.Scored {
			unscored = append(unscored, r.Year)
			notes = append(notes, "chưa chấm điểm")
		}
		if r.Framework != nil {
			if prevFw != nil && prevFw.ID != r.Framework.ID {
				fwChanged = append(fwChanged, r.Year)
				notes = append(notes, "đổi bộ chỉ số")
			}
			prevFw = r.Framework
		}
		if subject != nil && r.Unit != nil && subject.Unit != nil && r.Unit.ID != subject.Unit.ID {
			predYears = append(predYears, r.Year)
			if !containsString(predNames, r.Name) {
				predNames = append(predNames, r.Name)
			}
			notes = append(notes, "kết quả của "+r.Name+" (đơn vị tiền thân)")
		}
		if r.Prev != nil && r.Prev.Via != "" {
			notes = append(notes, "so sánh với đơn vị tiền thân năm "+strconv.Itoa(r.Prev.Year))
		}
		note := strings.Join(notes, "; ")
		if note == "" {
			note = missing
		}
		table.Rows = append(table.Rows, []string{years[i], figText(r.Index), rankText(r), bandText(r), note})
	}

	// Fixed axis ranges: ECharts' own scaling stretches one or two points
	// over a meaningless range (a single index of 95.68 on a 40–160 axis).
	// The index axis ends at 100 and starts at the ten below the lowest
	// value; the rank axis runs from 1 to the lowest place held.
	lo, hi, maxRank := 100, 100, 2
	for _, r := range results {
		if r.Scored && r.Index.Known() {
			v := int(r.Index.Value.Round(0) / par.Scale)
			lo = min(lo, max(0, (v-5)/10*10))
			hi = max(hi, (v+9)/10*10)
		}
		if r.Scored && r.Rank.N > 0 {
			maxRank = max(maxRank, r.Rank.N)
		}
	}

	title := unitName + ": chỉ số CCHC và xếp hạng qua các năm"
	table.Caption = title

	line := charts.NewLine()
	line.SetGlobalOptions(base("chart-unit-" + unitID(subject) + "-history")...)
	line.SetGlobalOptions(
		charts.WithLegendOpts(bottomLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "32", Top: "48", Bottom: "40", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", BoundaryGap: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: labelIndex, Min: lo, Max: hi}),
	)
	line.ExtendYAxis(opts.YAxis{
		Type: "value", Name: labelRank, Inverse: opts.Bool(true), Min: 1, Max: maxRank, MinInterval: 1,
		SplitLine: &opts.SplitLine{Show: opts.Bool(false)},
	})
	line.SetXAxis(years)
	var marks []opts.MarkLineNameXAxisItem
	for _, y := range fwChanged {
		marks = append(marks, opts.MarkLineNameXAxisItem{Name: labelFramework, XAxis: strconv.Itoa(y)})
	}
	indexOpts := []charts.SeriesOpts{
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = index }),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorUnit}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}),
		charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 8, ConnectNulls: opts.Bool(false)}),
	}
	if len(marks) > 0 {
		indexOpts = append(indexOpts,
			charts.WithMarkLineNameXAxisItemOpts(marks...),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "end"},
				LineStyle: &opts.LineStyle{Color: colorAvg, Type: "dashed"},
			}),
		)
	}
	line.AddSeries(labelIndex, nil, indexOpts...)
	line.AddSeries(labelRank, nil,
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = rank }),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorLost}),
		charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed"}),
		// WithLineChartOpts sets the axis index too, so it goes here.
		charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1, Symbol: "diamond", SymbolSize: 8, ConnectNulls: opts.Bool(false)}),
	)
	line.Validate()

	var d strings.Builder
	d.WriteString("Biểu đồ đường chỉ số CCHC (trục trái) và xếp hạng (trục phải, hạng 1 ở trên) của ")
	d.WriteString(unitName)
	if len(results) > 0 {
		d.WriteString(" các năm ")
		d.WriteString(strconv.Itoa(results[0].Year))
		if n := results[len(results)-1].Year; n != results[0].Year {
			d.WriteString("–")
			d.WriteString(strconv.Itoa(n))
		}
	}
	if latest != nil {
		d.WriteString("; gần nhất năm ")
		d.WriteString(strconv.Itoa(latest.Year))
		d.WriteString(" đạt ")
		d.WriteString(figText(latest.Index))
		d.WriteString(" %")
		if latest.Rank.N > 0 {
			d.WriteString(", hạng ")
			d.WriteString(strconv.Itoa(latest.Rank.N))
		}
	} else {
		d.WriteString("; chưa có năm nào có chỉ số")
	}
	if len(unscored) > 0 {
		d.WriteString("; chưa chấm điểm năm ")
		d.WriteString(yearSpan(unscored))
	}
	if len(fwChanged) > 0 {
		d.WriteString("; đổi bộ chỉ số năm ")
		d.WriteString(yearSpan(fwChanged))
	}
	if len(predYears) > 0 {
		d.WriteString("; năm ")
		d.WriteString(yearSpan(predYears))
		d.WriteString(" là kết quả của đơn vị tiền thân (")
		d.WriteString(strings.Join(predNames, ", "))
		d.WriteString(")")
	}
	d.WriteString(".")

	return Chart{
		ID:     line.ChartID,
		Title:  title,
		Desc:   d.String(),
		Option: encode(line.JSON()),
		Table:  table,
		Height: 320,
		Empty:  plotted == 0,
	}
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
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
// par.Ranking.AreaStats). Three or more areas with every value known make a
// radar; otherwise grouped horizontal bars, since a radar of one or two
// axes is not a shape and a radar cannot show a missing value as a gap.
func AreaProfile(r *par.Result, stats []par.AreaStat) Chart {
	dec := decimals(r.Framework)
	var rows []areaRow
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
			rows = append(rows, row)
		}
	} else {
		for j := range r.Areas {
			a := &r.Areas[j]
			row := areaRow{label: areaLabel(a.Code, a.Title), area: a}
			row.max, row.pct, row.hasPct = areaShare(a, frameworkAreaMax(r.Framework, a.Code))
			rows = append(rows, row)
		}
	}

	unitVals := make([]any, len(rows))
	avgVals := make([]any, len(rows))
	bestVals := make([]any, len(rows))
	labels := make([]string, len(rows))
	table := Table{Head: []string{labelArea, labelAchieved, labelMax, labelShare, labelAvg + " (%)", labelBest + " (%)"}}
	plotted := 0
	for i, row := range rows {
		labels[i] = row.label
		pts, mx, pct, avg, best := missing, missing, missing, missing, missing
		if row.area != nil {
			pts = figText(row.area.Points)
		}
		if row.max > 0 {
			mx = maxText(row.max)
		}
		if row.hasPct {
			unitVals[i] = num(row.pct, dec)
			pct = text(row.pct, dec)
			plotted++
		}
		if row.stat != nil && row.stat.N > 0 {
			avgVals[i] = num(row.stat.Avg, dec)
			bestVals[i] = num(row.stat.Best, dec)
			avg = text(row.stat.Avg, dec)
			best = text(row.stat.Best, dec)
		}
		table.Rows = append(table.Rows, []string{row.label, pts, mx, pct, avg, best})
	}

	hasGroup := len(stats) > 0
	title := "Tỷ lệ điểm đạt theo lĩnh vực năm " + strconv.Itoa(r.Year)
	if hasGroup {
		title += " so với trung bình và cao nhất khối"
	}
	table.Caption = title
	id := "chart-" + strconv.Itoa(r.Year) + "-" + unitID(r) + "-areas"

	// A radar joins its points with lines, so a missing value would be
	// drawn at the centre as if it were zero; bars show a gap instead.
	complete := plotted == len(rows)
	for _, row := range rows {
		if hasGroup && (row.stat == nil || row.stat.N == 0) {
			complete = false
		}
	}
	useRadar := len(rows) >= 3 && complete

	var option map[string]any
	kind := "radar"
	if useRadar {
		radar := charts.NewRadar()
		ind := make([]*opts.Indicator, len(rows))
		for i, l := range labels {
			ind[i] = &opts.Indicator{Name: l, Min: 0, Max: 100}
		}
		radar.SetGlobalOptions(base(id)...)
		radar.SetGlobalOptions(
			charts.WithLegendOpts(bottomLegend()),
			charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
			charts.WithRadarComponentOpts(opts.RadarComponent{
				Indicator: ind, Shape: "polygon", SplitNumber: 4, Center: []string{"50%", "48%"},
				AxisName: &opts.AxisName{Width: 120, Overflow: "break", FontSize: 11, Color: "#333"},
			}),
		)
		radar.AddSeries(r.Name, []opts.RadarData{{Name: r.Name, Value: unitVals}},
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colorUnit}),
			charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.2)}),
		)
		if hasGroup {
			radar.AddSeries(labelAvg, []opts.RadarData{{Name: labelAvg, Value: avgVals}},
				charts.WithItemStyleOpts(opts.ItemStyle{Color: colorAvg}),
				charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed"}),
			)
			radar.AddSeries(labelBest, []opts.RadarData{{Name: labelBest, Value: bestVals}},
				charts.WithItemStyleOpts(opts.ItemStyle{Color: colorBest}),
				charts.WithLineStyleOpts(opts.LineStyle{Type: "dotted"}),
			)
		}
		radar.Validate()
		option = radar.JSON()
	} else {
		kind = "cột ngang nhóm"
		bar := charts.NewBar()
		bar.SetGlobalOptions(base(id)...)
		bar.SetGlobalOptions(
			charts.WithLegendOpts(bottomLegend()),
			charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
			charts.WithGridOpts(opts.Grid{Left: "8", Right: "40", Top: "8", Bottom: "56", ContainLabel: opts.Bool(true)}),
			charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: labelShare, NameLocation: "middle", NameGap: 24, Min: 0, Max: 100}),
			charts.WithYAxisOpts(opts.YAxis{
				Type: "category", Inverse: opts.Bool(true),
				AxisLabel: &opts.AxisLabel{Width: 180, Overflow: "truncate"},
			}),
		)
		bar.SetXAxis(labels).XYReversal()
		add := func(name, color string, vals []any) {
			bar.AddSeries(name, nil,
				charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = vals }),
				charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
				charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
			)
		}
		add(r.Name, colorUnit, unitVals)
		if hasGroup {
			add(labelAvg, colorAvg, avgVals)
			add(labelBest, colorBest, bestVals)
		}
		bar.Validate()
		option = bar.JSON()
	}

	var d strings.Builder
	d.WriteString("Biểu đồ ")
	d.WriteString(kind)
	d.WriteString(" tỷ lệ điểm đạt so với điểm tối đa theo lĩnh vực của ")
	d.WriteString(r.Name)
	d.WriteString(" năm ")
	d.WriteString(strconv.Itoa(r.Year))
	if hasGroup {
		d.WriteString(", so với trung bình và cao nhất khối")
	}
	if plotted == 0 {
		d.WriteString(": chưa có điểm theo lĩnh vực.")
	} else {
		var hi, lo int = -1, -1
		for i, row := range rows {
			if !row.hasPct {
				continue
			}
			if hi < 0 || row.pct > rows[hi].pct {
				hi = i
			}
			if lo < 0 || row.pct < rows[lo].pct {
				lo = i
			}
		}
		d.WriteString(": cao nhất ở lĩnh vực ")
		d.WriteString(rows[hi].label)
		d.WriteString(" (")
		d.WriteString(text(rows[hi].pct, dec))
		d.WriteString(" %)")
		if lo != hi {
			d.WriteString(", thấp nhất ở lĩnh vực ")
			d.WriteString(rows[lo].label)
			d.WriteString(" (")
			d.WriteString(text(rows[lo].pct, dec))
			d.WriteString(" %)")
		}
		var gaps []string
		for _, row := range rows {
			if !row.hasPct {
				gaps = append(gaps, row.label)
			}
		}
		if len(gaps) > 0 {
			d.WriteString("; chưa có điểm lĩnh vực ")
			d.WriteString(strings.Join(gaps, ", "))
		}
		d.WriteString(".")
	}

	height := 420
	if !useRadar {
		height = max(160, 80+len(rows)*(24*3+16))
	}
	return Chart{
		ID:     id,
		Title:  title,
		Desc:   d.String(),
		Option: encode(option),
		Table:  table,
		Height: height,
		Empty:  plotted == 0,
	}
}

// AreaPoints is, for a unit-year, a stacked horizontal bar per area of the
// points achieved and the points lost (applicable maximum − achieved; the
// framework's area maximum when the applicable one is unknown). Areas are
// in the result's order (framework order), first at the top.
func AreaPoints(r *par.Result) Chart {
	dec := decimals(r.Framework)
	labels := make([]string, len(r.Areas))
	got := make([]any, len(r.Areas))
	lost := make([]any, len(r.Areas))
	table := Table{Head: []string{labelArea, labelMax, labelAchieved, labelLost}}
	var sumGot, sumMax par.Points
	worst := -1
	var worstLost par.Points
	plotted, counted := 0, 0
	for i := range r.Areas {
		a := &r.Areas[i]
		labels[i] = areaLabel(a.Code, a.Title)
		mx := a.Max
		if mx <= 0 {
			mx = frameworkAreaMax(r.Framework, a.Code)
		}
		row := []string{labels[i], missing, figText(a.Points), missing}
		if mx > 0 {
			row[1] = maxText(mx)
		}
		if a.Points.Known() {
			got[i] = num(a.Points.Value, a.Points.Decimals)
			plotted++
			if mx > 0 {
				l := max(mx-a.Points.Value, 0)
				lost[i] = num(l, dec)
				row[3] = text(l, dec)
				sumGot += a.Points.Value
				sumMax += mx
				counted++
				if l > worstLost {
					worst, worstLost = i, l
				}
			}
		}
		table.Rows = append(table.Rows, row)
	}

	title := "Điểm đạt và điểm bị trừ theo lĩnh vực năm " + strconv.Itoa(r.Year)
	table.Caption = title

	bar := charts.NewBar()
	bar.SetGlobalOptions(base("chart-" + strconv.Itoa(r.Year) + "-" + unitID(r) + "-points")...)
	bar.SetGlobalOptions(
		charts.WithLegendOpts(bottomLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "40", Top: "8", Bottom: "56", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "Điểm", NameLocation: "middle", NameGap: 24, Min: 0}),
		charts.WithYAxisOpts(opts.YAxis{
			Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 180, Overflow: "truncate"},
		}),
	)
	bar.SetXAxis(labels).XYReversal()
	bar.AddSeries(labelAchieved, nil,
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = got }),
		charts.WithBarChartOpts(opts.BarChart{Stack: "points", BarCategoryGap: "30%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorAchieved}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "inside", Color: "#fff"}),
	)
	bar.AddSeries(labelLost, nil,
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = lost }),
		charts.WithBarChartOpts(opts.BarChart{Stack: "points"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorLost}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
	)
	bar.Validate()

	var d strings.Builder
	d.WriteString("Biểu đồ cột ngang chồng điểm đạt và điểm bị trừ theo lĩnh vực của ")
	d.WriteString(r.Name)
	d.WriteString(" năm ")
	d.WriteString(strconv.Itoa(r.Year))
	switch {
	case plotted == 0:
		d.WriteString(": chưa có điểm theo lĩnh vực.")
	case sumMax > 0:
		d.WriteString(": đạt ")
		d.WriteString(text(sumGot, dec))
		d.WriteString("/")
		d.WriteString(text(sumMax, dec))
		d.WriteString(" điểm của ")
		d.WriteString(strconv.Itoa(counted))
		d.WriteString(" lĩnh vực")
		if worst >= 0 {
			d.WriteString("; bị trừ nhiều nhất ở lĩnh vực ")
			d.WriteString(labels[worst])
			d.WriteString(" (")
			d.WriteString(text(worstLost, dec))
			d.WriteString(" điểm)")
		} else {
			d.WriteString("; không bị trừ điểm")
		}
		d.WriteString(".")
	default:
		d.WriteString(".")
	}

	return Chart{
		ID:     bar.ChartID,
		Title:  title,
		Desc:   d.String(),
		Option: encode(bar.JSON()),
		Table:  table,
		Height: max(160, 80+40*len(r.Areas)),
		Empty:  plotted == 0,
	}
}
