package compute

import "parindex/internal/par"

// Criteria is how a ranking's units fared on each criterion of its
// framework (rule "criteria the group struggles with"): counted over the
// units with a complete detail sheet only — an incomplete sheet, an
// annex-only or an unscored result says nothing about a criterion, and is
// never counted as 0 — and, per criterion, over the units to which it
// applies. It is nil when no unit has a complete detail sheet.
func Criteria(rk *par.Ranking) *par.Criteria {
	fw := rk.Framework
	if fw == nil {
		return nil
	}
	c := &par.Criteria{}
	var leaves []map[*par.Node]*par.NodeResult
	for _, r := range rk.Results {
		if !r.Scored || !r.Detail || r.Incomplete || len(r.Tree) == 0 {
			continue
		}
		m := map[*par.Node]*par.NodeResult{}
		for _, n := range r.Tree {
			walkResult(n, func(nr *par.NodeResult) {
				if nr.Node != nil && len(nr.Children) == 0 {
					m[nr.Node] = nr
				}
			})
		}
		c.Units = append(c.Units, r)
		leaves = append(leaves, m)
	}
	if len(c.Units) == 0 {
		return nil
	}
	for _, area := range fw.Areas {
		area.Walk(func(n *par.Node) {
			if !n.Leaf() || n.Max <= 0 {
				return // bonus and penalty items carry no maximum to lose from
			}
			st := par.CriterionTally{Node: n, Area: area, Shares: make([]par.Points, len(c.Units)), Known: make([]bool, len(c.Units))}
			var scores par.Points
			for i, m := range leaves {
				nr := m[n]
				switch {
				case nr == nil:
					continue
				case nr.NA || nr.Max <= 0:
					st.NA++
					continue
				case !nr.Appraised.Known():
					continue
				}
				st.N++
				if v := nr.Appraised.Value; st.N == 1 || v > st.Best {
					st.Best = v
				}
				scores += nr.Appraised.Value
				lost := nr.Max - nr.Appraised.Value
				if lost > 0 {
					st.Lost++
					st.LostPoints += lost
				} else {
					st.Full++
				}
				st.Shares[i] = par.Ratio{Num: nr.Appraised.Value, Den: nr.Max}.Percent()
				st.Known[i] = true
			}
			if st.N > 0 {
				st.AvgLost, st.Avg = mean(st.LostPoints, st.N), mean(scores, st.N)
			}
			c.Stats = append(c.Stats, st)
		})
	}
	return c
}

func walkResult(n *par.NodeResult, fn func(*par.NodeResult)) {
	fn(n)
	for _, c := range n.Children {
		walkResult(c, fn)
	}
}
