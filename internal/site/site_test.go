package site

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"parindex"
	"parindex/internal/par"
)

var update = flag.Bool("update", false, "rewrite testdata/*.html golden files")

// mapWriter collects rendered files in memory.
type mapWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (w *mapWriter) WriteFile(path string, data []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.files == nil {
		w.files = map[string][]byte{}
	}
	if _, dup := w.files[path]; dup {
		return fmt.Errorf("%s written twice", path)
	}
	w.files[path] = data
	return nil
}

func build(t *testing.T, in *Input, workers int) map[string][]byte {
	t.Helper()
	var w mapWriter
	if err := Render(in, parindex.Theme, Plan(in), workers, &w); err != nil {
		t.Fatal(err)
	}
	return w.files
}

// Golden pages: one of each kind the issue names.
var goldenPages = map[string]string{
	"index.html":                              "home.html",
	"nam/2023/index.html":                     "year.html",
	"nam/2023/so/index.html":                  "ranking.html",
	"nam/2023/xa/index.html":                  "ranking-via-unscored.html",
	"nam/2023/dac-thu/index.html":             "ranking-unranked.html",
	"don-vi/so-noi-vu/index.html":             "unit.html",
	"don-vi/huyen-an-lam/index.html":          "unit-parent.html",
	"don-vi/xa-tan-phu/index.html":            "unit-commune.html",
	"don-vi/so-noi-vu/2023/index.html":        "unit-year-tree.html",
	"don-vi/so-tai-chinh/2022/index.html":     "unit-year-annex.html",
	"don-vi/index.html":                       "units.html",
	"quyet-dinh/index.html":                   "decisions.html",
	"quyet-dinh/1007-qd-ubnd-2024/index.html": "decision.html",
	"phuong-phap/index.html":                  "methodology.html",
	"doi-chieu/index.html":                    "reconciliation.html",
	"don-vi/huyen-binh-son/2023/index.html":   "unit-year-recorded.html",
	"don-vi/xa-tan-phu/2023/index.html":       "unit-year-incomplete.html",
	"don-vi/xa-binh-minh/2023/index.html":     "unit-year-not-scored.html",
	"404.html":                                "404.html",
	// Issue 13, 6 and 8: the search page (without JavaScript, every unit
	// and page alphabetically), its index, the feeds, robots.txt.
	"tim-kiem/index.html":         "search.html",
	"tim-kiem/chi-muc.json":       "search-index.json",
	"feed.xml":                    "feed.xml",
	"don-vi/so-noi-vu/atom.xml":   "unit-feed.xml",
	"robots.txt":                  "robots.txt",
	"nam/index.html":              "years.html",
	"trang/gioi-thieu/index.html": "page.html",
	// A chart's embed page and its data as CSV.
	"nhung/2023-so-index.html":          "embed.html",
	"nhung/2023-so-index.csv":           "embed.csv",
	"khoi/so/index.html":                "group.html",
	"khoi/so/so-sanh-don-vi/index.html": "compare.html",
	"khoi/so/2022-2023/index.html":      "pair.html",
	"khoi/xa/2022-2023/index.html":      "pair-merger.html",
	// Issue 12, 8: the printable report of a unit-year, with its points
	// lost, and of a year with only the annex.
	"don-vi/so-noi-vu/2023/bao-cao/index.html":    "report.html",
	"don-vi/so-tai-chinh/2022/bao-cao/index.html": "report-annex.html",
	// Issue 13, 2: open data, its page, its dictionary, its files.
	"du-lieu/index.html":            "data.html",
	"du-lieu/tu-dien/index.html":    "data-dictionary.html",
	"du-lieu/2023/so.csv":           "data-ranking.csv",
	"du-lieu/2023/so.json":          "data-ranking.json",
	"du-lieu/don-vi/so-noi-vu.json": "data-unit.json",
	"du-lieu/README.txt":            "data-readme.txt",
}

// checkGoldens compares each built file named in goldens (site path →
// file under testdata/) with its golden file, or writes it with -update.
func checkGoldens(t *testing.T, files map[string][]byte, goldens map[string]string) {
	t.Helper()
	for _, page := range slices.Sorted(maps.Keys(goldens)) {
		name := goldens[page]
		t.Run(name, func(t *testing.T) {
			got, ok := files[page]
			if !ok {
				t.Fatalf("page %s not rendered", page)
			}
			path := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/site -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; rerun with -update and review the diff:\n%s", page, path, firstDiff(got, want))
			}
		})
	}
}

func TestGolden(t *testing.T) {
	files := build(t, newFixture("").input("/"), 2)
	checkGoldens(t, files, goldenPages)
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}

func TestPlanSortedAndUnique(t *testing.T) {
	pages := Plan(newFixture("").input("/"))
	seen := map[string]bool{}
	for i, p := range pages {
		if seen[p.URL] {
			t.Errorf("duplicate URL %s", p.URL)
		}
		seen[p.URL] = true
		if i > 0 && pages[i-1].URL >= p.URL {
			t.Errorf("not sorted: %s before %s", pages[i-1].URL, p.URL)
		}
		if !strings.HasPrefix(p.URL, "/") || (!strings.HasSuffix(p.URL, "/") && !strings.HasSuffix(p.URL, ".html")) {
			t.Errorf("URL %q is not a site path", p.URL)
		}
		if p.Title == "" || p.Template == "" {
			t.Errorf("%s: empty title or template", p.URL)
		}
	}
	// Every page kind of the URL scheme is planned.
	for _, u := range []string{
		"/", "/404.html", "/nam/", "/nam/2022/", "/nam/2023/so/", "/don-vi/", "/don-vi/so-noi-vu/",
		"/don-vi/so-noi-vu/2023/", "/don-vi/so-tai-chinh/2022/", "/quyet-dinh/", "/quyet-dinh/215-qd-ubnd-2023/",
		"/phuong-phap/", "/trang/gioi-thieu/", "/don-vi/xa-tan-an/", "/don-vi/xa-tan-an/2022/",
		"/doi-chieu/", "/don-vi/xa-binh-minh/2023/", // not scored, with a narrative saying why
	} {
		if !seen[u] {
			t.Errorf("page %s not planned", u)
		}
	}
	// Missing is not zero: an unscored unit-year has no page unless there
	// is something to say (a narrative, an incomplete sheet); an English
	// page is not published on the Vietnamese site.
	for _, u := range []string{"/don-vi/so-xay-dung/2023/", "/trang/about/"} {
		if seen[u] {
			t.Errorf("page %s should not be planned", u)
		}
	}
}

var (
	attrRe = regexp.MustCompile(`\s(href|src)="([^"]*)"`)
	idRe   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// TestLinks renders under a sub-path and checks that every internal link
// and asset reference resolves to a planned page, a theme asset or a
// content attachment, and that fragment links find their id.
func TestLinks(t *testing.T) {
	const base = "/chi-so-cchc/"
	f := newFixture("")
	in := f.input(base)
	pages := Plan(in)
	var w mapWriter
	if err := Render(in, parindex.Theme, pages, 3, &w); err != nil {
		t.Fatal(err)
	}
	planned := map[string]bool{}
	ids := map[string]map[string]bool{}
	for _, p := range pages {
		planned[p.URL] = true
		ids[p.URL] = map[string]bool{}
		for _, m := range idRe.FindAllSubmatch(w.files[OutputPath(p.URL)], -1) {
			ids[p.URL][string(m[1])] = true
		}
	}
	assets := map[string]bool{}
	for _, a := range f.ds.Assets {
		assets["/"+a] = true
	}
	checked := 0
	for _, p := range pages {
		out := w.files[OutputPath(p.URL)]
		for _, m := range attrRe.FindAllSubmatch(out, -1) {
			ref := strings.ReplaceAll(string(m[2]), "&amp;", "&")
			switch {
			case strings.HasPrefix(ref, "http://"), strings.HasPrefix(ref, "https://"), strings.HasPrefix(ref, "mailto:"):
				t.Errorf("%s: outside link %s (the fixture has none)", p.URL, ref)
				continue
			case strings.HasPrefix(ref, "#"):
				if !ids[p.URL][ref[1:]] {
					t.Errorf("%s: fragment %s has no target", p.URL, ref)
				}
				continue
			}
			if !strings.HasPrefix(ref, base) {
				t.Errorf("%s: %s=%q does not start with the base path %s", p.URL, m[1], ref, base)
				continue
			}
			target, frag, _ := strings.Cut("/"+strings.TrimPrefix(ref, base), "#")
			checked++
			switch {
			case planned[target]:
				if frag != "" && !ids[target][frag] {
					t.Errorf("%s: link %s: no id %q on %s", p.URL, ref, frag, target)
				}
			case strings.HasPrefix(target, "/static/"):
				if _, err := fs.Stat(parindex.Theme, strings.TrimPrefix(target, "/")); err != nil {
					t.Errorf("%s: asset %s missing from the theme", p.URL, ref)
				}
			case assets[target]:
			case strings.HasPrefix(unprefixed(target, langEn), urlEmbed) && w.files[OutputPath(target)] != nil:
				// A chart's embed page or CSV, written beside its page.
			case strings.HasPrefix(target, urlData) && w.files[OutputPath(target)] != nil:
				// An open data file, written by /du-lieu/.
			case w.files[OutputPath(target)] != nil && !strings.HasSuffix(target, "/"):
				// A file a page writes beside itself: a feed, the search
				// index (extraFiler).
			default:
				t.Errorf("%s: broken link %s", p.URL, ref)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d links checked; the link pattern is probably wrong", checked)
	}
}

// scriptRe finds every script element with its attributes and content.
var scriptRe = regexp.MustCompile(`(?s)<script([^>]*)>(.*?)</script>`)

// TestHostileTextIsEscaped: every string from a workbook or markdown front
// matter renders as text, everywhere (issue #2, Engineering).
func TestHostileTextIsEscaped(t *testing.T) {
	const evil = `<script>alert(1)</script>`
	files := build(t, newFixture(evil).input("/"), 2)
	escaped := 0
	for _, path := range slices.Sorted(maps.Keys(files)) {
		out := string(files[path])
		if strings.HasSuffix(path, ".csv") || strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".xlsx") || strings.HasSuffix(path, ".zip") {
			// Data, not markup: the name is a cell, served as text/csv
			// (or plain text, a workbook, a zip).
			continue
		}
		if strings.Contains(out, evil) || strings.Contains(out, "<script>") {
			t.Errorf("%s: raw <script> from data in the output", path)
		}
		var options strings.Builder
		for _, m := range scriptRe.FindAllStringSubmatch(out, -1) {
			attrs, body := m[1], m[2]
			switch {
			case strings.HasPrefix(attrs, ` src="`) && body == "":
			case attrs == ` type="application/ld+json"`:
				// schema.org Dataset (open data): JSON, escaped.
				if strings.ContainsAny(body, "<>") {
					t.Errorf("%s: JSON-LD contains a raw < or >", path)
				}
			case strings.HasPrefix(attrs, ` type="application/json" id="`):
				if strings.ContainsAny(body, "<>&") {
					t.Errorf("%s: chart option JSON contains a raw <, > or &", path)
				}
				options.WriteString(body)
			default:
				t.Errorf("%s: unexpected script element <script%s>", path, attrs)
			}
		}
		// Chart labels carry the name as JSON data, escaped.
		if (path == "don-vi/so-noi-vu/index.html" || path == "nam/2023/so/index.html") &&
			!strings.Contains(options.String(), `\u003cscript\u003ealert(1)\u003c/script\u003e`) {
			t.Errorf("%s: hostile unit name missing from the chart options", path)
		}
		if strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			escaped++
		}
	}
	// The name shows, as text, on the pages that use it: title, heading,
	// breadcrumb, table cells.
	unit := string(files["don-vi/so-noi-vu/index.html"])
	for _, want := range []string{
		"<title>&lt;script&gt;alert(1)&lt;/script&gt; — &lt;script&gt;",
		"<h1>&lt;script&gt;alert(1)&lt;/script&gt;",
		`<span aria-current="page">&lt;script&gt;alert(1)&lt;/script&gt;</span>`,
	} {
		if !strings.Contains(unit, want) {
			t.Errorf("unit page lacks %q", want)
		}
	}
	if !strings.Contains(string(files["nam/2023/so/index.html"]), `<a href="/don-vi/so-noi-vu/">&lt;script&gt;alert(1)&lt;/script&gt;</a>`) {
		t.Errorf("ranking table does not show the hostile name as text")
	}
	if escaped < len(files)/2 {
		t.Errorf("hostile text shown escaped on only %d of %d pages", escaped, len(files))
	}
}

func TestDeterministic(t *testing.T) {
	a := build(t, newFixture("").input("/"), 4)
	b := build(t, newFixture("").input("/"), 4)
	compareBuilds(t, a, b)
}

func TestWorkersGiveSameOutput(t *testing.T) {
	in := newFixture("").input("/chi-so-cchc/")
	compareBuilds(t, build(t, in, 1), build(t, in, 4))
}

func compareBuilds(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	if !slices.Equal(slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b))) {
		t.Fatalf("different file sets")
	}
	for p, x := range a {
		if !bytes.Equal(x, b[p]) {
			t.Errorf("%s differs between builds:\n%s", p, firstDiff(x, b[p]))
		}
	}
}

func TestEveryPageRendered(t *testing.T) {
	in := newFixture("").input("/")
	pages := Plan(in)
	files := build(t, in, 2)
	// Every page, and for every chart its embed page and CSV.
	embeds, extras := 0, 0
	for p := range files {
		q := strings.TrimPrefix(p, "en/")
		switch {
		case strings.HasPrefix(q, strings.TrimPrefix(urlEmbed, "/")+"xep-hang-"):
			extras++ // a ranking's embed page
		case strings.HasPrefix(q, strings.TrimPrefix(urlEmbed, "/")):
			embeds++
		case strings.HasPrefix(p, strings.TrimPrefix(urlData, "/")) && !strings.HasSuffix(p, "/index.html"):
			extras++ // an open data file, written by /du-lieu/
		case !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".csv"):
			extras++ // feeds, search index, sitemap, robots.txt (extraFiler)
		}
	}
	if len(files)-embeds-extras != len(pages) {
		t.Errorf("%d files for %d pages", len(files)-embeds-extras, len(pages))
	}
	if embeds == 0 || embeds%2 != 0 {
		t.Errorf("%d embed files: want an embed page and a CSV per chart", embeds)
	}
	for _, p := range pages {
		out := string(files[OutputPath(p.URL)])
		wants := []string{
			`<html lang="vi">`, `<meta charset="utf-8">`, `name="viewport"`,
			"Dữ liệu minh họa — không phải kết quả chính thức", "Xây dựng bằng parindex",
			`href="#noi-dung"`, `<main id="noi-dung"`,
		}
		if p.Lang == langEn {
			wants = []string{
				`<html lang="en">`, `<meta charset="utf-8">`, `name="viewport"`,
				"Illustrative data — not official results", "Built with parindex",
				`href="#noi-dung"`, `<main id="noi-dung"`,
			}
		}
		for _, want := range wants {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q", p.URL, want)
			}
		}
		// Scripts only where needed.
		hasChart := strings.Contains(out, `class="chart-box"`)
		if hasChart != strings.Contains(out, "static/js/charts.js") || hasChart != strings.Contains(out, "echarts.min.js") {
			t.Errorf("%s: chart scripts loaded=%v, charts shown=%v", p.URL, !hasChart, hasChart)
		}
		sortable := strings.Contains(out, `class="ranking sortable"`)
		if sortable != strings.Contains(out, "static/js/site.js") {
			t.Errorf("%s: site.js loaded without a sortable table or the reverse", p.URL)
		}
		// Without JavaScript a chart box would be an empty space: it is
		// hidden and its data table open until charts.js draws the chart.
		if strings.Count(out, `class="chart-box"`) != len(regexp.MustCompile(`class="chart-box"[^>]*\shidden>`).FindAllString(out, -1)) {
			t.Errorf("%s: a chart box is not hidden for readers without JavaScript", p.URL)
		}
		if strings.Count(out, `<details class="chart-data"`) != strings.Count(out, `<details class="chart-data" open>`) {
			t.Errorf("%s: a chart's data table is not open for readers without JavaScript", p.URL)
		}
		// A strict CSP (style-src without 'unsafe-inline') drops style
		// attributes.
		if regexp.MustCompile(`<[^>]+\sstyle=`).MatchString(out) {
			t.Errorf("%s: inline style attribute", p.URL)
		}
		if strings.Contains(out, " on") && regexp.MustCompile(`<[^>]+\son[a-z]+=`).MatchString(out) {
			t.Errorf("%s: inline event handler", p.URL)
		}
	}
}

func TestSampleBannerOnlyForSamples(t *testing.T) {
	f := newFixture("")
	f.ds.Site.Sample = false
	files := build(t, f.input("/"), 1)
	if bytes.Contains(files["index.html"], []byte("Dữ liệu minh họa")) {
		t.Error("sample banner shown for real data")
	}
}

// Rule: an unscored unit is shown as not scored and never ranked.
func TestUnscoredShownAsNotScored(t *testing.T) {
	files := build(t, newFixture("").input("/"), 1)
	rk := string(files["nam/2023/so/index.html"])
	i := strings.Index(rk, "Sở Xây dựng")
	if i < 0 {
		t.Fatal("unscored unit missing from the ranking")
	}
	row := rk[strings.LastIndex(rk[:i], "<tr"):]
	row = row[:strings.Index(row, "</tr>")]
	if !strings.Contains(row, "Chưa chấm điểm") || !strings.Contains(row, "data-fixed") || strings.Contains(row, "data-sort=\"5\"") {
		t.Errorf("unscored row = %s", row)
	}
}

func TestFormatting(t *testing.T) {
	files := build(t, newFixture("").input("/"), 1)
	rk := string(files["nam/2023/so/index.html"])
	for _, want := range []string{
		`data-sort="92.5"`, `>92,50</span><sup class="computed"`, // computed index: decimal comma and dagger
		// A published total with its cell: column F of the sheet row its
		// table row names, in the page's list of sources (source.js shows
		// "bang-diem/2023/so/so-noi-vu.xlsx", sheet "Phiếu chấm", cell F20).
		`<tr data-src-row="0!20">`, `data-src="F">18,50</span>`, "\n<li>bang-diem/2023/so/so-noi-vu.xlsx: Phiếu chấm</li>",
		// The group ranked 5 units in 2022 and 4 in 2023: the change of
		// size is stated with last year's rank.
		`<span class="chg up" aria-hidden="true">▲1</span><span class="sr-only">tăng 1 bậc (năm 2022 xếp thứ 2/5, năm 2023 xếp thứ 1/4)</span>`,
		`<span class="chg down" aria-hidden="true">▼1</span>`,
		`<th scope="col" class="num" data-type="num">Hạng năm 2022 → 2023 (hạng/số đơn vị)</th>`, `<td class="num prev-rank" data-sort="2">2/5 → 1/4</td>`,
		// "No change" and "no data" never share a symbol.
		`<span class="chg same" aria-hidden="true">=</span>`,
		"&#43;7,25", "\u22121,50", "\u22120,10", // a true minus sign
		"bộ chỉ số thay đổi, chỉ so sánh được chỉ số (%)",
		"số liệu tính toán từ phiếu chấm hoặc từ các số đã công bố (thứ hạng, xếp loại: theo quy tắc của bộ chỉ số), không có trong phụ lục công bố",
	} {
		if !strings.Contains(rk, want) {
			t.Errorf("ranking lacks %q", want)
		}
	}
	xa := string(files["nam/2023/xa/index.html"])
	if !strings.Contains(xa, `so với <a href="/don-vi/xa-tan-an/">UBND xã Tân An</a> (đơn vị tiền thân)`) {
		t.Error("change via a predecessor is not explained")
	}
	dec := string(files["quyet-dinh/index.html"])
	if i, j := strings.Index(dec, "1007/QĐ-UBND"), strings.Index(dec, "215/QĐ-UBND"); i < 0 || j < 0 || i > j {
		t.Error("decisions not listed newest first")
	}
	if !strings.Contains(dec, `<time datetime="2024-02-20">20/02/2024</time>`) {
		t.Error("decision date not dd/mm/yyyy")
	}
	// Vietnamese collation: "Sở Khoa học…" < "Sở Lao động…" < "Sở Nội vụ" <
	// "Sở Tài chính" < "Sở Xây dựng".
	units := string(files["don-vi/index.html"])
	last := -1
	for _, n := range []string{"Sở Khoa học, Công nghệ", "Sở Lao động", "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng"} {
		i := strings.Index(units, n)
		if i < last {
			t.Errorf("%s out of order on the units page", n)
		}
		last = i
	}
	meth := string(files["phuong-phap/index.html"])
	for _, want := range []string{
		`id="so-2023"`, "ít nhất 2/3 số đơn vị trực thuộc thuộc khối UBND cấp xã", "1, 2, 2, 4",
		"Không áp dụng", "Điều tra xã hội học", "Từ 80% trở lên", "Từ 65% đến dưới 80%", "Dưới 65%",
	} {
		if !strings.Contains(meth, want) {
			t.Errorf("methodology lacks %q", want)
		}
	}
	annex := string(files["don-vi/so-tai-chinh/2022/index.html"])
	if !strings.Contains(annex, "Năm 2022 chỉ có bảng tổng hợp công bố kèm quyết định; không có phiếu chấm chi tiết theo tiêu chí.") {
		t.Error("annex-only unit-year does not say what is missing")
	}
	tree := string(files["don-vi/so-tai-chinh/2023/index.html"])
	if !strings.Contains(tree, `<tr class="lvl-3 na"><td>1.2</td><th scope="row">Mức độ hoàn thành kế hoạch</th><td class="num" data-label="Điểm tối đa">Không áp dụng</td>`) {
		t.Error("not-applicable criterion not shown")
	}
}

func TestRenderErrorNamesPage(t *testing.T) {
	theme := fstest.MapFS{}
	for _, name := range []string{"templates/layout/base.html", "templates/layout/notices.html", "templates/home.html"} {
		b, err := fs.ReadFile(parindex.Theme, name)
		if err != nil {
			t.Fatal(err)
		}
		theme[name] = &fstest.MapFile{Data: b}
	}
	theme["templates/broken.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}{{.Data.Nope}}{{end}}`)}
	in := newFixture("").input("/")
	pages := []Page{
		Plan(in)[0], // the home page
		{URL: "/nam/2023/so/", Template: "broken", Title: "x", view: viewOf(meta{})},
	}
	var w mapWriter
	err := Render(in, theme, pages, 2, &w)
	if err == nil || !strings.HasPrefix(err.Error(), "page /nam/2023/so/: ") {
		t.Fatalf("err = %v, want it to name the page", err)
	}
	pages[1].Template = "missing"
	err = Render(in, theme, pages, 2, &w)
	if err == nil || !strings.Contains(err.Error(), "templates/missing.html") {
		t.Fatalf("err = %v, want it to name the missing template", err)
	}
}

// A unit id or slug that would escape the site directory is refused, not
// written.
func TestUnsafeURLRefused(t *testing.T) {
	f := newFixture("")
	f.ds.Registry.Units[0].ID = "../../etc"
	f.ds.Registry.Index()
	in := f.input("/")
	var w mapWriter
	err := Render(in, parindex.Theme, Plan(in), 2, &w)
	if err == nil || !strings.Contains(err.Error(), `page /don-vi/../../etc/: unsafe URL segment ".."`) {
		t.Fatalf("err = %v", err)
	}
	if len(w.files) != 0 {
		t.Errorf("%d files written before the check", len(w.files))
	}
}

func TestOutputPathAndBase(t *testing.T) {
	for in, want := range map[string]string{
		"/": "index.html", "/nam/2023/so/": "nam/2023/so/index.html", "/404.html": "404.html",
	} {
		if got := OutputPath(in); got != want {
			t.Errorf("OutputPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// A new project with no results yet still builds a site that says so.
func TestEmptySite(t *testing.T) {
	in := &Input{Dataset: &par.Dataset{Registry: &par.Registry{}}, Results: &par.Results{}, BaseURL: "/"}
	files := build(t, in, 2)
	for _, want := range []string{"index.html", "404.html", "nam/index.html", "don-vi/index.html", "quyet-dinh/index.html", "phuong-phap/index.html"} {
		if _, ok := files[want]; !ok {
			t.Errorf("%s missing", want)
		}
	}
	if !bytes.Contains(files["index.html"], []byte("Chưa có kết quả nào được công bố.")) {
		t.Error("empty home page does not say there are no results")
	}
}

// A change to one narrative's body re-renders the one page that shows it.
func TestAffected(t *testing.T) {
	pages := Plan(newFixture("").input("/"))
	for _, tc := range []struct {
		doc  string
		want []string
	}{
		// /tim-kiem/ writes the search index and the site feed, which
		// show every narrative's and decision's opening; the English
		// pages show the Vietnamese narrative where there is no English one.
		{"content/units/so-noi-vu/2023.md", []string{"/don-vi/so-noi-vu/2023/", "/en/don-vi/so-noi-vu/2023/", "/en/tim-kiem/", "/tim-kiem/"}},
		{"content/index.md", []string{"/", "/en/"}},
		{"content/decisions/2023.md", []string{"/en/quyet-dinh/1007-qd-ubnd-2024/", "/en/tim-kiem/", "/quyet-dinh/1007-qd-ubnd-2024/", "/tim-kiem/"}},
		{"content/nothing.md", nil},
	} {
		var got []string
		for _, p := range Affected(pages, []string{tc.doc}) {
			got = append(got, p.URL)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Affected(%s) = %v, want %v", tc.doc, got, tc.want)
		}
	}
}

// Every page kind has a golden page, and every page of a kind matches the
// kind's URL pattern: a new kind cannot land without both.
func TestKindsHaveGoldens(t *testing.T) {
	pages := Plan(newFixture("").input("/"))
	golden := map[string]bool{}
	for _, p := range pages {
		if _, ok := goldenPages[OutputPath(p.URL)]; ok {
			golden[p.Template] = true
		}
	}
	m := newModel(newFixture("").input("/"), newLang(langVi, nil))
	for _, k := range kinds() {
		if !golden[k.Template] {
			t.Errorf("page kind %s has no page in goldenPages", k.Template)
		}
		re := regexp.MustCompile("^" + regexp.MustCompile(`<[a-z-]+>`).ReplaceAllString(regexp.QuoteMeta(k.Pattern), `[^/]+`) + "$")
		ps := k.pages(m)
		if len(ps) == 0 {
			t.Errorf("page kind %s has no page in the fixture", k.Template)
		}
		for _, p := range ps {
			if !re.MatchString(p.URL) {
				t.Errorf("page kind %s: URL %s does not match its pattern %s", k.Template, p.URL, k.Pattern)
			}
		}
	}
}

// A change to one ranking's results re-renders the pages that show them:
// the ranking, its year, its units' pages and unit-year pages of that
// year, and the home page; not the other rankings or the methodology.
func TestShowingRankings(t *testing.T) {
	pages := Plan(newFixture("").input("/"))
	got := map[string]bool{}
	for _, p := range ShowingRankings(pages, []string{RankingKey(2023, "so")}) {
		got[p.URL] = true
	}
	for _, u := range []string{"/", "/nam/2023/", "/nam/2023/so/", "/don-vi/so-noi-vu/", "/don-vi/so-noi-vu/2023/"} {
		if !got[u] {
			t.Errorf("%s not re-rendered", u)
		}
	}
	for _, u := range []string{"/nam/2022/so/", "/phuong-phap/", "/don-vi/", "/quyet-dinh/"} {
		if got[u] {
			t.Errorf("%s re-rendered, though it shows nothing of the 2023 departments", u)
		}
	}
}
