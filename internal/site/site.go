// Package site is the render stage of parindex: it plans every page of the
// static site and renders each one through the theme's html/template files.
//
// Input: the ingested par.Dataset (site configuration, unit registry,
// frameworks and content documents), the docs stage's HTML of each
// document (Input.HTML), the computed par.Results, the base URL the site is
// published under ("/" or e.g. "/chi-so-cchc/"), and the theme as an fs.FS
// holding templates/*.html.
//
// Output: Plan returns the page list (URL, template, title, breadcrumb
// label, documents shown), sorted by URL: the pages of every page kind
// (kind_*.go, listed in kinds()). Render builds each page's view, executes
// its template on a pool of workers, hands the bytes to a Writer, one file
// per page ("nam/2023/so/index.html"), and drops the view, so memory does
// not grow with the number of pages. The output depends only on the input:
// no clock, maps visited in sorted order, fixed chart ids, so two builds
// are byte-identical.
//
// Every string from a workbook or a markdown file reaches the page through
// html/template's contextual escaping, or, in the big row loops written in
// Go (markup.go), through an escaper that matches it byte for byte. The
// only values marked safe are that markup, the docs stage's sanitised HTML
// (Input.HTML) and chart option JSON, which is re-escaped here so it can
// never close its <script> element.
package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"parindex/internal/par"
)

// Input is what the render stage needs from the earlier stages.
type Input struct {
	Dataset *par.Dataset // site config, registry, frameworks, docs; read only
	// HTML is the docs stage's output: each document's body rendered to
	// sanitised HTML, keyed by par.Doc.Path. It is kept apart from the
	// dataset so that the dataset stays as ingest made it and a preview can
	// reuse it.
	HTML    map[string]string
	Results *par.Results
	BaseURL string // "/", "/chi-so-cchc/" or "https://host/chi-so-cchc/" (internal/baseurl); every link and asset URL starts with its path
	// Sources are the source workbooks the build publishes (SourceFiles:
	// their size and SHA-256), by project path; nil lists them without.
	Sources map[string]SourceFile
	// Untranslated, if set, is called with every text the English pages
	// look up without an entry in the English catalog (lang_en.go), from
	// several goroutines at once. The page shows the Vietnamese text.
	Untranslated func(key string)
}

// Page is one planned page. URL is site-relative ("/nam/2023/so/"); the
// base path is added when links are rendered. A Page is small: its view
// (the data the template shows) is built by the render worker that
// renders it and dropped once the page is written, so memory does not
// grow with the number of pages.
type Page struct {
	URL      string
	Lang     string // "vi", or "en" for the English page under /en/ (lang.go)
	Template string // theme file templates/<Template>.html
	Title    string
	Crumb    string // breadcrumb label, "" = Title
	// Docs are the paths (par.Doc.Path) of the documents whose body the
	// page shows. Every page depends on the data, the theme and the
	// documents' front matter; a change to nothing but a document's body
	// changes only the pages that name it here (see Affected).
	Docs []string
	// Rankings are the rankings (RankingKey) whose results the page shows,
	// and AllResults marks a page that shows results from across the site
	// (the home page). When the results of some rankings change and the
	// plan stays the same, only the pages naming one of them here, or with
	// AllResults, change (see ShowingRankings).
	Rankings   []string
	AllResults bool
	// Draft: the page shows a document marked `draft: true` (a build
	// with drafts, the preview's); it carries a banner. Corrected: the
	// corrections (par.Correction.ID) of figures the page shows; it
	// links to them.
	Draft     bool
	Corrected []string

	// view builds what the template sees as .Data; nil gives nil.
	view func() (any, error)
}

// RankingKey names the ranking of group in year for Page.Rankings.
func RankingKey(year int, group string) string { return strconv.Itoa(year) + "/" + group }

// ShowingRankings lists the pages that show results of one of the
// rankings named by keys (RankingKey), in plan order: what a preview
// re-renders when only those rankings' results changed.
func ShowingRankings(pages []Page, keys []string) []Page {
	var out []Page
	for _, p := range pages {
		if p.AllResults || slices.ContainsFunc(p.Rankings, func(k string) bool { return slices.Contains(keys, k) }) {
			out = append(out, p)
		}
	}
	return out
}

// Affected lists the pages that show the body of one of the documents at
// paths, in plan order: what a preview re-renders when only those bodies
// changed.
func Affected(pages []Page, paths []string) []Page {
	var out []Page
	for _, p := range pages {
		for _, d := range p.Docs {
			if slices.Contains(paths, d) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// Writer receives rendered files. It must be safe for concurrent use; path
// is slash-separated and relative to the site root ("nam/2023/so/index.html").
// It may keep data: each page gets its own slice, unless the Writer is a
// Transient one.
type Writer interface {
	WriteFile(path string, data []byte) error
}

// Transient is a Writer that is done with data when WriteFile returns (it
// writes the bytes out and keeps no reference), so Render can hand it a
// reused buffer instead of a copy of every page.
type Transient interface {
	Writer
	Transient()
}

// OutputPath maps a page URL to the file that serves it: directory URLs get
// index.html, file URLs ("/404.html") are kept.
func OutputPath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// checkURL rejects a page URL that would write outside the site directory
// or that no static server maps back to the page: URLs are built from unit
// ids and document slugs, which come from input files.
func checkURL(url string) error {
	if !strings.HasPrefix(url, "/") {
		return fmt.Errorf("URL does not start with /")
	}
	for _, seg := range strings.Split(strings.Trim(url, "/"), "/") {
		if seg == "" && url != "/" || seg == "." || seg == ".." {
			return fmt.Errorf("unsafe URL segment %q", seg)
		}
		for _, r := range seg {
			if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' || r == '_' || r == '.' || 'A' <= r && r <= 'Z') {
				return fmt.Errorf("unsafe character %q in URL", r)
			}
		}
	}
	return nil
}

// Plan lists every page of the site, sorted by URL.
//
// Adding a page kind: write one file kind_<name>.go declaring a function
// <name>Kind() pageKind — its template (templates/<name>.html), its URL
// pattern and the function that enumerates its pages from the model. Each
// Page names the documents it shows (Docs: what a preview re-renders on a
// narrative edit) and how to build its view; a view showing charts
// implements charted. Then list the kind in kinds() (kind.go), add a
// golden page to goldenPages (site_test.go; TestKindsHaveGoldens checks)
// and the kind to the browser test's pageKinds (internal/e2e).
//
// Every page is planned in each language (lang.go): the English page of
// "/nam/" is "/en/nam/".
func Plan(in *Input) []Page {
	var pages []Page
	langs := newLangSet(in.Untranslated)
	for _, code := range langCodes {
		l := langs.of(code)
		ps := newModel(in, l).plan()
		for i := range ps {
			ps[i].Lang = code
			ps[i].URL = l.path(ps[i].URL)
		}
		pages = append(pages, ps...)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	return pages
}

// Render renders pages with the theme's templates on `workers` goroutines
// and writes one file per page. It stops at the first error, which names
// the page's URL.
//
// A page's view is built from the dataset and results given to the Plan
// that made it (in supplies the base URL, the documents' HTML and the
// layout): pages planned before the data or results changed must be
// planned again, while a change to documents' bodies alone (Affected)
// needs only the new Input.HTML.
func Render(in *Input, theme fs.FS, pages []Page, workers int, w Writer) error {
	for _, p := range pages {
		if err := checkURL(p.URL); err != nil {
			return fmt.Errorf("page %s: %w", p.URL, err)
		}
	}
	envs := map[string]*env{}
	langs := newLangSet(in.Untranslated)
	// The open data files are the same for both languages: made once,
	// by the first /du-lieu/ page rendered, and listed by both.
	data := &openData{}
	for _, code := range langCodes {
		var some []Page
		for _, p := range pages {
			if p.Lang == code || p.Lang == "" && code == langVi {
				some = append(some, p)
			}
		}
		if len(some) == 0 {
			continue
		}
		e, err := newEnv(in, theme, some, langs.of(code), data)
		if err != nil {
			return err
		}
		envs[code] = e
	}
	if workers < 1 {
		workers = 1
	}
	if workers > len(pages) {
		workers = len(pages)
	}
	_, transient := w.(Transient)
	write := func(path string, data []byte) error {
		if strings.HasPrefix(path, "en/") {
			if strings.HasSuffix(path, ".html") {
				data = markForeign(data)
			} else {
				data = dropMarks(data)
			}
		}
		if !transient {
			data = bytes.Clone(data) // the writer may keep the slice
		}
		return w.WriteFile(path, data)
	}
	jobs := make(chan int)
	var (
		mu       sync.Mutex
		firstErr error
		firstIdx = len(pages)
		wg       sync.WaitGroup
	)
	fail := func(i int, err error) {
		mu.Lock()
		defer mu.Unlock()
		// Keep the error of the first page in plan order, so the message
		// does not depend on scheduling.
		if i < firstIdx {
			firstIdx, firstErr = i, err
		}
	}
	failed := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return firstErr != nil
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range jobs {
				p := &pages[i]
				buf.Reset()
				env := envs[p.Lang]
				if env == nil {
					env = envs[langVi]
				}
				view, err := env.render(&buf, p, write)
				if err == nil {
					err = write(OutputPath(p.URL), buf.Bytes())
				}
				if err == nil {
					err = env.renderEmbeds(&buf, p, view, write)
				}
				if err == nil {
					err = env.renderExtras(view, write)
				}
				if err != nil {
					fail(i, fmt.Errorf("page %s: %w", p.URL, err))
				}
			}
		}()
	}
	for i := range pages {
		if failed() {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return firstErr
}
