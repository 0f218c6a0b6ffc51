package compute

import (
	"fmt"
	"slices"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// Decisions match their rankings. One decision publishes a group's ranking
// of a year; a second one for the same ranking must say (front matter
// amends: or replaces:, by number) which decision it amends or replaces,
// directly or through a chain of such decisions. Then the ranking shows
// the first with the ones that change it, in date order. A decision for a
// year or group without results is a warning: it is published, but has
// nothing to point to.

// numberKey compares decision numbers as people write them: "1007/QĐ-UBND"
// = "1007/QD-UBND" = "1007 / QĐ-UBND".
func numberKey(n string) string { return viet.Key(n) }

// docAt is where a front matter key of d is written, else d's first line.
func docAt(d *par.Doc, key string) par.Source {
	if s, ok := d.KeySrc[key]; ok {
		return s
	}
	return d.Src
}

func (x *run) checkDecisions(res *par.Results) {
	var decs []*par.Doc
	for _, d := range x.ds.Docs {
		if d.Kind == par.DocDecision {
			decs = append(decs, d)
		}
	}
	if len(decs) == 0 {
		return
	}
	slices.SortStableFunc(decs, func(a, b *par.Doc) int {
		if a.Date != b.Date {
			if a.Date.Before(b.Date) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Path, b.Path)
	})

	byNumber := map[string]*par.Doc{}
	var numbers []string
	for _, d := range decs {
		k := numberKey(d.Number)
		if k == "" {
			continue
		}
		if first, dup := byNumber[k]; dup {
			x.dl.Errorf(docAt(d, "number"), "decision number %s is also the number of %s", d.Number, first.Path)
			continue
		}
		byNumber[k] = d
		numbers = append(numbers, d.Number)
	}

	// Decisions joined by amends/replaces form one publication.
	parent := map[*par.Doc]*par.Doc{}
	var find func(d *par.Doc) *par.Doc
	find = func(d *par.Doc) *par.Doc {
		p, ok := parent[d]
		if !ok || p == d {
			return d
		}
		r := find(p)
		parent[d] = r
		return r
	}
	for _, d := range decs {
		for _, ref := range []struct {
			key  string
			nums []string
		}{{"amends", d.Amends}, {"replaces", d.Replaces}} {
			for _, n := range ref.nums {
				o := byNumber[numberKey(n)]
				switch {
				case o == nil:
					x.dl.Errorf(docAt(d, ref.key), "%s %s, but no decision in content/decisions/ has that number%s", ref.key, n, numberHint(n, numbers))
				case o == d:
					x.dl.Errorf(docAt(d, ref.key), "decision %s %s itself", d.Number, ref.key)
				default:
					if o.Year != d.Year {
						x.dl.Warnf(docAt(d, ref.key), "decision %s %s %s, which publishes %d, not %d", d.Number, ref.key, o.Number, o.Year, d.Year)
					}
					if a, b := find(d), find(o); a != b {
						parent[b] = a
					}
				}
			}
		}
	}

	years := map[int]bool{}
	for _, y := range res.Years {
		years[y] = true
	}
	ranked := map[gyKey]*par.Ranking{}
	for _, rk := range res.Rankings {
		ranked[gyKey{rk.Year, rk.Group.ID}] = rk
	}

	// Which decisions publish each ranking: those naming its group, and
	// those naming no group (every group of the year).
	covers := map[gyKey][]*par.Doc{}
	var keys []gyKey
	add := func(k gyKey, d *par.Doc) {
		if _, ok := covers[k]; !ok {
			keys = append(keys, k)
		}
		covers[k] = append(covers[k], d)
	}
	for _, d := range decs {
		if d.Year == 0 {
			continue // reported by ingest
		}
		if !years[d.Year] {
			x.dl.Because(diag.ResultsKey(d.Year)).Warnf(docAt(d, "year"), "decision %s publishes the results of %d, but there are no results for %d (no workbook under data/scores/%d/ gives any)", d.Number, d.Year, d.Year, d.Year)
			continue
		}
		if len(d.Groups) == 0 {
			for _, rk := range res.Rankings {
				if rk.Year == d.Year {
					add(gyKey{d.Year, rk.Group.ID}, d)
				}
			}
			continue
		}
		for _, g := range d.Groups {
			k := gyKey{d.Year, g}
			if ranked[k] == nil {
				x.dl.Because(diag.FrameworkYearKey(g, d.Year)).Warnf(docAt(d, "groups"), "decision %s publishes group %q for %d, but that group has no results in %d", d.Number, g, d.Year, d.Year)
			}
			add(k, d)
		}
	}

	// A decision publishing a ranking another decision publishes, with no
	// amends/replaces between them, is an error once per pair of
	// decisions, naming the groups they share.
	type pair struct{ later, first *par.Doc }
	shared := map[pair][]string{}
	var pairs []pair
	for _, k := range keys {
		ds := covers[k]
		for i, d := range ds {
			for _, o := range ds[:i] {
				if find(d) == find(o) {
					continue
				}
				p := pair{d, o}
				if _, ok := shared[p]; !ok {
					pairs = append(pairs, p)
				}
				shared[p] = append(shared[p], k.Group)
				break // one error per decision and ranking
			}
		}
		// The ranking shows its decision's publication in date order:
		// the first decision, then those amending or replacing it.
		if rk := ranked[k]; rk != nil && rk.Decision != nil {
			var pub []*par.Doc
			for _, d := range ds {
				if find(d) == find(rk.Decision) {
					pub = append(pub, d)
				}
			}
			rk.Decision, rk.Amendments = pub[0], pub[1:]
		}
	}
	for _, p := range pairs {
		at := docAt(p.later, "groups")
		if len(p.later.Groups) == 0 {
			at = docAt(p.later, "year")
		}
		x.dl.Errorf(at, "decision %s and decision %s (%s) both publish %s for %d; if %s amends or replaces %s, say so in its front matter: amends: %s (or replaces: %s)",
			p.later.Number, p.first.Number, p.first.Path, groupsText(shared[p]), p.later.Year, p.later.Number, p.first.Number, p.first.Number, p.first.Number)
	}
}

// groupsText is `group "so"` or `groups "so" and "tw"`.
func groupsText(gs []string) string {
	q := make([]string, len(gs))
	for i, g := range gs {
		q[i] = fmt.Sprintf("%q", g)
	}
	if len(q) == 1 {
		return "group " + q[0]
	}
	return "groups " + strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// numberHint offers the decision numbers closest to an unknown one.
func numberHint(n string, numbers []string) string {
	k := numberKey(n)
	best, bestD := "", max(2, len(k)/4)+1
	for _, m := range numbers {
		if d := viet.Distance(k, numberKey(m)); d < bestD {
			best, bestD = m, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// checkNarratives: a narrative for a year, a ranking or a unit-year that
// has no page is not shown; say so at its file (the unit and group ids in
// its path are checked by ingest).
func (x *run) checkNarratives(res *par.Results) {
	years := map[int]bool{}
	for _, y := range res.Years {
		years[y] = true
	}
	ranked := map[gyKey]bool{}
	for _, rk := range res.Rankings {
		ranked[gyKey{rk.Year, rk.Group.ID}] = true
	}
	for _, d := range x.ds.Docs {
		switch {
		case d.Kind == par.DocYear && !years[d.Year]:
			x.dl.Because(diag.ResultsKey(d.Year)).Warnf(d.Src, "narrative for %d, a year without results; it is not shown", d.Year)
		case d.Kind == par.DocGroupYear && !years[d.Year]:
			x.dl.Because(diag.ResultsKey(d.Year)).Warnf(d.Src, "narrative for group %q in %d, a year without results; it is not shown", d.Group, d.Year)
		case d.Kind == par.DocGroupYear && !ranked[gyKey{d.Year, d.Group}]:
			x.dl.Because(diag.FrameworkYearKey(d.Group, d.Year)).Warnf(d.Src, "narrative for group %q in %d, but that group has no results in %d; it is not shown", d.Group, d.Year, d.Year)
		case d.Kind == par.DocUnitYear:
			// A unit-year has a page when the unit is in that year's
			// ranking, scored or not: the narrative may say why not.
			listed := false
			for _, r := range res.ByUnit[d.Unit] {
				listed = listed || r.Year == d.Year
			}
			if !listed {
				x.dl.Warnf(d.Src, "narrative for unit %q in %d, a year in which it is in no ranking; it is not shown", d.Unit, d.Year)
			}
		}
	}
}
