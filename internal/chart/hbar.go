package chart

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// hbar is a horizontal bar chart, the shape of most of the site's charts:
// categories (units, bands, areas) down the vertical axis, first at the
// top, long names truncated; values along the horizontal axis, which stays
// legible on a phone where vertical bars' names would not. Every such
// chart is built here, so they share one layout and one behaviour.
type hbar struct {
	id         string
	categories []string
	// axis is the value axis: Name, NameGap, Min, Max and MinInterval are
	// the caller's; its type and name placement are the builder's.
	axis       opts.XAxis
	labelWidth int    // px of a category name before it is truncated
	right      string // grid margin right of the plot, for the value labels
	legend     bool   // a legend under the plot, one entry per series
	trigger    string // tooltip: "item" (one bar) or "axis" (every series of a category)
	series     []barSeries
}

// barSeries is one series of an hbar.
type barSeries struct {
	name string
	// data holds one value per category, nil for a missing one (a gap,
	// never zero), or opts.BarData items carrying their own colour.
	data  []any
	color string // "" when the data items carry their colours
	stack string // series with the same stack share one bar per category
	gap   string // barCategoryGap, set on the first series of a stack
	// inside puts the value label inside the bar in white, for the first
	// part of a stack whose last part is labelled to its right.
	inside bool
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
	bar.SetGlobalOptions(
		charts.WithLegendOpts(legend),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: h.trigger}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: h.right, Top: "8", Bottom: bottom, ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(axis),
		charts.WithYAxisOpts(opts.YAxis{
			Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: h.labelWidth, Overflow: "truncate"},
		}),
	)
	bar.SetXAxis(h.categories).XYReversal()
	for _, s := range h.series {
		so := []charts.SeriesOpts{
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.Data = s.data }),
		}
		if s.stack != "" || s.gap != "" {
			so = append(so, charts.WithBarChartOpts(opts.BarChart{Stack: s.stack, BarCategoryGap: s.gap}))
		}
		if s.color != "" {
			so = append(so, charts.WithItemStyleOpts(opts.ItemStyle{Color: s.color}))
		}
		label := opts.Label{Show: opts.Bool(true), Position: "right"}
		if s.inside {
			label.Position, label.Color = "inside", "#fff"
		}
		so = append(so, charts.WithLabelOpts(label))
		bar.AddSeries(s.name, nil, so...)
	}
	bar.Validate()
	return bar.JSON()
}
