package site

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"parindex"
)

// Rule: `check` parses the project's own templates over the built-in
// theme and reports each mistake at file:line.
func TestCheckTheme(t *testing.T) {
	tests := []struct {
		name string
		own  map[string]string
		want []string
	}{{
		name: "the built-in theme is clean",
	}, {
		name: "a good override",
		own:  map[string]string{"templates/page.html": "{{define \"content\"}}<h1>{{$.Page.Title}}</h1>{{end}}"},
	}, {
		name: "a syntax error",
		own:  map[string]string{"templates/home.html": "{{define \"content\"}}\n<h1>{{.Data.Title}</h1>\n{{end}}"},
		want: []string{"templates/home.html:2: error: bad character U+007D '}'"},
	}, {
		name: "an unknown function",
		own:  map[string]string{"templates/year.html": "{{define \"content\"}}\n\n{{money .Data.Year}}{{end}}"},
		want: []string{`templates/year.html:3: error: function "money" not defined`},
	}, {
		name: "no content",
		own:  map[string]string{"templates/units.html": "<p>Đơn vị</p>"},
		want: []string{`templates/units.html:1: error: a page template must define "content" ({{define "content"}}…{{end}})`},
	}, {
		name: "an attribute left open",
		own:  map[string]string{"templates/decisions.html": "{{define \"content\"}}\n<a href=\"{{url \"/\"}}>x</a>{{end}}"},
		want: []string{`templates/decisions.html:2: error: ends inside an attribute value: a closing " is missing`},
	}, {
		name: "a broken layout stops there",
		own:  map[string]string{"templates/layout/base.html": "{{define \"base\"}}{{template \"content\" .}}{{end}\n"},
		want: []string{"templates/layout/base.html:1: error: bad character U+007D '}'"},
	}, {
		name: "a layout override breaks a built-in page",
		own:  map[string]string{"templates/layout/base.html": "{{define \"base\"}}{{template \"content\" .}}{{end}}"},
		// The first page in name order that uses a template the layout no
		// longer defines; then "(and N further errors…)", N growing with
		// the page kinds.
		want: []string{"error: built-in template templates/areas.html:75: no such template \"pager\": the layout (templates/layout/) must define every template the pages use (and "},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theme := fstest.MapFS{}
			if err := fs.WalkDir(parindex.Theme, "templates", func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					b, _ := fs.ReadFile(parindex.Theme, p)
					theme[p] = &fstest.MapFile{Data: b}
				}
				return err
			}); err != nil {
				t.Fatal(err)
			}
			own := fstest.MapFS{}
			for name, text := range tt.own {
				theme[name] = &fstest.MapFile{Data: []byte(text)}
				own[name] = &fstest.MapFile{Data: []byte(text)}
			}
			var got []string
			for _, d := range CheckTheme(theme, own).Folded() {
				got = append(got, d.String())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("got  %s\nwant %s…", got[i], tt.want[i])
				}
			}
		})
	}
}
