package site

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"parindex/internal/baseurl"
	"parindex/internal/chart"
	"parindex/internal/par"
)

// Every chart a page shows gets, beside the page, two files of its own
// (issue 11, item 9): an embed page, /nhung/<chart>.html, with just the
// chart, its title, its source line and a link back, for an iframe on
// another site (static hosting has no ?embed); and its data table as CSV,
// /nhung/<chart>.csv. They are written by the worker that renders
// the page, from the same Chart values, so a preview that re-renders a
// page rewrites them too. A chart's ID is its name across the site: two
// pages showing a chart of the same ID would write the same files, so
// Render refuses that.

const urlEmbed = "/nhung/"

// embedSlug is the chart's part of its embed URLs: its ID without the
// "chart-" every ID starts with.
func embedSlug(id string) string { return strings.TrimPrefix(id, "chart-") }

// embedURL is a chart's embed page. Embed pages and CSVs are files side
// by side in one folder, not a folder each: a province's charts number
// in the thousands, and as many folders more made the site slower to
// write, copy and remove.
func embedURL(id string) string { return urlEmbed + embedSlug(id) + ".html" }

// embedCSV is a chart's data as CSV.
func embedCSV(id string) string { return urlEmbed + embedSlug(id) + ".csv" }

// embedHeight is the iframe height the snippet suggests: the chart, its
// title above and the source line below.
func embedHeight(c chart.Chart) int { return c.Height + 200 }

// embedSnippet is the iframe element a webmaster copies to show the chart
// on another page. Its src is absolute when the base URL names a host;
// otherwise it is the path, which static/js/charts.js completes with the
// address the page was loaded from.
func embedSnippet(base baseurl.Base, l *lang, c chart.Chart) string {
	return iframeSnippet(base, l.path(embedURL(c.ID)), stripMarks(c.Title), embedHeight(c))
}

// iframeSnippet is the iframe element of an embed page at the
// site-relative URL u, for the chart and ranking snippets alike.
func iframeSnippet(base baseurl.Base, u, title string, height int) string {
	src := base.Abs(u)
	if src == "" {
		src = base.Path + strings.TrimPrefix(u, "/")
	}
	var b strings.Builder
	b.WriteString(`<iframe src="`)
	esc(&b, src)
	b.WriteString(`" title="`)
	esc(&b, title)
	b.WriteString(`" width="100%" height="` + strconv.Itoa(height) + `" loading="lazy"></iframe>`)
	return b.String()
}

// embedView is what templates/embed.html shows.
type embedView struct {
	Chart chart.Chart
	Back  link // the page the chart belongs to, at the chart
	// Decisions published the figures of the rankings the page shows, by
	// date; AllDecisions: the page shows results from across the site.
	Decisions    []*par.Doc
	AllDecisions bool
}

// chartOwners remembers which page wrote each chart's files, to refuse a
// second page with a chart of the same ID.
type chartOwners struct {
	mu   chan struct{}
	page map[string]string
}

func newChartOwners() *chartOwners {
	return &chartOwners{mu: make(chan struct{}, 1), page: map[string]string{}}
}

func (o *chartOwners) claim(id, url string) error {
	o.mu <- struct{}{}
	defer func() { <-o.mu }()
	if prev, ok := o.page[id]; ok && prev != url {
		return fmt.Errorf("chart %s is on page %s too: a chart's id names its embed page and must be unique", id, prev)
	}
	o.page[id] = url
	return nil
}

// renderEmbeds writes the embed page and the CSV of each chart the view
// shows. buf is the worker's buffer, free again once the page is written.
func (e *env) renderEmbeds(buf *bytes.Buffer, p *Page, data any, write func(path string, b []byte) error) error {
	c, ok := data.(charted)
	if !ok {
		return nil
	}
	t := e.tmpls[embedTemplate]
	for _, ch := range c.charts() {
		if ch.Empty {
			continue
		}
		if err := e.owners.claim(ch.ID, p.URL); err != nil {
			return err
		}
		if err := write(OutputPath(e.lang.path(embedCSV(ch.ID))), tableCSV(ch.Table)); err != nil {
			return err
		}
		if t == nil {
			continue // a theme without embed.html: CSV only
		}
		ch.SameAs = "" // the embed page has no other table: show the chart's
		v := embedView{Chart: ch, Back: link{Title: p.Title, URL: unprefixed(p.URL, e.lang.Code)}}
		if p.AllResults {
			v.AllDecisions = true
		}
		for _, k := range p.Rankings {
			if d := e.decisions[k]; d != nil && !slices.Contains(v.Decisions, d) {
				v.Decisions = append(v.Decisions, d)
			}
		}
		slices.SortStableFunc(v.Decisions, func(a, b *par.Doc) int {
			switch {
			case a.Date.Before(b.Date):
				return -1
			case b.Date.Before(a.Date):
				return 1
			}
			return 0
		})
		ep := &Page{URL: e.lang.path(embedURL(ch.ID)), Lang: e.lang.Code, Template: embedTemplate, Title: ch.Title}
		buf.Reset()
		if err := t.ExecuteTemplate(buf, "embed", root{Site: e.layout, Lang: e.lang, Alt: e.alt(ep.URL), Page: ep, Data: v, Charts: true}); err != nil {
			return fmt.Errorf("embed page of %s: %w", ch.ID, err)
		}
		if err := write(OutputPath(ep.URL), buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// embedTemplate is the theme file of embed pages, templates/embed.html,
// which defines "embed": a whole document without the site's header and
// footer.
const embedTemplate = "embed"

// embedFuncs are the template functions of the chart tools.
func embedFuncs(base baseurl.Base, l *lang) template.FuncMap {
	return template.FuncMap{
		"embedURL":     embedURL,
		"embedCSV":     embedCSV,
		"embedSlug":    embedSlug,
		"embedSnippet": func(c chart.Chart) string { return embedSnippet(base, l, c) },
	}
}
