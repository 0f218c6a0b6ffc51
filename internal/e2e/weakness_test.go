package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestTreeSwitch uses the unit-year page's switch as a reader does (issue
// 12, 1): with tree.js the switch shows; ticked, the tree keeps only the
// areas and the rows where points were lost; on a phone the page, review
// tables and tree included, does not scroll sideways.
func TestTreeSwitch(t *testing.T) {
	out := builtExample(t)
	requireChromium(t)
	origin, stop := serveSite(t, out)
	defer stop()
	page := origin + basePath + "don-vi/ban-dan-toc/2024/"

	ctx, cancel := context.WithTimeout(browser(t), pageDeadline)
	defer cancel()
	defer checks.ran(t)
	tab, closeTab := chromedp.NewContext(ctx)
	defer closeTab()
	if _, err := chromedp.Run(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.NavigateResponse(page)); err != nil {
		t.Fatal(err)
	}
	type rows struct {
		Shown, Lost, Area, All int
		Switch                 bool
	}
	count := func() rows {
		t.Helper()
		var r *rows
		var err error
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			r, err = chromedp.Run(tab, chromedp.Evaluate[*rows](`(() => {
				const trs = [...document.querySelectorAll('#phieu-cham tbody tr')];
				const box = document.querySelector('[data-tree-filter]');
				return {
					Shown: trs.filter(tr => getComputedStyle(tr).display !== 'none').length,
					Lost: trs.filter(tr => tr.classList.contains('lost') && !tr.classList.contains('area')).length,
					Area: trs.filter(tr => tr.classList.contains('area')).length,
					All: trs.length,
					Switch: document.readyState === 'complete' && !!box && !box.hidden,
				};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if r.Switch {
				break
			}
		}
		return *r
	}
	before := count()
	if !before.Switch || before.Shown != before.All || before.Lost == 0 {
		t.Fatalf("before the switch: %+v; want the switch shown and every row", before)
	}
	if _, err := chromedp.Run(tab, chromedp.Click(chromedp.CSS(`[data-tree-filter] input`), chromedp.NodeVisible)); err != nil {
		t.Fatal(err)
	}
	after := count()
	if after.Shown != after.Lost+after.Area || after.Shown >= after.All {
		t.Errorf("after the switch: %+v; want only the areas and the rows where points were lost", after)
	}
	w, err := chromedp.Run(tab, chromedp.Evaluate[[2]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	if err != nil {
		t.Fatal(err)
	}
	wide, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.table-wrap')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.getAttribute('aria-labelledby'))`))
	if err != nil {
		t.Fatal(err)
	}
	if w[0] > w[1] {
		t.Errorf("the page scrolls sideways on a phone: %d > %d", w[0], w[1])
	}
	// The review tables and the tree read as stacked rows: none scrolls.
	for _, id := range wide {
		switch id {
		case "bang-mat-diem", "bang-mat-linh-vuc", "bang-thanh-phan", "bang-nhieu-nam", "bang-duoi-tb", "bang-phieu-cham":
			t.Errorf("table %s scrolls sideways on a phone", id)
		}
	}
}
