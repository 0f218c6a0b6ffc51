package chart

import (
	"fmt"
	"slices"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// Lang is the language a chart speaks: its title, axis and series names,
// value labels, description and data table. The site passes the page's
// language; Vietnamese() writes the charts as they always were.
//
// Texts are keyed by their Vietnamese (T, F), numbers come as
// internal/viet writes them and are converted (Num), and names from the
// data are given in both languages, the English one possibly empty
// (Name).
type Lang interface {
	Tag() string                         // "vi" or "en": Chart.Lang
	T(vi string) string                  // a Vietnamese text in the language
	F(format string, args ...any) string // T of the format, then fmt.Sprintf
	Num(s string) string                 // a number as internal/viet writes it
	Name(vi, en string) string           // a name from the data
}

// Vietnamese is the language of the charts of the Vietnamese pages.
func Vietnamese() Lang { return vietnamese{} }

type vietnamese struct{}

func (vietnamese) Tag() string                    { return "vi" }
func (vietnamese) T(s string) string              { return s }
func (vietnamese) F(f string, args ...any) string { return fmt.Sprintf(f, args...) }
func (vietnamese) Num(s string) string            { return s }
func (vietnamese) Name(vi, _ string) string       { return vi }

// figure is a figure as the chart shows it in l.
func figure(l Lang, f par.Figure) string { return l.Num(viet.Figure(f)) }

// fixed is a number at the given decimals in l.
func fixed(l Lang, p par.Points, decimals int) string { return l.Num(viet.Fixed(p, decimals)) }

// groupNameIn is the ranking's group name in l.
func groupNameIn(l Lang, rk *par.Ranking) string {
	if rk.Group == nil {
		return ""
	}
	return l.Name(rk.Group.Name, rk.Group.NameEn)
}

// resultName is the name a result was ranked under, in l.
func resultName(l Lang, r *par.Result) string {
	if r.Unit != nil {
		if n := r.Unit.NameAt(r.Year); n.Name == r.Name {
			return l.Name(r.Name, n.NameEn)
		}
	}
	return l.Name(r.Name, "")
}

// areaTitle is an area's title in l: the framework's English title of the
// area, if given.
func areaTitle(l Lang, fw *par.Framework, code, title string) string {
	if fw != nil {
		if n := fw.Node(code); n != nil && n.Title == title {
			return l.Name(title, n.TitleEn)
		}
	}
	return l.Name(title, "")
}

// bandName is a result's band name in l: its framework's English name of
// the band, if given.
func bandName(l Lang, fw *par.Framework, name, id string) string {
	if fw != nil {
		if i := fw.BandIndex(id); i >= 0 && id != "" && fw.Bands[i].Name == name {
			return l.Name(name, fw.Bands[i].NameEn)
		}
	}
	return l.Name(name, "")
}

// shownName is the name l shows for a result, for ordering: its English
// name when l is not Vietnamese and the data give one, else the name it
// was ranked under (without the marks a Lang may add to it).
func shownName(l Lang, r *par.Result) string {
	if l.Tag() != "vi" && r.Unit != nil {
		if n := r.Unit.NameAt(r.Year); n.Name == r.Name && n.NameEn != "" {
			return n.NameEn
		}
	}
	return r.Name
}

// tiesByName orders, in a language other than Vietnamese, the results tied
// at a rank (consecutive, same rank) by the names l shows; the ranking
// gives ties in Vietnamese name order, which names shown alike keep.
func tiesByName(l Lang, rs []*par.Result) {
	if l.Tag() == "vi" {
		return
	}
	col := viet.NewCollator()
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j].Rank.N == rs[i].Rank.N {
			j++
		}
		if j-i > 1 {
			slices.SortStableFunc(rs[i:j], func(a, b *par.Result) int { return col.Compare(shownName(l, a), shownName(l, b)) })
		}
		i = j
	}
}
