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

// slopeLabelled is the most units whose names stand at the lines' ends:
// with more, the names would pile up, so a name shows on hover (and
// every unit is in the data table).
const slopeLabelled = 30

// PairSlope is a slope chart of a group's comparison of two years: each
// unit's index in the earlier and the later year as two points joined by
// a line, on an axis zoomed to the data (zoomStart, stated in the axis'
// name). A unit with an index in one year only is a single dot, never a
// line to zero; a unit compared through its predecessor starts from the
// predecessor's index, which the table names. Lines that rose are blue,
// fell red, unchanged grey; hovering a line highlights it and fades the
// others.
func PairSlope(p *par.Pair) Chart {
	rows := gatherSlope(p)
	title := "Chỉ số CCHC năm " + strconv.Itoa(p.From.Year) + " và năm " + strconv.Itoa(p.To.Year)
	if p.Group != nil {
		title += " – " + p.Group.Name
	}
	id := "chart-pair-" + idPart(groupIDOf(p)) + "-" + strconv.Itoa(p.From.Year) + "-" + strconv.Itoa(p.To.Year)
	start := slopeStart(rows)
	return Chart{
		ID:     id,
		Title:  title,
		Table:  slopeTable(title, p, rows),
		Option: encode(slopeOption(id, p, rows, start)),
		Desc:   slopeDesc(p, rows, start),
		Height: slopeHeight(len(rows)),
		// Without a unit in both years there is no slope to draw: two
		// columns of dots say nothing the rankings do not.
		Empty: !slices.ContainsFunc(rows, func(r slopeRow) bool { return r.from.Known() && r.to.Known() }),
	}
}

// slopeHeight leaves room for the names at the lines' ends where they
// show, which pile up less on a taller chart.
func slopeHeight(n int) int {
	if n <= slopeLabelled {
		return min(max(320, 120+n*26), 900)
	}
	return min(max(320, 120+n*6), 900)
}

func groupIDOf(p *par.Pair) string {
	if p.Group == nil {
		return "x"
	}
	return p.Group.ID
}

// slopeRow is a unit with an index in at least one of the two years.
type slopeRow struct {
	row      *par.PairRow
	from, to par.Figure // Missing when the unit has no index that year
}

func gatherSlope(p *par.Pair) []slopeRow {
	var out []slopeRow
	for _, r := range p.Rows {
		s := slopeRow{row: r}
		if r.From != nil && r.From.Scored {
			s.from = r.From.Index
		}
		if r.To != nil && r.To.Scored {
			s.to = r.To.Index
		}
		if s.from.Known() || s.to.Known() {
			out = append(out, s)
		}
	}
	return out
}

// slopeStart is where the index axis starts (zoomStart of every point).
func slopeStart(rows []slopeRow) int {
	first := true
	var lo, hi par.Points
	for _, s := range rows {
		for _, f := range []par.Figure{s.from, s.to} {
			if !f.Known() {
				continue
			}
			if first || f.Value < lo {
				lo = f.Value
			}
			if first || f.Value > hi {
				hi = f.Value
			}
			first = false
		}
	}
	if first {
		return 0
	}
	return zoomStart(lo, hi)
}

func (s slopeRow) note(p *par.Pair) string {
	var notes []string
	if s.row.Via != "" && s.row.From != nil {
		notes = append(notes, "năm "+strconv.Itoa(p.From.Year)+" là kết quả của "+s.row.From.Name+" (đơn vị tiền thân)")
	}
	switch {
	case !s.from.Known():
		notes = append(notes, "chỉ có năm "+strconv.Itoa(p.To.Year))
	case !s.to.Known():
		notes = append(notes, "chỉ có năm "+strconv.Itoa(p.From.Year))
	}
	if len(notes) == 0 {
		return viet.Missing
	}
	return strings.Join(notes, "; ")
}

func slopeTable(title string, p *par.Pair, rows []slopeRow) Table {
	y1, y2 := strconv.Itoa(p.From.Year), strconv.Itoa(p.To.Year)
	t := Table{Caption: title, Head: []string{"Đơn vị", labelIndex + " " + y1, labelIndex + " " + y2, "Thay đổi (điểm %)", "Ghi chú"}}
	dec := decimals(p.To.Framework)
	for _, s := range rows {
		chg := viet.Missing
		if s.row.HasIndex {
			chg = signedChange(s.row.Index, dec)
		}
		t.Rows = append(t.Rows, []string{s.row.Name, viet.Figure(s.from), viet.Figure(s.to), chg, s.note(p)})
	}
	return t
}

// signedChange writes a change with its sign, the true minus sign (U+2212) for
// a fall, as the site's tables do.
func signedChange(p par.Points, dec int) string {
	switch r := p.Round(dec); {
	case r > 0:
		return "+" + viet.Fixed(p, dec)
	case r < 0:
		return "\u2212" + viet.Fixed(-p, dec)
	}
	return viet.Fixed(0, dec)
}

// slopePoint is one end of a unit's line: the figure as chart data, with
// the label of that end when it differs from the series'.
type slopePoint struct {
	Value    float64        `json:"value"`
	Text     string         `json:"text"`
	Label    *opts.Label    `json:"label,omitempty"`
	Emphasis *opts.Emphasis `json:"emphasis,omitempty"`
}

func slopeOption(id string, p *par.Pair, rows []slopeRow, start int) map[string]any {
	labelled := len(rows) <= slopeLabelled
	right := "24"
	if labelled {
		right = "150" // the names, wrapped (wrapLabel), right of the lines
	}
	y := opts.YAxis{Type: "value", Name: zoomedName(Vietnamese(), labelIndex, start), NameLocation: "middle", NameGap: 36, Min: start}
	over := false
	for _, s := range rows {
		over = over || s.from.Known() && s.from.Value > 100*par.Scale || s.to.Known() && s.to.Value > 100*par.Scale
	}
	if !over {
		y.Max = 100
	}
	line := charts.NewLine()
	line.SetGlobalOptions(base(id)...)
	line.SetGlobalOptions(
		charts.WithLegendOpts(noLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "24", Right: right, Top: "24", Bottom: "32", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", BoundaryGap: opts.Bool(false), Name: "Năm", NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(y),
	)
	line.SetXAxis([]string{strconv.Itoa(p.From.Year), strconv.Itoa(p.To.Year)})
	hidden := &opts.Label{Show: opts.Bool(false)}
	for _, s := range rows {
		color := colorAvg
		switch {
		case s.row.HasIndex && s.row.Index > 0:
			color = colorUnit
		case s.row.HasIndex && s.row.Index < 0:
			color = colorLost
		}
		data := make([]any, 2)
		if s.from.Known() {
			pt := slopePoint{Value: num(s.from.Value, s.from.Decimals), Text: viet.Figure(s.from)}
			// The name stands at the right: at the line's end, or right of
			// the dot of a unit of the earlier year only, which would
			// cross the lines, so that one shows on hover only. Where
			// names show on hover only anyway, the line's start shows it
			// too: a hundred overrides would weigh more than the chart.
			switch {
			case !s.to.Known():
				pt.Label = hidden
			case labelled:
				pt.Label, pt.Emphasis = hidden, &opts.Emphasis{Label: hidden}
			}
			data[0] = pt
		}
		if s.to.Known() {
			data[1] = slopePoint{Value: num(s.to.Value, s.to.Decimals), Text: viet.Figure(s.to)}
		}
		// The series' name is the label: wrapped, never cut (the table
		// and the tooltip name the unit too).
		so := []charts.SeriesOpts{
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.Data = data }),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color}), // the line's too
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(labelled), Position: "right", Formatter: "{a}"}),
			charts.WithEmphasisOpts(opts.Emphasis{Focus: "series", Label: &opts.Label{Show: opts.Bool(true)}}),
		}
		if labelled {
			// Filled dots; a hundred lines keep ECharts' small default,
			// which also keeps the option light.
			so = append(so, charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 7}))
		}
		line.AddSeries(wrapLabel(s.row.Name), nil, so...) // a null is a gap: no line to zero
	}
	line.Validate()
	m := line.JSON()
	if ss, ok := m["series"].(charts.MultiSeries); ok && labelled {
		out := make([]spreadSeries, len(ss))
		for i := range ss {
			out[i] = spreadSeries{SingleSeries: ss[i], LabelLayout: spreadLabels}
		}
		m["series"] = out
	}
	return m
}

// spreadSeries is a line whose label moves off the labels it would
// overlap (go-echarts' series has no labelLayout).
type spreadSeries struct {
	charts.SingleSeries
	LabelLayout labelLayout `json:"labelLayout"`
}

func slopeDesc(p *par.Pair, rows []slopeRow, start int) string {
	var d strings.Builder
	d.WriteString("Biểu đồ độ dốc chỉ số CCHC")
	if start > 0 {
		d.WriteString(" (trục bắt đầu từ " + strconv.Itoa(start) + ")")
	}
	if p.Group != nil {
		d.WriteString(" khối " + p.Group.Name)
	}
	d.WriteString(" năm " + strconv.Itoa(p.From.Year) + " và năm " + strconv.Itoa(p.To.Year))
	if len(rows) == 0 {
		d.WriteString(": chưa có đơn vị nào có chỉ số.")
		return d.String()
	}
	up, down, same, one := 0, 0, 0, 0
	for _, s := range rows {
		switch {
		case !s.row.HasIndex:
			one++
		case s.row.Index > 0:
			up++
		case s.row.Index < 0:
			down++
		default:
			same++
		}
	}
	d.WriteString(": " + strconv.Itoa(up) + " đơn vị tăng (đường xanh), " + strconv.Itoa(down) + " giảm (đường đỏ), " + strconv.Itoa(same) + " không đổi")
	if one > 0 {
		d.WriteString("; " + strconv.Itoa(one) + " đơn vị chỉ có chỉ số một năm (một chấm)")
	}
	if !p.Comparable {
		d.WriteString("; hai năm theo hai bộ chỉ số khác nhau, chỉ so sánh chỉ số")
	}
	if len(rows) > slopeLabelled {
		d.WriteString("; tên đơn vị hiện khi di chuột lên đường")
	}
	d.WriteString(".")
	return d.String()
}
