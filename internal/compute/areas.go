package compute

import (
	"cmp"
	"slices"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// comparisons computes the per-area rankings and the self-assessment gaps
// of every ranking (rules "area comparison" and "self-assessment gap"),
// once the changes since the previous year are known.
func (x *run) comparisons(res *par.Results) { compare(res, x.coll) }

// Compare fills res.Compare from results whose ranks and changes are
// known: Run calls it; a test of a later stage with results built by hand
// calls it too.
func Compare(res *par.Results) { compare(res, viet.NewCollator()) }

func compare(res *par.Results, coll *viet.Collator) {
	res.Compare = par.Comparisons{
		Areas:   map[par.GroupYear]*par.AreaComparison{},
		SelfGap: map[par.GroupYear]*par.SelfGap{},
	}
	byKey := map[par.GroupYear]*par.Ranking{}
	for _, rk := range res.Rankings {
		byKey[par.GroupYear{Group: rk.Group.ID, Year: rk.Year}] = rk
	}
	prevOf := previousResult(res)
	for _, rk := range res.Rankings {
		k := par.GroupYear{Group: rk.Group.ID, Year: rk.Year}
		res.Compare.Areas[k] = compareAreas(rk, byKey[par.GroupYear{Group: rk.Group.ID, Year: rk.Year - 1}], prevOf, coll)
		res.Compare.SelfGap[k] = selfGaps(rk, res.ByUnit, coll)
	}
}

// previousResult finds the result a result's change compares with (rule
// "year-on-year change"): the unit's own in the year of r.Prev, or the one
// predecessor's it names.
func previousResult(res *par.Results) func(r *par.Result) *par.Result {
	return func(r *par.Result) *par.Result {
		if r.Prev == nil {
			return nil
		}
		id := r.Unit.ID
		if r.Prev.Via != "" {
			id = r.Prev.Via
		}
		for _, p := range res.ByUnit[id] {
			if p.Year == r.Prev.Year {
				return p
			}
		}
		return nil
	}
}

// compareAreas ranks the units of rk on each area of its framework by
// their area points as a share of their applicable area maximum (so a
// criterion not applicable to a unit does not count against it), with the
// change of that share since the result the index change compares with
// (rule "area comparison"). Across a framework change an area is compared
// only through the new framework's area map (par.CompareArea). prev is
// the group's ranking of the year before, if any: its framework is the one
// the page names.
func compareAreas(rk, prev *par.Ranking, prevOf func(*par.Result) *par.Result, coll *viet.Collator) *par.AreaComparison {
	ac := &par.AreaComparison{Ranking: rk}
	fw := rk.Framework
	if fw == nil {
		return ac
	}
	if prev != nil && prev.Framework != nil {
		ac.PrevYear, ac.PrevFramework = prev.Year, prev.Framework
		ac.Across = prev.Framework.ID != fw.ID
	}
	dec := decimalsOf(fw)
	for _, a := range fw.Areas {
		ar := &par.AreaRanking{Code: a.Code, Title: a.Title, Max: a.Max}
		if ac.PrevFramework != nil {
			ar.Match = par.CompareArea(fw, ac.PrevFramework, a.Code)
		}
		type keyed struct {
			row   par.AreaRow
			exact par.Ratio
		}
		var known, other []keyed
		var sum par.Points
		for _, r := range rk.Results {
			row := par.AreaRow{Result: r}
			pts, m, share, est, ok := par.AreaShare(r, []string{a.Code})
			switch {
			case ok:
				row.Points, row.Max, row.Share, row.Estimated, row.Known = pts, m, share, est, true
				ac.Scored = true
				ac.Estimated = ac.Estimated || est
			case !r.Scored && !r.Incomplete:
				row.Why = par.Textf("chưa chấm điểm")
			case naArea(r, a.Code):
				row.Why = par.Textf("mọi tiêu chí của lĩnh vực không áp dụng với đơn vị")
			default:
				row.Why = par.Textf("không có điểm lĩnh vực")
			}
			if row.Known {
				areaChange(&row, r, prevOf(r), a.Code, dec)
				known = append(known, keyed{row, par.Ratio{Num: pts, Den: m}})
				sum += share
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
			switch {
			case i == 0:
				known[i].row.Rank = 1
			case known[i].exact.Cmp(known[i-1].exact) == 0:
				known[i].row.Rank = known[i-1].row.Rank
			case fw.Dense():
				known[i].row.Rank = known[i-1].row.Rank + 1
			default:
				known[i].row.Rank = i + 1
			}
			ar.Rows = append(ar.Rows, known[i].row)
		}
		for _, o := range other {
			ar.Rows = append(ar.Rows, o.row)
		}
		ar.N = len(known)
		if ar.N > 0 {
			ar.Avg = roundDiv(sum, par.Points(ar.N))
		}
		ac.Areas = append(ac.Areas, ar)
	}
	return ac
}

// areaChange sets a row's change of share against the previous result p,
// through the area map across a framework change; the change is the
// difference of the shares as shown (rounded to dec), so the page's
// arithmetic checks out.
func areaChange(row *par.AreaRow, r, p *par.Result, code string, dec int) {
	if p == nil {
		row.NoChange = par.Textf("không có kết quả năm trước để so sánh")
		return
	}
	m := par.CompareArea(r.Framework, p.Framework, code)
	if m.Prev == nil {
		row.NoChange = m.Why
		return
	}
	_, _, ps, pest, ok := par.AreaShare(p, m.Prev)
	if !ok {
		row.NoChange = par.Textf("năm %d không có điểm lĩnh vực này", p.Year)
		return
	}
	row.PrevShare, row.PrevEstimated = ps, pest
	row.Change = row.Share.Round(dec) - ps.Round(dec)
	row.HasChange = true
}

// naArea reports a detail result whose every criterion of the area is
// not applicable.
func naArea(r *par.Result, code string) bool {
	if !r.Detail {
		return false
	}
	for _, nr := range r.Tree {
		if nr.Node != nil && nr.Node.Code == code {
			return nr.NA
		}
	}
	return false
}

func decimalsOf(fw *par.Framework) int {
	if fw != nil && fw.Decimals > 0 {
		return fw.Decimals
	}
	return 2
}
