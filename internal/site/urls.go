package site

// Site-relative URLs of the page kinds. They are Vietnamese without
// diacritics and stable: a unit's URL is its registry id, which never
// changes, so links from the outside survive renames and mergers.
const (
	urlHome        = "/"
	urlYears       = "/nam/"
	urlUnits       = "/don-vi/"
	urlDecisions   = "/quyet-dinh/"
	urlMethodology = "/phuong-phap/"
	urlReconcile   = "/doi-chieu/"
	urlNotFound    = "/404.html"
)
