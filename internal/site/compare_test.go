package site

import (
	"strings"
	"testing"

	"parindex/internal/compute"
	"parindex/internal/par"
)

// The comparison pages' part of the fixture: the departments' 2023
// framework declares the 2019 one as previous and maps its area I onto
// the old I (its II, "Cải cách thể chế", has no old counterpart), and the
// comparisons are computed from the hand-built results as the compute
// stage would.
func init() {
	fixtureExtensions = append(fixtureExtensions, func(f *fixture) {
		for _, fw := range f.ds.Frameworks {
			if fw.ID == "so-2023" {
				fw.Previous = "so-2019"
				fw.AreaMap = []par.AreaLink{{Areas: []string{"I"}, Prev: []string{"I"}}}
			}
		}
		compute.Compare(f.res)
	})
	goldenPages["nam/2023/so/linh-vuc/index.html"] = "areas.html"
	goldenPages["nam/2023/so/linh-vuc/i/index.html"] = "areas-area.html"
	goldenPages["nam/2022/huyen/linh-vuc/index.html"] = "areas-annex.html"
	goldenPages["nam/2023/so/tu-cham/index.html"] = "selfgap.html"
}

// The area comparison across the framework change names both frameworks,
// compares the mapped area and says why the other is not compared; the
// self-assessment page says survey criteria are left out and lists a unit
// without detail sheet as such, never with a gap of 0.
func TestComparisonPages(t *testing.T) {
	files := build(t, newFixture("").input("/"), 2)
	areas := string(files["nam/2023/so/linh-vuc/index.html"])
	for _, want := range []string{"Bộ chỉ số thay đổi.", "so-2019", "so-2023", "So với lĩnh vực I của so-2019 năm 2022", "lĩnh vực không có trong bảng đối chiếu với bộ so-2019"} {
		if !strings.Contains(areas, want) {
			t.Errorf("area comparison lacks %q", want)
		}
	}
	gap := string(files["nam/2023/so/tu-cham/index.html"])
	for _, want := range []string{"điều tra xã hội học", "bị bỏ ra ở cả hai phía"} {
		if !strings.Contains(gap, want) {
			t.Errorf("self-assessment page lacks %q", want)
		}
	}
	if _, ok := files["nam/2022/so/tu-cham/index.html"]; ok {
		t.Error("a self-assessment page for a year without detail sheets")
	}
	rk := string(files["nam/2023/so/index.html"])
	if !strings.Contains(rk, `href="/nam/2023/so/linh-vuc/"`) || !strings.Contains(rk, `href="/nam/2023/so/tu-cham/"`) {
		t.Error("the ranking page does not link its comparison pages")
	}
}
