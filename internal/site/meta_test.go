package site

import (
	htmlstd "html"
	"regexp"
	"strings"
	"testing"

	"parindex/internal/par"
)

var metaDesc = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)

// The English pages are described in English: the figures of a ranking, a
// unit and a unit-year, English numbers and names (a name given only in
// Vietnamese stays one, unmarked in the attribute).
func TestEnglishDescriptions(t *testing.T) {
	files, _, _ := renderEnglish(t)
	for page, want := range map[string]string{
		"en/index.html": "Public Administration Reform Index of Thu Nghiem province: every unit's results, ranks and bands over the years, with the source data.",
		"en/nam/2023/so/index.html": "Public Administration Reform Index ranking 2023 of the group Provincial departments: 4 units; led by Department of Home Affairs (92.50%); " +
			"published in Decision No. 1007/QĐ-UBND of 20 February 2024.",
		"en/nam/2023/dac-thu/index.html":             "Public Administration Reform Index results 2023 of the group Cơ quan đặc thù: 1 unit scored.",
		"en/don-vi/so-noi-vu/index.html":             "Public Administration Reform Index results of Department of Home Affairs (Provincial departments) over the years; in 2023: rank 1 of 4, index 92.50%, band Tốt.",
		"en/don-vi/so-noi-vu/2023/index.html":        "Department of Home Affairs, 2023: rank 1 of 4, PAR Index 92.50%, band Tốt; the points of every criterion and the points lost.",
		"en/nam/2023/index.html":                     "Public Administration Reform Index results 2023: Provincial departments; UBND cấp huyện; UBND cấp xã; Cơ quan đặc thù.",
		"en/quyet-dinh/1007-qd-ubnd-2024/index.html": "Decision No. 1007/QĐ-UBND of 20 February 2024, publishing the Public Administration Reform Index results 2023: Provincial departments; UBND cấp huyện; UBND cấp xã; Cơ quan đặc thù.",
		"nam/2023/so/index.html": "Bảng xếp hạng Chỉ số cải cách hành chính năm 2023 khối Sở, ban, ngành: 4 đơn vị; dẫn đầu Sở Nội vụ (92,50%); " +
			"công bố theo Quyết định số 1007/QĐ-UBND ngày 20/02/2024.",
		"don-vi/so-noi-vu/index.html": "Kết quả Chỉ số cải cách hành chính của Sở Nội vụ (Sở, ban, ngành) qua các năm; năm 2023: hạng 1/4, chỉ số 92,50%, xếp loại Tốt.",
	} {
		m := metaDesc.FindSubmatch(files[page])
		if m == nil {
			t.Errorf("%s: no description", page)
			continue
		}
		if got := htmlstd.UnescapeString(string(m[1])); got != want {
			t.Errorf("%s: description\n got %q\nwant %q", page, got, want)
		}
	}
}

// An English description holds no Vietnamese beyond the names and numbers
// the data give only in Vietnamese (marked until the attribute drops the
// marks): every page that describes itself by its figures, checked before
// the marks are dropped.
func TestEnglishDescriptionsHoldNoVietnamese(t *testing.T) {
	in := englishFixture().input("/")
	l := newLang(langEn, nil)
	described := map[string]int{}
	for _, p := range Plan(in) {
		if p.Lang != langEn || p.view == nil {
			continue
		}
		v, err := p.view()
		if err != nil {
			t.Fatal(err)
		}
		d, ok := v.(describer)
		if !ok {
			continue
		}
		desc := d.description(l)
		if desc == "" {
			continue
		}
		described[p.Template]++
		if rest := dropMarked(desc); strings.ContainsAny(rest, vietLetters) {
			t.Errorf("%s: Vietnamese in the English description %q", p.URL, desc)
		}
	}
	for _, k := range []string{"ranking", "unit", "unit-year", "year", "decision"} {
		if described[k] == 0 {
			t.Errorf("no English %s page described by its figures (%v)", k, described)
		}
	}
}

// dropMarked removes the phrases marked Vietnamese (lang.name, foreign).
func dropMarked(s string) string {
	for {
		i := strings.Index(s, viOpen)
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], viClose)
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+j+len(viClose):]
	}
}

// A narrative's opening describes a page only in the page's language.
func TestDocIn(t *testing.T) {
	vi, en := newLang(langVi, nil), newLang(langEn, nil)
	for _, c := range []struct {
		doc    string
		vi, en bool
	}{{"", true, false}, {langVi, true, false}, {langEn, false, true}} {
		d := &par.Doc{Lang: c.doc}
		if docIn(d, vi) != c.vi || docIn(d, en) != c.en {
			t.Errorf("docIn(%q): vi %v en %v, want %v %v", c.doc, docIn(d, vi), docIn(d, en), c.vi, c.en)
		}
	}
}
