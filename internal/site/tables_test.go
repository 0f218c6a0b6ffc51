package site

import (
	"strconv"
	"strings"
	"testing"

	"parindex/internal/par"
)

// tableModel is a model of one group "g" in 2024 whose results are made
// by mk from their 0-based position, each scored and with a figure for
// total and index; framework maximum 100.
func tableModel(n int, mk func(i int, r *par.Result)) (*model, *par.Ranking) {
	g := &par.Group{ID: "g", Name: "Khối G"}
	reg := &par.Registry{Groups: []*par.Group{g}}
	fw := &par.Framework{ID: "f", Groups: []string{"g"}, Decimals: 2, Areas: []*par.Node{{Code: "I", Max: par.FromInt(100)}}}
	rk := &par.Ranking{Group: g, Year: 2024, Framework: fw}
	res := &par.Results{Years: []int{2024}, Rankings: []*par.Ranking{rk}, ByUnit: map[string][]*par.Result{}}
	for i := range n {
		u := &par.Unit{ID: "u" + strconv.Itoa(i), Group: "g", Names: []par.Name{{Name: "Đơn vị " + strconv.Itoa(i)}}}
		reg.Units = append(reg.Units, u)
		v := par.FromInt(90 - i)
		r := &par.Result{Unit: u, Group: "g", Year: 2024, Framework: fw, Name: u.Names[0].Name, Scored: true,
			Total: par.Pub(v, 2, par.Source{}), Index: par.Pub(v, 2, par.Source{}), Rank: par.Rank{N: i + 1}}
		if mk != nil {
			mk(i, r)
		}
		rk.Results = append(rk.Results, r)
		res.ByUnit[u.ID] = append(res.ByUnit[u.ID], r)
	}
	return newModel(&Input{Dataset: &par.Dataset{Registry: reg, Frameworks: []*par.Framework{fw}}, Results: res}, newLang(langVi, nil)), rk
}

// The home page's "…" row stands only where ranked units are left out.
func TestHomeGapOnlyWhenRowsAreLeftOut(t *testing.T) {
	for _, c := range []struct {
		n, top, bottom int
		gap            bool
	}{
		{1, 1, 0, false}, {3, 3, 0, false}, {4, 3, 1, false}, {5, 3, 2, false},
		{6, 3, 3, false}, {7, 3, 3, true}, {20, 3, 3, true},
	} {
		m, _ := tableModel(c.n, nil)
		p := m.home()
		if len(p.Groups) != 1 {
			t.Fatalf("n=%d: %d groups", c.n, len(p.Groups))
		}
		hg := p.Groups[0]
		if len(hg.Top) != c.top || len(hg.Bottom) != c.bottom || hg.Gap != c.gap {
			t.Errorf("n=%d: top %d bottom %d gap %v, want %d %d %v", c.n, len(hg.Top), len(hg.Bottom), hg.Gap, c.top, c.bottom, c.gap)
		}
	}
}

// A column that repeats the total in every row is shown once, its
// header naming both; one row that differs, or a recorded difference on
// the row, keeps it.
func TestIdenticalColumnsShownOnce(t *testing.T) {
	for _, c := range []struct {
		name              string
		mk                func(i int, r *par.Result)
		recorded          bool
		index, appraised  bool
		head, sameNoteHas string
	}{
		{name: "index equals total", head: "Tổng điểm = Chỉ số (%)", sameNoteHas: "vì điểm tối đa là 100"},
		{name: "one index differs", mk: func(i int, r *par.Result) {
			if i == 2 {
				r.Index = par.Pub(r.Index.Value+par.MustPoints("0.01"), 2, par.Source{})
			}
		}, index: true, head: "Tổng điểm"},
		{name: "index missing where total known", mk: func(i int, r *par.Result) {
			if i == 1 {
				r.Index = par.Figure{}
			}
		}, index: true, head: "Tổng điểm"},
		{name: "appraised equals total too", mk: func(i int, r *par.Result) {
			r.Appraised = par.Comp(r.Total.Value, 2, par.Source{})
		}, head: "Tổng điểm = Chỉ số (%)", sameNoteHas: "điểm thẩm định bằng tổng điểm"},
		{name: "appraised differs", mk: func(i int, r *par.Result) {
			r.Appraised = par.Comp(r.Total.Value-par.FromInt(1), 2, par.Source{})
		}, appraised: true, head: "Tổng điểm = Chỉ số (%)", sameNoteHas: "vì điểm tối đa là 100"},
		{name: "recorded difference keeps the column", recorded: true, index: true, head: "Tổng điểm"},
	} {
		m, rk := tableModel(4, c.mk)
		if c.recorded {
			m.recorded[uyKey{"u1", 2024}] = true
		}
		p := m.ranking(rk)
		if p.Cols.Index != c.index || p.Cols.Appraised != c.appraised || p.TotalHead != c.head {
			t.Errorf("%s: index %v appraised %v head %q, want %v %v %q", c.name, p.Cols.Index, p.Cols.Appraised, p.TotalHead, c.index, c.appraised, c.head)
		}
		if (c.sameNoteHas == "") != (p.SameNote == "") || !strings.Contains(p.SameNote, c.sameNoteHas) {
			t.Errorf("%s: note %q, want one with %q", c.name, p.SameNote, c.sameNoteHas)
		}
		// The row's cells follow the header: one cell per column.
		if want := 3 + btoi(p.Cols.Index) + btoi(p.Cols.Appraised); p.Span() != want {
			t.Errorf("%s: span %d, want %d", c.name, p.Span(), want)
		}
	}
}

// Changes print as a reader expects: a true minus sign, "=" for no change
// and no mark shared with "no data", last year's rank with both group
// sizes when the size changed, and a note when the change of rank is
// counted over fewer units than the published ranks.
func TestChangeCells(t *testing.T) {
	m, _ := tableModel(3, nil)
	pt := par.MustPoints
	for _, c := range []struct {
		name string
		rank int
		ch   *par.Change
		want change
	}{
		{"up, same size", 2, &par.Change{Year: 2023, PrevRank: 4, HasRank: true, Rank: 2, Common: 5, PrevOf: 5, Of: 5, Index: pt("1.5"), HasIndex: true, Comparable: true},
			change{Known: true, Rank: "▲2", Dir: "up", RankSR: "tăng 2 bậc (năm 2023 xếp thứ 4)", RankSort: "2", PrevRank: "4", PrevRankSort: "4", PrevRankLabel: "Hạng năm 2023", Index: "+1,50", IndexSort: "1.5"}},
		{"down, minus sign", 5, &par.Change{Year: 2023, PrevRank: 4, HasRank: true, Rank: -1, Common: 5, PrevOf: 5, Of: 5, Index: pt("-0.25"), HasIndex: true, Comparable: true},
			change{Known: true, Rank: "▼1", Dir: "down", RankSR: "giảm 1 bậc (năm 2023 xếp thứ 4)", RankSort: "-1", PrevRank: "4", PrevRankSort: "4", PrevRankLabel: "Hạng năm 2023", Index: "\u22120,25", IndexSort: "-0.25"}},
		{"no change is not a dash; zero index unsigned", 5, &par.Change{Year: 2023, PrevRank: 5, HasRank: true, Common: 20, PrevOf: 20, Of: 14, HasIndex: true, Comparable: true},
			change{Known: true, Rank: "=", Dir: "same", RankSR: "không đổi (năm 2023 xếp thứ 5/20, năm 2024 xếp thứ 5/14)", RankSort: "0", PrevRank: "5/20 → 5/14", PrevRankSort: "5", PrevRankLabel: "Hạng năm 2023 → 2024 (hạng/số đơn vị)", Index: "0,00", IndexSort: "0"}},
		{"recounted over the common units", 3, &par.Change{Year: 2023, PrevRank: 5, HasRank: true, Rank: 0, Common: 4, PrevOf: 6, Of: 5, Comparable: true},
			change{Known: true, Rank: "=", Dir: "same", RankSR: "không đổi (năm 2023 xếp thứ 5/6, năm 2024 xếp thứ 3/5; tính giữa 4 đơn vị được xếp hạng cả hai năm)", RankSort: "0", PrevRank: "5/6 → 3/5", PrevRankSort: "5", PrevRankLabel: "Hạng năm 2023 → 2024 (hạng/số đơn vị)", Recounted: true}},
		{"previous result in no rank of the group", 3, &par.Change{Year: 2023, Index: pt("2"), HasIndex: true, Comparable: true},
			change{Known: true, Index: "+2,00", IndexSort: "2"}},
	} {
		r := &par.Result{Unit: &par.Unit{ID: "x"}, Year: 2024, Scored: true, Rank: par.Rank{N: c.rank}, Prev: c.ch}
		got := m.change(r)
		if got.Known != c.want.Known || got.Rank != c.want.Rank || got.Dir != c.want.Dir || got.RankSR != c.want.RankSR ||
			got.RankSort != c.want.RankSort || got.PrevRank != c.want.PrevRank || got.PrevRankSort != c.want.PrevRankSort || got.PrevRankLabel != c.want.PrevRankLabel ||
			got.Recounted != c.want.Recounted || got.Index != c.want.Index || got.IndexSort != c.want.IndexSort {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
