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

// GroupHistory charts a ranking group over all its years: the ranks of
// its units per year (a bump chart), the units in each band per year, and
// the spread of the index per year. h is the compute stage's summary of
// the group (par.Results.Histories) and rks the group's rankings, one per
// year of h, ascending.
func GroupHistory(l Lang, h *par.History, rks []*par.Ranking) (ranks, bands, index Chart) {
	b := gatherBump(l, h, rks)
	return b.chart(), groupBands(l, h), groupIndex(l, h, rks)
}

// groupChartID is "chart-group-<group>-<what>".
func groupChartID(h *par.History, what string) string {
	g := "x"
	if h.Group != nil {
		g = idPart(h.Group.ID)
	}
	return "chart-group-" + g + "-" + what
}

func historyGroupName(l Lang, h *par.History) string {
	if h.Group == nil {
		return ""
	}
	return l.Name(h.Group.Name, h.Group.NameEn)
}

// bandWordName is a band word's name in l: the English name of the band
// of that name in the year's framework, if given.
func bandWordName(l Lang, fw *par.Framework, name string) string {
	if fw != nil {
		for _, b := range fw.Bands {
			if b.Name == name {
				return l.Name(name, b.NameEn)
			}
		}
	}
	return l.Name(name, "")
}

func historyYears(h *par.History) []int {
	ys := make([]int, len(h.Years))
	for i, y := range h.Years {
		ys[i] = y.Year
	}
	return ys
}

// fwChanges are the years whose framework differs from the year before's.
func fwChanges(h *par.History) []int {
	var out []int
	for i := 1; i < len(h.Years); i++ {
		a, b := h.Years[i-1].Framework, h.Years[i].Framework
		if a != nil && b != nil && a.ID != b.ID {
			out = append(out, h.Years[i].Year)
		}
	}
	return out
}

// bumpColors cycle over a group's units; the chart's hover, tap or choice
// highlights one unit and fades the others, so colours need not be unique.
var bumpColors = [...]string{"#2166ac", "#d6604d", "#1b7837", "#762a83", "#e08214", "#35978f", "#8c510a", "#c51b7d", "#4d4d4d", "#01665e"}

// bumpUnit is one unit's line: its rank each year (0: absent or not
// ranked, a gap).
type bumpUnit struct {
	id    string
	vi    string // the name it last had in the group, which orders the units
	en    string // its English name, if given, which orders them in English
	name  string // that name in the chart's language
	ranks []int
	sizes []int // the ranking's size in the years it is ranked
	last  int   // index of the last year it is ranked, -1 if never
}

// bumpRows is the gathered rows of the bump chart.
type bumpRows struct {
	l        Lang
	h        *par.History
	years    []int
	units    []*bumpUnit
	size     []int // ranked units per year
	bottom   int   // the largest rank or ranking
	fwChange []int
}

func gatherBump(l Lang, h *par.History, rks []*par.Ranking) bumpRows {
	b := bumpRows{l: l, h: h, years: historyYears(h), size: make([]int, len(h.Years)), bottom: 2, fwChange: fwChanges(h)}
	byID := map[string]*bumpUnit{}
	for _, rk := range rks {
		yi := slices.Index(b.years, rk.Year)
		if yi < 0 {
			continue
		}
		for _, r := range rk.Results {
			if r.Scored && r.Rank.N > 0 {
				b.size[yi]++
			}
		}
		for _, r := range rk.Results {
			if r.Unit == nil {
				continue
			}
			u := byID[r.Unit.ID]
			if u == nil {
				u = &bumpUnit{id: r.Unit.ID, ranks: make([]int, len(b.years)), sizes: make([]int, len(b.years)), last: -1}
				byID[r.Unit.ID] = u
				b.units = append(b.units, u)
			}
			u.vi, u.en, u.name = r.Name, "", resultName(l, r)
			if n := r.Unit.NameAt(r.Year); n.Name == r.Name && l.Tag() != "vi" {
				u.en = n.NameEn
			}
			if r.Scored && r.Rank.N > 0 {
				u.ranks[yi], u.sizes[yi], u.last = r.Rank.N, b.size[yi], yi
				b.bottom = max(b.bottom, r.Rank.N, b.size[yi])
			}
		}
	}
	// Units ranked most recently first, by that rank; then by the name
	// shown (the English one when given), then the Vietnamese one.
	col := viet.NewCollator()
	shown := func(u *bumpUnit) string { return cmp.Or(u.en, u.vi) }
	slices.SortStableFunc(b.units, func(x, y *bumpUnit) int {
		c := cmp.Compare(y.last, x.last)
		if c == 0 && x.last >= 0 {
			c = cmp.Compare(x.ranks[x.last], y.ranks[y.last])
		}
		if c == 0 {
			c = col.Compare(shown(x), shown(y))
		}
		if c == 0 {
			c = col.Compare(x.vi, y.vi)
		}
		return c
	})
	return b
}

// rankText is a unit's rank in year i as the table prints it ("5/20").
func (u *bumpUnit) rankText(i int) string {
	if u.ranks[i] == 0 {
		return viet.Missing
	}
	if u.sizes[i] > 0 {
		return strconv.Itoa(u.ranks[i]) + "/" + strconv.Itoa(u.sizes[i])
	}
	return strconv.Itoa(u.ranks[i])
}

// ranked counts the units with a line: ranked in at least one year.
func (b bumpRows) ranked() int {
	n := 0
	for _, u := range b.units {
		if u.last >= 0 {
			n++
		}
	}
	return n
}

func (b bumpRows) chart() Chart {
	title := b.l.T("Xếp hạng qua các năm") + " – " + historyGroupName(b.l, b.h)
	id := groupChartID(b.h, "ranks")
	return Chart{
		ID:     id,
		Lang:   b.l.Tag(),
		Title:  title,
		Table:  b.table(title),
		Option: encode(b.option(id)),
		Desc:   b.desc(),
		Height: max(300, 80+24*b.bottom),
		Empty:  b.ranked() == 0,
	}
}

func (b bumpRows) table(title string) Table {
	t := Table{Caption: title, Head: []string{b.l.T("Đơn vị")}}
	for _, y := range b.years {
		t.Head = append(t.Head, strconv.Itoa(y))
	}
	for _, u := range b.units {
		row := []string{u.name}
		for i := range b.years {
			row = append(row, u.rankText(i))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// bumpPoint is a rank as chart data; the last point of a unit's line
// shows the series' label, the unit's name, so each line is named at its
// end (also where a merged unit's line stops).
type bumpPoint struct {
	Value float64    `json:"value"`
	Text  string     `json:"text"`
	Label *bumpLabel `json:"label,omitempty"`
}

type bumpLabel struct {
	Show bool `json:"show"`
}

// bumpEndLabel is every line's label, shown on its last point only: the
// series name ("{a}", a fixed template, never data), wrapped at the
// width the grid leaves on the right (static/js/group.js narrows both on
// a phone).
type bumpEndLabel struct {
	Show      bool   `json:"show"`
	Position  string `json:"position"`
	Formatter string `json:"formatter"`
	Width     int    `json:"width"`
	Overflow  string `json:"overflow"`
}

func (b bumpRows) option(id string) map[string]any {
	years := make([]string, len(b.years))
	for i, y := range b.years {
		years[i] = strconv.Itoa(y)
	}
	xName := b.l.T("Năm")
	if len(b.fwChange) > 0 {
		xName = b.l.T("Năm (nét đứt: đổi bộ chỉ số)")
	}
	line := charts.NewLine()
	line.SetGlobalOptions(base(id)...)
	line.SetGlobalOptions(
		charts.WithLegendOpts(noLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		// Room on the right for the names at the lines' ends, wrapped.
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "150", Top: "16", Bottom: "40", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", BoundaryGap: opts.Bool(false), Name: xName, NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{
			Type: "value", Name: b.l.T(labelRank) + b.l.T(" (1 ở trên)"), NameLocation: "middle", NameGap: 15 + 7*len(strconv.Itoa(b.bottom)),
			Inverse: opts.Bool(true), Min: 1, Max: b.bottom, MinInterval: 1,
		}),
	)
	line.SetXAxis(years)
	for k, u := range b.units {
		if u.last < 0 {
			continue // never ranked: no line, but a row of the table
		}
		data := make([]any, len(b.years))
		for i := range b.years {
			if u.ranks[i] == 0 {
				continue // a gap, never drawn at 0 nor joined across
			}
			p := bumpPoint{Value: float64(u.ranks[i]), Text: u.rankText(i)}
			if i == u.last {
				p.Label = &bumpLabel{Show: true}
			}
			data[i] = p
		}
		color := bumpColors[k%len(bumpColors)]
		so := []charts.SeriesOpts{
			charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data, s.Id = data, u.id }),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 7, ConnectNulls: opts.Bool(false)}),
			// Hover, tap or the page's unit picker highlight one line and
			// fade the others.
			charts.WithEmphasisOpts(opts.Emphasis{Focus: "series"}),
		}
		if k == 0 && len(b.fwChange) > 0 {
			so = append(so, frameworkMarks(b.l, b.fwChange)...)
		}
		line.AddSeries(u.name, nil, so...)
	}
	line.Validate()
	m := line.JSON()
	if ss, ok := m["series"].(charts.MultiSeries); ok {
		out := make([]bumpSeries, len(ss))
		for i := range ss {
			// The global animation: false and ECharts' default
			// connectNulls: false hold for every line; said once per
			// series they weighed 5 KB on a 134-commune page.
			ss[i].Animation, ss[i].ConnectNulls = nil, nil
			out[i] = bumpSeries{SingleSeries: ss[i], Label: bumpEndLabel{Position: "right", Formatter: "{a}", Width: 140, Overflow: "break"}, LabelLayout: spreadLabels}
		}
		m["series"] = out
	}
	return m
}

// bumpSeries is a line with its end label (go-echarts' series label has
// no width or overflow).
type bumpSeries struct {
	charts.SingleSeries
	Label       bumpEndLabel `json:"label"`
	LabelLayout labelLayout  `json:"labelLayout"`
}

func (b bumpRows) desc() string {
	var d strings.Builder
	l := b.l
	d.WriteString(l.F("Biểu đồ đường xếp hạng (hạng 1 ở trên) của %d đơn vị khối %s", b.ranked(), historyGroupName(l, b.h)))
	if len(b.years) > 0 {
		d.WriteString(l.F(" các năm %s", viet.YearSpan(b.years)))
	}
	d.WriteString(l.T("; năm đơn vị không có mặt hoặc không được xếp hạng để trống"))
	if len(b.fwChange) > 0 {
		d.WriteString(l.F("; đổi bộ chỉ số năm %s (nét đứt)", viet.YearSpan(b.fwChange)))
	}
	d.WriteString(".")
	return d.String()
}

// bandSeries is one band word over the years of a group.
type bandSeries struct {
	key, name string // name: the band word as the data write it, which picks its colour
	label     string // the name in the chart's language
	n         []int
}

// groupBands is a 100 % stacked bar per year of the shares of the
// classified units in each band word, a year per row (hbar: legible on a
// phone). Units not classified or not scored are not a band: they are
// counted beside the year, in the table and in the description, never
// mixed into the bars.
func groupBands(l Lang, h *par.History) Chart {
	var series []*bandSeries
	byKey := map[string]*bandSeries{}
	classified := make([]int, len(h.Years))
	for yi, y := range h.Years {
		for _, c := range y.Bands {
			s := byKey[c.Key]
			if s == nil {
				s = &bandSeries{key: c.Key, name: c.Name, label: bandWordName(l, y.Framework, c.Name), n: make([]int, len(h.Years))}
				byKey[c.Key] = s
				series = append(series, s)
			}
			s.n[yi] += c.N
			classified[yi] += c.N
		}
	}
	title := l.T("Tỷ lệ đơn vị theo xếp loại qua các năm") + " – " + historyGroupName(l, h)
	id := groupChartID(h, "bands")

	t := Table{Caption: title, Head: []string{l.T("Năm")}}
	for _, s := range series {
		t.Head = append(t.Head, s.label)
	}
	t.Head = append(t.Head, l.T(labelUnranked), l.T(labelUnscored))
	cats := make([]string, len(h.Years))
	for yi, y := range h.Years {
		row := []string{strconv.Itoa(y.Year)}
		for _, s := range series {
			row = append(row, countShare(l, s.n[yi], classified[yi]))
		}
		row = append(row, strconv.Itoa(y.Unclassified), strconv.Itoa(y.Unscored))
		t.Rows = append(t.Rows, row)
		cats[yi] = strconv.Itoa(y.Year)
		var extra []string
		if y.Unclassified > 0 {
			extra = append(extra, l.F("%d chưa xếp loại", y.Unclassified))
		}
		if y.Unscored > 0 {
			extra = append(extra, l.F("%d chưa chấm điểm", y.Unscored))
		}
		if len(extra) > 0 {
			cats[yi] += l.F(" (ngoài ra %s)", strings.Join(extra, ", "))
		}
	}

	hb := hbar{
		id:         id,
		categories: cats,
		axis:       opts.XAxis{Name: l.T("Tỷ lệ trong số đơn vị được xếp loại (%)"), NameGap: 24, Min: 0, Max: 100},
		right:      "16",
		legend:     true,
		trigger:    "item",
	}
	for _, s := range series {
		data := make([]any, len(h.Years))
		for yi := range h.Years {
			if classified[yi] > 0 && s.n[yi] > 0 {
				data[yi] = point{Value: num(par.Ratio{Num: par.FromInt(s.n[yi]), Den: par.FromInt(classified[yi])}.Percent(), 1),
					Text: countShare(l, s.n[yi], classified[yi])}
			}
		}
		hb.series = append(hb.series, barSeries{name: s.label, color: bandColor(s.name), data: data, stack: "bands", gap: "35%", inside: true})
	}

	var d strings.Builder
	d.WriteString(l.F("Biểu đồ cột ngang chồng tỷ lệ đơn vị theo xếp loại khối %s qua các năm", historyGroupName(l, h)))
	for yi, y := range h.Years {
		if yi == 0 {
			d.WriteString(": ")
		} else {
			d.WriteString("; ")
		}
		d.WriteString(strconv.Itoa(y.Year))
		d.WriteString(" ")
		first := true
		for _, s := range series {
			if s.n[yi] == 0 {
				continue
			}
			if !first {
				d.WriteString(", ")
			}
			first = false
			d.WriteString(s.label)
			d.WriteString(" ")
			d.WriteString(strconv.Itoa(s.n[yi]))
		}
		if first {
			d.WriteString(l.T("không đơn vị nào được xếp loại"))
		}
		if y.Unclassified > 0 {
			d.WriteString(l.F(", chưa xếp loại %d", y.Unclassified))
		}
		if y.Unscored > 0 {
			d.WriteString(l.F(", chưa chấm điểm %d", y.Unscored))
		}
	}
	d.WriteString(".")
	total := 0
	for _, c := range classified {
		total += c
	}
	return Chart{
		ID:     id,
		Lang:   l.Tag(),
		Title:  title,
		Table:  t,
		Option: encode(hb.option()),
		Desc:   d.String(),
		Height: hb.height(40, 80),
		Empty:  total == 0,
	}
}

// countShare is "3 (25,0 %)", or "0".
func countShare(l Lang, n, of int) string {
	if n == 0 || of == 0 {
		return strconv.Itoa(n)
	}
	pct := par.Ratio{Num: par.FromInt(n), Den: par.FromInt(of)}.Percent()
	return strconv.Itoa(n) + " (" + fixed(l, pct, 1) + " %)"
}

// groupIndex is the index distribution per year: a box of the five-number
// summary (computed by the compute stage) with each unit as a dot over it,
// on an axis zoomed to the data that says where it starts.
func groupIndex(l Lang, h *par.History, rks []*par.Ranking) Chart {
	title := l.T("Phân bố chỉ số CCHC qua các năm") + " – " + historyGroupName(l, h)
	id := groupChartID(h, "index")
	years := make([]string, len(h.Years))
	lo, hi, n := par.Points(100*par.Scale), par.Points(0), 0
	over := false
	for i, y := range h.Years {
		years[i] = strconv.Itoa(y.Year)
		if y.Dist.N > 0 {
			lo, hi = min(lo, y.Dist.Min), max(hi, y.Dist.Max)
			n += y.Dist.N
			over = over || y.Dist.Max > 100*par.Scale
		}
	}
	start := 0
	if n > 0 {
		start = zoomStart(lo, hi)
	}

	t := Table{Caption: title, Head: []string{l.T("Năm"), l.T("Số đơn vị có chỉ số"), l.T("Thấp nhất"), l.T("Tứ phân vị thứ nhất"), l.T("Trung vị"), l.T("Tứ phân vị thứ ba"), l.T("Cao nhất")}}
	boxes := make([]any, len(h.Years))
	for i, y := range h.Years {
		dd := y.Dist
		if dd.N == 0 {
			t.Rows = append(t.Rows, []string{years[i], "0", viet.Missing, viet.Missing, viet.Missing, viet.Missing, viet.Missing})
			continue
		}
		f := func(p par.Points) string { return fixed(l, p, dd.Decimals) }
		t.Rows = append(t.Rows, []string{years[i], strconv.Itoa(dd.N), f(dd.Min), f(dd.Q1), f(dd.Median), f(dd.Q3), f(dd.Max)})
		boxes[i] = boxPoint{
			Value: []float64{num(dd.Min, dd.Decimals), num(dd.Q1, dd.Decimals), num(dd.Median, dd.Decimals), num(dd.Q3, dd.Decimals), num(dd.Max, dd.Decimals)},
			Text:  l.F("thấp nhất %s; tứ phân vị 1: %s; trung vị %s; tứ phân vị 3: %s; cao nhất %s", f(dd.Min), f(dd.Q1), f(dd.Median), f(dd.Q3), f(dd.Max)),
		}
	}
	var dots []any
	for _, rk := range rks {
		// The year as its index on the category axis: six bytes less a
		// dot, six hundred dots on the communes' page.
		yi := slices.Index(years, strconv.Itoa(rk.Year))
		for _, r := range rk.Results {
			if r.Scored && r.Index.Known() && yi >= 0 {
				dots = append(dots, dotPoint{Name: resultName(l, r), Value: [2]any{yi, num(r.Index.Value, r.Index.Decimals)}, Text: figure(l, r.Index)})
			}
		}
	}

	box := charts.NewBoxPlot()
	box.SetGlobalOptions(base(id)...)
	y := opts.YAxis{Type: "value", Name: zoomedName(l, labelIndex, start), NameLocation: "middle", NameGap: 36, Min: start}
	if !over {
		y.Max = 100
	}
	box.SetGlobalOptions(
		charts.WithLegendOpts(bottomLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "24", Top: "16", Bottom: "64", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: l.T("Năm"), NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(y),
	)
	box.SetXAxis(years)
	box.AddSeries(l.T("Phân bố (thấp nhất, tứ phân vị, trung vị, cao nhất)"), nil,
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = boxes; s.BarMaxWidth = "48" }),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "#dbe9f7", BorderColor: colorUnit}),
	)
	sc := charts.NewScatter()
	sc.AddSeries(l.T("Đơn vị"), nil,
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = dots; s.SymbolSize = 7 }),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorLost, Opacity: opts.Float(0.8)}),
	)
	box.Overlap(sc)
	box.Validate()

	var d strings.Builder
	d.WriteString(l.F("Biểu đồ hộp phân bố chỉ số CCHC khối %s qua các năm, mỗi chấm là một đơn vị", historyGroupName(l, h)))
	for i, y := range h.Years {
		if i == 0 {
			d.WriteString(": ")
		} else {
			d.WriteString("; ")
		}
		d.WriteString(years[i])
		if y.Dist.N == 0 {
			d.WriteString(l.T(" chưa có chỉ số"))
			continue
		}
		dec := y.Dist.Decimals
		d.WriteString(l.F(" trung vị %s %% (%s–%s, %d đơn vị)", fixed(l, y.Dist.Median, dec), fixed(l, y.Dist.Min, dec), fixed(l, y.Dist.Max, dec), y.Dist.N))
	}
	if start > 0 {
		d.WriteString(l.F("; trục bắt đầu từ %d", start))
	}
	d.WriteString(".")
	return Chart{
		ID:     id,
		Lang:   l.Tag(),
		Title:  title,
		Table:  t,
		Option: encode(box.JSON()),
		Desc:   d.String(),
		Height: 340,
		Empty:  n == 0,
	}
}

// boxPoint is a year's box: [min, Q1, median, Q3, max] and the same as
// the table prints it.
type boxPoint struct {
	Value []float64 `json:"value"`
	Text  string    `json:"text"`
}

// dotPoint is one unit's index in one year over the boxes.
type dotPoint struct {
	Name  string `json:"name"`
	Value [2]any `json:"value"`
	Text  string `json:"text"`
}

// AreaShare is one area of a unit-year as its profile chart shows it:
// the points as a share of the unit's applicable area maximum.
type AreaShare struct {
	Label string // "I. Title"
	Text  string // the share as the tables print it, "" when unknown
}

// AreaShares lists the areas of r as AreaProfile charts them in l (the
// group's areas when stats are given, so every unit of a ranking lists the
// same areas), for pages that compare units' profiles in the browser: the
// shares in l's number convention ("91,50" or "91.50").
func AreaShares(l Lang, r *par.Result, stats []par.AreaStat) []AreaShare {
	p := gatherProfile(r, stats).in(l)
	out := make([]AreaShare, len(p.rows))
	for i, row := range p.rows {
		out[i].Label = row.label
		if row.hasPct {
			out[i].Text = fixed(l, row.pct, p.dec)
		}
	}
	return out
}
