package e2e

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"parindex"
	"parindex/internal/build"
)

const (
	chromiumPath = "/usr/bin/chromium"
	basePath     = "/chi-so-cchc/"
	// baseURL is what the example is built for: a full address, as a
	// webmaster types it (issue 9, 13). Links and assets stay under its
	// path, so the site served on loopback under basePath loads only from
	// itself.
	baseURL = "https://portal.example.gov.vn" + basePath
	// axeVersion is the axe-core release vendored in testdata/axe.
	axeVersion = "4.14.1"
	// pageDeadline bounds one page's checks (or one test's, for the
	// tests that load a single page): a slow shared machine makes the
	// browser tests slower, never red, as no deadline covers them all.
	pageDeadline = 90 * time.Second
)

// pageKind is a page to visit, found by following links from the home
// page: the first link matching pattern (relative to the base path), or,
// for a page no link leads to, the fixed path.
type pageKind struct {
	name    string
	tmpl    string // the template it renders with, when not name or name's prefix before "-"
	pattern *regexp.Regexp
	path    string // fixed path relative to the base path, instead of pattern
	charts  bool   // the page must have at least one chart
	// mobile: also visit the page on a phone. Pages with wide tables: the
	// tables must scroll inside their wrapper, by keyboard too, and the
	// page stay accessible at that size.
	mobile bool
	// marker is a CSS selector the page must match: it shows the page
	// found is the variant meant (a full scoresheet, an annex-only year).
	marker string
}

// pageKinds lists one page of every template, and of the variants of a
// template that render differently. Order matters where patterns overlap:
// a link is taken by the first kind still missing that it matches, and a
// unit page links its latest year (a full scoresheet) before the oldest.
func pageKinds() []pageKind {
	return []pageKind{
		{name: "home", pattern: regexp.MustCompile(`^$`)},
		{name: "years", pattern: regexp.MustCompile(`^nam/$`)},
		{name: "year", pattern: regexp.MustCompile(`^nam/\d{4}/$`)},
		{name: "ranking", pattern: regexp.MustCompile(`^nam/\d{4}/[^/]+/$`), charts: true, marker: "table.ranking", mobile: true},
		{name: "units", pattern: regexp.MustCompile(`^don-vi/$`)},
		{name: "unit", pattern: regexp.MustCompile(`^don-vi/[^/]+/$`), charts: true},
		// 2019's results exist only as the annex to the decision: the
		// unit-year page says so instead of showing a criteria tree.
		{name: "unit-year-annex", pattern: regexp.MustCompile(`^don-vi/[^/]+/2019/$`), marker: ".annex-only", mobile: true},
		{name: "unit-year", pattern: regexp.MustCompile(`^don-vi/[^/]+/\d{4}/$`), marker: "table.tree", mobile: true},
		{name: "decisions", pattern: regexp.MustCompile(`^quyet-dinh/$`)},
		{name: "decision", pattern: regexp.MustCompile(`^quyet-dinh/[^/]+/$`)},
		{name: "methodology", pattern: regexp.MustCompile(`^phuong-phap/$`), mobile: true},
		{name: "page", pattern: regexp.MustCompile(`^trang/[^/]+/$`), mobile: true},
		// Issue 10, 5: a page whose markdown tries to load from outside
		// (images on other hosts, protocol-relative, raw HTML); the
		// recorder fails the page on any request leaving the site.
		{name: "page-outside", path: "trang/" + outsidePage + "/", marker: `main a[href="https://cdn.example.com/logo.png"]`},
		{name: "not-found", tmpl: "404", path: "404.html"},
		// Issue 9: the public list of recorded differences, a ranking that
		// marks one (‡), and a unit-year page for a year the unit was not
		// scored (its narrative says why).
		{name: "reconciliation", path: "doi-chieu/", marker: "table.recon-list", mobile: true},
		{name: "ranking-recorded", path: "nam/2021/so/", marker: "a.recon"},
		// Issue 11, 7: communes with their district's column, rank within
		// it and the filter by district (site.js).
		{name: "ranking-communes", path: "nam/2024/xa/", marker: "select#loc-cap-tren", mobile: true},
		{name: "unit-year-not-scored", path: "don-vi/ban-quan-ly-kcn/2023/", marker: ".note.incomplete"},
		// Issue 11, 9: a chart's embed page, for an iframe on the portal.
		{name: "embed", path: "nhung/2024-so-index.html", charts: true, marker: "body.embed figure.chart"},
		// Issue 11, 2 and 5: a group over all years (bump chart with its
		// unit picker) and its unit comparison (compare.js draws nothing
		// until units are picked; group_test.go drives both).
		{name: "group", pattern: regexp.MustCompile(`^khoi/[^/]+/$`), charts: true, marker: "select#chon-don-vi", mobile: true},
		{name: "compare", pattern: regexp.MustCompile(`^khoi/[^/]+/so-sanh-don-vi/$`), marker: "[data-compare-list] input[type=checkbox]", mobile: true},
		// Issue 11, 1: two years of a group compared; pair.js shows the
		// year-pair selector (TestPairSelector uses it).
		{name: "pair", pattern: regexp.MustCompile(`^khoi/[^/]+/\d{4}-\d{4}/$`), charts: true, marker: "form[data-pair-form]:not([hidden])", mobile: true},
		// Issue 11, 3, 4 and 8: units ranked area by area with the heatmap;
		// the same across the 2025 framework change (the notice names both
		// frameworks); self-assessment against appraisal.
		{name: "areas", path: "nam/2024/so/linh-vuc/", charts: true, marker: "table.area-summary", mobile: true},
		{name: "areas-one", tmpl: "areas", path: "nam/2024/xa/linh-vuc/i/", marker: "table.ranking", mobile: true},
		// Issue 12, 6: the criteria a group lost points on, with the
		// heatmap of units × criteria (100 communes).
		{name: "criteria", path: "nam/2024/xa/tieu-chi/", charts: true, marker: "table.ranking", mobile: true},
		{name: "areas-framework-change", tmpl: "areas", path: "nam/2025/so/linh-vuc/", charts: true, marker: ".framework-notice"},
		{name: "selfgap", path: "nam/2024/so/tu-cham/", marker: "table.ranking", mobile: true},
		// Issue 12, 8: a unit-year's printable report (report_test.go
		// prints it to PDF).
		{name: "report", pattern: regexp.MustCompile(`^don-vi/[^/]+/\d{4}/bao-cao/$`), marker: "body.report table.report-lost", mobile: true},
		// Issue 13, 4: the public corrections page and a page showing a
		// corrected figure (the test's project corrects one, addCorrection).
		{name: "corrections", path: "dinh-chinh/", marker: "ol.correction-list li.correction del", mobile: true},
		{name: "unit-year-corrected", path: "don-vi/" + correctedUnit + "/2024/", marker: `.correction-notice a[href$="/dinh-chinh/#dinh-chinh-1"]`},
		// Issue 13, 6 and 9: the search page with results for ?q=
		// (search_test.go types into the header's box), and a ranking's
		// embed page.
		{name: "search", path: "tim-kiem/?q=so+noi+vu", marker: "form[data-search-page]"},
		{name: "embed-ranking", tmpl: "embed", path: "nhung/xep-hang-2024-so.html", marker: "body.embed-ranking table.ranking"},
		// Issue 13, 2: the open data and its dictionary.
		{name: "data", path: "du-lieu/", marker: "table.data-files", mobile: true},
		{name: "data-dictionary", path: "du-lieu/tu-dien/", marker: "table.dictionary", mobile: true},
		// Issue 13, 7: the English site under /en/, the same pages at the
		// same paths.
		{name: "en-home", tmpl: "home", path: "en/", marker: `html[lang="en"] nav.lang-switch a[hreflang="vi"]`},
		{name: "en-ranking", tmpl: "ranking", path: "en/nam/2024/so/", charts: true, marker: `html[lang="en"] table.ranking`, mobile: true},
		{name: "en-unit-year", tmpl: "unit-year", path: "en/don-vi/so-noi-vu/2024/", marker: `html[lang="en"] table.tree`},
		{name: "en-not-found", tmpl: "404", path: "en/404.html", marker: `html[lang="en"]`},
	}
}

// Every page template of the theme is visited by the browser test, so a
// page kind added to the site cannot go without its browser checks.
func TestBrowserCoversEveryTemplate(t *testing.T) {
	files, err := fs.Glob(parindex.Theme, "templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates in the theme: %v", err)
	}
	covered := map[string]bool{}
	for _, k := range pageKinds() {
		switch {
		case k.tmpl != "":
			covered[k.tmpl] = true
		default:
			covered[k.name] = true
		}
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".html")
		if !covered[name] {
			t.Errorf("template %s: no page of it in pageKinds", f)
		}
	}
}

func TestBrowser(t *testing.T) {
	root := repoRoot(t)
	// The bundled example, with one page more, built once for all pages.
	proj := t.TempDir()
	for _, d := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(proj, d), os.DirFS(filepath.Join(root, d))); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(proj, "content", "pages", outsidePage+".md"), []byte(outsideMarkdown), 0o644); err != nil {
		t.Fatal(err)
	}
	addCorrection(t, proj)
	addDaklakUnit(t, proj) // for the search box (search_test.go)
	out := filepath.Join(t.TempDir(), "site")
	rep, err := build.Build(build.Options{Root: proj, Out: out, BaseURL: baseURL})
	if err != nil {
		if rep != nil && rep.Diagnostics != nil {
			t.Log(rep.Diagnostics.String())
		}
		t.Fatalf("build the bundled example: %v", err)
	}
	// Checked on the files, so it holds without chromium too.
	t.Run("chart-scripts", func(t *testing.T) { checkChartScripts(t, out) })
	t.Run("page-weight", func(t *testing.T) { checkComparisonWeight(t, out) })
	t.Run("no-inline", func(t *testing.T) { checkNoInline(t, out) })

	requireChromium(t)
	axeSrc, err := os.ReadFile(filepath.Join("testdata", "axe", "axe.min.js"))
	if err != nil {
		t.Fatalf("read the vendored axe-core (see testdata/axe/README.md): %v", err)
	}

	origin, stop := serveSite(t, out)
	defer stop()
	site := origin + basePath

	kinds := pageKinds()
	urls := discover(t, site, kinds)

	browserCtx := browser(t)
	shots := os.Getenv("PARINDEX_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	visit := func(name string, k pageKind, mobile bool) {
		u, ok := urls[k.name]
		if !ok {
			t.Errorf("%s: no link to such a page found from the home page", k.name)
			return
		}
		t.Run(name, func(t *testing.T) {
			checkPage(t, browserCtx, pageCheck{
				site: site, url: u, kind: k, mobile: mobile,
				axe: string(axeSrc), shots: shots, name: name,
			})
		})
	}
	for _, k := range kinds {
		visit(k.name, k, false)
		if k.mobile {
			visit(k.name+"-mobile", k, true)
		}
	}
	t.Run("chart-tools", func(t *testing.T) { checkChartTools(t, browserCtx, site) })
	t.Run("search-box", func(t *testing.T) { checkSearch(t, browserCtx, site) })
}

// checkComparisonWeight: every comparison page of the example — a group
// over the years, two years compared, the unit comparison, areas compared,
// self-assessment against appraisal; the communes' have 100 units and
// more — stays under 150 KB of HTML and JSON before
// compression (issue 11, Engineering), and logs the largest.
func checkComparisonWeight(t *testing.T, out string) {
	t.Helper()
	const limit = 150 * 1000
	pages, err := filepath.Glob(filepath.Join(out, "khoi", "*", "*", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, glob := range [][]string{
		{"khoi", "*", "index.html"},                      // a group over the years
		{"nam", "*", "*", "linh-vuc", "index.html"},      // areas compared
		{"nam", "*", "*", "linh-vuc", "*", "index.html"}, // one area's ranking
		{"nam", "*", "*", "tu-cham", "index.html"},       // self-assessment against appraisal
		{"nam", "*", "*", "tieu-chi", "index.html"},      // criteria the group lost points on
	} {
		more, _ := filepath.Glob(filepath.Join(append([]string{out}, glob...)...))
		pages = append(pages, more...)
	}
	if len(pages) == 0 {
		t.Fatal("no comparison page under khoi/")
	}
	largest, largestSize := "", int64(0)
	for _, p := range pages {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() > largestSize {
			largest, largestSize = p, fi.Size()
		}
		if fi.Size() > limit {
			t.Errorf("%s: %d bytes, over %d", p, fi.Size(), limit)
		}
	}
	rel, _ := filepath.Rel(out, largest)
	t.Logf("%d comparison pages; the largest, %s, is %d bytes", len(pages), rel, largestSize)
}

// checkChartScripts walks every page of the built site: a page that shows
// a chart loads ECharts and charts.js; any other page loads neither, so
// the first view of a page without charts carries no chart code (issue
// 14). The site stage decides this per page; this checks the outcome on
// the whole example rather than on one page per kind.
func checkChartScripts(t *testing.T, out string) {
	t.Helper()
	const echartsTag = `static/vendor/echarts/echarts.min.js"`
	const chartsTag = `static/js/charts.js"`
	with, without := 0, 0
	forPages(t, out, func(rel, page string) {
		// The unit comparison draws its charts itself (compare.js) once
		// units are picked: its boxes are data-compare-chart.
		hasChart := strings.Contains(page, "data-chart=") || strings.Contains(page, "data-compare-chart=")
		loadsEcharts, loadsCharts := strings.Contains(page, echartsTag), strings.Contains(page, chartsTag)
		switch {
		case hasChart && (!loadsEcharts || !loadsCharts):
			t.Errorf("%s shows a chart but loads echarts=%v charts.js=%v", rel, loadsEcharts, loadsCharts)
		case !hasChart && (loadsEcharts || loadsCharts || strings.Contains(page, "echarts")):
			t.Errorf("%s shows no chart but refers to the chart scripts", rel)
		}
		if hasChart {
			with++
		} else {
			without++
		}
	})
	if with == 0 || without == 0 {
		t.Errorf("%d pages with charts and %d without: the example should have both", with, without)
	}
	t.Logf("%d pages with charts load the chart scripts; %d without load none", with, without)
}

// outsidePage is the free page added to the example whose markdown tries
// to make the site request other hosts.
const outsidePage = "ngoai-trang"

const outsideMarkdown = `---
title: Trang thử tài nguyên bên ngoài
---
Ảnh trên máy chủ khác: ![Logo](https://cdn.example.com/logo.png) và ![](//cdn.example.com/a.png).

Trong liên kết: [![Biểu đồ](http://cdn.example.com/b.png)](https://example.com/).

<img src="https://cdn.example.com/c.png"> <iframe src="https://example.com/"></iframe>

<script src="https://cdn.example.com/x.js"></script>

Ảnh của chính trang: ![Biểu tượng](/static/img/favicon.svg).
`

// requireChromium skips the test without chromium, unless CI is set.
func requireChromium(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "" {
			checks.skip(t.Name())
			t.Skipf("%s not installed (apt-get install chromium); with CI set this is a failure", chromiumPath)
		}
		t.Fatalf("CI is set but %s is missing: %v", chromiumPath, err)
	}
}

// The package's tests share one headless chromium, started on first use
// with a fresh profile, quiet (no background requests of its own), and
// stopped by TestMain. No deadline covers the browser as a whole: each
// page gets its own (pageDeadline).
var shared struct {
	once   sync.Once
	ctx    context.Context
	err    error
	cancel func()
}

// browser returns the shared browser's context; tabs are child contexts
// of it.
func browser(t *testing.T) context.Context {
	t.Helper()
	shared.once.Do(func() {
		dir, err := os.MkdirTemp("", "parindex-chromium-")
		if err != nil {
			shared.err = err
			return
		}
		allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(chromiumPath),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-default-apps", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.Flag("disable-quic", true),
			chromedp.UserDataDir(dir),
			chromedp.WindowSize(1280, 900),
		)
		ctx, cancelBrowser := chromedp.NewContext(allocCtx)
		shared.ctx = ctx
		shared.cancel = func() {
			cancelBrowser()
			cancelAlloc()
			os.RemoveAll(dir)
		}
		// Starting is bounded, but not by the context that keeps the
		// browser alive.
		started := make(chan error, 1)
		go func() { started <- chromedp.Do(ctx) }()
		select {
		case shared.err = <-started:
		case <-time.After(pageDeadline):
			shared.err = fmt.Errorf("no answer within %s", pageDeadline)
		}
	})
	if shared.err != nil {
		t.Fatalf("start %s: %v", chromiumPath, shared.err)
	}
	return shared.ctx
}

// stopBrowser ends the shared browser, if it was started.
func stopBrowser() {
	if shared.cancel != nil {
		shared.cancel()
	}
}

// pageCheck is one visit of checkPage.
type pageCheck struct {
	site   string // origin + base path
	url    string
	kind   pageKind
	mobile bool   // a phone's viewport instead of the desktop window
	axe    string // axe-core's source, evaluated in the page
	shots  string // directory for screenshots, or ""
	name   string // the screenshot's file name, without .png
}

// checkPage loads one page in a fresh tab and checks its charts, console,
// requests and accessibility.
func checkPage(t *testing.T, browserCtx context.Context, pc pageCheck) {
	url := pc.url
	rec := &recorder{site: pc.site}
	pageCtx, cancel := context.WithTimeout(browserCtx, pageDeadline)
	defer cancel()
	defer checks.ran(t)
	tab, closeTab := chromedp.NewContext(pageCtx, chromedp.WithListener(rec.handle))
	defer closeTab()

	if pc.mobile {
		// A current phone's viewport (390×844 CSS px), with the page's
		// meta viewport honoured as on a phone.
		if _, err := chromedp.Run(tab, chromedp.EmulateViewport(390, 844,
			chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
			t.Fatalf("emulate a phone: %v", err)
		}
	}
	if err := cspWatch(tab); err != nil {
		t.Fatalf("watch CSP violations: %v", err)
	}
	resp, err := chromedp.Run(tab, chromedp.NavigateResponse(url))
	if err != nil {
		t.Fatalf("load %s: %v", url, err)
	}
	if resp.Status != http.StatusOK {
		t.Errorf("%s: HTTP %d", url, resp.Status)
	}

	// charts.js draws synchronously once the deferred scripts run; wait,
	// bounded, until every container holds an svg or canvas.
	const countJS = `(() => {
		const boxes = [...document.querySelectorAll('[data-chart]')];
		return {total: boxes.length,
			missing: boxes.filter(b => !b.querySelector('svg, canvas')).map(b => b.id || b.getAttribute('data-chart'))};
	})()`
	type chartState struct {
		Total   int      `json:"total"`
		Missing []string `json:"missing"`
	}
	var st chartState
	deadline := time.Now().Add(10 * time.Second)
	for {
		st, err = chromedp.Run(tab, chromedp.Evaluate[chartState](countJS))
		if err != nil {
			t.Fatalf("%s: inspect charts: %v", url, err)
		}
		if len(st.Missing) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(st.Missing) > 0 {
		t.Errorf("%s: %d of %d chart containers have no svg or canvas: %v", url, len(st.Missing), st.Total, st.Missing)
	}
	if pc.kind.charts && st.Total == 0 {
		t.Errorf("%s: no chart container ([data-chart]) on the page", url)
	}
	t.Logf("%s: %d charts rendered", url, st.Total-len(st.Missing))

	// Issue 11: a drawn chart's box is shown at its height and its data
	// table (open in the HTML, for readers without JavaScript) closed.
	const shownJS = `(() => {
		const bad = [];
		for (const b of document.querySelectorAll('[data-chart]')) {
			if (!b.querySelector('svg, canvas')) continue;
			if (b.hidden || b.getBoundingClientRect().height < 100) bad.push(b.id + ': drawn chart box hidden or flat');
			const d = b.closest('figure') && b.closest('figure').querySelector('details.chart-data');
			const same = b.closest('figure') && b.closest('figure').querySelector('.chart-data-same a');
			if (same) {
				// The chart plots a table of the page, which it links.
				const t = document.getElementById(same.getAttribute('href').slice(1));
				if (!t || t.tagName !== 'TABLE') bad.push(b.id + ': links a data table that is not there');
				continue;
			}
			if (!d) bad.push(b.id + ': no data table');
			else if (d.open) bad.push(b.id + ': data table still open after drawing');
		}
		return bad;
	})()`
	shownBad, err := chromedp.Run(tab, chromedp.Evaluate[[]string](shownJS))
	if err != nil {
		t.Fatalf("%s: inspect chart boxes: %v", url, err)
	}
	for _, b := range shownBad {
		t.Errorf("%s: %s", url, b)
	}

	// Issue 11: a chart shows each figure as the tables print it (96,10,
	// not 96,1): every data point's text from internal/chart is drawn as
	// a value label where its series has labels; and no name is cut off
	// with an ellipsis (they are wrapped), on a phone or a desktop.
	const labelsJS = `(() => {
		const bad = [];
		for (const b of document.querySelectorAll('[data-chart]')) {
			const script = document.getElementById(b.getAttribute('data-chart'));
			if (!script || !b.querySelector('svg')) continue;
			const opt = JSON.parse(script.textContent);
			const drawn = [...b.querySelectorAll('svg text')].map(t => t.textContent);
			const texts = new Set(drawn);
			for (const s of [].concat(opt.series || [])) {
				// A label with a template of its own ("{a}": the slope
				// chart's unit names) is not a value label.
				if (!s.label || !s.label.show || s.label.formatter) continue;
				for (const d of s.data || []) {
					if (d && typeof d === 'object' && typeof d.text === 'string' && !texts.has(d.text)) {
						bad.push(b.id + ': ' + s.name + ': label ' + d.text + ' not drawn');
					}
				}
			}
			for (const t of drawn) {
				if (t.includes('…') || t.endsWith('...')) bad.push(b.id + ': cut label ' + t);
			}
		}
		return bad;
	})()`
	bad, err := chromedp.Run(tab, chromedp.Evaluate[[]string](labelsJS))
	if err != nil {
		t.Fatalf("%s: inspect chart labels: %v", url, err)
	}
	for _, b := range bad {
		t.Errorf("%s: %s", url, b)
	}

	if m := pc.kind.marker; m != "" {
		found, err := chromedp.Run(tab, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q) !== null`, m)))
		if err != nil {
			t.Fatal(err)
		}
		if !found {
			t.Errorf("%s: not a %s page: nothing matches %s", url, pc.kind.name, m)
		}
	}
	// Filter by parent (site.js): the script shows the select; choosing a
	// district (as the keyboard does: a value, then "change") leaves only
	// its rows and says how many; choosing "all" shows every row again.
	type filterState struct {
		Shown, Rows, Other, All int
		Status                  string
	}
	fs, err := chromedp.Run(tab, chromedp.Evaluate[*filterState](`(() => {
		const box = document.querySelector('[data-parent-filter]');
		if (!box) return null;
		const sel = box.querySelector('select');
		const rows = [...document.getElementById(sel.getAttribute('aria-controls')).tBodies[0].rows];
		const want = sel.options[1].value;
		sel.value = want;
		sel.dispatchEvent(new Event('change', {bubbles: true}));
		const vis = rows.filter(r => !r.hidden && r.offsetParent !== null);
		const st = {shown: box.hidden ? 0 : 1, rows: vis.length,
			other: vis.filter(r => r.getAttribute('data-parent') !== want).length,
			status: box.querySelector('[data-parent-status]').textContent};
		sel.value = '';
		sel.dispatchEvent(new Event('change', {bubbles: true}));
		st.all = rows.filter(r => !r.hidden).length === rows.length ? 1 : 0;
		return st;
	})()`))
	if err != nil {
		t.Fatalf("%s: parent filter: %v", url, err)
	}
	if pc.kind.name == "ranking-communes" && fs == nil {
		t.Errorf("%s: no filter by district", url)
	}
	if fs != nil && (fs.Shown != 1 || fs.Rows == 0 || fs.Other != 0 || fs.All != 1 || !strings.Contains(fs.Status, fmt.Sprint(fs.Rows))) {
		t.Errorf("%s: filter by district: %+v", url, *fs)
	}
	// Source notes (source.js): a figure of a ranking table names its
	// source on keyboard focus (and hover, tap) in a popover that describes
	// it to screen readers (published or computed, decision, workbook,
	// sheet, cell); it stays shown for the accessibility check below.
	// The table is one tab stop; ArrowDown moves to the figure below.
	type srcNote struct {
		Tab   int    `json:"tab"`
		Stops int    `json:"stops"`
		Text  string `json:"text"`
		Down  string `json:"down"`
	}
	note, err := chromedp.Run(tab, chromedp.Evaluate[*srcNote](`(() => {
		const f = document.querySelector('[data-src]');
		if (!f) return null;
		const stops = f.closest('table').querySelectorAll('[data-src][tabindex="0"]').length;
		f.focus();
		const tip = document.getElementById(f.getAttribute('aria-describedby') || '');
		const text = tip && !tip.hidden ? tip.textContent : '';
		f.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', bubbles: true}));
		const g = document.activeElement;
		const down = g !== f && g.matches('[data-src]') && !tip.hidden ? tip.textContent : '';
		f.focus();
		return {tab: f.tabIndex, stops: stops, text: text, down: down};
	})()`))
	if err != nil {
		t.Fatalf("%s: source notes: %v", url, err)
	}
	switch {
	case note == nil && strings.HasPrefix(pc.kind.name, "ranking"):
		t.Errorf("%s: no figure with a source key ([data-src]) in the ranking", url)
	case note != nil:
		re := regexp.MustCompile(`^×(Số liệu (công bố|tính toán)|Published figure|Computed figure).*(Tệp|File): bang-diem/\S+\.xlsx.*(Trang tính|Sheet): .+(Ô|Dữ liệu gốc ở ô|Cell|Source data in cell): [A-Z]+[0-9]+`)
		if note.Tab != 0 || note.Stops != 1 || !re.MatchString(note.Text) || !re.MatchString(note.Down) || note.Down == note.Text {
			t.Errorf("%s: a figure's source note: tabIndex %d, %d tab stops in its table, on focus %q, below it %q", url, note.Tab, note.Stops, note.Text, note.Down)
		}
	}

	if pc.mobile {
		// WCAG 1.4.10 (reflow): the page itself never scrolls sideways
		// on a phone; wide tables scroll inside their wrapper.
		w, err := chromedp.Run(tab, chromedp.Evaluate[[2]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
		if err != nil {
			t.Fatal(err)
		}
		if w[0] > w[1] {
			t.Errorf("%s: on a phone the page is %dpx wide in a %dpx viewport: it scrolls sideways", url, w[0], w[1])
		}
	}

	if pc.shots != "" {
		png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
		if err != nil {
			t.Errorf("screenshot: %v", err)
		} else if err := os.WriteFile(filepath.Join(pc.shots, pc.name+".png"), png, 0o644); err != nil {
			t.Error(err)
		}
	}

	// axe checks only what is rendered: open every <details> first, so
	// the data tables behind the charts are checked too.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details').forEach(d => { d.open = true })`)); err != nil {
		t.Fatal(err)
	}
	checkAxe(t, tab, url, pc.axe)

	// Events are delivered in order on the tab's reader; a final round
	// trip makes sure every event of the load has been handled.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`true`)); err != nil {
		t.Fatal(err)
	}
	for _, p := range rec.problems() {
		t.Errorf("%s: %s", url, p)
	}
	csp, err := cspViolations(tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range csp {
		t.Errorf("%s: Content-Security-Policy violation: %s", url, v)
	}
}

// axeViolation is the part of an axe-core result the test reports.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	HelpURL string   `json:"helpUrl"`
	Nodes   int      `json:"nodes"`
	Targets []string `json:"targets"`
	Summary string   `json:"summary"`
}

// axeRunJS runs every axe-core rule that is on by default (WCAG 2.0–2.2
// A and AA, and Deque's best practices) over the whole page, charts
// included, and keeps, per rule violated, the first few offending nodes.
const axeRunJS = `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.length,
	targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
	summary: v.nodes.length ? (v.nodes[0].failureSummary || '') : ''
})))`

// runAxe injects axe-core into the loaded page and returns what it finds.
// Evaluating the script's text makes no request, so the check that no
// request leaves the site still holds.
func runAxe(tab context.Context, axeSrc string) ([]axeViolation, error) {
	if _, err := chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](axeSrc)); err != nil {
		return nil, fmt.Errorf("inject axe-core: %w", err)
	}
	vs, err := chromedp.Run(tab, chromedp.Evaluate[[]axeViolation](axeRunJS, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run axe-core: %w", err)
	}
	return vs, nil
}

// checkAxe fails the test on each serious or critical violation axe-core
// finds in the page; moderate and minor ones are logged.
func checkAxe(t *testing.T, tab context.Context, url, axeSrc string) {
	t.Helper()
	vs, err := runAxe(tab, axeSrc)
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	for _, v := range vs {
		msg := fmt.Sprintf("%s: axe %s (%s, %d nodes): %s; e.g. %s\n\t%s\n\t%s",
			url, v.ID, v.Impact, v.Nodes, v.Help, strings.Join(v.Targets, " | "),
			strings.ReplaceAll(v.Summary, "\n", "\n\t"), v.HelpURL)
		if seriousAxe(v.Impact) {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
	}
	t.Logf("%s: axe-core %s: %d rules violated", url, axeVersion, len(vs))
}

// seriousAxe reports whether an axe-core impact fails the test.
func seriousAxe(impact string) bool { return impact == "serious" || impact == "critical" }

// TestAxeCatches guards the accessibility check itself: on a page built to
// break three rules, runAxe must report each of them as failing, so a
// clean result on the site means axe ran and looked, not that the script
// or the result's shape went wrong.
func TestAxeCatches(t *testing.T) {
	requireChromium(t)
	axeSrc, err := os.ReadFile(filepath.Join("testdata", "axe", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// No lang attribute, grey on white text (2.3:1), a button with no name.
	bad := `<!DOCTYPE html><html><head><title>t</title></head><body><main><h1>T</h1>
<p style="color:#aaa;background:#fff">chữ nhạt</p><button></button></main></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	origin, stop := serveDir(t, dir, false) // its inline style is the contrast it must catch
	defer stop()

	ctx, cancel := context.WithTimeout(browser(t), pageDeadline)
	defer cancel()
	tab, closeTab := chromedp.NewContext(ctx)
	defer closeTab()
	defer checks.ran(t)
	if _, err := chromedp.Run(tab, chromedp.NavigateResponse(origin+basePath)); err != nil {
		t.Fatal(err)
	}
	vs, err := runAxe(tab, string(axeSrc))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, v := range vs {
		got[v.ID] = seriousAxe(v.Impact) && v.Nodes > 0 && len(v.Targets) > 0
	}
	for _, id := range []string{"html-has-lang", "color-contrast", "button-name"} {
		if !got[id] {
			t.Errorf("axe-core did not report %s as serious or critical; it reported %+v", id, vs)
		}
	}
}

// recorder collects what the browser reports about one tab. Its handle
// method runs on chromedp's reader goroutine, so it only appends.
type recorder struct {
	site string // origin + base path: every request must start with it

	mu   sync.Mutex
	errs []string
}

func (r *recorder) add(format string, args ...any) {
	r.mu.Lock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
	r.mu.Unlock()
}

func (r *recorder) problems() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errs...)
}

func (r *recorder) handle(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, string(a.Value))
				}
			}
			r.add("console.%s: %s", ev.Type, strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		r.add("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			r.add("browser log error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		// data: and blob: URLs are made inside the page, not fetched.
		if !strings.HasPrefix(u, r.site) && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			r.add("request leaves the site: %s", u)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			r.add("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			r.add("loading failed (%s): %s", ev.Type, ev.ErrorText)
		}
	}
}

// serveSite serves dir under basePath on a loopback port, as a portal
// would, and nothing outside it, with the site's Content-Security-Policy
// header.
func serveSite(t *testing.T, dir string) (origin string, stop func()) {
	return serveDir(t, dir, true)
}

// serveDir is serveSite, with the policy header or without it (for the
// checks' own test pages, which break rules on purpose).
func serveDir(t *testing.T, dir string, policy bool) (origin string, stop func()) {
	return serveAt(t, dir, basePath, policy)
}

// serveAt serves dir under the path base.
func serveAt(t *testing.T, dir, base string, policy bool) (origin string, stop func()) {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(base, http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.Dir(dir))))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var h http.Handler = mux
	if policy {
		h = withCSP(mux)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }
}

var hrefRE = regexp.MustCompile(`href="([^"#?]*)`)

// discover finds a URL of each page kind by following links from the home
// page (plain HTTP, no browser): the first link of each kind in document
// order, visiting the pages found first, since their links lead to the
// deeper kinds (a unit page links to its unit-years). At most 200 pages.
func discover(t *testing.T, site string, kinds []pageKind) map[string]string {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	found := map[string]string{}
	for _, k := range kinds {
		if k.path != "" {
			found[k.name] = site + k.path
		}
	}
	seen := map[string]bool{"": true}
	var prio, rest []string
	note := func(rel string) {
		for _, k := range kinds {
			if _, ok := found[k.name]; !ok && k.pattern != nil && k.pattern.MatchString(rel) {
				found[k.name] = site + rel
				prio = append(prio, rel)
				return
			}
		}
		rest = append(rest, rel)
	}
	note("")
	for n := 0; n < 200 && len(found) < len(kinds) && len(prio)+len(rest) > 0; n++ {
		var rel string
		if len(prio) > 0 {
			rel, prio = prio[0], prio[1:]
		} else {
			rel, rest = rest[0], rest[1:]
		}
		resp, err := client.Get(site + rel)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s%s: %s", site, rel, resp.Status)
			continue
		}
		for _, m := range hrefRE.FindAllStringSubmatch(string(body), -1) {
			abs := strings.TrimPrefix(m[1], strings.TrimSuffix(site, basePath))
			if !strings.HasPrefix(abs, basePath) || !strings.HasSuffix(abs, "/") {
				continue // outside the site, or a file (static asset, attachment)
			}
			if next := strings.TrimPrefix(abs, basePath); !seen[next] {
				seen[next] = true
				note(next)
			}
		}
	}
	return found
}

// repoRoot walks up from the test's directory to the one holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		} else if !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}
