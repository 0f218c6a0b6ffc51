package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Two builds of the same input are byte-identical (issue 2, Engineering).
func TestExampleBuildIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole example twice")
	}
	root := repoRoot(t)
	a := filepath.Join(t.TempDir(), "a")
	b := filepath.Join(t.TempDir(), "b")
	for _, out := range []string{a, b} {
		rep, err := Build(Options{Root: root, Out: out, BaseURL: "/chi-so-cchc/"})
		if err != nil {
			t.Fatalf("build: %v\n%s", err, rep.Diagnostics)
		}
		if rep.Pages < 100 {
			t.Fatalf("only %d pages", rep.Pages)
		}
		if e, _ := rep.Diagnostics.Count(); e != 0 {
			t.Fatalf("example has errors:\n%s", rep.Diagnostics)
		}
	}
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files vs %d files", len(fa), len(fb))
	}
	for p, x := range fa {
		if !bytes.Equal(x, fb[p]) {
			t.Errorf("%s differs between builds", p)
		}
	}
}

// A failed build leaves the previous site untouched and reports the
// located diagnostic.
func TestFailedBuildKeepsPreviousSite(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "site")
	if err := os.MkdirAll(filepath.Join(root, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "data", "units.yaml"), []byte("groups: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	old := []byte("<p>previous site</p>")
	if err := os.WriteFile(filepath.Join(out, "index.html"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Build(Options{Root: root, Out: out})
	if err == nil {
		t.Fatal("build of broken input succeeded")
	}
	if !IsDiagnostics(err) || rep.Diagnostics.Len() == 0 {
		t.Fatalf("want diagnostics, got %v", err)
	}
	got, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !bytes.Equal(got, old) {
		t.Fatalf("previous site changed: %q, %v", got, err)
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if e.Name() != "data" && e.Name() != "site" {
			t.Errorf("left behind %s", e.Name())
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
