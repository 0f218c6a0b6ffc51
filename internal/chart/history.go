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

// Line is one unit's results in a unit's history: the unit's own, or one
// of its predecessors' (the units merged into it) up to the merger.
type Line struct {
	Name    string        // the unit's name, as the legend and the table label it
	Results []*par.Result // ascending by year
	Sizes   []int         // per result: units ranked in its ranking, 0 if unknown
}

// UnitHistory is two small line charts of a unit's years of results: its
// index, and its rank (axis inverted so 1 is at the top). They were one
// chart with two value axes, which invites reading the crossing of two
// lines on unrelated scales as meaning something. A unit formed by a
// merger continues its predecessors: each predecessor is a line of its own
// (distinct colour, dashed, named in the legend) up to the merger, and the
// unit's own line starts after it — never one line joining, or a sum of,
// different units (issue 11, item 6). Only predecessors ranked in the
// unit's own group are drawn on the rank chart: a place in another group
// is no place in this one. Years without a score or rank are gaps (null),
// never zero; a rank reads out of its ranking's size ("5/20"); years in
// which the unit's framework changed are dashed vertical lines, since
// indices of different frameworks are not strictly comparable.
func UnitHistory(l Lang, unitName string, own Line, preds []Line) (index, rank Chart) {
	h := gatherHistory(l, unitName, own, preds)
	id := "chart-unit-" + unitID(h.subject) + "-history"
	title := l.F("%s: chỉ số CCHC qua các năm", unitName)
	if len(preds) > 0 {
		title += l.T(", cùng các đơn vị tiền thân")
	}
	index = Chart{
		ID:     id + "-index",
		Lang:   l.Tag(),
		Title:  title,
		Table:  h.indexTable(title),
		Option: encode(h.indexOption(id + "-index")),
		Desc:   h.indexDesc(),
		Height: h.height(len(h.lines)),
		Empty:  h.plotted == 0,
	}
	title = l.F("%s: xếp hạng qua các năm", unitName)
	if len(h.rankLines) > 1 {
		title += l.T(", cùng các đơn vị tiền thân")
	}
	rank = Chart{
		ID:     id + "-rank",
		Lang:   l.Tag(),
		Title:  title,
		Table:  h.rankTable(title),
		Option: encode(h.rankOption(id + "-rank")),
		Desc:   h.rankDesc(),
		Height: h.height(len(h.rankLines)),
		Empty:  h.ranked == 0,
	}
	return index, rank
}

// historyRows is the gathered rows of UnitHistory: the years of every
// line, and per line its result in each year.
type historyRows struct {
	l          Lang
	unitName   string
	years      []int
	lines      []historyLine // the predecessors', then the unit's own (last)
	rankLines  []int         // indexes into lines drawn on the rank chart
	notes      [][]string    // per year: the unit's own not scored, framework changed …
	subject    *par.Result   // the unit's latest result: whose history this is
	latest     *par.Result   // the unit's latest result with an index
	latestRank *par.Result   // the unit's latest result with a rank
	latestOf   int
	plotted    int   // points with an index, all lines
	ranked     int   // points with a rank on the rank chart
	unscored   []int // years the unit itself was not scored
	fwChange   []int // years whose framework differs from the year before's (the unit's own line)
}

type historyLine struct {
	l     Lang
	name  string
	own   bool
	at    []*par.Result // per year of historyRows.years, nil when none
	sizes []int         // per year
	span  []int         // years with a result
}

func gatherHistory(lg Lang, unitName string, own Line, preds []Line) historyRows {
	h := historyRows{l: lg, unitName: unitName}
	all := append(slices.Clone(preds), own)
	for _, l := range all {
		for _, r := range l.Results {
			if !slices.Contains(h.years, r.Year) {
				h.years = append(h.years, r.Year)
			}
		}
	}
	slices.Sort(h.years)
	h.notes = make([][]string, len(h.years))
	if n := len(own.Results); n > 0 {
		h.subject = own.Results[n-1]
	}
	for li, l := range all {
		hl := historyLine{l: lg, name: l.Name, own: li == len(all)-1,
			at: make([]*par.Result, len(h.years)), sizes: make([]int, len(h.years))}
		for i, r := range l.Results {
			y := slices.Index(h.years, r.Year)
			hl.at[y] = r
			if i < len(l.Sizes) {
				hl.sizes[y] = l.Sizes[i]
			}
			hl.span = append(hl.span, r.Year)
			if r.Scored && r.Index.Known() {
				h.plotted++
			}
		}
		h.lines = append(h.lines, hl)
	}
	// The rank chart: the unit's own line and its predecessors ranked in
	// the unit's group.
	ownLine := len(h.lines) - 1
	for li := range h.lines {
		if li == ownLine || (h.subject != nil && sameGroup(h.lines[li], h.subject.Group)) {
			h.rankLines = append(h.rankLines, li)
			for _, r := range h.lines[li].at {
				if r != nil && r.Scored && r.Rank.N > 0 {
					h.ranked++
				}
			}
		}
	}
	var prevFw *par.Framework
	for y, r := range h.lines[ownLine].at {
		if r == nil {
			continue
		}
		var notes []string
		if r.Scored && r.Index.Known() {
			h.latest = r
		}
		if r.Scored && r.Rank.N > 0 {
			h.latestRank, h.latestOf = r, h.lines[ownLine].sizes[y]
		}
		if !r.Scored {
			h.unscored = append(h.unscored, r.Year)
			notes = append(notes, lg.T("chưa chấm điểm"))
		}
		if r.Framework != nil {
			if prevFw != nil && prevFw.ID != r.Framework.ID {
				h.fwChange = append(h.fwChange, r.Year)
				notes = append(notes, lg.T("đổi bộ chỉ số"))
			}
			prevFw = r.Framework
		}
		if r.Prev != nil && r.Prev.Via != "" {
			notes = append(notes, lg.F("so sánh với đơn vị tiền thân năm %d", r.Prev.Year))
		}
		h.notes[y] = notes
	}
	return h
}

// sameGroup: every ranked result of the line is in group.
func sameGroup(l historyLine, group string) bool {
	any := false
	for _, r := range l.at {
		if r != nil && r.Rank.N > 0 {
			if r.Group != group {
				return false
			}
			any = true
		}
	}
	return any
}

// height leaves room for a legend when predecessors are drawn.
func (h historyRows) height(lines int) int {
	if lines > 1 {
		return 300
	}
	return 260
}

func (h historyRows) note(y int) string {
	if len(h.notes[y]) == 0 {
		return viet.Missing
	}
	return strings.Join(h.notes[y], "; ")
}

// rankOf is the rank of a line's year as the table and the labels print
// it: out of the ranking's size where known ("5/20").
func (l historyLine) rankOf(y int) string {
	r := l.at[y]
	if r == nil || !r.Scored || r.Rank.N <= 0 {
		return viet.Missing
	}
	if l.sizes[y] > 0 {
		return strconv.Itoa(r.Rank.N) + "/" + strconv.Itoa(l.sizes[y])
	}
	return strconv.Itoa(r.Rank.N)
}

func (l historyLine) index(y int) string {
	if r := l.at[y]; r != nil && r.Scored {
		return figure(l.l, r.Index)
	}
	return viet.Missing
}

// indexTable: one row per year; with predecessors, a column per unit
// (a year × unit grid), since their figures are not one unit's.
func (h historyRows) indexTable(title string) Table {
	own := h.lines[len(h.lines)-1]
	if len(h.lines) == 1 {
		t := Table{Caption: title, Head: []string{h.l.T("Năm"), h.l.T(labelIndex), h.l.T("Xếp loại"), h.l.T("Ghi chú")}}
		for y, year := range h.years {
			band := viet.Missing
			if r := own.at[y]; r != nil {
				band = bandText(h.l, r)
			}
			t.Rows = append(t.Rows, []string{strconv.Itoa(year), own.index(y), band, h.note(y)})
		}
		return t
	}
	t := Table{Caption: title + " (" + h.l.T(labelIndex) + ")", Head: []string{h.l.T("Năm")}}
	for _, l := range h.lines {
		t.Head = append(t.Head, l.label())
	}
	t.Head = append(t.Head, h.l.T("Ghi chú"))
	for y, year := range h.years {
		row := []string{strconv.Itoa(year)}
		for _, l := range h.lines {
			row = append(row, l.index(y))
		}
		t.Rows = append(t.Rows, append(row, h.note(y)))
	}
	return t
}

func (h historyRows) rankTable(title string) Table {
	if len(h.rankLines) == 1 {
		own := h.lines[h.rankLines[0]]
		t := Table{Caption: title, Head: []string{h.l.T("Năm"), h.l.T(labelRank) + h.l.T(" (trên số đơn vị xếp hạng)"), h.l.T("Ghi chú")}}
		for y, year := range h.years {
			t.Rows = append(t.Rows, []string{strconv.Itoa(year), own.rankOf(y), h.note(y)})
		}
		return t
	}
	t := Table{Caption: title + " (" + h.l.T(labelRank) + h.l.T(" trên số đơn vị xếp hạng") + ")", Head: []string{h.l.T("Năm")}}
	for _, li := range h.rankLines {
		t.Head = append(t.Head, h.lines[li].label())
	}
	t.Head = append(t.Head, h.l.T("Ghi chú"))
	for y, year := range h.years {
		row := []string{strconv.Itoa(year)}
		for _, li := range h.rankLines {
			row = append(row, h.lines[li].rankOf(y))
		}
		t.Rows = append(t.Rows, append(row, h.note(y)))
	}
	return t
}

// label names a line in a legend and a table head.
func (l historyLine) label() string {
	if l.own {
		return l.name
	}
	return l.name + l.l.T(" (tiền thân)")
}

// predColors tell predecessors apart from the unit (colorUnit) and from
// each other; their lines are dashed too, for greyscale and colour-blind
// readers.
var predColors = [...]string{"#7f7f7f", "#e08214", "#762a83", "#1b7837", "#b2182b"}

var predSymbols = [...]string{"triangle", "rect", "roundRect", "pin", "arrow"}

// series is one line of a history chart.
type series struct {
	name   string
	data   []any
	color  string
	symbol string
	dashed bool
	labels bool
}

// line builds one of the history's small charts: the years along the
// bottom, one series per unit, value labels above the unit's own points
// (a predecessor's are in the tooltip and the table: labels of several
// lines would overlap) and a dashed line at each change of framework. The
// lines carry no text of their own: on a phone the years are about 40 px
// apart and two changes' labels would overlap, so the year axis' name says
// what a dashed line means (and the tooltip on a line, the table and the
// description say it too).
func (h historyRows) line(id string, y opts.YAxis, ss []series) map[string]any {
	years := make([]string, len(h.years))
	for i, yr := range h.years {
		years[i] = strconv.Itoa(yr)
	}
	xName := h.l.T("Năm")
	if len(h.fwChange) > 0 {
		xName = h.l.T("Năm (nét đứt dọc: đổi bộ chỉ số)")
	}
	legend, bottom := noLegend(), "32"
	if len(ss) > 1 {
		legend, bottom = bottomLegend(), "64"
	}
	line := charts.NewLine()
	line.SetGlobalOptions(base(id)...)
	line.SetGlobalOptions(
		charts.WithLegendOpts(legend),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "32", Top: "24", Bottom: bottom, ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", BoundaryGap: opts.Bool(true), Name: xName, NameLocation: "middle", NameGap: 28}),
		// Axis names run along their axes: over the plot, the index axis'
		// name, which says where the axis starts, was cut at the page's
		// edge even on a desktop.
		charts.WithYAxisOpts(y),
	)
	line.SetXAxis(years)
	for i, s := range ss {
		so := []charts.SeriesOpts{
			charts.WithSeriesOpts(func(x *charts.SingleSeries) { x.Data = s.data }),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: s.color}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(s.labels), Position: "top"}),
			charts.WithLineChartOpts(opts.LineChart{Symbol: s.symbol, SymbolSize: 8, ConnectNulls: opts.Bool(false)}),
		}
		if s.dashed {
			so = append(so, charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed", Color: s.color}))
		}
		// The framework changes, once, on the unit's own series.
		if i == len(ss)-1 && len(h.fwChange) > 0 {
			so = append(so, frameworkMarks(h.l, h.fwChange)...)
		}
		line.AddSeries(s.name, nil, so...)
	}
	line.Validate()
	return line.JSON()
}

// styled gives a line its series style: the unit's own solid and labelled,
// each predecessor its colour and symbol, dashed.
func (h historyRows) styled(li, nth int, own series) series {
	l := h.lines[li]
	if l.own {
		own.name = l.label()
		return own
	}
	return series{name: l.label(), color: predColors[nth%len(predColors)], symbol: predSymbols[nth%len(predSymbols)], dashed: true}
}

func (h historyRows) indexOption(id string) map[string]any {
	// Fixed axis range: ECharts' own scaling stretches one or two points
	// over a meaningless range (a single index of 95.68 on a 40–160 axis).
	// The axis ends at 100 and starts at the ten below the lowest value; a
	// line reads as change, not as a share of the whole, so the zoom suits
	// it, and the axis' name says where it starts.
	lo, hi := 100, 100
	var ss []series
	for li, l := range h.lines {
		data := make([]any, len(h.years))
		for y, r := range l.at {
			if r != nil && r.Scored && r.Index.Known() {
				data[y] = figPoint(h.l, r.Index)
				v := int(r.Index.Value.Round(0) / par.Scale)
				lo = min(lo, max(0, (v-5)/10*10))
				hi = max(hi, (v+9)/10*10)
			}
		}
		s := h.styled(li, li, series{color: colorUnit, symbol: "circle", labels: true})
		s.data = data
		if len(h.lines) == 1 {
			s.name = h.l.T(labelIndex)
		}
		ss = append(ss, s)
	}
	y := opts.YAxis{Type: "value", Name: zoomedName(h.l, labelIndex, lo), NameLocation: "middle", NameGap: 36, Min: lo, Max: hi}
	return h.line(id, y, ss)
}

func (h historyRows) rankOption(id string) map[string]any {
	// The axis runs from 1 at the top to the largest ranking drawn (or the
	// lowest place held), so a place reads against the whole group; ticks
	// are whole places.
	bottom := 2
	var ss []series
	for nth, li := range h.rankLines {
		l := h.lines[li]
		data := make([]any, len(h.years))
		for y, r := range l.at {
			if r != nil && r.Scored && r.Rank.N > 0 {
				data[y] = point{Value: float64(r.Rank.N), Text: l.rankOf(y)}
				bottom = max(bottom, r.Rank.N, l.sizes[y])
			}
		}
		s := h.styled(li, nth, series{color: colorLost, symbol: "diamond", labels: true})
		s.data = data
		if len(h.rankLines) == 1 {
			s.name = h.l.T(labelRank)
		}
		ss = append(ss, s)
	}
	// The axis name stands its gap away from the axis line, outside the
	// tick labels; the grid only makes room for the labels, so a fixed gap
	// put the name past the chart's left edge when the labels are one
	// digit wide. The gap follows the widest label (about 7 px a digit).
	y := opts.YAxis{
		Type: "value", Name: h.l.T(labelRank) + h.l.T(" (1 ở trên)"), NameLocation: "middle", NameGap: 15 + 7*len(strconv.Itoa(bottom)),
		Inverse: opts.Bool(true), Min: 1, Max: bottom, MinInterval: 1,
	}
	return h.line(id, y, ss)
}

// descTail is what both descriptions end with: the years not scored, the
// changes of framework and the predecessors drawn.
func (h historyRows) descTail(d *strings.Builder, lines []int) {
	if len(h.unscored) > 0 {
		d.WriteString(h.l.F("; chưa chấm điểm năm %s", viet.YearSpan(h.unscored)))
	}
	if len(h.fwChange) > 0 {
		d.WriteString(h.l.F("; đổi bộ chỉ số năm %s (nét đứt dọc)", viet.YearSpan(h.fwChange)))
	}
	var preds []string
	for _, li := range lines {
		if l := h.lines[li]; !l.own {
			preds = append(preds, l.name+" ("+viet.YearSpan(l.span)+")")
		}
	}
	if len(preds) > 0 {
		d.WriteString(h.l.T("; đơn vị tiền thân, mỗi đơn vị một đường riêng, không cộng gộp: "))
		d.WriteString(strings.Join(preds, ", "))
	}
	d.WriteString(".")
}

func (h historyRows) span(d *strings.Builder) {
	d.WriteString(h.unitName)
	if len(h.years) > 0 {
		d.WriteString(h.l.T(" các năm "))
		d.WriteString(strconv.Itoa(h.years[0]))
		if n := h.years[len(h.years)-1]; n != h.years[0] {
			d.WriteString("–")
			d.WriteString(strconv.Itoa(n))
		}
	}
}

func (h historyRows) indexDesc() string {
	var d strings.Builder
	d.WriteString(h.l.T("Biểu đồ đường chỉ số CCHC của "))
	h.span(&d)
	if l := h.latest; l != nil {
		d.WriteString(h.l.F("; gần nhất năm %d đạt %s %%", l.Year, figure(h.l, l.Index)))
	} else {
		d.WriteString(h.l.T("; đơn vị chưa có năm nào có chỉ số"))
	}
	all := make([]int, len(h.lines))
	for i := range all {
		all[i] = i
	}
	h.descTail(&d, all)
	return d.String()
}

func (h historyRows) rankDesc() string {
	var d strings.Builder
	d.WriteString(h.l.T("Biểu đồ đường xếp hạng (hạng 1 ở trên) của "))
	h.span(&d)
	if r := h.latestRank; r != nil {
		d.WriteString(h.l.F("; gần nhất năm %d hạng %d", r.Year, r.Rank.N))
		if h.latestOf > 0 {
			d.WriteString("/" + strconv.Itoa(h.latestOf))
		}
	} else {
		d.WriteString(h.l.T("; đơn vị chưa có năm nào được xếp hạng"))
	}
	h.descTail(&d, h.rankLines)
	return d.String()
}
