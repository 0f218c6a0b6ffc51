package site

import (
	"testing"

	"parindex/internal/par"
)

// Issue 12, 8: the report lists the scored criteria where points were
// lost, most first; not applicable and not appraised are not losses.
func TestLostCriteria(t *testing.T) {
	leaf := func(code string, max, appr par.Points, known, na bool) *par.NodeResult {
		n := &par.NodeResult{Node: &par.Node{Code: code, Title: "T" + code}, Max: max, NA: na}
		if known {
			n.Appraised = par.Figure{Value: appr, Decimals: 2, Origin: par.Published}
			n.Lost = max - appr
		}
		return n
	}
	p := par.Points(par.Scale)
	tree := []*par.NodeResult{
		{Node: &par.Node{Code: "I"}, Children: []*par.NodeResult{
			leaf("1", 3*p, 2*p, true, false), // lost 1
			leaf("2", 2*p, 2*p, true, false), // full marks
			leaf("3", 2*p, 0, false, false),  // not appraised: missing
			leaf("4", 0, 0, true, true),      // not applicable
			{Node: &par.Node{Code: "5"}, Children: []*par.NodeResult{
				leaf("5.1", 4*p, 2*p, true, false), // lost 2, nested
			}},
		}},
		{Node: &par.Node{Code: "II"}, Children: []*par.NodeResult{
			leaf("1", 3*p, 2*p, true, false), // lost 1, ties keep the order
		}},
	}
	got := lostCriteria(tree)
	want := []struct {
		area, code string
		lost       par.Points
	}{{"I", "5.1", 2 * p}, {"I", "1", p}, {"II", "1", p}}
	if len(got) != len(want) {
		t.Fatalf("got %d criteria %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		if got[i].Area != w.area || got[i].Code != w.code || got[i].Lost != w.lost {
			t.Errorf("%d: got %s %s %v, want %s %s %v", i, got[i].Area, got[i].Code, got[i].Lost, w.area, w.code, w.lost)
		}
	}
	if lostCriteria(nil) != nil {
		t.Error("no tree: want no criteria")
	}
}
