package compute

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// Rule "an annex agrees with itself and its framework". A published annex
// is checked against its own rows and its framework before anything is
// shown: its ranks against its published values under the framework's tie
// rule, its components against its totals, its totals and indices against
// the maxima, its bands against the thresholds and special rules. Each
// contradiction is one error naming both cells; where one cell explains
// two contradictions (an index that disagrees with both its rank and its
// band), the error is at that cell. A contradiction the decision really
// printed is recorded in data/reconciliation.yaml (see Reconcile).

// annexChecks runs after ranks and bands are known.
func (x *run) annexChecks() {
	for _, rk := range x.order {
		fw := rk.fw
		var pubs []*entry
		for _, e := range rk.entries {
			if e.sum != nil && e.pub {
				pubs = append(pubs, e)
			}
		}
		if len(pubs) == 0 {
			continue
		}
		for _, e := range pubs {
			x.checkRange(e, fw)
			x.checkComponents(e, fw)
		}
		var rankBad map[*entry]rankConflict
		if !rk.r.Group.Unranked {
			scored := 0
			for _, e := range rk.entries {
				if e.r.Scored {
					scored++
				}
			}
			rankBad = x.annexRanks(pubs, scored, fw)
		}
		for _, e := range pubs {
			if e.pubDiffers {
				continue // the published figure already differs from its sheet
			}
			rc, rOK := rankBad[e]
			bandBad := x.bandContradicts(e, fw)
			switch {
			case rOK && bandBad:
				v := pubValue(e, fw)
				x.dl.Contradictf(v.src, diag.Fact{Kind: "value-rank-band", Other: e.sum.Rank.Src, Published: v.text, Rule: rc.rule},
					"published %s %s of %s contradicts both its published rank %d (%s) and its band %s (%s): with that %s it would rank %s and be %s",
					v.what, v.text, e.r.Name, e.sum.Rank.N, e.sum.Rank.Src.Cell, bandName(e.sum.Band), e.sum.Band.Src.Cell, v.what, rc.rule, bandName(e.compBand))
				e.rankBad = true
			case rOK:
				x.reportRank(e, rc, fw)
				e.rankBad = true
			case bandBad:
				x.reportBand(e, fw)
			}
		}
	}
}

// shown is a published value with its place and text, for messages.
type shown struct {
	v    par.Points
	ok   bool
	text string
	src  par.Source
	what string // "index", "total"
}

// pubValue is the published figure a ranking compares: the index, or the
// total on the points basis; with only a total published on the index
// basis, the total over the unit's applicable maximum, at the framework's
// precision.
func pubValue(e *entry, fw *par.Framework) shown {
	s := e.sum
	if fw.Basis == par.BasisPoints {
		if s.Total.Known() {
			return shown{s.Total.Value.Round(s.Total.Decimals), true, s.Total.Text(), s.Total.Src, "total"}
		}
		return shown{}
	}
	if s.Index.Known() {
		return shown{s.Index.Value.Round(s.Index.Decimals), true, s.Index.Text(), s.Index.Src, "index"}
	}
	if s.Total.Known() && e.r.Max > 0 {
		v := par.Ratio{Num: s.Total.Value, Den: e.r.Max}.Percent().Round(fw.Decimals)
		return shown{v, true, s.Total.Text(), s.Total.Src, "total"}
	}
	return shown{}
}

// rankConflict is why a published rank is out of line: the row it
// conflicts with, and the rank the values give.
type rankConflict struct {
	with *entry
	rule string
}

// annexRanks checks published ranks against published values, within each
// scope (the group, or a parent's units when ranks restart under each
// heading). Equal values at the published precision may hold different
// ranks (a publisher ranks at full precision), but a higher value never
// ranks below a lower one and a shared rank needs equal values. The rows
// out of line are the fewest whose removal leaves the rest consistent
// (the longest consistent chain), so one wrong rank is one error, not a
// shift of every rank below it.
func (x *run) annexRanks(pubs []*entry, scored int, fw *par.Framework) map[*entry]rankConflict {
	type rrow struct {
		e *entry
		r int
		v shown
	}
	scopes := map[string][]rrow{}
	var keys []string
	for _, e := range pubs {
		if e.sum.Rank.N <= 0 || e.pubDiffers {
			continue
		}
		v := pubValue(e, fw)
		if !v.ok {
			continue
		}
		k := ""
		if e.sum.RankWithin {
			k = "parent:" + e.sum.Parent
		}
		if _, ok := scopes[k]; !ok {
			keys = append(keys, k)
		}
		scopes[k] = append(scopes[k], rrow{e, e.sum.Rank.N, v})
	}
	bad := map[*entry]rankConflict{}
	for _, k := range keys {
		ranked := scored // the annex numbers every scored unit of the group
		if k != "" {
			ranked = len(scopes[k]) // within a parent: its rows are all there is
		}
		rows := scopes[k]
		slices.SortStableFunc(rows, func(a, b rrow) int { return cmp.Or(cmp.Compare(a.r, b.r), cmp.Compare(b.v.v, a.v.v)) })
		fits := func(a, b rrow) bool { // a before b in rank order
			if a.r == b.r {
				return a.v.v == b.v.v
			}
			return a.v.v >= b.v.v
		}
		n := len(rows)
		best, prev := make([]int, n), make([]int, n)
		end := -1
		for j := range rows {
			best[j], prev[j] = 1, -1
			for i := 0; i < j; i++ {
				if fits(rows[i], rows[j]) && best[i]+1 > best[j] {
					best[j], prev[j] = best[i]+1, i
				}
			}
			if end < 0 || best[j] > best[end] {
				end = j
			}
		}
		in := make([]bool, n)
		for j := end; j >= 0; j = prev[j] {
			in[j] = true
		}
		outliers := 0
		for j, rw := range rows {
			if in[j] {
				continue
			}
			outliers++
			// The row of the chain it conflicts with, nearest in rank.
			var with *rrow
			for i := range rows {
				if !in[i] {
					continue
				}
				a, b := rows[i], rw
				if i > j {
					a, b = rw, rows[i]
				}
				if !fits(a, b) && (with == nil || abs(rows[i].r-rw.r) < abs(with.r-rw.r)) {
					with = &rows[i]
				}
			}
			higher := 0
			for i := range rows {
				if in[i] && rows[i].v.v > rw.v.v {
					higher++
				}
			}
			c := rankConflict{rule: strconv.Itoa(higher + 1)}
			if with != nil {
				c.with = with.e
			}
			bad[rw.e] = c
		}
		if outliers == 0 && len(rows) == ranked {
			ordered := make([]*entry, len(rows))
			for i, rw := range rows {
				ordered[i] = rw.e
			}
			x.checkNumbering(ordered, fw)
		}
	}
	return bad
}

// checkNumbering checks that the published ranks of rows, in rank order,
// follow the tie rule: competition (1, 2, 2, 4) or dense (1, 2, 2, 3). One
// error per scope, at the first rank out of step.
func (x *run) checkNumbering(rows []*entry, fw *par.Framework) {
	rule := "competition"
	if fw.Dense() {
		rule = "dense"
	}
	prev := 0
	for k, e := range rows {
		r, want := e.sum.Rank.N, k+1
		if fw.Dense() {
			want = prev + 1
		}
		if r != prev && r != want {
			e.rankBad = true
			x.dl.Contradictf(e.sum.Rank.Src, diag.Fact{Kind: "rank-numbering", Published: strconv.Itoa(r), Rule: strconv.Itoa(want)},
				"published rank %d follows rank %d: under %s ranking (framework %s) it would be %d", r, prev, rule, fw.ID, want)
			return
		}
		prev = r
	}
}

func plural(what string) string {
	if what == "index" {
		return "indices"
	}
	return what + "s"
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// reportRank reports a published rank out of line with the published
// values.
func (x *run) reportRank(e *entry, rc rankConflict, fw *par.Framework) {
	v := pubValue(e, fw)
	s := e.sum
	fact := diag.Fact{Kind: "rank", Published: strconv.Itoa(s.Rank.N), Rule: rc.rule}
	if rc.with == nil {
		x.dl.Contradictf(s.Rank.Src, fact, "published rank %d of %s contradicts the published %s: with %s %s it would rank %s", s.Rank.N, e.r.Name, plural(v.what), v.what, v.text, rc.rule)
		return
	}
	w := pubValue(rc.with, fw)
	fact.Other = w.src
	var rel string
	switch {
	case s.Rank.N == rc.with.sum.Rank.N:
		rel = fmt.Sprintf("shares rank %d with %s, whose %s is %s (%s)", s.Rank.N, rc.with.r.Name, w.what, w.text, w.src.Cell)
	case s.Rank.N > rc.with.sum.Rank.N:
		rel = fmt.Sprintf("is ranked below %s (rank %d) with a higher %s than its %s (%s)", rc.with.r.Name, rc.with.sum.Rank.N, v.what, w.text, w.src.Cell)
	default:
		rel = fmt.Sprintf("is ranked above %s (rank %d) with a lower %s than its %s (%s)", rc.with.r.Name, rc.with.sum.Rank.N, v.what, w.text, w.src.Cell)
	}
	x.dl.Contradictf(s.Rank.Src, fact, "published rank %d of %s (%s %s) contradicts the published %s: it %s; by the %s it would rank %s",
		s.Rank.N, e.r.Name, v.what, v.text, plural(v.what), rel, plural(v.what), rc.rule)
}

// bandContradicts reports a published band that is not the one its
// published figure gives under the framework's thresholds and special
// rules (or that names no band of the framework).
func (x *run) bandContradicts(e *entry, fw *par.Framework) bool {
	b := e.sum.Band
	if !hasBand(b) || len(fw.Bands) == 0 {
		return false
	}
	if notClassified(b.Name) {
		// "Không xếp loại" published: a contradiction only if the rules
		// classify the unit.
		return !fw.PublishedBands && e.r.Scored && e.compBand.ID != ""
	}
	if b.ID == "" {
		for _, fb := range fw.Bands {
			if viet.Key(fb.Name) == viet.Key(b.Name) {
				b.ID = fb.ID
			}
		}
	}
	if b.ID == "" {
		var names []string
		for _, fb := range fw.Bands {
			names = append(names, fb.Name)
		}
		x.dl.Contradictf(b.Src, diag.Fact{Kind: "band-unknown", Published: b.Name, Rule: strings.Join(names, ", ")},
			"published band %q of %s is not a band of framework %s (%s)", b.Name, e.r.Name, fw.ID, strings.Join(names, ", "))
		return false
	}
	if fw.PublishedBands || !e.r.Scored {
		return false
	}
	return b.ID != e.compBand.ID
}

// notClassified reports a band cell that says the unit was not
// classified.
func notClassified(name string) bool {
	k := viet.Key(name)
	return viet.KeyStartsWith(k, "khong xep loai", "chua xep loai", "khong phan loai", "chua phan loai")
}

// reportBand reports a published band its figure does not give.
func (x *run) reportBand(e *entry, fw *par.Framework) {
	b, v := e.sum.Band, pubValue(e, fw)
	if !v.ok {
		v = shown{text: e.r.Index.Text(), src: e.r.Index.Src, what: "index"}
	}
	why := ""
	switch {
	case !e.compBand.Note.IsZero():
		why = " (" + e.compBand.Note.String() + ")"
	case e.compBand.ID != "":
		if fb := fw.Bands[fw.BandIndex(e.compBand.ID)]; fb.ID != "" {
			why = fmt.Sprintf(" (from %s)", fb.Min)
		}
	}
	x.dl.Contradictf(b.Src, diag.Fact{Kind: "band", Other: v.src, Published: b.Name, Rule: bandName(e.compBand)},
		"published band %s of %s contradicts its %s %s (%s): framework %s gives %s%s", b.Name, e.r.Name, v.what, v.text, v.src.Cell, fw.ID, bandName(e.compBand), why)
}

// checkRange reports published figures beyond their maxima: an index over
// 100, a total over the framework's maximum (with its bonus), an area's
// points over the area's maximum.
func (x *run) checkRange(e *entry, fw *par.Framework) {
	s := e.sum
	if s.Index.Known() && s.Index.Value > par.FromInt(100) {
		x.dl.Contradictf(s.Index.Src, diag.Fact{Kind: "range", Published: s.Index.Text(), Rule: "100"},
			"published index %s of %s is above 100%%: an index is a share of the maximum", s.Index.Text(), e.r.Name)
		e.rankBad = true
	}
	if top := fw.Max() + fw.BonusMax(); s.Total.Known() && s.Total.Value > top {
		x.dl.Contradictf(s.Total.Src, diag.Fact{Kind: "range", Published: s.Total.Text(), Rule: top.String()},
			"published total %s of %s exceeds the maximum %s of framework %s", s.Total.Text(), e.r.Name, top, fw.ID)
		e.rankBad = true
	}
	for _, a := range fw.Areas {
		if f, ok := s.Areas[a.Code]; ok && f.Value > a.Max {
			x.dl.Contradictf(f.Src, diag.Fact{Kind: "range", Published: f.Text(), Rule: a.Max.String()},
				"published points %s of area %s for %s exceed the area's maximum %s", f.Text(), a.Code, e.r.Name, a.Max)
		}
	}
}

// checkComponents compares a published total with its published
// components when the annex prints all of them: the points of every
// scoring method the framework uses (appraised, survey, satisfaction), or
// of every area, plus bonus, minus penalty. Each component is rounded on
// its own, so each may add half a unit of error.
func (x *run) checkComponents(e *entry, fw *par.Framework) {
	s := e.sum
	if !s.Total.Known() || e.pubDiffers {
		return
	}
	extrasOK := (len(fw.Bonus) == 0 || s.Bonus.Known()) && (len(fw.Penalty) == 0 || s.Penalty.Known())
	if !extrasOK {
		return
	}
	uses := map[par.Method]bool{}
	for _, l := range fw.Leaves() {
		uses[l.Method] = true
	}
	type part struct {
		name string
		f    par.Figure
	}
	try := func(parts []part, what string) bool {
		var sum par.Points
		var names []string
		for _, p := range parts {
			if !p.f.Known() {
				return false
			}
			sum += p.f.Value
			names = append(names, p.name+" "+p.f.Text())
		}
		if s.Bonus.Known() {
			sum += s.Bonus.Value
			names = append(names, "bonus "+s.Bonus.Text())
		}
		minus := ""
		if s.Penalty.Known() {
			sum -= s.Penalty.Value
			minus = " − penalty " + s.Penalty.Text()
		}
		if len(names) < 2 && minus == "" {
			return false // a single component is the total itself
		}
		// As in compare: each component is rounded on its own.
		n := len(names)
		if minus != "" {
			n++
		}
		tol := halfUnit(s.Total.Decimals) + par.Points(n)*componentSlack
		if !within(s.Total.Value, sum, tol) {
			x.dl.Contradictf(s.Total.Src, diag.Fact{Kind: "components", Other: parts[0].f.Src, Published: s.Total.Text(), Rule: sum.Format(s.Total.Decimals)},
				"published total %s of %s differs from its published %s %s (%s)", s.Total.Text(), e.r.Name, what, sum.Format(s.Total.Decimals), strings.Join(names, " + ")+minus)
		}
		return true
	}
	var byMethod []part
	methodsKnown := true
	for _, m := range par.Methods {
		if !uses[m] {
			continue
		}
		f := map[par.Method]par.Figure{par.MethodSelf: s.Appraised, par.MethodSurvey: s.Survey, par.MethodSatisfaction: s.Satisfaction}[m]
		name := map[par.Method]string{par.MethodSelf: "appraised", par.MethodSurvey: "survey", par.MethodSatisfaction: "satisfaction"}[m]
		byMethod = append(byMethod, part{name, f})
		methodsKnown = methodsKnown && f.Known()
	}
	if methodsKnown && try(byMethod, "components") {
		return
	}
	if len(s.Areas) == len(fw.Areas) {
		var byArea []part
		for _, a := range fw.Areas {
			byArea = append(byArea, part{"area " + a.Code, s.Areas[a.Code]})
		}
		try(byArea, "areas")
	}
}
