package site

import (
	"html/template"
	"strconv"
	"strings"

	"parindex/internal/baseurl"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// markup writes the pages' big row loops (ranking rows, criteria trees,
// chart data tables) and the figure cells in them in Go. In html/template
// every action of a loop is several reflective calls (field lookups, the
// escaper), which made template execution most of the render's CPU; here
// a row is a few appends. The output is byte for byte what the templates
// wrote before (the golden tests hold it), so every data string goes
// through esc, which escapes exactly as html/template does in text and
// quoted attributes, and every link through url, which normalises as
// html/template does in href. The results are template.HTML: markup built
// here from escaped parts, never data passed through unescaped.
type markup struct {
	lang  *lang
	base  baseurl.Base
	recon map[par.Source]*par.Reconciliation // a recorded difference by its cell
}

// esc appends s escaped as html/template escapes a string in text and in
// a quoted attribute value (its htmlReplacementTable: NUL, ", &, ', +, <,
// >). html.EscapeString differs ('+' is kept, '"' is &#34; there too but
// NUL is kept), and the output must stay what the templates wrote.
func esc(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// url appends the site-relative URL p under the base path, as the
// template function url followed by html/template's URL normaliser and
// attribute escaper write it in an href.
func (k *markup) url(b *strings.Builder, p string) {
	normURL(b, k.base.Path)
	normURL(b, strings.TrimPrefix(k.lang.path(p), "/"))
}

// normURL appends s percent-encoding what html/template's URL normaliser
// encodes in an href (everything but unreserved and reserved characters
// and valid escapes), then escaping '&' and '+' as its attribute escaper
// does.
func normURL(b *strings.Builder, s string) { processURL(b, s, true) }

// fragment appends a value placed after "#" in an href as html/template
// escapes it there (everything but unreserved characters encoded, in
// lower-case hex; template.URLQueryEscaper writes upper case).
func fragment(b *strings.Builder, s string) { processURL(b, s, false) }

// processURL is html/template's processURLOnto followed by its attribute
// escaper.
func processURL(b *strings.Builder, s string, norm bool) {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0:
			b.WriteByte(c)
			continue
		case !norm:
		case strings.IndexByte("!#$*,/:;=?@[]", c) >= 0:
			b.WriteByte(c)
			continue
		case c == '&':
			b.WriteString("&amp;")
			continue
		case c == '+':
			b.WriteString("&#43;")
			continue
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// attr appends ` name="value"` with value escaped.
func attr(b *strings.Builder, name, value string) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	esc(b, value)
	b.WriteByte('"')
}

// Titles of the marks; constant markup, as the templates had it.
const (
	computedFigTitle  = "Số liệu tính toán (từ phiếu chấm hoặc từ các số đã công bố), không có trong phụ lục công bố"
	computedRankTitle = "Thứ hạng tính theo quy tắc của bộ chỉ số, không có trong phụ lục công bố"
	computedBandTitle = "Xếp loại tính theo quy tắc của bộ chỉ số, không có trong phụ lục công bố"
)

// sources is a page's table of the places its figures come from: a big
// table's cells refer to it by a short key instead of each carrying its
// source in full in a title attribute, which made a ranking of a thousand
// units several times its size. The list is printed once under the table
// (readable without JavaScript); site.js shows a cell's full source on
// hover, focus and tap.
//
// Keys: a figure's data-src is "3!F20" (index of its file and sheet in the
// list, "!", the cell), "3" (no cell), or only the column, "F", when the
// cell is on the sheet row its table row names once in data-src-row="3!20"
// (the figures of an annex row share one); a leading "c" says computed.
type sources struct {
	lang  *lang
	index map[string]int
	list  []string // "file: sheet" (par.Source without the cell), in order of first use
	row   rowRef   // the table row being written
}

// rowRef is the place and sheet row a table row's figures share.
type rowRef struct {
	place int
	row   string // digits; "" = none
}

// split cuts a source into its place, listed once, and its cell.
func (t *sources) split(src par.Source) (int, string) {
	place, cell := publicSource(src), ""
	if src.Sheet != "" && src.Cell != "" {
		place, cell = publicName(src.File)+": "+src.Sheet, src.Cell
	}
	i, ok := t.index[place]
	if !ok {
		if t.index == nil {
			t.index = map[string]int{}
		}
		i = len(t.list)
		t.index[place] = i
		t.list = append(t.list, place)
	}
	return i, cell
}

// cellParts splits "F20" into "F" and "20"; ok is false for anything else.
func cellParts(cell string) (col, row string, ok bool) {
	i := 0
	for i < len(cell) && 'A' <= cell[i] && cell[i] <= 'Z' {
		i++
	}
	j := i
	for j < len(cell) && '0' <= cell[j] && cell[j] <= '9' {
		j++
	}
	if i == 0 || j == i || j != len(cell) {
		return "", "", false
	}
	return cell[:i], cell[i:], true
}

// startRow sets the row reference of the next table row from the first of
// figs with a cell, and returns its data-src-row value, or "".
func (t *sources) startRow(figs ...par.Source) string {
	t.row = rowRef{}
	for _, src := range figs {
		if src.File == "" {
			continue
		}
		place, cell := t.split(src)
		if _, row, ok := cellParts(cell); ok {
			t.row = rowRef{place: place, row: row}
			return strconv.Itoa(place) + "!" + row
		}
	}
	return ""
}

// key is a figure's reference into the table (see sources); "" without a
// source. site.js rebuilds srcTitle's text from it.
func (t *sources) key(o par.Origin, src par.Source) string {
	if src.File == "" {
		return ""
	}
	place, cell := t.split(src)
	k := ""
	if o == par.Computed {
		k = "c"
	}
	if col, row, ok := cellParts(cell); ok && t.row.row == row && t.row.place == place {
		return k + col
	}
	k += strconv.Itoa(place)
	if cell != "" {
		k += "!" + cell
	}
	return k
}

// source appends where a figure comes from: a key into srcs when the page
// keeps a table of sources, else a title attribute (srcTitle).
func source(b *strings.Builder, l *lang, o par.Origin, src par.Source, srcs *sources) {
	if srcs != nil {
		if k := srcs.key(o, src); k != "" {
			attr(b, "data-src", k)
		}
		return
	}
	fullSource(b, o, src)
}

// noData appends the mark of a missing figure: a dash for the eye, which
// the legend under a table explains, and words for screen readers, so it
// is never read as "no change" (=) or as a minus sign.
func noData(b *strings.Builder, l *lang, title string) {
	noDataRaw(b, l, l.T(title))
}

// noDataRaw is noData with a title already in the page's language.
func noDataRaw(b *strings.Builder, l *lang, title string) {
	b.WriteString(`<span class="missing" title="`)
	esc(b, title)
	b.WriteString(`"><span aria-hidden="true">—</span><span class="sr-only">`)
	b.WriteString(l.T("không có số liệu"))
	b.WriteString(`</span></span>`)
}

// fig appends a figure: the number with its source, a dagger when
// computed rather than published, the recorded-difference mark, "—" when
// missing (template "fig").
func (k *markup) fig(b *strings.Builder, f par.Figure, srcs *sources) {
	if !f.Known() {
		noData(b, k.lang, "Không có số liệu")
		return
	}
	b.WriteString(`<span class="fig"`)
	source(b, k.lang, f.Origin, f.Src, srcs)
	b.WriteByte('>')
	esc(b, k.lang.num(fmtFigure(f)))
	b.WriteString(`</span>`)
	if f.Origin == par.Computed {
		b.WriteString(`<sup class="computed" title="`)
		esc(b, k.lang.T(computedFigTitle))
		b.WriteString(`">†</sup>`)
	}
	k.reconMark(b, f.Src)
}

// rank appends a rank (template "rank").
func (k *markup) rank(b *strings.Builder, r par.Rank, srcs *sources) {
	k.rankOf(b, r, 0, "Không có thứ hạng", srcs)
}

// rankOf appends a rank out of the units ranked ("2/9") when of > 0, with
// its dagger after the whole figure (template "rankOfFig").
func (k *markup) rankOf(b *strings.Builder, r par.Rank, of int, none string, srcs *sources) {
	if r.N <= 0 {
		noData(b, k.lang, none)
		return
	}
	b.WriteString(`<span class="fig"`)
	source(b, k.lang, r.Origin, r.Src, srcs)
	b.WriteByte('>')
	b.WriteString(strconv.Itoa(r.N))
	if of > 0 {
		b.WriteByte('/')
		b.WriteString(strconv.Itoa(of))
	}
	b.WriteString(`</span>`)
	if r.Origin == par.Computed {
		b.WriteString(`<sup class="computed" title="`)
		esc(b, k.lang.T(computedRankTitle))
		b.WriteString(`">†</sup>`)
	}
	k.reconMark(b, r.Src)
}

// band appends a result's band with its CSS class (template "band").
func (k *markup) band(b *strings.Builder, fw *par.Framework, m par.BandMark, class string, srcs *sources) {
	if m.Name == "" {
		noData(b, k.lang, "Không có xếp loại")
		return
	}
	b.WriteString(`<span`)
	attr(b, "class", class)
	source(b, k.lang, m.Origin, m.Src, srcs)
	b.WriteByte('>')
	esc(b, k.lang.bandName(fw, m))
	b.WriteString(`</span>`)
	if m.Origin == par.Computed {
		b.WriteString(`<sup class="computed" title="`)
		esc(b, k.lang.T(computedBandTitle))
		b.WriteString(`">†</sup>`)
	}
	k.reconMark(b, m.Src)
	if !m.Note.IsZero() {
		b.WriteString(` <small class="band-note">`)
		esc(b, k.lang.text(m.Note))
		b.WriteString(`</small>`)
	}
}

// reconMark appends the mark of a published figure that differs from the
// rules, linking to its public record (template "recon").
func (k *markup) reconMark(b *strings.Builder, s par.Source) {
	if len(k.recon) == 0 || s.Cell == "" {
		return
	}
	rc := k.recon[par.Source{File: s.File, Sheet: s.Sheet, Cell: s.Cell}]
	if rc == nil {
		return
	}
	b.WriteString(` <a class="recon" href="`)
	k.url(b, urlReconcile)
	b.WriteByte('#')
	fragment(b, rc.ID)
	b.WriteString(`" title="`)
	esc(b, k.lang.T("Số liệu theo quyết định công bố, khác với quy tắc tính: xem Đối chiếu số liệu"))
	b.WriteString(`">‡<span class="sr-only"> `)
	esc(b, k.lang.T("số liệu có chênh lệch, xem đối chiếu"))
	b.WriteString(`</span></a>`)
}

// rankChange appends a rank change (template "rank-change").
func rankChange(b *strings.Builder, l *lang, c change) {
	if c.Rank == "" {
		noData(b, l, "Không có thứ hạng năm trước trong khối để so sánh")
		return
	}
	b.WriteString(`<span class="chg `)
	esc(b, c.Dir)
	b.WriteString(`" aria-hidden="true">`)
	esc(b, c.Rank)
	b.WriteString(`</span><span class="sr-only">`)
	esc(b, c.RankSR)
	b.WriteString(`</span>`)
}

// indexChange appends an index change with its notes (template
// "index-change").
func (k *markup) indexChange(b *strings.Builder, c change) {
	if c.Index != "" {
		esc(b, c.Index)
	} else {
		noData(b, k.lang, "Không có chỉ số năm trước để so sánh")
	}
	if c.Via.Title != "" {
		b.WriteString(`<small class="chg-note">`)
		b.WriteString(k.lang.T("so với"))
		b.WriteString(` `)
		if c.Via.URL != "" {
			b.WriteString(`<a href="`)
			k.url(b, c.Via.URL)
			b.WriteString(`">`)
			esc(b, c.Via.Title)
			b.WriteString(`</a>`)
		} else {
			esc(b, c.Via.Title)
		}
		b.WriteString(` (`)
		b.WriteString(k.lang.T("đơn vị tiền thân"))
		b.WriteString(`)</small>`)
	}
	for _, n := range c.Notes {
		b.WriteString(`<small class="chg-note">`)
		esc(b, n)
		b.WriteString(`</small>`)
	}
}

// sortv is a figure's data-sort value for site.js: a dot decimal, "" when
// missing.
func sortv(f par.Figure) string {
	if !f.Known() {
		return ""
	}
	return f.Value.String()
}

// numCell appends a figure's table cell with its sort value.
func (k *markup) numCell(b *strings.Builder, f par.Figure, srcs *sources) {
	b.WriteString(`<td class="num" data-sort="`)
	esc(b, sortv(f))
	b.WriteString(`">`)
	k.fig(b, f, srcs)
	b.WriteString(`</td>`)
}

// rankRows writes the body rows of a ranking table, each preceded by a
// newline.
func (k *markup) rankRows(p *rankingPage) template.HTML {
	k.rankTable(p)
	return p.rowsHTML
}

// rankSources writes the list of the ranking table's sources, which its
// cells' data-src keys index (see sources), or "" when no figure has one.
func (k *markup) rankSources(p *rankingPage) template.HTML {
	k.rankTable(p)
	return p.srcs.listHTML()
}

// listHTML writes the list of a table's sources, which its cells'
// data-src keys index, or "" when no figure has one.
func (t *sources) listHTML() template.HTML {
	if len(t.list) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<details class=\"sources\"><summary>" + t.lang.T("Nguồn số liệu trong bảng") + "</summary>\n<p>" +
		t.lang.T("Số liệu trong bảng lấy từ các tệp, trang tính dưới đây. Di chuột, chạm vào một số, hoặc dùng phím Tab rồi các phím mũi tên để đến một số, để xem ô chứa số đó.") +
		"</p>\n<ol id=\"nguon\">")
	for _, place := range t.list {
		b.WriteString("\n<li>")
		esc(&b, t.lang.name(place, ""))
		b.WriteString("</li>")
	}
	b.WriteString("\n</ol>\n</details>")
	return template.HTML(b.String())
}

// rankTable writes a ranking's rows and fills its table of sources, once
// per page: the view belongs to the worker rendering it, and the rows and
// the list below the table come from the same pass in whatever order the
// template asks for them.
func (k *markup) rankTable(p *rankingPage) {
	if p.srcs != nil {
		return
	}
	srcs := &sources{lang: k.lang}
	p.srcs = srcs
	var b strings.Builder
	b.Grow(len(p.Rows) * 1200)
	for _, row := range p.Rows {
		r := row.R
		if !r.Scored {
			b.WriteString("\n<tr class=\"unscored\" data-fixed")
			parentAttr(&b, row)
			b.WriteString(">")
			if p.Ranked {
				b.WriteString(`<td class="num">`)
				noData(&b, k.lang, "Không có thứ hạng")
				b.WriteString(`</td>`)
			}
			k.unitCells(&b, p, row, srcs)
			b.WriteString("\n<td colspan=\"")
			b.WriteString(strconv.Itoa(p.Span()))
			b.WriteString(`">`)
			b.WriteString(k.lang.T("Chưa chấm điểm"))
			if row.YearURL != "" {
				b.WriteString(` · <a href="`)
				k.url(&b, row.YearURL)
				b.WriteString(`" aria-label="`)
				esc(&b, k.lang.F("Vì sao %s chưa được chấm điểm năm %d", k.lang.resultName(r), r.Year))
				b.WriteString(`">`)
				b.WriteString(k.lang.T("Chi tiết"))
				b.WriteString(`</a>`)
			}
			b.WriteString("</td>\n</tr>")
			continue
		}
		// The sheet row the row's figures share, from the first shown.
		var shown []par.Source
		if p.Ranked && r.Rank.N > 0 {
			shown = append(shown, r.Rank.Src)
		}
		for _, f := range []par.Figure{r.Total, r.Index} {
			if f.Known() {
				shown = append(shown, f.Src)
			}
		}
		if r.Band.Name != "" {
			shown = append(shown, r.Band.Src)
		}
		ref := srcs.startRow(shown...)
		b.WriteString("\n<tr")
		if ref != "" {
			b.WriteString(" data-src-row=\"")
			b.WriteString(ref)
			b.WriteString(`"`)
		}
		parentAttr(&b, row)
		b.WriteString(">")
		if p.Ranked {
			b.WriteString(`<td class="num" data-sort="`)
			if r.Rank.N > 0 {
				b.WriteString(strconv.Itoa(r.Rank.N))
			}
			b.WriteString(`">`)
			k.rank(&b, r.Rank, srcs)
			b.WriteString(`</td>`)
		}
		k.unitCells(&b, p, row, srcs)
		b.WriteByte('\n')
		k.numCell(&b, r.Total, srcs)
		if p.Cols.Index {
			b.WriteByte('\n')
			k.numCell(&b, r.Index, srcs)
		}
		b.WriteString("\n<td data-sort=\"")
		esc(&b, row.BandSort)
		b.WriteString(`">`)
		k.band(&b, r.Framework, r.Band, row.BandClass, srcs)
		b.WriteString(`</td>`)
		if p.Cols.Appraised {
			k.numCell(&b, r.Appraised, srcs)
		}
		if p.Cols.Survey {
			k.numCell(&b, r.Survey, srcs)
		}
		if p.Cols.Satisfaction {
			k.numCell(&b, r.Satisfaction, srcs)
		}
		if p.Cols.PrevRank && p.Ranked {
			b.WriteString(`<td class="num prev-rank" data-sort="`)
			esc(&b, row.Change.PrevRankSort)
			b.WriteString(`">`)
			if row.Change.PrevRank == "" {
				noData(&b, k.lang, "Không có thứ hạng năm trước trong khối")
			} else {
				esc(&b, row.Change.PrevRank)
			}
			b.WriteString(`</td>`)
		}
		if p.Cols.Change {
			if p.Ranked {
				b.WriteString(`<td class="num" data-sort="`)
				esc(&b, row.Change.RankSort)
				b.WriteString(`">`)
				rankChange(&b, k.lang, row.Change)
				b.WriteString(`</td>`)
			}
			b.WriteString(`<td class="num" data-sort="`)
			esc(&b, row.Change.IndexSort)
			b.WriteString(`">`)
			k.indexChange(&b, row.Change)
			b.WriteString(`</td>`)
		}
		b.WriteString("\n<td><a href=\"")
		k.url(&b, row.YearURL)
		b.WriteString(`" aria-label="`)
		esc(&b, k.lang.F("Chi tiết kết quả năm %d của %s", r.Year, k.lang.resultName(r)))
		b.WriteString("\">" + k.lang.T("Chi tiết") + "</a></td>\n</tr>")
	}
	p.rowsHTML = template.HTML(b.String())
}

// parentAttr writes a row's data-parent, the id site.js's filter by parent
// matches.
func parentAttr(b *strings.Builder, row rankRow) {
	if row.ParentID != "" {
		b.WriteString(` data-parent="`)
		esc(b, row.ParentID)
		b.WriteString(`"`)
	}
}

// unitCells writes a ranking row's unit: its name as the row header,
// linked to its page, then the parent's cells where the group has them.
func (k *markup) unitCells(b *strings.Builder, p *rankingPage, row rankRow, srcs *sources) {
	b.WriteString("\n<th scope=\"row\"><a href=\"")
	k.url(b, row.URL)
	b.WriteString(`">`)
	esc(b, k.lang.resultName(row.R))
	b.WriteString("</a></th>")
	k.parentCells(b, p, row, srcs)
}

// parentCells writes the parent column (a link to the parent's page) and
// the rank among the parent's units ranked that year ("2/9"), when the
// ranking shows them.
func (k *markup) parentCells(b *strings.Builder, p *rankingPage, row rankRow, srcs *sources) {
	if !p.Cols.Parent {
		return
	}
	b.WriteString("\n<td data-sort=\"")
	esc(b, row.Parent.Title)
	b.WriteString(`">`)
	if row.ParentID == "" {
		noData(b, k.lang, "Không trực thuộc đơn vị nào")
	} else {
		b.WriteString(`<a href="`)
		k.url(b, row.Parent.URL)
		b.WriteString(`">`)
		esc(b, row.Parent.Title)
		b.WriteString(`</a>`)
	}
	b.WriteString(`</td><td class="num" data-sort="`)
	if row.R.ParentRank.N > 0 {
		b.WriteString(strconv.Itoa(row.R.ParentRank.N))
	}
	b.WriteString(`">`)
	k.rankOf(b, row.R.ParentRank, row.R.ParentOf, "Không có thứ hạng trong đơn vị cấp trên", srcs)
	b.WriteString(`</td>`)
}

// treeRows writes a unit-year's criteria tree in document order, a row
// per node, each preceded by a newline. Computed sums are marked by the
// row's classes ("cs", "ca"), which the stylesheet turns into the dagger.
// The appraised cell's title names only sheet!cell when the cell is in
// the tree's workbook, which the page names once (treeSource), so that a
// tree of 150 rows does not repeat a long path 150 times.
func treeRows(l *lang, nodes []*par.NodeResult) template.HTML {
	var file string
	if len(nodes) > 0 {
		file = nodes[0].Src.File
	}
	var b strings.Builder
	b.Grow(len(nodes) * 4000)
	var walk func(ns []*par.NodeResult, depth int)
	walk = func(ns []*par.NodeResult, depth int) {
		for _, n := range ns {
			level := depth
			var code, title string
			if n.Node != nil {
				code, title = n.Node.Code, l.name(n.Node.Title, n.Node.TitleEn)
				if n.Node.Level > 0 {
					level = n.Node.Level
				}
			}
			b.WriteString("\n<tr class=\"lvl-")
			b.WriteString(strconv.Itoa(level))
			if level == 1 {
				b.WriteString(" area")
			}
			var max, self, appr, apprSrc, lost string
			if n.NA {
				b.WriteString(" na")
				max = l.T("Không áp dụng")
			} else {
				max = l.num(viet.DecimalComma(n.Max.String()))
				self, appr = l.num(fmtFigure(n.Self)), l.num(fmtFigure(n.Appraised))
				if n.Self.Origin == par.Computed {
					b.WriteString(" cs")
				}
				if n.Appraised.Origin == par.Computed {
					b.WriteString(" ca")
				}
				if s := n.Appraised.Src; s.Sheet != "" && s.Cell != "" {
					if s.File == file {
						apprSrc = s.Sheet + "!" + s.Cell
					} else {
						apprSrc = publicSource(s)
					}
				}
				if n.Appraised.Known() {
					lost = l.num(viet.DecimalComma(n.Lost.Format(n.Appraised.Decimals)))
					if n.Lost > 0 {
						b.WriteString(" lost")
					}
				} else {
					lost = dash
				}
			}
			b.WriteString(`"><td>`)
			esc(&b, code)
			b.WriteString(`</td><th scope="row">`)
			esc(&b, title)
			// data-label: a phone shows the tree as stacked rows, each
			// cell after its column's name (site.css, "weakness review").
			b.WriteString(`</th><td class="num" data-label="` + l.T("Điểm tối đa") + `">`)
			esc(&b, max)
			b.WriteString(`</td><td class="num s" data-label="` + l.T("Tự chấm") + `">`)
			esc(&b, self)
			b.WriteString(`</td><td class="num a" data-label="` + l.T("Thẩm định") + `" title="`)
			esc(&b, apprSrc)
			b.WriteString(`">`)
			esc(&b, appr)
			b.WriteString(`</td><td class="num" data-label="` + l.T("Điểm bị mất") + `">`)
			esc(&b, lost)
			b.WriteString(`</td><td data-label="` + l.T("Ý kiến thẩm định") + `">`)
			esc(&b, l.name(n.Remark, ""))
			b.WriteString(`</td></tr>`)
			walk(n.Children, depth+1)
		}
	}
	walk(nodes, 1)
	return template.HTML(b.String())
}

// tableRows writes the body rows of a chart's data table, each preceded
// by a newline.
func tableRows(rows [][]string) template.HTML {
	var b strings.Builder
	for _, row := range rows {
		b.WriteString("\n<tr>")
		for _, c := range row {
			b.WriteString(`<td>`)
			esc(&b, c)
			b.WriteString(`</td>`)
		}
		b.WriteString(`</tr>`)
	}
	return template.HTML(b.String())
}

// html runs a writer into a new string, for the template functions that
// print one figure (fig, rankFig, bandFig …).
func html(write func(b *strings.Builder)) template.HTML {
	var b strings.Builder
	write(&b)
	return template.HTML(b.String())
}
