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
		dense := rk.fw != nil && rk.fw.Dense()
		for i, e := range scored {
			// Rule "ranks at full precision": equal values share a rank;
			// the framework's ties say what follows (1, 2, 2, 4 or 1, 2, 2, 3).
			switch {
			case i == 0:
				e.compRank = 1
			case e.r.Exact.Cmp(scored[i-1].r.Exact) == 0:
				e.compRank = scored[i-1].compRank
			case dense:
				e.compRank = scored[i-1].compRank + 1
			default:
				e.compRank = i + 1
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
	x.parentRanks(rk)
	rk.r.Results = make([]*par.Result, len(rk.entries))
	for i, e := range rk.entries {
		rk.r.Results[i] = e.r
	}
}

// parentRanks ranks the units of a group whose units have parents (communes
// under districts) among the units of their own parent ranked that year
// (rule "ranks within the parent"): the same order as the group's ranking
// (value at full precision, ties in name order) and the framework's tie
// rule. A rank the annex published within the parent (ranks restarting
// under each district) is shown as published. The registry keeps one
// parent per unit, not its history, so the current parent counts for
// every year; a unit's parent never changes in the registry's model
// (a reform creates new units instead).
func (x *run) parentRanks(rk *ranking) {
	if rk.r.Group.ParentGroup == "" || rk.r.Group.Unranked {
		return
	}
	byParent := map[string][]*entry{}
	var parents []string
	for _, e := range rk.entries {
		p := e.r.Unit.Parent
		if p == "" || e.r.Rank.N <= 0 {
			continue
		}
		if byParent[p] == nil {
			parents = append(parents, p)
		}
		byParent[p] = append(byParent[p], e)
	}
	dense := rk.fw != nil && rk.fw.Dense()
	for _, p := range parents {
		es := slices.Clone(byParent[p])
		// rk.entries lists by the rank shown, which may be a published
		// one; within the parent the order is the value's, as in the
		// computed ranking, ties in name order.
		slices.SortStableFunc(es, func(a, b *entry) int { return b.r.Exact.Cmp(a.r.Exact) })
		n := 0
		for i, e := range es {
			switch {
			case i == 0:
				n = 1
			case e.r.Exact.Cmp(es[i-1].r.Exact) == 0:
				// n stays: equal values share the rank
			case dense:
				n++
			default:
				n = i + 1
			}
			e.r.ParentRank = par.Rank{N: n, Origin: par.Computed}
			if e.sum != nil && e.pub && e.sum.RankWithin && e.sum.Rank.N > 0 && e.sum.Parent == p {
				e.r.ParentRank = e.sum.Rank
				if e.r.ParentRank.Origin == par.Missing {
					e.r.ParentRank.Origin = par.Published
				}
			}
			e.r.ParentOf = len(es)
		}
	}
}
