package ingest

import (
	"io/fs"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
)

// loadSite reads data/site.yaml.
func loadSite(fsys fs.FS, d *diag.List) par.Site {
	s := par.Site{BaseURL: "/", Src: par.Source{File: sitePath, Line: 1}}
	data, ok := readText(fsys, sitePath, d)
	if !ok {
		return s
	}
	y := &yfile{path: sitePath, d: d}
	root, ok := y.parse(data)
	if !ok {
		return s
	}
	m := y.fields(root, "site.yaml", "title", "title_en", "province", "publisher", "sample", "base_url", "not_applicable")
	if root == nil {
		d.Errorf(s.Src, "site.yaml is empty: it needs at least a title")
		return s
	}
	if m.need("title") {
		s.Title = m.str("title")
	}
	s.TitleEn = m.str("title_en")
	s.Province = m.str("province")
	s.Publisher = m.str("publisher")
	s.Sample = m.boolean("sample")
	s.NotApplicable, _ = m.strs("not_applicable")
	if m.has("base_url") {
		u := m.str("base_url")
		if !strings.HasPrefix(u, "/") || strings.ContainsAny(u, " ?#") {
			d.Errorf(m.src("base_url"), "base_url %q must be a path starting with \"/\", such as /chi-so-cchc/", u)
		} else {
			if !strings.HasSuffix(u, "/") {
				u += "/"
			}
			s.BaseURL = u
		}
	}
	return s
}
