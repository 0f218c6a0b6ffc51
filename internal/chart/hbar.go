package chart

import (
	"strings"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// hbar is a horizontal chart of one value per category, the shape of most
// of the site's charts: categories (units, bands, areas) down the vertical
// axis, first at the top, values along the horizontal axis, which stays
// legible on a phone where vertical bars' names would not. Every such
// chart is built here, so they share one layout and one behaviour.
//
// Category names are never truncated: two units of a group often share
// their first words ("Sở Nông nghiệp …", "Sở Nông nghiệp và Môi trường"),
// so a cut name can hide which unit it is. Long names are wrapped at word
// boundaries instead (wrapLabel) and the grid makes room for the longest
// line, which leaves a 390 px phone about half its width for the plot.
type hbar struct {
	id         string
	categories []string
	// axis is the value axis: Name, NameGap, Min, Max and MinInterval are
	// the caller's; its type and name placement are the builder's.
	axis    opts.XAxis
	right   string // grid margin right of the plot, for the value labels
	legend  bool   // a legend under the plot, one entry per series
	trigger string // tooltip: "item" (one bar) or "axis" (every series of a category)
	// dots draws each value as a dot instead of a bar: a bar's length
	// claims the value, which is only true on an axis that starts at 0, so
	// a zoomed axis gets dots (a dot plot).
	dots   bool
	series []barSeries
}

// barSeries is one series of an hbar.
type barSeries struct {
	name string
	// data holds one value per category, nil for a missing one (a gap,
	// never zero): a point (value and its display text), or opts.BarData
	// items carrying their own colour.
	data  []any
	color string // "" when the data items carry their colours
	stack string // series with the same stack share one bar per category
	gap   string // barCategoryGap, set on the first series of a stack
	// inside puts the value label inside the bar in white, for the first
	// part of a stack whose last part is labelled to its right.
	inside bool
}

// labelChars is the longest line of a category label, in characters:
// about 130 px at the axis' 12 px font, so the longest unit names of the
// example ("Sở Nông nghiệp và Phát triển nông thôn") take two lines and a
// phone keeps room for the plot.
const labelChars = 20

// wrapLabel breaks s at spaces into as few lines of at most labelChars
// characters as it takes, the lines as even as possible ("Sở Giáo
// dục\nvà Đào tạo", not "Sở Giáo dục và Đào\ntạo"). A single longer
// word keeps its own line, unbroken.
func wrapLabel(s string) string {
	words := strings.Fields(s)
	lines := greedyWrap(words, labelChars)
	// The narrowest width that still gives as few lines evens them out.
	for w := 1; w < labelChars; w++ {
		if l := greedyWrap(words, w); len(l) == len(lines) {
			lines = l
			break
		}
	}
	return strings.Join(lines, "\n")
}

// greedyWrap fills lines of at most width characters with words.
func greedyWrap(words []string, width int) []string {
	var lines []string
	line, n := "", 0
	for _, w := range words {
		wn := utf8.RuneCountInString(w)
		if line != "" && n+1+wn > width {
			lines = append(lines, line)
			line, n = "", 0
		}
		if line != "" {
			line += " "
			n++
		}
		line += w
		n += wn
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// rowHeight is the px each category gets: at least perRow, and enough for
// its wrapped label (14 px a line at the axis' font, plus some air).
func (h hbar) rowHeight(perRow int) int {
	lines := 1
	for _, c := range h.categories {
		lines = max(lines, strings.Count(wrapLabel(c), "\n")+1)
	}
	return max(perRow, 14*lines+10)
}

// height is the chart's height in px: extra for the axis and legend, and
// rowHeight(perRow) for each category.
func (h hbar) height(perRow, extra int) int {
	return max(160, extra+h.rowHeight(perRow)*len(h.categories))
}

// option builds the ECharts option.
func (h hbar) option() map[string]any {
	bar := charts.NewBar()
	bar.SetGlobalOptions(base(h.id)...)
	legend, bottom := noLegend(), "32"
	if h.legend {
		legend, bottom = bottomLegend(), "56"
	}
	axis := h.axis
	axis.Type, axis.NameLocation = "value", "middle"
	cat := opts.YAxis{Type: "category", Inverse: opts.Bool(true)}
	if h.dots {
		// A faint line per category leads the eye from a name to its dot.
		cat.SplitLine = &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#eeeeee"}}
	}
	bar.SetGlobalOptions(
		charts.WithLegendOpts(legend),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: h.trigger}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: h.right, Top: "8", Bottom: bottom, ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(axis),
		charts.WithYAxisOpts(cat),
	)
	labels := make([]string, len(h.categories))
	for i, c := range h.categories {
		labels[i] = wrapLabel(c)
	}
	bar.SetXAxis(labels).XYReversal()
	for _, s := range h.series {
		so := []charts.SeriesOpts{
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
				ss.Data = s.data
				if h.dots {
					ss.Type, ss.Symbol, ss.SymbolSize = "scatter", "circle", 11
				}
			}),
		}
		if !h.dots && (s.stack != "" || s.gap != "") {
			so = append(so, charts.WithBarChartOpts(opts.BarChart{Stack: s.stack, BarCategoryGap: s.gap}))
		}
		if s.color != "" {
			style := opts.ItemStyle{Color: s.color}
			if h.dots {
				// ECharts draws scatter symbols at 0.8 opacity, paler than
				// the same band's bars elsewhere; a band keeps one colour.
				style.Opacity = opts.Float(1)
			}
			so = append(so, charts.WithItemStyleOpts(style))
		}
		label := opts.Label{Show: opts.Bool(true), Position: "right"}
		if s.inside {
			label.Position, label.Color = "inside", "#fff"
		}
		so = append(so, charts.WithLabelOpts(label))
		bar.AddSeries(s.name, nil, so...)
	}
	bar.Validate()
	m := bar.JSON()
	if ys, ok := m["yAxis"].([]opts.YAxis); ok && len(ys) == 1 {
		m["yAxis"] = []categoryAxis{{YAxis: ys[0], AxisLabel: categoryLabel{LineHeight: 15}}}
	}
	return m
}

// categoryAxis is the category axis with a numeric line height for its
// wrapped names: ECharts' default spacing drew the lines of a name over
// each other, and go-echarts types lineHeight as a string, which ECharts
// would add to the line's position as text.
type categoryAxis struct {
	opts.YAxis
	AxisLabel categoryLabel `json:"axisLabel"`
}

type categoryLabel struct {
	LineHeight int `json:"lineHeight"`
}
