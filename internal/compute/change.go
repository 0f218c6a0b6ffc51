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
	at := func(id string, year int) *par.Result {
		for _, r := range res.ByUnit[id] {
			if r.Year == year {
				return r
			}
		}
		return nil
	}
	// Registry.Predecessors scans the registry; index it once for large
	// inputs.
	preds := map[string][]*par.Unit{}
	for _, u := range x.reg.Units {
		for _, e := range u.Events {
			if e.Kind == par.EventMergedInto && len(e.Units) > 0 {
				preds[e.Units[0]] = append(preds[e.Units[0]], u)
			}
		}
	}
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
		own := map[*par.Result]bool{} // previous results compared with their own unit
		for _, r := range rk.Results {
			y := r.Year - 1
			prev, via := at(r.Unit.ID, y), ""
			if prev == nil {
				var cands []*par.Result
				for _, p := range preds[r.Unit.ID] {
					if pr := at(p.ID, y); pr != nil && pr.Scored && pr.Group == r.Group {
						cands = append(cands, pr)
					}
				}
				if len(cands) == 1 {
					prev, via = cands[0], cands[0].Unit.ID
				}
			}
			if prev == nil || !prev.Scored {
				continue
			}
			ch := &par.Change{
				Year:       y,
				Comparable: prev.Framework != nil && r.Framework != nil && prev.Framework.ID == r.Framework.ID,
				Via:        via,
			}
			// A rank in another group is no place in this one.
			if prev.Group == r.Group && prev.Rank.N > 0 {
				ch.PrevRank = prev.Rank.N
				ch.PrevOf, ch.Of = ranked[gy{r.Group, y}], ranked[gy{r.Group, r.Year}]
				if r.Rank.N > 0 {
					pairs = append(pairs, rankPair{cur: r, prev: prev})
					if via == "" {
						own[prev] = true
					}
				}
			}
			if r.Scored && r.Index.Known() && prev.Index.Known() {
				// The difference of the figures as shown, so the page's
				// arithmetic checks out.
				ch.Index = r.Index.Value.Round(r.Index.Decimals) - prev.Index.Value.Round(prev.Index.Decimals)
				ch.HasIndex = true
			}
			r.Prev = ch
		}
		// A previous result both continued by its own unit and claimed as
		// a predecessor counts once, for its own unit.
		pairs = slices.DeleteFunc(pairs, func(p rankPair) bool {
			if p.cur.Prev.Via != "" && own[p.prev] {
				p.cur.Prev.PrevRank, p.cur.Prev.PrevOf, p.cur.Prev.Of = 0, 0, 0
				return true
			}
			return false
		})
		commonRanks(pairs)
	}
}

// rankPair is a result ranked in both years: this year's and the one it
// is compared with.
type rankPair struct{ cur, prev *par.Result }

// commonRanks sets each pair's change of rank counted among the pairs
// only: a pair's place in a year is 1 + the number of pairs ranked
// strictly above it that year, so ties stay ties.
func commonRanks(pairs []rankPair) {
	place := func(rank func(rankPair) int) map[*par.Result]int {
		ns := make([]int, len(pairs))
		for i, p := range pairs {
			ns[i] = rank(p)
		}
		slices.Sort(ns)
		out := make(map[*par.Result]int, len(pairs))
		for _, p := range pairs {
			n := rank(p)
			i, _ := slices.BinarySearch(ns, n) // first of equals: 0-based count of those above
			out[p.cur] = i + 1
		}
		return out
	}
	cur := place(func(p rankPair) int { return p.cur.Rank.N })
	prev := place(func(p rankPair) int { return p.prev.Rank.N })
	for _, p := range pairs {
		ch := p.cur.Prev
		ch.HasRank = true
		ch.Common = len(pairs)
		ch.Rank = prev[p.cur] - cur[p.cur]
	}
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
