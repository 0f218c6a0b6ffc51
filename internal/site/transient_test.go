package site

import (
	"bytes"
	"maps"
	"slices"
	"sync"
	"testing"

	"parindex"
)

// transientWriter copies each page before WriteFile returns, as a
// Transient writer must, and scribbles over the buffer it was given to
// catch a renderer that reuses it too early.
type transientWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (w *transientWriter) Transient() {}

func (w *transientWriter) WriteFile(path string, data []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.files == nil {
		w.files = map[string][]byte{}
	}
	w.files[path] = bytes.Clone(data)
	for i := range data {
		data[i] = 'x'
	}
	return nil
}

// TestRenderTransientWriter: a Transient writer gets the same pages as one
// that keeps the slices it is given.
func TestRenderTransientWriter(t *testing.T) {
	in := newFixture("").input("/")
	want := build(t, in, 3)
	var w transientWriter
	if err := Render(in, parindex.Theme, Plan(in), 3, &w); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(slices.Sorted(maps.Keys(w.files)), slices.Sorted(maps.Keys(want))) {
		t.Fatalf("pages differ: %d vs %d", len(w.files), len(want))
	}
	for p, b := range want {
		if !bytes.Equal(w.files[p], b) {
			t.Errorf("%s differs", p)
		}
	}
}
