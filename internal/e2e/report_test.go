package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"parindex/internal/report"
)

// Issue 12, 8: `parindex report` prints a unit-year's report through
// headless chromium to a PDF of one or two A4 pages: the example's unit
// with the longest list of criteria where points were lost (34, Sở Ngoại
// vụ in 2023) and a year with only the summary annex (2019).
func TestReportPDF(t *testing.T) {
	requireChromium(t)
	root := repoRoot(t)
	defer checks.ran(t)
	dir := t.TempDir()
	for _, c := range []struct {
		unit string
		year int
	}{{"so-ngoai-vu", 2023}, {"so-noi-vu", 2019}} {
		file := filepath.Join(dir, c.unit+".pdf")
		done, rep, err := report.Print(report.Options{Root: root, Unit: c.unit, Year: c.year, Out: file, Chromium: chromiumPath})
		if err != nil {
			if rep != nil && rep.Diagnostics != nil {
				t.Log(rep.Diagnostics.String())
			}
			t.Fatalf("report %s %d: %v", c.unit, c.year, err)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := report.Pages(b)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if len(done) != 1 || len(done[0].Pages) != len(pages) {
			t.Errorf("%s %d: Print says %v, the file has %d pages", c.unit, c.year, done, len(pages))
		}
		if len(pages) < 1 || len(pages) > 2 {
			t.Errorf("%s %d: %d pages, want one or two", c.unit, c.year, len(pages))
		}
		for i, p := range pages {
			if !p.A4() {
				t.Errorf("%s %d: page %d is %.2f × %.2f pt, not A4 (595 × 842)", c.unit, c.year, i+1, p.W, p.H)
			}
		}
		t.Logf("%s %d: %d A4 pages", c.unit, c.year, len(pages))
	}
}
