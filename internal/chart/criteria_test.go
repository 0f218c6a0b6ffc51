package chart

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"parindex/internal/par"
)

// criteriaFixture: three units with complete sheets on three criteria;
// the first is not applicable to one unit, the third nobody lost points on.
func criteriaFixture() *par.Ranking {
	fw := framework("fw2022")
	p := par.MustPoints
	area := &par.Node{Code: "I", Title: "Chỉ đạo"}
	n1 := &par.Node{Key: "I/1", Code: "1", Title: "Kế hoạch", Max: p("2")}
	n2 := &par.Node{Key: "I/2", Code: "2", Title: "Báo cáo", Max: p("1")}
	n3 := &par.Node{Key: "I/3", Code: "3", Title: "Kiểm tra", Max: p("1")}
	units := []*par.Result{
		result(unit("so-noi-vu", "Sở Nội vụ"), fw, 2023, "90", 1, "xs"),
		result(unit("so-tu-phap", "Sở Tư pháp"), fw, 2023, "85", 2, "tot"),
		result(unit("so-y-te", "Sở Y tế"), fw, 2023, "80", 3, "tot"),
	}
	rk := &par.Ranking{Group: &par.Group{ID: "so", Name: "Sở, ban, ngành"}, Year: 2023, Framework: fw, Results: units}
	tally := func(n *par.Node, lost, nn int, shares ...string) par.CriterionTally {
		t := par.CriterionTally{Node: n, Area: area, N: nn, Lost: lost, Full: nn - lost}
		for _, s := range shares {
			t.Known = append(t.Known, s != "")
			if s != "" {
				t.Shares = append(t.Shares, p(s))
			} else {
				t.Shares = append(t.Shares, 0)
			}
		}
		return t
	}
	rk.Criteria = &par.Criteria{Units: units, Stats: []par.CriterionTally{
		tally(n1, 1, 2, "100", "", "50"),
		tally(n2, 2, 3, "100", "50", "0"),
		tally(n3, 0, 3, "100", "100", "100"),
	}}
	return rk
}

// Issue 12, 6: the heatmap shows the criteria units lost points on, the
// most often lost first; a not-applicable cell is empty, never 0; a
// criterion nobody lost points on is left out.
func TestCriteriaHeatmap(t *testing.T) {
	c := CriteriaHeatmap(Vietnamese(), criteriaFixture())
	got := golden(t, c)
	path := filepath.Join("testdata", "criteria-heatmap.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/chart -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./internal/chart -update and review the diff", path)
	}
	var opt struct {
		XAxis []struct {
			Data []string `json:"data"`
		} `json:"xAxis"`
		Series []struct {
			Data []struct {
				Value [3]float64 `json:"value"`
			} `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal(c.Option, &opt); err != nil {
		t.Fatal(err)
	}
	if x := opt.XAxis[0].Data; len(x) != 2 || x[0] != "I/2" || x[1] != "I/1" {
		t.Errorf("columns %v, want I/2 (2 of 3 lost) then I/1 (1 of 2), no I/3", x)
	}
	if n := len(opt.Series[0].Data); n != 5 {
		t.Errorf("%d cells, want 5 (3 units × 2 criteria less the one not applicable)", n)
	}
	for _, d := range opt.Series[0].Data {
		if d.Value[0] == 1 && d.Value[1] == 1 {
			t.Errorf("a cell for the not-applicable criterion: %v", d.Value)
		}
	}
	if c.Table.Rows[1][2] != "—" {
		t.Errorf("table: not applicable shown as %q, want —", c.Table.Rows[1][2])
	}
}
