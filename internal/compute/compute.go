// Package compute is the rules stage of parindex. Input: a par.Dataset as
// ingest read it (frameworks, unit registry, detail scoring sheets, summary
// annex rows, decision documents). Output: par.Results — one par.Ranking per
// results year and ranking group holding every unit's par.Result (totals,
// index, rank, band, areas, criteria tree, change since the previous year) —
// plus located diagnostics for every rule the data break (published figures
// that differ from the detail sheets, an annex that contradicts itself or
// its framework, results for units the registry says did not exist…).
// Reconcile then applies the project's register of differences the
// decisions printed (data/reconciliation.yaml) to the diagnostics of every
// stage. The rules are named and stated in docs/rules.md.
//
// Everything here is a pure function of the dataset: no I/O, no clock, no
// map iteration in output order, and all arithmetic on par.Points and
// par.Ratio (fixed point, never float).
package compute

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// Run computes every ranking of the dataset. It never fails: problems in the
// data are reported in the returned list and the affected figures left out
// (a unit-year with nothing to compute is shown as not scored; data of a
// group-year without framework make no ranking).
func Run(ds *par.Dataset) (*par.Results, *diag.List) {
	x := &run{
		ds:    ds,
		dl:    &diag.List{},
		coll:  viet.NewCollator(),
		reg:   ds.Registry,
		rk:    map[gyKey]*ranking{},
		nodes: map[*par.Framework]int{},
		where: map[unitYear]string{},
	}
	if x.reg == nil {
		x.reg = &par.Registry{}
	}
	res := &par.Results{ByUnit: map[string][]*par.Result{}}

	x.buildAll(x.collect())
	x.bands()
	x.annexChecks()
	x.checkRanksAndBands()

	years := []int{}
	for _, rk := range x.order {
		if len(years) == 0 || years[len(years)-1] != rk.r.Year {
			years = append(years, rk.r.Year)
		}
		rk.r.Decision = x.decision(rk.r.Year, rk.r.Group.ID)
		rk.r.AreaStats = areaStats(rk)
		rk.r.Criteria = Criteria(rk.r)
		res.Rankings = append(res.Rankings, rk.r)
		for _, e := range rk.entries {
			res.ByUnit[e.r.Unit.ID] = append(res.ByUnit[e.r.Unit.ID], e.r)
		}
	}
	res.Years = years
	// x.order is by year then group order, so each unit's list is already
	// ascending by year.
	x.changes(res)
	res.Histories = Histories(x.reg, res.Rankings)
	res.Pairs = Pairs(x.reg, res)
	x.comparisons(res)
	res.Weakness = Weaknesses(res)
	x.checkConsistency(res)
	return res, x.dl
}

// run holds the state of one Run call; nothing outlives it.
type run struct {
	ds   *par.Dataset
	dl   *diag.List
	coll *viet.Collator
	reg  *par.Registry

	rk    map[gyKey]*ranking
	order []*ranking // by year, then registry group order
	nodes map[*par.Framework]int
	where map[unitYear]string // group each unit-year's data went to
}

type unitYear struct {
	Unit string
	Year int
}

// gyKey identifies a ranking: one group in one results year.
type gyKey struct {
	Year  int
	Group string
}

// input is what the dataset holds about one unit in one year.
type input struct {
	unit  *par.Unit
	sheet *par.Sheet
	sum   *par.Summary
}

// firstSrc is where a unit-year's data are, for diagnostics about the
// unit-year as a whole.
func (in *input) firstSrc() par.Source {
	if in.sheet != nil {
		return sheetSrc(in.sheet)
	}
	return in.sum.Src
}

// ranking is a par.Ranking under construction.
type ranking struct {
	r       *par.Ranking
	fw      *par.Framework
	entries []*entry
	state   int // band resolution: 0 todo, 1 in progress, 2 done
}

// entry is one unit's result under construction with what it was made of.
type entry struct {
	r     *par.Result
	sheet *par.Sheet
	sum   *par.Summary
	calc  *sheetCalc // nil without a detail sheet
	pub   bool       // the summary row gives a total or an index

	compRank int          // rank computed from the figures, 0 if not ranked
	compBand par.BandMark // band from thresholds and special rules

	pubDiffers bool // the annex's total or index differs from the detail sheet (reported)
	rankBad    bool // the annex row's rank or ranking figure is out of line (reported)
}

// collect groups sheets and summary rows by ranking and unit, reporting
// units the registry does not know and duplicate rows.
func (x *run) collect() map[gyKey]map[string]*input {
	data := map[gyKey]map[string]*input{}
	get := func(unitID string, group string, year int, src par.Source) *input {
		u := x.reg.Unit(unitID)
		if u == nil {
			x.dl.Because(diag.UnitKey(unitID)).Errorf(src, "unit %q is not in the registry; its result is left out", unitID)
			return nil
		}
		if group == "" {
			group = u.Group
		}
		uy := unitYear{unitID, year}
		if prev, ok := x.where[uy]; ok && prev != group {
			x.dl.Errorf(src, "%s has results for %d in group %q here and in group %q elsewhere; this one is left out", unitID, year, group, prev)
			return nil
		}
		x.where[uy] = group
		k := gyKey{year, group}
		m := data[k]
		if m == nil {
			m = map[string]*input{}
			data[k] = m
		}
		in := m[unitID]
		if in == nil {
			in = &input{unit: u}
			m[unitID] = in
		}
		return in
	}
	for _, sh := range x.ds.Sheets {
		in := get(sh.Unit, sh.Group, sh.Year, sheetSrc(sh))
		if in == nil {
			continue
		}
		if in.sheet != nil {
			x.dl.Errorf(sheetSrc(sh), "second scoring sheet for %s in %d (the first is %s); this one is left out", sh.Unit, sh.Year, sheetSrc(in.sheet))
			continue
		}
		in.sheet = sh
	}
	for _, s := range x.ds.Summaries {
		in := get(s.Unit, s.Group, s.Year, s.Src)
		if in == nil {
			continue
		}
		if in.sum != nil {
			x.dl.Errorf(s.Src, "second summary row for %s in %d (the first is %s); this one is left out", s.Unit, s.Year, in.sum.Src)
			continue
		}
		in.sum = s
	}
	return data
}

// sortedKeys orders rankings by year, then group id; the final order by
// registry group order is applied when rankings are stored.
func sortedKeys(m map[gyKey]map[string]*input) []gyKey {
	ks := make([]gyKey, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b gyKey) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Group, b.Group))
	})
	return ks
}

// nameAt is the unit's name in force at the end of year.
func nameAt(u *par.Unit, year int) string {
	if n := u.NameAt(year).Name; n != "" {
		return n
	}
	return u.Current().Name
}

// build makes the ranking of one group-year from its data and the registry.
// buildAll computes the ranking of every group-year. Group-years are
// independent here (what one year says of the next is compared later, in
// changes), so they are computed on a worker per CPU, each with its own
// diagnostics and collator over the shared, read-only dataset and indexes;
// the rankings and diagnostics are then taken in key order, so the result
// is that of a serial run.
func (x *run) buildAll(data map[gyKey]map[string]*input) {
	keys := sortedKeys(data)
	for _, k := range keys {
		if fw := x.ds.Framework(k.Group, k.Year); fw != nil {
			x.nodeCount(fw) // fills x.nodes now: the workers only read it
		}
	}
	type built struct {
		rk *ranking
		dl *diag.List
	}
	out := make([]built, len(keys))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(keys)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := *x
			w.coll = viet.NewCollator() // a collator is not safe for concurrent use
			for {
				i := int(next.Add(1)) - 1
				if i >= len(keys) {
					return
				}
				w.dl = &diag.List{}
				out[i] = built{w.build(keys[i], data[keys[i]]), w.dl}
			}
		}()
	}
	wg.Wait()
	for i, b := range out {
		x.dl.Merge(b.dl)
		if b.rk != nil {
			x.insert(keys[i], b.rk)
		}
	}
}

// build computes one group-year's ranking, or nil when it has no group or
// framework (reported). It reads the run's indexes and writes only its
// diagnostics.
func (x *run) build(k gyKey, data map[string]*input) *ranking {
	ids := make([]string, 0, len(data))
	for id := range data {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	first := data[ids[0]].firstSrc()

	g := x.reg.Group(k.Group)
	if g == nil {
		x.dl.Because(diag.GroupKey(k.Group)).Errorf(first, "ranking group %q is not in the registry; its results for %d are left out", k.Group, k.Year)
		return nil
	}
	fw := x.ds.Framework(k.Group, k.Year)
	if fw == nil {
		x.dl.Because(diag.FrameworkYearKey(k.Group, k.Year)).Errorf(first, "no framework covers group %q in %d; its results are left out", k.Group, k.Year)
		return nil
	}

	rk := &ranking{r: &par.Ranking{Group: g, Year: k.Year, Framework: fw}, fw: fw}
	// Every unit of the group that existed on 31 December, in registry order…
	seen := map[string]bool{}
	for _, u := range x.reg.Units {
		if u.Group != k.Group || !u.ExistedAt(k.Year) {
			continue
		}
		if g, ok := x.where[unitYear{u.ID, k.Year}]; ok && g != k.Group {
			continue // its data put it in another group this year
		}
		seen[u.ID] = true
		rk.entries = append(rk.entries, x.entry(rk, data[u.ID], u))
	}
	// …plus every unit with data, even if the registry says it did not exist.
	for _, id := range ids {
		if seen[id] {
			continue
		}
		in := data[id]
		if in.unit.Group != k.Group {
			x.dl.Warnf(in.firstSrc(), "%s (%s) is in group %q by the registry but has results in group %q for %d", nameAt(in.unit, k.Year), id, in.unit.Group, k.Group, k.Year)
		}
		if !in.unit.ExistedAt(k.Year) {
			x.dl.Warnf(in.firstSrc(), "%s (%s) has results for %d but by the registry did not exist on 31/12/%d", nameAt(in.unit, k.Year), id, k.Year, k.Year)
		}
		rk.entries = append(rk.entries, x.entry(rk, in, in.unit))
	}
	x.rank(rk)
	return rk
}

// insert adds a computed ranking to the run, keeping x.order by year,
// then registry group order.
func (x *run) insert(k gyKey, rk *ranking) {
	x.rk[k] = rk
	pos := func(r *ranking) int { return slices.Index(x.reg.Groups, r.r.Group) }
	i, _ := slices.BinarySearchFunc(x.order, rk, func(a, b *ranking) int {
		return cmp.Or(cmp.Compare(a.r.Year, b.r.Year), cmp.Compare(pos(a), pos(b)))
	})
	x.order = slices.Insert(x.order, i, rk)
}

// entry computes one unit's result in a ranking: from its detail sheet, with
// the published figures of its summary row on top (rules "totals from the leaves" and "published figures win").
func (x *run) entry(rk *ranking, in *input, u *par.Unit) *entry {
	fw := rk.fw
	r := &par.Result{
		Unit:      u,
		Group:     rk.r.Group.ID,
		Year:      rk.r.Year,
		Framework: fw,
		Name:      nameAt(u, rk.r.Year),
		Max:       fw.Max(),
	}
	e := &entry{r: r}
	if in == nil {
		return e // existed but has no data: not scored
	}
	e.sheet, e.sum = in.sheet, in.sum
	if e.sheet != nil {
		if e.sheet.Framework != "" && e.sheet.Framework != fw.ID {
			x.dl.Errorf(sheetSrc(e.sheet), "the sheet was read against framework %s, but group %q in %d is scored by framework %s", e.sheet.Framework, r.Group, r.Year, fw.ID)
		}
		e.calc = x.computeSheet(fw, e.sheet, r.Name)
		e.calc.apply(r, fw)
	}
	if e.sum != nil {
		x.overlay(e, fw)
	}
	if e.calc != nil && e.calc.scored && e.sum != nil {
		x.compare(e, fw)
	}
	return e
}

// sheetSrc is the file and sheet of a scoring sheet, without a cell: the
// place of figures computed from the whole sheet.
func sheetSrc(sh *par.Sheet) par.Source {
	return par.Source{File: sh.Src.File, Sheet: sh.Src.Sheet}
}
