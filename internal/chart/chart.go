// Package chart is the chart stage of parindex: it turns computed results
// (par.Ranking, par.Result, par.AreaStat from the compute stage) into Chart
// values — an ECharts option as HTML-safe JSON, a data-table alternative and
// a one-sentence aria description — for the site stage to render into its
// own templates. It is the only importer of go-echarts, which is used to
// build the options only: go-echarts' page/HTML rendering is not used, since
// its default assets host is a CDN and its chart IDs are random. ECharts
// itself is vendored under static/vendor/echarts and loaded by the page: a
// custom build of only the chart types and components these options use
// (tools/echarts lists them; a test of the theme checks this package's
// golden options against the build's manifest, so a new chart type or
// component means adding it there and running make echarts).
//
// # Template contract
//
// A page that shows charts loads, in its <head> or at the end of <body>,
// exactly these two scripts (no inline scripts anywhere, so a strict CSP
// works):
//
//	<script src="{{base}}static/vendor/echarts/echarts.min.js" defer></script>
//	<script src="{{base}}static/js/charts.js" defer></script>
//
// and renders each Chart c as:
//
//	<figure class="chart" id="{{.ID}}">
//	  <figcaption>{{.Title}}</figcaption>
//	  <div id="{{.ID}}-box" class="chart-box" data-chart="{{.ID}}-option" data-height="{{.Height}}" role="img" aria-label="{{.Desc}}" hidden></div>
//	  <script type="application/json" id="{{.ID}}-option">{{.Option}}</script>
//	  <details class="chart-data" open><summary>Bảng số liệu</summary>
//	    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="{{.ID}}-bang"><table>…Table…</table></div>
//	  </details>
//	  <div class="chart-tools" data-png="{{.ID}}">…permalink, CSV, embed…</div>
//	</figure>
//
// The figure's id is the chart's permalink (page#ID), and ID names the
// chart's embed page and CSV across the site (the site stage writes them
// and refuses two charts of one ID), so an ID must be unique in the site.
// Without JavaScript the empty box takes no space (hidden) and the table
// is open; static/js/charts.js un-hides the box, gives it its height (from
// data-height: a style attribute would break a strict CSP) and closes the
// <details> once the chart is drawn, so the table is one click away.
//
// Table renders as <table><caption id="{{.ID}}-bang">{{.Table.Caption}}</caption><thead> with
// one <th scope="col"> per Head cell, and <tbody> with one <tr> per Row; its
// cells are already formatted for display (decimal comma, "—" for missing).
//
// Option is a json.RawMessage: html/template writes it verbatim inside the
// application/json script (it passes Marshalers through json.Marshal, which
// keeps the bytes). Do not convert it to string or []byte (a string would be
// quoted, []byte base64-encoded). Option never contains a raw '<', '>' or
// '&' (they are \u003c, \u003e, \u0026), so no name can close the script
// element. Every name from the data (units, areas, bands) is JSON data, never
// part of a formatter string; static/js/charts.js installs the tooltip and
// label formatters and HTML-escapes every name in tooltips.
//
// A Chart with Empty set has no data to plot; a page should show a sentence
// (or nothing) instead of an empty chart box.
//
// # Four steps
//
// Each chart is built in the same four steps, each a function of its own:
// gather the rows (one per unit, band, year or area, with what is known of
// it), then from the rows the data table, the ECharts option and the text
// description. Every horizontal bar chart goes through one builder
// (hbar), and every figure in a table or description through the site's
// one formatter ([viet.Figure], [viet.Fixed], [viet.Exact]), so a chart's
// table reads exactly as the page's own tables ("96,10", "—"). The option
// carries the same text beside each figure's value (point), which
// static/js/charts.js shows in value labels and tooltips.
//
// Value axes: counts, shares of a maximum and points out of a maximum are
// bars from 0, since a bar's length is the claim; a ranking's indexes,
// which lie close together, are dots on an axis zoomed to the data, and a
// unit's history a line on one; a zoomed axis says in its name where it
// starts.
//
// Output is deterministic: the same input gives the same bytes (fixed IDs,
// map keys sorted by encoding/json, no random or time-based values).
package chart

import (
	"encoding/json"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// Table is the data-table alternative of a chart. Cells are formatted for
// display (Vietnamese decimal comma, [viet.Missing] for a missing value).
type Table struct {
	Caption string
	Head    []string
	Rows    [][]string
}

// Chart is one chart ready for the page template (see the package comment).
type Chart struct {
	ID     string          // fixed, e.g. "chart-2023-so-index"; the option script's id is ID+"-option"
	Title  string          // figcaption
	Desc   string          // aria description: one plain sentence summarising the chart
	Option json.RawMessage // ECharts option, HTML-safe JSON
	Table  Table
	Height int  // px
	Empty  bool // nothing to plot: show a sentence instead of the chart box
	// SameAs is the id of a table on the page that already holds the
	// chart's data (a ranking's chart, under the ranking): the page links
	// it instead of repeating it. Set by the page, not here; the embed
	// page, which has no such table, shows Table.
	SameAs string `json:",omitempty"`
	// Lang is the language of the chart's texts ("vi", "en"): a page in
	// another language marks the chart as Vietnamese.
	Lang string `json:",omitempty"`
}

// Labels used on axes, series and tables.
const (
	labelIndex     = "Chỉ số (%)"
	labelRank      = "Xếp hạng"
	labelAchieved  = "Điểm đạt"
	labelLost      = "Điểm bị mất"
	labelAvg       = "Trung bình khối"
	labelBest      = "Cao nhất khối"
	labelUnranked  = "Chưa xếp loại"
	labelUnscored  = "Chưa chấm điểm"
	labelUnits     = "Số đơn vị"
	labelMax       = "Điểm tối đa"
	labelArea      = "Lĩnh vực"
	labelShare     = "Tỷ lệ điểm đạt (%)"
	labelFramework = "Đổi bộ chỉ số"
)

// bandColors colour the known band words (xếp loại) by the word, not by
// its position in the framework, so "Tốt" has one colour in every group,
// year and framework (where "Tốt" is the top band in one framework and the
// second in another). Chosen to stay distinguishable for the common
// colour-vision deficiencies and to print legibly in greyscale (dark
// green, blue, orange, light red, dark red, purple from best to worst).
var bandColors = map[string]string{
	"xuat-sac":   "#1b7837",
	"tot":        "#2166ac",
	"kha":        "#e08214",
	"trung-binh": "#d6604d",
	"yeu":        "#b2182b",
	"kem":        "#762a83",
}

// bandFallback colours a band word not in bandColors, chosen by a hash of
// the word so it keeps its colour wherever it appears; none of these is
// one of bandColors' or the grey of "not classified".
var bandFallback = [...]string{"#35978f", "#8c510a", "#01665e", "#c51b7d", "#4d9221", "#542788"}

// Colours for values without a framework band and for series.
const (
	colorOtherBand = "#7f7f7f" // a published band name the framework does not know
	colorNoBand    = "#bdbdbd" // not classified / not scored
	colorUnit      = "#2166ac"
	colorAvg       = "#7f7f7f"
	colorBest      = "#1b7837"
	colorAchieved  = "#2166ac"
	colorLost      = "#d6604d"
)

// bandColor is the colour of a band word (a band's name as published or
// in the framework), the same in every framework.
func bandColor(name string) string {
	k := viet.Slug(name)
	if k == "" {
		return colorOtherBand
	}
	if c, ok := bandColors[k]; ok {
		return c
	}
	h := fnv.New32a()
	h.Write([]byte(k))
	return bandFallback[h.Sum32()%uint32(len(bandFallback))]
}

// encode marshals a go-echarts option map. encoding/json sorts map keys
// (determinism) and escapes <, >, & and U+2028/9 (safe inside a script
// element); go-echarts' own JSONNotEscaped does neither escaping, so it is
// not used.
func encode(option map[string]any) json.RawMessage {
	b, err := json.Marshal(option)
	if err != nil {
		// Options are built from plain values here; a failure is a bug in
		// this package, not bad input.
		panic("chart: marshal option: " + err.Error())
	}
	return b
}

// idPart makes s safe and stable inside an HTML id: lower-case ASCII
// letters, digits and '-'. Group and unit ids are slugs already; this only
// guards against configuration that is not.
func idPart(s string) string {
	s = viet.Slug(s)
	if s == "" {
		return "x"
	}
	return s
}

// num is a value rounded to the figure's decimals, as chart data.
func num(p par.Points, decimals int) float64 { return p.Round(decimals).Float() }

// point is one figure as chart data: the value to plot, rounded to the
// figure's decimals, and the figure as the page's tables print it
// ("96,10"). The browser cannot know a figure's precision from the number
// (96.1 may have been published as 96,10), so static/js/charts.js shows
// Text in value labels and tooltips wherever it shows the value.
type point struct {
	Value float64 `json:"value"`
	Text  string  `json:"text"`
}

// figPoint is a figure as chart data, or nil (JSON null: a gap, never
// zero) when unknown.
func figPoint(l Lang, f par.Figure) any {
	if !f.Known() {
		return nil
	}
	return point{Value: num(f.Value, f.Decimals), Text: figure(l, f)}
}

// fixedPoint is a computed value (a share, an average, points lost) as
// chart data, at the precision of the figures it derives from.
func fixedPoint(l Lang, p par.Points, decimals int) point {
	return point{Value: num(p, decimals), Text: fixed(l, p, decimals)}
}

// zoomStart is where a value axis of percentages (an index, a share)
// starts so that values from lo up fill the plot: a little below lo,
// rounded down to a step of 5 (10 when the values spread over more than
// 40 points), so a ranking whose indexes run 77–96 is drawn on 75–100
// rather than on 0–100, where every unit would look alike. It is 0 when
// the values come so close to 0 that a zoom would gain little.
func zoomStart(lo, hi par.Points) int {
	step := int64(5)
	if hi-lo > 40*par.Scale {
		step = 10
	}
	// A margin of a fifth of the step keeps the lowest dot off the axis.
	v := int64(lo) - step*par.Scale/5
	if v <= 0 {
		return 0
	}
	start := v / (step * par.Scale) * step
	if start < 2*step {
		return 0
	}
	return int(start)
}

// zoomedName is an axis name that says where a zoomed axis starts, so no
// reader takes a position on it for a share of the whole.
func zoomedName(l Lang, name string, start int) string {
	if start == 0 {
		return l.T(name)
	}
	return l.T(name) + l.F(", trục bắt đầu từ %d", start)
}

// decimals is the framework's display precision, 2 by default.
func decimals(fw *par.Framework) int {
	if fw != nil && fw.Decimals > 0 {
		return fw.Decimals
	}
	return 2
}

func rankText(r *par.Result) string {
	if r.Rank.N <= 0 {
		return viet.Missing
	}
	return strconv.Itoa(r.Rank.N)
}

func bandText(l Lang, r *par.Result) string {
	if r.Band.Name == "" {
		return viet.Missing
	}
	return bandName(l, r.Framework, r.Band.Name, r.Band.ID)
}

func groupName(rk *par.Ranking) string {
	if rk.Group == nil {
		return ""
	}
	return rk.Group.Name
}

func groupID(rk *par.Ranking) string {
	if rk.Group == nil {
		return "x"
	}
	return idPart(rk.Group.ID)
}

func unitID(r *par.Result) string {
	if r == nil || r.Unit == nil {
		return "x"
	}
	return idPart(r.Unit.ID)
}

// areaLabel is how an area is named on an axis or indicator: "I. Title".
func areaLabel(code, title string) string {
	switch {
	case code == "":
		return title
	case title == "":
		return code
	}
	return strings.TrimSuffix(code, ".") + ". " + title
}

// base are the options every chart shares: its fixed ID (go-echarts would
// otherwise draw a random one), no animation (static pages, screenshots,
// reduced motion) and this package's palette for anything not coloured
// explicitly.
func base(id string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithAnimation(false),
		charts.WithColorsOpts(opts.Colors{colorUnit, colorLost, colorBest, colorAvg, bandColors["kha"], bandColors["kem"]}),
	}
}

// noLegend hides the legend (go-echarts always emits one, and ECharts shows
// an empty legend object with every series).
func noLegend() opts.Legend { return opts.Legend{Show: opts.Bool(false)} }

// bottomLegend shows the legend under the plot.
func bottomLegend() opts.Legend {
	return opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}
}

// labelLayout is a series' ECharts labelLayout (the LabelLayout feature
// of the bundle).
type labelLayout struct {
	MoveOverlap string `json:"moveOverlap"`
}

// spreadLabels moves the names at the lines' ends of bump and slope
// charts up or down off one another where units end close together,
// rather than drawing them over each other.
var spreadLabels = labelLayout{MoveOverlap: "shiftY"}

// frameworkMarks are a line series' dashed vertical lines at the years
// whose framework differs from the year before's, without text of their
// own (the year axis' name says what they mean; the tooltip names each).
func frameworkMarks(l Lang, years []int) []charts.SeriesOpts {
	var marks []opts.MarkLineNameXAxisItem
	for _, y := range years {
		marks = append(marks, opts.MarkLineNameXAxisItem{Name: l.F("%s năm %d", l.T(labelFramework), y), XAxis: strconv.Itoa(y)})
	}
	return []charts.SeriesOpts{
		charts.WithMarkLineNameXAxisItemOpts(marks...),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(false)},
			LineStyle: &opts.LineStyle{Color: colorAvg, Type: "dashed"},
		}),
	}
}
