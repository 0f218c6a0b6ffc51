package chart

import (
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"parindex/internal/par"
)

// bandKey identifies the series or category a result falls in: a framework
// band, a published band name the framework does not know, or none.
type bandKey struct {
	pos  int    // framework band position, -1 if not a framework band
	name string // display name
}

// bandOf classifies r against fw's bands.
func bandOf(fw *par.Framework, r *par.Result) (bandKey, bool) {
	if fw != nil && r.Band.ID != "" {
		if i := fw.BandIndex(r.Band.ID); i >= 0 {
			name := r.Band.Name
			if name == "" {
				name = fw.Bands[i].Name
			}
			return bandKey{pos: i, name: name}, true
		}
	}
	if r.Band.Name != "" {
		return bandKey{pos: -1, name: r.Band.Name}, true
	}
	return bandKey{}, false
}

// RankingIndex is a horizontal bar chart of the index of the ranking's
// scored units with a known index, in the ranking's order (best at top).
// Each band is one series (stacked, so every unit has one bar) coloured by
// the band's position in the framework, which gives the legend its meaning;
// bars carry value labels.
func RankingIndex(rk *par.Ranking) Chart {
	var shown []*par.Result
	for _, r := range rk.Results {
		if r.Scored && r.Index.Known() {
			shown = append(shown, r)
		}
	}

	// Series: framework bands in framework order, then other published
	// band names in order of appearance, then unclassified.
	type series struct {
		key   bandKey
		color string
		data  []any
	}
	byPos := map[int]*series{}
	byName := map[string]*series{}
	var others []*series
	var none *series
	seriesOf := func(r *par.Result) *series {
		k, ok := bandOf(rk.Framework, r)
		switch {
		case !ok:
			if none == nil {
				none = &series{key: bandKey{pos: -1, name: labelUnranked}, color: colorNoBand}
			}
			return none
		case k.pos >= 0:
			if byPos[k.pos] == nil {
				byPos[k.pos] = &series{key: k, color: bandColor(k.pos)}
			}
			return byPos[k.pos]
		default:
			if byName[k.name] == nil {
				byName[k.name] = &series{key: k, color: colorOtherBand}
				others = append(others, byName[k.name])
			}
			return byName[k.name]
		}
	}
	assigned := make([]*series, len(shown))
	for i, r := range shown {
		assigned[i] = seriesOf(r)
	}
	var order []*series
	if rk.Framework != nil {
		for i := range rk.Framework.Bands {
			if s := byPos[i]; s != nil {
				order = append(order, s)
			}
		}
	}
	order = append(order, others...)
	if none != nil {
		order = append(order, none)
	}
	for _, s := range order {
		s.data = make([]any, len(shown))
	}

	names := make([]string, len(shown))
	table := Table{Head: []string{"Hạng", "Đơn vị", labelIndex, "Xếp loại"}}
	for i, r := range shown {
		names[i] = r.Name
		assigned[i].data[i] = num(r.Index.Value, r.Index.Decimals)
		table.Rows = append(table.Rows, []string{rankText(r), r.Name, figText(r.Index), bandText(r)})
	}

	title := "Chỉ số CCHC năm " + strconv.Itoa(rk.Year)
	if g := groupName(rk); g != "" {
		title += " – " + g
	}
	table.Caption = title

	bar := charts.NewBar()
	bar.SetGlobalOptions(base("chart-" + strconv.Itoa(rk.Year) + "-" + groupID(rk) + "-index")...)
	bar.SetGlobalOptions(
		charts.WithLegendOpts(bottomLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "56", Top: "8", Bottom: "56", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: labelIndex, NameLocation: "middle", NameGap: 28, Min: 0}),
		charts.WithYAxisOpts(opts.YAxis{
			Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 180, Overflow: "truncate"},
		}),
	)
	bar.SetXAxis(names).XYReversal()
	for _, s := range order {
		bar.AddSeries(s.key.name, nil,
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.Data = s.data }),
			charts.WithBarChartOpts(opts.BarChart{Stack: "index", BarCategoryGap: "25%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: s.color}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		)
	}
	bar.Validate()

	c := Chart{
		ID:     bar.ChartID,
		Title:  title,
		Desc:   rankingIndexDesc(rk, shown),
		Option: encode(bar.JSON()),
		Table:  table,
		Height: max(160, 72+24*len(shown)),
		Empty:  len(shown) == 0,
	}
	return c
}

func rankingIndexDesc(rk *par.Ranking, shown []*par.Result) string {
	var b strings.Builder
	b.WriteString("Biểu đồ cột ngang chỉ số CCHC năm ")
	b.WriteString(strconv.Itoa(rk.Year))
	if g := groupName(rk); g != "" {
		b.WriteString(", khối ")
		b.WriteString(g)
	}
	if len(shown) == 0 {
		b.WriteString(": chưa có đơn vị nào có chỉ số.")
		return b.String()
	}
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(len(shown)))
	b.WriteString(" đơn vị")
	hi, lo := shown[0], shown[0]
	for _, r := range shown[1:] {
		if r.Index.Value > hi.Index.Value {
			hi = r
		}
		if r.Index.Value < lo.Index.Value {
			lo = r
		}
	}
	b.WriteString("; cao nhất ")
	b.WriteString(hi.Name)
	b.WriteString(" ")
	b.WriteString(figText(hi.Index))
	b.WriteString(" %")
	if len(shown) > 1 {
		b.WriteString(", thấp nhất ")
		b.WriteString(lo.Name)
		b.WriteString(" ")
		b.WriteString(figText(lo.Index))
		b.WriteString(" %")
	}
	b.WriteString(".")
	return b.String()
}

// BandDistribution is a horizontal bar chart (long band names stay legible
// on a phone) of how many of the ranking's units fall
// in each band, in the framework's band order (every band, even with no
// unit), then published band names the framework does not know, then
// "Chưa xếp loại" (scored but not classified) and "Chưa chấm điểm" (not
// scored) when there are any.
func BandDistribution(rk *par.Ranking) Chart {
	type cat struct {
		name  string
		color string
		n     int
	}
	var cats []*cat
	byPos := map[int]*cat{}
	byName := map[string]*cat{}
	if rk.Framework != nil {
		for i, b := range rk.Framework.Bands {
			c := &cat{name: b.Name, color: bandColor(i)}
			byPos[i] = c
			cats = append(cats, c)
		}
	}
	unranked := &cat{name: labelUnranked, color: colorNoBand}
	unscored := &cat{name: labelUnscored, color: colorNoBand}
	for _, r := range rk.Results {
		k, ok := bandOf(rk.Framework, r)
		switch {
		case !r.Scored && !ok:
			unscored.n++
		case !ok:
			unranked.n++
		case k.pos >= 0:
			byPos[k.pos].n++
		default:
			c := byName[k.name]
			if c == nil {
				c = &cat{name: k.name, color: colorOtherBand}
				byName[k.name] = c
				cats = append(cats, c)
			}
			c.n++
		}
	}
	for _, c := range []*cat{unranked, unscored} {
		if c.n > 0 {
			cats = append(cats, c)
		}
	}

	names := make([]string, len(cats))
	data := make([]opts.BarData, len(cats))
	table := Table{Head: []string{"Xếp loại", labelUnits}}
	total := 0
	for i, c := range cats {
		names[i] = c.name
		data[i] = opts.BarData{Value: c.n, ItemStyle: &opts.ItemStyle{Color: c.color}}
		table.Rows = append(table.Rows, []string{c.name, strconv.Itoa(c.n)})
		total += c.n
	}

	title := "Số đơn vị theo xếp loại năm " + strconv.Itoa(rk.Year)
	if g := groupName(rk); g != "" {
		title += " – " + g
	}
	table.Caption = title

	bar := charts.NewBar()
	bar.SetGlobalOptions(base("chart-" + strconv.Itoa(rk.Year) + "-" + groupID(rk) + "-bands")...)
	bar.SetGlobalOptions(
		charts.WithLegendOpts(noLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "40", Top: "8", Bottom: "32", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: labelUnits, NameLocation: "middle", NameGap: 24, MinInterval: 1, Min: 0}),
		charts.WithYAxisOpts(opts.YAxis{
			Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 140, Overflow: "truncate"},
		}),
	)
	bar.SetXAxis(names).XYReversal()
	bar.AddSeries(labelUnits, data,
		charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "30%"}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
	)
	bar.Validate()

	var d strings.Builder
	d.WriteString("Biểu đồ cột ngang số đơn vị theo xếp loại năm ")
	d.WriteString(strconv.Itoa(rk.Year))
	if g := groupName(rk); g != "" {
		d.WriteString(", khối ")
		d.WriteString(g)
	}
	d.WriteString(": ")
	if len(cats) == 0 {
		d.WriteString("chưa có kết quả.")
	}
	for i, c := range cats {
		if i > 0 {
			d.WriteString(", ")
		}
		d.WriteString(c.name)
		d.WriteString(" ")
		d.WriteString(strconv.Itoa(c.n))
	}
	if len(cats) > 0 {
		d.WriteString(".")
	}

	return Chart{
		ID:     bar.ChartID,
		Title:  title,
		Desc:   d.String(),
		Option: encode(bar.JSON()),
		Table:  table,
		Height: max(160, 56+36*len(cats)),
		Empty:  total == 0,
	}
}
