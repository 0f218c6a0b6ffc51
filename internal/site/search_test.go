package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// searchFixture is the site fixture with a former name written with
// the diacritics of "Đắk Lắk" (the commune Bình Minh was Xã Đắk Lắk).
func searchFixture() *fixture {
	f := newFixture("")
	u := f.ds.Registry.Unit("xa-binh-minh")
	u.Names = []par.Name{{Name: "Xã Đắk Lắk"}, {Name: u.Names[0].Name, From: par.Date{Year: 2022, Month: 1, Day: 1}}}
	return f
}

func searchEntriesOf(t *testing.T, f *fixture) []searchEntry {
	t.Helper()
	m := newModel(f.input("/"), newLang(langVi, nil))
	m.plan()
	return m.searchEntries()
}

func TestFindEntries(t *testing.T) {
	entries := searchEntriesOf(t, searchFixture())
	for _, tc := range []struct {
		q     string
		first string // URL of the first hit, "" for none
		name  string // the name it was found by, "" = its title
		then  []string
	}{
		{q: "so noi vu", first: "/don-vi/so-noi-vu/"},
		{q: "Sở Nội vụ", first: "/don-vi/so-noi-vu/"},
		{q: "SỞ NỘI VỤ", first: "/don-vi/so-noi-vu/"},
		{q: "  sở   nội-vụ ", first: "/don-vi/so-noi-vu/"},
		{q: "dak lak", first: "/don-vi/xa-binh-minh/", name: "Xã Đắk Lắk"},
		{q: "Đắk Lắk", first: "/don-vi/xa-binh-minh/", name: "Xã Đắk Lắk"},
		{q: "ĐĂK LĂK", first: "/don-vi/xa-binh-minh/", name: "Xã Đắk Lắk"},
		// A former name finds its unit; a merged unit's name finds both
		// it and the unit it merged into, itself first.
		{q: "khoa hoc va cong nghe", first: "/don-vi/so-kh-cn/", name: "Sở Khoa học và Công nghệ"},
		{q: "lao dong", first: "/don-vi/so-lao-dong/", then: []string{"/don-vi/so-noi-vu/"}},
		{q: "tan an", first: "/don-vi/xa-tan-an/", then: []string{"/don-vi/xa-tan-phu/"}},
		{q: "1007", first: "/quyet-dinh/1007-qd-ubnd-2024/", name: "Quyết định số 1007/QĐ-UBND ngày 20/02/2024"},
		{q: "xep hang 2023 so ban nganh", first: "/nam/2023/so/"},
		{q: "gioi thieu", first: "/trang/gioi-thieu/"},
		{q: "", first: ""},
		{q: "—", first: ""},
		{q: "không có", first: ""},
	} {
		hits := findEntries(entries, tc.q)
		if tc.first == "" {
			if len(hits) > 0 {
				t.Errorf("%q: %d hits, first %s; want none", tc.q, len(hits), entries[hits[0].Entry].URL)
			}
			continue
		}
		if len(hits) == 0 {
			t.Errorf("%q: no hit, want %s", tc.q, tc.first)
			continue
		}
		e := entries[hits[0].Entry]
		if e.URL != tc.first {
			t.Errorf("%q: first hit %s, want %s", tc.q, e.URL, tc.first)
		}
		name := e.Names[hits[0].Name]
		if want := tc.name; want == "" && hits[0].Name != 0 || want != "" && name != want {
			t.Errorf("%q: found by %q, want %q", tc.q, name, tc.name)
		}
		var urls []string
		for _, h := range hits[1:] {
			urls = append(urls, entries[h.Entry].URL)
		}
		for _, u := range tc.then {
			if !slices.Contains(urls, u) {
				t.Errorf("%q: %s not among the hits %v", tc.q, u, urls)
			}
		}
	}
}

// The tiers: the name as typed before the same name without its marks,
// the whole name before a name containing it, whole words before the
// start of a word, the current name before a former one, units before
// pages, then the index's order.
func TestFindEntriesOrder(t *testing.T) {
	for _, tc := range []struct {
		q     string
		names [][]string // entries' names; kind: unit, unless the first name starts with "page:"
		want  []int      // the entries found, best first
	}{
		{"Tân An", [][]string{{"Tấn An"}, {"Tân An"}}, []int{1, 0}},
		{"tan an", [][]string{{"Tấn An"}, {"Tân An"}}, []int{0, 1}},
		{"an phu", [][]string{{"An Phú Đông"}, {"An Phú"}}, []int{1, 0}},
		{"an", [][]string{{"Phường Annam"}, {"Xã An"}}, []int{1, 0}},
		{"binh", [][]string{{"Xã Hòa", "Xã Bình"}, {"Xã Bình"}}, []int{1, 0}},
		{"binh", [][]string{{"page:Xã Bình"}, {"Xã Bình"}}, []int{1, 0}},
		{"binh", [][]string{{"Xã Bình"}, {"Xã Bình"}}, []int{0, 1}},
		{"son binh", [][]string{{"Bình Sơn"}, {"Sơn"}}, []int{0}},
		{"so noi", [][]string{{"Sở Nội vụ"}, {"Sở Ngoại vụ"}}, []int{0}},
		{"Đắk", [][]string{{"Dak Lak"}, {"Đắk Lắk"}}, []int{1, 0}},
	} {
		var entries []searchEntry
		for _, ns := range tc.names {
			e := searchEntry{Kind: searchUnit, Names: slices.Clone(ns)}
			if t, ok := strings.CutPrefix(ns[0], "page:"); ok {
				e.Kind, e.Names[0] = searchPageKind, t
			}
			entries = append(entries, e)
		}
		var got []int
		for _, h := range findEntries(entries, tc.q) {
			got = append(got, h.Entry)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q over %v: %v, want %v", tc.q, tc.names, got, tc.want)
		}
	}
}

// searchIndex is the index file as search.js reads it.
type searchIndex struct {
	K []string            `json:"k"`
	S []string            `json:"s"`
	P [][2]any            `json:"p"`
	I [][]json.RawMessage `json:"i"`
}

// str is what search.js's str does: a number stands for a string of "s".
func (ix *searchIndex) str(v any) string {
	if n, ok := v.(float64); ok {
		return ix.S[int(n)]
	}
	return v.(string)
}

// expand does what search.js's expand does: names and keys written out.
func (ix *searchIndex) expand(t *testing.T, raw json.RawMessage, key bool) []string {
	t.Helper()
	var parts []any
	if err := json.Unmarshal(raw, &parts); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range parts {
		switch v := p.(type) {
		case []any:
			i := int(v[0].(float64))
			if key {
				out = append(out, ix.str(ix.P[i][1])+" "+ix.str(v[1]))
			} else {
				out = append(out, ix.str(ix.P[i][0])+ix.str(v[1]))
			}
		default:
			out = append(out, ix.str(v))
		}
	}
	return out
}

// The index holds every entry, each name with its key (viet.Key), written
// out once: names shared through the prefixes expand to the full names.
func TestSearchIndexFile(t *testing.T) {
	f := searchFixture()
	files := build(t, f.input("/"), 2)
	b := files["tim-kiem/chi-muc.json"]
	var ix searchIndex
	if err := json.Unmarshal(b, &ix); err != nil {
		t.Fatal(err)
	}
	entries := searchEntriesOf(t, f)
	if len(ix.I) != len(entries) {
		t.Fatalf("%d entries in the index, want %d", len(ix.I), len(entries))
	}
	for i, it := range ix.I {
		names, keys := ix.expand(t, it[2], false), ix.expand(t, it[3], true)
		if !slices.Equal(names, entries[i].Names) {
			t.Errorf("entry %d: names %q, want %q", i, names, entries[i].Names)
		}
		for j, n := range names {
			if keys[j] != viet.Key(n) {
				t.Errorf("entry %d: key of %q is %q, want %q", i, n, keys[j], viet.Key(n))
			}
		}
	}
	// No string is written twice (the short ones may: their number in
	// "s" would be as long).
	var all []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if len(x) > 3 {
				all = append(all, x)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		case map[string]any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	var doc any
	_ = json.Unmarshal(b, &doc)
	walk(doc)
	seen := map[string]bool{}
	for _, s := range all {
		if seen[s] {
			t.Errorf("%q written twice", s)
		}
		seen[s] = true
	}
	if !strings.Contains(string(b), `"xa dak lak"`) {
		t.Errorf("the former name's key is missing:\n%s", b)
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("chữ ", 60)
	for _, tc := range []struct{ in, want string }{
		{"<p>Một <em>câu</em>.</p>", "Một câu."},
		{"<h2>Tiêu đề</h2>\n<p>Đoạn &amp; văn</p>", "Tiêu đề Đoạn & văn"},
		{"<p>Trước</p><table><tr><td>1</td></tr></table><p>Sau</p>", "Trước Sau"},
		{"", ""},
		{"<p>" + long + "</p>", strings.TrimSpace(strings.Repeat("chữ ", 40)) + "…"},
	} {
		if got := excerpt(tc.in); got != tc.want {
			t.Errorf("excerpt(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Atom, as much of RFC 4287 as the feeds use.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Link    struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

// checkAtom checks a feed's structure: the elements Atom requires, dates
// in RFC 3339, entries unique and newest first, links under prefix.
func checkAtom(t *testing.T, name string, b []byte, prefix string) *atomDoc {
	t.Helper()
	var f atomDoc
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: not Atom: %v", name, err)
	}
	if f.Title == "" || f.ID == "" || f.Author.Name == "" {
		t.Errorf("%s: title %q, id %q, author %q: all required", name, f.Title, f.ID, f.Author.Name)
	}
	if !strings.Contains(f.ID, ":") {
		t.Errorf("%s: id %q is not an absolute IRI", name, f.ID)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("%s: updated %q: %v", name, f.Updated, err)
	}
	self := false
	for _, l := range f.Links {
		self = self || l.Rel == "self" && strings.HasSuffix(l.Href, "/"+strings.TrimPrefix(name, "/"))
		if !strings.HasPrefix(l.Href, prefix) {
			t.Errorf("%s: link %s not under %s", name, l.Href, prefix)
		}
	}
	if !self {
		t.Errorf("%s: no rel=self link to itself", name)
	}
	ids := map[string]bool{}
	prev := ""
	for _, e := range f.Entries {
		if e.Title == "" || e.ID == "" || !strings.Contains(e.ID, ":") || e.Link.Href == "" {
			t.Errorf("%s: entry %+v lacks title, id or link", name, e)
		}
		if ids[e.ID] {
			t.Errorf("%s: id %s twice", name, e.ID)
		}
		ids[e.ID] = true
		if !strings.HasPrefix(e.Link.Href, prefix) {
			t.Errorf("%s: entry link %s not under %s", name, e.Link.Href, prefix)
		}
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("%s: entry updated %q: %v", name, e.Updated, err)
		}
		if prev != "" && e.Updated > prev {
			t.Errorf("%s: entries not newest first (%s after %s)", name, e.Updated, prev)
		}
		prev = e.Updated
	}
	if len(f.Entries) > 0 && f.Updated != f.Entries[0].Updated {
		t.Errorf("%s: updated %s, newest entry %s", name, f.Updated, f.Entries[0].Updated)
	}
	return &f
}

type sitemapDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc string `xml:"loc"`
	} `xml:"url"`
}

// Feeds, sitemap and robots.txt under a base URL that names a host:
// absolute addresses everywhere (goldens), and their structure checked.
func TestFeedsAndSitemap(t *testing.T) {
	const base = "https://portal.example.gov.vn/chi-so-cchc/"
	in := newFixture("").input(base)
	files := build(t, in, 2)
	for path, golden := range map[string]string{
		"sitemap.xml":               "sitemap.xml",
		"robots.txt":                "robots-host.txt",
		"feed.xml":                  "feed-host.xml",
		"don-vi/so-noi-vu/atom.xml": "unit-feed-host.xml",
	} {
		got, ok := files[path]
		if !ok {
			t.Errorf("%s not written", path)
			continue
		}
		p := filepath.Join("testdata", golden)
		if *update {
			if err := os.WriteFile(p, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/site -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; rerun with -update and review the diff:\n%s", path, p, firstDiff(got, want))
		}
	}
	site := checkAtom(t, "feed.xml", files["feed.xml"], base)
	if len(site.Entries) < 3 {
		t.Errorf("site feed: %d entries", len(site.Entries))
	}
	unit := checkAtom(t, "don-vi/so-noi-vu/atom.xml", files["don-vi/so-noi-vu/atom.xml"], base)
	years := 0
	for _, e := range unit.Entries {
		if strings.HasPrefix(e.Title, "Năm ") {
			years++
		}
	}
	if years != 2 {
		t.Errorf("unit feed: %d results, want 2 (2022 and 2023)", years)
	}
	var sm sitemapDoc
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	planned := map[string]bool{}
	for _, p := range Plan(in) {
		planned[p.URL] = true
	}
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		rel, ok := strings.CutPrefix(u.Loc, base)
		if !ok {
			t.Errorf("sitemap: %s not under %s", u.Loc, base)
			continue
		}
		if !planned["/"+rel] {
			t.Errorf("sitemap: %s is no page", u.Loc)
		}
		listed["/"+rel] = true
	}
	for u := range planned {
		if listed[u] != sitemapped(u) {
			t.Errorf("sitemap: %s listed %v, want %v", u, listed[u], sitemapped(u))
		}
	}
	if !strings.Contains(string(files["robots.txt"]), "Sitemap: "+base+"sitemap.xml\n") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", files["robots.txt"])
	}
}

// A base URL without host: no sitemap (its addresses must be absolute),
// feeds with root-relative links and urn: ids.
func TestFeedsWithoutHost(t *testing.T) {
	files := build(t, newFixture("").input("/chi-so-cchc/"), 2)
	if _, ok := files["sitemap.xml"]; ok {
		t.Error("sitemap.xml written without a host")
	}
	if strings.Contains(string(files["robots.txt"]), "Sitemap") {
		t.Errorf("robots.txt names a sitemap:\n%s", files["robots.txt"])
	}
	f := checkAtom(t, "feed.xml", files["feed.xml"], "/chi-so-cchc/")
	if !strings.HasPrefix(f.ID, "urn:parindex:thu-nghiem:") {
		t.Errorf("feed id %s", f.ID)
	}
}

// Every page says what it shows in a description of its own.
func TestDescriptions(t *testing.T) {
	files := build(t, newFixture("").input("/"), 2)
	seen := map[string]string{}
	for path, b := range files {
		if !strings.HasSuffix(path, ".html") || strings.HasPrefix(strings.TrimPrefix(path, "en/"), "nhung/") || strings.Contains(path, "bao-cao") {
			continue
		}
		s := string(b)
		i := strings.Index(s, `<meta name="description" content="`)
		if i < 0 {
			t.Errorf("%s: no description", path)
			continue
		}
		d := s[i+len(`<meta name="description" content="`):]
		d = d[:strings.IndexByte(d, '"')]
		if len([]rune(d)) < 20 || len([]rune(d)) > descLen+1 {
			t.Errorf("%s: description %q", path, d)
		}
		if prev, ok := seen[d]; ok {
			t.Errorf("%s and %s have the same description %q", path, prev, d)
		}
		seen[d] = path
		locale := `<meta property="og:locale" content="vi_VN">`
		if strings.HasPrefix(path, "en/") {
			locale = `<meta property="og:locale" content="en_GB">`
		}
		for _, tag := range []string{`<meta property="og:title"`, locale, `type="application/atom+xml"`} {
			if !strings.Contains(s, tag) {
				t.Errorf("%s lacks %s", path, tag)
			}
		}
	}
}
