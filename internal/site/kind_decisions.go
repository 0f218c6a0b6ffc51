package site

import "parindex/internal/par"

// decisionsKind: "/quyet-dinh/", the publication decisions, newest first.
func decisionsKind() pageKind {
	return pageKind{Template: "decisions", Pattern: urlDecisions, pages: func(m *model) []Page {
		return []Page{{URL: urlDecisions, Title: m.lang.T("Các quyết định công bố"), Crumb: m.lang.T("Quyết định"),
			view: viewOf(decisionsPage{Docs: m.decisions})}}
	}}
}

const urlDecisions = "/quyet-dinh/"

type decisionsPage struct {
	meta
	Docs []*par.Doc
}
