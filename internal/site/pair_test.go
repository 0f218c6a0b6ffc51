package site

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"parindex/internal/compute"
	"parindex/internal/par"
)

// withThirdYear extends the fixture with a third year of the departments,
// 2024, under the 2023 framework: Sở Lao động has merged into Sở Nội vụ
// (1 March 2024), Sở Xây dựng, not scored in 2023, is scored again, and
// the bands move both ways. The comparisons are computed again.
func withThirdYear(f *fixture) *fixture {
	reg := f.ds.Registry
	fw := f.ds.Framework("so", 2024)
	src := func(row int, col string) par.Source {
		return srcCell("data/scores/2024/phu-luc.xlsx", "Khối so", col+strconv.Itoa(row))
	}
	res := func(id string, row int, index string, rank int, band string) *par.Result {
		u := reg.Unit(id)
		i := fw.BandIndex(band)
		return &par.Result{Unit: u, Group: "so", Year: 2024, Framework: fw, Name: u.NameAt(2024).Name, Scored: true,
			Total: pubFig(index, src(row, "C")), Index: pubFig(index, src(row, "G")),
			Rank: par.Rank{N: rank, Origin: par.Published, Src: src(row, "A")},
			Band: par.BandMark{ID: band, Name: fw.Bands[i].Name, Origin: par.Published, Src: src(row, "H")},
			Max:  pt("100"),
		}
	}
	rk := &par.Ranking{Group: reg.Group("so"), Year: 2024, Framework: fw, Results: []*par.Result{
		res("so-tai-chinh", 5, "93.00", 1, "tot"),
		res("so-kh-cn", 6, "81.00", 2, "tot"),
		res("so-noi-vu", 7, "79.50", 3, "kha"),
		res("so-xay-dung", 8, "66.00", 4, "kha"),
	}}
	// The group scored but never ranked, in 2024 too.
	ca := f.res.ByUnit["cong-an-tinh"][0]
	ca24 := *ca
	ca24.Year, ca24.Index, ca24.Total = 2024, pubFig("90.25", src(9, "G")), pubFig("90.25", src(9, "C"))
	dt := &par.Ranking{Group: reg.Group("dac-thu"), Year: 2024, Framework: ca.Framework, Results: []*par.Result{&ca24}}
	f.res.ByUnit["cong-an-tinh"] = append(f.res.ByUnit["cong-an-tinh"], &ca24)
	f.res.Rankings = append(f.res.Rankings, rk, dt)
	f.res.Years = append(f.res.Years, 2024)
	for _, r := range rk.Results {
		f.res.ByUnit[r.Unit.ID] = append(f.res.ByUnit[r.Unit.ID], r)
	}
	f.res.Pairs = compute.Pairs(reg, f.res)
	return f
}

// Golden comparison pages of the three-year fixture: consecutive years
// under one framework (bands compare, a merger, a unit scored again) and
// two years apart across the framework change.
var pairGoldens = map[string]string{
	"khoi/so/2023-2024/index.html": "pair-same-framework.html",
	"khoi/so/2022-2024/index.html": "pair-two-years-apart.html",
	"nam/2024/so/index.html":       "ranking-pair-selector.html",
}

func TestPairGolden(t *testing.T) {
	files := build(t, withThirdYear(newFixture("")).input("/"), 2)
	checkGoldens(t, files, pairGoldens)
}

// Every two years of a group with rankings is a page, and each names the
// two rankings it shows, so a preview re-renders it when either changes.
func TestPairPages(t *testing.T) {
	pages := Plan(withThirdYear(newFixture("")).input("/"))
	got := map[string][]string{}
	for _, p := range pages {
		if p.Template == "pair" && p.Lang == langVi {
			got[p.URL] = p.Rankings
		}
	}
	want := map[string][]string{
		"/khoi/so/2022-2023/":      {"2022/so", "2023/so"},
		"/khoi/so/2022-2024/":      {"2022/so", "2024/so"},
		"/khoi/so/2023-2024/":      {"2023/so", "2024/so"},
		"/khoi/huyen/2022-2023/":   {"2022/huyen", "2023/huyen"},
		"/khoi/xa/2022-2023/":      {"2022/xa", "2023/xa"},
		"/khoi/dac-thu/2023-2024/": {"2023/dac-thu", "2024/dac-thu"},
	}
	if len(got) != len(want) {
		t.Errorf("pair pages %v, want %v", got, want)
	}
	for u, keys := range want {
		if !slices.Equal(got[u], keys) {
			t.Errorf("%s shows rankings %v, want %v", u, got[u], keys)
		}
	}
	// A results edit of 2024 re-renders the pairs with 2024, not 2022–2023.
	var shown []string
	for _, p := range ShowingRankings(pages, []string{RankingKey(2024, "so")}) {
		if p.Template == "pair" && p.Lang == langVi {
			shown = append(shown, p.URL)
		}
	}
	if !slices.Equal(shown, []string{"/khoi/so/2022-2024/", "/khoi/so/2023-2024/"}) {
		t.Errorf("pairs re-rendered for 2024: %v", shown)
	}
}

// Rules of the comparison page: the framework notice names both
// frameworks; bands compare only within one framework; a true minus sign,
// "=" for no change and "—" for no data; the unit that merged says into
// which unit; the selector is hidden without JavaScript and the links to
// every pair are there instead.
func TestPairPageContent(t *testing.T) {
	files := build(t, withThirdYear(newFixture("")).input("/chi-so-cchc/"), 2)
	apart := string(files["khoi/so/2022-2024/index.html"])
	for _, want := range []string{
		`<strong>Hai năm chấm theo hai bộ chỉ số khác nhau:</strong> năm 2022 theo <a href="/chi-so-cchc/phuong-phap/#so-2019">Bộ Chỉ số CCHC các sở, ban, ngành (2019)</a>, năm 2024 theo <a href="/chi-so-cchc/phuong-phap/#so-2023">`,
		"(không so sánh được: khác bộ chỉ số)",
		"Sáp nhập vào <a href=\"/chi-so-cchc/don-vi/so-noi-vu/\">Sở Nội vụ</a> ngày 01/03/2024.",
		"\u22125,75", // Sở Nội vụ 85,25 → 79,50
		`<form class="pair-form" data-pair-form data-pair-base="/chi-so-cchc/khoi/so/" hidden>`,
		`<a href="/chi-so-cchc/khoi/so/2022-2024/" aria-current="page">2022–2024</a>`,
		`<script src="/chi-so-cchc/static/js/pair.js" defer></script>`,
	} {
		if !strings.Contains(apart, want) {
			t.Errorf("2022–2024 lacks %q", want)
		}
	}
	if strings.Contains(apart, "bậc xếp loại") {
		t.Error("bands compared across a framework change")
	}
	same := string(files["khoi/so/2023-2024/index.html"])
	for _, want := range []string{
		`<span class="chg down" aria-hidden="true">▼1</span><span class="sr-only">xuống 1 bậc xếp loại</span>`, // Sở Nội vụ Tốt → Khá
		`<span class="chg same" aria-hidden="true">=</span><span class="sr-only">giữ nguyên xếp loại</span>`,
		`<span class="chg up" aria-hidden="true">▲1</span><span class="sr-only">tăng 1 bậc</span>`, // Sở KH&CN 4 → 2 among 3 common: 3 → 2
		"Chưa được chấm điểm năm 2023.",                                                            // Sở Xây dựng entered
		`<span class="missing" title="Chưa chấm điểm năm 2023">`,
	} {
		if !strings.Contains(same, want) {
			t.Errorf("2023–2024 lacks %q", want)
		}
	}
	if strings.Contains(same, "framework-notice") {
		t.Error("framework notice on a comparison within one framework")
	}
	// A group scored but not ranked: the index compared, no rank columns
	// or lists.
	unranked := string(files["khoi/dac-thu/2023-2024/index.html"])
	for _, want := range []string{"(khối được chấm điểm, công bố nhưng không xếp hạng)", "1 đơn vị có chỉ số cả hai năm", "&#43;2,25 điểm"} {
		if !strings.Contains(unranked, want) {
			t.Errorf("unranked group's comparison lacks %q", want)
		}
	}
	for _, bad := range []string{">Hạng 2023<", "Tăng hạng nhiều nhất"} {
		if strings.Contains(unranked, bad) {
			t.Errorf("unranked group's comparison shows %q", bad)
		}
	}
	rk := string(files["nam/2024/so/index.html"])
	if !strings.Contains(rk, `<a href="/chi-so-cchc/khoi/so/2023-2024/">So sánh với năm trước (2023–2024)</a>`) {
		t.Error("ranking page lacks the link to the comparison with the year before")
	}
}
