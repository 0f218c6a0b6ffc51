package e2e

import (
	"context"
	"errors"
	"fmt"
	"io"
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

	"parindex/internal/build"
)

const (
	chromiumPath = "/usr/bin/chromium"
	basePath     = "/chi-so-cchc/"
)

// pageKind is a page to visit, found by following links from the home
// page: the first link matching pattern (relative to the base path).
type pageKind struct {
	name    string
	pattern *regexp.Regexp
	charts  bool // the page must have at least one chart
}

func pageKinds() []pageKind {
	return []pageKind{
		{"home", regexp.MustCompile(`^$`), false},
		{"ranking", regexp.MustCompile(`^nam/\d{4}/[^/]+/$`), true},
		{"unit", regexp.MustCompile(`^don-vi/[^/]+/$`), true},
		{"unit-year", regexp.MustCompile(`^don-vi/[^/]+/\d{4}/$`), false},
		{"methodology", regexp.MustCompile(`^phuong-phap/$`), false},
	}
}

func TestBrowser(t *testing.T) {
	requireChromium(t)

	root := repoRoot(t)
	out := filepath.Join(t.TempDir(), "site")
	rep, err := build.Build(build.Options{Root: root, Out: out, BaseURL: basePath})
	if err != nil {
		if rep != nil && rep.Diagnostics != nil {
			t.Log(rep.Diagnostics.String())
		}
		t.Fatalf("build the bundled example: %v", err)
	}

	origin, stop := serveSite(t, out)
	defer stop()
	site := origin + basePath

	kinds := pageKinds()
	urls := discover(t, site, kinds)

	browserCtx := startBrowser(t)
	shots := os.Getenv("PARINDEX_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range kinds {
		u, ok := urls[k.name]
		if !ok {
			t.Errorf("%s: no link to such a page found from the home page", k.name)
			continue
		}
		t.Run(k.name, func(t *testing.T) {
			checkPage(t, browserCtx, site, u, k.charts, shots, k.name)
		})
	}
}

// requireChromium skips the test without chromium, unless CI is set.
func requireChromium(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not installed (apt-get install chromium); with CI set this is a failure", chromiumPath)
		}
		t.Fatalf("CI is set but %s is missing: %v", chromiumPath, err)
	}
}

// startBrowser starts a headless chromium with a fresh profile, quiet (no
// background requests of its own), bounded to 3 minutes, stopped at the
// end of the test. Tabs are child contexts of the one returned.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
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
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancelAlloc)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	return browserCtx
}

// checkPage loads one page in a fresh tab and checks its charts, console
// and requests.
func checkPage(t *testing.T, browserCtx context.Context, site, url string, needCharts bool, shots, name string) {
	rec := &recorder{site: site}
	pageCtx, cancel := context.WithTimeout(browserCtx, 45*time.Second)
	defer cancel()
	tab, closeTab := chromedp.NewContext(pageCtx, chromedp.WithListener(rec.handle))
	defer closeTab()

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
	if needCharts && st.Total == 0 {
		t.Errorf("%s: no chart container ([data-chart]) on the page", url)
	}
	t.Logf("%s: %d charts rendered", url, st.Total-len(st.Missing))

	if shots != "" {
		png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
		if err != nil {
			t.Errorf("screenshot: %v", err)
		} else if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Error(err)
		}
	}

	// Events are delivered in order on the tab's reader; a final round
	// trip makes sure every event of the load has been handled.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`true`)); err != nil {
		t.Fatal(err)
	}
	for _, p := range rec.problems() {
		t.Errorf("%s: %s", url, p)
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
// would, and nothing outside it.
func serveSite(t *testing.T, dir string) (origin string, stop func()) {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(basePath, http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.FileServer(http.Dir(dir))))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
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
	seen := map[string]bool{"": true}
	var prio, rest []string
	note := func(rel string) {
		for _, k := range kinds {
			if _, ok := found[k.name]; !ok && k.pattern.MatchString(rel) {
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
