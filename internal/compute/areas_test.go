package compute

import (
	"testing"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// areaResult is a scored result with the given area points; max "" keeps
// the applicable maximum unknown (annex only), points "" leaves the area
// score missing.
func areaResult(u *par.Unit, fw *par.Framework, year int, detail bool, areas ...[3]string) *par.Result {
	r := &par.Result{Unit: u, Group: u.Group, Year: year, Framework: fw, Name: u.Names[0].Name, Scored: true, Detail: detail}
	for _, a := range areas {
		ar := par.AreaResult{Code: a[0]}
		if a[1] != "" {
			ar.Points = par.Pub(P(a[1]), 2, par.Source{})
		}
		if a[2] != "" {
			ar.Max = P(a[2])
		}
		r.Areas = append(r.Areas, ar)
		if detail && a[2] == "0" {
			r.Tree = append(r.Tree, &par.NodeResult{Node: &par.Node{Code: a[0]}, NA: true})
		}
	}
	return r
}

func handRanking(group string, year int, fw *par.Framework, rs ...*par.Result) *par.Ranking {
	return &par.Ranking{Group: &par.Group{ID: group, Name: "Khối " + group}, Year: year, Framework: fw, Results: rs}
}

type areaWant struct {
	unit      string
	rank      int
	share     string // "" when unknown
	change    string // "" when no change
	why       string // with share "": the reason there is none
	estimated bool
}

func checkArea(t *testing.T, ar *par.AreaRanking, want []areaWant) {
	t.Helper()
	if len(ar.Rows) != len(want) {
		t.Fatalf("area %s: %d rows, want %d", ar.Code, len(ar.Rows), len(want))
	}
	for i, w := range want {
		row := ar.Rows[i]
		got := areaWant{unit: row.Result.Unit.ID, rank: row.Rank, why: row.Why.String(), estimated: row.Estimated}
		if row.Known {
			got.share = row.Share.Format(2)
		}
		if row.HasChange {
			got.change = row.Change.Format(2)
		}
		if got != w {
			t.Errorf("area %s row %d: got %+v, want %+v (no change: %q)", ar.Code, i, got, w, row.NoChange.String())
		}
	}
}

// Rule "area comparison": units ranked on an area by their points as a
// share of their applicable area maximum; a not-applicable criterion
// lowers the maximum, not the share; a unit whose every criterion of the
// area is not applicable, or without area score, is listed unranked with
// the reason, never as 0; equal shares share a rank; without a detail
// sheet the framework's area maximum stands in (estimated).
func TestCompareAreasWithinFramework(t *testing.T) {
	fw := framework("f", []string{"so"}, 2020, 0, inner("I", leaf("1", "10", ""), leaf("2", "10", "")), inner("II", leaf("3", "10", "")))
	a, b, c, d, e := unit("a", "so", "An"), unit("b", "so", "Bình"), unit("c", "so", "Cường"), unit("d", "so", "Dũng"), unit("e", "so", "Em")
	prev := handRanking("so", 2023, fw,
		areaResult(a, fw, 2023, true, [3]string{"I", "10", "20"}, [3]string{"II", "5", "10"}),
		areaResult(b, fw, 2023, true, [3]string{"I", "15", "20"}, [3]string{"II", "5", "10"}),
	)
	rs := []*par.Result{
		// 9 of an applicable 10 (criterion 2 not applicable): 90 %, above b's 17/20.
		areaResult(a, fw, 2024, true, [3]string{"I", "9", "10"}, [3]string{"II", "8", "10"}),
		areaResult(b, fw, 2024, true, [3]string{"I", "17", "20"}, [3]string{"II", "8", "10"}),
		// Annex only: 17 of the framework's 20, tied with b.
		areaResult(c, fw, 2024, false, [3]string{"I", "17", ""}, [3]string{"II", "", ""}),
		// Every criterion of II not applicable.
		areaResult(d, fw, 2024, true, [3]string{"I", "10", "20"}, [3]string{"II", "0", "0"}),
		{Unit: e, Group: "so", Year: 2024, Framework: fw, Name: "Em"},
	}
	rs[0].Prev = &par.Change{Year: 2023}
	rs[1].Prev = &par.Change{Year: 2023}
	byUnit := map[string][]*par.Result{"a": {prev.Results[0]}, "b": {prev.Results[1]}}
	prevOf := previousResult(&par.Results{ByUnit: byUnit})
	ac := compareAreas(handRanking("so", 2024, fw, rs...), prev, prevOf, viet.NewCollator())
	if !ac.Scored || !ac.Estimated || ac.Across || ac.PrevYear != 2023 {
		t.Fatalf("comparison: scored %v estimated %v across %v prev %d", ac.Scored, ac.Estimated, ac.Across, ac.PrevYear)
	}
	checkArea(t, ac.Areas[0], []areaWant{
		{unit: "a", rank: 1, share: "90.00", change: "40.00"},
		{unit: "b", rank: 2, share: "85.00", change: "10.00"},
		{unit: "c", rank: 2, share: "85.00", estimated: true},
		{unit: "d", rank: 4, share: "50.00"},
		{unit: "e", why: "chưa chấm điểm"},
	})
	checkArea(t, ac.Areas[1], []areaWant{
		{unit: "a", rank: 1, share: "80.00", change: "30.00"},
		{unit: "b", rank: 1, share: "80.00", change: "30.00"},
		{unit: "c", why: "không có điểm lĩnh vực"},
		{unit: "d", why: "mọi tiêu chí của lĩnh vực không áp dụng với đơn vị"},
		{unit: "e", why: "chưa chấm điểm"},
	})
	if got := ac.Areas[1].Avg.Format(2); ac.Areas[1].N != 2 || got != "80.00" {
		t.Errorf("area II: %d units, average %s", ac.Areas[1].N, got)
	}
	if c := ac.Areas[0].Rows[2]; c.NoChange.IsZero() {
		t.Error("a unit without previous result has no reason for its missing change")
	}
}

// Rule "comparisons across a framework change": across a change an area
// compares only through the new framework's area map: one to one
// (renamed), merged (the old areas together), split (not alone), unmapped
// (never), and without a map not at all.
func TestCompareAreasAcrossFrameworks(t *testing.T) {
	old := framework("old", []string{"so"}, 2020, 2023,
		inner("I", leaf("1", "10", "")), inner("II", leaf("2", "10", "")), inner("III", leaf("3", "10", "")), inner("IV", leaf("4", "10", "")))
	nw := framework("new", []string{"so"}, 2024, 0,
		inner("A", leaf("1", "10", "")), inner("B", leaf("2", "20", "")), inner("C", leaf("3", "10", "")), inner("D", leaf("4", "10", "")), inner("E", leaf("5", "10", "")))
	nw.Previous = "old"
	nw.AreaMap = []par.AreaLink{
		{Areas: []string{"A"}, Prev: []string{"I"}},         // renamed
		{Areas: []string{"B"}, Prev: []string{"II", "III"}}, // merged
		{Areas: []string{"C", "D"}, Prev: []string{"IV"}},   // split
	}
	a := unit("a", "so", "An")
	p := areaResult(a, old, 2023, true, [3]string{"I", "5", "10"}, [3]string{"II", "6", "10"}, [3]string{"III", "9", "10"}, [3]string{"IV", "5", "10"})
	r := areaResult(a, nw, 2024, true, [3]string{"A", "8", "10"}, [3]string{"B", "16", "20"}, [3]string{"C", "5", "10"}, [3]string{"D", "5", "10"}, [3]string{"E", "5", "10"})
	r.Prev = &par.Change{Year: 2023}
	prevOf := previousResult(&par.Results{ByUnit: map[string][]*par.Result{"a": {p}}})
	ac := compareAreas(handRanking("so", 2024, nw, r), handRanking("so", 2023, old, p), prevOf, viet.NewCollator())
	if !ac.Across || ac.PrevFramework != old {
		t.Fatalf("across %v, previous framework %v", ac.Across, ac.PrevFramework)
	}
	wantChange := map[string]string{"A": "30.00", "B": "5.00", "C": "", "D": "", "E": ""}
	wantCont := map[string]bool{"A": true}
	for _, ar := range ac.Areas {
		row := ar.Rows[0]
		got := ""
		if row.HasChange {
			got = row.Change.Format(2)
		}
		if got != wantChange[ar.Code] || (got == "" && row.NoChange.IsZero()) {
			t.Errorf("area %s: change %q (%q), want %q", ar.Code, got, row.NoChange.String(), wantChange[ar.Code])
		}
		if ar.Match.Continues != wantCont[ar.Code] || !ar.Match.Across {
			t.Errorf("area %s: match %+v", ar.Code, ar.Match)
		}
	}
	// Without a map, nothing but the index compares.
	nw.Previous, nw.AreaMap = "", nil
	ac = compareAreas(handRanking("so", 2024, nw, r), handRanking("so", 2023, old, p), prevOf, viet.NewCollator())
	for _, ar := range ac.Areas {
		if ar.Rows[0].HasChange || ar.Match.Why.IsZero() {
			t.Errorf("area %s compared without an area map: %+v", ar.Code, ar.Match)
		}
	}
}

// An incomplete detail sheet's area sum is partial: an area with a
// criterion lacking its appraised score has no share; the others do.
func TestCompareAreasIncomplete(t *testing.T) {
	fw := framework("f", []string{"so"}, 2020, 0, inner("I", leaf("1", "10", "")), inner("II", leaf("2", "10", "")))
	a := unit("a", "so", "An")
	r := &par.Result{Unit: a, Group: "so", Year: 2024, Framework: fw, Name: "An", Detail: true, Incomplete: true, Missing: []string{"II/2"},
		Areas: []par.AreaResult{{Code: "I", Max: P("10"), Points: par.Comp(P("7"), 2, par.Source{})}, {Code: "II", Max: P("10"), Points: par.Comp(P("0"), 2, par.Source{})}}}
	ac := compareAreas(handRanking("so", 2024, fw, r), nil, func(*par.Result) *par.Result { return nil }, viet.NewCollator())
	checkArea(t, ac.Areas[0], []areaWant{{unit: "a", rank: 1, share: "70.00"}})
	checkArea(t, ac.Areas[1], []areaWant{{unit: "a", why: "không có điểm lĩnh vực"}})
}
