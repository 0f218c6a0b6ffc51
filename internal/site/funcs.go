package site

import (
	"html/template"
	"strings"

	"parindex/internal/baseurl"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// dash stands for a value that is not known: missing is never shown as 0.
const dash = "—"

// funcs is the template FuncMap. Formatting lives here so that every page
// prints numbers, dates and sources the same way.
//
//	url "/nam/2023/"     site-relative URL → URL under the base path
//	canonical "/nam/"    the page's absolute URL when the base URL names a
//	                     host ("https://host/chi-so-cchc/nam/"), else ""
//	num  Figure          "85,25" (decimal comma, published precision) or "—"
//	pct  Figure          "85,25%" or "—"
//	pts  Points [dec]    "12,5" (shortest form) or at dec decimals
//	sortv Figure         "85.25": data-sort value for site.js, "" if missing
//	date Date            "20/02/2024"
//	iso  Date            "2024-02-20" for <time datetime>
//	computed x           x (Figure, Rank, BandMark) was computed, not published
//	src  x               "Nguồn: file: sheet!cell" for a title attribute, or ""
//	method Method        "Tự đánh giá, thẩm định" …
//	yearURL, rankingURL, unitURL, unitYearURL, decisionURL
//	                     site-relative URLs of the page kinds (pipe into url)
//	docHTML *Doc         the docs stage's sanitised HTML (the one trusted sink)
//
// Links stay root-relative even when the base URL names a host, so the
// site loads from wherever it is served and never from another host.
func funcs(base baseurl.Base) template.FuncMap {
	return template.FuncMap{
		"url": func(p string) string {
			return base.Path + strings.TrimPrefix(p, "/")
		},
		"num": fmtFigure,
		// Site-relative URLs of the page kinds, for use with url.
		"yearURL":     yearURL,
		"rankingURL":  rankingURL,
		"unitURL":     unitURL,
		"unitYearURL": unitYearURL,
		"decisionURL": decisionURL,
		"pct": func(f par.Figure) string {
			if !f.Known() {
				return dash
			}
			return fmtFigure(f) + "%"
		},
		"minus": func(a, b par.Points) par.Points { return a - b },
		"pts": func(p par.Points, dec ...int) string {
			if len(dec) > 0 {
				return viet.DecimalComma(p.Format(dec[0]))
			}
			return viet.DecimalComma(p.String())
		},
		"sortv": func(f par.Figure) string {
			if !f.Known() {
				return ""
			}
			return f.Value.String()
		},
		"date":     func(d par.Date) string { return d.String() },
		"iso":      func(d par.Date) string { return d.ISO() },
		"computed": isComputed,
		"src":      srcTitle,
		"method":   methodName,
		"docHTML": func(d *par.Doc) template.HTML {
			if d == nil {
				return ""
			}
			// Doc.HTML comes from the docs stage, which drops raw HTML and
			// unsafe URLs; it is the only data trusted as markup.
			return template.HTML(d.HTML)
		},

		"canonical": base.Abs,
	}
}

func fmtFigure(f par.Figure) string {
	if !f.Known() {
		return dash
	}
	return viet.DecimalComma(f.Text())
}

func origin(x any) (par.Origin, par.Source) {
	switch v := x.(type) {
	case par.Figure:
		return v.Origin, v.Src
	case par.Rank:
		return v.Origin, v.Src
	case par.BandMark:
		return v.Origin, v.Src
	}
	return par.Missing, par.Source{}
}

func isComputed(x any) bool {
	o, _ := origin(x)
	return o == par.Computed
}

func srcTitle(x any) string {
	o, s := origin(x)
	loc := s.String()
	switch {
	case loc == "":
		return ""
	case o == par.Computed:
		return "Số liệu tính toán, dữ liệu gốc: " + loc
	}
	return "Nguồn: " + loc
}

func methodName(m par.Method) string {
	switch m {
	case par.MethodSelf:
		return "Tự đánh giá, có thẩm định"
	case par.MethodSurvey:
		return "Điều tra xã hội học"
	case par.MethodSatisfaction:
		return "Khảo sát sự hài lòng (SIPAS)"
	}
	return string(m)
}
