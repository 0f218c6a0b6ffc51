package compute

import (
	"testing"

	"parindex/internal/par"
)

// Rule "criteria the group struggles with": only complete detail sheets
// count; a not-applicable criterion is counted apart, never as a loss or
// as 0; bonus items (no maximum) are not criteria to lose points on.
func TestCriteria(t *testing.T) {
	p := par.MustPoints
	a := &par.Node{Code: "I", Max: p("3")}
	c1 := &par.Node{Code: "1", Max: p("2")}
	c2 := &par.Node{Code: "2", Max: p("1")}
	bonus := &par.Node{Code: "+", Max: 0}
	a.Children = []*par.Node{c1, c2, bonus}
	fw := &par.Framework{ID: "fw", Areas: []*par.Node{a}}
	leaf := func(n *par.Node, max, got string, na bool) *par.NodeResult {
		nr := &par.NodeResult{Node: n, NA: na}
		if !na {
			nr.Max = p(max)
			nr.Appraised = par.Figure{Value: p(got), Decimals: 2, Origin: par.Published}
		}
		return nr
	}
	unit := func(id string, scored, detail, incomplete bool, leaves ...*par.NodeResult) *par.Result {
		return &par.Result{Unit: &par.Unit{ID: id}, Scored: scored, Detail: detail, Incomplete: incomplete,
			Tree: []*par.NodeResult{{Node: a, Children: leaves}}}
	}
	rk := &par.Ranking{Framework: fw, Results: []*par.Result{
		unit("a", true, true, false, leaf(c1, "2", "2", false), leaf(c2, "1", "0.5", false)),
		unit("b", true, true, false, leaf(c1, "2", "1", false), leaf(c2, "", "", true)),
		unit("c", true, true, true, leaf(c1, "2", "0", false), leaf(c2, "1", "0", false)), // incomplete: left out
		unit("d", false, false, false), // not scored: left out
	}}
	c := Criteria(rk)
	if c == nil || len(c.Units) != 2 || len(c.Stats) != 2 {
		t.Fatalf("Criteria = %+v, want 2 units (a, b) and 2 criteria (no bonus)", c)
	}
	s1, s2 := c.Stats[0], c.Stats[1]
	if s1.N != 2 || s1.Lost != 1 || s1.Full != 1 || s1.LostPoints != p("1") || s1.AvgLost != p("0.5") || s1.LostShare() != p("50") || s1.Avg != p("1.5") || s1.Best != p("2") {
		t.Errorf("criterion 1: %+v", s1)
	}
	if s2.N != 1 || s2.NA != 1 || s2.Lost != 1 || s2.AvgLost != p("0.5") || s2.Known[1] || !s2.Known[0] || s2.Shares[0] != p("50") {
		t.Errorf("criterion 2 (not applicable for b): %+v", s2)
	}
	if Criteria(&par.Ranking{Framework: fw, Results: []*par.Result{unit("d", false, false, false)}}) != nil {
		t.Error("no complete detail sheet: want nil")
	}
}
