package site

import (
	"html/template"
	"strconv"
	"strings"

	"parindex/internal/chart"
	"parindex/internal/par"
)

// pairKind: "/khoi/<group>/<y1>-<y2>/", one group's rankings of two years
// compared (rule "comparing two years"), pre-rendered for every two years
// in which the group has a ranking, so that any pair is a static
// permalink. The comparison itself is the compute stage's (par.Pair).
func pairKind() pageKind {
	return pageKind{Template: "pair", Pattern: "/khoi/<group>/<years>/", pages: func(m *model) []Page {
		var out []Page
		for _, p := range m.res.Pairs {
			keys := []string{RankingKey(p.From.Year, p.Group.ID), RankingKey(p.To.Year, p.Group.ID)}
			for _, o := range p.Other {
				keys = append(keys, RankingKey(o.Year, o.Group))
			}
			out = append(out, Page{
				URL:      pairURL(p.Group.ID, p.From.Year, p.To.Year),
				Title:    m.lang.F("%s — so sánh năm %d và %d", m.lang.nameOf(p.Group), p.From.Year, p.To.Year),
				Crumb:    strconv.Itoa(p.From.Year) + "–" + strconv.Itoa(p.To.Year),
				Rankings: keys,
				view:     func() (any, error) { return m.pair(p), nil },
			})
		}
		return out
	}}
}

// pairURL is the permalink of a group's comparison of two years; static/js/pair.js
// builds the same from the selector's base (pairBase).
func pairURL(group string, from, to int) string {
	return pairBase(group) + strconv.Itoa(from) + "-" + strconv.Itoa(to) + "/"
}

// pairBase is the folder of a group's comparisons: its page over the years.
func pairBase(group string) string { return groupURL(group) }

// pairSelector is the choice of two years of a group (template
// "pair-selector"): two selects that pair.js turns into a pair's URL, and
// the links it stands for, which the page lists for readers without
// JavaScript.
type pairSelector struct {
	Group       string // group id
	GroupName   string
	Base        string // site-relative folder of the group's pairs (pairBase)
	Years       []int
	From, To    int    // preselected
	Consecutive []link // the pairs of consecutive ranking years, newest first
	All         []pairLinks
	Prev        link   // on a ranking page: its year compared with the year before
	Current     string // the pair page showing it, marked in the lists
}

// pairLinks are the pairs starting from one year.
type pairLinks struct {
	From  int
	Links []link
}

// pairSelectorOf is the selector of group g preselecting from–to, nil when
// the group has fewer than two rankings.
func (m *model) pairSelectorOf(g *par.Group, from, to int) *pairSelector {
	rks := m.byGroup[g.ID]
	if len(rks) < 2 {
		return nil
	}
	s := &pairSelector{Group: g.ID, GroupName: g.Name, Base: pairBase(g.ID), From: from, To: to}
	for _, rk := range rks {
		s.Years = append(s.Years, rk.Year)
	}
	for i := len(s.Years) - 1; i > 0; i-- {
		a, b := s.Years[i-1], s.Years[i]
		s.Consecutive = append(s.Consecutive, link{Title: strconv.Itoa(a) + "–" + strconv.Itoa(b), URL: pairURL(g.ID, a, b)})
	}
	for i, a := range s.Years[:len(s.Years)-1] {
		pl := pairLinks{From: a}
		for _, b := range s.Years[i+1:] {
			pl.Links = append(pl.Links, link{Title: strconv.Itoa(a) + "–" + strconv.Itoa(b), URL: pairURL(g.ID, a, b)})
		}
		s.All = append(s.All, pl)
	}
	return s
}

func (p *pairPage) charts() []chart.Chart { return p.Charts }

// pairPage is the view of a comparison of two years.
type pairPage struct {
	meta
	Pair      *par.Pair
	Group     *par.Group
	From, To  int
	Ranked    bool   // the group is ranked: rank columns and lists
	Lead      string // the lead sentence
	Notice    *frameworkNotice
	Stats     []statRow
	StatsNote string
	Tops      []topList
	NoMovers  bool // no unit compares across the two years: one sentence instead of empty lists
	Caption   string
	NoData    bool
	Moves     []moveItem // units in one year only, with why
	Compared  int        // rows in both years: the comparison table's
	FromURL   string     // the two rankings
	ToURL     string
	Selector  *pairSelector
	Charts    []chart.Chart
	RankNote  string // how rank changes are counted
	Computed  bool   // some figure shown is computed: show the legend
	Recorded  bool   // some figure shown is a recorded difference (‡)
	BandHead  string // the band column's header

	// The table's rows and sources, written once by markup.pairTable,
	// and each reason's note in the table.
	rowsHTML     template.HTML
	srcs         *sources
	shortReasons map[*par.PairReason]string
}

// frameworkNotice says that the two years were scored by different
// frameworks, naming both, and which band thresholds moved.
type frameworkNotice struct {
	From, To   link
	Thresholds []string // "Tốt: từ 80% (2022) thành từ 85% (2024)"
}

// statRow is one figure of the group's statistics in both years.
type statRow struct {
	Label    string
	From, To string
	Change   string // the later less the earlier, signed, or ""
}

// topList is one list of the biggest movers.
type topList struct {
	Title string
	ID    string
	Items []topItem
	Ties  bool // the list is longer than five because of ties
}

type topItem struct {
	Unit   link
	Change string // "▲3", "+6,00"
	Dir    string // "up", "down": the stylesheet's colour
	SR     string // the change in words
	Detail string // "5 → 2", "85,00 → 91,00"
}

// moveItem is a unit compared in one year only, and why.
type moveItem struct {
	Unit   link
	Dir    string // "Vào" (entered) or "Ra" (left)
	Fig    string // its result in the year it is in: "năm 2025: hạng 4/34, chỉ số 96,16 %"
	Reason []link // text and links, in order
}

func (m *model) pair(p *par.Pair) *pairPage {
	v := &pairPage{
		meta:    meta{Sortable: true, Scripts: []string{pairScript}},
		Pair:    p,
		Group:   p.Group,
		From:    p.From.Year,
		To:      p.To.Year,
		Ranked:  !p.Group.Unranked,
		FromURL: rankingURL(p.From.Year, p.Group.ID),
		ToURL:   rankingURL(p.To.Year, p.Group.ID),
	}
	y1, y2 := strconv.Itoa(v.From), strconv.Itoa(v.To)
	v.Selector = m.pairSelectorOf(p.Group, v.From, v.To)
	if v.Selector != nil {
		v.Selector.Current = pairURL(p.Group.ID, v.From, v.To)
	}
	both := 0
	for _, r := range p.Rows {
		if r.HasIndex {
			both++
		}
	}
	if v.Ranked {
		v.Lead = m.lang.F("So sánh bảng xếp hạng Chỉ số cải cách hành chính của khối %[1]s năm %[2]s và năm %[3]s: năm %[2]s có %[4]d đơn vị được xếp hạng, năm %[3]s có %[5]d; %[6]d đơn vị được xếp hạng cả hai năm.", m.lang.nameOf(p.Group), y1, y2, p.FromOf, p.ToOf, p.Common)
		v.RankNote = m.lang.F("Thay đổi hạng chỉ tính giữa %d đơn vị được xếp hạng cả hai năm (kể cả đơn vị so sánh qua một đơn vị tiền thân duy nhất): đơn vị mới vào hay ra khỏi bảng không làm đơn vị khác lên, xuống hạng, nên thay đổi có thể khác hiệu số hai thứ hạng.", p.Common)
	} else {
		v.Lead = m.lang.F("So sánh kết quả Chỉ số cải cách hành chính của khối %s (khối được chấm điểm, công bố nhưng không xếp hạng) năm %s và năm %s: %d đơn vị có chỉ số cả hai năm.", m.lang.nameOf(p.Group), y1, y2, both)
	}
	if !p.Comparable {
		n := &frameworkNotice{}
		if fw := p.From.Framework; fw != nil {
			n.From = link{Title: m.lang.nameOf(fw), URL: frameworkURL(fw.ID)}
		}
		if fw := p.To.Framework; fw != nil {
			n.To = link{Title: m.lang.nameOf(fw), URL: frameworkURL(fw.ID)}
		}
		unit := "%"
		if fw := p.To.Framework; fw != nil && fw.Basis == par.BasisPoints {
			unit = m.lang.T(" điểm")
		}
		for _, t := range p.Thresholds {
			n.Thresholds = append(n.Thresholds, m.lang.F("%s: từ %s (năm %s) thành từ %s (năm %s)", m.lang.name(t.Name, t.NameEn), m.exact(t.From)+unit, y1, m.exact(t.To)+unit, y2))
		}
		v.Notice = n
	}
	v.BandHead = m.lang.F("Xếp loại %s → %s", y1, y2)
	if !p.Comparable {
		v.BandHead += m.lang.T(" (không so sánh được: khác bộ chỉ số)")
	}
	for _, row := range p.Rows {
		for _, r := range []*par.Result{row.From, row.To} {
			if r != nil && r.Scored {
				v.Computed = v.Computed || r.Rank.Origin == par.Computed || r.Index.Origin == par.Computed || r.Band.Origin == par.Computed
				v.Recorded = v.Recorded || m.recorded[uyKey{r.Unit.ID, r.Year}]
			}
		}
	}
	v.stats(m, p)
	v.tops(m, p)
	v.moves(m, p)
	for _, r := range p.Rows {
		if inBoth(r) {
			v.Compared++
		}
	}
	v.Caption = m.lang.F("So sánh đầy đủ %d đơn vị có mặt cả hai năm; đơn vị chỉ có mặt một năm được liệt kê riêng, kèm lý do. Bấm tiêu đề cột để sắp xếp.", v.Compared)
	v.Charts = nonEmpty(chart.PairSlope(m.lang, p))
	return v
}

// stats fills the group's statistics, side by side.
func (v *pairPage) stats(m *model, p *par.Pair) {
	a, b := p.FromStats, p.ToStats
	dec := max(a.Decimals, b.Decimals)
	fig := func(st par.PairStats, x par.Points) string {
		if st.N == 0 {
			return dash
		}
		return m.fixed(x, dec)
	}
	chg := func(x, y par.Points) string {
		if a.N == 0 || b.N == 0 {
			return ""
		}
		return m.signed(y-x, dec)
	}
	v.Stats = []statRow{
		{Label: m.lang.T("Số đơn vị có chỉ số"), From: strconv.Itoa(a.N), To: strconv.Itoa(b.N), Change: signedInt(b.N - a.N)},
		{Label: m.lang.T("Trung bình (%)"), From: fig(a, a.Mean), To: fig(b, b.Mean), Change: chg(a.Mean, b.Mean)},
		{Label: m.lang.T("Trung vị (%)"), From: fig(a, a.Median), To: fig(b, b.Median), Change: chg(a.Median, b.Median)},
		{Label: m.lang.T("Thấp nhất (%)"), From: fig(a, a.Min), To: fig(b, b.Min), Change: chg(a.Min, b.Min)},
		{Label: m.lang.T("Cao nhất (%)"), From: fig(a, a.Max), To: fig(b, b.Max), Change: chg(a.Max, b.Max)},
		{Label: m.lang.T("Khoảng cách cao nhất – thấp nhất (điểm %)"), From: fig(a, a.Max-a.Min), To: fig(b, b.Max-b.Min), Change: chg(a.Max-a.Min, b.Max-b.Min)},
		{Label: m.lang.T("Độ lệch chuẩn (điểm %)"), From: fig(a, a.SD), To: fig(b, b.SD), Change: chg(a.SD, b.SD)},
	}
	v.StatsNote = m.lang.T("Tính trên các đơn vị được chấm điểm và có chỉ số mỗi năm, theo chỉ số đã công bố (làm tròn như công bố); đơn vị chưa chấm điểm không được tính, không tính là 0. Độ lệch chuẩn là độ lệch chuẩn của tổng thể (chia cho số đơn vị), đo mức phân tán quanh trung bình. Các số liệu thống kê do parindex tính.")
}

// tops fills the lists of biggest movers.
func (v *pairPage) tops(m *model, p *par.Pair) {
	dec := 2
	if fw := p.To.Framework; fw != nil && fw.Decimals > 0 {
		dec = fw.Decimals
	}
	rank := func(r *par.PairRow) topItem {
		it := topItem{Unit: m.pairUnit(r), Change: rankArrow(r.Rank), Dir: dirOf(r.Rank)}
		it.SR = rankWords(r.Rank, m.lang)
		it.Detail = m.lang.F("hạng %d → %d", r.From.Rank.N, r.To.Rank.N)
		return it
	}
	index := func(r *par.PairRow) topItem {
		it := topItem{Unit: m.pairUnit(r), Change: m.lang.F("%s điểm", m.signed(r.Index, dec)), Dir: dirOf(int(r.Index.Round(dec)))}
		it.Detail = m.figure(r.From.Index) + " → " + m.figure(r.To.Index)
		return it
	}
	add := func(title, id string, rows par.PairTop, f func(*par.PairRow) topItem) {
		l := topList{Title: title, ID: id, Ties: len(rows) > 5}
		for _, r := range rows {
			l.Items = append(l.Items, f(r))
		}
		v.Tops = append(v.Tops, l)
	}
	if v.Ranked {
		add(m.lang.T("Tăng hạng nhiều nhất"), "tang-hang", p.RankUp, rank)
		add(m.lang.T("Giảm hạng nhiều nhất"), "giam-hang", p.RankDown, rank)
	}
	add(m.lang.T("Tăng chỉ số nhiều nhất"), "tang-chi-so", p.IndexUp, index)
	add(m.lang.T("Giảm chỉ số nhiều nhất"), "giam-chi-so", p.IndexDown, index)
	v.NoMovers = len(p.RankUp)+len(p.RankDown)+len(p.IndexUp)+len(p.IndexDown) == 0
}

// pairUnit links a row's unit under the name it had in the comparison.
func (m *model) pairUnit(r *par.PairRow) link {
	return link{Title: m.lang.pairName(r), URL: unitURL(r.Unit.ID)}
}

// pairName is a comparison row's unit name in the language: the English
// name of the name it had in the later year it appears in, if given.
func (l *lang) pairName(r *par.PairRow) string {
	for _, res := range []*par.Result{r.To, r.From} {
		if res != nil && res.Name == r.Name && res.Unit != nil {
			return l.name(r.Name, res.Unit.NameAt(res.Year).NameEn)
		}
	}
	return l.name(r.Name, "")
}

// signedInt writes a change of a count with its sign, the true minus
// sign for a fall, "0" for none.
func signedInt(d int) string {
	switch {
	case d > 0:
		return "+" + strconv.Itoa(d)
	case d < 0:
		return "\u2212" + strconv.Itoa(-d)
	}
	return "0"
}

func rankArrow(d int) string {
	switch {
	case d > 0:
		return "▲" + strconv.Itoa(d)
	case d < 0:
		return "▼" + strconv.Itoa(-d)
	}
	return "="
}

func rankWords(d int, l *lang) string {
	switch {
	case d > 0:
		return l.F("tăng %d bậc", d)
	case d < 0:
		return l.F("giảm %d bậc", -d)
	}
	return l.T("không đổi")
}

// moves lists the units compared in one year only, with why, in the
// table's order: entered first, then left.
func (v *pairPage) moves(m *model, p *par.Pair) {
	via := map[string]*par.PairRow{} // predecessor id → the row compared through it
	for _, r := range p.Rows {
		if r.Via != "" {
			via[r.Via] = r
		}
	}
	v.shortReasons = map[*par.PairReason]string{}
	for _, r := range p.Rows {
		for _, why := range []*par.PairReason{r.Entered, r.Left} {
			if why != nil {
				v.shortReasons[why] = m.reasonShort(why)
			}
		}
	}
	for _, r := range p.Rows {
		if r.Entered != nil {
			v.Moves = append(v.Moves, moveItem{Unit: m.pairUnit(r), Dir: m.lang.T("Vào"), Fig: m.moveFig(r.To), Reason: m.reasonParts(r.Entered, nil)})
		}
	}
	for _, r := range p.Rows {
		if r.Left != nil {
			v.Moves = append(v.Moves, moveItem{Unit: m.pairUnit(r), Dir: m.lang.T("Ra"), Fig: m.moveFig(r.From), Reason: m.reasonParts(r.Left, via[r.Unit.ID])})
		}
	}
}

// reasonParts says why a unit is in one year of the comparison only, as
// text and links to the units and rankings it names (template "lnk" each);
// succ is the row compared through this unit's result, if any.
func (m *model) reasonParts(why *par.PairReason, succ *par.PairRow) []link {
	var out []link
	text := func(s string) { out = append(out, link{Title: s}) }
	units := func(ids []string) {
		for i, id := range ids {
			if i > 0 {
				if i == len(ids)-1 {
					text(m.lang.T(" và "))
				} else {
					text(", ")
				}
			}
			out = append(out, m.unitLink(id))
		}
	}
	on := func(d par.Date) {
		if !d.IsZero() {
			text(" " + m.lang.F("ngày %s", m.lang.date(d)))
		}
	}
	y := strconv.Itoa(why.Year)
	switch why.Kind {
	case par.ReasonCreated:
		text(m.lang.T("Thành lập"))
		on(why.Date)
		if len(why.Units) > 0 {
			text(m.lang.T(", từ "))
			units(why.Units)
		}
		text(m.lang.F("; năm %s chưa có", y))
	case par.ReasonPredecessors:
		text(m.lang.T("Hợp nhất từ "))
		units(why.Units)
		text(m.lang.F(", đều được chấm điểm năm %s: không so sánh với riêng đơn vị nào, và không cộng gộp kết quả của các đơn vị tiền thân", y))
	case par.ReasonMoved:
		text(m.lang.F("Năm %s thuộc ", y))
		out = append(out, link{Title: m.lang.F("khối %s", m.groupName(why.Group)), URL: rankingURL(why.Year, why.Group)})
	case par.ReasonNotScored:
		text(m.lang.F("Chưa được chấm điểm năm %s", y))
	case par.ReasonMerged:
		text(m.lang.T("Sáp nhập vào "))
		units(why.Units)
		on(why.Date)
		if succ != nil {
			text(m.lang.F("; %s được so sánh với kết quả năm %d của đơn vị này", m.lang.resultName(succ.To), succ.From.Year))
		}
	case par.ReasonDissolved:
		text(m.lang.T("Giải thể"))
		on(why.Date)
		if len(why.Units) > 0 {
			text(m.lang.T(", nhiệm vụ chuyển cho "))
			units(why.Units)
		}
	default:
		text(m.lang.F("Không có trong bảng xếp hạng năm %s", y))
	}
	if why.Note != "" {
		text(" (" + m.lang.name(why.Note, "") + ")")
	}
	text(".")
	return out
}

// pairScript navigates the year-pair selector to a pair's static page.
const pairScript = "/static/js/pair.js"

// reasonShort is a row's note in the comparison table: why it is in one
// year only, in a few words (the list under the table says it in full).
func (m *model) reasonShort(why *par.PairReason) string {
	y := strconv.Itoa(why.Year)
	switch why.Kind {
	case par.ReasonCreated:
		if !why.Date.IsZero() {
			return m.lang.F("thành lập ngày %s", m.lang.date(why.Date))
		}
		return m.lang.F("thành lập sau năm %s", y)
	case par.ReasonPredecessors:
		return m.lang.F("hợp nhất từ %d đơn vị, không so sánh", len(why.Units))
	case par.ReasonMoved:
		return m.lang.F("năm %s thuộc khối %s", y, m.groupName(why.Group))
	case par.ReasonNotScored:
		return m.lang.F("chưa chấm điểm năm %s", y)
	case par.ReasonMerged:
		if len(why.Units) > 0 {
			return m.lang.F("sáp nhập vào %s", m.unitName(why.Units[0]))
		}
		return m.lang.T("đã sáp nhập")
	case par.ReasonDissolved:
		return m.lang.T("giải thể")
	}
	return m.lang.F("không có trong bảng năm %s", y)
}

// pairRows writes the body rows of a comparison table, each preceded by a
// newline, and fills the page's table of sources (see sources).
func (k *markup) pairRows(v *pairPage) template.HTML {
	k.pairTable(v)
	return v.rowsHTML
}

// pairSources writes the list of the comparison table's sources.
func (k *markup) pairSources(v *pairPage) template.HTML {
	k.pairTable(v)
	return v.srcs.listHTML()
}

func (k *markup) pairTable(v *pairPage) {
	if v.srcs != nil {
		return
	}
	srcs := &sources{lang: k.lang}
	v.srcs = srcs
	p := v.Pair
	dec := 2
	if fw := p.To.Framework; fw != nil && fw.Decimals > 0 {
		dec = fw.Decimals
	}
	y1, y2 := strconv.Itoa(v.From), strconv.Itoa(v.To)
	var b strings.Builder
	b.Grow(len(p.Rows) * 1000)
	missing := func(r *par.Result, year string) string {
		if r == nil {
			return k.lang.F("Không có trong bảng năm %s", year)
		}
		return k.lang.F("Chưa chấm điểm năm %s", year)
	}
	for _, row := range p.Rows {
		if !inBoth(row) {
			continue // listed under "in one year only", with its figures
		}
		from, to := row.From, row.To
		var shown []par.Source
		for _, r := range []*par.Result{to, from} {
			if r != nil && r.Scored && r.Index.Known() {
				shown = append(shown, r.Index.Src)
			}
		}
		ref := srcs.startRow(shown...)
		b.WriteString("\n<tr")
		if ref != "" {
			b.WriteString(` data-src-row="`)
			b.WriteString(ref)
			b.WriteString(`"`)
		}
		b.WriteString(">\n<th scope=\"row\"><a href=\"")
		k.url(&b, unitURL(row.Unit.ID))
		b.WriteString(`">`)
		esc(&b, k.lang.pairName(row))
		b.WriteString("</a></th>")
		if v.Ranked {
			for _, c := range []struct {
				r    *par.Result
				year string
			}{{from, y1}, {to, y2}} {
				b.WriteString(`<td class="num" data-sort="`)
				if c.r != nil && c.r.Rank.N > 0 {
					b.WriteString(strconv.Itoa(c.r.Rank.N))
					b.WriteString(`">`)
					k.pairRank(&b, c.r.Rank, srcs)
				} else {
					b.WriteString(`">`)
					if c.r != nil && c.r.Scored {
						noDataRaw(&b, k.lang, k.lang.F("Không được xếp hạng năm %s", c.year))
					} else {
						noDataRaw(&b, k.lang, missing(c.r, c.year))
					}
				}
				b.WriteString(`</td>`)
			}
			b.WriteString(`<td class="num" data-sort="`)
			if row.HasRank {
				b.WriteString(strconv.Itoa(row.Rank))
				b.WriteString(`">`)
				rankChange(&b, k.lang, change{Rank: rankArrow(row.Rank), Dir: dirOf(row.Rank), RankSR: rankWords(row.Rank, k.lang)})
			} else {
				b.WriteString(`">`)
				noData(&b, k.lang, "Không được xếp hạng cả hai năm")
			}
			b.WriteString(`</td>`)
		}
		b.WriteByte('\n')
		for _, c := range []struct {
			r    *par.Result
			year string
		}{{from, y1}, {to, y2}} {
			if c.r != nil && c.r.Scored {
				k.numCell(&b, c.r.Index, srcs)
				continue
			}
			b.WriteString(`<td class="num" data-sort="">`)
			noDataRaw(&b, k.lang, missing(c.r, c.year))
			b.WriteString(`</td>`)
		}
		b.WriteString(`<td class="num" data-sort="`)
		if row.HasIndex {
			b.WriteString(row.Index.String())
			b.WriteString(`">`)
			esc(&b, k.lang.num(signedPoints(row.Index, dec)))
		} else {
			b.WriteString(`">`)
			noData(&b, k.lang, "Không có chỉ số cả hai năm")
		}
		b.WriteString("</td>\n<td data-sort=\"")
		if to != nil && to.Scored && to.Framework != nil {
			if i := to.Framework.BandIndex(to.Band.ID); i >= 0 && to.Band.ID != "" {
				b.WriteString(strconv.Itoa(i))
			}
		}
		b.WriteString(`">`)
		for i, r := range []*par.Result{from, to} {
			if i > 0 {
				b.WriteString(" → ")
			}
			if r != nil && r.Scored {
				k.band(&b, r.Framework, r.Band, bandClass(r.Framework, r.Band), srcs)
			} else {
				noDataRaw(&b, k.lang, missing(r, []string{y1, y2}[i]))
			}
		}
		if row.HasBand {
			b.WriteString(` <span class="chg `)
			b.WriteString(dirOf(row.Band))
			b.WriteString(`" aria-hidden="true">`)
			b.WriteString(rankArrow(row.Band))
			b.WriteString(`</span><span class="sr-only">`)
			switch {
			case row.Band > 0:
				b.WriteString(k.lang.F("lên %d bậc xếp loại", row.Band))
			case row.Band < 0:
				b.WriteString(k.lang.F("xuống %d bậc xếp loại", -row.Band))
			default:
				b.WriteString(k.lang.T("giữ nguyên xếp loại"))
			}
			b.WriteString(`</span>`)
		}
		b.WriteString("</td>\n")
		// The note cell, empty in most rows, goes without its class
		// there: a hundred rows of a commune comparison.
		var nb strings.Builder
		notes := 0
		note := func() {
			if notes > 0 {
				nb.WriteString("; ")
			}
			notes++
		}
		if row.Via != "" && from != nil {
			note()
			nb.WriteString(k.lang.F("so với năm %s của", y1) + ` <a href="`)
			k.url(&nb, unitURL(row.Via))
			nb.WriteString(`">`)
			esc(&nb, k.lang.resultName(from))
			nb.WriteString(`</a> (` + k.lang.T("đơn vị tiền thân") + `)`)
		}
		for _, why := range []*par.PairReason{row.Entered, row.Left} {
			if why != nil {
				note()
				esc(&nb, v.shortReasons[why])
			}
		}
		if nb.Len() > 0 {
			b.WriteString(`<td class="pair-note">`)
			b.WriteString(nb.String())
			b.WriteString("</td>\n</tr>")
		} else {
			b.WriteString("<td></td>\n</tr>")
		}
	}
	v.rowsHTML = template.HTML(b.String())
}

// pairRank writes a rank as markup.rank does, but a computed rank's
// dagger without its title, which the legend under the table explains
// once: a comparison of a hundred units repeated it a hundred times.
func (k *markup) pairRank(b *strings.Builder, r par.Rank, srcs *sources) {
	b.WriteString(`<span class="fig"`)
	source(b, k.lang, r.Origin, r.Src, srcs)
	b.WriteByte('>')
	b.WriteString(strconv.Itoa(r.N))
	b.WriteString(`</span>`)
	if r.Origin == par.Computed {
		b.WriteString(`<sup class="computed">†</sup>`)
	}
	k.reconMark(b, r.Src)
}

// dirOf is the stylesheet's class of a change: "up", "down" or "same".
func dirOf(d int) string {
	switch {
	case d > 0:
		return "up"
	case d < 0:
		return "down"
	}
	return "same"
}

// inBoth: the unit has a result in both years' rankings (its own or a
// single predecessor's), so it is a row of the comparison table; a unit in
// one year only is listed apart with why (a table row of dashes for the
// other year said nothing, and made a 100-commune page twice its size).
func inBoth(r *par.PairRow) bool { return r.From != nil && r.To != nil }

// moveFig is a one-year unit's result in that year.
func (m *model) moveFig(r *par.Result) string {
	if r == nil {
		return ""
	}
	y := m.lang.F("năm %d", r.Year) + ": "
	if !r.Scored {
		return y + m.lang.T("chưa chấm điểm")
	}
	var parts []string
	if r.Rank.N > 0 {
		s := m.lang.F("hạng %d", r.Rank.N)
		if rk := m.rankings[rkKey{r.Year, r.Group}]; rk != nil && m.ranked[rk] > 0 {
			s += "/" + strconv.Itoa(m.ranked[rk])
		}
		parts = append(parts, s)
	}
	if r.Index.Known() {
		parts = append(parts, m.lang.F("chỉ số %s %%", m.figure(r.Index)))
	}
	if r.Band.Name != "" {
		parts = append(parts, m.lang.bandName(r.Framework, r.Band))
	}
	if len(parts) == 0 {
		return y + m.lang.T("không có chỉ số")
	}
	return y + strings.Join(parts, ", ")
}
