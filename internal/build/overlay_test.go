package build

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestOverlayTopWins(t *testing.T) {
	base := fstest.MapFS{
		"templates/base.html": {Data: []byte("base")},
		"templates/page.html": {Data: []byte("page")},
		"static/css/site.css": {Data: []byte("css")},
	}
	top := fstest.MapFS{
		"templates/page.html":  {Data: []byte("mine")},
		"static/css/extra.css": {Data: []byte("extra")},
		"data/units.yaml":      {Data: []byte("not theme")},
	}
	o := overlay{top: top, base: base, dirs: []string{"templates", "static"}}
	for name, want := range map[string]string{
		"templates/base.html":  "base",
		"templates/page.html":  "mine",
		"static/css/extra.css": "extra",
		"static/css/site.css":  "css",
	} {
		b, err := fs.ReadFile(o, name)
		if err != nil || string(b) != want {
			t.Errorf("%s = %q, %v; want %q", name, b, err, want)
		}
	}
	if _, err := fs.ReadFile(o, "data/units.yaml"); err == nil {
		t.Error("files outside templates/ and static/ must not leak from the project")
	}
	es, err := fs.ReadDir(o, "static/css")
	if err != nil || len(es) != 2 || es[0].Name() != "extra.css" {
		t.Errorf("ReadDir merged = %v, %v", es, err)
	}
}
