package workbook

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// builder accumulates one sheet's cells and merges.
type builder struct {
	s xlsx.WSheet
}

func (b *builder) text(r, c int, t string, st xlsx.Style) {
	b.s.Cells = append(b.s.Cells, xlsx.WCell{Row: r, Col: c, Text: t, Style: st})
}

// num writes p as a numeric cell, or as text with a decimal comma ("1,5")
// when asText is set: the way a person types a number into a cell
// formatted as text.
func (b *builder) num(r, c int, p par.Points, asText bool, st xlsx.Style) {
	if asText {
		b.text(r, c, CommaText(p), st)
		return
	}
	b.s.Cells = append(b.s.Cells, xlsx.WCell{Row: r, Col: c, Num: xlsx.Float(p.Float()), Style: st})
}

// formula writes a formula with its cached value (nil: none, as in a blank
// template whose inputs are still empty).
func (b *builder) formula(r, c int, f string, cached *par.Points, st xlsx.Style) {
	cell := xlsx.WCell{Row: r, Col: c, Formula: f, Style: st}
	if cached != nil {
		cell.Num = xlsx.Float(cached.Float())
	}
	b.s.Cells = append(b.s.Cells, cell)
}

func (b *builder) merge(r1, c1, r2, c2 int) {
	if r1 == r2 && c1 == c2 {
		return
	}
	b.s.Merges = append(b.s.Merges, xlsx.CellName(r1, c1)+":"+xlsx.CellName(r2, c2))
}

// CommaText renders p as the shortest exact decimal with a decimal comma:
// 1.5 → "1,5", 12 → "12".
func CommaText(p par.Points) string {
	return strings.Replace(p.String(), ".", ",", 1)
}

// col returns a column's letters: 1 → "A".
func col(c int) string {
	return strings.TrimSuffix(xlsx.CellName(1, c), "1")
}

// sumFormula sums one column over the given rows: a range when they are
// contiguous, a list otherwise.
func sumFormula(c int, rows []int) string {
	if len(rows) == 0 {
		return "0"
	}
	contiguous := true
	for i := 1; i < len(rows); i++ {
		if rows[i] != rows[i-1]+1 {
			contiguous = false
			break
		}
	}
	if contiguous {
		if len(rows) == 1 {
			return "SUM(" + xlsx.CellName(rows[0], c) + ")"
		}
		return "SUM(" + xlsx.CellName(rows[0], c) + ":" + xlsx.CellName(rows[len(rows)-1], c) + ")"
	}
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = xlsx.CellName(r, c)
	}
	return "SUM(" + strings.Join(parts, ",") + ")"
}

// sheetNameBad are the characters Excel refuses in a sheet name.
const sheetNameBad = `[]:*?/\`

// SheetName makes s a valid Excel sheet name: forbidden characters become
// spaces, surrounding apostrophes and spaces go, and it is cut to Excel's
// 31 characters.
func SheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(sheetNameBad, r) || r < ' ' {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, "' ")
	if s == "" {
		s = "Sheet"
	}
	return cut(s, 31)
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n]), " '")
}

// UniqueSheetNames maps names to valid sheet names that differ from each
// other the way Excel compares them (ignoring case), adding " (2)", " (3)"…
// to repeats while staying within 31 characters.
func UniqueSheetNames(names []string) []string {
	out := make([]string, len(names))
	seen := map[string]bool{}
	for i, n := range names {
		base := SheetName(n)
		name := base
		for k := 2; seen[strings.ToLower(name)]; k++ {
			suffix := " (" + strconv.Itoa(k) + ")"
			name = cut(base, 31-utf8.RuneCountInString(suffix)) + suffix
		}
		seen[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}
