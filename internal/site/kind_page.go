package site

import "parindex/internal/par"

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
