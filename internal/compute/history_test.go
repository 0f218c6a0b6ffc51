package compute

import (
	"testing"

	"parindex/internal/par"
)

// Rule "group history": the five-number summary of the index over the
// scored results with a known index.
func TestHistoryDistribution(t *testing.T) {
	fw := &par.Framework{ID: "f", Decimals: 2, Bands: indexBands()}
	fw.Index()
	res := func(index string, scored bool) *par.Result {
		r := &par.Result{Scored: scored}
		if index != "" {
			r.Index = par.Comp(P(index), 2, par.Source{})
		}
		return r
	}
	tests := []struct {
		name    string
		results []*par.Result
		want    par.Distribution
		unsc    int
	}{
		{"none", nil, par.Distribution{Decimals: 2}, 0},
		{"one unit", []*par.Result{res("81.5", true)},
			par.Distribution{N: 1, Min: P("81.5"), Q1: P("81.5"), Median: P("81.5"), Q3: P("81.5"), Max: P("81.5"), Decimals: 2}, 0},
		// A unit not scored, or scored without an index, is left out: it
		// is not a 0 pulling the minimum down.
		{"missing left out", []*par.Result{res("90", true), res("", false), res("80", true), res("", true)},
			par.Distribution{N: 2, Min: P("80"), Q1: P("82.5"), Median: P("85"), Q3: P("87.5"), Max: P("90"), Decimals: 2}, 1},
		{"tie", []*par.Result{res("70", true), res("85", true), res("85", true), res("85", true), res("95", true)},
			par.Distribution{N: 5, Min: P("70"), Q1: P("85"), Median: P("85"), Q3: P("85"), Max: P("95"), Decimals: 2}, 0},
		// Position (4−1)·1/4 = 0.75: 10 + 0.75·(20−10); the median halves.
		{"interpolated", []*par.Result{res("40", true), res("10", true), res("30", true), res("20", true)},
			par.Distribution{N: 4, Min: P("10"), Q1: P("17.5"), Median: P("25"), Q3: P("32.5"), Max: P("40"), Decimals: 2}, 0},
		// Rounded half away from zero at six decimals.
		{"rounding", []*par.Result{res("0.000001", true), res("0.000002", true), res("0.000004", true)},
			par.Distribution{N: 3, Min: P("0.000001"), Q1: P("0.000002"), Median: P("0.000002"), Q3: P("0.000003"), Max: P("0.000004"), Decimals: 2}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ys := yearStat(&par.Ranking{Year: 2023, Framework: fw, Results: tt.results})
			if ys.Dist != tt.want {
				t.Errorf("distribution %+v, want %+v", ys.Dist, tt.want)
			}
			if ys.Unscored != tt.unsc || ys.Units != len(tt.results) {
				t.Errorf("unscored %d of %d, want %d of %d", ys.Unscored, ys.Units, tt.unsc, len(tt.results))
			}
		})
	}
}

// Rule "group history": units per band, by band word; not classified and
// not scored apart, never in a band.
func TestHistoryBands(t *testing.T) {
	fw := &par.Framework{ID: "f", Bands: []par.Band{
		{ID: "tot", Name: "Tốt", Min: P("80")}, {ID: "kha", Name: "Khá", Min: P("50")}, {ID: "tb", Name: "Trung bình", Min: 0},
	}}
	fw.Index()
	band := func(id, name string) *par.Result {
		return &par.Result{Scored: true, Band: par.BandMark{ID: id, Name: name}}
	}
	ys := yearStat(&par.Ranking{Year: 2023, Framework: fw, Results: []*par.Result{
		band("tot", "Tốt"), band("tot", ""), band("kha", "Khá"), band("", "Hoàn thành"), band("", ""), {Scored: false},
	}})
	got := ""
	for _, b := range ys.Bands {
		got += b.Key + "=" + itoa(b.N) + " "
	}
	if want := "tot=2 kha=1 trung-binh=0 hoan-thanh=1 "; got != want {
		t.Errorf("bands %q, want %q", got, want)
	}
	if ys.Bands[3].Known || !ys.Bands[0].Known || ys.Bands[0].Min != P("80") {
		t.Errorf("known/min %+v", ys.Bands)
	}
	if ys.Unclassified != 1 || ys.Unscored != 1 {
		t.Errorf("unclassified %d unscored %d, want 1 1", ys.Unclassified, ys.Unscored)
	}
}

// Rule "group history": a band word whose bound differs between the
// frameworks of consecutive years is listed; the same word under another
// id is the same band.
func TestHistoryThresholds(t *testing.T) {
	a := &par.Framework{ID: "so-2019", Bands: []par.Band{{ID: "tot", Name: "Tốt", Min: P("80")}, {ID: "kha", Name: "Khá", Min: P("50")}}}
	b := &par.Framework{ID: "so-2022", Bands: []par.Band{{ID: "loai-tot", Name: "Tốt", Min: P("90")}, {ID: "kha", Name: "Khá", Min: P("50")}}}
	pub := &par.Framework{ID: "so-2024", PublishedBands: true, Bands: []par.Band{{ID: "tot", Name: "Tốt"}}}
	g := &par.Group{ID: "so"}
	reg := &par.Registry{Groups: []*par.Group{g}}
	var rks []*par.Ranking
	for y, fw := range map[int]*par.Framework{2020: a, 2021: a, 2022: b, 2023: b, 2024: pub} {
		rks = append(rks, &par.Ranking{Group: g, Year: y, Framework: fw})
	}
	// Rankings come in year order.
	for i := range rks {
		for j := i + 1; j < len(rks); j++ {
			if rks[j].Year < rks[i].Year {
				rks[i], rks[j] = rks[j], rks[i]
			}
		}
	}
	hs := Histories(reg, rks)
	if len(hs) != 1 || len(hs[0].Years) != 5 || hs[0].Years[0].Year != 2020 {
		t.Fatalf("histories %+v", hs)
	}
	th := hs[0].Thresholds
	if len(th) != 1 || th[0].Key != "tot" || th[0].Year != 2022 || th[0].From != a || th[0].To != b ||
		th[0].FromMin != P("80") || th[0].ToMin != P("90") {
		t.Errorf("thresholds %+v", th)
	}
}
