package compute

import (
	"slices"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// Histories gathers, for each ranking group with a ranking, its years'
// index distributions and band counts (rule "group history"). Rankings
// are in year order, so each group's years come out ascending.
func Histories(reg *par.Registry, rankings []*par.Ranking) []*par.History {
	byGroup := map[*par.Group]*par.History{}
	for _, rk := range rankings {
		h := byGroup[rk.Group]
		if h == nil {
			h = &par.History{Group: rk.Group}
			byGroup[rk.Group] = h
		}
		h.Years = append(h.Years, yearStat(rk))
	}
	var out []*par.History
	for _, g := range reg.Groups {
		if h := byGroup[g]; h != nil {
			h.Thresholds = thresholdChanges(h.Years)
			out = append(out, h)
			delete(byGroup, g)
		}
	}
	// A ranking's group is always the registry's (compute builds no
	// ranking for an unknown group); keep any other in ranking order all
	// the same, rather than drop it.
	for _, rk := range rankings {
		if h := byGroup[rk.Group]; h != nil {
			h.Thresholds = thresholdChanges(h.Years)
			out = append(out, h)
			delete(byGroup, rk.Group)
		}
	}
	return out
}

// yearStat summarises one ranking: the index of its scored results with a
// known index, and its units per band. A result not scored counts as
// such, never as an index of 0.
func yearStat(rk *par.Ranking) par.YearStat {
	ys := par.YearStat{Year: rk.Year, Framework: rk.Framework, Units: len(rk.Results)}
	fw := rk.Framework
	byKey := map[string]int{}
	if fw != nil {
		for _, b := range fw.Bands {
			byKey[bandWordKey(b.Name, b.ID)] = len(ys.Bands)
			ys.Bands = append(ys.Bands, par.BandCount{Key: bandWordKey(b.Name, b.ID), Name: b.Name, Min: b.Min, Known: true})
		}
	}
	var vals []par.Points
	dec := 0
	for _, r := range rk.Results {
		if !r.Scored {
			ys.Unscored++
			continue
		}
		if r.Index.Known() {
			vals = append(vals, r.Index.Value)
			dec = max(dec, r.Index.Decimals)
		}
		name := r.Band.Name
		if fw != nil && r.Band.ID != "" {
			if i := fw.BandIndex(r.Band.ID); i >= 0 && name == "" {
				name = fw.Bands[i].Name
			}
		}
		if name == "" {
			ys.Unclassified++
			continue
		}
		k := bandWordKey(name, r.Band.ID)
		if fw != nil && r.Band.ID != "" {
			if i := fw.BandIndex(r.Band.ID); i >= 0 {
				k = bandWordKey(fw.Bands[i].Name, r.Band.ID)
			}
		}
		i, ok := byKey[k]
		if !ok {
			i = len(ys.Bands)
			byKey[k] = i
			ys.Bands = append(ys.Bands, par.BandCount{Key: k, Name: name})
		}
		ys.Bands[i].N++
	}
	if fw != nil && fw.Decimals > 0 && dec == 0 {
		dec = fw.Decimals
	}
	ys.Dist = distribution(vals, dec)
	return ys
}

// bandWordKey normalises a band word so that "Tốt" is one band in every
// framework: the slug of its name, else its id.
func bandWordKey(name, id string) string {
	if k := viet.Slug(name); k != "" {
		return k
	}
	return id
}

// distribution is the five-number summary of vals (any order).
func distribution(vals []par.Points, decimals int) par.Distribution {
	d := par.Distribution{N: len(vals), Decimals: decimals}
	if len(vals) == 0 {
		return d
	}
	s := slices.Clone(vals)
	slices.Sort(s)
	d.Min, d.Max = s[0], s[len(s)-1]
	d.Q1, d.Median, d.Q3 = quantile(s, 1), quantile(s, 2), quantile(s, 3)
	return d
}

// quantile is the q-th quartile of sorted s by linear interpolation at
// position (n−1)·q/4, rounded half away from zero at Points precision.
func quantile(s []par.Points, q int) par.Points {
	pos := (len(s) - 1) * q
	i, rem := pos/4, pos%4
	if rem == 0 {
		return s[i]
	}
	// s[i] + (s[i+1]−s[i])·rem/4, rounded half away from zero.
	diff := int64(s[i+1]-s[i]) * int64(rem)
	step := diff / 4
	if r := diff % 4; r*2 >= 4 {
		step++
	} else if r*2 <= -4 {
		step--
	}
	return s[i] + par.Points(step)
}

// thresholdChanges lists the band words whose lower bound differs between
// the frameworks of consecutive years (bands published without bounds
// have none to compare).
func thresholdChanges(years []par.YearStat) []par.ThresholdChange {
	var out []par.ThresholdChange
	for i := 1; i < len(years); i++ {
		a, b := years[i-1].Framework, years[i].Framework
		if a == nil || b == nil || a == b || a.PublishedBands || b.PublishedBands {
			continue
		}
		for _, nb := range b.Bands {
			k := bandWordKey(nb.Name, nb.ID)
			for _, ob := range a.Bands {
				if bandWordKey(ob.Name, ob.ID) == k && ob.Min != nb.Min {
					out = append(out, par.ThresholdChange{Key: k, Name: nb.Name, NameEn: nb.NameEn, Year: years[i].Year,
						From: a, To: b, FromMin: ob.Min, ToMin: nb.Min})
				}
			}
		}
	}
	return out
}
