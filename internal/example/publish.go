package example

import (
	"fmt"
	"strconv"

	"parindex/internal/par"
	"parindex/internal/workbook"
	"parindex/internal/xlsx"
)

// pub is a published figure at the framework's two decimals: computed in
// Points at full precision, then rounded, as a publisher does.
func pub(v par.Points) par.Figure { return par.Pub(v.Round(2), 2, par.Source{}) }

// toSheet turns a score into the rows a scoring sheet prints.
func toSheet(s *score) *par.Sheet {
	sh := &par.Sheet{Unit: s.unit.ID, Year: s.year, Group: s.group, Framework: s.fw.ID, Name: s.name}
	exact := func(v par.Points) par.Figure { return par.Pub(v, 2, par.Source{}) }
	for _, l := range s.leaves {
		row := &par.Row{Key: l.node.Key, NA: l.na, Evidence: l.evidence, Remark: l.remark}
		if !l.na {
			if l.node.Method == par.MethodSelf {
				row.Self = exact(l.self)
			}
			row.Appraised = exact(l.appr)
		}
		sh.Rows = append(sh.Rows, row)
	}
	if len(s.fw.Bonus) > 0 {
		sh.Bonus = exact(s.bonus)
	}
	if len(s.fw.Penalty) > 0 {
		sh.Penalty = exact(s.pen)
	}
	sh.Total = exact(s.total)
	sh.SelfTotal = exact(s.selfTotal)
	return sh
}

// summaryOf is a unit-year's annex row. withAreas adds the areas' points.
func summaryOf(s *score, name string, withAreas bool) *par.Summary {
	sum := &par.Summary{Unit: s.unit.ID, Group: s.group, Year: s.year, Name: name}
	if !s.scored {
		return sum
	}
	sum.Total = pub(s.total)
	sum.Appraised = pub(s.appr)
	if s.hasSurvey {
		sum.Survey = pub(s.survey)
	}
	if s.hasSatis {
		sum.Satisfaction = pub(s.satis)
	}
	sum.Index = pub(s.index)
	sum.Rank = par.Rank{N: s.rank}
	if b := s.shownBand(); b != nil {
		sum.Band = par.BandMark{ID: b.ID, Name: b.Name}
	}
	if withAreas {
		sum.Areas = map[string]par.Figure{}
		for _, a := range s.fw.Areas {
			sum.Areas[a.Code] = pub(s.areas[a.Code])
		}
	}
	return sum
}

// areaCodes lists a framework's area codes.
func areaCodes(fw *par.Framework) []string {
	var out []string
	for _, a := range fw.Areas {
		out = append(out, a.Code)
	}
	return out
}

// hasMethod reports whether any leaf of fw is scored by m.
func hasMethod(fw *par.Framework, m par.Method) bool {
	for _, l := range fw.Leaves() {
		if l.Method == m {
			return true
		}
	}
	return false
}

// standardColumns are an annex's usual columns for a framework.
func standardColumns(fw *par.Framework, areas bool) []workbook.AnnexColumn {
	var codes []string
	if areas {
		codes = areaCodes(fw)
	}
	return workbook.AnnexColumns(hasMethod(fw, par.MethodSurvey), hasMethod(fw, par.MethodSatisfaction), codes, true)
}

// detailBook lays out scoring sheets, one per scored unit, in one workbook;
// opt gives each sheet its options.
func detailBook(title string, ss []*score, opt func(*score) workbook.DetailOptions) xlsx.WBook {
	var scored []*score
	var names []string
	for _, s := range ss {
		if s.scored {
			scored = append(scored, s)
			names = append(names, s.name)
		}
	}
	sheetNames := workbook.UniqueSheetNames(names)
	book := xlsx.WBook{Title: title}
	for i, s := range scored {
		o := opt(s)
		o.SheetName = sheetNames[i]
		book.Sheets = append(book.Sheets, workbook.DetailSheet(s.fw, s.name, s.year, toSheet(s), o))
	}
	return book
}

// dateLine is the place-and-date line under the motto.
func dateLine(place string, d par.Date) string {
	return fmt.Sprintf("%s, ngày %02d tháng %02d năm %d", place, d.Day, d.Month, d.Year)
}

// textKeys picks n leaf keys of s whose numbers a clerk typed as text.
func textKeys(seed uint64, s *score, n int) map[string]bool {
	r := newRng(seed, s.unit.ID, strconv.Itoa(s.year), "text-keys")
	m := map[string]bool{}
	for i := 0; i < n*4 && len(m) < n; i++ {
		l := pick(r, s.leaves)
		if !l.na && l.appr != l.appr.Round(0) {
			m[l.node.Key] = true // a decimal shows the comma
		}
	}
	return m
}

// areaNumbering numbers every criterion within its area, the way the
// Ministry's templates do ("1. ", then "1.1. " for its items), by node key:
// the code-like phrases that open the titles of sheets copied from such a
// template, which differ from a framework that numbers criteria through.
func areaNumbering(fw *par.Framework) map[string]string {
	out := map[string]string{}
	var walk func(ns []*par.Node, prefix string)
	walk = func(ns []*par.Node, prefix string) {
		for i, n := range ns {
			code := prefix + strconv.Itoa(i+1)
			out[n.Key] = code + ". "
			walk(n.Children, code+".")
		}
	}
	for _, a := range fw.Areas {
		walk(a.Children, "")
	}
	return out
}
