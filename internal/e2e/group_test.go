package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// openTab serves the example and opens a tab on it, failing on any
// console error, uncaught exception or request leaving the site.
func openTab(t *testing.T) (tab context.Context, site string, rec *recorder, done func()) {
	t.Helper()
	out := builtExample(t)
	requireChromium(t)
	origin, stop := serveSite(t, out)
	site = origin + basePath
	rec = &recorder{site: site}
	ctx, cancel := context.WithTimeout(browser(t), pageDeadline)
	tab, closeTab := chromedp.NewContext(ctx, chromedp.WithListener(rec.handle))
	return tab, site, rec, func() {
		for _, p := range rec.problems() {
			t.Errorf("%s", p)
		}
		closeTab()
		cancel()
		stop()
	}
}

// compareReady holds once compare.js has listed the units.
const compareReady = `document.querySelector('[data-compare-list] input') !== null`

// load runs a navigation and waits, bounded, until ready (a JavaScript
// expression) holds: the page's deferred scripts have run.
func load(t *testing.T, tab context.Context, nav chromedp.Action[chromedp.Void], ready string) {
	t.Helper()
	if err := chromedp.Do(tab, nav); err != nil {
		t.Fatalf("load: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !eval[bool](t, tab, "(() => { try { return "+ready+"; } catch (e) { return false; } })()") {
		if time.Now().After(deadline) {
			t.Fatalf("not ready after 10 s: %s", ready)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// settle evaluates js until done holds for its value or 5 s pass, and
// returns the last value: ECharts fades series through an animation, so
// a state read at once after an event can be mid-way.
func settle[T any](t *testing.T, tab context.Context, js string, done func(T) bool) T {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		v := eval[T](t, tab, js)
		if done(v) || time.Now().After(deadline) {
			return v
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func eval[T any](t *testing.T, tab context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// Issue 11, 2: the bump chart highlights a unit chosen in the picker;
// the choice is in the URL fragment and a reload with it shows the same
// unit highlighted.
func TestBrowserGroupHighlight(t *testing.T) {
	tab, site, _, done := openTab(t)
	defer done()
	defer checks.ran(t)
	load(t, tab, chromedp.Navigate(site+"khoi/so/"), `!document.querySelector('[data-bump-picker]').hidden`)
	type state struct {
		Hash, Highlighted, Value string
		Blurred, Lines           int
	}
	// blurred counts the lines faded by the highlight: ECharts draws a
	// blurred series at a low opacity.
	const stateJS = `(() => {
		const box = document.querySelector('#chart-group-so-ranks [data-chart]');
		const chart = echarts.getInstanceByDom(box);
		const paths = [...box.querySelectorAll('svg path')].filter(p => p.getAttribute('fill') === 'none');
		const faded = paths.filter(p => parseFloat(getComputedStyle(p).opacity) < 0.5 || parseFloat(p.getAttribute('opacity') || '1') < 0.5 || parseFloat(p.getAttribute('stroke-opacity') || '1') < 0.5);
		return {hash: location.hash, highlighted: box.getAttribute('data-highlighted') || '',
			value: document.getElementById('chon-don-vi').value,
			blurred: faded.length, lines: chart ? chart.getOption().series.length : 0};
	})()`
	before := eval[state](t, tab, stateJS)
	if before.Lines < 2 || before.Blurred != 0 || before.Highlighted != "" {
		t.Fatalf("before a choice: %+v", before)
	}
	unit := eval[string](t, tab, `(() => {
		const sel = document.getElementById('chon-don-vi');
		sel.value = sel.options[3].value;
		sel.dispatchEvent(new Event('change', {bubbles: true}));
		return sel.value;
	})()`)
	highlighted := func(s state) bool {
		return s.Hash == "#don-vi="+unit && s.Highlighted == unit && s.Blurred > 0
	}
	after := settle(t, tab, stateJS, highlighted)
	if after.Hash != "#don-vi="+unit || after.Highlighted != unit || after.Blurred == 0 {
		t.Errorf("after choosing %s: %+v", unit, after)
	}
	// A reload with the fragment reopens the same view.
	load(t, tab, chromedp.Reload(), `!document.querySelector('[data-bump-picker]').hidden`)
	again := settle(t, tab, stateJS, func(s state) bool { return highlighted(s) && s.Value == unit })
	if again.Hash != "#don-vi="+unit || again.Value != unit || again.Highlighted != unit || again.Blurred == 0 {
		t.Errorf("reloaded with #don-vi=%s: %+v", unit, again)
	}
	// "No choice" clears the fragment and the highlight.
	cleared := eval[state](t, tab, `(() => {
		const sel = document.getElementById('chon-don-vi');
		sel.value = '';
		sel.dispatchEvent(new Event('change', {bubbles: true}));
	})(), `+stateJS)
	if cleared.Hash != "" || cleared.Highlighted != "" {
		t.Errorf("after clearing: %+v", cleared)
	}
}

// Issue 11, 5: pick three units, the URL keeps them, a reload shows the
// same three; more than ten are refused, fewer than two is said.
func TestBrowserUnitPicker(t *testing.T) {
	tab, site, _, done := openTab(t)
	defer done()
	defer checks.ran(t)
	page := site + "khoi/so/so-sanh-don-vi/"
	load(t, tab, chromedp.Navigate(page), compareReady)
	type state struct {
		Search, Status string
		Checked        []string
		View           bool
		Rows, Drawn    int
		NoJS           bool
	}
	const stateJS = `(() => {
		const root = document.querySelector('[data-compare]');
		return {search: decodeURIComponent(location.search),
			status: root.querySelector('[data-compare-status]').textContent,
			checked: [...root.querySelectorAll('[data-compare-list] input:checked')].map(i => i.value),
			view: !root.querySelector('[data-compare-view]').hidden,
			rows: root.querySelector('[data-compare-table]').tBodies[0].rows.length,
			drawn: [...root.querySelectorAll('[data-compare-chart]')].filter(b => !b.hidden && b.querySelector('svg')).length,
			nojs: !document.querySelector('[data-compare-nojs]').hidden};
	})()`
	start := eval[state](t, tab, stateJS)
	if start.View || len(start.Checked) != 0 || start.NoJS || !strings.Contains(start.Status, "ít nhất 2") {
		t.Errorf("with nothing picked: %+v", start)
	}
	picked := eval[[]string](t, tab, `(() => {
		const boxes = [...document.querySelectorAll('[data-compare-list] input')];
		[boxes[0], boxes[2], boxes[4]].forEach(b => b.click());
		return [boxes[0].value, boxes[2].value, boxes[4].value];
	})()`)
	got := eval[state](t, tab, stateJS)
	want := "?don-vi=" + strings.Join(picked, ",")
	if got.Search != want || len(got.Checked) != 3 || !got.View || got.Rows != 3 || got.Drawn != 3 {
		t.Errorf("after picking %v: %+v, want search %s", picked, got, want)
	}
	load(t, tab, chromedp.Reload(), compareReady)
	again := eval[state](t, tab, stateJS)
	if again.Search != want || strings.Join(again.Checked, ",") != strings.Join(sorted(picked, again.Checked), ",") || len(again.Checked) != 3 || again.Rows != 3 {
		t.Errorf("reloaded with %s: %+v", want, again)
	}
	// Eleven units in a link: ten are kept, and the page says so.
	ids := eval[[]string](t, tab, `[...document.querySelectorAll('[data-compare-list] input')].slice(0, 11).map(i => i.value)`)
	if len(ids) < 11 {
		t.Fatalf("the example's group has %d units, fewer than 11", len(ids))
	}
	load(t, tab, chromedp.Navigate(page+"?don-vi="+strings.Join(ids, ",")), compareReady)
	many := eval[state](t, tab, stateJS)
	if len(many.Checked) != 10 || !strings.Contains(many.Status, "quá 10") || many.Rows != 10 {
		t.Errorf("eleven in the link: %+v", many)
	}
	// An eleventh picked by hand is refused.
	refused := eval[state](t, tab, fmt.Sprintf(`(() => {
		document.querySelector('[data-compare-list] input[value=%q]').click();
	})(), %s`, ids[10], stateJS))
	if len(refused.Checked) != 10 || !strings.Contains(refused.Status, "tối đa 10") {
		t.Errorf("an eleventh picked: %+v", refused)
	}
	// Down to one: the comparison is hidden and the page says why.
	one := eval[state](t, tab, `(() => {
		[...document.querySelectorAll('[data-compare-list] input:checked')].slice(1).forEach(b => b.click());
	})(), `+stateJS)
	if len(one.Checked) != 1 || one.View || !strings.Contains(one.Status, "ít nhất 2") {
		t.Errorf("one picked: %+v", one)
	}
}

// sorted returns want in the order of got when both hold the same ids
// (the checkboxes are in name order, the URL in the order picked).
func sorted(want, got []string) []string {
	out := []string{}
	for _, g := range got {
		for _, w := range want {
			if g == w {
				out = append(out, w)
			}
		}
	}
	return out
}
