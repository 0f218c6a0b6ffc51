package compute

import (
	"slices"

	"parindex/internal/par"
)

// changes compares every result with the previous year (rule "year-on-year change"). The
// previous result is the unit's own in year−1 if it was scored then. A unit
// with no result at all in year−1 that was formed by merger is compared
// with its predecessor, but only if exactly one predecessor was scored in
// year−1 in the same group: a change against one of several merged units
// would mislead. A gap of more than a year gives no change.
//
// The change of rank counts only the units ranked in the group in both
// years: a unit that entered or left the ranking (created, merged, not
// scored) would otherwise move everyone below it without any of them
// doing better or worse. The group's size in both years is kept so the
// page can state a change of size ("5/20 → 5/14").
func (x *run) changes(res *par.Results) {
	l := newLineage(x.reg, res)
	type gy struct {
		group string
		year  int
	}
	ranked := map[gy]int{}
	for _, rk := range res.Rankings {
		for _, r := range rk.Results {
			if r.Rank.N > 0 {
				ranked[gy{rk.Group.ID, rk.Year}]++
			}
		}
	}
	for _, rk := range res.Rankings {
		var pairs []rankPair
		for _, r := range rk.Results {
			y := r.Year - 1
			prev, via := l.previous(r, y)
			if prev == nil || !prev.Scored {
				continue
			}
			ch := &par.Change{
				Year:       y,
				Comparable: sameFramework(prev, r),
				Via:        via,
			}
			// A rank in another group is no place in this one.
			if prev.Group == r.Group && prev.Rank.N > 0 {
				ch.PrevRank = prev.Rank.N
				ch.PrevOf, ch.Of = ranked[gy{r.Group, y}], ranked[gy{r.Group, r.Year}]
				if r.Rank.N > 0 {
					pairs = append(pairs, rankPair{cur: r, prev: prev, via: via})
				}
			}
			if d, ok := indexChange(prev, r); ok {
				ch.Index, ch.HasIndex = d, true
			}
			r.Prev = ch
		}
		kept, dropped := countOnce(pairs)
		for _, p := range dropped {
			p.cur.Prev.PrevRank, p.cur.Prev.PrevOf, p.cur.Prev.Of = 0, 0, 0
		}
		for i, d := range commonRanks(kept) {
			ch := kept[i].cur.Prev
			ch.HasRank = true
			ch.Common = len(kept)
			ch.Rank = d
		}
	}
}

// lineage finds the result a unit's result is compared with in another
// year (rule "year-on-year change"), for the changes since the previous
// year and for the comparison of any two years alike.
type lineage struct {
	res   *par.Results
	preds map[string][]*par.Unit // successor id → units merged into it, in registry order
}

func newLineage(reg *par.Registry, res *par.Results) *lineage {
	// Registry.Predecessors scans the registry; index it once for large
	// inputs.
	l := &lineage{res: res, preds: map[string][]*par.Unit{}}
	for _, u := range reg.Units {
		for _, e := range u.Events {
			if e.Kind == par.EventMergedInto && len(e.Units) > 0 {
				l.preds[e.Units[0]] = append(l.preds[e.Units[0]], u)
			}
		}
	}
	return l
}

// at is unit id's result of year, or nil.
func (l *lineage) at(id string, year int) *par.Result {
	for _, r := range l.res.ByUnit[id] {
		if r.Year == year {
			return r
		}
	}
	return nil
}

// previous is the result r is compared with in year y: the unit's own
// result of y (scored or not); when it has none at all, the result of its
// single predecessor scored in y in the same group, whose id is via. A
// change against one of several merged units would mislead, and
// predecessors' results are never added together: with several, there is
// none. nil when there is nothing to compare with.
func (l *lineage) previous(r *par.Result, y int) (prev *par.Result, via string) {
	if prev := l.at(r.Unit.ID, y); prev != nil {
		return prev, ""
	}
	var cands []*par.Result
	for _, p := range l.preds[r.Unit.ID] {
		if pr := l.at(p.ID, y); pr != nil && pr.Scored && pr.Group == r.Group {
			cands = append(cands, pr)
		}
	}
	if len(cands) == 1 {
		return cands[0], cands[0].Unit.ID
	}
	return nil, ""
}

// scoredPredecessors counts r's predecessors scored in year y in its
// group: more than one is why it is compared with none.
func (l *lineage) scoredPredecessors(r *par.Result, y int) []string {
	var ids []string
	for _, p := range l.preds[r.Unit.ID] {
		if pr := l.at(p.ID, y); pr != nil && pr.Scored && pr.Group == r.Group {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// sameFramework: points and bands of the two results compare.
func sameFramework(a, b *par.Result) bool {
	return a.Framework != nil && b.Framework != nil && a.Framework.ID == b.Framework.ID
}

// indexChange is cur's index less prev's, as shown (each rounded to its
// published precision), so the page's arithmetic checks out; ok is false
// when either is not scored or has no index. Missing is never zero.
func indexChange(prev, cur *par.Result) (par.Points, bool) {
	if !prev.Scored || !cur.Scored || !cur.Index.Known() || !prev.Index.Known() {
		return 0, false
	}
	return cur.Index.Value.Round(cur.Index.Decimals) - prev.Index.Value.Round(prev.Index.Decimals), true
}

// rankPair is a result ranked in both years: the later year's, the one
// it is compared with, and the predecessor that one belongs to, if any.
type rankPair struct {
	cur, prev *par.Result
	via       string
}

// countOnce drops the pairs whose earlier result is a predecessor's that
// its own unit continues too: a result both continued by its own unit and
// claimed as a predecessor counts once, for its own unit.
func countOnce(pairs []rankPair) (kept, dropped []rankPair) {
	own := map[*par.Result]bool{}
	for _, p := range pairs {
		if p.via == "" {
			own[p.prev] = true
		}
	}
	for _, p := range pairs {
		if p.via != "" && own[p.prev] {
			dropped = append(dropped, p)
		} else {
			kept = append(kept, p)
		}
	}
	return kept, dropped
}

// commonRanks gives each pair's change of rank counted among the pairs
// only: a pair's place in a year is 1 + the number of pairs ranked
// strictly above it that year, so ties stay ties; the change is places
// moved up (negative: down).
func commonRanks(pairs []rankPair) []int {
	place := func(rank func(rankPair) int) []int {
		ns := make([]int, len(pairs))
		for i, p := range pairs {
			ns[i] = rank(p)
		}
		slices.Sort(ns)
		out := make([]int, len(pairs))
		for i, p := range pairs {
			j, _ := slices.BinarySearch(ns, rank(p)) // first of equals: 0-based count of those above
			out[i] = j + 1
		}
		return out
	}
	cur := place(func(p rankPair) int { return p.cur.Rank.N })
	prev := place(func(p rankPair) int { return p.prev.Rank.N })
	out := make([]int, len(pairs))
	for i := range pairs {
		out[i] = prev[i] - cur[i]
	}
	return out
}

// decision finds the publication decision of a ranking (rule "the decision of a ranking"): a
// decision document of the results year that lists the group, or lists no
// groups (it covers all). One that names the group is preferred; among
// equals the earliest by date, then path.
func (x *run) decision(year int, group string) *par.Doc {
	var best *par.Doc
	bestNamed := false
	for _, d := range x.ds.Docs {
		if d.Kind != par.DocDecision || d.Year != year {
			continue
		}
		named := slices.Contains(d.Groups, group)
		if !named && len(d.Groups) > 0 {
			continue
		}
		if best == nil || (named && !bestNamed) ||
			(named == bestNamed && (d.Date.Before(best.Date) || (d.Date == best.Date && d.Path < best.Path))) {
			best, bestNamed = d, named
		}
	}
	return best
}

// areaStats gives per area of the framework the mean and best percent of
// the applicable area maximum over the scored units with known area points
// (rule "area profiles"). Annex-only units have no applicable maximum; the framework's
// area maximum stands in for it.
func areaStats(rk *ranking) []par.AreaStat {
	var out []par.AreaStat
	for _, a := range rk.fw.Areas {
		st := par.AreaStat{Code: a.Code, Title: a.Title, Max: a.Max}
		var sum par.Points
		for _, r := range rk.r.Results {
			if !r.Scored {
				continue
			}
			i := slices.IndexFunc(r.Areas, func(ar par.AreaResult) bool { return ar.Code == a.Code })
			if i < 0 || !r.Areas[i].Points.Known() {
				continue
			}
			m := r.Areas[i].Max
			if m == 0 && !r.Detail {
				m = a.Max
			}
			if m <= 0 {
				continue // every criterion of the area is not applicable
			}
			pct := par.Ratio{Num: r.Areas[i].Points.Value, Den: m}.Percent()
			if st.N == 0 || pct > st.Best {
				st.Best = pct
			}
			sum += pct
			st.N++
		}
		if st.N > 0 {
			// Mean rounded half away from zero to Points precision (6 decimals).
			st.Avg = roundDiv(sum, par.Points(st.N))
		}
		out = append(out, st)
	}
	return out
}

// roundDiv is a/b rounded half away from zero, b > 0.
func roundDiv(a, b par.Points) par.Points {
	neg := a < 0
	if neg {
		a = -a
	}
	q := (a + b/2) / b
	if neg {
		return -q
	}
	return q
}
