package site

import (
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// decisionKind: "/quyet-dinh/<file-name>/", a publication decision
// (content/decisions/<file-name>.md) with its attachments and the
// decisions it amends or replaces.
func decisionKind() pageKind {
	return pageKind{Template: "decision", Pattern: "/quyet-dinh/<file-name>/", pages: func(m *model) []Page {
		var out []Page
		for _, d := range m.decisions {
			if d.Slug == "" {
				continue
			}
			crumb := m.lang.name(d.Number, "")
			if crumb == "" {
				crumb = m.lang.name(d.Title, "")
			}
			out = append(out, Page{URL: decisionURL(d.Slug), Title: decisionTitle(d, m.lang), Crumb: crumb, Docs: docPaths(d),
				view: func() (any, error) { return m.decision(d), nil }})
		}
		return out
	}}
}

type decisionPage struct {
	meta
	Doc         *par.Doc
	Groups      []link
	Attachments []link
	// Amends and Replaces are the decisions this one changes, ChangedBy
	// the later ones that amend or replace it.
	Amends, Replaces, ChangedBy []link

	groups []string // the groups' names, for the description (meta.go)
}

func (m *model) decision(d *par.Doc) decisionPage {
	p := decisionPage{Doc: d}
	p.Amends, p.Replaces, p.ChangedBy = m.decisionRefs(d)
	for _, g := range d.Groups {
		p.groups = append(p.groups, m.groupName(g))
		l := link{Title: m.lang.F("%s năm %d", m.groupName(g), d.Year)}
		if m.rankings[rkKey{d.Year, g}] != nil {
			l.URL = rankingURL(d.Year, g)
		}
		p.Groups = append(p.Groups, l)
	}
	for _, a := range d.Attachments {
		title := a.Title
		if title == "" {
			title = a.File[strings.LastIndex(a.File, "/")+1:]
		}
		p.Attachments = append(p.Attachments, link{Title: m.lang.name(title, ""), URL: fileURL(a.File)})
	}
	return p
}

func decisionTitle(d *par.Doc, l *lang) string {
	switch {
	case d.Number != "" && d.Title != "":
		return l.F("Quyết định số %s", l.name(d.Number, "")) + ": " + l.name(d.Title, "")
	case d.Number != "":
		return l.F("Quyết định số %s", l.name(d.Number, ""))
	case d.Title != "":
		return l.name(d.Title, "")
	}
	return d.Slug
}

// decisionRefs links the decisions d amends and replaces, and those that
// amend or replace d, by number (compared after folding, as compute
// checks them; compute reports a number no decision has).
func (m *model) decisionRefs(d *par.Doc) (amends, replaces, changedBy []link) {
	byNumber := map[string]*par.Doc{}
	for _, o := range m.decisions {
		if k := viet.Key(o.Number); k != "" {
			if _, dup := byNumber[k]; !dup {
				byNumber[k] = o
			}
		}
	}
	ref := func(n string) link {
		if o := byNumber[viet.Key(n)]; o != nil {
			return link{Title: decisionRefName(o, m.lang), URL: decisionURL(o.Slug)}
		}
		return link{Title: m.lang.F("Quyết định số %s", m.lang.name(n, ""))}
	}
	for _, n := range d.Amends {
		amends = append(amends, ref(n))
	}
	for _, n := range d.Replaces {
		replaces = append(replaces, ref(n))
	}
	self := viet.Key(d.Number)
	// m.decisions is newest first; list the changes oldest first.
	for i := len(m.decisions) - 1; i >= 0; i-- {
		o := m.decisions[i]
		if o == d || self == "" {
			continue
		}
		for _, n := range append(append([]string(nil), o.Amends...), o.Replaces...) {
			if viet.Key(n) == self {
				changedBy = append(changedBy, link{Title: decisionRefName(o, m.lang), URL: decisionURL(o.Slug)})
				break
			}
		}
	}
	return amends, replaces, changedBy
}

// decisionRefName is how a decision is named in a sentence: "Quyết định số
// 1007/QĐ-UBND ngày 20/02/2024". The templates name it so too: their
// "decision-name" calls it (template function decisionName).
func decisionRefName(d *par.Doc, l *lang) string {
	s := l.T("Quyết định")
	if d.Number != "" {
		s = l.F("Quyết định số %s", l.name(d.Number, ""))
	}
	if !d.Date.IsZero() {
		s += " " + l.F("ngày %s", l.date(d.Date))
	}
	return s
}

func decisionURL(slug string) string { return urlDecisions + slug + "/" }

// fileURL is the URL of an attachment: Attachment.File is relative to
// content/ ("files/2023/qd.pdf") and the build copies it to the same path
// under the site root.
func fileURL(file string) string { return "/" + file }
