package compute

import (
	"strings"
	"testing"

	"parindex/internal/par"
)

// scoredResult is gapResult with the total, maximum, rank and exact
// ranking value of a scored unit.
func scoredResult(u *par.Unit, fw *par.Framework, year int, rank int, scores map[string][2]string) *par.Result {
	r := gapResult(u, fw, year, scores)
	var total, mx par.Points
	for _, l := range fw.Leaves() {
		s := scores[l.Key]
		if s[0] == "na" {
			continue
		}
		mx += l.Max
		if s[1] != "" {
			total += P(s[1])
		}
	}
	r.Total = par.Comp(total, 2, par.Source{})
	r.Max = mx
	r.Index = par.Comp(par.Ratio{Num: total, Den: mx}.Percent(), 2, par.Source{})
	r.Exact = par.Ratio{Num: total, Den: mx}
	r.Rank = par.Rank{N: rank, Origin: par.Computed}
	return r
}

func weaknessesOf(rks ...*par.Ranking) map[*par.Result]*par.Weakness {
	res := &par.Results{Rankings: rks, ByUnit: map[string][]*par.Result{}}
	for _, rk := range rks {
		for _, r := range rk.Results {
			res.ByUnit[r.Unit.ID] = append(res.ByUnit[r.Unit.ID], r)
		}
	}
	return Weaknesses(res)
}

// Rule "points lost": the leaves where points were lost, most first, with
// the group's average, best and full marks over the complete detail
// sheets only (an incomplete sheet's 0 or blank never counts; a
// not-applicable criterion is out of the group figure and loses nothing);
// totals per area and per scoring method, the self-assessed part set
// against the appraised points of the same criteria.
func TestPointsLost(t *testing.T) {
	fw := framework("f", []string{"so"}, 2020, 0,
		inner("I", leaf("1", "10", ""), leaf("2", "10", ""), leaf("3", "5", par.MethodSurvey)),
		inner("II", leaf("4", "10", ""), leaf("5", "5", par.MethodSatisfaction)))
	a, b, c, d, e := unit("a", "so", "An"), unit("b", "so", "Bình"), unit("c", "so", "Cường"), unit("d", "so", "Dũng"), unit("e", "so", "Em")
	ra := scoredResult(a, fw, 2024, 2, map[string][2]string{"I/1": {"10", "8"}, "I/2": {"10", "10"}, "I/3": {"", "4"}, "II/4": {"10", "6"}, "II/5": {"", "5"}})
	ra.Tree[1].Children[0].Remark, ra.Tree[1].Children[0].Evidence = "Chưa đạt", "Báo cáo số 12"
	rb := scoredResult(b, fw, 2024, 1, map[string][2]string{"I/1": {"10", "10"}, "I/2": {"10", "10"}, "I/3": {"", "5"}, "II/4": {"8", "8"}, "II/5": {"", "5"}})
	rc := scoredResult(c, fw, 2024, 3, map[string][2]string{"I/1": {"na", ""}, "I/2": {"7", "7"}, "I/3": {"", "3"}, "II/4": {"10", "10"}, "II/5": {"", "4"}})
	// Incomplete: its 0 on I/2 and its blank I/1 stay out of the group figures.
	rd := gapResult(d, fw, 2024, map[string][2]string{"I/1": {"10", ""}, "I/2": {"0", "0"}, "I/3": {"", "1"}, "II/4": {"1", "1"}, "II/5": {"", "1"}})
	rd.Incomplete, rd.Scored = true, false
	re := &par.Result{Unit: e, Group: "so", Year: 2024, Framework: fw, Name: "Em", Scored: true} // annex only
	ws := weaknessesOf(handRanking("so", 2024, fw, rb, ra, rc, rd, re))
	if ws[re] != nil {
		t.Errorf("annex-only result has a review")
	}
	w := ws[ra]
	if w == nil {
		t.Fatal("no review for a")
	}
	type lostWant struct {
		key, score, lost, avg, best string
		n, full                     int
		over                        bool
	}
	var got []lostWant
	for _, l := range w.Lost {
		got = append(got, lostWant{l.Node.Key, l.Score.Value.Format(2), l.Lost.Format(2), l.Group.Avg.Format(2), l.Group.Best.Format(2), l.Group.N, l.Group.Full, l.Overclaimed})
	}
	want := []lostWant{
		{"II/4", "6.00", "4.00", "8.00", "10.00", 3, 1, true},
		{"I/1", "8.00", "2.00", "9.00", "10.00", 2, 1, true},
		{"I/3", "4.00", "1.00", "4.00", "5.00", 3, 1, false},
	}
	if len(got) != len(want) {
		t.Fatalf("lost: %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("lost %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if w.Lost[0].Remark != "Chưa đạt" || w.Lost[0].Evidence != "Báo cáo số 12" || w.Lost[0].Area.Code != "II" {
		t.Errorf("remark, evidence, area: %+v", w.Lost[0])
	}
	if w.TotalLost != P("7") || w.Criteria != 5 || w.Unscored != 0 || w.GroupN != 3 {
		t.Errorf("total %s, criteria %d, unscored %d, group %d", w.TotalLost, w.Criteria, w.Unscored, w.GroupN)
	}
	areas := []string{}
	for _, al := range w.Areas {
		areas = append(areas, al.Node.Code+" "+al.Max.Format(2)+" "+al.Score.Format(2)+" "+al.Lost.Format(2)+" "+al.Share.Format(2)+" "+itoa(al.Criteria))
	}
	if s := strings.Join(areas, "; "); s != "I 25.00 22.00 3.00 12.00 2; II 15.00 11.00 4.00 26.67 1" {
		t.Errorf("areas: %s", s)
	}
	parts := []string{}
	for _, p := range w.Parts {
		parts = append(parts, string(p.Method)+" "+itoa(p.Criteria)+" "+p.Max.Format(2)+" "+p.Appraised.Format(2)+" "+p.Lost.Format(2)+" "+itoa(p.SelfCriteria)+" "+p.Self.Format(2)+" "+p.SelfAppraised.Format(2))
	}
	if s := strings.Join(parts, "; "); s != "self 3 30.00 24.00 6.00 3 30.00 24.00; survey 1 5.00 4.00 1.00 0 0.00 0.00; satisfaction 1 5.00 5.00 0.00 0 0.00 0.00" {
		t.Errorf("parts: %s", s)
	}
	// Not applicable: no points lost, and no criterion counted.
	if wc := ws[rc]; wc.Criteria != 4 || len(wc.Lost) != 3 || wc.TotalLost != P("6") {
		t.Errorf("c: criteria %d, lost %d, total %s", wc.Criteria, len(wc.Lost), wc.TotalLost)
	}
	// Incomplete sheet: reviewed over the criteria it scores; the blank
	// one is counted apart, never as a loss.
	if wd := ws[rd]; wd == nil || wd.Unscored != 1 || wd.Criteria != 4 || wd.TotalLost != P("27") {
		t.Errorf("d: %+v", wd)
	}
	if wb := ws[rb]; len(wb.Lost) != 1 || wb.Lost[0].Node.Key != "II/4" || wb.Lost[0].Overclaimed {
		t.Errorf("b: %+v", wb.Lost)
	}
}

// Rule "persistent weaknesses": a criterion lost this year and the years
// before it, back while each year has a detail sheet and the criterion
// can be matched — by key within a framework, across a change only
// through a one-to-one area link and the same code and title.
func TestPersistent(t *testing.T) {
	f1 := framework("f1", []string{"so"}, 2021, 2023, inner("I", leaf("1", "10", ""), leaf("2", "10", "")), inner("II", leaf("3", "10", "")))
	f2 := framework("f2", []string{"so"}, 2024, 0, inner("I", leaf("1", "10", ""), leaf("2", "10", "")), inner("III", leaf("3", "10", "")))
	f2.Areas[0].Children[1].Title = "Tiêu chí mới"
	f2.Previous, f2.AreaMap = "f1", []par.AreaLink{{Areas: []string{"I"}, Prev: []string{"I"}}}
	a, b := unit("a", "so", "An"), unit("b", "so", "Bình")
	a21 := scoredResult(a, f1, 2021, 1, map[string][2]string{"I/1": {"10", "10"}, "I/2": {"10", "9"}, "II/3": {"10", "9"}})
	a22 := scoredResult(a, f1, 2022, 1, map[string][2]string{"I/1": {"10", "9"}, "I/2": {"10", "9"}, "II/3": {"10", "9"}})
	a23 := scoredResult(a, f1, 2023, 1, map[string][2]string{"I/1": {"10", "8"}, "I/2": {"10", "9"}, "II/3": {"10", "10"}})
	a24 := scoredResult(a, f2, 2024, 1, map[string][2]string{"I/1": {"10", "7"}, "I/2": {"10", "9"}, "III/3": {"10", "9"}})
	b22 := scoredResult(b, f1, 2022, 2, map[string][2]string{"I/1": {"10", "9"}, "I/2": {"10", "10"}, "II/3": {"10", "10"}})
	b23 := &par.Result{Unit: b, Group: "so", Year: 2023, Framework: f1, Name: "Bình", Scored: true} // annex only
	b24 := scoredResult(b, f2, 2024, 2, map[string][2]string{"I/1": {"10", "9"}, "I/2": {"10", "10"}, "III/3": {"10", "10"}})
	ws := weaknessesOf(
		handRanking("so", 2021, f1, a21), handRanking("so", 2022, f1, a22, b22), handRanking("so", 2023, f1, a23, b23),
		handRanking("so", 2024, f2, a24, b24))
	hist := func(w *par.Weakness) string {
		var s []string
		for _, p := range w.Persistent {
			var ys []string
			for _, y := range p.Years {
				ys = append(ys, itoa(y.Year)+":"+y.Framework+":"+y.Key+":"+y.Lost.Format(0))
			}
			s = append(s, p.Node.Key+" "+strings.Join(ys, ","))
		}
		return strings.Join(s, "; ")
	}
	tests := []struct {
		r          *par.Result
		want, note string
	}{
		// Within f1: I/2 lost three years running, I/1 two; II/3 not lost in 2023.
		{a23, "I/2 2021:f1:I/2:1,2022:f1:I/2:1,2023:f1:I/2:1; I/1 2022:f1:I/1:1,2023:f1:I/1:2", ""},
		// Across the change: I/1 through the link I → I; I/2 renamed and III
		// unmapped stop at the change, which the note says.
		{a24, "I/1 2022:f1:I/1:1,2023:f1:I/1:2,2024:f2:I/1:3", "các tiêu chí khác mã hoặc tên"},
		// A year without detail sheet stops the history.
		{b24, "", "năm 2023 không có phiếu chấm chi tiết theo tiêu chí"},
		{a21, "", ""},
	}
	for _, tc := range tests {
		w := ws[tc.r]
		if got := hist(w); got != tc.want {
			t.Errorf("%s %d: got %q, want %q", tc.r.Unit.ID, tc.r.Year, got, tc.want)
		}
		note := joinTexts(w.PersistentNotes)
		if tc.note == "" && note != "" || !strings.Contains(note, tc.note) {
			t.Errorf("%s %d: note %q, want %q", tc.r.Unit.ID, tc.r.Year, note, tc.note)
		}
	}
	if n := joinTexts(ws[a24].PersistentNotes); !strings.Contains(n, "lĩnh vực không có trong bảng đối chiếu") {
		t.Errorf("a 2024: the unmapped area is not named: %q", n)
	}
}

// Rule "distance to the next band and rank": on the unit's own applicable
// maximum, the points to the next band's lower bound and to exceed the
// unit ranked just above; the criteria furthest below the group average.
func TestDistance(t *testing.T) {
	fw := flatFW("f", "so", "50", "40", "10")
	a, b, c, d := unit("a", "so", "An"), unit("b", "so", "Bình"), unit("c", "so", "Cường"), unit("d", "so", "Dũng")
	ra := scoredResult(a, fw, 2024, 1, map[string][2]string{"I/1": {"", "46"}, "I/2": {"", "36"}, "I/3": {"", "10"}})
	rb := scoredResult(b, fw, 2024, 2, map[string][2]string{"I/1": {"", "45"}, "I/2": {"", "30"}, "I/3": {"", "10"}})
	// 72 of an applicable 90: index 80, band Tốt reached exactly.
	rc := scoredResult(c, fw, 2024, 3, map[string][2]string{"I/1": {"", "40"}, "I/2": {"", "32"}, "I/3": {"na", ""}})
	rd := gapResult(d, fw, 2024, map[string][2]string{"I/1": {"", "1"}, "I/2": {"", ""}, "I/3": {"", "1"}})
	rd.Incomplete, rd.Scored = true, false
	ws := weaknessesOf(handRanking("so", 2024, fw, ra, rb, rc, rd))
	type want struct {
		band, bandPts, above, abovePts, below string
	}
	show := func(r *par.Result) want {
		dd := ws[r].Distance
		g := want{bandPts: dd.BandWhy.String(), abovePts: dd.AboveWhy.String()}
		if dd.NextBand != nil {
			g.band, g.bandPts = dd.NextBand.ID, dd.BandPoints.Format(2)
		}
		if dd.Above != nil {
			g.above, g.abovePts = dd.Above.Unit.ID, dd.AbovePoints.Format(2)
		}
		var bs []string
		for _, x := range dd.Below {
			bs = append(bs, x.Node.Key+" "+x.Score.Format(2)+"<"+x.Avg.Format(2))
		}
		g.below = strings.Join(bs, ", ")
		return g
	}
	tests := []struct {
		r    *par.Result
		want want
	}{
		{ra, want{"", "đơn vị đã đạt ngưỡng của loại cao nhất", "", "đơn vị xếp thứ nhất", ""}},
		{rb, want{"xuat-sac", "5.00", "a", "7.00", "I/2 30.00<32.67"}},
		// On c's own maximum 90: 90 % is 81 points, b's 85 % is 76.5.
		{rc, want{"xuat-sac", "9.00", "b", "4.50", "I/1 40.00<43.67, I/2 32.00<32.67"}},
		{rd, want{"", "đơn vị không có tổng điểm năm này", "", "đơn vị không có tổng điểm năm này", "I/1 1.00<43.67, I/3 1.00<10.00"}},
	}
	for _, tc := range tests {
		if got := show(tc.r); got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.r.Unit.ID, got, tc.want)
		}
	}
	// Bands set by the publisher have no threshold to reach.
	fw.PublishedBands = true
	ws = weaknessesOf(handRanking("so", 2024, fw, ra, rb))
	if dd := ws[rb].Distance; dd.NextBand != nil || dd.BandWhy.IsZero() {
		t.Errorf("published bands: %+v", dd)
	}
}

// joinTexts is the notes in Vietnamese, as a page says them.
func joinTexts(ts []par.Text) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.String())
	}
	return strings.Join(s, "; ")
}
