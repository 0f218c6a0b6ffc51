package compute

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
)

// overlay puts a summary annex row's published figures on a result (rule "published figures win":
// where an annex publishes a figure, the site shows the published figure).
// A row with neither total nor index means the unit was not scored.
func (x *run) overlay(e *entry, fw *par.Framework) {
	s, r := e.sum, e.r
	e.pub = s.Total.Known() || s.Index.Known()
	sheetScored := e.calc != nil && e.calc.scored
	if !e.pub {
		if sheetScored {
			x.dl.Errorf(s.Src, "the annex gives %s no total or index, but %s scores it %s", r.Name, e.calc.src, r.Total.Text())
		} else if s.Rank.N > 0 {
			x.dl.Warnf(at(s.Rank.Src, s.Src), "published rank %d for %s, which has no total or index; it is not ranked", s.Rank.N, r.Name)
		}
		return
	}
	r.Scored = true
	pub := func(dst *par.Figure, f par.Figure) {
		if f.Known() {
			*dst = f
		}
	}
	pub(&r.Total, s.Total)
	pub(&r.Appraised, s.Appraised)
	pub(&r.Survey, s.Survey)
	pub(&r.Satisfaction, s.Satisfaction)

	switch {
	case s.Index.Known():
		r.Index = s.Index
	case !sheetScored:
		// Index not published, total published, no detail sheet: the
		// index is the total over the framework's maximum (no information
		// on not-applicable criteria exists).
		r.Index = par.Comp(par.Ratio{Num: s.Total.Value, Den: r.Max}.Percent(), fw.Decimals, at(s.Total.Src, s.Src))
	}
	if !sheetScored {
		r.Exact = annexExact(fw, s, r.Max)
	}

	if len(s.Areas) > 0 || r.Areas == nil {
		if r.Areas == nil {
			// Annex only: the areas are known by name; their applicable
			// maximum is not (0), their points only where published.
			for _, a := range fw.Areas {
				r.Areas = append(r.Areas, par.AreaResult{Code: a.Code, Title: a.Title})
			}
		}
		codes := make([]string, 0, len(s.Areas))
		for c := range s.Areas {
			codes = append(codes, c)
		}
		slices.Sort(codes)
		for _, code := range codes {
			f := s.Areas[code]
			i := slices.IndexFunc(r.Areas, func(a par.AreaResult) bool { return a.Code == code })
			if i < 0 {
				x.dl.Errorf(at(f.Src, s.Src), "area %q is not in framework %s", code, fw.ID)
				continue
			}
			pub(&r.Areas[i].Points, f)
		}
	}
}

// annexExact is the ranking value of a unit known only from an annex (rule
// 5): the published index, else the published total over the framework's
// maximum; for the points basis, the total, else the total the index
// implies. Every branch is an exact fraction on the same scale as exact().
func annexExact(fw *par.Framework, s *par.Summary, maxV par.Points) par.Ratio {
	if fw.Basis == par.BasisPoints {
		if s.Total.Known() {
			return par.Ratio{Num: s.Total.Value, Den: par.Scale}
		}
		// total = index/100 × max, kept as a fraction of Points²:
		// (index·max) / (100·Scale·Scale) points.
		return par.Ratio{Num: s.Index.Value * maxV, Den: 100 * par.Scale * par.Scale}
	}
	if s.Index.Known() {
		return par.Ratio{Num: s.Index.Value, Den: par.FromInt(100)}
	}
	return par.Ratio{Num: s.Total.Value, Den: maxV}
}

// componentSlack is how far a total may be off the sum of its published
// components, per component: each is rounded on its own (the national 2020
// table is 0.01 off in three rows).
const componentSlack = par.Points(par.Scale / 100)

// check is one published figure to compare with its computed counterpart.
type check struct {
	what  string
	pub   par.Figure
	comp  par.Points
	known bool
	tol   par.Points
}

// compare reports every published figure of a summary row that differs
// beyond rounding from what the unit's detail sheet gives (rule "published figures are checked"). The
// diagnostic sits at the published cell and names the sheet.
//
// Tolerance: half a unit of the published figure's last decimal (0.005 for
// two decimals); a total gets 0.01 more per published component summed
// into it, since annexes round each component independently (the national
// 2020 table is 0.01 off in three rows).
func (x *run) compare(e *entry, fw *par.Framework) {
	s, c := e.sum, e.calc
	if !e.pub {
		return // reported by overlay
	}
	k := 0
	for _, f := range []par.Figure{s.Appraised, s.Survey, s.Satisfaction} {
		if f.Known() {
			k++
		}
	}
	checks := []check{
		{"total", s.Total, c.total, true, halfUnit(s.Total.Decimals) + par.Points(k)*componentSlack},
		{"appraised points", s.Appraised, c.comp[0], c.compKnown[0], halfUnit(s.Appraised.Decimals)},
		{"survey points", s.Survey, c.comp[1], c.compKnown[1], halfUnit(s.Survey.Decimals)},
		{"satisfaction points", s.Satisfaction, c.comp[2], c.compKnown[2], halfUnit(s.Satisfaction.Decimals)},
		{"index", s.Index, par.Ratio{Num: c.total, Den: c.max}.Percent(), true, halfUnit(s.Index.Decimals)},
	}
	for _, nr := range c.tree {
		f, ok := s.Areas[nr.Node.Code]
		if !ok {
			continue
		}
		checks = append(checks, check{"points of area " + nr.Node.Code, f, nr.Appraised.Value, nr.Appraised.Known(), halfUnit(f.Decimals)})
	}
	// One row that does not match its sheet is one fault: one error at the
	// first differing cell, naming every figure that differs.
	var first *check
	var diffs []string
	for i := range checks {
		ch := &checks[i]
		if !ch.pub.Known() {
			continue
		}
		switch {
		case !ch.known:
			x.dl.Warnf(at(ch.pub.Src, s.Src), "published %s %s cannot be checked: %s has no such points", ch.what, ch.pub.Text(), c.src)
		case !within(ch.pub.Value, ch.comp, ch.tol):
			if first == nil {
				first = ch
			}
			diffs = append(diffs, fmt.Sprintf("%s %s at %s (sheet: %s)", ch.what, ch.pub.Text(), ch.pub.Src.Cell, ch.comp.Format(ch.pub.Decimals)))
			if ch.what == "total" || ch.what == "index" {
				e.pubDiffers = true
			}
		}
	}
	if first == nil {
		return
	}
	msg := fmt.Sprintf("published %s %s differs from %s computed from %s", first.what, first.pub.Text(), first.comp.Format(first.pub.Decimals), c.src)
	if len(diffs) > 1 {
		msg += "; so do its " + strings.Join(diffs[1:], ", ")
	}
	x.dl.Contradictf(at(first.pub.Src, s.Src), diag.Fact{Kind: "published-computed", Other: c.src, Published: first.pub.Text(), Rule: first.comp.Format(first.pub.Decimals)}, "%s", msg)
}

// checkRanksAndBands compares published ranks with the ranks computed
// from the detail sheets (rule "published figures are checked"). Ranks are
// compared only when every scored unit of the ranking has a detail sheet:
// a rank computed partly from rounded annex figures cannot contradict a
// publisher who ranked at full precision. A row the annex checks already
// found out of line is not reported twice. Bands are checked by
// annexChecks, against the figure shown.
func (x *run) checkRanksAndBands() {
	for _, rk := range x.order {
		allDetail := true
		for _, e := range rk.entries {
			if e.r.Scored && (e.calc == nil || !e.calc.scored) {
				allDetail = false
			}
		}
		for _, e := range rk.entries {
			if e.sum == nil || !e.pub || e.calc == nil || !e.calc.scored || e.rankBad || e.pubDiffers {
				continue
			}
			s := e.sum
			if s.Rank.N > 0 && !s.RankWithin && allDetail && !rk.r.Group.Unranked && s.Rank.N != e.compRank {
				x.dl.Contradictf(at(s.Rank.Src, s.Src), diag.Fact{Kind: "rank-computed", Other: e.calc.src, Published: strconv.Itoa(s.Rank.N), Rule: strconv.Itoa(e.compRank)},
					"published rank %d differs from rank %d computed from %s", s.Rank.N, e.compRank, e.calc.src)
			}
		}
	}
}

func hasBand(b par.BandMark) bool { return b.ID != "" || b.Name != "" }

func sameBand(pub, comp par.BandMark) bool {
	if pub.ID != "" {
		return pub.ID == comp.ID
	}
	return pub.Name == comp.Name
}

func bandName(b par.BandMark) string {
	switch {
	case b.Name != "":
		return b.Name
	case b.ID != "":
		return b.ID
	}
	return "(no band)"
}
