package site

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"parindex"
)

// extrasView writes two files besides its page, both .json: its
// language's own and one both languages share.
type extrasView struct{}

func (extrasView) extraFiles(*env) ([]extraFile, error) {
	return []extraFile{
		{Path: "/thu/rieng.json", Data: []byte("{}\n")},
		sharedFile("/thu/chung.json", []byte("{}\n")),
	}, nil
}

// A file a page writes is its language's unless its writer declares it
// shared, whatever its extension: the English page writes its own .json
// under /en/ and leaves the shared one to the Vietnamese page.
func TestExtraFileSharedOnlyWhenDeclared(t *testing.T) {
	langs := newLangSet(nil)
	for _, tc := range []struct {
		lang *lang
		want []string
	}{
		{langs.vi, []string{"thu/chung.json", "thu/rieng.json"}},
		{langs.en, []string{"en/thu/rieng.json"}},
	} {
		var got []string
		e := &env{lang: tc.lang}
		err := e.renderExtras(extrasView{}, func(p string, _ []byte) error {
			got = append(got, p)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s page wrote %v, want %v", tc.lang.Code, got, tc.want)
		}
	}
	// Links follow the same declaration.
	for _, tc := range []struct {
		u    any
		want string
	}{
		{"/thu/rieng.json", "/en/thu/rieng.json"},
		{sharedURL("/thu/chung.json"), "/thu/chung.json"},
		{"/nam/2023/", "/en/nam/2023/"},
		{"/du-lieu/khac.json", "/en/du-lieu/khac.json"},
		{"/static/css/site.css", "/static/css/site.css"},
		{"/files/2023/qd.pdf", "/files/2023/qd.pdf"},
	} {
		if got := langs.en.href(tc.u); got != tc.want {
			t.Errorf("English link to %v = %s, want %s", tc.u, got, tc.want)
		}
		if got := langs.vi.href(tc.u); got != strings.TrimPrefix(tc.want, "/en") {
			t.Errorf("Vietnamese link to %v = %s", tc.u, got)
		}
	}
}

// The open data files are made once per Render and listed by both
// languages' /du-lieu/ pages; rendered alone (a preview), the English
// page makes and writes them, the same bytes as a full build's.
func TestOpenDataMadeOnce(t *testing.T) {
	in := newFixture("").input("/")
	full, _ := dataFiles(t, in)

	var en []Page
	for _, p := range Plan(in) {
		if p.URL == "/en"+urlData {
			en = append(en, p)
		}
	}
	if len(en) != 1 {
		t.Fatalf("no English data page")
	}
	var w mapWriter
	if err := Render(in, parindex.Theme, en, 1, &w); err != nil {
		t.Fatal(err)
	}
	n := 0
	for p, b := range w.files {
		rest, ok := strings.CutPrefix(p, "du-lieu/")
		if !ok {
			continue
		}
		n++
		if !bytes.Equal(b, full[rest]) {
			t.Errorf("%s differs from the full build's", p)
		}
	}
	if n != len(full) {
		t.Errorf("the English page alone wrote %d data files, a full build %d", n, len(full))
	}
	// Both pages list the same checksums.
	all := build(t, in, 2)
	sums := regexp.MustCompile(`<code class="sha">([0-9a-f]{64})</code>`)
	list := func(page string) []string {
		var out []string
		for _, m := range sums.FindAllSubmatch(all[page], -1) {
			out = append(out, string(m[1]))
		}
		return out
	}
	vi, enSums := list("du-lieu/index.html"), list("en/du-lieu/index.html")
	if len(vi) == 0 || !slices.Equal(vi, enSums) {
		t.Errorf("the two data pages list different checksums:\n%v\n%v", vi, enSums)
	}
}

// openData.get runs publish once, however many pages ask at once.
func TestOpenDataOnce(t *testing.T) {
	var d openData
	var calls atomic.Int32
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			files, err := d.get(func() ([]dataFile, error) {
				calls.Add(1)
				return []dataFile{{URL: "/du-lieu/a.csv"}}, nil
			})
			if err != nil || len(files) != 1 {
				t.Errorf("get = %v, %v", files, err)
			}
		}()
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("publish called %d times", calls.Load())
	}
}
