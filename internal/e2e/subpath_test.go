package e2e

import (
	"context"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"parindex/internal/build"
)

// TestSubPath builds the example for a site served two folders down
// (/a/b/), follows every link and asset reference of every built page to
// a file of the build, and loads pages of several kinds in the browser,
// served under /a/b/ with the policy header: nothing may point at the
// host's root or outside the site (issue 13).
func TestSubPath(t *testing.T) {
	const base = "/a/b/"
	out := filepath.Join(t.TempDir(), "site")
	if _, err := build.Build(build.Options{Root: repoRoot(t), Out: out, BaseURL: base}); err != nil {
		t.Fatalf("build the example under %s: %v", base, err)
	}
	pages, refs := 0, 0
	forPages(t, out, func(rel, page string) {
		pages++
		for _, ref := range pageRefs(page) {
			refs++
			if msg := checkRef(out, base, ref); msg != "" {
				t.Errorf("%s: %s %s", rel, ref, msg)
			}
		}
	})
	t.Logf("%d pages, %d references followed, all inside %s", pages, refs, base)

	requireChromium(t)
	origin, stop := serveAt(t, out, base, true)
	defer stop()
	site := origin + base
	browserCtx := browser(t)
	for _, p := range []string{"", "nam/2024/so/", "don-vi/so-noi-vu/", "khoi/xa/", "nam/2024/so/tieu-chi/", "phuong-phap/"} {
		name := strings.Trim(p, "/")
		if name == "" {
			name = "home"
		}
		t.Run(name, func(t *testing.T) {
			defer checks.ran(t)
			rec := &recorder{site: site}
			ctx, cancel := context.WithTimeout(browserCtx, pageDeadline)
			defer cancel()
			tab, closeTab := chromedp.NewContext(ctx, chromedp.WithListener(rec.handle))
			defer closeTab()
			if err := cspWatch(tab); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(tab, chromedp.NavigateResponse(site+p)); err != nil {
				t.Fatalf("load %s: %v", site+p, err)
			}
			// A final round trip: every event of the load is handled.
			if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`true`)); err != nil {
				t.Fatal(err)
			}
			for _, pr := range rec.problems() {
				t.Errorf("%s: %s", site+p, pr)
			}
			csp, err := cspViolations(tab)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range csp {
				t.Errorf("%s: Content-Security-Policy violation: %s", site+p, v)
			}
		})
	}
}

// pageRefs lists the href and src values of a page (what a reader or the
// browser follows), skipping in-page fragments.
func pageRefs(doc string) []string {
	var refs []string
	forStartTags(doc, func(tok html.Token) {
		for _, a := range tok.Attr {
			if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "#") {
				refs = append(refs, a.Val)
			}
		}
	})
	return refs
}

// checkRef says what is wrong with a reference of a page of the site
// served under base, or "" when it leads to a file of the build. A link
// to another site (an absolute https URL a narrative gives) is allowed as
// a link; what the page loads is checked by the browser.
func checkRef(out, base, ref string) string {
	u, err := url.Parse(ref)
	if err != nil {
		return "does not parse: " + err.Error()
	}
	if u.Scheme == "mailto" || u.Scheme == "tel" {
		return ""
	}
	if u.Scheme != "" || u.Host != "" {
		if u.Scheme == "https" || u.Scheme == "http" {
			return ""
		}
		return "has scheme " + u.Scheme
	}
	if !strings.HasPrefix(u.Path, base) {
		return "is not under " + base
	}
	rel := strings.TrimPrefix(u.Path, base)
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel = path.Join(rel, "index.html")
	}
	if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel))); err != nil {
		return "leads to no file of the build"
	}
	return ""
}
