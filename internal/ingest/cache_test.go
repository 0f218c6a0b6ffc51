package ingest

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Rule (issue 14): a load through the cache gives what a fresh load of
// the same files gives, whatever was added, changed, renamed or removed
// since the last one; an unchanged workbook (same path, size and time) is
// not read again.
func TestCacheLoadEqualsFreshLoad(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	fsys := baseFS()
	put := func(p string, data []byte, at time.Time) { fsys[p] = &fstest.MapFile{Data: data, ModTime: at} }
	put("data/scores/2023/noi-vu.xlsx", book(t, stdSheet("Sở Nội vụ", "Đơn vị: Sở Nội vụ")), t0)
	put("data/scores/2023/tu-phap.xlsx", book(t, stdSheet("Sở Tư pháp", "Đơn vị: Sở Tư pháp")), t0)
	put("content/index.md", []byte("---\ntitle: Trang chủ\n---\nLời giới thiệu.\n"), t0)
	put("content/units/so-noi-vu.md", []byte("---\ntitle: Sở Nội vụ\n---\nVề đơn vị.\n"), t0)
	c := NewCache()
	same := func(step string) {
		t.Helper()
		got, gd := Load(fsys, Options{Workers: 2, Cache: c})
		want, wd := Load(fsys, Options{Workers: 2})
		if gd.String() != wd.String() {
			t.Errorf("%s: diagnostics\n%s\nwant\n%s", step, gd, wd)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: dataset differs from a fresh load", step)
		}
		if len(got.Sheets) == 0 && !strings.HasSuffix(step, "removed") && step != "again" {
			t.Errorf("%s: no sheet read", step)
		}
	}
	same("first")
	same("unchanged")

	// Same path, size and time, other bytes: the cache must not read it.
	old := fsys["data/scores/2023/noi-vu.xlsx"].Data
	put("data/scores/2023/noi-vu.xlsx", []byte(strings.Repeat("x", len(old))), t0)
	ds, dl := Load(fsys, Options{Workers: 2, Cache: c})
	if dl.HasErrors() || len(ds.Sheets) != 2 {
		t.Fatalf("unchanged stamp read again: %d sheets\n%s", len(ds.Sheets), dl)
	}
	put("data/scores/2023/noi-vu.xlsx", old, t0)

	put("data/scores/2023/noi-vu.xlsx", book(t, stdSheet("Sở Nội vụ", "Đơn vị: Sở Tư pháp")), t0.Add(time.Second))
	same("changed") // now a second sheet for so-tu-phap: an error
	fsys["data/scores/2023/nv.xlsx"] = fsys["data/scores/2023/noi-vu.xlsx"]
	delete(fsys, "data/scores/2023/noi-vu.xlsx")
	same("renamed")
	put("data/units.yaml", []byte(strings.Replace(unitsYAML, "name: Sở Tư pháp", "name: Sở Tư pháp và Pháp chế", 1)), t0.Add(time.Second))
	same("units.yaml changed")
	put("content/index.md", []byte("---\ntitle: Trang chủ\n---\nLời giới thiệu, đã sửa.\n"), t0.Add(time.Second))
	same("document changed")
	fsys["content/units/so-tu-phap.md"] = fsys["content/units/so-noi-vu.md"]
	delete(fsys, "content/units/so-noi-vu.md")
	same("document renamed") // now about another unit
	put("data/units.yaml", []byte(strings.Replace(unitsYAML, "id: so-tu-phap", "id: so-tu-phap-2", 1)), t0.Add(2*time.Second))
	same("the document's unit gone") // a warning, and the document left out
	put("data/units.yaml", []byte(unitsYAML), t0.Add(3*time.Second))
	delete(fsys, "data/scores/2023/nv.xlsx")
	delete(fsys, "data/scores/2023/tu-phap.xlsx")
	same("removed")
	if len(c.books) != 0 {
		t.Errorf("cache keeps %d removed workbooks", len(c.books))
	}
	delete(fsys, "content/units/so-tu-phap.md")
	same("document removed")
	same("again")
	if len(c.docs) != 1 {
		t.Errorf("cache keeps %d documents, want 1", len(c.docs))
	}
}
