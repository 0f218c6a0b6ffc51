package chart

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// criteriaColumns is the most criteria the heatmap of a group's criteria
// shows: those the most units lost points on, so it stays legible (on a
// phone too) and light on a page of a hundred communes.
const criteriaColumns = 20

// CriteriaHeatmap is a heatmap of units × criteria for a ranking (issue 12,
// item 6): each unit's appraised score as a share of its applicable
// maximum, for the criteria the most units lost points on (at most
// criteriaColumns), over the units with a complete detail sheet. A cell
// where the criterion does not apply is empty, never 0. The cells carry
// no labels (too many to read); the tooltip and the table give each.
func CriteriaHeatmap(l Lang, rk *par.Ranking) Chart {
	id := rankingID(rk, "tieu-chi")
	c := Chart{ID: id, Lang: l.Tag(), Title: rankingTitle(l, "Tỷ lệ điểm đạt theo tiêu chí", rk) + l.T(" (tiêu chí nhiều đơn vị mất điểm nhất)")}
	cr := rk.Criteria
	if cr == nil {
		c.Empty = true
		return c
	}
	cols := hardest(cr.Stats, criteriaColumns)
	if len(cols) == 0 {
		c.Empty = true
		return c
	}
	dec := decimals(rk.Framework)
	keys := make([]string, len(cols))
	for j, s := range cols {
		keys[j] = s.Node.Key
	}
	names := make([]string, len(cr.Units))
	for i, r := range cr.Units {
		names[i] = heatLabel(resultName(l, r))
	}
	// Table: a row per unit, a column per criterion.
	c.Table = Table{Caption: c.Title, Head: append([]string{l.T("Đơn vị")}, keys...)}
	var items []any
	lo := 100
	for i, r := range cr.Units {
		row := []string{resultName(l, r)}
		for j, s := range cols {
			if !s.Known[i] {
				row = append(row, viet.Missing)
				continue
			}
			items = append(items, heatItem{Value: [3]any{j, i, num(s.Shares[i], dec)}, Text: fixed(l, s.Shares[i], dec)})
			row = append(row, fixed(l, s.Shares[i], dec))
			lo = min(lo, int(s.Shares[i]/par.Scale)/10*10)
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	below := ""
	if lo > 0 {
		below = l.T(" trở xuống")
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(base(id)...)
	hm.SetGlobalOptions(
		charts.WithLegendOpts(noLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "8", Top: "72", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Position: "top", Data: keys, Name: l.T("Tiêu chí"), NameLocation: "middle", NameGap: 40,
			AxisLabel: &opts.AxisLabel{Rotate: 45, Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: names}),
		charts.WithVisualMapOpts(opts.VisualMap{
			Type: "continuous", Calculable: opts.Bool(false), Min: float32(lo), Max: 100,
			Orient: "horizontal", Left: "center", Top: "0", Text: []string{"100 %", strconv.Itoa(lo) + " %" + below},
			InRange: &opts.VisualMapInRange{Color: heatColors},
		}),
	)
	hm.SetXAxis(keys)
	hm.AddSeries(l.T(labelShare), nil, charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = items }))
	hm.Validate()
	m := hm.JSON()
	if ys, ok := m["yAxis"].([]opts.YAxis); ok && len(ys) == 1 {
		m["yAxis"] = []categoryAxis{{YAxis: ys[0], AxisLabel: categoryLabel{LineHeight: 15}}}
	}
	c.Option = encode(m)
	rows := 1
	for _, n := range names {
		rows = max(rows, strings.Count(n, "\n")+1)
	}
	c.Height = 120 + max(22, 14*rows+8)*len(cr.Units)
	var d strings.Builder
	d.WriteString(l.F("Bản đồ nhiệt tỷ lệ điểm đạt của %d đơn vị có phiếu chấm chi tiết đầy đủ trên %d tiêu chí nhiều đơn vị mất điểm nhất, %s, màu càng đậm tỷ lệ càng cao (thang màu từ %d đến 100 %%); ô trống: tiêu chí không áp dụng cho đơn vị",
		len(cr.Units), len(cols), rankingOf(l, rk), lo))
	d.WriteString(l.F("; nhiều đơn vị mất điểm nhất: %s %s (%d/%d đơn vị).", cols[0].Node.Key, l.Name(cols[0].Node.Title, cols[0].Node.TitleEn), cols[0].Lost, cols[0].N))
	c.Desc = d.String()
	return c
}

// hardest are the criteria some unit lost points on, the most often lost
// first (then the most points lost on average, then framework order), at
// most n.
func hardest(stats []par.CriterionTally, n int) []par.CriterionTally {
	var out []par.CriterionTally
	for _, s := range stats {
		if s.Lost > 0 {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b par.CriterionTally) int {
		if c := cmp.Compare(b.LostShare(), a.LostShare()); c != 0 {
			return c
		}
		return cmp.Compare(b.AvgLost, a.AvgLost)
	})
	return out[:min(n, len(out))]
}
