package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"parindex"
	"parindex/internal/par"
)

// englishFixture is the site fixture with some English names and one
// English narrative (content/units/so-noi-vu/2023.en.md), so the English
// pages show both an English and a Vietnamese-only narrative.
func englishFixture() *fixture {
	f := newFixture("")
	for _, g := range f.ds.Registry.Groups {
		if g.ID == "so" {
			g.NameEn = "Provincial departments"
		}
	}
	for _, u := range f.ds.Registry.Units {
		if u.ID == "so-tai-chinh" {
			// Before "Department of Home Affairs" in English, after "Sở Nội
			// vụ" in Vietnamese; tied at rank 2 in 2023 with a unit listed
			// in Vietnamese (order_test.go).
			u.Names[0].NameEn = "Department of Finance"
		}
	}
	// The 2022 tie (rank 2) in the order internal/compute gives ties, by
	// Vietnamese name: Sở Lao động – Thương binh và Xã hội before Sở Nội vụ.
	for _, rk := range f.res.Rankings {
		if rk.Year == 2022 && rk.Group.ID == "so" && rk.Results[1].Unit.ID == "so-noi-vu" && rk.Results[2].Unit.ID == "so-lao-dong" {
			rk.Results[1], rk.Results[2] = rk.Results[2], rk.Results[1]
		}
	}
	f.ds.Site.TitleEn = "Public Administration Reform Index of Thu Nghiem province"
	f.ds.Site.PublisherEn = "Department of Home Affairs of Thu Nghiem province"
	f.ds.Docs = append(f.ds.Docs, &par.Doc{Kind: par.DocUnitYear, Path: "content/units/so-noi-vu/2023.en.md", Lang: langEn,
		Unit: "so-noi-vu", Year: 2023, Body: []byte("<p>In 2023 the department lost points on criterion I.1.2.</p>")})
	return f
}

// renderEnglish renders the whole fixture and returns its files and the
// texts looked up without an English entry.
func renderEnglish(t *testing.T) (map[string][]byte, []Page, []string) {
	t.Helper()
	var mu sync.Mutex
	missed := map[string]bool{}
	in := englishFixture().input("/")
	in.Untranslated = func(k string) {
		mu.Lock()
		defer mu.Unlock()
		missed[k] = true
	}
	pages := Plan(in)
	var w mapWriter
	if err := Render(in, parindex.Theme, pages, 2, &w); err != nil {
		t.Fatal(err)
	}
	return w.files, pages, slices.Sorted(maps.Keys(missed))
}

// Every text the English pages look up has an English entry.
func TestEnglishCatalog(t *testing.T) {
	_, _, missed := renderEnglish(t)
	for _, k := range missed {
		t.Errorf("no English for %q (add it to lang_en.go)", k)
	}
}

// untranslatedKinds are the page templates whose English pages still show
// Vietnamese text of the interface: known gaps, listed so that the test
// below holds every other kind to the rule. Empty it as they are done.
var untranslatedKinds = map[string]bool{}

// On an English page, every text with Vietnamese letters is inside an
// element marked lang="vi" (a name without an English one, a narrative
// only in Vietnamese): an interface text left untranslated fails.
func TestEnglishPagesMarkVietnamese(t *testing.T) {
	files, pages, _ := renderEnglish(t)
	gaps := map[string]int{}
	checked := 0
	for _, p := range pages {
		if p.Lang != langEn {
			continue
		}
		out := files[OutputPath(p.URL)]
		bad := unmarkedVietnamese(out)
		checked++
		if len(bad) == 0 {
			continue
		}
		if untranslatedKinds[p.Template] {
			gaps[p.Template]++
			continue
		}
		for _, s := range bad[:min(len(bad), 5)] {
			t.Errorf("%s (%s): Vietnamese text not marked lang=\"vi\": %q", p.URL, p.Template, s)
		}
	}
	// The embed pages are checked too.
	for name, b := range files {
		if !strings.HasPrefix(name, "en/nhung/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		bad := unmarkedVietnamese(b)
		if len(bad) > 0 && untranslatedKinds[embedTemplate] {
			gaps[embedTemplate]++
			continue
		}
		for _, s := range bad[:min(len(bad), 3)] {
			t.Errorf("%s: Vietnamese text not marked lang=\"vi\": %q", name, s)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(untranslatedKinds)) {
		if gaps[k] == 0 {
			t.Errorf("template %s is listed as untranslated but its English pages pass: remove it from untranslatedKinds", k)
		} else {
			t.Logf("known gap: %d English pages of template %s show untranslated text", gaps[k], k)
		}
	}
	if checked < 50 {
		t.Errorf("only %d English pages checked", checked)
	}
}

// vietLetters are the letters only Vietnamese uses among the site's
// languages.
const vietLetters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" +
	"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

var langAttr = regexp.MustCompile(`\slang="([a-z-]+)"`)

// unmarkedVietnamese lists the text nodes of a page that hold Vietnamese
// letters outside an element with lang="vi". <title> and <textarea> are
// left out (no markup can go there) and so are scripts (JSON data).
func unmarkedVietnamese(page []byte) []string {
	type open struct {
		name string
		vi   bool
	}
	var stack []open
	inVi := func() bool {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].name == "!lang" {
				continue
			}
			return stack[i].vi
		}
		return false
	}
	var bad []string
	s := string(page)
	for s != "" {
		i := strings.IndexByte(s, '<')
		text := s
		if i >= 0 {
			text = s[:i]
		}
		if strings.ContainsAny(text, vietLetters) && !inVi() {
			skip := false
			for _, o := range stack {
				// <title> and a <textarea> (the embed code to copy) hold
				// plain text only: no element can mark a phrase there.
				if o.name == "title" || o.name == "script" || o.name == "style" || o.name == "textarea" {
					skip = true
				}
			}
			if !skip {
				bad = append(bad, strings.TrimSpace(text))
			}
		}
		if i < 0 {
			break
		}
		s = s[i:]
		if strings.HasPrefix(s, "<!--") {
			j := strings.Index(s, "-->")
			if j < 0 {
				break
			}
			s = s[j+3:]
			continue
		}
		j := strings.IndexByte(s, '>')
		if j < 0 {
			break
		}
		tag := s[:j+1]
		s = s[j+1:]
		name := tagName([]byte(tag))
		switch {
		case strings.HasPrefix(name, "!"):
		case strings.HasPrefix(name, "/"):
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].name == name[1:] {
					stack = stack[:k]
					break
				}
			}
		case voidElements[name] || strings.HasSuffix(tag, "/>"):
		default:
			vi := inVi()
			if m := langAttr.FindStringSubmatch(tag); m != nil {
				vi = m[1] == langVi
			}
			stack = append(stack, open{name: name, vi: vi})
			if name == "script" || name == "style" {
				// raw text: skip to the end tag
				end := strings.Index(s, "</"+name)
				if end >= 0 {
					s = s[end:]
				}
			}
		}
	}
	return bad
}

// The checker itself: marked and unmarked text, nesting, void elements.
func TestUnmarkedVietnamese(t *testing.T) {
	for _, tc := range []struct {
		page string
		want []string
	}{
		{`<html lang="en"><p>Units</p></html>`, nil},
		{`<html lang="en"><p>Đơn vị</p></html>`, []string{"Đơn vị"}},
		{`<html lang="en"><p><span lang="vi">Sở Nội vụ</span> ranked first</p></html>`, nil},
		{`<html lang="en"><div lang="vi"><p>Năm <br>2023 <b>mất điểm</b></p></div><p>Tổng</p></html>`, []string{"Tổng"}},
		{`<html lang="en"><head><title>Sở Nội vụ — PAR Index</title></head></html>`, nil},
		{`<html lang="en"><script type="application/json">{"a":"Điểm"}</script><p>ok</p></html>`, nil},
		{`<html lang="en"><a href="x" title="Điểm">x</a></html>`, nil},
	} {
		if got := unmarkedVietnamese([]byte(tc.page)); !slices.Equal(got, tc.want) {
			t.Errorf("unmarkedVietnamese(%s) = %q, want %q", tc.page, got, tc.want)
		}
	}
}

// Every page links the same page in the other language, for readers (the
// switch) and for search engines (rel="alternate" hreflang).
func TestLanguageSwitch(t *testing.T) {
	files, pages, _ := renderEnglish(t)
	planned := map[string]bool{}
	for _, p := range pages {
		planned[p.URL] = true
	}
	counts := map[string]int{}
	for _, p := range pages {
		counts[p.Lang]++
		other, otherLang := "/en"+p.URL, langEn
		if p.Lang == langEn {
			other, otherLang = unprefixed(p.URL, langEn), langVi
		}
		if !planned[other] {
			t.Errorf("%s: the page in the other language, %s, is not planned", p.URL, other)
		}
		out := string(files[OutputPath(p.URL)])
		wants := []string{`<html lang="` + p.Lang + `">`}
		if p.Template != "404" { // served at any missing address: no alternates
			wants = append(wants,
				`<link rel="alternate" hreflang="`+p.Lang+`" href="`+p.URL+`">`,
				`<link rel="alternate" hreflang="`+otherLang+`" href="`+other+`">`)
		}
		for _, want := range wants {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %s", p.URL, want)
			}
		}
		if p.Template == "report" {
			continue // a printed document: no navigation
		}
		if want := `<a href="` + other + `" hreflang="` + otherLang + `" lang="` + otherLang + `">`; !strings.Contains(out, want) {
			t.Errorf("%s: no language switch %s", p.URL, want)
		}
	}
	if counts[langVi] == 0 || counts[langVi] != counts[langEn] {
		t.Errorf("pages by language: %v, want as many English as Vietnamese", counts)
	}
}

// English goldens: a few pages of the English site.
var englishGoldens = map[string]string{
	"en/index.html":                       "en-home.html",
	"en/404.html":                         "en-404.html",
	"en/nam/2023/so/index.html":           "en-ranking.html",
	"en/don-vi/so-noi-vu/2023/index.html": "en-unit-year.html",
	"en/du-lieu/index.html":               "en-data.html",
	"en/du-lieu/tu-dien/index.html":       "en-data-dictionary.html",
	"en/don-vi/index.html":                "en-units.html",
	"en/khoi/so/index.html":               "en-group.html",
}

func TestEnglishGolden(t *testing.T) {
	files, _, _ := renderEnglish(t)
	checkGoldens(t, files, englishGoldens)
}

// Narratives: the English one where given, else the Vietnamese one with a
// notice; names: the English one where given, else marked Vietnamese.
func TestEnglishNarrativesAndNames(t *testing.T) {
	files, _, _ := renderEnglish(t)
	uy := string(files["en/don-vi/so-noi-vu/2023/index.html"])
	if !strings.Contains(uy, "In 2023 the department lost points") || strings.Contains(uy, "Năm 2023 mất điểm") {
		t.Error("the English unit-year page does not show the English narrative")
	}
	if !strings.Contains(string(files["en/nam/2023/so/index.html"]), ">Department of Home Affairs</a>") {
		t.Error("the English ranking does not use the unit's English name")
	}
	unit := string(files["en/don-vi/so-noi-vu/index.html"])
	for _, want := range []string{"This commentary is available in Vietnamese only.", `<div lang="vi">`, "Cơ quan chủ trì công tác CCHC"} {
		if !strings.Contains(unit, want) {
			t.Errorf("the English unit page (Vietnamese narrative only) lacks %q", want)
		}
	}
	vi := string(files["don-vi/so-noi-vu/2023/index.html"])
	if !strings.Contains(vi, "Năm 2023 mất điểm") || strings.Contains(vi, "In 2023 the department") {
		t.Error("the Vietnamese unit-year page does not show the Vietnamese narrative")
	}
	ranking := string(files["en/nam/2023/xa/index.html"])
	if !strings.Contains(ranking, `<span lang="vi">UBND xã Tân Phú</span>`) {
		t.Error("a name without an English one is not marked lang=\"vi\"")
	}
	if strings.Contains(ranking, viOpen) || strings.Contains(ranking, viClose) {
		t.Error("marks of Vietnamese phrases left in the page")
	}
}

func TestEnglishNumbersAndDates(t *testing.T) {
	l := newLang(langEn, nil)
	for in, want := range map[string]string{
		"85,25": "85.25", "1.234,5": "1,234.5", "−0,25": "−0.25", "+1,25": "+1.25", "—": "—", "5/20": "5/20", "12": "12", "85,25%": "85.25%",
	} {
		if got := l.num(in); got != want {
			t.Errorf("num(%q) = %q, want %q", in, got, want)
		}
	}
	if got := l.date(par.Date{Year: 2026, Month: 12, Day: 5}); got != "5 December 2026" {
		t.Errorf("date = %q", got)
	}
	if got := newLang(langVi, nil).num("85,25"); got != "85,25" {
		t.Errorf("Vietnamese num changed: %q", got)
	}
}

func TestMarkForeign(t *testing.T) {
	n := foreign("Sở Tài chính")
	page := "<title>" + n + " — PAR</title><p title=\"" + n + "\">" + n + " ranks</p><script>{\"a\":\"" + n + "\"}</script><textarea>" + n + "</textarea>"
	want := `<title>Sở Tài chính — PAR</title><p title="Sở Tài chính"><span lang="vi">Sở Tài chính</span> ranks</p><script>{"a":"Sở Tài chính"}</script><textarea>Sở Tài chính</textarea>`
	if got := string(markForeign([]byte(page))); got != want {
		t.Errorf("markForeign:\n got %s\nwant %s", got, want)
	}
}

// tKey finds the texts the templates translate: {{t "…"}} and {{tf "…" …}}.
var tKey = regexp.MustCompile(`\{\{-? *tf? ("(?:[^"\\]|\\.)*")`)

// Every text a template of the theme translates has an English entry,
// whether or not the fixture reaches it.
func TestTemplateTextsHaveEnglish(t *testing.T) {
	files, err := fs.Glob(parindex.Theme, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	shared, _ := fs.Glob(parindex.Theme, sharedGlob)
	n := 0
	for _, f := range append(files, shared...) {
		b, err := fs.ReadFile(parindex.Theme, f)
		if err != nil {
			t.Fatal(err)
		}
		n += checkEnglishKeys(t, f, b, tKey)
	}
	if n < 50 {
		t.Errorf("only %d texts found in the templates; the pattern is probably wrong", n)
	}
}

// checkEnglishKeys fails on each text that re (its first group a quoted
// Go string) finds in src, file f, without an English entry, and returns
// how many it found.
func checkEnglishKeys(t *testing.T, f string, src []byte, re *regexp.Regexp) int {
	t.Helper()
	n := 0
	for _, m := range re.FindAllSubmatch(src, -1) {
		key, err := strconv.Unquote(string(m[1]))
		if err != nil {
			t.Errorf("%s: %s: %v", f, m[1], err)
			continue
		}
		n++
		if _, ok := catalogEn[key]; !ok {
			t.Errorf("%s: no English for %q (add it to lang_en.go)", f, key)
		}
	}
	return n
}

// goKey finds the texts the Go code translates: .T("…") and .F("…", …).
var goKey = regexp.MustCompile(`\.(?:T|F)\(("(?:[^"\\]|\\.)*")`)

// Every text the site's Go code translates has an English entry, whether
// or not the fixture reaches it.
func TestGoTextsHaveEnglish(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	charts, err := filepath.Glob("../chart/*.go") // the charts speak the page's language too
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, charts...)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n += checkEnglishKeys(t, f, b, goKey)
	}
	if n < 50 {
		t.Errorf("only %d texts found in the Go code; the pattern is probably wrong", n)
	}
}

// The data files are written once, in Vietnamese, for both languages: the
// English /du-lieu/ lists the very checksums of the files written, even
// those naming a unit that has an English name (a commune's district).
func TestEnglishDataChecksums(t *testing.T) {
	files, _, _ := renderEnglish(t)
	pages := map[string][]byte{"vi": files["du-lieu/index.html"], "en": files["en/du-lieu/index.html"]}
	n := 0
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasPrefix(name, "du-lieu/") || strings.HasSuffix(name, ".html") {
			continue
		}
		sum := sha256.Sum256(files[name])
		n++
		for _, lg := range []string{"vi", "en"} {
			if !bytes.Contains(pages[lg], []byte(hex.EncodeToString(sum[:]))) {
				t.Errorf("%s: the %s data page does not list its checksum", name, lg)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d data files written", n)
	}
}
