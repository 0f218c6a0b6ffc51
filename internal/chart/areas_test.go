package chart

import (
	"strings"
	"testing"

	"parindex/internal/par"
)

// heatComparison: three units on three areas; Sở Y tế has no score in
// area III (an empty cell, never 0), Sở Xây dựng was not scored.
func heatComparison() *par.AreaComparison {
	rk := ranking(framework("fw2022"), nil)
	rk.Results = []*par.Result{rk.Results[0], rk.Results[1], rk.Results[3], rk.Results[6]}
	shares := map[string][3]string{
		"so-noi-vu":  {"95", "90", "86.666667"},
		"so-tu-phap": {"80", "100", "73.333333"},
		"so-y-te":    {"70", "64", ""},
	}
	ac := &par.AreaComparison{Ranking: rk, Scored: true}
	for j, a := range rk.Framework.Areas {
		ar := &par.AreaRanking{Code: a.Code, Title: a.Title, Max: a.Max}
		var sum par.Points
		for _, r := range rk.Results {
			s, ok := shares[r.Unit.ID]
			if !ok || s[j] == "" {
				ar.Rows = append(ar.Rows, par.AreaRow{Result: r, Why: par.Textf("không có điểm lĩnh vực")})
				continue
			}
			ar.Rows = append(ar.Rows, par.AreaRow{Result: r, Known: true, Share: pts(s[j]), Max: a.Max, Rank: ar.N + 1})
			ar.N++
			sum += pts(s[j])
		}
		ar.Avg = sum / par.Points(ar.N)
		ac.Areas = append(ac.Areas, ar)
	}
	return ac
}

// trendResults: a unit scored 2021–2024 with a framework change in 2023
// that maps area I one to one and merges the old II and III into the new
// II; the new III is new. 2022 has no score in area II (a gap).
func trendResults() []*par.Result {
	old, nw := framework("fw2019"), framework("fw2023")
	nw.Previous = "fw2019"
	nw.AreaMap = []par.AreaLink{{Areas: []string{"I"}, Prev: []string{"I"}}, {Areas: []string{"II"}, Prev: []string{"II", "III"}}}
	u := unit("so-noi-vu", "Sở Nội vụ")
	mk := func(fw *par.Framework, year int, vals ...string) *par.Result {
		r := result(u, fw, year, "90", 1, "xs")
		r.Detail = true
		r.Areas = areas(vals...)
		return r
	}
	return []*par.Result{
		mk(old, 2021, "8", "10", "12"),
		mk(old, 2022, "9", "", "13.5"),
		mk(nw, 2023, "9.5", "11", "14"),
		mk(nw, 2024, "10", "12.5", "15"),
	}
}

func areaCases() map[string]func() Chart {
	return map[string]func() Chart{
		"area-heatmap": func() Chart { return AreaHeatmap(Vietnamese(), heatComparison()) },
		"area-trend":   func() Chart { return AreaTrend(Vietnamese(), "Sở Nội vụ", trendResults()) },
	}
}

func TestAreaChartsGolden(t *testing.T) {
	for name, fn := range areaCases() {
		t.Run(name, func(t *testing.T) {
			checkGolden(t, name, fn())
		})
	}
}

// A heatmap cell without a share is left out of the data (an empty cell),
// and its table cell is the missing mark, never 0.
func TestHeatmapMissingCell(t *testing.T) {
	c := AreaHeatmap(Vietnamese(), heatComparison())
	if n := strings.Count(string(c.Option), `"value":[`); n != 8 {
		t.Errorf("%d cells plotted, want 8 (3 units × 3 areas less one missing)", n)
	}
	last := c.Table.Rows[len(c.Table.Rows)-1]
	if last[0] != "Sở Y tế" || last[3] != "—" {
		t.Errorf("table row %v", last)
	}
	if len(c.Table.Rows) != 3 {
		t.Errorf("%d table rows: the unscored unit has no row", len(c.Table.Rows))
	}
}

// Across a framework change only a one-to-one mapped area continues its
// line; the merged and the new area start new lines, named with their
// years, and the old ones end.
func TestAreaTrendLines(t *testing.T) {
	tr := gatherTrend("Sở Nội vụ", trendResults())
	var names []string
	for _, l := range tr.lines {
		names = append(names, tr.name(l))
	}
	want := []string{
		"I. Công tác chỉ đạo, điều hành CCHC",
		"II. Cải cách thủ tục hành chính (2021–2022)",
		"III. Chính quyền số (2021–2022)",
		"II. Cải cách thủ tục hành chính (2023–2024)",
		"III. Chính quyền số (2023–2024)",
	}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("lines\n%s\nwant\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
	if len(tr.fwChange) != 1 || tr.fwChange[0] != 2023 {
		t.Errorf("framework changes %v", tr.fwChange)
	}
	if tr.lines[1].data[1] != nil {
		t.Error("a missing area score is plotted")
	}
}
