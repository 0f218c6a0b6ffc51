package compute

import (
	"cmp"
	"slices"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// selfGaps compares each unit's self-assessed points with its appraised
// points in ranking rk (rule "self-assessment gap"), over the criteria
// scored by self-assessment only; byUnit gives each unit's results of
// every year for the gap's trend.
func selfGaps(rk *par.Ranking, byUnit map[string][]*par.Result, coll *viet.Collator) *par.SelfGap {
	sg := &par.SelfGap{Ranking: rk}
	if rk.Framework != nil {
		for _, l := range rk.Framework.Leaves() {
			if l.Method != par.MethodSelf {
				sg.LeftOutMax += l.Max
			}
		}
	}
	type keyed struct {
		row   par.SelfGapRow
		exact par.Ratio
	}
	var known, other []keyed
	for _, r := range rk.Results {
		row := par.SelfGapRow{Result: r, Gap: selfGap(r)}
		sg.Detail = sg.Detail || r.Detail
		for _, p := range byUnit[r.Unit.ID] {
			if p.Group == r.Group {
				row.Trend = append(row.Trend, selfGap(p))
			}
		}
		if row.Gap.Known {
			known = append(known, keyed{row, par.Ratio{Num: row.Gap.Gap, Den: row.Gap.Max}})
		} else {
			other = append(other, keyed{row: row})
		}
	}
	byName := func(a, b keyed) int {
		return cmp.Or(coll.Compare(a.row.Result.Name, b.row.Result.Name), cmp.Compare(a.row.Result.Unit.ID, b.row.Result.Unit.ID))
	}
	slices.SortFunc(known, func(a, b keyed) int { return cmp.Or(b.exact.Cmp(a.exact), byName(a, b)) })
	slices.SortFunc(other, byName)
	for i := range known {
		if i > 0 && known[i].exact.Cmp(known[i-1].exact) == 0 {
			known[i].row.Rank = known[i-1].row.Rank
		} else {
			known[i].row.Rank = i + 1
		}
		sg.Rows = append(sg.Rows, known[i].row)
	}
	for _, o := range other {
		sg.Rows = append(sg.Rows, o.row)
	}
	return sg
}

// selfGap is one result's gap: over the applicable leaves scored by
// self-assessment that carry both a self-assessed and an appraised score.
// Survey and satisfaction leaves are never self-assessed and are left out
// of both sides; so is a self-assessed leaf without either score (counted
// in NoSelf, for the page to say). Without a detail sheet, or with one
// lacking appraised scores, there is no gap (never a gap of 0).
func selfGap(r *par.Result) par.SelfGapYear {
	g := par.SelfGapYear{Year: r.Year}
	if r.Framework != nil {
		g.Framework = r.Framework.ID
	}
	switch {
	case !r.Detail:
		g.Why = par.Textf("không có phiếu chấm chi tiết")
		return g
	case r.Incomplete:
		g.Why = par.Textf("phiếu chấm thiếu điểm thẩm định")
		return g
	}
	var walk func(nr *par.NodeResult)
	walk = func(nr *par.NodeResult) {
		if len(nr.Children) > 0 {
			for _, c := range nr.Children {
				walk(c)
			}
			return
		}
		if nr.Node == nil || nr.Node.Method != par.MethodSelf {
			return
		}
		switch {
		case nr.NA:
			g.NA++
		case !nr.Self.Known() || !nr.Appraised.Known():
			g.NoSelf++
		default:
			g.Criteria++
			g.Self += nr.Self.Value
			g.Appraised += nr.Appraised.Value
			g.Max += nr.Max
		}
	}
	for _, nr := range r.Tree {
		walk(nr)
	}
	if g.Criteria == 0 || g.Max <= 0 {
		g.Why = par.Textf("phiếu chấm không ghi điểm tự đánh giá")
		return g
	}
	g.Known = true
	g.Gap = g.Self - g.Appraised
	g.Share = par.Ratio{Num: g.Gap, Den: g.Max}.Percent()
	return g
}
