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
//	decisionName *Doc    a decision's name in a sentence (decisionRefName)
//	searchIndexURL       the search index's URL, a file both languages share (pipe into url)
//	embedURL, embedCSV, embedSlug, embedSnippet  a chart's embed page,
//	                     CSV and iframe snippet (embed.go)
//	siteHeader section, siteFooter  the templates "site-header" and
//	                     "site-footer" as rendered once per build
//	fig, rankFig, rankOfFig, bandFig, reconMark, rankChange, indexChange, rankRows,
//	rankSources, treeRows, tableRows  markup written in Go (markup.go)
//
// Links stay root-relative even when the base URL names a host, so the
// site loads from wherever it is served and never from another host.
func funcs(base baseurl.Base, recon map[par.Source]*par.Reconciliation, docs map[string]string, ch *chrome, l *lang) template.FuncMap {
	k := &markup{base: base, recon: recon, lang: l}
	fm := template.FuncMap{
		// The policy every page declares in a meta tag (and the portal's
		// web server should send as a header).
		"cspMeta": func() template.HTML {
			return template.HTML(`<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy + `">`)
		},
		// The page's language (lang.go): t translates a Vietnamese text,
		// tf a Vietnamese format (printf), nm gives a name from the data
		// in the page's language; rooturl is url without the language
		// prefix (the language switch).
		"t":          l.T,
		"tf":         l.F,
		"nm":         l.nameOf,
		"foreignDoc": l.foreignDoc,
		"chartLang":  l.chartLang,
		"rooturl": func(p string) string {
			return base.Path + strings.TrimPrefix(p, "/")
		},
		// lpath: a site-relative path in the page's language, for canonical.
		"lpath": l.path,
		// absurl: a site-relative URL (with its language prefix) as an
		// absolute URL when the base names a host, else under the base path.
		"absurl": func(p string) string {
			if a := base.Abs(p); a != "" {
				return a
			}
			return base.Path + strings.TrimPrefix(p, "/")
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
		"bandFig": func(m par.BandMark, class string, fw ...*par.Framework) template.HTML {
			var f *par.Framework
			if len(fw) > 0 {
				f = fw[0]
			}
			return html(func(b *strings.Builder) { k.band(b, f, m, class, nil) })
		},
		"reconMark": func(x any) template.HTML {
			_, s := origin(x)
			return html(func(b *strings.Builder) { k.reconMark(b, s) })
		},
		"rankChange":  func(c change) template.HTML { return html(func(b *strings.Builder) { rankChange(b, l, c) }) },
		"indexChange": func(c change) template.HTML { return html(func(b *strings.Builder) { k.indexChange(b, c) }) },
		"rankRows":    k.rankRows,
		"rankSources": k.rankSources,
		"pairRows":    k.pairRows,
		"pairSources": k.pairSources,
		"treeRows":    func(nodes []*par.NodeResult) template.HTML { return treeRows(l, nodes) },
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
		"reconKind":  func(kind string) string { return reconKind(kind, l) },
		"inc":        func(i int) int { return i + 1 },
		"figureName": func(f string) string { return figureName(f, l) },
		"url": func(p any) string {
			return base.Path + strings.TrimPrefix(l.href(p), "/")
		},
		"searchIndexURL": func() sharedURL { return urlSearchIndex },
		// decisionName is the template "decision-name": a decision's
		// name in a sentence, worded once (decisionRefName).
		"decisionName": func(d *par.Doc) string { return decisionRefName(d, l) },
		"num":          func(f par.Figure) string { return l.num(fmtFigure(f)) },
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
			return l.num(fmtFigure(f)) + "%"
		},
		"minus": func(a, b par.Points) par.Points { return a - b },
		"pts": func(p par.Points, dec ...int) string {
			if len(dec) > 0 {
				return l.num(viet.Fixed(p, dec[0]))
			}
			return l.num(viet.Exact(p))
		},
		"sortv":    sortv,
		"date":     l.date,
		"iso":      func(d par.Date) string { return d.ISO() },
		"computed": isComputed,
		"src":      func(x any) string { o, s := origin(x); return srcTitle(s, o, l) },
		"method":   func(m par.Method) string { return methodName(m, l) },
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
	maps.Copy(fm, embedFuncs(base, l))
	maps.Copy(fm, metaFuncs(base, docs))
	maps.Copy(fm, rankingEmbedFuncs(base, l))
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

func srcTitle(s par.Source, o par.Origin, l *lang) string {
	loc := publicSource(s)
	switch {
	case loc == "":
		return ""
	case o == par.Computed:
		return l.T("Số liệu tính toán, dữ liệu gốc: ") + loc
	}
	return l.T("Nguồn: ") + loc
}

func methodName(m par.Method, l *lang) string {
	switch m {
	case par.MethodSelf:
		return l.T("Tự đánh giá, có thẩm định")
	case par.MethodSurvey:
		return l.T("Điều tra xã hội học")
	case par.MethodSatisfaction:
		return l.T("Khảo sát sự hài lòng (SIPAS)")
	}
	return string(m)
}

// reconKind says in words what kind of difference a record is about.
func reconKind(kind string, l *lang) string {
	switch kind {
	case "rank":
		return l.T("Thứ hạng công bố không khớp với thứ tự các chỉ số (tổng điểm) công bố")
	case "value-rank-band":
		return l.T("Chỉ số (tổng điểm) công bố không khớp với thứ hạng và xếp loại công bố")
	case "rank-numbering":
		return l.T("Thứ hạng công bố không liền mạch theo cách xếp hạng của bộ chỉ số")
	case "rank-computed":
		return l.T("Thứ hạng công bố khác thứ hạng tính từ phiếu chấm điểm")
	case "band":
		return l.T("Xếp loại công bố khác xếp loại theo ngưỡng và quy tắc của bộ chỉ số")
	case "band-unknown":
		return l.T("Xếp loại công bố không có trong bộ chỉ số")
	case "range":
		return l.T("Số liệu công bố vượt mức tối đa")
	case "components":
		return l.T("Tổng điểm công bố khác tổng các điểm thành phần công bố")
	case "published-computed":
		return l.T("Số liệu công bố khác số liệu tính từ phiếu chấm điểm")
	case "incomplete":
		return l.T("Phiếu chấm điểm chưa có đủ điểm thẩm định; kết quả là số liệu công bố")
	case "subtotal":
		return l.T("Điểm của nhóm tiêu chí trên phiếu chấm khác tổng các tiêu chí")
	case "sheet-total":
		return l.T("Tổng điểm trên phiếu chấm khác tổng các dòng")
	}
	return l.T("Số liệu công bố khác quy tắc tính")
}

// figureName names a figure of a result in words.
func figureName(f string, l *lang) string {
	switch {
	case f == "total":
		return l.T("Tổng điểm")
	case f == "index":
		return l.T("Chỉ số CCHC")
	case f == "rank":
		return l.T("Thứ hạng")
	case f == "band":
		return l.T("Xếp loại")
	case f == "appraised":
		return l.T("Điểm thẩm định")
	case f == "survey":
		return l.T("Điểm điều tra xã hội học")
	case f == "satisfaction":
		return l.T("Chỉ số hài lòng")
	case f == "sheet":
		return l.T("Phiếu chấm điểm")
	case strings.HasPrefix(f, "area "):
		return l.F("Điểm lĩnh vực %s", strings.TrimPrefix(f, "area "))
	case f != "":
		return l.F("Tiêu chí %s", f)
	}
	return ""
}
