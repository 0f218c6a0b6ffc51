package compute

import (
	"testing"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// gapTree builds a detail result's tree over fw's leaves: scores maps a
// leaf key to [self, appraised] ("" missing, "na" not applicable).
func gapResult(u *par.Unit, fw *par.Framework, year int, scores map[string][2]string) *par.Result {
	r := &par.Result{Unit: u, Group: u.Group, Year: year, Framework: fw, Name: u.Names[0].Name, Scored: true, Detail: true}
	var build func(n *par.Node) *par.NodeResult
	build = func(n *par.Node) *par.NodeResult {
		nr := &par.NodeResult{Node: n}
		if !n.Leaf() {
			for _, c := range n.Children {
				nr.Children = append(nr.Children, build(c))
			}
			return nr
		}
		s := scores[n.Key]
		if s[0] == "na" {
			nr.NA = true
			return nr
		}
		nr.Max = n.Max
		if s[0] != "" {
			nr.Self = par.Pub(P(s[0]), 2, par.Source{})
		}
		if s[1] != "" {
			nr.Appraised = par.Pub(P(s[1]), 2, par.Source{})
		}
		return nr
	}
	for _, a := range fw.Areas {
		r.Tree = append(r.Tree, build(a))
	}
	return r
}

// Rule "self-assessment gap": self-assessed minus appraised points over
// the self-assessed criteria only — survey criteria, a leaf without a
// self-assessed score and a not-applicable leaf are out of both sides —
// as points and as a share of the self-assessed maximum considered;
// ranked by that share; a unit without detail sheet or with an incomplete
// one has no gap (never 0); the trend lists every year of the group.
func TestSelfGaps(t *testing.T) {
	fw := framework("f", []string{"so"}, 2020, 0,
		inner("I", leaf("1", "10", ""), leaf("2", "10", ""), leaf("3", "5", par.MethodSurvey)),
		inner("II", leaf("4", "10", ""), leaf("5", "5", par.MethodSatisfaction)))
	a, b, c, d, e, f := unit("a", "so", "An"), unit("b", "so", "Bình"), unit("c", "so", "Cường"), unit("d", "so", "Dũng"), unit("e", "so", "Em"), unit("f", "so", "Phúc")
	ra := gapResult(a, fw, 2024, map[string][2]string{"I/1": {"10", "8"}, "I/2": {"9", "9"}, "I/3": {"", "4"}, "II/4": {"10", "6"}, "II/5": {"", "3"}})
	// Leaf 2 without self score: out of both sides; 1 and 4 give 20 − 14 over 20.
	rb := gapResult(b, fw, 2024, map[string][2]string{"I/1": {"10", "7"}, "I/2": {"", "9"}, "I/3": {"", "4"}, "II/4": {"10", "7"}})
	// Leaf 4 not applicable: 1 and 2 give 15 − 12 = 3 over 20 (15 %).
	rc := gapResult(c, fw, 2024, map[string][2]string{"I/1": {"8", "6"}, "I/2": {"7", "6"}, "II/4": {"na", ""}})
	rd := &par.Result{Unit: d, Group: "so", Year: 2024, Framework: fw, Name: "Dũng", Scored: true} // annex only
	re := gapResult(e, fw, 2024, map[string][2]string{"I/1": {"10", ""}, "I/2": {"9", "9"}, "II/4": {"10", "6"}})
	re.Incomplete, re.Scored = true, false
	// Understated: appraisal gave more than the unit claimed (a negative gap).
	rf := gapResult(f, fw, 2024, map[string][2]string{"I/1": {"5", "6"}, "I/2": {"5", "5"}, "II/4": {"5", "5"}})
	old := gapResult(a, fw, 2023, map[string][2]string{"I/1": {"10", "10"}, "I/2": {"10", "10"}, "II/4": {"10", "9"}})
	oldAnnex := &par.Result{Unit: a, Group: "so", Year: 2022, Framework: fw, Name: "An", Scored: true}
	byUnit := map[string][]*par.Result{"a": {oldAnnex, old, ra}}
	sg := selfGaps(handRanking("so", 2024, fw, ra, rb, rc, rd, re, rf), byUnit, viet.NewCollator())
	if sg.LeftOutMax != P("10") || !sg.Detail {
		t.Errorf("left out %s, detail %v", sg.LeftOutMax, sg.Detail)
	}
	type want struct {
		unit                      string
		rank                      int
		self, appr, max, gap, pct string
		noSelf, na                int
		why                       string
	}
	wants := []want{
		{"b", 1, "20.00", "14.00", "20.00", "6.00", "30.00", 1, 0, ""},
		{"a", 2, "29.00", "23.00", "30.00", "6.00", "20.00", 0, 0, ""},
		{"c", 3, "15.00", "12.00", "20.00", "3.00", "15.00", 0, 1, ""},
		{"f", 4, "15.00", "16.00", "30.00", "-1.00", "-3.33", 0, 0, ""},
		{"d", 0, "", "", "", "", "", 0, 0, "không có phiếu chấm chi tiết"},
		{"e", 0, "", "", "", "", "", 0, 0, "phiếu chấm thiếu điểm thẩm định"},
	}
	if len(sg.Rows) != len(wants) {
		t.Fatalf("%d rows", len(sg.Rows))
	}
	for i, w := range wants {
		row := sg.Rows[i]
		g := row.Gap
		got := want{unit: row.Result.Unit.ID, rank: row.Rank, noSelf: g.NoSelf, na: g.NA, why: g.Why.String()}
		if g.Known {
			got.self, got.appr, got.max, got.gap, got.pct = g.Self.Format(2), g.Appraised.Format(2), g.Max.Format(2), g.Gap.Format(2), g.Share.Format(2)
		}
		if got != w {
			t.Errorf("row %d: got %+v, want %+v", i, got, w)
		}
	}
	tr := sg.Rows[1].Trend
	if len(tr) != 3 || tr[0].Known || tr[0].Why.IsZero() || !tr[1].Known || tr[1].Gap != P("1") || tr[2].Gap != P("6") {
		t.Errorf("trend of a: %+v", tr)
	}
}

// A tie on the gap's share shares a rank (1, 1, 3).
func TestSelfGapTie(t *testing.T) {
	fw := framework("f", []string{"so"}, 2020, 0, inner("I", leaf("1", "10", ""), leaf("2", "10", "")))
	a, b, c := unit("a", "so", "An"), unit("b", "so", "Bình"), unit("c", "so", "Cường")
	ra := gapResult(a, fw, 2024, map[string][2]string{"I/1": {"10", "9"}, "I/2": {"10", "9"}})
	rb := gapResult(b, fw, 2024, map[string][2]string{"I/1": {"10", "9"}, "I/2": {"na", ""}}) // 1/10, as a's 2/20
	rc := gapResult(c, fw, 2024, map[string][2]string{"I/1": {"10", "10"}, "I/2": {"10", "10"}})
	sg := selfGaps(handRanking("so", 2024, fw, rc, rb, ra), nil, viet.NewCollator())
	var got []string
	for _, r := range sg.Rows {
		got = append(got, r.Result.Unit.ID+itoa(r.Rank))
	}
	if w := []string{"a1", "b1", "c3"}; len(got) != 3 || got[0] != w[0] || got[1] != w[1] || got[2] != w[2] {
		t.Errorf("order %v, want %v", got, w)
	}
}
