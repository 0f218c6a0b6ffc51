package ingest

import (
	"strings"

	"parindex/internal/par"
)

// rowKind is what a row below a detail sheet's header is.
type rowKind uint8

const (
	rowItem        rowKind = iota // an area, criterion or sub-criterion, matched later
	rowBonusHead                  // "Điểm thưởng": the bonus section, or its only row
	rowPenaltyHead                // "Điểm trừ": the penalty section, or its only row
	rowExtra                      // a bonus or penalty item of the framework
	rowExtraStray                 // a row in the bonus or penalty section that names no item
)

// cellVal is one figure cell of a row as read, before it is checked.
type cellVal struct {
	kind cellKind
	fig  par.Figure // when kind is cellNumber
	raw  string     // the cell's text, cleaned, for messages
	src  par.Source // "" when the column is absent
}

func (c cellVal) known() bool { return c.kind == cellNumber }

// detailRow is one classified row.
type detailRow struct {
	r       int
	kind    rowKind
	code    string // the row's code from the layout's code source, without punctuation
	printed string // the code as printed, for messages
	codeSrc par.Source
	inline  string // a code-like phrase opening the title (the code only without a code column)
	label   string // the content cell, cleaned
	key     string // Key of the title without its code phrase
	src     par.Source
	max     cellVal
	self    cellVal
	appr    cellVal
	extra   *par.Extra // rowExtra: the framework's item
	penalty bool       // bonus or penalty rows: which
}

// figures reports a row that carries any figure (or a mark such as "Không
// áp dụng") in its maximum, self-assessed or appraised cell.
func (d *detailRow) figures() bool {
	return d.max.kind != cellBlank || d.self.kind != cellBlank || d.appr.kind != cellBlank
}

// shown is how a message quotes the row: its code and title as printed.
func (d *detailRow) shown() string {
	s := d.label
	if d.printed != "" && d.inline == "" {
		s = d.printed + " " + s
	}
	return `row "` + short(strings.TrimSpace(s)) + `"`
}

// readCell reads a figure cell; c < 0 (no such column) reads as blank.
func (sc *sheetCtx) readCell(r, c int, percent bool) cellVal {
	if c < 0 {
		return cellVal{}
	}
	v := cellVal{src: sc.g.src(r, c), raw: sc.g.t.Clean(sc.g.raw(r, c))}
	k, p, dec := sc.g.score(r, c, percent)
	v.kind = k
	if k == cellNumber {
		v.fig = par.Pub(p, dec, v.src)
	}
	return v
}

// detailRows is what the rows step finds below the header.
type detailRows struct {
	items     []detailRow // criteria, bonus and penalty rows in sheet order
	total     cellVal     // the closing Tổng điểm, appraised column
	selfTotal cellVal     // its self-assessed column
	end       int         // the row after the table (signatures follow)
}

// classify reads every row under the header into detailRows. The table
// ends at the closing total; a total printed above the criteria does not
// end it.
func (sc *sheetCtx) classify(l *detailLayout, x *fwIndex) detailRows {
	g := sc.g
	var out detailRows
	// Sized once, to the rows that hold anything: a detailRow is large, and
	// growing the slice row by row copied it over and over (about 1 s of a
	// 1,000-unit build's ingest).
	n := 0
	for r := l.h.data; r < len(g.rows); r++ {
		if !g.emptyRow(r) {
			n++
		}
	}
	out.items = g.t.takeRows(n)
	out.end = len(g.rows)
	section := 0 // 1 inside the bonus rows, 2 inside the penalty rows
	for r := l.h.data; r < len(g.rows); r++ {
		if g.emptyRow(r) {
			continue
		}
		d := detailRow{r: r, src: g.src(r, l.content)}
		content := g.t.Clean(g.hval(r, l.content))
		codeTxt := ""
		if l.code >= 0 {
			codeTxt = g.t.Clean(g.hval(r, l.code))
			if codeTxt == content {
				codeTxt = "" // one merged label over both columns
			}
		}
		d.label = content
		if codeTxt != "" && !g.t.LooksLikeCode(codeTxt) {
			if d.label == "" {
				d.label = codeTxt // a label typed in the code column
			}
			codeTxt = ""
		}
		inline, title := g.t.SplitCode(d.label)
		switch l.codes {
		case codesInColumn:
			if codeTxt != "" {
				d.printed, d.code, d.codeSrc = codeTxt, strings.Trim(codeTxt, "(.):"), g.src(r, l.code)
			}
			d.inline = strings.Trim(inline, "(.):")
		default:
			d.printed, d.code, d.codeSrc = inline, strings.Trim(inline, "(.):"), d.src
			d.inline = d.code
		}
		d.key = g.t.Key(title)
		if d.key == "" {
			d.key = g.t.Key(d.label)
		}
		d.max = sc.readCell(r, l.max, false)
		d.self = sc.readCell(r, l.self, false)
		d.appr = sc.readCell(r, l.appr, false)

		labelKey := g.t.Key(d.label)
		if !looksNumeric(d.code) && isTotalLabel(labelKey) {
			out.total, out.selfTotal = d.appr, d.self
			if len(out.items) == 0 {
				continue // a total printed above the criteria
			}
			out.end = r + 1
			return out // signatures and notes follow
		}
		if isBonusLabel(d.key) || isPenaltyLabel(d.key) {
			d.penalty = isPenaltyLabel(d.key)
			d.kind = rowBonusHead
			section = 1
			if d.penalty {
				d.kind, section = rowPenaltyHead, 2
			}
			if ref, ok := x.extra["code:"+normCode(d.code)]; ok && d.code != "" && ref.penalty == d.penalty {
				d.kind, d.extra = rowExtra, ref.e
			}
			out.items = append(out.items, d)
			continue
		}
		if ref, ok := findExtra(x, d.code, d.key, section); ok {
			d.kind, d.extra, d.penalty = rowExtra, ref.e, ref.penalty
			out.items = append(out.items, d)
			continue
		}
		if section != 0 && !isRomanUpper(d.code) {
			// Inside the bonus or penalty rows only a new area ends them;
			// a lone item of the framework is that item.
			items := x.f.Bonus
			if section == 2 {
				items = x.f.Penalty
			}
			d.penalty = section == 2
			if len(items) == 1 {
				d.kind, d.extra = rowExtra, &items[0]
			} else {
				d.kind = rowExtraStray
			}
			out.items = append(out.items, d)
			continue
		}
		section = 0
		d.kind = rowItem
		out.items = append(out.items, d)
	}
	return out
}

// findExtra finds a bonus or penalty item by code, or by title within the
// bonus or penalty rows.
func findExtra(x *fwIndex, code, k string, section int) (extraRef, bool) {
	if code != "" {
		if ref, ok := x.extra["code:"+normCode(code)]; ok {
			if _, node := x.byCode[normCode(code)]; !node || section != 0 {
				return ref, true
			}
		}
	}
	if section != 0 && k != "" {
		if ref, ok := x.extra["title:"+k]; ok {
			return ref, true
		}
	}
	return extraRef{}, false
}
