package site

// notFoundKind: "/404.html", what a static server shows for a missing page.
func notFoundKind() pageKind {
	return pageKind{Template: "404", Pattern: urlNotFound, pages: func(m *model) []Page {
		return []Page{{URL: urlNotFound, Title: m.lang.T("Không tìm thấy trang"), view: viewOf(notFoundPage{})}}
	}}
}

const urlNotFound = "/404.html"

type notFoundPage struct {
	meta
}
