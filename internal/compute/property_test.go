package compute

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"parindex/internal/par"
)

// checkCompetition asserts the shape of rule "ranks at full precision" on a ranking: scored units first,
// in non-increasing Exact order, each ranked 1 + the number of units with a
// strictly greater value; unscored units after them with rank 0.
func checkCompetition(t *testing.T, rk *par.Ranking) {
	t.Helper()
	seenUnscored := false
	for i, r := range rk.Results {
		if !r.Scored {
			seenUnscored = true
			if r.Rank.N != 0 {
				t.Errorf("unscored %s ranked %d", r.Unit.ID, r.Rank.N)
			}
			continue
		}
		if seenUnscored {
			t.Errorf("scored %s after an unscored unit", r.Unit.ID)
		}
		if i > 0 && rk.Results[i-1].Scored && rk.Results[i-1].Exact.Cmp(r.Exact) < 0 {
			t.Errorf("%s above %s with a lower value", rk.Results[i-1].Unit.ID, r.Unit.ID)
		}
		greater := 0
		for _, o := range rk.Results {
			if o.Scored && o.Exact.Cmp(r.Exact) > 0 {
				greater++
			}
		}
		if r.Rank.N != greater+1 {
			t.Errorf("%s rank %d, want %d", r.Unit.ID, r.Rank.N, greater+1)
		}
	}
}

// Rule "ranks at full precision" as a property: for random annex rows (many ties, some equal at two
// decimals, some not scored, some duplicate names), ranks form a valid
// competition ranking, and shuffling the input order of units and rows
// changes nothing.
func TestRanksPropertyStable(t *testing.T) {
	names := []string{"Sở Âm", "Sở Ăn", "Sở An", "Sở Bình", "Sở Đông", "Sở Dương", "Sở Ơn", "Sở Ôn", "Sở On"}
	values := []string{"", "50", "75.5", "75.5", "75.504", "75.496", "90", "0", "100"}
	for seed := uint64(1); seed <= 40; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		n := 1 + rng.IntN(30)
		var units []*par.Unit
		var sums []*par.Summary
		for i := range n {
			id := "u" + strconv.Itoa(i)
			units = append(units, unit(id, "so", names[rng.IntN(len(names))]))
			index := ""
			total := values[rng.IntN(len(values))]
			if total != "" && rng.IntN(4) == 0 {
				total, index = "", total // some rows publish only the index
			}
			sums = append(sums, annex(id, 2023, i+5, total, index))
		}
		runOnce := func(perm func(int) []int) (string, map[string]int) {
			ui, si := perm(n), perm(n)
			us := make([]*par.Unit, n)
			ss := make([]*par.Summary, n)
			for i := range n {
				us[i], ss[i] = units[ui[i]], sums[si[i]]
			}
			ds := &par.Dataset{
				Registry:   registry(groups("so"), us...),
				Frameworks: []*par.Framework{flatFW("f", "so", "100")},
				Summaries:  ss,
			}
			res, _ := Run(ds)
			rk := rankingOf(res, "so", 2023)
			checkCompetition(t, rk)
			ranks := map[string]int{}
			for _, r := range rk.Results {
				ranks[r.Unit.ID] = r.Rank.N
			}
			return order(rk), ranks
		}
		identity := func(n int) []int {
			p := make([]int, n)
			for i := range p {
				p[i] = i
			}
			return p
		}
		o1, r1 := runOnce(identity)
		o2, r2 := runOnce(rng.Perm)
		if o1 != o2 {
			t.Errorf("seed %d: order depends on input order:\n%s\n%s", seed, o1, o2)
		}
		for id, k := range r1 {
			if r2[id] != k {
				t.Errorf("seed %d: %s rank %d vs %d", seed, id, k, r2[id])
			}
		}
	}
}

// BenchmarkRun is the compute stage on a benchmark-sized input: 3,000 units
// in three groups over 10 years, each with a detail sheet of 60 criteria.
func BenchmarkRun(b *testing.B) {
	var maxima []string
	for i := 0; i < 60; i++ {
		maxima = append(maxima, "2")
	}
	gs := groups("so", "huyen", "xa")
	var fws []*par.Framework
	for _, g := range gs {
		fws = append(fws, flatFW("f-"+g.ID, g.ID, maxima...))
	}
	var units []*par.Unit
	var sheets []*par.Sheet
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		g := gs[i%3].ID
		id := g + strconv.Itoa(i)
		units = append(units, unit(id, g, "Đơn vị "+strconv.Itoa(i)))
		for y := 2016; y < 2026; y++ {
			var rows []string
			for k := 1; k <= 60; k++ {
				rows = append(rows, "I/"+strconv.Itoa(k)+"="+strconv.Itoa(rng.IntN(3)))
			}
			sheets = append(sheets, sheetOf(id, y, "data/scores/"+strconv.Itoa(y)+"/"+id+".xlsx", rows...))
		}
	}
	ds := &par.Dataset{Registry: registry(gs, units...), Frameworks: fws, Sheets: sheets}
	b.ResetTimer()
	for range b.N {
		Run(ds)
	}
}
