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
func PairSlope(l Lang, p *par.Pair) Chart {
	rows := gatherSlope(p)
	title := l.F("Chỉ số CCHC năm %d và năm %d", p.From.Year, p.To.Year)
	if p.Group != nil {
		title += " – " + l.Name(p.Group.Name, p.Group.NameEn)
	}
	id := "chart-pair-" + idPart(groupIDOf(p)) + "-" + strconv.Itoa(p.From.Year) + "-" + strconv.Itoa(p.To.Year)
	start := slopeStart(rows)
	return Chart{
		ID:     id,
		Lang:   l.Tag(),
		Title:  title,
		Table:  slopeTable(l, title, p, rows),
		Option: encode(slopeOption(l, id, p, rows, start)),
		Desc:   slopeDesc(l, p, rows, start),
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

// pairRowName is the unit's name in l: the English name of the name the
// row shows, if given.
func pairRowName(l Lang, p *par.Pair, row *par.PairRow) string {
	if row.Unit != nil {
		for _, y := range []int{p.To.Year, p.From.Year} {
			if n := row.Unit.NameAt(y); n.Name == row.Name {
				return l.Name(row.Name, n.NameEn)
			}
		}
	}
	return l.Name(row.Name, "")
}

func (s slopeRow) note(l Lang, p *par.Pair) string {
	var notes []string
	if s.row.Via != "" && s.row.From != nil {
		notes = append(notes, l.F("năm %d là kết quả của %s (đơn vị tiền thân)", p.From.Year, resultName(l, s.row.From)))
	}
	switch {
	case !s.from.Known():
		notes = append(notes, l.F("chỉ có năm %d", p.To.Year))
	case !s.to.Known():
		notes = append(notes, l.F("chỉ có năm %d", p.From.Year))
	}
	if len(notes) == 0 {
		return viet.Missing
	}
	return strings.Join(notes, "; ")
}

func slopeTable(l Lang, title string, p *par.Pair, rows []slopeRow) Table {
	y1, y2 := strconv.Itoa(p.From.Year), strconv.Itoa(p.To.Year)
	t := Table{Caption: title, Head: []string{l.T("Đơn vị"), l.T(labelIndex) + " " + y1, l.T(labelIndex) + " " + y2, l.T("Thay đổi (điểm %)"), l.T("Ghi chú")}}
	dec := decimals(p.To.Framework)
	for _, s := range rows {
		chg := viet.Missing
		if s.row.HasIndex {
			chg = l.Num(signedChange(s.row.Index, dec))
		}
		t.Rows = append(t.Rows, []string{pairRowName(l, p, s.row), figure(l, s.from), figure(l, s.to), chg, s.note(l, p)})
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

func slopeOption(l Lang, id string, p *par.Pair, rows []slopeRow, start int) map[string]any {
	labelled := len(rows) <= slopeLabelled
	right := "24"
	if labelled {
		right = "150" // the names, wrapped (wrapLabel), right of the lines
	}
	y := opts.YAxis{Type: "value", Name: zoomedName(l, labelIndex, start), NameLocation: "middle", NameGap: 36, Min: start}
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
		charts.WithXAxisOpts(opts.XAxis{Type: "category", BoundaryGap: opts.Bool(false), Name: l.T("Năm"), NameLocation: "middle", NameGap: 28}),
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
			pt := slopePoint{Value: num(s.from.Value, s.from.Decimals), Text: figure(l, s.from)}
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
			data[1] = slopePoint{Value: num(s.to.Value, s.to.Decimals), Text: figure(l, s.to)}
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
		line.AddSeries(wrapLabel(pairRowName(l, p, s.row)), nil, so...) // a null is a gap: no line to zero
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

func slopeDesc(l Lang, p *par.Pair, rows []slopeRow, start int) string {
	var d strings.Builder
	d.WriteString(l.T("Biểu đồ độ dốc chỉ số CCHC"))
	if start > 0 {
		d.WriteString(l.F(" (trục bắt đầu từ %d)", start))
	}
	if p.Group != nil {
		d.WriteString(l.F(" khối %s", l.Name(p.Group.Name, p.Group.NameEn)))
	}
	d.WriteString(l.F(" năm %d và năm %d", p.From.Year, p.To.Year))
	if len(rows) == 0 {
		d.WriteString(l.T(": chưa có đơn vị nào có chỉ số."))
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
	d.WriteString(l.F(": %d đơn vị tăng (đường xanh), %d giảm (đường đỏ), %d không đổi", up, down, same))
	if one > 0 {
		d.WriteString(l.F("; %d đơn vị chỉ có chỉ số một năm (một chấm)", one))
	}
	if !p.Comparable {
		d.WriteString(l.T("; hai năm theo hai bộ chỉ số khác nhau, chỉ so sánh chỉ số"))
	}
	if len(rows) > slopeLabelled {
		d.WriteString(l.T("; tên đơn vị hiện khi di chuột lên đường"))
	}
	d.WriteString(".")
	return d.String()
}
