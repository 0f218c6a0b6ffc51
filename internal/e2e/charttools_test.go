package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// checkChartTools follows a chart's permalink and uses its tools as a
// journalist would (issue 11, item 9): the permalink lands on the chart
// once the charts above it are drawn; the CSV link serves UTF-8 with a
// byte-order mark and plain numbers; the PNG button downloads a PNG; the
// embed snippet is an iframe of the chart's embed page at its full
// address.
func checkChartTools(t *testing.T, browserCtx context.Context, site string) {
	const id = "chart-2024-so-bands"
	ctx, cancel := context.WithTimeout(browserCtx, pageDeadline)
	defer cancel()
	defer checks.ran(t)
	tab, closeTab := chromedp.NewContext(ctx)
	defer closeTab()
	if _, err := chromedp.Run(tab, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	url := site + "nam/2024/so/#" + id
	if _, err := chromedp.Run(tab, chromedp.Navigate(url)); err != nil {
		t.Fatalf("load %s: %v", url, err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		n, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll('.chart-png').length`))
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}

	type state struct {
		Top, Height float64
		Snippet     string
	}
	st, err := chromedp.Run(tab, chromedp.Evaluate[state](`(() => {
		const f = document.getElementById('`+id+`');
		return {top: f.getBoundingClientRect().top, height: innerHeight,
			snippet: f.querySelector('[data-embed-snippet]').value};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if st.Top < -1 || st.Top > st.Height/3 {
		t.Errorf("permalink #%s: the chart's top is at %.0f px in a %.0f px window: the link did not land on it", id, st.Top, st.Height)
	}
	wantSnippet := `<iframe src="` + baseURL + `nhung/2024-so-bands.html" title="`
	if !strings.HasPrefix(st.Snippet, wantSnippet) {
		t.Errorf("embed snippet %q, want it to start %q", st.Snippet, wantSnippet)
	}

	type csvState struct {
		Type  string
		BOM   bool
		Head  string
		Lines int
		Name  string
	}
	csv, err := chromedp.Run(tab, chromedp.Evaluate[csvState](`(async () => {
		const a = document.querySelector('#`+id+` a[href$=".csv"]');
		const r = await fetch(a.href);
		const b = new Uint8Array(await r.arrayBuffer());
		const text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(b);
		const lines = text.split('\r\n').filter(l => l !== '');
		return {type: r.headers.get('content-type') || '', bom: b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf,
			head: lines[0].replace(/^\ufeff/, ''), lines: lines.length, name: a.getAttribute('download')};
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetch the CSV: %v", err)
	}
	if !csv.BOM || !strings.HasPrefix(csv.Head, "Xếp loại,") || csv.Lines < 3 || csv.Name != "2024-so-bands.csv" {
		t.Errorf("chart CSV: %+v", csv)
	}

	type pngState struct {
		Name  string
		Magic string
		Bytes int
	}
	png, err := chromedp.Run(tab, chromedp.Evaluate[pngState](`(async () => {
		// The page's policy (connect-src 'self') keeps fetch from
		// reading a blob: URL, so the blob is kept as it is made.
		let blob = null;
		const make = URL.createObjectURL;
		URL.createObjectURL = function (b) { blob = b; return make.call(URL, b); };
		const got = new Promise((resolve) => {
			const click = HTMLAnchorElement.prototype.click;
			HTMLAnchorElement.prototype.click = function () {
				HTMLAnchorElement.prototype.click = click;
				resolve({href: this.href, name: this.download});
			};
		});
		document.querySelector('#`+id+` .chart-png').click();
		const a = await got;
		URL.createObjectURL = make;
		const b = new Uint8Array(await blob.arrayBuffer());
		return {name: a.name, magic: Array.from(b.slice(1, 4), c => String.fromCharCode(c)).join(''), bytes: b.length};
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("download the PNG: %v", err)
	}
	if png.Name != "2024-so-bands.png" || png.Magic != "PNG" || png.Bytes < 2000 {
		t.Errorf("chart PNG: %+v", png)
	}
}
