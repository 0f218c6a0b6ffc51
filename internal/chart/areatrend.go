package chart

import (
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// trendLine is one area's line: the years it has a share in, and the
// area's code and title in its last year.
type trendLine struct {
	code, title string
	fw          *par.Framework // the framework of the area's last year
	first, last int            // positions in the years
	data        []*par.AreaRow // per year, nil when absent
	codes       []string       // the area's code in each year it has, "" before
}

type trendRows struct {
	l        Lang
	unit     string
	years    []int
	lines    []*trendLine
	fwChange []int // years whose framework differs from the year before's
	dec      int
}

// AreaTrend charts a unit's share of each area's maximum per year (rule
// "area comparison"): one small panel per area, all on the same axis. Across a framework change a line
// goes on only where the new framework maps the area one to one onto an
// old one (par.CompareArea); every other area of the new framework starts
// a line of its own, and a dashed line marks the change. A year without an
// area score is a gap, never 0.
func AreaTrend(lg Lang, unitName string, results []*par.Result) Chart {
	id := "chart-" + unitID(firstOf(results)) + "-area-trend"
	t := gatherTrend(unitName, results)
	t.l = lg
	c := Chart{ID: id, Lang: lg.Tag(), Title: lg.T("Tỷ lệ điểm đạt theo lĩnh vực qua các năm (% điểm tối đa áp dụng)")}
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
	c.Height = t.height()
	return c
}

func firstOf(rs []*par.Result) *par.Result {
	if len(rs) == 0 {
		return nil
	}
	return rs[0]
}

func gatherTrend(unitName string, results []*par.Result) trendRows {
	t := trendRows{l: Vietnamese(), unit: unitName, dec: 2}
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
			l.code, l.title, l.fw, l.last = a.Code, a.Title, r.Framework, i
			for len(l.codes) < i {
				l.codes = append(l.codes, "")
			}
			l.codes = append(l.codes, a.Code)
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
	n := areaLabel(l.code, areaTitle(t.l, l.fw, l.code, l.title))
	if l.first > 0 || l.last < len(t.years)-1 {
		n += " (" + viet.YearSpan(t.years[l.first:l.last+1]) + ")"
	}
	// Renumbered at a change: say what it was called before.
	for i := len(l.codes) - 1; i >= 0; i-- {
		if c := l.codes[i]; c != "" && c != l.code {
			n += t.l.F(" (đến năm %d: lĩnh vực %s)", t.years[i], c)
			break
		}
	}
	return n
}

func (t trendRows) table(title string) Table {
	tb := Table{Caption: title, Head: []string{t.l.T(labelArea)}}
	for _, y := range t.years {
		tb.Head = append(tb.Head, strconv.Itoa(y))
	}
	for _, l := range t.lines {
		row := []string{t.name(l)}
		for i, d := range l.data {
			switch {
			case d != nil:
				row = append(row, fixed(t.l, d.Share, t.dec))
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

// Small multiples: one panel per line, stacked, each titled with its
// area and drawn on the same value axis, so panels compare at a glance;
// a phone shows them at full width. One chart with ten crossing lines was
// unreadable.
const (
	panelPlot  = 114 // px per panel below its title: value labels, plot, year labels
	titleLine  = 16  // px per line of a panel's title
	titleChars = 48  // a title's line, in characters: fits a 390 px phone at 12 px
)

// titles are the panels' titles, wrapped for a phone; the first says
// where the shared value axis starts when it does not start at 0.
func (t trendRows) titles(lo int) []string {
	out := make([]string, len(t.lines))
	for i, l := range t.lines {
		n := t.name(l)
		if i == 0 && lo > 0 {
			n += t.l.F(" · tỷ lệ %%, trục từ %d", lo)
		}
		out[i] = strings.Join(greedyWrap(strings.Fields(n), titleChars), "\n")
	}
	return out
}

// tops are where each panel starts, and the total height.
func (t trendRows) tops(titles []string) ([]int, int) {
	tops := make([]int, len(titles))
	y := 8
	for i, ti := range titles {
		tops[i] = y
		y += titleLine*(strings.Count(ti, "\n")+1) + panelPlot
	}
	return tops, y + 8
}

// low is where the shared value axis starts: a ten below the lowest share.
func (t trendRows) low() int {
	lo := 100
	for _, l := range t.lines {
		for _, d := range l.data {
			if d != nil {
				lo = min(lo, max(0, int(d.Share.Round(0)/par.Scale)-5)/10*10)
			}
		}
	}
	return min(lo, 90)
}

func (t trendRows) height() int {
	_, h := t.tops(t.titles(t.low()))
	return h
}

func (t trendRows) option(id string) map[string]any {
	years := make([]string, len(t.years))
	for i, y := range t.years {
		years[i] = strconv.Itoa(y)
	}
	lo := t.low()
	names := t.titles(lo)
	tops, _ := t.tops(names)
	line := charts.NewLine()
	line.SetGlobalOptions(base(id)...)
	var grids []opts.Grid
	for i := range t.lines {
		plotTop := tops[i] + titleLine*(strings.Count(names[i], "\n")+1) + 28
		grids = append(grids, opts.Grid{Left: "8", Right: "16", Top: strconv.Itoa(plotTop), Height: "56", ContainLabel: opts.Bool(true)})
		x := opts.XAxis{Type: "category", BoundaryGap: opts.Bool(true), GridIndex: i, Data: years}
		// Every panel has the same axis, so the shares compare across
		// panels; its name says where it starts, once, on the first.
		// The panel's title is its value axis' name, above the plot (the
		// site's ECharts build has no title component).
		y := opts.YAxis{Type: "value", GridIndex: i, Min: lo, Max: 100, Name: names[i], NameLocation: "end", NameGap: 22}
		if i == 0 {
			line.SetGlobalOptions(charts.WithXAxisOpts(x), charts.WithYAxisOpts(y))
		} else {
			line.ExtendXAxis(x)
			line.ExtendYAxis(y)
		}
	}
	line.SetGlobalOptions(
		charts.WithLegendOpts(noLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(grids...),
	)
	line.SetXAxis(years)
	for k, l := range t.lines {
		data := make([]any, len(l.data))
		for i, d := range l.data {
			if d != nil {
				data[i] = fixedPoint(t.l, d.Share, t.dec)
			}
		}
		so := []charts.SeriesOpts{
			charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = data }),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colorUnit}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}),
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 7, ConnectNulls: opts.Bool(false), XAxisIndex: k, YAxisIndex: k}),
		}
		if len(t.fwChange) > 0 {
			so = append(so, frameworkMarks(t.l, t.fwChange)...)
		}
		line.AddSeries(t.name(l), nil, so...)
	}
	line.Validate()
	m := line.JSON()
	if ys, ok := m["yAxis"].([]opts.YAxis); ok {
		axes := make([]panelAxis, len(ys))
		for i, y := range ys {
			axes[i] = panelAxis{YAxis: y, Interval: float64(100-lo) / 2, NameTextStyle: panelName{Align: "left", VerticalAlign: "bottom", FontSize: 12, LineHeight: titleLine, Color: "#333333"}}
		}
		m["yAxis"] = axes
	}
	return m
}

// panelAxis is a panel's value axis with its name (the panel's title)
// set left-aligned from the axis, which go-echarts cannot express.
type panelAxis struct {
	opts.YAxis
	Interval      float64   `json:"interval"` // ticks at the start, middle and 100 only: the panels are small
	NameTextStyle panelName `json:"nameTextStyle"`
}

type panelName struct {
	Align         string `json:"align"`
	VerticalAlign string `json:"verticalAlign"`
	FontSize      int    `json:"fontSize"`
	LineHeight    int    `json:"lineHeight"`
	Color         string `json:"color"`
}

func (t trendRows) desc() string {
	var d strings.Builder
	d.WriteString(t.l.F("Tỷ lệ điểm đạt so với điểm tối đa áp dụng của %s ở %d lĩnh vực, các năm %s", t.unit, len(t.lines), viet.YearSpan(t.years)))
	if len(t.fwChange) > 0 {
		ys := make([]string, len(t.fwChange))
		for i, y := range t.fwChange {
			ys[i] = strconv.Itoa(y)
		}
		d.WriteString(t.l.F("; bộ chỉ số đổi năm %s: chỉ lĩnh vực tương ứng một–một với lĩnh vực của bộ cũ được nối tiếp, các lĩnh vực khác bắt đầu đường mới", strings.Join(ys, ", ")))
	}
	d.WriteString(".")
	return d.String()
}
