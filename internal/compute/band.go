package compute

import (
	"strings"
	"unicode"

	"parindex/internal/par"
)

// bands classifies every scored unit (rule "bands on the shown figure"). Rankings whose framework has
// a child-band-share rule are resolved after the ranking of their child
// group, whose shown bands the rule reads.
func (x *run) bands() {
	for _, rk := range x.order {
		x.resolve(rk)
	}
}

const (
	todo = iota
	inProgress
	done
)

func (x *run) resolve(rk *ranking) {
	if rk.state != todo {
		return
	}
	rk.state = inProgress
	fw := rk.fw
	for _, e := range rk.entries {
		if !e.r.Scored {
			continue
		}
		v, ok := shownBasis(e.r, fw)
		if !ok {
			continue
		}
		if b := fw.BandFor(v); b != nil {
			e.compBand = par.BandMark{ID: b.ID, Name: b.Name, Origin: par.Computed}
		}
	}
	for _, rule := range fw.Rules {
		if rule.Kind != par.RuleChildBandShare || rule.Den <= 0 || rule.Num < 0 {
			continue
		}
		child := x.rk[gyKey{rk.r.Year, rule.ChildGroup}]
		if child != nil {
			if child.state == inProgress {
				x.dl.Errorf(at(rule.Src, fw.Src), "rule %s of framework %s depends on itself through group %q; it is not applied", rule.Kind, fw.ID, rule.ChildGroup)
				continue
			}
			x.resolve(child)
		}
		for _, e := range rk.entries {
			if e.r.Scored && e.compBand.ID != "" {
				x.childBandShare(e, fw, rule, child)
			}
		}
	}
	// Published band wins for display; otherwise the computed one.
	for _, e := range rk.entries {
		switch {
		case e.sum != nil && e.pub && hasBand(e.sum.Band):
			e.r.Band = e.sum.Band
			if e.r.Band.Origin == par.Missing {
				e.r.Band.Origin = par.Published
			}
			// When a special rule explains the published band (a
			// district dropped one band for its communes), say so:
			// otherwise a reader sees a higher index with a lower band.
			if e.r.Band.Note.IsZero() && !e.compBand.Note.IsZero() && sameBand(e.r.Band, e.compBand) {
				e.r.Band.Note = e.compBand.Note
			}
		case e.r.Scored:
			e.r.Band = e.compBand
		}
	}
	rk.state = done
}

// shownBasis is the value a band is read from: the basis figure as shown,
// i.e. rounded to its displayed precision, so that the number on the page
// and its band always agree — an index of 89.996 shows as 90.00 and is
// classified in the band starting at 90, not the one below.
func shownBasis(r *par.Result, fw *par.Framework) (par.Points, bool) {
	if fw.Basis == par.BasisPoints {
		switch {
		case r.Total.Known():
			return r.Total.Value.Round(r.Total.Decimals), true
		case r.Index.Known():
			// Only an index is published: the total it implies.
			t := par.Ratio{Num: r.Index.Value * r.Max, Den: 100 * par.Scale * par.Scale}.Percent() / 100
			return t.Round(fw.Decimals), true
		}
		return 0, false
	}
	if !r.Index.Known() {
		return 0, false
	}
	return r.Index.Value.Round(r.Index.Decimals), true
}

// childBandShare applies Bắc Kạn's rule to one unit: it keeps its band only
// if at least Num/Den of its children (units of the child group whose
// parent it is, in the same year) are in that band or a better one;
// otherwise it drops exactly one band, never below the lowest. If any child
// is not scored, or the child group has no ranking that year, the unit is
// not classified.
func (x *run) childBandShare(e *entry, fw *par.Framework, rule par.Rule, child *ranking) {
	year := e.r.Year
	group := par.Name{Name: rule.ChildGroup}
	if g := x.reg.Group(rule.ChildGroup); g != nil {
		group = par.Name{Name: g.Name, NameEn: g.NameEn}
	}
	noun := childNoun(group)
	if child == nil {
		e.compBand = par.BandMark{Origin: par.Computed, Note: par.Textf("không xếp loại: chưa có kết quả %s năm %d", group, year)}
		return
	}
	var kids []*par.Result
	for _, ce := range child.entries {
		if ce.r.Unit.Parent == e.r.Unit.ID {
			kids = append(kids, ce.r)
		}
	}
	n := len(kids)
	if n == 0 {
		x.dl.Warnf(e.r.Unit.Src, "%s has no units of group %q in %d; rule %s keeps its band", e.r.Name, rule.ChildGroup, year, rule.Kind)
		return
	}
	unscored := 0
	for _, k := range kids {
		if !k.Scored {
			unscored++
		}
	}
	if unscored > 0 {
		e.compBand = par.BandMark{Origin: par.Computed, Note: par.Textf("không xếp loại: %d/%d %s chưa có kết quả năm %d", unscored, n, noun, year)}
		return
	}
	idx := fw.BandIndex(e.compBand.ID)
	reached := 0
	for _, k := range kids {
		ci := fw.BandIndex(k.Band.ID)
		if ci < 0 && k.Framework != nil && k.Band.ID != "" {
			ci = k.Framework.BandIndex(k.Band.ID)
		}
		if ci >= 0 && ci <= idx {
			reached++
		}
	}
	name := bandNameOf(fw.Bands[idx])
	share := par.Textf("%d/%d %s đạt từ %s trở lên (cần ít nhất %d/%d)", reached, n, noun, name, rule.Num, rule.Den)
	switch {
	case reached*rule.Den >= rule.Num*n:
		e.compBand.Note = par.Textf("giữ loại %s: %s", name, share)
	case idx+1 < len(fw.Bands):
		lower := fw.Bands[idx+1]
		e.compBand = par.BandMark{ID: lower.ID, Name: lower.Name, Origin: par.Computed,
			Note: par.Textf("hạ từ %s xuống %s: %s", name, bandNameOf(lower), share)}
	default:
		e.compBand.Note = par.Textf("giữ loại %s (loại thấp nhất): %s", name, share)
	}
}

// bandNameOf is a band's name as a note says it, in either language.
func bandNameOf(b par.Band) par.Name { return par.Name{Name: b.Name, NameEn: b.NameEn} }

// childNoun is how a note names the child units: "xã" for the group "UBND
// cấp xã", else the group's name; in English the group's English name,
// which already names the units, as a common noun mid-sentence ("7/10
// commune people's committees"; an acronym such as "PCs" is kept).
func childNoun(group par.Name) par.Name {
	group.NameEn = midSentence(group.NameEn)
	for _, p := range []string{"UBND cấp ", "Ủy ban nhân dân cấp ", "Uỷ ban nhân dân cấp "} {
		if rest, ok := strings.CutPrefix(group.Name, p); ok && rest != "" {
			return par.Name{Name: rest, NameEn: group.NameEn}
		}
	}
	return group
}

// midSentence lowers the first letter of an English noun phrase unless
// the second is a capital too (an acronym).
func midSentence(s string) string {
	r := []rune(s)
	if len(r) < 2 || !unicode.IsUpper(r[0]) || unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}
