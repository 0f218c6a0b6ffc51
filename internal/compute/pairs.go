package compute

import (
	"cmp"
	"math/big"
	"slices"

	"parindex/internal/par"
)

// Pairs compares each group's rankings of every two years in which it has
// one (rule "comparing two years"), in registry group order, then by the
// earlier year, then the later one. It reads only the rankings, the
// results by unit and the registry, so a test can call it on results built
// by hand; Run calls it once the changes are computed.
func Pairs(reg *par.Registry, res *par.Results) []*par.Pair {
	if reg == nil {
		reg = &par.Registry{}
	}
	l := newLineage(reg, res)
	byGroup := map[string][]*par.Ranking{}
	var groups []string
	for _, rk := range res.Rankings {
		if byGroup[rk.Group.ID] == nil {
			groups = append(groups, rk.Group.ID)
		}
		byGroup[rk.Group.ID] = append(byGroup[rk.Group.ID], rk)
	}
	pos := func(id string) int {
		i := slices.IndexFunc(reg.Groups, func(g *par.Group) bool { return g.ID == id })
		if i < 0 {
			return len(reg.Groups)
		}
		return i
	}
	slices.SortStableFunc(groups, func(a, b string) int { return cmp.Or(cmp.Compare(pos(a), pos(b)), cmp.Compare(a, b)) })
	var out []*par.Pair
	for _, g := range groups {
		rks := byGroup[g]
		slices.SortStableFunc(rks, func(a, b *par.Ranking) int { return cmp.Compare(a.Year, b.Year) })
		for i := range rks {
			for j := i + 1; j < len(rks); j++ {
				out = append(out, comparePair(l, rks[i], rks[j]))
			}
		}
	}
	return out
}

// comparePair compares one group's ranking of an earlier year with that
// of a later one.
func comparePair(l *lineage, from, to *par.Ranking) *par.Pair {
	p := &par.Pair{Group: to.Group, From: from, To: to}
	p.Comparable = from.Framework != nil && to.Framework != nil && from.Framework.ID == to.Framework.ID
	if !p.Comparable {
		p.Thresholds = bandShifts(from.Framework, to.Framework)
	}
	for _, r := range from.Results {
		if r.Rank.N > 0 {
			p.FromOf++
		}
	}
	var pairs []rankPair
	rowOf := map[*par.Result]*par.PairRow{}
	for _, r := range to.Results {
		if r.Rank.N > 0 {
			p.ToOf++
		}
		row := &par.PairRow{Unit: r.Unit, Name: r.Name, To: r}
		prev, via := l.previous(r, from.Year)
		if prev != nil && prev.Group != to.Group.ID {
			prev, via = nil, "" // in another group that year: not part of this comparison
		}
		if prev != nil {
			row.From, row.Via = prev, via
			if prev.Rank.N > 0 && r.Rank.N > 0 {
				pairs = append(pairs, rankPair{cur: r, prev: prev, via: via})
				rowOf[r] = row
			}
			if d, ok := indexChange(prev, r); ok {
				row.Index, row.HasIndex = d, true
			}
			if p.Comparable {
				row.Band, row.HasBand = bandMove(to.Framework, prev, r)
			}
		}
		p.Rows = append(p.Rows, row)
	}
	// The rank change counts only the units ranked in both years; a
	// predecessor's result continued by its own unit counts for that unit.
	kept, _ := countOnce(pairs)
	for i, d := range commonRanks(kept) {
		row := rowOf[kept[i].cur]
		row.HasRank, row.Rank = true, d
	}
	p.Common = len(kept)
	for _, r := range from.Results {
		if later := l.at(r.Unit.ID, to.Year); later != nil && later.Group == p.Group.ID {
			continue // its own row, above
		}
		p.Rows = append(p.Rows, &par.PairRow{Unit: r.Unit, Name: r.Name, From: r})
	}
	// Why each unit is compared in one year only. A unit not scored in
	// either year is in neither list: it was never in the comparison.
	other := map[par.GroupYear]bool{}
	for _, row := range p.Rows {
		fromOK := row.From != nil && row.From.Scored
		switch {
		case row.To == nil:
			if fromOK {
				row.Left = leftReason(l, row.From, to.Year)
			}
		case row.To.Scored && !fromOK:
			row.Entered = enteredReason(l, row.To, row.From, from.Year)
		case !row.To.Scored && fromOK:
			row.Left = &par.PairReason{Kind: par.ReasonNotScored, Year: to.Year}
		}
		for _, why := range []*par.PairReason{row.Entered, row.Left} {
			if why != nil && why.Kind == par.ReasonMoved {
				other[par.GroupYear{Group: why.Group, Year: why.Year}] = true
			}
		}
	}
	for k := range other {
		p.Other = append(p.Other, k)
	}
	slices.SortFunc(p.Other, func(a, b par.GroupYear) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Group, b.Group))
	})
	p.FromStats = pairStats(from)
	p.ToStats = pairStats(to)
	p.RankUp = top(p.Rows, func(r *par.PairRow) (int64, bool) { return int64(r.Rank), r.HasRank && r.Rank > 0 })
	p.RankDown = top(p.Rows, func(r *par.PairRow) (int64, bool) { return -int64(r.Rank), r.HasRank && r.Rank < 0 })
	p.IndexUp = top(p.Rows, func(r *par.PairRow) (int64, bool) { return int64(r.Index), r.HasIndex && r.Index > 0 })
	p.IndexDown = top(p.Rows, func(r *par.PairRow) (int64, bool) { return -int64(r.Index), r.HasIndex && r.Index < 0 })
	return p
}

// enteredReason says why a unit of the later year has nothing to compare
// with in the earlier year: prev is its own result then, if any.
func enteredReason(l *lineage, r, prev *par.Result, year int) *par.PairReason {
	if prev != nil { // in the ranking, not scored
		return &par.PairReason{Kind: par.ReasonNotScored, Year: year}
	}
	if own := l.at(r.Unit.ID, year); own != nil && own.Group != r.Group {
		return &par.PairReason{Kind: par.ReasonMoved, Year: year, Group: own.Group}
	}
	if ps := l.scoredPredecessors(r, year); len(ps) > 1 {
		return &par.PairReason{Kind: par.ReasonPredecessors, Year: year, Units: ps}
	}
	end := par.Date{Year: year, Month: 12, Day: 31}
	for _, e := range r.Unit.Events {
		if e.Kind == par.EventCreated && end.Before(e.Date) {
			units := e.Units
			if len(units) == 0 {
				for _, u := range l.preds[r.Unit.ID] {
					units = append(units, u.ID)
				}
			}
			return &par.PairReason{Kind: par.ReasonCreated, Year: year, Date: e.Date, Units: units, Note: e.Note}
		}
	}
	return &par.PairReason{Kind: par.ReasonAbsent, Year: year}
}

// leftReason says why a unit of the earlier year is not in the later
// year's ranking of the group: merged (and whether its successor is
// dissolved, moved to another group, or nothing the registry records.
func leftReason(l *lineage, r *par.Result, year int) *par.PairReason {
	if own := l.at(r.Unit.ID, year); own != nil && own.Group != r.Group {
		return &par.PairReason{Kind: par.ReasonMoved, Year: year, Group: own.Group}
	}
	end := par.Date{Year: year, Month: 12, Day: 31}
	for _, e := range r.Unit.Events {
		if e.Date.IsZero() || end.Before(e.Date) {
			continue
		}
		switch e.Kind {
		case par.EventMergedInto:
			return &par.PairReason{Kind: par.ReasonMerged, Year: year, Date: e.Date, Units: e.Units, Note: e.Note}
		case par.EventDissolved:
			return &par.PairReason{Kind: par.ReasonDissolved, Year: year, Date: e.Date, Units: e.Units, Note: e.Note}
		}
	}
	return &par.PairReason{Kind: par.ReasonAbsent, Year: year}
}

// bandMove is the number of bands r moved up since prev under one
// framework; ok is false when either band is not one of the framework's.
func bandMove(fw *par.Framework, prev, r *par.Result) (int, bool) {
	if fw == nil || !prev.Scored || !r.Scored || prev.Band.ID == "" || r.Band.ID == "" {
		return 0, false
	}
	a, b := fw.BandIndex(prev.Band.ID), fw.BandIndex(r.Band.ID)
	if a < 0 || b < 0 {
		return 0, false
	}
	return a - b, true // position 0 is the best band
}

// bandShifts lists the bands of the later framework whose lower bound
// differs from the same band's (by id, else by name) in the earlier one.
func bandShifts(from, to *par.Framework) []par.BandShift {
	if from == nil || to == nil || from.PublishedBands || to.PublishedBands {
		return nil
	}
	var out []par.BandShift
	for _, b := range to.Bands {
		i := slices.IndexFunc(from.Bands, func(a par.Band) bool { return a.ID == b.ID })
		if i < 0 {
			i = slices.IndexFunc(from.Bands, func(a par.Band) bool { return a.Name == b.Name })
		}
		if i >= 0 && from.Bands[i].Min != b.Min {
			out = append(out, par.BandShift{Name: b.Name, NameEn: b.NameEn, From: from.Bands[i].Min, To: b.Min})
		}
	}
	return out
}

// pairStats summarises the index of a ranking's scored units with a
// known index, each as shown (rounded to its published precision).
// Missing is never zero: an unscored unit is not counted.
func pairStats(rk *par.Ranking) par.PairStats {
	var vs []par.Points
	st := par.PairStats{Decimals: 2}
	if rk.Framework != nil && rk.Framework.Decimals > 0 {
		st.Decimals = rk.Framework.Decimals
	}
	for _, r := range rk.Results {
		if r.Scored && r.Index.Known() {
			vs = append(vs, r.Index.Value.Round(r.Index.Decimals))
		}
	}
	st.N = len(vs)
	if st.N == 0 {
		return st
	}
	slices.Sort(vs)
	st.Min, st.Max = vs[0], vs[len(vs)-1]
	var sum par.Points
	for _, v := range vs {
		sum += v
	}
	n := par.Points(st.N)
	st.Mean = roundDiv(sum, n)
	if st.N%2 == 1 {
		st.Median = vs[st.N/2]
	} else {
		st.Median = roundDiv(vs[st.N/2-1]+vs[st.N/2], 2)
	}
	// Population variance Σ(N·x − S)² / N³, exactly, in big integers (the
	// squares of Points overflow 64 bits), then its square root rounded
	// half up.
	var acc, d, sq big.Int
	bn, bs := big.NewInt(int64(st.N)), big.NewInt(int64(sum))
	for _, v := range vs {
		d.Mul(big.NewInt(int64(v)), bn)
		d.Sub(&d, bs)
		sq.Mul(&d, &d)
		acc.Add(&acc, &sq)
	}
	var n3 big.Int
	n3.Mul(bn, bn)
	n3.Mul(&n3, bn)
	// sd = round(sqrt(acc / n3)): floor(sqrt(4·acc/n3)) is 2·sd or 2·sd+1.
	var q big.Int
	q.Mul(&acc, big.NewInt(4))
	q.Quo(&q, &n3)
	q.Sqrt(&q)
	st.SD = par.Points((q.Int64() + 1) / 2)
	return st
}

// top is the rows with the largest key, biggest first: up to five, and
// every row tied with the fifth, so no tie is split by chance; ties keep
// the table's order.
func top(rows []*par.PairRow, key func(*par.PairRow) (int64, bool)) par.PairTop {
	const n = 5
	var out par.PairTop
	for _, r := range rows {
		if _, ok := key(r); ok {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b *par.PairRow) int {
		ka, _ := key(a)
		kb, _ := key(b)
		return cmp.Compare(kb, ka)
	})
	if len(out) > n {
		last, _ := key(out[n-1])
		cut := n
		for cut < len(out) {
			if k, _ := key(out[cut]); k != last {
				break
			}
			cut++
		}
		out = out[:cut]
	}
	return out
}
