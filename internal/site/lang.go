package site

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"parindex/internal/chart"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// The site is published in Vietnamese at its URLs and in English under
// /en/ at the same paths ("/nam/2023/" and "/en/nam/2023/"). Every page of
// every kind is planned once per language (Page.Lang); the language is a
// value handed down to the model that builds the views, the template
// functions and the Go writers of markup, never global state.
//
// Translation is gettext style, keyed by the Vietnamese source text, so
// that templates and Go code stay readable Vietnamese first:
//
//	{{t "Bảng xếp hạng"}}                   in a template
//	{{tf "Kết quả năm %d" .Year}}           printf style
//	m.lang.T("Các năm")                     in Go
//	m.lang.F("Kết quả năm %d", year)        in Go, printf style
//
// The English catalog is lang_en.go. A key without an English entry is
// recorded (Input.Untranslated) and shown in Vietnamese, which the tests
// catch: they fail on any recorded miss and on Vietnamese text outside an
// element marked lang="vi".
//
// Names from the data (units, groups, frameworks, areas, criteria, bands)
// are shown under their English name where the data gives one (name_en,
// title_en …), else under the Vietnamese one marked lang="vi": lang.name
// wraps such a name in two private-use characters, which travel with the
// string through every view, template and Go writer, and which the page's
// last pass (markForeign) turns into <span lang="vi">…</span> in text and
// drops where no markup can go (attributes, <title>, scripts, CSV).

// lang is one language of the site.
type lang struct {
	Code   string // "vi" or "en", for <html lang> and hreflang
	Prefix string // URL prefix of its pages: "" or "/en"
	cat    map[string]string
	miss   func(key string) // called for a key without an entry; nil: ignore
	// set is the site's languages this one was made with: what a page
	// writes in Vietnamese whatever its own language (the data files,
	// the feeds, a decision's formal name) takes set.vi, never a lang
	// made on the spot.
	set *langSet
}

// langSet is the site's languages, made once by Plan and once by Render
// and handed down through each model's and env's lang.
type langSet struct {
	vi, en *lang
}

func newLangSet(miss func(string)) *langSet {
	s := &langSet{}
	s.vi = &lang{Code: langVi, set: s}
	s.en = &lang{Code: langEn, Prefix: "/en", cat: catalogEn, miss: miss, set: s}
	return s
}

// of is the language of code, Vietnamese for any other.
func (s *langSet) of(code string) *lang {
	if code == langEn {
		return s.en
	}
	return s.vi
}

// Languages of the site, Vietnamese first.
const (
	langVi = "vi"
	langEn = "en"
)

var langCodes = []string{langVi, langEn}

// newLang is the language of code of a new langSet (tests, and checks
// that render nothing).
func newLang(code string, miss func(string)) *lang { return newLangSet(miss).of(code) }

func (l *lang) vi() bool { return l == nil || l.Code == langVi }

// T translates the Vietnamese text s.
func (l *lang) T(s string) string {
	if l.vi() || s == "" {
		return s
	}
	if t, ok := l.cat[s]; ok {
		return t
	}
	if l.miss != nil {
		l.miss(s)
	}
	return s
}

// F translates the format and formats it, as fmt.Sprintf. Numbers given
// as strings are formatted by the caller (lang.num, lang.pts).
func (l *lang) F(format string, args ...any) string {
	return fmt.Sprintf(l.T(format), args...)
}

// name is the name a page in this language shows: the English one when
// given, else the Vietnamese one marked as Vietnamese.
func (l *lang) name(vi, en string) string {
	if l.vi() {
		return vi
	}
	if en != "" {
		return en
	}
	return foreign(vi)
}

// foreign marks a Vietnamese text on an English page (see markForeign).
func foreign(vi string) string {
	if vi == "" || strings.HasPrefix(vi, viOpen) {
		return vi
	}
	return viOpen + vi + viClose
}

// Marks of a Vietnamese phrase inside a string (Unicode private use).
const (
	viOpen  = "\uE000"
	viClose = "\uE001"
)

// num converts a number as internal/viet writes it ("1.234,5", "−0,25",
// "85,25%") to the language's convention: English swaps the decimal comma
// and the thousands point ("1,234.5"). Text that is not a number ("—",
// "5/20") is returned as it is.
func (l *lang) num(s string) string {
	if l.vi() {
		return s
	}
	return enNumber(s)
}

func enNumber(s string) string {
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == ',' || r == '.' || r == '+' || r == '-' || r == '−' || r == '%' || r == ' ':
		default:
			return s
		}
	}
	if !digits || !strings.ContainsAny(s, ",.") {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		switch c {
		case ',':
			b[i] = '.'
		case '.':
			b[i] = ','
		}
	}
	return string(b)
}

var enMonths = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// date is a date in the language's convention: "20/02/2024" or
// "20 February 2024".
func (l *lang) date(d par.Date) string {
	if l.vi() || d.IsZero() || d.Month < 1 || d.Month > 12 {
		return d.String()
	}
	return fmt.Sprintf("%d %s %d", d.Day, enMonths[d.Month-1], d.Year)
}

// path is the URL in this language of the page or file at the
// site-relative path p: under the language's prefix ("/en/nam/2023/"),
// whatever its extension, but for the theme's files and the attachments
// (assetPaths). A file both languages share is declared so by its writer
// (sharedURL) and linked with href.
func (l *lang) path(p string) string {
	if l.vi() || isAsset(p) {
		return p
	}
	return l.Prefix + p
}

// assetPaths are the folders of the files the render stage does not
// write but publish copies, once, beside the pages: the theme's static
// files and the documents' attachments (fileURL). Every language's pages
// link the same.
var assetPaths = []string{"/static/", "/files/"}

func isAsset(p string) bool {
	for _, s := range assetPaths {
		if strings.HasPrefix(p, s) {
			return true
		}
	}
	return false
}

// sharedURL is the site-relative URL of a file a page writes that both
// languages share, written once: the open data files, the search index,
// the feeds, the sitemap, robots.txt. The code that writes such a file
// declares it by naming it with this type (filer, sharedFile); a link
// to it (href: the template function url, markup.sharedURL) is the same
// on every language's pages. Every other file a page writes (an embed
// page, a chart's CSV) is its language's.
type sharedURL string

// href is the URL a page in this language links to for u: a shared file
// as it is, anything else (a page's or a file's site-relative path) as
// path gives it.
func (l *lang) href(u any) string {
	switch v := u.(type) {
	case sharedURL:
		return string(v)
	case string:
		return l.path(v)
	}
	return l.path(fmt.Sprint(u))
}

// unprefixed is a page URL without its language prefix: the path both
// languages share.
func unprefixed(url string, code string) string {
	if code == langEn {
		if rest, ok := strings.CutPrefix(url, "/en"); ok && strings.HasPrefix(rest, "/") {
			return rest
		}
	}
	return url
}

// misses collects the keys looked up without an entry, safe for the
// render workers.
type misses struct {
	mu   sync.Mutex
	keys map[string]bool
	out  func(string)
}

func (m *misses) add(k string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.keys[k] {
		return
	}
	if m.keys == nil {
		m.keys = map[string]bool{}
	}
	m.keys[k] = true
	if m.out != nil {
		m.out(k)
	}
}

// markForeign turns the marks of Vietnamese phrases (lang.name) in an
// English page into <span lang="vi"> in text and drops them inside tags,
// <title>, <script> and <textarea>, where no element can go.
func markForeign(page []byte) []byte {
	if !bytes.Contains(page, []byte(viOpen)) {
		return page
	}
	var b bytes.Buffer
	b.Grow(len(page) + 256)
	raw := "" // the raw-text element we are in ("title", "script", "textarea"), or ""
	for i := 0; i < len(page); {
		c := page[i]
		switch {
		case c == '<':
			j := bytes.IndexByte(page[i:], '>')
			if j < 0 {
				j = len(page) - i - 1
			}
			tag := page[i : i+j+1]
			name := tagName(tag)
			if raw != "" && name != "/"+raw {
				// inside a raw-text element: copy, dropping marks
				b.Write(dropMarks(tag))
				i += j + 1
				continue
			}
			switch name {
			case "title", "script", "textarea":
				raw = name
			case "/title", "/script", "/textarea":
				raw = ""
			}
			b.Write(dropMarks(tag))
			i += j + 1
		case bytes.HasPrefix(page[i:], []byte(viOpen)):
			if raw == "" {
				b.WriteString(`<span lang="vi">`)
			}
			i += len(viOpen)
		case bytes.HasPrefix(page[i:], []byte(viClose)):
			if raw == "" {
				b.WriteString(`</span>`)
			}
			i += len(viClose)
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.Bytes()
}

func tagName(tag []byte) string {
	t := bytes.TrimPrefix(tag, []byte("<"))
	end := bytes.IndexAny(t, " \t\n>/")
	if end == 0 && len(t) > 0 && t[0] == '/' {
		e := bytes.IndexAny(t[1:], " \t\n>")
		if e < 0 {
			return strings.ToLower(string(t))
		}
		return strings.ToLower(string(t[:e+1]))
	}
	if end < 0 {
		end = len(t)
	}
	return strings.ToLower(string(t[:end]))
}

// dropMarks removes the marks of Vietnamese phrases (attributes, CSV,
// JSON).
func dropMarks(b []byte) []byte {
	if !bytes.Contains(b, []byte(viOpen)) && !bytes.Contains(b, []byte(viClose)) {
		return b
	}
	b = bytes.ReplaceAll(b, []byte(viOpen), nil)
	return bytes.ReplaceAll(b, []byte(viClose), nil)
}

// stripMarks is dropMarks for strings.
func stripMarks(s string) string {
	if !strings.Contains(s, viOpen) {
		return s
	}
	return strings.NewReplacer(viOpen, "", viClose, "").Replace(s)
}

// nameOf is the template function nm: the name of a thing from the data in
// the page's language (lang.name). A plain string is a Vietnamese name
// without an English one.
func (l *lang) nameOf(x any) string {
	switch v := x.(type) {
	case *par.Group:
		if v == nil {
			return ""
		}
		return l.name(v.Name, v.NameEn)
	case *par.Unit:
		if v == nil {
			return ""
		}
		n := v.Current()
		return l.name(n.Name, n.NameEn)
	case par.Name:
		return l.name(v.Name, v.NameEn)
	case *par.Framework:
		if v == nil {
			return ""
		}
		return l.name(v.Title, v.TitleEn)
	case *par.Node:
		if v == nil {
			return ""
		}
		return l.name(v.Title, v.TitleEn)
	case par.Band:
		return l.name(v.Name, v.NameEn)
	case *par.Band:
		if v == nil {
			return ""
		}
		return l.name(v.Name, v.NameEn)
	case *par.Result:
		return l.resultName(v)
	case string:
		return l.name(v, "")
	}
	return fmt.Sprint(x)
}

// resultName is the name a result was ranked under, in the language: the
// English name of the unit's name in force that year, if given.
func (l *lang) resultName(r *par.Result) string {
	if l.vi() || r == nil {
		return r.Name
	}
	if r.Unit != nil {
		if n := r.Unit.NameAt(r.Year); n.Name == r.Name && n.NameEn != "" {
			return n.NameEn
		}
	}
	return foreign(r.Name)
}

// bandName is a band's name in the language: its framework's English name
// of the band, if given.
func (l *lang) bandName(fw *par.Framework, m par.BandMark) string {
	if l.vi() || m.Name == "" {
		return m.Name
	}
	if fw != nil {
		if i := fw.BandIndex(m.ID); i >= 0 && fw.Bands[i].NameEn != "" && fw.Bands[i].Name == m.Name {
			return fw.Bands[i].NameEn
		}
	}
	return foreign(m.Name)
}

// Numbers in the language of the model's pages (internal/viet writes the
// Vietnamese form; lang.num converts it).
func (m *model) fixed(p par.Points, dec int) string { return m.lang.num(viet.Fixed(p, dec)) }
func (m *model) exact(p par.Points) string          { return m.lang.num(viet.Exact(p)) }
func (m *model) figure(f par.Figure) string         { return m.lang.num(viet.Figure(f)) }
func (m *model) signed(p par.Points, dec int) string {
	return m.lang.num(signedPoints(p, dec))
}

// The chart package's Lang (chart.Lang): charts speak the page's language.
func (l *lang) Tag() string {
	if l.vi() {
		return langVi
	}
	return l.Code
}
func (l *lang) Num(s string) string       { return l.num(s) }
func (l *lang) Name(vi, en string) string { return l.name(vi, en) }

// chartLang is the lang attribute a chart's figure needs on this page: "vi"
// for a chart still written in Vietnamese on a page in another language,
// else "".
func (l *lang) chartLang(c chart.Chart) string {
	if l.vi() || c.Lang == l.Code {
		return ""
	}
	return langVi
}

// markVi marks s (text already escaped, or a name) as Vietnamese on an
// English page when it has letters beyond ASCII: a sheet's, a band's or a
// decision's name the data give only in Vietnamese.
func (l *lang) markVi(s string) string {
	if l.vi() {
		return s
	}
	for _, r := range s {
		if r > 0x7f {
			return foreign(s)
		}
	}
	return s
}

// size is a file size for readers of this language: "45,2 KB" in
// Vietnamese, "45.2 KB" in English.
func (l *lang) size(n int64) string {
	s := sizeText(n)
	if l.vi() {
		return s
	}
	num, unit, _ := strings.Cut(s, " ")
	if unit == "byte" && n != 1 {
		unit = "bytes"
	}
	return enNumber(num) + " " + unit
}
