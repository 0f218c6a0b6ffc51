package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"parindex/internal/baseurl"
	"parindex/internal/chart"
	"parindex/internal/par"
)

// layout is what every page shows around its content, computed once per
// Render.
type layout struct {
	Title     string
	TitleEn   string
	Province  string
	Publisher string
	// Org is the publisher in both languages, for {{nm .Site.Org}}.
	Org       par.Name
	Sample    bool
	Nav       []link
	FreePages []link
}

// root is the value every template is executed with.
type root struct {
	Site     *layout
	Lang     *lang // the page's language
	Alt      alt   // the same page in the other language
	Page     *Page
	Data     any
	Crumbs   []link        // from the home page down to the parent of this page
	Section  string        // URL of the navigation entry this page belongs to
	Charts   bool          // load echarts and charts.js
	Sortable bool          // load site.js
	Scripts  []string      // further scripts the page needs (meta.Scripts)
	Sources  template.HTML // the page's "Nguồn số liệu" section (provenance.go), or ""
}

// env is the render setup shared by all workers: parsed templates (read
// only after parsing, so safe for concurrent execution), the layout and the
// breadcrumb labels.
type env struct {
	tmpls  map[string]*template.Template
	layout *layout
	labels map[string]string // page URL → breadcrumb label
	// decisions are the publication decisions of the rankings, by
	// RankingKey, for the source line of embed pages.
	decisions map[string]*par.Doc
	owners    *chartOwners
	// in and base are for the files pages write besides themselves
	// (extraFiler: feeds, the search index, the sitemap).
	in   *Input
	base baseurl.Base
	feed feedIndex
	prov *provenance // the pages' "Nguồn số liệu" (provenance.go)
	lang *lang
	// data is the open data files, shared by both languages' envs:
	// made once, by the first /du-lieu/ page rendered (filer).
	data *openData
}

// alt is a page's counterpart in the other language, for the language
// switch and <link rel="alternate" hreflang>.
type alt struct {
	Lang string // "vi" or "en"
	Name string // the language's name in itself: "Tiếng Việt", "English"
	URL  string // site-relative, with its language prefix
}

// Theme file layout: templates/layout/*.html hold the base layout ("base")
// and the partials shared by all pages; each templates/<name>.html is a page
// template that defines "content". (Not "_base.html": go:embed skips files
// whose names start with "_".)
const (
	themeDir   = "templates"
	sharedGlob = "templates/layout/*.html"
)

func newEnv(in *Input, theme fs.FS, pages []Page, l *lang, data *openData) (*env, error) {
	base, err := baseurl.Parse(in.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	shared, err := fs.Glob(theme, sharedGlob)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	if len(shared) == 0 {
		return nil, fmt.Errorf("theme has no %s", sharedGlob)
	}
	recon := map[par.Source]*par.Reconciliation{}
	if in.Results != nil {
		for _, r := range in.Results.Reconciled {
			for _, c := range r.Cells {
				recon[c] = r
			}
		}
	}
	ch := &chrome{header: map[string]template.HTML{}}
	prov := newProvenance(in, base)
	prov.lang = l
	common := template.New("").Funcs(funcs(base, recon, in.HTML, ch, l)).Funcs(dataFuncs(base, prov))
	for _, name := range shared {
		if err := parseFile(common, theme, name); err != nil {
			return nil, err
		}
	}
	e := &env{tmpls: map[string]*template.Template{}, labels: map[string]string{}, layout: newLayout(in, l),
		decisions: map[string]*par.Doc{}, owners: newChartOwners(), in: in, base: base, prov: prov, lang: l, data: data}
	if in.Results != nil {
		for _, rk := range in.Results.Rankings {
			if rk.Decision != nil && rk.Group != nil {
				e.decisions[RankingKey(rk.Year, rk.Group.ID)] = rk.Decision
			}
		}
	}
	if err := e.renderChrome(common, ch); err != nil {
		return nil, err
	}
	// The embed page's template, when the theme has one (an older
	// override may not: its charts then get their CSV only).
	names := make([]string, 0, len(pages)+1)
	for _, p := range pages {
		names = append(names, p.Template)
	}
	if _, err := fs.Stat(theme, path.Join(themeDir, embedTemplate+".html")); err == nil {
		names = append(names, embedTemplate)
	}
	for _, name := range names {
		if _, ok := e.tmpls[name]; ok {
			continue
		}
		t, err := common.Clone()
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		if err := parseFile(t, theme, path.Join(themeDir, name+".html")); err != nil {
			return nil, err
		}
		e.tmpls[name] = t
	}
	for _, p := range pages {
		label := p.Title
		if p.Crumb != "" {
			label = p.Crumb
		}
		e.labels[unprefixed(p.URL, l.Code)] = label
	}
	return e, nil
}

// chrome is the page header and footer (templates "site-header" and
// "site-footer"), the same on every page but for the navigation entry the
// header marks current: rendered once per Render rather than for each
// page, where their links cost a few reflective calls each.
type chrome struct {
	header map[string]template.HTML // by section (root.Section)
	footer template.HTML
}

// renderChrome renders the header for every section a page can be in and
// the footer, on a clone of the layout so that common can still be cloned
// for the page templates. A theme whose layout does not define them
// (an older override of base.html) gets nothing from siteHeader and
// siteFooter.
func (e *env) renderChrome(common *template.Template, ch *chrome) error {
	t, err := common.Clone()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if t.Lookup("site-header") != nil {
		sections := []string{""}
		for _, n := range e.layout.Nav {
			sections = append(sections, n.URL)
		}
		for _, s := range sections {
			b.Reset()
			if err := t.ExecuteTemplate(&b, "site-header", root{Site: e.layout, Lang: e.lang, Section: s}); err != nil {
				return err
			}
			ch.header[s] = template.HTML(b.String())
		}
	}
	if t.Lookup("site-footer") != nil {
		b.Reset()
		if err := t.ExecuteTemplate(&b, "site-footer", root{Site: e.layout, Lang: e.lang}); err != nil {
			return err
		}
		ch.footer = template.HTML(b.String())
	}
	return nil
}

func parseFile(t *template.Template, theme fs.FS, name string) error {
	b, err := fs.ReadFile(theme, name)
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	if _, err := t.New(name).Parse(string(b)); err != nil {
		return err // "template: templates/x.html:3: …" names the file
	}
	return nil
}

func newLayout(in *Input, lg *lang) *layout {
	var s par.Site
	if in.Dataset != nil {
		s = in.Dataset.Site
	}
	l := &layout{
		Title: s.Title, TitleEn: s.TitleEn, Province: s.Province, Publisher: s.Publisher, Org: par.Name{Name: s.Publisher, NameEn: s.PublisherEn}, Sample: s.Sample,
		Nav: []link{
			{lg.T("Trang chủ"), urlHome},
			{lg.T("Các năm"), urlYears},
			{lg.T("Đơn vị"), urlUnits},
			{lg.T("Quyết định"), urlDecisions},
			{lg.T("Phương pháp"), urlMethodology},
		},
	}
	if l.Title == "" {
		l.Title = "Chỉ số cải cách hành chính"
	}
	if !lg.vi() {
		if l.TitleEn == "" {
			l.TitleEn = lg.T("Chỉ số cải cách hành chính")
		}
		l.Title = l.TitleEn
		l.Province = stripMarks(lg.name(s.Province, ""))
	}
	if in.Dataset != nil {
		for _, d := range pickDocs(in.Dataset.Docs, lg) {
			if d.Kind == par.DocPage && d.Slug != "" {
				l.FreePages = append(l.FreePages, link{Title: docTitle(d, lg), URL: freePageURL(d.Slug)})
			}
		}
		slices.SortFunc(l.FreePages, func(a, b link) int { return strings.Compare(a.URL, b.URL) })
	}
	return l
}

// crumbs lists the planned pages above url: "/", then each directory prefix
// that is a page ("/don-vi/x/2023/" → "/", "/don-vi/", "/don-vi/x/").
func (e *env) crumbs(url string) []link {
	url = unprefixed(url, e.lang.Code)
	if url == urlHome || url == urlNotFound {
		return nil
	}
	out := []link{{Title: e.labels[urlHome], URL: urlHome}}
	trimmed := strings.Trim(url, "/")
	parts := strings.Split(trimmed, "/")
	for i := 1; i < len(parts); i++ {
		u := "/" + strings.Join(parts[:i], "/") + "/"
		if label, ok := e.labels[u]; ok {
			out = append(out, link{Title: label, URL: u})
		}
	}
	return out
}

// section is the navigation entry a URL belongs to.
func (e *env) section(url string) string {
	url = unprefixed(url, e.lang.Code)
	best := ""
	for _, n := range e.layout.Nav {
		if strings.HasPrefix(url, n.URL) && len(n.URL) > len(best) {
			best = n.URL
		}
	}
	if url != urlHome && best == urlHome {
		return ""
	}
	return best
}

// render executes a page's template into buf and returns the view it
// built, for the page's embed pages.
func (e *env) render(buf *bytes.Buffer, p *Page, write func(path string, b []byte) error) (any, error) {
	t := e.tmpls[p.Template]
	if t == nil {
		return nil, fmt.Errorf("no template %q", p.Template)
	}
	var data any
	if p.view != nil {
		// Built here, by the worker, and dropped with the page: Plan
		// holds no view.
		d, err := p.view()
		if err != nil {
			return nil, err
		}
		data = d
	}
	// A page that lists the open data files (their sizes and checksums)
	// needs them made first: once for both languages, by whichever page
	// comes first.
	if f, ok := data.(filer); ok {
		files, err := e.data.get(func() ([]dataFile, error) { return f.publish(e.base, write) })
		if err != nil {
			return nil, err
		}
		f.listFiles(e.base, files)
	}
	r := root{Site: e.layout, Lang: e.lang, Alt: e.alt(p.URL), Page: p, Data: data, Crumbs: e.crumbs(p.URL), Section: e.section(p.URL)}
	r.Sources = e.prov.section(p, data)
	if c, ok := data.(charted); ok {
		r.Charts = slices.ContainsFunc(c.charts(), func(c chart.Chart) bool { return !c.Empty })
	}
	if d, ok := data.(drawsCharts); ok && d.drawsCharts() {
		r.Charts = true
	}
	if s, ok := data.(sortabler); ok {
		r.Sortable = s.sortable()
	}
	if s, ok := data.(scripter); ok {
		r.Scripts = s.scripts()
	}
	if r.Sources != "" || r.Sortable {
		r.Scripts = append(slices.Clone(r.Scripts), scriptSource)
	}
	// A page template that defines "document" is a document of its own
	// (the printable report), without the site's header and footer.
	layout := "base"
	if t.Lookup("document") != nil {
		layout = "document"
	}
	return data, t.ExecuteTemplate(buf, layout, r)
}

// alt is the page at url in the other language.
func (e *env) alt(url string) alt {
	p := unprefixed(url, e.lang.Code)
	if e.lang.vi() {
		return alt{Lang: langEn, Name: "English", URL: "/en" + p}
	}
	return alt{Lang: langVi, Name: "Tiếng Việt", URL: p}
}
