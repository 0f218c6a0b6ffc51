package chart

import (
	"strings"
	"testing"

	"parindex/internal/par"
)

// groupFixture is a group over three years: the framework changes in 2022
// (the bound of "Tốt" rises), Sở Cũ and Sở Cũ Hai merge into Sở Mới in 2022,
// Sở Y tế is missing in 2022 and not scored in 2023, and two units tie.
func groupFixture(names map[string]string) (*par.History, []*par.Ranking) {
	name := func(id, def string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return def
	}
	fw1, fw2 := framework("fw2019"), framework("fw2022")
	fw2.Bands[1].Min = pts("85")
	g := &par.Group{ID: "so", Name: name("group", "Sở, ban, ngành")}
	nv := unit("so-noi-vu", name("so-noi-vu", "Sở Nội vụ"))
	tp, yt := unit("so-tu-phap", "Sở Tư pháp"), unit("so-y-te", "Sở Y tế")
	cu, cu2, moi := unit("so-cu", "Sở Cũ"), unit("so-cu-hai", "Sở Cũ Hai"), unit("so-moi", "Sở Mới")
	rk := func(year int, fw *par.Framework, rs ...*par.Result) *par.Ranking {
		return &par.Ranking{Group: g, Year: year, Framework: fw, Results: rs}
	}
	rks := []*par.Ranking{
		rk(2021, fw1,
			result(nv, fw1, 2021, "91.5", 1, "xs"),
			result(cu, fw1, 2021, "84.25", 2, "tot"),
			result(yt, fw1, 2021, "80.1", 3, "tot"),
			result(cu2, fw1, 2021, "72", 4, "kha"),
			result(tp, fw1, 2021, "70.5", 5, "kha")),
		rk(2022, fw2,
			result(moi, fw2, 2022, "88.4", 1, "tot"),
			result(nv, fw2, 2022, "88.4", 1, "tot"),
			result(tp, fw2, 2022, "76", 3, "kha")),
		rk(2023, fw2,
			result(nv, fw2, 2023, "93.2", 1, "xs"),
			result(tp, fw2, 2023, "86.05", 2, "tot"),
			result(moi, fw2, 2023, "79", 3, "kha"),
			result(yt, fw2, 2023, "", 0, "")),
	}
	band := func(key, nm, min string, n int) par.BandCount {
		return par.BandCount{Key: key, Name: nm, Min: pts(min), Known: true, N: n}
	}
	bands := func(fw *par.Framework, n ...int) []par.BandCount {
		keys := []string{"xuat-sac", "tot", "kha", "trung-binh"}
		var out []par.BandCount
		for i, b := range fw.Bands {
			out = append(out, band(keys[i], b.Name, b.Min.String(), n[i]))
		}
		return out
	}
	h := &par.History{Group: g, Years: []par.YearStat{
		{Year: 2021, Framework: fw1, Units: 5, Bands: bands(fw1, 1, 2, 2, 0),
			Dist: par.Distribution{N: 5, Min: pts("70.5"), Q1: pts("72"), Median: pts("80.1"), Q3: pts("84.25"), Max: pts("91.5"), Decimals: 2}},
		{Year: 2022, Framework: fw2, Units: 3, Bands: bands(fw2, 0, 2, 1, 0),
			Dist: par.Distribution{N: 3, Min: pts("76"), Q1: pts("82.2"), Median: pts("88.4"), Q3: pts("88.4"), Max: pts("88.4"), Decimals: 2}},
		{Year: 2023, Framework: fw2, Units: 4, Bands: bands(fw2, 1, 1, 1, 0), Unscored: 1,
			Dist: par.Distribution{N: 3, Min: pts("79"), Q1: pts("82.525"), Median: pts("86.05"), Q3: pts("89.625"), Max: pts("93.2"), Decimals: 2}},
	}}
	return h, rks
}

func groupCharts(names map[string]string) (ranks, bands, index Chart) {
	h, rks := groupFixture(names)
	return GroupHistory(Vietnamese(), h, rks)
}

// Rule: in the bump chart a unit absent or not ranked in a year is a gap
// (null, never 0, never joined across), and a merged unit and its
// predecessors are different series.
func TestGroupRanksGapsAndLineage(t *testing.T) {
	ranks, _, _ := groupCharts(nil)
	s := string(ranks.Option)
	for _, want := range []string{
		`"id":"so-cu"`, `"id":"so-cu-hai"`, `"id":"so-moi"`,
		// Sở Y tế: ranked 2021, missing 2022, not scored 2023.
		`"data":[{"value":3,"text":"3/5","label":{"show":true}},null,null]`,
		`"label":{"show":false,"position":"right","formatter":"{a}","width":140,"overflow":"break"}`,
		`"focus":"series"`,
		`"xAxis":"2022"`, // the framework change
	} {
		if !strings.Contains(s, want) {
			t.Errorf("ranks option lacks %s\n%s", want, s)
		}
	}
	if strings.Contains(s, `"value":0`) {
		t.Errorf("a rank drawn at 0:\n%s", s)
	}
}

// Rule: band colours follow the band word, not its position.
func TestBandColorByWord(t *testing.T) {
	if bandColor("Tốt") != bandColor("tốt") || bandColor("Tốt") != bandColors["tot"] {
		t.Errorf("Tốt: %s", bandColor("Tốt"))
	}
	seen := map[string]string{}
	for k, c := range bandColors {
		if o, ok := seen[c]; ok {
			t.Errorf("%s and %s share %s", k, o, c)
		}
		seen[c] = k
	}
	for _, c := range bandFallback {
		if _, ok := seen[c]; ok || c == colorNoBand || c == colorOtherBand {
			t.Errorf("fallback %s is a known band's colour", c)
		}
	}
	if a, b := bandColor("Hoàn thành tốt nhiệm vụ"), bandColor("Hoàn thành tốt nhiệm vụ"); a != b {
		t.Errorf("fallback not deterministic")
	}
	// "Tốt" is the top band of one framework and the second of another:
	// one colour in both.
	top := &par.Framework{ID: "cb", Bands: []par.Band{{ID: "tot", Name: "Tốt", Min: pts("90")}, {ID: "kha", Name: "Khá"}}}
	top.Index()
	second := framework("fw")
	second.Index()
	a := string(BandDistribution(Vietnamese(), &par.Ranking{Year: 2023, Framework: top, Results: []*par.Result{result(unit("a", "A"), top, 2023, "95", 1, "tot")}}).Option)
	b := string(BandDistribution(Vietnamese(), &par.Ranking{Year: 2023, Framework: second, Results: []*par.Result{result(unit("a", "A"), second, 2023, "85", 1, "tot")}}).Option)
	want := `"value":1,"itemStyle":{"color":"` + bandColors["tot"] + `"}`
	if !strings.Contains(a, want) || !strings.Contains(b, want) {
		t.Errorf("Tốt not %s in both:\n%s\n%s", bandColors["tot"], a, b)
	}
}
