package chart

import (
	"strconv"
	"strings"

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

// rankingTitle is what a ranking chart shows, of which year and group:
// "<what> năm 2023 – Sở, ban, ngành".
func rankingTitle(l Lang, what string, rk *par.Ranking) string {
	t := l.F("%s năm %d", l.T(what), rk.Year)
	if g := groupNameIn(l, rk); g != "" {
		t += " – " + g
	}
	return t
}

// rankingOf is the year and group of a ranking in a description:
// "năm 2023, khối Sở, ban, ngành".
func rankingOf(l Lang, rk *par.Ranking) string {
	s := l.F("năm %d", rk.Year)
	if g := groupNameIn(l, rk); g != "" {
		s += l.F(", khối %s", g)
	}
	return s
}

func rankingID(rk *par.Ranking, what string) string {
	return "chart-" + strconv.Itoa(rk.Year) + "-" + groupID(rk) + "-" + what
}

// RankingIndex charts the index of the ranking's scored units with a
// known index, in the ranking's order (best at top). Each band is one
// series coloured by the band's position in the framework, which gives the
// legend its meaning; every value is labelled.
//
// A group's indexes usually lie close together (77–96), so the value axis
// is zoomed to the data (zoomStart) and says so in its name; on a zoomed
// axis each unit is a dot, not a bar, since a bar's length would claim an
// index it does not have (a dot plot). Only when the values reach down
// near 0 does the axis start at 0, with bars (stacked per band, so every
// unit has one bar).
func RankingIndex(l Lang, rk *par.Ranking) Chart {
	shown := indexed(l, rk)
	title := rankingTitle(l, "Chỉ số CCHC", rk)
	id := rankingID(rk, "index")
	h := rankingIndexBars(l, id, rk, shown)
	return Chart{
		ID:     id,
		Lang:   l.Tag(),
		Title:  title,
		Table:  rankingIndexTable(l, title, shown),
		Option: encode(h.option()),
		Desc:   rankingIndexDesc(l, rk, shown, h.dots, indexStart(shown)),
		Height: h.height(24, 72),
		Empty:  len(shown) == 0,
	}
}

// indexStart is where the value axis of RankingIndex starts (zoomStart of
// the shown indexes).
func indexStart(shown []*par.Result) int {
	if len(shown) == 0 {
		return 0
	}
	lo, hi := shown[0].Index.Value, shown[0].Index.Value
	for _, r := range shown[1:] {
		lo, hi = min(lo, r.Index.Value), max(hi, r.Index.Value)
	}
	return zoomStart(lo, hi)
}

// indexed gathers the rows of RankingIndex: the scored results with a
// known index, in ranking order; units tied at a rank in the order of the
// names l shows, as the site's ranking table lists them.
func indexed(l Lang, rk *par.Ranking) []*par.Result {
	var shown []*par.Result
	for _, r := range rk.Results {
		if r.Scored && r.Index.Known() {
			shown = append(shown, r)
		}
	}
	tiesByName(l, shown)
	return shown
}

func rankingIndexTable(l Lang, title string, shown []*par.Result) Table {
	t := Table{Caption: title, Head: []string{l.T("Hạng"), l.T("Đơn vị"), l.T(labelIndex), l.T("Xếp loại")}}
	for _, r := range shown {
		t.Rows = append(t.Rows, []string{rankText(r), resultName(l, r), figure(l, r.Index), bandText(l, r)})
	}
	return t
}

// rankingIndexBars puts each unit's index in the series of its band:
// framework bands in framework order, then other published band names in
// order of appearance, then unclassified.
func rankingIndexBars(l Lang, id string, rk *par.Ranking, shown []*par.Result) hbar {
	byPos := map[int]*barSeries{}
	byName := map[string]*barSeries{}
	var others []*barSeries
	var none *barSeries
	seriesOf := func(r *par.Result) *barSeries {
		k, ok := bandOf(rk.Framework, r)
		switch {
		case !ok:
			if none == nil {
				none = &barSeries{name: l.T(labelUnranked), color: colorNoBand}
			}
			return none
		case k.pos >= 0:
			if byPos[k.pos] == nil {
				b := rk.Framework.Bands[k.pos]
				byPos[k.pos] = &barSeries{name: l.Name(k.name, b.NameEn), color: bandColor(b.Name)}
			}
			return byPos[k.pos]
		default:
			if byName[k.name] == nil {
				byName[k.name] = &barSeries{name: l.Name(k.name, ""), color: bandColor(k.name)}
				others = append(others, byName[k.name])
			}
			return byName[k.name]
		}
	}
	assigned := make([]*barSeries, len(shown))
	for i, r := range shown {
		assigned[i] = seriesOf(r)
	}
	var order []*barSeries
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
		s.stack, s.gap = "index", "25%"
	}

	start := indexStart(shown)
	h := hbar{
		id:         id,
		categories: make([]string, len(shown)),
		axis:       opts.XAxis{Name: zoomedName(l, labelIndex, start), NameGap: 28, Min: start},
		right:      "56",
		legend:     true,
		trigger:    "item",
		dots:       start > 0,
	}
	if h.dots {
		// An index is a percentage of the framework's maximum: the axis
		// ends at 100 unless a bonus took a unit past it.
		h.axis.Max = 100
		for _, r := range shown {
			if r.Index.Value > 100*par.Scale {
				h.axis.Max = nil
			}
		}
	}
	for i, r := range shown {
		h.categories[i] = resultName(l, r)
		assigned[i].data[i] = figPoint(l, r.Index)
	}
	for _, s := range order {
		h.series = append(h.series, *s)
	}
	return h
}

func rankingIndexDesc(l Lang, rk *par.Ranking, shown []*par.Result, dots bool, start int) string {
	var b strings.Builder
	if dots {
		b.WriteString(l.F("Biểu đồ chấm chỉ số CCHC (trục bắt đầu từ %d) ", start))
	} else {
		b.WriteString(l.T("Biểu đồ cột ngang chỉ số CCHC "))
	}
	b.WriteString(rankingOf(l, rk))
	if len(shown) == 0 {
		b.WriteString(l.T(": chưa có đơn vị nào có chỉ số."))
		return b.String()
	}
	b.WriteString(": ")
	b.WriteString(l.F("%d đơn vị", len(shown)))
	hi, lo := shown[0], shown[0]
	for _, r := range shown[1:] {
		if r.Index.Value > hi.Index.Value {
			hi = r
		}
		if r.Index.Value < lo.Index.Value {
			lo = r
		}
	}
	b.WriteString(l.T("; cao nhất "))
	b.WriteString(resultName(l, hi))
	b.WriteString(" ")
	b.WriteString(figure(l, hi.Index))
	b.WriteString(" %")
	if len(shown) > 1 {
		b.WriteString(l.T(", thấp nhất "))
		b.WriteString(resultName(l, lo))
		b.WriteString(" ")
		b.WriteString(figure(l, lo.Index))
		b.WriteString(" %")
	}
	b.WriteString(".")
	return b.String()
}

// bandCount is a row of BandDistribution: a band and how many units it
// holds.
type bandCount struct {
	name  string
	color string
	n     int
}

// BandDistribution is a horizontal bar chart of how many of the ranking's
// units fall in each band, in the framework's band order (every band, even
// with no unit), then published band names the framework does not know,
// then "Chưa xếp loại" (scored but not classified) and "Chưa chấm điểm"
// (not scored) when there are any.
func BandDistribution(l Lang, rk *par.Ranking) Chart {
	cats := bandCounts(l, rk)
	title := rankingTitle(l, "Số đơn vị theo xếp loại", rk)
	id := rankingID(rk, "bands")
	total := 0
	for _, c := range cats {
		total += c.n
	}
	h := bandBars(l, id, cats)
	return Chart{
		ID:     id,
		Lang:   l.Tag(),
		Title:  title,
		Table:  bandTable(l, title, cats),
		Option: encode(h.option()),
		Desc:   bandDesc(l, rk, cats),
		Height: h.height(36, 56),
		Empty:  total == 0,
	}
}

// bandCounts gathers the rows of BandDistribution.
func bandCounts(l Lang, rk *par.Ranking) []*bandCount {
	var cats []*bandCount
	byPos := map[int]*bandCount{}
	byName := map[string]*bandCount{}
	if rk.Framework != nil {
		for i, b := range rk.Framework.Bands {
			c := &bandCount{name: l.Name(b.Name, b.NameEn), color: bandColor(b.Name)}
			byPos[i] = c
			cats = append(cats, c)
		}
	}
	unranked := &bandCount{name: l.T(labelUnranked), color: colorNoBand}
	unscored := &bandCount{name: l.T(labelUnscored), color: colorNoBand}
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
				c = &bandCount{name: l.Name(k.name, ""), color: bandColor(k.name)}
				byName[k.name] = c
				cats = append(cats, c)
			}
			c.n++
		}
	}
	for _, c := range []*bandCount{unranked, unscored} {
		if c.n > 0 {
			cats = append(cats, c)
		}
	}
	return cats
}

func bandTable(l Lang, title string, cats []*bandCount) Table {
	t := Table{Caption: title, Head: []string{l.T("Xếp loại"), l.T(labelUnits)}}
	for _, c := range cats {
		t.Rows = append(t.Rows, []string{c.name, strconv.Itoa(c.n)})
	}
	return t
}

// bandBars is one series whose bars carry their band's colour: a legend
// would repeat the axis. Counts are bars from 0: the length of a bar is the
// number of units, which a zoomed axis would misstate.
func bandBars(l Lang, id string, cats []*bandCount) hbar {
	h := hbar{
		id:         id,
		categories: make([]string, len(cats)),
		axis:       opts.XAxis{Name: l.T(labelUnits), NameGap: 24, MinInterval: 1, Min: 0},
		right:      "40",
		trigger:    "item",
	}
	data := make([]any, len(cats))
	for i, c := range cats {
		h.categories[i] = c.name
		data[i] = opts.BarData{Value: c.n, ItemStyle: &opts.ItemStyle{Color: c.color}}
	}
	h.series = []barSeries{{name: l.T(labelUnits), data: data, gap: "30%"}}
	return h
}

func bandDesc(l Lang, rk *par.Ranking, cats []*bandCount) string {
	var d strings.Builder
	d.WriteString(l.T("Biểu đồ cột ngang số đơn vị theo xếp loại "))
	d.WriteString(rankingOf(l, rk))
	d.WriteString(": ")
	if len(cats) == 0 {
		d.WriteString(l.T("chưa có kết quả."))
		return d.String()
	}
	for i, c := range cats {
		if i > 0 {
			d.WriteString(", ")
		}
		d.WriteString(c.name)
		d.WriteString(" ")
		d.WriteString(strconv.Itoa(c.n))
	}
	d.WriteString(".")
	return d.String()
}
