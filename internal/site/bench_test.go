package site

import (
	"fmt"
	"runtime"
	"strconv"
	"testing"

	"parindex"
	"parindex/internal/par"
)

// bigInput is a synthetic province for the render benchmark: units ×
// years of detail results on a framework of 8 areas × 5 criteria × 3
// sub-criteria (160 rows per criteria tree, like a real scoring sheet).
func bigInput(units, years int) *Input {
	reg := &par.Registry{Groups: []*par.Group{{ID: "so", Name: "Sở, ban, ngành"}}}
	fw := &par.Framework{ID: "fw", Title: "Bộ chỉ số", Groups: []string{"so"}, From: 2000, Basis: par.BasisIndex, Decimals: 2,
		Bands: []par.Band{{ID: "tot", Name: "Tốt", Min: pt("80")}, {ID: "kha", Name: "Khá", Min: pt("0")}}}
	for a := 1; a <= 8; a++ {
		area := &par.Node{Code: strconv.Itoa(a), Title: fmt.Sprintf("Lĩnh vực số %d", a), Max: pt("15")}
		for c := 1; c <= 5; c++ {
			crit := &par.Node{Code: strconv.Itoa(c), Title: fmt.Sprintf("Tiêu chí %d.%d về cải cách hành chính", a, c), Max: pt("3")}
			for s := 1; s <= 3; s++ {
				crit.Children = append(crit.Children, &par.Node{Code: fmt.Sprintf("%d.%d", c, s), Title: "Tiêu chí thành phần đánh giá việc thực hiện", Max: pt("1")})
			}
			area.Children = append(area.Children, crit)
		}
		fw.Areas = append(fw.Areas, area)
	}
	fw.Index()
	res := &par.Results{ByUnit: map[string][]*par.Result{}}
	for i := 0; i < units; i++ {
		reg.Units = append(reg.Units, &par.Unit{ID: fmt.Sprintf("don-vi-%04d", i), Group: "so", Names: []par.Name{{Name: fmt.Sprintf("Sở số %04d", i)}}})
	}
	reg.Index()
	for y := 0; y < years; y++ {
		year := 2015 + y
		res.Years = append(res.Years, year)
		rk := &par.Ranking{Group: reg.Groups[0], Year: year, Framework: fw}
		for i, u := range reg.Units {
			r := &par.Result{Unit: u, Group: "so", Year: year, Framework: fw, Name: u.Names[0].Name, Scored: true, Detail: true,
				Total: par.Comp(pt("100"), 2, par.Source{}), Index: par.Comp(pt("83.33"), 2, par.Source{}), Max: pt("120"),
				Rank: par.Rank{N: i + 1, Origin: par.Computed}, Band: par.BandMark{ID: "tot", Name: "Tốt", Origin: par.Computed}}
			var build func(n *par.Node) *par.NodeResult
			build = func(n *par.Node) *par.NodeResult {
				nr := &par.NodeResult{Node: n, Max: n.Max, Self: par.Pub(n.Max, 2, par.Source{File: "x.xlsx", Sheet: "S", Cell: "F9"}), Appraised: par.Pub(n.Max-pt("0.25"), 2, par.Source{File: "x.xlsx", Sheet: "S", Cell: "F9"}), Lost: pt("0.25")}
				for _, c := range n.Children {
					nr.Children = append(nr.Children, build(c))
				}
				return nr
			}
			for _, a := range fw.Areas {
				ar := build(a)
				r.Tree = append(r.Tree, ar)
				r.Areas = append(r.Areas, par.AreaResult{Code: a.Code, Title: a.Title, Max: a.Max, Points: ar.Appraised})
			}
			if y > 0 {
				r.Prev = &par.Change{Year: year - 1, PrevRank: i + 1, HasRank: true, Common: units, PrevOf: units, Of: units, HasIndex: true, Comparable: true}
			}
			rk.Results = append(rk.Results, r)
			res.ByUnit[u.ID] = append(res.ByUnit[u.ID], r)
		}
		for _, a := range fw.Areas {
			rk.AreaStats = append(rk.AreaStats, par.AreaStat{Code: a.Code, Title: a.Title, Max: a.Max, Avg: pt("80"), Best: pt("95"), N: units})
		}
		res.Rankings = append(res.Rankings, rk)
	}
	return &Input{Dataset: &par.Dataset{Site: par.Site{Title: "Bench"}, Registry: reg, Frameworks: []*par.Framework{fw}}, Results: res, BaseURL: "/"}
}

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// BenchmarkPlanMemory reports what a plan keeps per page once built: pages
// are light (URL, title, crumb label, documents, a closure), the views are
// built by the render workers, so the plan grows by a few hundred bytes a
// page, not by the page's data.
//
//	go test ./internal/site -run '^$' -bench PlanMemory -benchtime 3x
func BenchmarkPlanMemory(b *testing.B) {
	for _, units := range []int{500, 1000} {
		b.Run(strconv.Itoa(units)+"-units", func(b *testing.B) {
			in := bigInput(units, 2)
			var kept float64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				pages := Plan(in)
				runtime.GC()
				runtime.ReadMemStats(&after)
				kept = float64(after.HeapAlloc-before.HeapAlloc) / float64(len(pages))
				runtime.KeepAlive(pages)
			}
			b.ReportMetric(kept, "plan-B/page")
		})
	}
}

// BenchmarkRender plans and renders a synthetic province of 1,000 units
// with two years of detail results (3,000 pages, of which 2,000 unit-year
// pages with a 160-row criteria tree and two rankings of 1,000 rows), and
// reports time, allocations and bytes allocated per page:
//
//	go test ./internal/site -run '^$' -bench Render -benchtime 5x
func BenchmarkRender(b *testing.B) {
	in := bigInput(1000, 2)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	n := 0
	for b.Loop() {
		pages := Plan(in)
		if err := Render(in, parindex.Theme, pages, 2, discard{}); err != nil {
			b.Fatal(err)
		}
		n += len(pages)
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/page")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(n), "allocs/page")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(n), "B/page")
}
