package site

import (
	"html/template"
	"strings"

	"parindex/internal/baseurl"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// Metadata of every page (issue 13, item 8): a description made from what
// the page shows (a ranking's leader and number of units, a unit's latest
// result, a narrative's opening), Open Graph tags for a link shared on a
// social network (og:url only when the base URL names a host), and the
// Atom feeds a reader can follow from the page.

// describer is implemented by views that say what their page shows in a
// sentence; other pages are described by their title.
type describer interface {
	description(l *lang) string
}

// pageMeta is what the head of every page says about it.
type pageMeta struct {
	Desc  string
	Type  string     // og:type
	URL   string     // og:url, "" without a host
	Feeds []feedLink // Atom feeds (site-relative URLs)
	// Locale is og:locale, the page's language.
	Locale string
}

// descLen bounds a description: search engines show about 160 characters.
const descLen = 200

func metaFuncs(base baseurl.Base, docs map[string]string) template.FuncMap {
	return template.FuncMap{
		"pageMeta": func(r root) pageMeta {
			l := r.Lang
			m := pageMeta{Type: "article", Locale: "vi_VN", Feeds: []feedLink{{Title: l.T("Tin mới: quyết định công bố và nhận xét"), URL: urlFeed}}}
			if !l.vi() {
				m.Locale = "en_GB"
			}
			if r.Page == nil {
				return m
			}
			if r.Page.URL == urlHome {
				m.Type = "website"
			}
			if r.Page.URL != urlNotFound {
				m.URL = base.Abs(r.Page.URL)
			}
			if d, ok := r.Data.(describer); ok {
				m.Desc = d.description(l)
			}
			// A narrative's opening describes its page when it is written
			// in the page's language (an English page may show the
			// Vietnamese one, with a notice: it is described by its title).
			if m.Desc == "" {
				if d := viewDoc(r.Data); d != nil && docIn(d, l) {
					if x := excerpt(docs[d.Path]); x != "" {
						m.Desc = r.Page.Title + ": " + x
					}
				}
			}
			if m.Desc == "" && r.Site != nil {
				m.Desc = r.Page.Title + " — " + r.Site.Title + "."
				if unprefixed(r.Page.URL, l.Code) == urlHome {
					m.Desc = r.Site.Title + ": " + l.T("kết quả, thứ hạng, xếp loại các năm của từng đơn vị và số liệu gốc.")
				}
			}
			if u, ok := r.Data.(*unitPage); ok && u.Unit != nil {
				m.Feeds = append(m.Feeds, feedLink{Title: l.F("Tin mới về %s", u.Name), URL: unitFeedURL(u.Unit.ID)})
			}
			m.Desc = clip(m.Desc, descLen)
			return m
		},
	}
}

// viewDoc is the document a view shows as its main text, if any.
func viewDoc(v any) *par.Doc {
	switch p := v.(type) {
	case freePage:
		return p.Doc
	case *freePage:
		return p.Doc
	case decisionPage:
		return p.Doc
	case *decisionPage:
		return p.Doc
	}
	return nil
}

// docIn reports whether the document d is written in the language l.
func docIn(d *par.Doc, l *lang) bool {
	if l.vi() {
		return d.Lang == "" || d.Lang == langVi
	}
	return d.Lang == l.Code
}

// clip cuts s at a word to at most n characters.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return strings.TrimRight(string(r[:cut]), " ,;:.") + "…"
}

// Descriptions speak the page's language: the texts through the catalog
// (lang_en.go), numbers in its convention, names as the page shows them
// (a name given only in Vietnamese is marked, and its marks are dropped
// in the attribute).

// description: the ranking's size and leader.
func (p *rankingPage) description(l *lang) string {
	rk := p.Ranking
	if rk == nil || rk.Group == nil {
		return ""
	}
	g := l.nameOf(rk.Group)
	n := rankedCount(rk)
	if rk.Group.Unranked || n == 0 {
		scored := 0
		for _, r := range rk.Results {
			if r.Scored {
				scored++
			}
		}
		return l.F("Kết quả Chỉ số cải cách hành chính năm %d của khối %s: %s.", rk.Year, g, unitCount(l, "%d đơn vị được chấm điểm", scored))
	}
	var lead []string
	var idx par.Figure
	for _, r := range rk.Results {
		if r.Rank.N == 1 {
			lead = append(lead, l.resultName(r))
			idx = r.Index
		}
	}
	s := l.F("Bảng xếp hạng Chỉ số cải cách hành chính năm %d khối %s: %s", rk.Year, g, unitCount(l, "%d đơn vị", n))
	if len(lead) > 0 {
		s += l.F("; dẫn đầu %s", strings.Join(lead, ", "))
		if idx.Known() {
			s += " (" + l.num(viet.Figure(idx)) + "%)"
		}
	}
	if rk.Decision != nil {
		s += l.F("; công bố theo %s", decisionRefName(rk.Decision, l))
	}
	return s + "."
}

// unitCount is l.F(format, n) for a format counting units ("%d đơn vị"):
// English says "1 unit", not "1 units".
func unitCount(l *lang, format string, n int) string {
	s := l.F(format, n)
	if n == 1 && !l.vi() {
		s = strings.Replace(s, "1 units", "1 unit", 1)
	}
	return s
}

// resultFacts are a result's rank, index and band as a description lists
// them ("hạng 1/4, chỉ số 92,50%, xếp loại Tốt"), "" when it has none.
func resultFacts(l *lang, r *par.Result, of int, index string) string {
	var parts []string
	if r.Rank.N > 0 && of > 0 {
		parts = append(parts, l.F("hạng %d/%d", r.Rank.N, of))
	}
	if r.Index.Known() {
		parts = append(parts, l.F(index, l.num(viet.Figure(r.Index))))
	}
	if r.Band.Name != "" {
		parts = append(parts, l.F("xếp loại %s", l.bandName(r.Framework, r.Band)))
	}
	return strings.Join(parts, ", ")
}

// description: the unit's group and latest result.
func (p *unitPage) description(l *lang) string {
	s := l.F("Kết quả Chỉ số cải cách hành chính của %s", p.Name)
	if p.Group.Title != "" {
		s += " (" + p.Group.Title + ")"
	}
	var last *unitYearRow
	for i := range p.Rows {
		if r := p.Rows[i].R; r != nil && r.Scored && (last == nil || r.Year > last.R.Year) {
			last = &p.Rows[i]
		}
	}
	if last == nil {
		return s + l.T(" qua các năm") + "."
	}
	s += l.F(" qua các năm; năm %d", last.R.Year)
	if f := resultFacts(l, last.R, last.Of, "chỉ số %s%%"); f != "" {
		s += ": " + f
	}
	return s + "."
}

// description: the unit-year's result.
func (p *unitYearPage) description(l *lang) string {
	if p.R == nil {
		return ""
	}
	s := l.F("%s, năm %d", l.resultName(p.R), p.R.Year)
	if f := resultFacts(l, p.R, p.Of, "chỉ số cải cách hành chính %s%%"); f != "" {
		s += ": " + f
	}
	if p.R.Detail {
		s += l.T("; điểm từng tiêu chí và điểm bị mất")
	}
	return s + "."
}

// description: the year's rankings.
func (p yearPage) description(l *lang) string {
	var gs []string
	for _, r := range p.Rankings {
		if r.Group != nil {
			gs = append(gs, l.nameOf(r.Group))
		}
	}
	s := l.F("Kết quả Chỉ số cải cách hành chính năm %d", p.Year)
	if len(gs) > 0 {
		s += ": " + strings.Join(gs, "; ")
	}
	return s + "."
}

// description: on a page in another language than the decision's, what
// it publishes (its title and text are shown as given, in Vietnamese);
// "" on a page in its language, which is described by its opening.
func (p decisionPage) description(l *lang) string {
	d := p.Doc
	if d == nil || docIn(d, l) {
		return ""
	}
	s := l.F("%s, về Chỉ số cải cách hành chính", decisionRefName(d, l))
	if d.Year > 0 {
		s = l.F("%s, công bố kết quả Chỉ số cải cách hành chính năm %d", decisionRefName(d, l), d.Year)
	}
	if len(p.groups) > 0 {
		s += ": " + strings.Join(p.groups, "; ")
	}
	return s + "."
}
