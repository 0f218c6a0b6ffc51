package e2e

import (
	"context"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"parindex/internal/site"
)

// Issue 13: every page works under a strict Content-Security-Policy.
// serveSite sends the policy as a header, as the portal's web server is
// told to (README.md), and every page a browser test loads records the
// violations the browser reports (cspWatch), so every page kind of
// TestBrowser, on a desktop and on a phone, runs under it.

// withCSP sends the site's policy with every response.
func withCSP(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", site.ContentSecurityPolicy)
		h.ServeHTTP(w, r)
	})
}

// cspListenJS runs before any script of the page (DevTools adds it, so
// the policy does not apply to it) and keeps what the browser refused.
const cspListenJS = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
	window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
		(e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : '') +
		(e.sample ? ' (' + e.sample + ')' : ''));
});`

// cspWatch makes the tab record CSP violations from its next navigation on.
func cspWatch(tab context.Context) error {
	_, err := chromedp.Run(tab, chromedp.Action[chromedp.Void](func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspListenJS})
		return chromedp.Void{}, err
	}))
	return err
}

// cspViolations returns what the tab's page was refused so far.
func cspViolations(tab context.Context) ([]string, error) {
	return chromedp.Run(tab, chromedp.Evaluate[[]string](`window.__cspViolations || ['the CSP listener did not run']`))
}

// TestCSPWatchCatches: the watch sees what a strict policy refuses, so a
// clean run of the page checks means something.
func TestCSPWatchCatches(t *testing.T) {
	requireChromium(t)
	dir := t.TempDir()
	bad := `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>x</title></head>
<body><p style="color:red">kiểu nội dòng</p><script>document.title = 'y'</script>
<button onclick="alert(1)">nút</button></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	origin, stop := serveSite(t, dir)
	defer stop()
	tab, cancel := chromedp.NewContext(browser(t))
	defer cancel()
	defer checks.ran(t)
	if err := cspWatch(tab); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.NavigateResponse(origin+basePath)); err != nil {
		t.Fatal(err)
	}
	got, err := cspViolations(tab)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{"style-src", "script-src"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no %s violation reported for an inline style and script; got:\n%s", want, joined)
		}
	}
}

// checkNoInline reads every built page with an HTML tokenizer, as a
// browser would, and fails on anything a strict policy blocks: a script
// element that runs inline code (a JSON data island is data, not code),
// a style element or attribute, an event handler, a javascript: URL.
// It holds without chromium.
func checkNoInline(t *testing.T, out string) {
	n := 0
	forPages(t, out, func(rel, page string) {
		n++
		for _, prob := range inlineProblems(page) {
			t.Errorf("%s: %s", rel, prob)
		}
	})
	if n == 0 {
		t.Fatal("no page built")
	}
	t.Logf("%d pages: no inline script, style or event handler", n)
}

// forPages calls fn with each HTML page built under out: its path there
// and its text.
func forPages(t *testing.T, out string, fn func(rel, page string)) {
	t.Helper()
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		fn(rel, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// forStartTags calls fn with each start tag of the HTML document doc, as
// a browser's tokenizer reads them.
func forStartTags(doc string, fn func(html.Token)) {
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			fn(z.Token())
		}
	}
}

// dataScriptTypes are the script types a browser does not execute.
var dataScriptTypes = map[string]bool{"application/json": true, "application/ld+json": true}

func inlineProblems(doc string) []string {
	var ps []string
	forStartTags(doc, func(tok html.Token) {
		src, typ := "", ""
		for _, a := range tok.Attr {
			name := strings.ToLower(a.Key)
			v := strings.ToLower(strings.TrimSpace(a.Val))
			switch {
			case strings.HasPrefix(name, "on"):
				ps = append(ps, "event handler "+a.Key+" on <"+tok.Data+">")
			case name == "style":
				ps = append(ps, "style attribute on <"+tok.Data+">")
			case (name == "href" || name == "src" || name == "action" || name == "formaction") && strings.HasPrefix(v, "javascript:"):
				ps = append(ps, "javascript: URL on <"+tok.Data+">")
			case name == "src":
				src = v
			case name == "type":
				typ = v
			}
		}
		switch tok.Data {
		case "style":
			ps = append(ps, "<style> element")
		case "script":
			if src == "" && !dataScriptTypes[typ] {
				ps = append(ps, "inline <script> (type "+typ+")")
			}
		}
	})
	return ps
}

func TestInlineProblemsCatches(t *testing.T) {
	for _, bad := range []string{
		`<p style="color:red">x</p>`,
		`<style>p{}</style>`,
		`<script>alert(1)</script>`,
		`<script type="module">x</script>`,
		`<img src="a.png" onerror="alert(1)">`,
		`<a href=" JavaScript:alert(1)">x</a>`,
	} {
		if len(inlineProblems(bad)) == 0 {
			t.Errorf("%s: not caught", bad)
		}
	}
	for _, good := range []string{
		`<script src="/static/js/site.js" defer></script>`,
		`<script type="application/json" id="x">{"a":1}</script>`,
		`<script type="application/ld+json">{}</script>`,
		`<p class="num">1</p>`,
	} {
		if ps := inlineProblems(good); len(ps) > 0 {
			t.Errorf("%s: flagged %v", good, ps)
		}
	}
}
