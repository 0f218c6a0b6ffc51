package site

import (
	"strings"
	"testing"

	"parindex/internal/compute"
)

// The criteria page's part of the fixture: each ranking's criterion
// statistics, computed from the hand-built detail sheets as the compute
// stage would.
func init() {
	fixtureExtensions = append(fixtureExtensions, func(f *fixture) {
		for _, rk := range f.res.Rankings {
			rk.Criteria = compute.Criteria(rk)
		}
	})
	goldenPages["nam/2023/so/tieu-chi/index.html"] = "criteria.html"
}

// Issue 12, 6: the criteria page counts only units with a complete detail
// sheet and says how many it leaves out; a ranking without detail sheets
// has no such page; the ranking links it.
func TestCriteriaPage(t *testing.T) {
	files := build(t, newFixture("").input("/"), 2)
	page := string(files["nam/2023/so/tieu-chi/index.html"])
	for _, want := range []string{"đơn vị có phiếu chấm chi tiết đầy đủ", "không coi là 0", "không phải điểm trừ", `id="chart-2023-so-tieu-chi"`} {
		if !strings.Contains(page, want) {
			t.Errorf("criteria page lacks %q", want)
		}
	}
	if _, ok := files["nam/2022/so/tieu-chi/index.html"]; ok {
		t.Error("2022 (annex only) has a criteria page")
	}
	if !strings.Contains(string(files["nam/2023/so/index.html"]), `href="/nam/2023/so/tieu-chi/"`) {
		t.Error("the ranking does not link its criteria page")
	}
}
