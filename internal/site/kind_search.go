package site

import (
	"slices"
	"strings"
)

// searchKind: "/tim-kiem/", the search page. With JavaScript it shows the
// results of ?q= (static/js/search.js, the same as the header's box);
// without, it lists every unit and page alphabetically, so the header's
// link to it finds things too.
//
// Its worker also writes the files made from the same list of units,
// documents and pages (searchPage.extraFiles): the search index, the
// site's Atom feed, sitemap.xml and robots.txt. The page names every
// document whose excerpt they show (Page.Docs), so a preview that
// re-renders pages for an edited narrative rewrites them too; they
// depend on no ranking's results.
func searchKind() pageKind {
	return pageKind{Template: "search", Pattern: urlSearch, pages: func(m *model) []Page {
		// Every document that may be listed: the plan is not complete
		// yet (m.planned), so those whose page is missing are named too.
		var docs []string
		for _, d := range m.decisions {
			docs = append(docs, d.Path)
		}
		for _, d := range m.yearDocs {
			docs = append(docs, d.Path)
		}
		for _, d := range m.groupYearDoc {
			docs = append(docs, d.Path)
		}
		for _, d := range m.unitDocs {
			docs = append(docs, d.Path)
		}
		for _, d := range m.unitYearDocs {
			docs = append(docs, d.Path)
		}
		for _, d := range m.freePages {
			docs = append(docs, d.Path)
		}
		slices.Sort(docs)
		return []Page{{URL: urlSearch, Title: m.lang.T("Tìm kiếm"), Docs: slices.Compact(docs),
			view: func() (any, error) { return m.search(), nil }}}
	}}
}

type searchUnitItem struct {
	unitItem
	Group  string
	Former []string // former names and the names of the units merged into it
}

type searchPage struct {
	meta
	Units []searchUnitItem
	Pages []link

	entries    []searchEntry
	narratives []narrative
	urls       []string // every planned page, for the sitemap
	prefixes   []string // the groups' names, which open many titles
}

func (m *model) search() *searchPage {
	p := &searchPage{entries: m.searchEntries(), narratives: m.narratives()}
	for _, g := range m.reg.Groups {
		p.prefixes = append(p.prefixes, g.Name)
	}
	for _, e := range p.entries {
		switch e.Kind {
		case searchUnit:
			u := m.unitByID[unitID(e.URL)]
			// Listed under the name the page shows (the English one on an
			// English page, when given): the list is in that name's order.
			it := searchUnitItem{unitItem: unitItem{Name: m.lang.nameOf(u), URL: e.URL}, Group: m.groupName(u.Group), Former: e.Names[1:]}
			if !m.lang.vi() && u.Current().NameEn != "" {
				it.Former = e.Names
			}
			it.Ended = ending(m.unitByID[unitID(e.URL)], m.lang)
			p.Units = append(p.Units, it)
		case searchPageKind:
			p.Pages = append(p.Pages, link{Title: e.Names[0], URL: e.URL})
		}
	}
	// Every page exists in both languages (the English one under /en/);
	// the Vietnamese search page writes the one sitemap.
	en := m.lang.set.en
	for u := range m.planned {
		if u != urlNotFound {
			p.urls = append(p.urls, u, en.path(u))
		}
	}
	slices.Sort(p.urls)
	return p
}

// unitID is the unit of a unit page's URL.
func unitID(url string) string {
	return strings.TrimSuffix(strings.TrimPrefix(url, urlUnits), "/")
}

// extraFile is a file a page's worker writes besides the page: the
// page's language's own (Path in Vietnamese, "/nhung/x.html", written
// under the language's prefix, whatever its extension), or, made by
// sharedFile, one file both languages share, written by the Vietnamese
// page only.
type extraFile struct {
	Path   string // site-relative URL
	Data   []byte
	Shared bool
}

// sharedFile is an extra file both languages share, at u.
func sharedFile(u sharedURL, data []byte) extraFile {
	return extraFile{Path: string(u), Data: data, Shared: true}
}

// extraFiler is implemented by views whose page writes further files
// made from the same values: the search page (index, site feed, sitemap,
// robots.txt), a unit's page (its feed), a ranking's page (its embed
// page).
type extraFiler interface {
	extraFiles(e *env) ([]extraFile, error)
}

// renderExtras writes the extra files of a page's view.
func (e *env) renderExtras(view any, write func(path string, b []byte) error) error {
	x, ok := view.(extraFiler)
	if !ok {
		return nil
	}
	files, err := x.extraFiles(e)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := checkURL(f.Path); err != nil {
			return err
		}
		// Files both languages share are written by the Vietnamese
		// pages only; the others (a ranking's embed page) by each.
		p := f.Path
		if f.Shared {
			if !e.lang.vi() {
				continue
			}
		} else {
			p = e.lang.path(p)
		}
		if err := write(OutputPath(p), f.Data); err != nil {
			return err
		}
	}
	return nil
}

func (p *searchPage) extraFiles(e *env) ([]extraFile, error) {
	idx, err := searchIndexJSON(slices.Clone(p.entries), e.in.HTML, p.prefixes)
	if err != nil {
		return nil, err
	}
	out := []extraFile{sharedFile(urlSearchIndex, idx)}
	feed, err := e.siteFeed(p.narratives)
	if err != nil {
		return nil, err
	}
	out = append(out, sharedFile(urlFeed, feed))
	if sm := sitemap(e.base, p.urls); sm != nil {
		out = append(out, sharedFile(urlSitemap, sm))
	}
	out = append(out, sharedFile(urlRobots, robots(e.base)))
	return out, nil
}
