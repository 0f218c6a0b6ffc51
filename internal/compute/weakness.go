package compute

import (
	"cmp"
	"slices"
	"strings"

	"parindex/internal/par"
)

// Weaknesses reviews where each unit lost points (rules "points lost",
// "persistent weaknesses" and "distance to the next band and rank"), for
// every result with a detail sheet. It needs the ranks and the unit's
// results of every year (res.Rankings, res.ByUnit): Run calls it last; a
// test of a later stage with results built by hand calls it too.
func Weaknesses(res *par.Results) map[*par.Result]*par.Weakness {
	out := map[*par.Result]*par.Weakness{}
	leaves := leafCache{}
	for _, rk := range res.Rankings {
		stats, n := criterionStats(rk)
		for _, r := range rk.Results {
			if !r.Detail || len(r.Tree) == 0 {
				continue
			}
			w := pointsLost(r, stats)
			w.GroupN = n
			w.Persistent, w.PersistentNotes = persistent(r, res.ByUnit[r.Unit.ID], leaves)
			w.Distance = distance(r, rk, stats, leaves)
			out[r] = w
		}
	}
	return out
}

// scoredLeaf is an applicable leaf of a detail sheet with its area.
type scoredLeaf struct {
	area *par.Node
	nr   *par.NodeResult
}

// leafCache holds each result's leaves, in framework order and by key.
type leafCache map[*par.Result]*resultLeaves

type resultLeaves struct {
	list  []scoredLeaf
	byKey map[string]*par.NodeResult
}

func (c leafCache) of(r *par.Result) *resultLeaves {
	if l, ok := c[r]; ok {
		return l
	}
	l := &resultLeaves{byKey: map[string]*par.NodeResult{}}
	var walk func(area *par.Node, nr *par.NodeResult)
	walk = func(area *par.Node, nr *par.NodeResult) {
		if len(nr.Children) == 0 && nr.Node != nil && nr.Node.Leaf() {
			l.list = append(l.list, scoredLeaf{area, nr})
			l.byKey[nr.Node.Key] = nr
			return
		}
		for _, ch := range nr.Children {
			walk(area, ch)
		}
	}
	for _, a := range r.Tree {
		walk(a.Node, a)
	}
	c[r] = l
	return l
}

// lostAt reports a leaf's points lost when it is applicable and appraised.
func lostAt(nr *par.NodeResult) (par.Points, bool) {
	if nr == nil || nr.NA || !nr.Appraised.Known() {
		return 0, false
	}
	return max(nr.Max-nr.Appraised.Value, 0), true
}

// complete reports a result whose detail sheet counts in the group
// figures: scored, with an appraised score for every applicable criterion.
func complete(r *par.Result) bool { return r.Detail && r.Scored && !r.Incomplete && len(r.Tree) > 0 }

// criterionStats gives each criterion's group figures, taken from the
// ranking's criterion tallies (Criteria: over its complete detail sheets,
// a unit to which the criterion does not apply not counted, a missing
// score never counted as 0), and how many sheets there are.
func criterionStats(rk *par.Ranking) (map[string]par.CriterionStat, int) {
	stats := map[string]par.CriterionStat{}
	c := rk.Criteria
	if c == nil {
		c = Criteria(rk) // a ranking assembled without them (tests)
	}
	if c == nil {
		return stats, 0
	}
	for _, t := range c.Stats {
		if t.N > 0 {
			stats[t.Node.Key] = par.CriterionStat{N: t.N, Avg: t.Avg, Best: t.Best, Full: t.Full}
		}
	}
	return stats, len(c.Units)
}

// mean is sum ÷ n rounded half away from zero at Points precision.
func mean(sum par.Points, n int) par.Points {
	if n <= 0 {
		return 0
	}
	d := par.Points(n)
	if sum < 0 {
		return -((-sum*2 + d) / (2 * d))
	}
	return (sum*2 + d) / (2 * d)
}

// pointsLost lists the leaves where r lost points with the group's
// figures, totals them per area and per scoring method.
func pointsLost(r *par.Result, stats map[string]par.CriterionStat) *par.Weakness {
	w := &par.Weakness{Result: r}
	leaves := (leafCache{}).of(r).list
	areaAt := map[*par.Node]int{}
	for _, a := range r.Tree {
		areaAt[a.Node] = len(w.Areas)
		w.Areas = append(w.Areas, par.AreaLoss{Node: a.Node})
	}
	parts := map[par.Method]*par.Part{}
	order := map[string]int{}
	for i, l := range leaves {
		nr := l.nr
		order[nr.Node.Key] = i
		if nr.NA {
			continue
		}
		al := &w.Areas[areaAt[l.area]]
		lost, ok := lostAt(nr)
		if !ok {
			w.Unscored++
			al.Unscored++
			continue
		}
		w.Criteria++
		al.Max += nr.Max
		al.Score += nr.Appraised.Value
		al.Lost += lost
		m := nr.Node.Method
		p := parts[m]
		if p == nil {
			p = &par.Part{Method: m}
			parts[m] = p
		}
		p.Criteria++
		p.Max += nr.Max
		p.Appraised += nr.Appraised.Value
		p.Lost += lost
		if nr.Self.Known() {
			p.SelfCriteria++
			p.Self += nr.Self.Value
			p.SelfAppraised += nr.Appraised.Value
		}
		if lost == 0 {
			continue
		}
		al.Criteria++
		w.TotalLost += lost
		w.Lost = append(w.Lost, par.LostCriterion{
			Node: nr.Node, Area: l.area, Max: nr.Max, Score: nr.Appraised, Lost: lost, Self: nr.Self,
			Overclaimed: nr.Self.Known() && nr.Self.Value > nr.Appraised.Value,
			Remark:      nr.Remark, Evidence: nr.Evidence, Group: stats[nr.Node.Key],
		})
	}
	for i := range w.Areas {
		if a := &w.Areas[i]; a.Max > 0 {
			a.Share = par.Ratio{Num: a.Lost, Den: a.Max}.Percent()
		}
	}
	slices.SortStableFunc(w.Lost, func(a, b par.LostCriterion) int {
		return cmp.Or(cmp.Compare(b.Lost, a.Lost), cmp.Compare(order[a.Node.Key], order[b.Node.Key]))
	})
	for _, m := range par.Methods {
		if p := parts[m]; p != nil {
			w.Parts = append(w.Parts, *p)
		}
	}
	return w
}

// persistent finds the criteria r lost points on this year and the year
// before (at least), going back year by year through the unit's results
// (byYear, ascending) while the criterion can be matched: by its key
// within one framework; across a framework change only when the new
// framework maps the criterion's area one to one (par.CompareArea) and the
// previous framework has a criterion of the same code and title there.
func persistent(r *par.Result, byYear []*par.Result, leaves leafCache) ([]par.Persistent, []par.Text) {
	prevOf := func(cur *par.Result) *par.Result {
		for _, p := range byYear {
			if p.Year == cur.Year-1 {
				return p
			}
		}
		return nil
	}
	var notes []par.Text
	note := func(t par.Text) {
		if !slices.ContainsFunc(notes, func(n par.Text) bool { return n.String() == t.String() }) {
			notes = append(notes, t)
		}
	}
	var out []par.Persistent
	for _, l := range leaves.of(r).list {
		lost, ok := lostAt(l.nr)
		if !ok || lost == 0 {
			continue
		}
		hist := []par.LostYear{lostYear(r, l.nr, lost)}
		cur, key := r, l.nr.Node.Key
		for {
			p := prevOf(cur)
			if p == nil {
				break
			}
			if !p.Detail || len(p.Tree) == 0 {
				if len(hist) > 1 || cur == r {
					note(par.Textf("năm %d không có phiếu chấm chi tiết theo tiêu chí", p.Year))
				}
				break
			}
			pkey, why := matchKey(cur.Framework, p.Framework, key)
			if pkey == "" {
				note(why)
				break
			}
			pnr := leaves.of(p).byKey[pkey]
			pl, ok := lostAt(pnr)
			if !ok || pl == 0 {
				break
			}
			hist = append(hist, lostYear(p, pnr, pl))
			cur, key = p, pkey
		}
		if len(hist) < 2 {
			continue
		}
		slices.Reverse(hist)
		out = append(out, par.Persistent{Node: l.nr.Node, Years: hist})
	}
	// Longest run first, then framework order.
	slices.SortStableFunc(out, func(a, b par.Persistent) int { return cmp.Compare(len(b.Years), len(a.Years)) })
	return out, notes
}

func lostYear(r *par.Result, nr *par.NodeResult, lost par.Points) par.LostYear {
	ly := par.LostYear{Year: r.Year, Key: nr.Node.Key, Max: nr.Max, Score: nr.Appraised, Lost: lost}
	if r.Framework != nil {
		ly.Framework = r.Framework.ID
	}
	return ly
}

// matchKey gives the key in framework prev of the criterion key of
// framework cur, or "" and why not (for the reader).
func matchKey(cur, prev *par.Framework, key string) (string, par.Text) {
	if cur == nil || prev == nil {
		return "", par.Textf("không có bộ chỉ số")
	}
	if cur.ID == prev.ID {
		return key, par.Text{}
	}
	area, rest, _ := strings.Cut(key, "/")
	m := par.CompareArea(cur, prev, area)
	if !m.Continues {
		why := m.Why
		if why.IsZero() {
			// A merged area: compared as a whole, its criteria are not.
			why = par.Textf("lĩnh vực %s tương ứng với %s của bộ trước (gộp lĩnh vực), không đối chiếu từng tiêu chí", area, strings.Join(m.Prev, " + "))
		}
		return "", par.Textf("không đối chiếu được tiêu chí giữa bộ %s và bộ %s: %s", prev.ID, cur.ID, why)
	}
	pkey := m.Prev[0]
	if rest != "" {
		pkey += "/" + rest
	}
	cn, pn := cur.Node(key), prev.Node(pkey)
	if cn == nil || pn == nil || !pn.Leaf() || !strings.EqualFold(strings.TrimSpace(cn.Title), strings.TrimSpace(pn.Title)) {
		return "", par.Textf("không đối chiếu được tiêu chí giữa bộ %s và bộ %s: bảng đối chiếu chỉ nối các lĩnh vực, các tiêu chí khác mã hoặc tên", prev.ID, cur.ID)
	}
	return pkey, par.Text{}
}

// distance is the arithmetic between r and the next band and the unit
// ranked just above it, on r's own applicable maximum.
func distance(r *par.Result, rk *par.Ranking, stats map[string]par.CriterionStat, leaves leafCache) par.Distance {
	fw := r.Framework
	d := par.Distance{}
	if fw != nil {
		d.Basis = fw.Basis
	}
	for _, l := range leaves.of(r).list {
		s := stats[l.nr.Node.Key]
		if _, ok := lostAt(l.nr); !ok || s.N == 0 || s.Avg <= l.nr.Appraised.Value {
			continue
		}
		d.Below = append(d.Below, par.BelowTypical{Node: l.nr.Node, Max: l.nr.Max, Score: l.nr.Appraised.Value, Avg: s.Avg, Gap: s.Avg - l.nr.Appraised.Value})
	}
	slices.SortStableFunc(d.Below, func(a, b par.BelowTypical) int { return cmp.Compare(b.Gap, a.Gap) })
	if len(d.Below) > 5 {
		d.Below = d.Below[:5]
	}
	switch {
	case fw == nil:
		d.BandWhy, d.AboveWhy = par.Textf("không có bộ chỉ số"), par.Textf("không có bộ chỉ số")
		return d
	case !r.Scored || !r.Total.Known() || r.Max <= 0:
		d.BandWhy, d.AboveWhy = par.Textf("đơn vị không có tổng điểm năm này"), par.Textf("đơn vị không có tổng điểm năm này")
		return d
	}
	total := r.Total.Value
	// need is the total reaching value v on the framework's basis.
	need := func(v par.Points) par.Points {
		if fw.Basis == par.BasisPoints {
			return v
		}
		den := par.Points(100 * par.Scale)
		return (v*r.Max + den - 1) / den
	}
	switch {
	case fw.PublishedBands:
		d.BandWhy = par.Textf("xếp loại do quyết định công bố, bộ chỉ số không có ngưỡng điểm")
	case len(fw.Bands) == 0:
		d.BandWhy = par.Textf("bộ chỉ số không xếp loại")
	default:
		for i := len(fw.Bands) - 1; i >= 0; i-- {
			if b := fw.Bands[i]; need(b.Min) > total {
				d.NextBand = &fw.Bands[i]
				d.BandPoints = need(b.Min) - total
				break
			}
		}
		if d.NextBand == nil {
			d.TopBand, d.BandWhy = true, par.Textf("đơn vị đã đạt ngưỡng của loại cao nhất")
		}
	}
	if r.Rank.N <= 0 {
		d.AboveWhy = par.Textf("đơn vị không được xếp hạng")
		return d
	}
	for _, o := range rk.Results {
		if o.Rank.N > 0 && o.Rank.N < r.Rank.N && (d.Above == nil || o.Rank.N > d.Above.Rank.N) {
			d.Above = o
		}
	}
	if d.Above == nil {
		d.AboveWhy = par.Textf("đơn vị xếp thứ nhất")
		return d
	}
	// The total r would have to exceed: the unit above's value on the
	// basis, brought to r's applicable maximum.
	var target par.Points
	switch a := d.Above; {
	case a.Exact.Valid() && fw.Basis == par.BasisPoints:
		target = a.Exact.Num * par.Scale / a.Exact.Den
	case a.Exact.Valid():
		target = par.Points((int64(a.Exact.Num)*int64(r.Max) + int64(a.Exact.Den) - 1) / int64(a.Exact.Den))
	case fw.Basis == par.BasisPoints && a.Total.Known():
		target = a.Total.Value
	case a.Index.Known():
		target = need(a.Index.Value)
	default:
		d.Above, d.AboveWhy = nil, par.Textf("đơn vị xếp trên không có số liệu để so")
		return d
	}
	d.AbovePoints = max(target-total, 0)
	return d
}
