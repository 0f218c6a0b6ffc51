package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"parindex/internal/viet"
)

// daklakUnit adds to the example a unit whose former name is written with
// the diacritics of "Đắk Lắk", which the example's names lack.
const daklakUnit = `  - id: "ban-tay-nguyen"
    group: "so"
    names:
      - {name: "Ban Đắk Lắk"}
      - {name: "Ban Tây Nguyên", from: 2025-03-01}
    events:
      - {date: 2025-03-01, type: "renamed"}
`

// addDaklakUnit adds daklakUnit to the registry of the project at proj.
func addDaklakUnit(t *testing.T, proj string) {
	t.Helper()
	units := filepath.Join(proj, "data", "units.yaml")
	b, err := os.ReadFile(units)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "units:\n", "units:\n"+daklakUnit, 1)
	if s == string(b) {
		t.Fatal("units.yaml has no units: list")
	}
	if err := os.WriteFile(units, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

type searchOption struct {
	ID, Title, Meta, URL string
	Selected             bool
}

const optionsJS = `[...document.querySelectorAll('#goi-y-tim-kiem [role=option]')].map(o => ({
	ID: o.id, Title: o.querySelector('.search-title').textContent,
	Meta: (o.querySelector('.search-meta') || {textContent: ''}).textContent,
	URL: o.getAttribute('data-url'), Selected: o.getAttribute('aria-selected') === 'true'}))`

// typeQuery empties the header's box, types q and waits for the list.
func typeQuery(t *testing.T, tab context.Context, q string) []searchOption {
	t.Helper()
	eval[bool](t, tab, `(document.getElementById('o-tim-kiem').value = '') === ''`)
	if _, err := chromedp.Run(tab, chromedp.Focus(chromedp.CSS("#o-tim-kiem"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.SendKeys(chromedp.CSS("#o-tim-kiem"), q)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		opts := eval[[]searchOption](t, tab, optionsJS)
		// The list shown again (Escape hides it, with its old options
		// still inside) and answering this query, not a prefix typed on
		// the way (each keystroke redraws it).
		if len(opts) > 0 && eval[string](t, tab, `document.getElementById('o-tim-kiem').value`) == q &&
			!eval[bool](t, tab, `document.getElementById('goi-y-tim-kiem').hidden`) &&
			eval[string](t, tab, `document.getElementById('goi-y-tim-kiem').getAttribute('data-query') || ''`) == q {
			return opts
		}
		if time.Now().After(deadline) {
			t.Fatalf("%q: no list after 10 s", q)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func key(t *testing.T, tab context.Context, k string) {
	t.Helper()
	if _, err := chromedp.Run(tab, chromedp.KeyEvent(k)); err != nil {
		t.Fatal(err)
	}
}

// checkSearch (issue 13, 6; part of TestBrowser, on its build of the
// example with addDaklakUnit): the header's box finds units by their
// names with or without diacritics, and by former names; the keyboard
// works as a combobox's; the results page lists the same; the folding in
// search.js is the build's (viet.Key).
func checkSearch(t *testing.T, browserCtx context.Context, site string) {
	defer checks.ran(t)
	rec := &recorder{site: site}
	ctx, cancel := context.WithTimeout(browserCtx, 2*pageDeadline)
	defer cancel()
	tab, closeTab := chromedp.NewContext(ctx, chromedp.WithListener(rec.handle))
	defer closeTab()
	defer func() {
		for _, p := range rec.problems() {
			t.Errorf("%s", p)
		}
	}()
	load(t, tab, chromedp.Navigate(site+"nam/"), `!document.querySelector('[data-search-form]').hidden`)
	if !eval[bool](t, tab, `document.querySelector('[data-search-link]').hidden`) {
		t.Error("with JavaScript, the link to the search page still shows beside the box")
	}

	for _, tc := range []struct {
		q, title, meta, url string
	}{
		{"so noi vu", "Sở Nội vụ", "Đơn vị", "don-vi/so-noi-vu/"},
		{"Sở Nội vụ", "Sở Nội vụ", "Đơn vị", "don-vi/so-noi-vu/"},
		{"dak lak", "Ban Tây Nguyên", "tên cũ: Ban Đắk Lắk", "don-vi/ban-tay-nguyen/"},
		{"ĐẮK LẮK", "Ban Tây Nguyên", "tên cũ: Ban Đắk Lắk", "don-vi/ban-tay-nguyen/"},
		// A former name of the example's: Ban Dân tộc, now Sở Dân tộc và
		// Tôn giáo.
		{"ban dan toc", "Sở Dân tộc và Tôn giáo", "tên cũ: Ban Dân tộc", "don-vi/ban-dan-toc/"},
		{"xep hang 2024 so ban nganh", "Sở, ban, ngành — xếp hạng năm 2024", "Trang", "nam/2024/so/"},
	} {
		opts := typeQuery(t, tab, tc.q)
		first := opts[0]
		if first.Title != tc.title || !strings.Contains(first.Meta, tc.meta) || first.URL != basePath+tc.url {
			t.Errorf("%q: first option %+v, want %q (%s) at %s", tc.q, first, tc.title, tc.meta, basePath+tc.url)
		}
		if got := eval[string](t, tab, `document.getElementById('o-tim-kiem').getAttribute('aria-expanded')`); got != "true" {
			t.Errorf("%q: aria-expanded=%s with the list open", tc.q, got)
		}
	}

	// Keyboard: arrows move the selection (aria-activedescendant), Escape
	// closes the list, Enter opens the selected option.
	opts := typeQuery(t, tab, "so noi vu")
	key(t, tab, kb.ArrowDown)
	key(t, tab, kb.ArrowDown)
	key(t, tab, kb.ArrowUp)
	opts = eval[[]searchOption](t, tab, optionsJS)
	active := eval[string](t, tab, `document.getElementById('o-tim-kiem').getAttribute('aria-activedescendant') || ''`)
	if active != opts[0].ID || !opts[0].Selected || opts[1].Selected {
		t.Errorf("after ↓↓↑: active %q, options %+v; want the first selected", active, opts)
	}
	key(t, tab, kb.Escape)
	if eval[string](t, tab, `document.getElementById('o-tim-kiem').getAttribute('aria-expanded')`) != "false" ||
		!eval[bool](t, tab, `document.getElementById('goi-y-tim-kiem').hidden`) {
		t.Error("Escape did not close the list")
	}
	typeQuery(t, tab, "so noi vu")
	key(t, tab, kb.ArrowDown)
	// Enter opens the selected option once there is one (a slow machine
	// may still be drawing the list).
	for deadline := time.Now().Add(10 * time.Second); eval[string](t, tab, `document.getElementById('o-tim-kiem').getAttribute('aria-activedescendant') || ''`) == ""; {
		if time.Now().After(deadline) {
			t.Fatal("no option selected after ↓")
		}
		time.Sleep(100 * time.Millisecond)
	}
	key(t, tab, kb.Enter)
	deadline := time.Now().Add(10 * time.Second)
	for {
		// Evaluating fails while the page navigates: try again.
		path, err := chromedp.Run(tab, chromedp.Evaluate[string](`location.pathname`))
		if err == nil && strings.HasSuffix(path, basePath+"don-vi/so-noi-vu/") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Enter on the first option led to %s (%v)", path, err)
		}
		time.Sleep(100 * time.Millisecond)
	}

	// The results page of ?q= (the form's submission).
	load(t, tab, chromedp.Navigate(site+"tim-kiem/?q=dak+lak"), `document.querySelector('ol.search-hits a') !== null`)
	if got := eval[string](t, tab, `document.querySelector('ol.search-hits a').textContent`); got != "Ban Tây Nguyên" {
		t.Errorf("results page for dak lak: first %q", got)
	}

	// search.js folds as viet.Key does.
	in := []string{
		"Sở Nội vụ", "SỞ NỘI VỤ", "Đắk Lắk", "ĐĂK LĂK", "Đắk R'Lấp", "Kơ’nia", "TP. Hồ Chí Minh",
		"Thừa Thiên-Huế", "So\u031b\u0309 No\u0323\u0302i vu\u0323", "Ủy ban\u00a0nhân dân\ttỉnh", "Quyết định 128/QĐ-UBND",
		"Xã\u200bĐại Cát", "ưu ơ ư ă â ê ô", "Ỳ Ý Ỷ Ỹ Ỵ", "  ", "", "UBND xã Tân An (cũ)", "Ⅻ 12 ١٢", "Straße", "İstanbul",
	}
	js, _ := json.Marshal(in)
	got := eval[[]string](t, tab, `(`+string(js)+`).map(s => window.parindexSearch.key(s))`)
	for i, s := range in {
		if got[i] != viet.Key(s) {
			t.Errorf("search.js key(%q) = %q, viet.Key = %q", s, got[i], viet.Key(s))
		}
	}
}
