package site

import (
	"html/template"
	"maps"
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
//	recon x              the recorded difference (Reconciliation) whose cell
//	                     is x's source, or nil
//	reconKind, figureName  a recorded difference's kind and figure in words
//	embedURL, embedCSV, embedSlug, embedSnippet  a chart's embed page,
//	                     CSV and iframe snippet (embed.go)
//	siteHeader section, siteFooter  the templates "site-header" and
//	                     "site-footer" as rendered once per build
//	fig, rankFig, rankOfFig, bandFig, reconMark, rankChange, indexChange, rankRows,
//	rankSources, treeRows, tableRows  markup written in Go (markup.go)
//
// Links stay root-relative even when the base URL names a host, so the
// site loads from wherever it is served and never from another host.
func funcs(base baseurl.Base, recon map[par.Source]*par.Reconciliation, docs map[string]string, ch *chrome) template.FuncMap {
	k := &markup{base: base, recon: recon}
	fm := template.FuncMap{
		// The policy every page declares in a meta tag (and the portal's
		// web server should send as a header).
		"cspMeta": func() template.HTML {
			return template.HTML(`<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy + `">`)
		},
		// The header and footer rendered once per build (see chrome).
		"siteHeader": func(section string) template.HTML {
			if ch == nil {
				return ""
			}
			return ch.header[section]
		},
		"siteFooter": func() template.HTML {
			if ch == nil {
				return ""
			}
			return ch.footer
		},
		// Writers in Go of figures and of the big row loops (markup.go).
		"fig":     func(f par.Figure) template.HTML { return html(func(b *strings.Builder) { k.fig(b, f, nil) }) },
		"rankFig": func(r par.Rank) template.HTML { return html(func(b *strings.Builder) { k.rank(b, r, nil) }) },
		"rankOfFig": func(r par.Rank, of int) template.HTML {
			return html(func(b *strings.Builder) { k.rankOf(b, r, of, "Không có thứ hạng", nil) })
		},
		"bandFig": func(m par.BandMark, class string) template.HTML {
			return html(func(b *strings.Builder) { k.band(b, m, class, nil) })
		},
		"reconMark": func(x any) template.HTML {
			_, s := origin(x)
			return html(func(b *strings.Builder) { k.reconMark(b, s) })
		},
		"rankChange":  func(c change) template.HTML { return html(func(b *strings.Builder) { rankChange(b, c) }) },
		"indexChange": func(c change) template.HTML { return html(func(b *strings.Builder) { k.indexChange(b, c) }) },
		"rankRows":    k.rankRows,
		"rankSources": k.rankSources,
		"pairRows":    k.pairRows,
		"pairSources": k.pairSources,
		"treeRows":    treeRows,
		"tableRows":   tableRows,

		"recon": func(x any) *par.Reconciliation {
			if len(recon) == 0 {
				return nil
			}
			_, s := origin(x)
			if s.Cell == "" {
				return nil
			}
			return recon[par.Source{File: s.File, Sheet: s.Sheet, Cell: s.Cell}]
		},
		"reconKind":  reconKind,
		"inc":        func(i int) int { return i + 1 },
		"figureName": figureName,
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
				return viet.Fixed(p, dec[0])
			}
			return viet.Exact(p)
		},
		"sortv":    sortv,
		"date":     func(d par.Date) string { return d.String() },
		"iso":      func(d par.Date) string { return d.ISO() },
		"computed": isComputed,
		"src":      func(x any) string { o, s := origin(x); return srcTitle(s, o) },
		"method":   methodName,
		"docHTML": func(d *par.Doc) template.HTML {
			if d == nil {
				return ""
			}
			// The HTML comes from the docs stage, which drops raw HTML and
			// unsafe URLs; it is the only data trusted as markup.
			return template.HTML(docs[d.Path])
		},

		"canonical": base.Abs,
	}
	maps.Copy(fm, embedFuncs(base))
	return fm
}

// fmtFigure is the one figure formatter the charts use too.
func fmtFigure(f par.Figure) string { return viet.Figure(f) }

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

func srcTitle(s par.Source, o par.Origin) string {
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

// reconKind says in words what kind of difference a record is about.
func reconKind(kind string) string {
	switch kind {
	case "rank":
		return "Thứ hạng công bố không khớp với thứ tự các chỉ số (tổng điểm) công bố"
	case "value-rank-band":
		return "Chỉ số (tổng điểm) công bố không khớp với thứ hạng và xếp loại công bố"
	case "rank-numbering":
		return "Thứ hạng công bố không liền mạch theo cách xếp hạng của bộ chỉ số"
	case "rank-computed":
		return "Thứ hạng công bố khác thứ hạng tính từ phiếu chấm điểm"
	case "band":
		return "Xếp loại công bố khác xếp loại theo ngưỡng và quy tắc của bộ chỉ số"
	case "band-unknown":
		return "Xếp loại công bố không có trong bộ chỉ số"
	case "range":
		return "Số liệu công bố vượt mức tối đa"
	case "components":
		return "Tổng điểm công bố khác tổng các điểm thành phần công bố"
	case "published-computed":
		return "Số liệu công bố khác số liệu tính từ phiếu chấm điểm"
	case "incomplete":
		return "Phiếu chấm điểm chưa có đủ điểm thẩm định; kết quả là số liệu công bố"
	case "subtotal":
		return "Điểm của nhóm tiêu chí trên phiếu chấm khác tổng các tiêu chí"
	case "sheet-total":
		return "Tổng điểm trên phiếu chấm khác tổng các dòng"
	}
	return "Số liệu công bố khác quy tắc tính"
}

// figureName names a figure of a result in words.
func figureName(f string) string {
	switch {
	case f == "total":
		return "Tổng điểm"
	case f == "index":
		return "Chỉ số CCHC"
	case f == "rank":
		return "Thứ hạng"
	case f == "band":
		return "Xếp loại"
	case f == "appraised":
		return "Điểm thẩm định"
	case f == "survey":
		return "Điểm điều tra xã hội học"
	case f == "satisfaction":
		return "Chỉ số hài lòng"
	case f == "sheet":
		return "Phiếu chấm điểm"
	case strings.HasPrefix(f, "area "):
		return "Điểm lĩnh vực " + strings.TrimPrefix(f, "area ")
	case f != "":
		return "Tiêu chí " + f
	}
	return ""
}
