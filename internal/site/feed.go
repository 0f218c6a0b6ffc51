package site

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"sync"

	"parindex/internal/baseurl"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// Feeds and the sitemap (issue 13, item 8).
//
// The site's Atom feed, /feed.xml, lists the publication decisions and
// the narratives; each unit's, /don-vi/<unit>/atom.xml, lists the unit's
// result of every year and its narratives, for those who follow one unit.
// Every date is a document's: a decision's date, a narrative's own date
// or else that of the decision publishing the results it comments (at
// midnight, Vietnam time); an entry with no such date is left out. No
// clock is read, so the feeds are the same from one build to the next.
//
// Links are absolute when the base URL names a host, else root-relative
// under the base path (a feed reader resolves them against the feed's own
// address). Ids are the entries' absolute addresses when there is a host;
// otherwise "urn:parindex:<province>:<path>", stable as long as the
// province and the URLs are.
//
// sitemap.xml lists every page a search engine should index (not the
// 404 page, embed pages or printable reports, which say noindex) and is
// written only when the base URL names a host: a sitemap's addresses must
// be absolute. robots.txt names it.

const (
	urlFeed     sharedURL = "/feed.xml"
	urlSitemap  sharedURL = "/sitemap.xml"
	urlRobots   sharedURL = "/robots.txt"
	atomNS                = "http://www.w3.org/2005/Atom"
	sitemapNS             = "http://www.sitemaps.org/schemas/sitemap/0.9"
	unitFeedSeg           = "atom.xml"
)

// unitFeedURL is a unit's Atom feed.
func unitFeedURL(id string) sharedURL { return sharedURL(unitURL(id) + unitFeedSeg) }

// feedLink is a link to a feed (pageMeta.Feeds): a file both languages
// share.
type feedLink struct {
	Title string
	URL   sharedURL
}

type atomFeed struct {
	XMLName  xml.Name    `xml:"feed"`
	NS       string      `xml:"xmlns,attr"`
	Lang     string      `xml:"xml:lang,attr"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Links    []atomLink  `xml:"link"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Author   atomAuthor  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	Title   string    `xml:"title"`
	Link    atomLink  `xml:"link"`
	ID      string    `xml:"id"`
	Updated string    `xml:"updated"`
	Summary *atomText `xml:"summary,omitempty"`
	Cats    []atomCat `xml:"category,omitempty"`
	date    par.Date  // for sorting
}

type atomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// feedDate is a document's date as an Atom date-time, midnight in Vietnam.
func feedDate(d par.Date) string { return d.ISO() + "T00:00:00+07:00" }

// feedHref is a link in a feed.
func feedHref(base baseurl.Base, p string) string {
	if a := base.Abs(p); a != "" {
		return a
	}
	return base.Path + strings.TrimPrefix(p, "/")
}

// feedID is the id of what p (a site-relative URL) shows; part tells
// apart two entries about one page ("nhan-xet": its narrative).
func (e *env) feedID(p, part string) string {
	if a := e.base.Abs(p); a != "" {
		if part != "" {
			a += "#" + part
		}
		return a
	}
	site := viet.Slug(e.layout.Province)
	if site == "" {
		site = viet.Slug(e.layout.Title)
	}
	id := "urn:parindex:" + site + ":" + strings.Trim(p, "/")
	if part != "" {
		id += ":" + part
	}
	return id
}

// writeFeed sorts the entries newest first (then by id) and marshals the
// feed; its updated is the newest entry's.
func (e *env) writeFeed(f *atomFeed) ([]byte, error) {
	slices.SortStableFunc(f.Entries, func(a, b atomEntry) int {
		switch {
		case b.date.Before(a.date):
			return -1
		case a.date.Before(b.date):
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	f.NS, f.Lang = atomNS, "vi"
	if len(f.Entries) > 0 {
		f.Updated = f.Entries[0].Updated
	} else {
		// An empty feed still needs a date: the newest decision's, the
		// date the site's content last changed.
		f.Updated = feedDate(e.newestDecision())
	}
	f.Author.Name = e.layout.Publisher
	if f.Author.Name == "" {
		f.Author.Name = e.layout.Title
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func (e *env) feedLinks(self sharedURL, page string) []atomLink {
	return []atomLink{
		{Rel: "self", Type: "application/atom+xml", Href: feedHref(e.base, string(self))},
		{Rel: "alternate", Type: "text/html", Href: feedHref(e.base, page)},
	}
}

// narrativeEntry is a narrative's entry; its summary is the excerpt
// when summary is set (the page writing the feed must name the document
// in Page.Docs, so that a preview rewrites the feed when its body changes).
func (e *env) narrativeEntry(n narrative, summary bool) atomEntry {
	title := n.Title
	if !viet.KeyStartsWith(viet.Key(title), "nhan xet") {
		title = "Nhận xét: " + title // a unit's narrative is titled with its name
	}
	en := atomEntry{Title: title, Link: atomLink{Rel: "alternate", Type: "text/html", Href: feedHref(e.base, n.URL)},
		ID: e.feedID(n.URL, "nhan-xet"), Updated: feedDate(n.Date), date: n.Date,
		Cats: []atomCat{{Term: "nhan-xet", Label: "Nhận xét"}}}
	if s := excerpt(e.in.HTML[n.Doc.Path]); s != "" && summary {
		en.Summary = &atomText{Type: "text", Text: s}
	}
	return en
}

// siteFeed is /feed.xml: the decisions and the narratives.
func (e *env) siteFeed(narratives []narrative) ([]byte, error) {
	f := &atomFeed{Title: e.layout.Title, Subtitle: "Quyết định công bố và nhận xét kết quả Chỉ số cải cách hành chính",
		Links: e.feedLinks(urlFeed, urlHome), ID: e.feedID(string(urlFeed), "")}
	if e.in.Dataset != nil {
		for _, d := range e.in.Dataset.Docs {
			if d.Kind != par.DocDecision || d.Slug == "" || d.Date.IsZero() || (d.Lang != "" && d.Lang != "vi") {
				continue
			}
			u := decisionURL(d.Slug)
			title := decisionRefName(d, e.lang)
			if d.Title != "" {
				title += ": " + d.Title
			}
			en := atomEntry{Title: title, Link: atomLink{Rel: "alternate", Type: "text/html", Href: feedHref(e.base, u)},
				ID: e.feedID(u, ""), Updated: feedDate(d.Date), date: d.Date,
				Cats: []atomCat{{Term: "quyet-dinh", Label: "Quyết định"}}}
			if s := excerpt(e.in.HTML[d.Path]); s != "" {
				en.Summary = &atomText{Type: "text", Text: s}
			}
			f.Entries = append(f.Entries, en)
		}
	}
	for _, n := range narratives {
		if !n.Date.IsZero() {
			f.Entries = append(f.Entries, e.narrativeEntry(n, true))
		}
	}
	return e.writeFeed(f)
}

// unitFeed is a unit's feed: its result of each year published by a dated
// decision, its narrative and its unit-years' narratives. Every unit page
// links its feed, so a unit with nothing to list yet has an empty one.
func (e *env) unitFeed(u *par.Unit, narratives []narrative) ([]byte, error) {
	return e.writeFeed(e.unitFeedEntries(u, narratives))
}

func (e *env) unitFeedEntries(u *par.Unit, narratives []narrative) *atomFeed {
	name := u.Current().Name
	f := &atomFeed{Title: name + " — Chỉ số cải cách hành chính", Subtitle: "Kết quả các năm và nhận xét về " + name + ", " + e.layout.Title,
		Links: e.feedLinks(unitFeedURL(u.ID), unitURL(u.ID)), ID: e.feedID(string(unitFeedURL(u.ID)), "")}
	res := e.in.Results
	if res != nil {
		for _, r := range res.ByUnit[u.ID] {
			rk := e.rankingOf(r.Year, r.Group)
			if rk == nil || rk.Decision == nil || rk.Decision.Date.IsZero() {
				continue
			}
			u := unitYearURL(u.ID, r.Year)
			f.Entries = append(f.Entries, atomEntry{Title: resultTitle(r, rk), Link: atomLink{Rel: "alternate", Type: "text/html", Href: feedHref(e.base, u)},
				ID: e.feedID(u, ""), Updated: feedDate(rk.Decision.Date), date: rk.Decision.Date,
				Summary: &atomText{Type: "text", Text: resultSummary(r, rk, e.lang.set.vi)},
				Cats:    []atomCat{{Term: "ket-qua", Label: "Kết quả"}}})
		}
	}
	for _, n := range narratives {
		if !n.Date.IsZero() {
			// The unit's page names its own narrative (Page.Docs), not
			// its unit-years': theirs go without summary.
			f.Entries = append(f.Entries, e.narrativeEntry(n, n.URL == unitURL(u.ID)))
		}
	}
	return f
}

// unitNarratives are a unit's narrative and its unit-years', dated as
// narratives lists them.
func (e *env) unitNarratives(u *par.Unit) []narrative {
	var out []narrative
	if e.in.Dataset == nil {
		return nil
	}
	name := u.Current().Name
	for _, d := range e.feedIdx().byUnit[u.ID] {
		if d.Lang != "" && d.Lang != "vi" {
			continue
		}
		var n narrative
		switch d.Kind {
		case par.DocUnit:
			n = narrative{Doc: d, URL: unitURL(u.ID), Title: "Nhận xét về " + name}
			if e.in.Results != nil {
				for _, r := range e.in.Results.ByUnit[u.ID] {
					if rk := e.rankingOf(r.Year, r.Group); rk != nil && rk.Decision != nil && n.Date.Before(rk.Decision.Date) {
						n.Date = rk.Decision.Date
					}
				}
			}
		case par.DocUnitYear:
			n = narrative{Doc: d, URL: unitYearURL(u.ID, d.Year), Title: "Nhận xét về " + name + " năm " + strconv.Itoa(d.Year)}
			found := false
			if e.in.Results != nil {
				for _, r := range e.in.Results.ByUnit[u.ID] {
					if r.Year != d.Year {
						continue
					}
					found = true
					if rk := e.rankingOf(r.Year, r.Group); rk != nil && rk.Decision != nil {
						n.Date = rk.Decision.Date
					}
				}
			}
			if !found {
				continue // no unit-year page shows it
			}
		default:
			continue
		}
		if d.Title != "" {
			n.Title = d.Title
		}
		if !d.Date.IsZero() {
			n.Date = d.Date
		}
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b narrative) int { return strings.Compare(a.URL, b.URL) })
	return out
}

// newestDecision is the date of the newest dated decision; without any,
// the first day of the Atom era, so the feed stays valid.
func (e *env) newestDecision() par.Date {
	d := par.Date{Year: 2000, Month: 1, Day: 1}
	if e.in.Dataset != nil {
		for _, doc := range e.in.Dataset.Docs {
			if doc.Kind == par.DocDecision && d.Before(doc.Date) {
				d = doc.Date
			}
		}
	}
	return d
}

func (e *env) rankingOf(year int, group string) *par.Ranking {
	return e.feedIdx().ranking[RankingKey(year, group)]
}

// feedIndex holds the lookups the unit feeds share, built by the first
// worker that needs them: a scan of every document and ranking per unit
// would be quadratic over a province's units.
type feedIndex struct {
	once    sync.Once
	byUnit  map[string][]*par.Doc
	ranking map[string]*par.Ranking
}

func (e *env) feedIdx() *feedIndex {
	x, ds, res := &e.feed, e.in.Dataset, e.in.Results
	x.once.Do(func() {
		x.byUnit = map[string][]*par.Doc{}
		x.ranking = map[string]*par.Ranking{}
		if ds != nil {
			for _, d := range ds.Docs {
				if d.Unit != "" {
					x.byUnit[d.Unit] = append(x.byUnit[d.Unit], d)
				}
			}
		}
		if res != nil {
			for _, rk := range res.Rankings {
				if rk.Group != nil {
					x.ranking[RankingKey(rk.Year, rk.Group.ID)] = rk
				}
			}
		}
	})
	return x
}

// rankedCount is the number of units a ranking ranks.
func rankedCount(rk *par.Ranking) int {
	n := 0
	for _, r := range rk.Results {
		if r.Rank.N > 0 {
			n++
		}
	}
	return n
}

// resultTitle: "Năm 2024: hạng 3/20, chỉ số 95,12%".
func resultTitle(r *par.Result, rk *par.Ranking) string {
	s := "Năm " + strconv.Itoa(r.Year) + ": "
	var parts []string
	if r.Rank.N > 0 {
		parts = append(parts, "hạng "+strconv.Itoa(r.Rank.N)+"/"+strconv.Itoa(rankedCount(rk)))
	}
	if r.Index.Known() {
		parts = append(parts, "chỉ số "+viet.Figure(r.Index)+"%")
	}
	if r.Band.Name != "" {
		parts = append(parts, r.Band.Name)
	}
	if len(parts) == 0 {
		if !r.Scored {
			return s + "không được đánh giá"
		}
		return s + "đã có kết quả"
	}
	return s + strings.Join(parts, ", ")
}

// resultSummary says the result in a sentence, with the decision, in
// Vietnamese (vi): the feeds are.
func resultSummary(r *par.Result, rk *par.Ranking, vi *lang) string {
	var b strings.Builder
	b.WriteString(r.Name)
	switch {
	case !r.Scored:
		b.WriteString(" không được đánh giá năm " + strconv.Itoa(r.Year))
	case r.Rank.N > 0:
		b.WriteString(" xếp hạng " + strconv.Itoa(r.Rank.N) + "/" + strconv.Itoa(rankedCount(rk)) + " khối " + rk.Group.Name + " năm " + strconv.Itoa(r.Year))
	default:
		b.WriteString(", khối " + rk.Group.Name + ", năm " + strconv.Itoa(r.Year))
	}
	if r.Index.Known() {
		b.WriteString(", chỉ số CCHC " + viet.Figure(r.Index) + "%")
	}
	if r.Band.Name != "" {
		b.WriteString(", xếp loại " + r.Band.Name)
	}
	b.WriteString(". Công bố theo " + decisionRefName(rk.Decision, vi) + ".")
	return b.String()
}

// sitemap lists urls (site-relative, sorted) as absolute addresses, or is
// nil when the base URL names no host.
func sitemap(base baseurl.Base, urls []string) []byte {
	if base.Origin == "" {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="` + sitemapNS + `">` + "\n")
	for _, u := range urls {
		if !sitemapped(u) {
			continue
		}
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(base.Abs(u)))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// sitemapped: the pages a search engine should index. The 404 page and
// the printable reports (which repeat their unit-year page and say
// noindex) are left out; embed pages are no pages of the plan.
func sitemapped(url string) bool {
	url = unprefixed(url, langEn) // the English page of the same
	return url != urlNotFound && !strings.HasSuffix(url, "/bao-cao/") && url != urlSearch
}

// robots is robots.txt: everything may be crawled; the sitemap's address
// when there is one. A crawler reads robots.txt only at the root of a
// host: a site under a sub-path has its Sitemap line copied into the
// portal's own (README).
func robots(base baseurl.Base) []byte {
	s := "User-agent: *\nAllow: /\n"
	if a := base.Abs(string(urlSitemap)); a != "" {
		s += "\nSitemap: " + a + "\n"
	}
	return []byte(s)
}

// extraFiles of a unit's page: its feed.
func (p *unitPage) extraFiles(e *env) ([]extraFile, error) {
	b, err := e.unitFeed(p.Unit, e.unitNarratives(p.Unit))
	if err != nil || b == nil {
		return nil, err
	}
	return []extraFile{sharedFile(unitFeedURL(p.Unit.ID), b)}, nil
}
