package ingest

import (
	"strconv"
	"strings"
)

// A detail scoring sheet is read in three steps, each in its own file:
//
//  1. layout (this file): where the header is, which column holds what,
//     and where the rows' codes come from;
//  2. rows (detail_rows.go): what each row below the header is — a
//     criterion of the tree, a bonus or penalty row, the closing total;
//  3. match (detail_match.go): which framework node each criterion row is,
//     by its code's place in the tree, else by its title, else by order;
//
// then detail.go checks the figures of the matched rows and builds the
// par.Sheet.

// codeSource is where a sheet's rows carry their codes.
type codeSource uint8

const (
	// codesInTitles: no code column; a code-like phrase opening the title
	// ("1.1. Nội dung…", "Tiêu chí 1.1 …", "a) …") is the row's code.
	codesInTitles codeSource = iota
	// codesInColumn: the code column (STT, TT, Mã…) identifies each row;
	// the title is never read as a code, except on a row whose code cell
	// is blank and whose title names no criterion.
	codesInColumn
	// codesCounted: the code column only counts rows (1, 2, 3… down the
	// sheet), so the titles carry the codes.
	codesCounted
)

func (c codeSource) String() string {
	switch c {
	case codesInColumn:
		return "code column"
	case codesCounted:
		return "row counter"
	}
	return "codes in titles"
}

// detailLayout is how one scoring sheet lays out its table.
type detailLayout struct {
	h                                                *header
	code, content, max, self, evidence, appr, remark int // column, -1 when absent
	codes                                            codeSource
}

func newDetailLayout(g *grid, h *header) *detailLayout {
	l := &detailLayout{h: h,
		code: h.c(roleCode), content: h.c(roleContent), max: h.c(roleMax), self: h.c(roleSelf),
		evidence: h.c(roleEvidence), appr: h.c(roleAppraised), remark: h.c(roleRemark),
	}
	switch {
	case l.code < 0 || l.code == l.content:
		l.code, l.codes = -1, codesInTitles
	case g.runningNumbers(h.data, l.code):
		l.codes = codesCounted
	default:
		l.codes = codesInColumn
	}
	return l
}

// runningNumbers reports a code column that only counts rows: 1, 2, 3, …
// in order, without a Roman numeral, a dotted code or a letter anywhere.
func (g *grid) runningNumbers(from, col int) bool {
	next := 1
	for r := from; r < len(g.rows); r++ {
		s := strings.TrimRight(strings.TrimSpace(g.raw(r, col)), ".")
		if s == "" || !g.t.LooksLikeCode(s) {
			continue // empty, or a label such as "Tổng điểm"
		}
		if s != strconv.Itoa(next) {
			return false
		}
		next++
	}
	return next > 5
}
