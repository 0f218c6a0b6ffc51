package site

import (
	"html/template"
	"strconv"
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
	description() string
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
			// The descriptions made from a page's figures are written in
			// Vietnamese; an English page is described by its title.
			if d, ok := r.Data.(describer); ok && l.vi() {
				m.Desc = d.description()
			}
			if m.Desc == "" && l.vi() {
				if d := viewDoc(r.Data); d != nil {
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

// description: the ranking's size and leader.
func (p *rankingPage) description() string {
	rk := p.Ranking
	if rk == nil || rk.Group == nil {
		return ""
	}
	y := strconv.Itoa(rk.Year)
	n := rankedCount(rk)
	if rk.Group.Unranked || n == 0 {
		scored := 0
		for _, r := range rk.Results {
			if r.Scored {
				scored++
			}
		}
		return "Kết quả Chỉ số cải cách hành chính năm " + y + " của khối " + rk.Group.Name + ": " + strconv.Itoa(scored) + " đơn vị được chấm điểm."
	}
	var lead []string
	var idx par.Figure
	for _, r := range rk.Results {
		if r.Rank.N == 1 {
			lead = append(lead, r.Name)
			idx = r.Index
		}
	}
	s := "Bảng xếp hạng Chỉ số cải cách hành chính năm " + y + " khối " + rk.Group.Name + ": " + strconv.Itoa(n) + " đơn vị"
	if len(lead) > 0 {
		s += "; dẫn đầu " + strings.Join(lead, ", ")
		if idx.Known() {
			s += " (" + viet.Figure(idx) + "%)"
		}
	}
	if rk.Decision != nil {
		s += "; công bố theo " + decisionRefName(rk.Decision, newLang(langVi, nil))
	}
	return s + "."
}

// description: the unit's group and latest result.
func (p *unitPage) description() string {
	s := "Kết quả Chỉ số cải cách hành chính của " + p.Name
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
		return s + " qua các năm."
	}
	s += " qua các năm; năm " + strconv.Itoa(last.R.Year) + ":"
	if last.R.Rank.N > 0 && last.Of > 0 {
		s += " hạng " + strconv.Itoa(last.R.Rank.N) + "/" + strconv.Itoa(last.Of) + ","
	}
	if last.R.Index.Known() {
		s += " chỉ số " + viet.Figure(last.R.Index) + "%,"
	}
	if last.R.Band.Name != "" {
		s += " xếp loại " + last.R.Band.Name + ","
	}
	return strings.TrimSuffix(strings.TrimSuffix(s, ","), ":") + "."
}

// description: the unit-year's result.
func (p *unitYearPage) description() string {
	if p.R == nil {
		return ""
	}
	s := p.R.Name + ", năm " + strconv.Itoa(p.R.Year) + ":"
	if p.R.Rank.N > 0 && p.Of > 0 {
		s += " hạng " + strconv.Itoa(p.R.Rank.N) + "/" + strconv.Itoa(p.Of) + ","
	}
	if p.R.Index.Known() {
		s += " chỉ số cải cách hành chính " + viet.Figure(p.R.Index) + "%,"
	}
	if p.R.Band.Name != "" {
		s += " xếp loại " + p.R.Band.Name + ","
	}
	s = strings.TrimSuffix(s, ",")
	if p.R.Detail {
		s += "; điểm từng tiêu chí và điểm bị mất"
	}
	return strings.TrimSuffix(s, ":") + "."
}

// description: the year's rankings.
func (p yearPage) description() string {
	var gs []string
	for _, r := range p.Rankings {
		if r.Group != nil {
			gs = append(gs, r.Group.Name)
		}
	}
	s := "Kết quả Chỉ số cải cách hành chính năm " + strconv.Itoa(p.Year)
	if len(gs) > 0 {
		s += ": " + strings.Join(gs, "; ")
	}
	return s + "."
}
