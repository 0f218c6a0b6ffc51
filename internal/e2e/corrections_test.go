package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/internal/build"
	"parindex/internal/compute"
	"parindex/internal/par"
	"parindex/internal/release"
)

// correctedUnit is the unit whose 2024 index the browser test's project
// corrects.
const correctedUnit = "so-tu-phap"

// addCorrection gives the example copy at proj a release record that
// published another 2024 index for correctedUnit than the workbooks now
// give, and the correction (đính chính) that says so, by the 2024
// decision: the corrections page and the notices then appear, as on a
// portal after a correction. The bundled example itself has no release.
func addCorrection(t *testing.T, proj string) {
	t.Helper()
	rep, err := build.Check(build.Options{Root: proj})
	if err != nil {
		t.Fatalf("check the example: %v\n%s", err, rep.Diagnostics)
	}
	figs := compute.PublishedFigures(rep.Results)
	now := ""
	for i, f := range figs {
		if f.Unit == correctedUnit && f.Year == 2024 && f.Figure == par.FigIndex {
			now = f.Value
			p, _, _ := par.ParsePoints(f.Value)
			figs[i].Value = (p - par.MustPoints("1.25")).Format(2)
		}
	}
	if now == "" {
		t.Fatalf("the example has no 2024 index of %s", correctedUnit)
	}
	old := ""
	for _, f := range figs {
		if f.Unit == correctedUnit && f.Year == 2024 && f.Figure == par.FigIndex {
			old = f.Value
		}
	}
	rec := &par.Release{Version: "1", Date: "2025-06-01", Zip: "site-1.zip", Files: map[string]string{},
		Figures: figs.Group(), FiguresSHA256: figs.Checksum(), Corrections: []par.RecordCorrection{}}
	b, err := release.Encode(rec)
	if err != nil {
		t.Fatal(err)
	}
	write := func(rel, s string) {
		p := filepath.Join(proj, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("data/releases/1.json", string(b))
	comma := func(s string) string { return strings.ReplaceAll(s, ".", ",") }
	write("data/corrections.yaml", "corrections:\n"+
		"  - unit: "+correctedUnit+"\n    year: 2024\n    figure: index\n"+
		"    old: \""+comma(old)+"\"\n    new: \""+comma(now)+"\"\n    date: 2025-07-15\n"+
		"    reason: Phụ lục công bố ghi thiếu điểm tiêu chí 3.2 do lỗi tổng hợp; điểm đã được Hội đồng thẩm định xác nhận lại.\n"+
		"    decision: \"128/QĐ-UBND\"\n")
}
