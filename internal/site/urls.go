package site

import "strconv"

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

func yearURL(year int) string { return urlYears + strconv.Itoa(year) + "/" }

func rankingURL(year int, group string) string { return yearURL(year) + group + "/" }

func unitURL(id string) string { return urlUnits + id + "/" }

func unitYearURL(id string, year int) string { return unitURL(id) + strconv.Itoa(year) + "/" }

func decisionURL(slug string) string { return urlDecisions + slug + "/" }

func freePageURL(slug string) string { return "/trang/" + slug + "/" }

// fileURL is the URL of an attachment: Attachment.File is relative to
// content/ ("files/2023/qd.pdf") and the build copies it to the same path
// under the site root.
func fileURL(file string) string { return "/" + file }

// frameworkURL links to a framework's section of the methodology page.
func frameworkURL(id string) string { return urlMethodology + "#" + id }
