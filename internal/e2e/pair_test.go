package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestPairSelector uses the year-pair selector as a reader does, on the
// bundled example served under a sub-path: on a ranking page, choose two
// years (in the wrong order), submit, and land on that pair's static
// page; there, two equal years are refused with a message.
func TestPairSelector(t *testing.T) {
	out := builtExample(t)
	requireChromium(t)
	origin, stop := serveSite(t, out)
	defer stop()
	site := origin + basePath

	ctx, cancel := context.WithTimeout(browser(t), pageDeadline)
	defer cancel()
	defer checks.ran(t)
	tab, closeTab := chromedp.NewContext(ctx)
	defer closeTab()

	_, err := chromedp.Run(tab, chromedp.NavigateResponse(site+"nam/2024/so/"))
	if err != nil {
		t.Fatal(err)
	}
	state := func() string {
		s, err := chromedp.Run(tab, chromedp.Evaluate[string](`(() => {
			const f = document.querySelector('[data-pair-form]');
			const l = document.querySelector('[data-pair-list]');
			return (f && !f.hidden ? 'form' : 'no form') + ', ' + (l && l.hidden ? 'list hidden' : 'list shown');
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if s := state(); s != "form, list hidden" {
		t.Errorf("ranking page with pair.js: %s, want the form shown and the long list hidden", s)
	}
	choose := func(from, to string) {
		t.Helper()
		for _, a := range []chromedp.Action[chromedp.Void]{
			chromedp.SetValue(chromedp.CSS("#so-sanh-tu"), from),
			chromedp.SetValue(chromedp.CSS("#so-sanh-den"), to),
			chromedp.Click(chromedp.CSS(`form[data-pair-form] button[type="submit"]`), chromedp.NodeVisible),
		} {
			if _, err := chromedp.Run(tab, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	waitFor := func(want string) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			loc, err := chromedp.Run(tab, chromedp.Evaluate[string](`location.href`))
			if err != nil {
				t.Fatal(err)
			}
			if loc == want || time.Now().After(deadline) {
				return loc
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	choose("2024", "2021") // the wrong order: swapped
	want := site + "khoi/so/2021-2024/"
	if loc := waitFor(want); loc != want {
		t.Fatalf("after choosing 2024 and 2021: at %s, want %s", loc, want)
	}
	// The new page, once loaded (its deferred scripts run by then).
	var h1 string
	for deadline := time.Now().Add(10 * time.Second); h1 == "" && time.Now().Before(deadline); {
		h1, err = chromedp.Run(tab, chromedp.Evaluate[string](`document.readyState === 'complete' && document.querySelector('h1') ? document.querySelector('h1').textContent : ''`))
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(h1, "so sánh năm 2021 và 2024") {
		t.Errorf("landed on a page headed %q", h1)
	}
	if s := state(); s != "form, list hidden" {
		t.Errorf("pair page with pair.js: %s", s)
	}
	// The selector starts at the page's own pair.
	sel, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.querySelector('#so-sanh-tu').value + '-' + document.querySelector('#so-sanh-den').value`))
	if err != nil || sel != "2021-2024" {
		t.Errorf("selector shows %q (%v), want 2021-2024", sel, err)
	}
	choose("2022", "2022")
	time.Sleep(300 * time.Millisecond)
	msg, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.querySelector('[data-pair-status]').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if loc := waitFor(want); loc != want || msg != "Hãy chọn hai năm khác nhau." {
		t.Errorf("two equal years: at %s, message %q; want to stay with a message", loc, msg)
	}
}
