package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"

	"parindex/internal/baseurl"
)

// Every ranking has an embed page too (issue 13, item 9):
// /nhung/xep-hang-<year>-<group>.html, the ranking table alone with its
// title, the source line naming the publishing decision and a link back,
// without the site's header and footer, for an iframe on the portal. It
// is written by the worker that renders the ranking's page, from the same
// view (the table's rows are written once for both), and the ranking page
// offers the iframe snippet as the charts' tools do. The template is
// "embed-ranking" in templates/embed.html; a theme whose embed.html lacks
// it gets no ranking embed pages.

// rankingEmbedURL is a ranking's embed page.
func rankingEmbedURL(year int, group string) string {
	return urlEmbed + "xep-hang-" + strconv.Itoa(year) + "-" + group + ".html"
}

// rankingEmbedHeight is the iframe height the snippet suggests: the
// title, a row per unit and the source line.
func rankingEmbedHeight(rows int) int { return 220 + 41*rows }

func rankingEmbedSnippet(base baseurl.Base, l *lang, p *rankingPage) string {
	return iframeSnippet(base, l.path(rankingEmbedURL(p.Year, p.Group.ID)), stripMarks(p.embedTitle(l)), rankingEmbedHeight(len(p.Rows)))
}

// embedTitle is the embed page's title and heading.
func (p *rankingPage) embedTitle(l *lang) string {
	if !p.Ranked {
		return l.F("Kết quả Chỉ số CCHC năm %d — %s", p.Year, l.nameOf(p.Group))
	}
	return l.F("Xếp hạng Chỉ số CCHC năm %d — %s", p.Year, l.nameOf(p.Group))
}

// rankingEmbedView is what "embed-ranking" shows.
type rankingEmbedView struct {
	P    *rankingPage
	Back string // the ranking's page
}

func (p *rankingPage) extraFiles(e *env) ([]extraFile, error) {
	t := e.tmpls[embedTemplate]
	if t == nil || t.Lookup("embed-ranking") == nil || p.Group == nil || len(p.Rows) == 0 {
		return nil, nil
	}
	u := rankingEmbedURL(p.Year, p.Group.ID)
	ep := &Page{URL: u, Template: embedTemplate, Title: p.embedTitle(e.lang)}
	var b bytes.Buffer
	v := rankingEmbedView{P: p, Back: rankingURL(p.Year, p.Group.ID)}
	if err := t.ExecuteTemplate(&b, "embed-ranking", root{Site: e.layout, Lang: e.lang, Page: ep, Data: v}); err != nil {
		return nil, fmt.Errorf("embed page of the ranking: %w", err)
	}
	return []extraFile{{Path: u, Data: b.Bytes()}}, nil
}

func rankingEmbedFuncs(base baseurl.Base, l *lang) template.FuncMap {
	return template.FuncMap{
		"rankingEmbedURL":     func(p *rankingPage) string { return rankingEmbedURL(p.Year, p.Group.ID) },
		"rankingEmbedSnippet": func(p *rankingPage) string { return rankingEmbedSnippet(base, l, p) },
	}
}
