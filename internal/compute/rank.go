package compute

import (
	"cmp"
	"slices"

	"parindex/internal/par"
)

// rank orders a ranking and gives ranks (rule "ranks at full precision"). Scored units are ranked
// high to low on Exact, the framework's basis at full precision, so two
// units equal at two decimals are not tied. Equal values share a rank and
// the next rank skips (competition ranking: 1, 2, 2, 4). Units with equal
// values are listed in Vietnamese alphabetical order of their names, then
// by id. A published rank is shown where the annex gives one. Unscored units
// are never ranked: they come last, in name order. A group marked unranked
// gets no ranks at all and is listed in name order.
func (x *run) rank(rk *ranking) {
	var scored, unscored []*entry
	for _, e := range rk.entries {
		if e.r.Scored && e.r.Exact.Valid() {
			scored = append(scored, e)
		} else {
			e.r.Scored = false
			unscored = append(unscored, e)
		}
	}
	byName := func(a, b *entry) int {
		return cmp.Or(x.coll.Compare(a.r.Name, b.r.Name), cmp.Compare(a.r.Unit.ID, b.r.Unit.ID))
	}
	slices.SortFunc(unscored, byName)

	if rk.r.Group.Unranked {
		slices.SortFunc(scored, byName)
		for _, e := range scored {
			if e.sum != nil && e.sum.Rank.N > 0 {
				x.dl.Warnf(at(e.sum.Rank.Src, e.sum.Src), "group %q is not ranked; the published rank %d is not shown", rk.r.Group.ID, e.sum.Rank.N)
			}
		}
	} else {
		slices.SortFunc(scored, func(a, b *entry) int {
			return cmp.Or(b.r.Exact.Cmp(a.r.Exact), byName(a, b))
		})
		for i, e := range scored {
			e.compRank = i + 1
			if i > 0 && e.r.Exact.Cmp(scored[i-1].r.Exact) == 0 {
				e.compRank = scored[i-1].compRank
			}
			// A rank published within a parent's units (communes ranked
			// under each district) is not a place in the group.
			if e.sum != nil && e.pub && e.sum.Rank.N > 0 && !e.sum.RankWithin {
				e.r.Rank = e.sum.Rank
				if e.r.Rank.Origin == par.Missing {
					e.r.Rank.Origin = par.Published
				}
			} else {
				e.r.Rank = par.Rank{N: e.compRank, Origin: par.Computed}
			}
		}
		// Shown ranks may be published ones: list by the rank shown. The
		// sort is stable, so equal ranks keep value and name order.
		slices.SortStableFunc(scored, func(a, b *entry) int { return cmp.Compare(a.r.Rank.N, b.r.Rank.N) })
	}

	rk.entries = append(scored, unscored...)
	rk.r.Results = make([]*par.Result, len(rk.entries))
	for i, e := range rk.entries {
		rk.r.Results[i] = e.r
	}
}
