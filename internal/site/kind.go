package site

import (
	"parindex/internal/chart"
	"parindex/internal/par"
)

// pageKind is one kind of page, declared in its own kind_*.go file: the
// template it renders with, the pattern of its URLs and how to enumerate
// its pages. Each enumerated Page carries what the plan needs without
// building the view (URL, title, breadcrumb label, the documents it shows)
// and a function that builds the view when a render worker gets to it, so
// that no more than one view per worker is alive at a time.
type pageKind struct {
	Template string // theme file templates/<Template>.html
	Pattern  string // its URLs, e.g. "/nam/<year>/<group>/" (documentation and tests)
	pages    func(m *model) []Page
}

// kinds is the site: every page is a page of one of these kinds.
func kinds() []pageKind {
	return []pageKind{
		homeKind(),
		notFoundKind(),
		yearsKind(),
		yearKind(),
		rankingKind(),
		unitsKind(),
		unitKind(),
		unitYearKind(),
		decisionsKind(),
		decisionKind(),
		methodologyKind(),
		reconciliationKind(),
		freePageKind(),
		groupKind(),
		compareKind(),
		pairKind(),
		areasKind(),
		areaKind(),
		criteriaKind(),
		selfGapKind(),
		reportKind(),
		correctionsKind(),
		searchKind(),
		dataKind(),
		dictionaryKind(),
	}
}

// plan enumerates the pages of every kind; Plan sorts them.
func (m *model) plan() []Page {
	var pages []Page
	for _, k := range kinds() {
		n := len(pages)
		pages = append(pages, k.pages(m)...)
		for i := n; i < len(pages); i++ {
			pages[i].Template = k.Template
		}
	}
	// Views are built after the plan: they may link a page of another
	// kind only if it was planned (m.planned).
	m.planned = make(map[string]bool, len(pages))
	for _, p := range pages {
		m.planned[p.URL] = true
	}
	m.markPages(pages)
	return pages
}

// docPaths lists the paths of the documents a page shows (Page.Docs),
// skipping the ones that do not exist.
func docPaths(docs ...*par.Doc) []string {
	var out []string
	for _, d := range docs {
		if d != nil {
			out = append(out, d.Path)
		}
	}
	return out
}

// viewOf wraps a view that costs nothing to build (a list of links) as a
// Page.view.
func viewOf(v any) func() (any, error) {
	return func() (any, error) { return v, nil }
}

// charted is implemented by views that show charts: the page then loads
// the chart scripts.
type charted interface {
	charts() []chart.Chart
}

// drawsCharts is implemented by views whose own script draws charts with
// ECharts in the browser (the unit comparison): the page then loads the
// chart scripts although it has no chart of its own.
type drawsCharts interface {
	drawsCharts() bool
}

// scripter is implemented by views (through meta) that need scripts of
// their own besides site.js and the chart scripts.
type scripter interface {
	scripts() []string
}

// sortabler is implemented by views (through meta) that may have a
// sortable table: the page then loads site.js.
type sortabler interface {
	sortable() bool
}
