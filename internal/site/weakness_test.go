package site

import (
	"strings"
	"testing"

	"parindex/internal/compute"
	"parindex/internal/par"
)

// The weakness review's part of the fixture: evidence cited on one of the
// Sở Nội vụ's lost criteria, and the reviews computed from the hand-built
// results as the compute stage would.
func init() {
	fixtureExtensions = append(fixtureExtensions, func(f *fixture) {
		for _, r := range f.res.ByUnit["so-noi-vu"] {
			if r.Year != 2023 {
				continue
			}
			var walk func(ns []*par.NodeResult)
			walk = func(ns []*par.NodeResult) {
				for _, n := range ns {
					if n.Node.Key == "II/1" {
						n.Evidence = "Báo cáo số 15/BC-SNV ngày 10/12/2023"
					}
					walk(n.Children)
				}
			}
			walk(r.Tree)
		}
		f.res.Weakness = compute.Weaknesses(f.res)
	})
}

// The unit-year page opens with the answer (place, band, index, the
// points lost and where most), lists the criteria where points were lost
// with the group's figures, keeps the components apart, never calls points
// lost a penalty, and gives the tree's switch hidden for the script.
func TestUnitYearWeakness(t *testing.T) {
	files := build(t, newFixture("").input("/"), 2)
	page := string(files["don-vi/so-noi-vu/2023/index.html"])
	for _, want := range []string{
		`<h2 id="tom-tat">Tóm tắt kết quả</h2>`,
		"Mất 1,50 điểm ở 4 tiêu chí; nhiều nhất: I/1/1.2 Mức độ hoàn thành kế hoạch (0,50 điểm); II/1 Xây dựng văn bản quy phạm pháp luật (0,50 điểm); I/2 Mức độ hài lòng về chỉ đạo, điều hành (0,25 điểm).",
		"Tài liệu kiểm chứng:</strong> Báo cáo số 15/BC-SNV ngày 10/12/2023",
		`<table class="stack lost-list">`,
		"Tiêu chí điều tra xã hội học",
		"Điểm trừ (trừ vào tổng)",
		"năm 2022 không có phiếu chấm chi tiết theo tiêu chí",
		"Không có loại kế trên: đơn vị đã đạt ngưỡng của loại cao nhất.",
		"Không có hạng kế trên: đơn vị xếp thứ nhất.",
		`<p class="tree-filter" hidden data-tree-filter>`,
		`/static/js/tree.js`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("unit-year page lacks %q", want)
		}
	}
	if strings.Contains(page, "bị trừ") {
		t.Errorf("points lost are called a penalty (bị trừ)")
	}
	// The answer comes before the full tree.
	if a, b := strings.Index(page, "tom-tat"), strings.Index(page, "phieu-cham"); a < 0 || b < 0 || a > b {
		t.Errorf("the answer is not first: %d, %d", a, b)
	}
	other := string(files["don-vi/so-lao-dong/2023/index.html"])
	if !strings.Contains(other, "Để xếp trên <a href=\"/don-vi/so-tai-chinh/2023/\">") {
		t.Errorf("distance to the unit above is missing")
	}
	annex := string(files["don-vi/so-tai-chinh/2022/index.html"])
	if strings.Contains(annex, "tom-tat") || strings.Contains(annex, "tree.js") {
		t.Errorf("annex-only year shows a review")
	}
}
