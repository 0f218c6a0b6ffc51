package site

import "parindex/internal/par"

// freePageKind: "/trang/<slug>/", a free page (content/pages/<slug>.md).
func freePageKind() pageKind {
	return pageKind{Template: "page", Pattern: "/trang/<slug>/", pages: func(m *model) []Page {
		var out []Page
		for _, d := range m.freePages {
			title := docTitle(d, m.lang)
			out = append(out, Page{URL: freePageURL(d.Slug), Title: title, Crumb: title, Docs: docPaths(d),
				view: viewOf(freePage{Doc: d})})
		}
		return out
	}}
}

type freePage struct {
	meta
	Doc *par.Doc
}

func pageTitle(d *par.Doc) string {
	if d.Title != "" {
		return d.Title
	}
	return d.Slug
}

func freePageURL(slug string) string { return "/trang/" + slug + "/" }
