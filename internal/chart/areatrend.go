package chart

import (
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// trendColors tell up to ten area lines apart (Tableau 10); a line's
// name in the legend and tooltip says which area it is.
var trendColors = opts.Colors{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"}

// trendLine is one area's line: the years it has a share in, and the
// area's code and title in its last year.
type trendLine struct {
	code, title string
	first, last int            // positions in the years
	data        []*par.AreaRow // per year, nil when absent
}

type trendRows struct {
	unit     string
	years    []int
	lines    []*trendLine
	fwChange []int // years whose framework differs from the year before's
	dec      int
}

// AreaTrend charts a unit's share of each area's maximum per year (rule
// "area comparison"): one line per area. Across a framework change a line
// goes on only where the new framework maps the area one to one onto an
// old one (par.CompareArea); every other area of the new framework starts
// a line of its own, and a dashed line marks the change. A year without an
// area score is a gap, never 0.
func AreaTrend(unitName string, results []*par.Result) Chart {
	id := "chart-" + unitID(firstOf(results)) + "-area-trend"
	t := gatherTrend(unitName, results)
	c := Chart{ID: id, Title: "Tỷ lệ điểm đạt theo lĩnh vực qua các năm (% điểm tối đa áp dụng)"}
	known := 0
	seen := map[int]bool{}
	for _, l := range t.lines {
		for i, d := range l.data {
			if d != nil && !seen[i] {
				seen[i] = true
				known++
			}
		}
	}
	if known < 2 {
		c.Empty = true
		return c
	}
	c.Table = t.table(c.Title + " – " + unitName)
	c.Option = encode(t.option(id))
	c.Desc = t.desc()
	c.Height = 340 + 22*((len(t.lines)+2)/3)
	return c
}

func firstOf(rs []*par.Result) *par.Result {
	if len(rs) == 0 {
		return nil
	}
	return rs[0]
}

func gatherTrend(unitName string, results []*par.Result) trendRows {
	t := trendRows{unit: unitName, dec: 2}
	var prev *par.Result
	var prevLines map[string]*trendLine // area code of prev → its line
	for _, r := range results {
		if r.Framework == nil {
			continue
		}
		i := len(t.years)
		t.years = append(t.years, r.Year)
		t.dec = decimals(r.Framework)
		if prev != nil && prev.Framework.ID != r.Framework.ID {
			t.fwChange = append(t.fwChange, r.Year)
		}
		cur := map[string]*trendLine{}
		for _, a := range r.Framework.Areas {
			var l *trendLine
			if prev != nil {
				if m := par.CompareArea(r.Framework, prev.Framework, a.Code); m.Continues {
					l = prevLines[m.Prev[0]]
				}
			}
			if l == nil {
				l = &trendLine{first: i}
				t.lines = append(t.lines, l)
			}
			l.code, l.title, l.last = a.Code, a.Title, i
			cur[a.Code] = l
			pts, m, share, est, ok := par.AreaShare(r, []string{a.Code})
			for len(l.data) < i {
				l.data = append(l.data, nil)
			}
			if ok {
				l.data = append(l.data, &par.AreaRow{Result: r, Points: pts, Max: m, Share: share, Estimated: est, Known: true})
			} else {
				l.data = append(l.data, nil)
			}
		}
		prev, prevLines = r, cur
	}
	for _, l := range t.lines {
		for len(l.data) < len(t.years) {
			l.data = append(l.data, nil)
		}
	}
	return t
}

// name is a line's legend name: the area as last scored, with its years
// when it does not span them all (it started or ended at a change).
func (t trendRows) name(l *trendLine) string {
	n := areaLabel(l.code, l.title)
	if l.first > 0 || l.last < len(t.years)-1 {
		n += " (" + yearSpan(t.years[l.first:l.last+1]) + ")"
	}
	return n
}

func (t trendRows) table(title string) Table {
	tb := Table{Caption: title, Head: []string{labelArea}}
	for _, y := range t.years {
		tb.Head = append(tb.Head, strconv.Itoa(y))
	}
	for _, l := range t.lines {
		row := []string{t.name(l)}
		for i, d := range l.data {
			switch {
			case d != nil:
				row = append(row, viet.Fixed(d.Share, t.dec))
			case i < l.first || i > l.last:
				row = append(row, "")
			default:
				row = append(row, viet.Missing)
			}
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

func (t trendRows) option(id string) map[string]any {
	years := make([]string, len(t.years))
	for i, y := range t.years {
		years[i] = strconv.Itoa(y)
	}
	lo := 100
	for _, l := range t.lines {
		for _, d := range l.data {
			if d != nil {
				lo = min(lo, max(0, int(d.Share.Round(0)/par.Scale)-5)/10*10)
			}
		}
	}
	xName := "Năm"
	if len(t.fwChange) > 0 {
		xName = "Năm (nét đứt: đổi bộ chỉ số)"
	}
	line := charts.NewLine()
	line.SetGlobalOptions(base(id)...)
	line.SetGlobalOptions(
		charts.WithColorsOpts(trendColors),
		charts.WithLegendOpts(bottomLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "24", Top: "16", Bottom: strconv.Itoa(64 + 22*((len(t.lines)+2)/3)), ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", BoundaryGap: opts.Bool(true), Name: xName, NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: zoomedName(labelShare, lo), NameLocation: "middle", NameGap: 36, Min: lo, Max: 100}),
	)
	line.SetXAxis(years)
	for k, l := range t.lines {
		data := make([]any, len(l.data))
		for i, d := range l.data {
			if d != nil {
				data[i] = fixedPoint(d.Share, t.dec)
			}
		}
		so := []charts.SeriesOpts{
			charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = data }),
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 7, ConnectNulls: opts.Bool(false)}),
		}
		if k == 0 && len(t.fwChange) > 0 {
			var marks []opts.MarkLineNameXAxisItem
			for _, y := range t.fwChange {
				marks = append(marks, opts.MarkLineNameXAxisItem{Name: labelFramework + " năm " + strconv.Itoa(y), XAxis: strconv.Itoa(y)})
			}
			so = append(so,
				charts.WithMarkLineNameXAxisItemOpts(marks...),
				charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
					Symbol:    []string{"none", "none"},
					Label:     &opts.Label{Show: opts.Bool(false)},
					LineStyle: &opts.LineStyle{Color: colorAvg, Type: "dashed"},
				}),
			)
		}
		line.AddSeries(t.name(l), nil, so...)
	}
	line.Validate()
	return line.JSON()
}

func (t trendRows) desc() string {
	var d strings.Builder
	d.WriteString("Tỷ lệ điểm đạt so với điểm tối đa áp dụng của " + t.unit + " ở " + strconv.Itoa(len(t.lines)) +
		" lĩnh vực, các năm " + yearSpan(t.years))
	if len(t.fwChange) > 0 {
		ys := make([]string, len(t.fwChange))
		for i, y := range t.fwChange {
			ys[i] = strconv.Itoa(y)
		}
		d.WriteString("; bộ chỉ số đổi năm " + strings.Join(ys, ", ") +
			": chỉ lĩnh vực tương ứng một–một với lĩnh vực của bộ cũ được nối tiếp, các lĩnh vực khác bắt đầu đường mới")
	}
	d.WriteString(".")
	return d.String()
}
