package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// popover is what static/js/source.js shows for a figure.
type popover struct {
	Shown     bool
	Text      string
	File      string // the workbook link's href
	Decision  string // the decision link's href
	Expanded  string // the figure's aria-expanded
	Described string // the figure's aria-describedby
}

const readPopover = `(() => {
	const pop = document.getElementById('nguon-chu-thich');
	const fig = document.querySelector('[aria-expanded="true"]');
	const file = pop && pop.querySelector('a[download]');
	const dec = pop && pop.querySelector('a[href*="/quyet-dinh/"]');
	return {
		Shown: !!pop && !pop.hidden && pop.getBoundingClientRect().height > 0,
		Text: pop ? pop.textContent : '',
		File: file ? file.href : '',
		Decision: dec ? dec.href : '',
		Expanded: fig ? fig.getAttribute('aria-expanded') : '',
		Described: fig ? fig.getAttribute('aria-describedby') || '' : '',
	};
})()`

// Issue 13, 3: on a phone (touch emulated), tapping a figure opens its
// source: published or computed, the decision, the source workbook as a
// link that downloads it, the sheet and the cell; the workbook resolves
// and its bytes have the SHA-256 the page lists. Escape closes it.
func TestBrowserSourcePopover(t *testing.T) {
	tab, site, _, done := openTab(t)
	defer done()
	defer checks.ran(t)
	if _, err := chromedp.Run(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		page, figure, want string
	}{
		// A ranking's table: short keys into the list under the table.
		{"nam/2024/so/", `#bang-xep-hang tbody td.num [data-src]`, "Trang tính"},
		// A unit-year's summary: the figure names its source in full.
		{"don-vi/so-noi-vu/2024/", `table.summary [data-source]`, "Trang tính"},
		// A criteria tree's appraised points.
		{"don-vi/so-noi-vu/2024/", `#phieu-cham td.a[role="button"]`, "Ô"},
	} {
		load(t, tab, chromedp.Navigate(site+tc.page), `document.querySelector('`+tc.figure+`[role="button"]') !== null || document.querySelector('`+tc.figure+`') !== null && document.querySelector('`+tc.figure+`').getAttribute('role') === 'button'`)
		if err := chromedp.Do(tab, chromedp.ScrollIntoView(chromedp.CSS(tc.figure)), chromedp.Click(chromedp.CSS(tc.figure), chromedp.NodeVisible)); err != nil {
			t.Fatalf("%s: tap %s: %v", tc.page, tc.figure, err)
		}
		var p popover
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if p = eval[popover](t, tab, readPopover); p.Shown {
				break
			}
		}
		if !p.Shown {
			t.Fatalf("%s: tapping %s shows no source", tc.page, tc.figure)
		}
		for _, want := range []string{"Số liệu", "Tệp", tc.want, "Công bố theo"} {
			if !strings.Contains(p.Text, want) && !(want == "Công bố theo" && strings.Contains(p.Text, "Theo quyết định")) {
				t.Errorf("%s: the source of %s lacks %q: %q", tc.page, tc.figure, want, p.Text)
			}
		}
		if strings.Contains(p.Text, "data/scores") || strings.Contains(p.Text, "parindex") {
			t.Errorf("%s: the source names an internal path or the tool: %q", tc.page, p.Text)
		}
		if !strings.Contains(p.File, "/files/bang-diem/") || p.Decision == "" {
			t.Errorf("%s: the source of %s links no workbook (%q) or decision (%q)", tc.page, tc.figure, p.File, p.Decision)
		}
		if p.Expanded != "true" || p.Described != "nguon-chu-thich" {
			t.Errorf("%s: the tapped figure is not tied to its source: expanded %q, describedby %q", tc.page, p.Expanded, p.Described)
		}
		// The workbook resolves, with the checksum the page lists.
		sum := eval[string](t, tab, `(() => { const li = [...document.querySelectorAll('#nguon-so-lieu li[data-file]')].find(li => li.querySelector('a').href === `+jsString(p.File)+`); return li ? li.querySelector('.sha code').textContent : ''; })()`)
		if got := fetchSHA(t, p.File); sum == "" || got != sum {
			t.Errorf("%s: %s has SHA-256 %s, the page lists %q", tc.page, p.File, got, sum)
		}
		if _, err := chromedp.Run(tab, chromedp.KeyEvent("\x1b")); err != nil {
			t.Fatal(err)
		}
		if p := eval[popover](t, tab, readPopover); p.Shown {
			t.Errorf("%s: Escape leaves the source open", tc.page)
		}
	}
}

// Issue 13, 2: every download a ranking, a unit and a unit-year page
// link resolves, and every file /du-lieu/ lists has the size and SHA-256
// it states (the zip included).
func TestBrowserDownloads(t *testing.T) {
	tab, site, _, done := openTab(t)
	defer done()
	defer checks.ran(t)
	for _, page := range []string{"nam/2024/so/", "don-vi/so-noi-vu/", "don-vi/so-noi-vu/2024/"} {
		load(t, tab, chromedp.Navigate(site+page), `document.querySelector('aside.downloads') !== null`)
		links := eval[[]string](t, tab, `[...document.querySelectorAll('aside.downloads a[download]')].map(a => a.href)`)
		if len(links) == 0 {
			t.Errorf("%s: no download", page)
		}
		for _, l := range links {
			fetchSHA(t, l)
		}
	}
	load(t, tab, chromedp.Navigate(site+"du-lieu/"), `document.querySelector('table.data-files') !== null`)
	type row struct{ Href, SHA string }
	rows := eval[[]row](t, tab, `[...document.querySelectorAll('main tr, main p')].filter(e => e.querySelector('a[href]') && (e.querySelector('code.sha') || e.nextElementSibling && e.nextElementSibling.matches('p.sha'))).map(e => ({Href: (e.querySelector('a[download]') || e.querySelector('a')).href, SHA: (e.querySelector('code.sha') || e.nextElementSibling.querySelector('code')).textContent}))`)
	if len(rows) < 50 {
		t.Fatalf("/du-lieu/ lists %d files with a checksum; want every file", len(rows))
	}
	zip := false
	for _, r := range rows {
		if got := fetchSHA(t, r.Href); got != r.SHA {
			t.Errorf("%s: SHA-256 %s, the page says %s", r.Href, got, r.SHA)
		}
		zip = zip || strings.HasSuffix(r.Href, ".zip")
	}
	if !zip {
		t.Error("/du-lieu/ lists no zip of the whole dataset")
	}
	ld := eval[string](t, tab, `(document.querySelector('script[type="application/ld+json"]') || {}).textContent || ''`)
	if !regexp.MustCompile(`"@type":"Dataset"`).MatchString(ld) || !strings.Contains(ld, `"encodingFormat":"application/zip"`) {
		t.Errorf("/du-lieu/ has no schema.org Dataset with its distribution: %.200s", ld)
	}
}

// fetchSHA downloads url and returns its SHA-256; a status other than
// 200 fails the test.
func fetchSHA(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("%s: %s", url, resp.Status)
		return ""
	}
	h := sha256.New()
	if _, err := io.Copy(h, resp.Body); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// jsString quotes s for a JavaScript expression.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
