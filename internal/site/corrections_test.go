package site

import (
	"strings"
	"testing"

	"parindex/internal/par"
)

// The corrections page's part of the fixture: two corrections of 2022
// figures (pages outside the other goldens, so that they keep their
// bytes), one by a decision of the project, one by a decision only
// stated in the register.
func init() {
	fixtureExtensions = append(fixtureExtensions, func(f *fixture) {
		f.ds.Corrections = append(f.ds.Corrections,
			&par.Correction{ID: "dinh-chinh-1", Unit: "huyen-binh-son", Year: 2022, Figure: "index", Old: "74.00", New: "75.00",
				Date: par.Date{Year: 2023, Month: 3, Day: 1}, Reason: "Cộng sót điểm tiêu chí 2.3 khi tổng hợp phụ lục.",
				Decision: "215/QĐ-UBND", Src: par.Source{File: "data/corrections.yaml", Line: 2}},
			&par.Correction{ID: "dinh-chinh-2", Unit: "xa-phu-my", Year: 2022, Figure: "area:II", Old: "30,5", New: "31,25",
				Date: par.Date{Year: 2023, Month: 4, Day: 12}, Reason: "Điểm thẩm định lại của Hội đồng <b>sau khiếu nại</b>.",
				Decision: "88/QĐ-UBND", DecisionTitle: "Đính chính kết quả Chỉ số CCHC năm 2022", Src: par.Source{File: "data/corrections.yaml", Line: 11}},
		)
	})
	goldenPages["dinh-chinh/index.html"] = "corrections.html"
}

// Item 4: the corrections page lists the newest first, with old → new in
// the site's number format, the reason escaped, the correcting decision
// linked when the project has it; every page showing a corrected figure
// (ranking, unit, unit-year) says so and links to the entry; other pages
// do not.
func TestCorrectionsPage(t *testing.T) {
	files := build(t, newFixture("").input("/"), 2)
	page := string(files["dinh-chinh/index.html"])
	first, second := strings.Index(page, `id="dinh-chinh-2"`), strings.Index(page, `id="dinh-chinh-1"`)
	if first < 0 || second < 0 || first > second {
		t.Fatalf("corrections not listed newest first (dinh-chinh-2 at %d, dinh-chinh-1 at %d)", first, second)
	}
	for _, want := range []string{
		"<del>74,00</del>", "<ins>75,00</ins>", "<del>30,5</del>", "<ins>31,25</ins>",
		"Chỉ số CCHC", "Điểm lĩnh vực II",
		`href="/quyet-dinh/215-qd-ubnd-2023/"`, "Quyết định số 88/QĐ-UBND — Đính chính kết quả Chỉ số CCHC năm 2022",
		"&lt;b&gt;sau khiếu nại&lt;/b&gt;", `href="/don-vi/huyen-binh-son/2022/"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("corrections page lacks %q", want)
		}
	}
	for _, p := range []string{"nam/2022/huyen/index.html", "don-vi/huyen-binh-son/index.html", "don-vi/huyen-binh-son/2022/index.html", "nam/2022/xa/index.html"} {
		if !strings.Contains(string(files[p]), `class="correction-notice"`) || !strings.Contains(string(files[p]), `href="/dinh-chinh/#dinh-chinh-`) {
			t.Errorf("%s: no notice linking to the corrections page", p)
		}
	}
	for _, p := range []string{"nam/2023/huyen/index.html", "don-vi/huyen-binh-son/2023/index.html", "index.html", "nam/2022/so/index.html"} {
		if strings.Contains(string(files[p]), `class="correction-notice"`) {
			t.Errorf("%s: a notice, but it shows no corrected figure", p)
		}
	}
}

// Without corrections there is no corrections page.
func TestNoCorrectionsNoPage(t *testing.T) {
	f := newFixture("")
	f.ds.Corrections = nil
	for _, p := range Plan(f.input("/")) {
		if p.URL == urlCorrections || len(p.Corrected) > 0 {
			t.Errorf("page %s planned or marked without corrections", p.URL)
		}
	}
}

// Item 10: a page that shows a draft (a narrative, a decision, a ranking
// published by a draft decision) carries the banner; the others do not.
func TestDraftBanner(t *testing.T) {
	f := newFixture("")
	var qd *par.Doc
	for _, d := range f.ds.Docs {
		if d.Kind == par.DocDecision && d.Year == 2023 {
			d.Draft = true
			qd = d
		}
	}
	if qd == nil {
		t.Fatal("the fixture has no 2023 decision")
	}
	files := build(t, f.input("/"), 2)
	const banner = `<p class="draft-banner" role="note"><strong>Bản nháp — chưa công bố.</strong>`
	for _, p := range []string{"quyet-dinh/" + qd.Slug + "/index.html", "quyet-dinh/index.html", "nam/2023/so/index.html"} {
		if !strings.Contains(string(files[p]), banner) {
			t.Errorf("%s: no draft banner", p)
		}
	}
	for _, p := range []string{"nam/2022/so/index.html", "phuong-phap/index.html"} {
		if strings.Contains(string(files[p]), "draft-banner") {
			t.Errorf("%s: a draft banner, but it shows no draft", p)
		}
	}
	for p, b := range files {
		if strings.Contains(string(b), " style=") {
			t.Errorf("%s: inline style", p)
		}
	}
}
