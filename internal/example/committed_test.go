package example

import (
	"bytes"
	"maps"
	"path/filepath"
	"slices"
	"testing"
)

// The example committed at the repository root (data/, content/) is the
// generator's output, file for file: an edit made by hand to a generated
// file, or a file added beside them, would be lost, or would linger, at
// the next `go run ./cmd/genexample`.
func TestCommittedExampleIsGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the whole example")
	}
	gen := t.TempDir()
	if err := Generate(gen, Options{Preset: "example"}); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..")
	for _, dir := range []string{"data", "content"} {
		want := readTree(t, filepath.Join(gen, dir))
		got := readTree(t, filepath.Join(root, dir))
		for _, p := range slices.Sorted(maps.Keys(got)) {
			w, ok := want[p]
			switch {
			case !ok:
				t.Errorf("%s/%s is committed but the generator does not make it (add it to internal/example)", dir, p)
			case !bytes.Equal(got[p], w):
				t.Errorf("%s/%s differs from the generator's output (run go run ./cmd/genexample)", dir, p)
			}
		}
		for _, p := range slices.Sorted(maps.Keys(want)) {
			if _, ok := got[p]; !ok {
				t.Errorf("%s/%s is generated but not committed (run go run ./cmd/genexample)", dir, p)
			}
		}
	}
}
