package chart

import (
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// heatColors run from pale yellow to mid blue (ColorBrewer YlGnBu without
// its darkest steps), so a cell's black label keeps a contrast of at least
// 4.5:1 on every colour.
var heatColors = []string{"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0"}

// heatRows are the units of an area comparison with their shares, one
// row per scored unit in the ranking's order.
type heatRows struct {
	l     Lang
	ac    *par.AreaComparison
	units []*par.Result
	cells [][]*par.AreaRow // [unit][area], nil when the unit has no share
	dec   int
}

// AreaHeatmap charts the units × areas of a year: each cell the unit's
// area points as a share of its applicable area maximum, on a colour scale
// from 0 to 100 % (rule "area comparison"). A unit without a share in an
// area has an empty cell, never a 0. The data table is the same grid.
func AreaHeatmap(l Lang, ac *par.AreaComparison) Chart {
	rk := ac.Ranking
	id := rankingID(rk, "linh-vuc")
	h := gatherHeat(ac)
	h.l = l
	c := Chart{ID: id, Lang: l.Tag(), Title: rankingTitle(l, "Tỷ lệ điểm đạt theo lĩnh vực", rk) + l.T(" (% điểm tối đa áp dụng)")}
	if !ac.Scored || len(h.units) == 0 {
		c.Empty = true
		return c
	}
	c.Table = h.table(c.Title)
	c.Option = encode(h.option(id))
	c.Desc = h.desc()
	c.Height = h.height()
	return c
}

func gatherHeat(ac *par.AreaComparison) heatRows {
	h := heatRows{l: Vietnamese(), ac: ac, dec: decimals(ac.Ranking.Framework)}
	idx := map[*par.Result]int{}
	for _, r := range ac.Ranking.Results {
		if r.Scored || r.Incomplete {
			idx[r] = len(h.units)
			h.units = append(h.units, r)
			h.cells = append(h.cells, make([]*par.AreaRow, len(ac.Areas)))
		}
	}
	for j, ar := range ac.Areas {
		for k := range ar.Rows {
			row := &ar.Rows[k]
			if i, ok := idx[row.Result]; ok && row.Known {
				h.cells[i][j] = row
			}
		}
	}
	return h
}

func (h heatRows) cellText(row *par.AreaRow) string {
	if row == nil {
		return viet.Missing
	}
	return fixed(h.l, row.Share, h.dec)
}

// unitName is a unit's name on the heatmap, in its language.
func (h heatRows) unitName(r *par.Result) string { return resultName(h.l, r) }

// areaLabel is an area's code and title in the heatmap's language.
func (h heatRows) areaLabel(ar *par.AreaRanking) string {
	return areaLabel(ar.Code, areaTitle(h.l, h.ac.Ranking.Framework, ar.Code, ar.Title))
}

func (h heatRows) table(title string) Table {
	t := Table{Caption: title, Head: []string{h.l.T("Đơn vị")}}
	for _, ar := range h.ac.Areas {
		t.Head = append(t.Head, h.areaLabel(ar)+" (%)")
	}
	for i, r := range h.units {
		row := []string{h.unitName(r)}
		for _, c := range h.cells[i] {
			row = append(row, h.cellText(c))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// heatItem is one cell: its position and value, the value as the tables
// print it, and the unit and area it is of (for the tooltip).
type heatItem struct {
	Value [3]any `json:"value"`
	Text  string `json:"text"`
	Name  string `json:"name,omitempty"`
}

func (h heatRows) rowHeight() int {
	lines := 1
	for _, r := range h.units {
		lines = max(lines, strings.Count(heatLabel(h.unitName(r)), "\n")+1)
	}
	return max(26, 14*lines+10)
}

func (h heatRows) height() int { return 96 + h.rowHeight()*len(h.units) }

func (h heatRows) option(id string) map[string]any {
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(base(id)...)
	codes := make([]string, len(h.ac.Areas))
	for j, ar := range h.ac.Areas {
		codes[j] = ar.Code
	}
	names := make([]string, len(h.units))
	for i, r := range h.units {
		names[i] = heatLabel(h.unitName(r))
	}
	// The colour scale starts at the lowest share rounded down to a ten,
	// so close shares (85 and 95) get distinct colours; the scale's label
	// says where it starts.
	lo, below := h.scaleStart(), ""
	if lo > 0 {
		below = h.l.T(" trở xuống")
	}
	hm.SetGlobalOptions(
		charts.WithLegendOpts(noLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "8", Top: "64", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Position: "top", Data: codes, Name: h.l.T(labelArea), NameLocation: "middle", NameGap: 24, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: names}),
		charts.WithVisualMapOpts(opts.VisualMap{
			Type: "continuous", Calculable: opts.Bool(false), Min: float32(lo), Max: 100,
			Orient: "horizontal", Left: "center", Top: "0", Text: []string{"100 %", strconv.Itoa(lo) + " %" + below},
			InRange: &opts.VisualMapInRange{Color: heatColors},
		}),
	)
	hm.SetXAxis(codes)
	var data []opts.HeatMapData
	var items []any
	for i, r := range h.units {
		for j, c := range h.cells[i] {
			if c == nil {
				continue // an empty cell: no share, never 0
			}
			items = append(items, heatItem{
				Value: [3]any{j, i, num(c.Share, h.dec)},
				Text:  h.cellText(c),
				Name:  h.l.F("%s – lĩnh vực %s", h.unitName(r), h.ac.Areas[j].Code),
			})
		}
	}
	hm.AddSeries(h.l.T(labelShare), data,
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = items }),
		// A phone leaves about 250 px for the cells: with many areas
		// the labels get a smaller font so "98,67" fits its cell.
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: "#000", FontSize: h.labelSize()}),
	)
	hm.Validate()
	m := hm.JSON()
	if ys, ok := m["yAxis"].([]opts.YAxis); ok && len(ys) == 1 {
		m["yAxis"] = []categoryAxis{{YAxis: ys[0], AxisLabel: categoryLabel{LineHeight: 15}}}
	}
	return m
}

// heatChars is a unit name's line on the heatmap: narrower than other
// charts' (labelChars), since every column of cells needs room on a phone.
const heatChars = 14

// heatLabel wraps a unit's name into even lines of at most heatChars
// characters (a longer word keeps its own line), never cutting it.
func heatLabel(s string) string {
	words := strings.Fields(s)
	lines := greedyWrap(words, heatChars)
	for w := 1; w < heatChars; w++ {
		if l := greedyWrap(words, w); len(l) == len(lines) {
			lines = l
			break
		}
	}
	return strings.Join(lines, "\n")
}

// labelSize is the cells' font size in px.
func (h heatRows) labelSize() float32 {
	switch n := len(h.ac.Areas); {
	case n > 6:
		return 9
	case n > 4:
		return 10
	}
	return 12
}

// scaleStart is the lowest share shown, rounded down to a ten.
func (h heatRows) scaleStart() int {
	lo := 100
	for i := range h.units {
		for _, c := range h.cells[i] {
			if c != nil {
				lo = min(lo, int(c.Share/par.Scale)/10*10)
			}
		}
	}
	return min(lo, 90)
}

func (h heatRows) desc() string {
	var d strings.Builder
	rk := h.ac.Ranking
	l := h.l
	d.WriteString(l.F("Bản đồ nhiệt tỷ lệ điểm đạt so với điểm tối đa áp dụng của %d đơn vị trên %d lĩnh vực, %s, màu càng đậm tỷ lệ càng cao (thang màu từ %d đến 100 %%)",
		len(h.units), len(h.ac.Areas), rankingOf(l, rk), h.scaleStart()))
	var best, worst *par.AreaRanking
	for _, ar := range h.ac.Areas {
		if ar.N == 0 {
			continue
		}
		if best == nil || ar.Avg > best.Avg {
			best = ar
		}
		if worst == nil || ar.Avg < worst.Avg {
			worst = ar
		}
	}
	if best != nil && worst != best {
		d.WriteString(l.F("; trung bình cao nhất ở lĩnh vực %s (%s %%), thấp nhất ở lĩnh vực %s (%s %%)",
			h.areaLabel(best), fixed(l, best.Avg, h.dec), h.areaLabel(worst), fixed(l, worst.Avg, h.dec)))
	}
	missing := 0
	for i := range h.units {
		for _, c := range h.cells[i] {
			if c == nil {
				missing++
			}
		}
	}
	if missing > 0 {
		d.WriteString(l.F("; %d ô để trống vì không có điểm lĩnh vực hoặc mọi tiêu chí không áp dụng", missing))
	}
	d.WriteString(".")
	return d.String()
}
