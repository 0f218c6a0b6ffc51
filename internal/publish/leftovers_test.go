package publish

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Issue 10, "Stopping works": a build removes what killed builds left next
// to the output — site.tmp-<digits> folders and site.old — and nothing else.
func TestLeftoversRemoved(t *testing.T) {
	root := t.TempDir()
	final := filepath.Join(root, "site")
	for _, d := range []string{"site/nam", "site.tmp-123/nam", "site.tmp-98765", "site.old/x", "site.tmp-notmine", "site.tmp-", "other.tmp-1", "sites"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(root, "site.tmp-5"), []byte("a file, not ours"), 0o644)
	os.WriteFile(filepath.Join(root, "site", "index.html"), []byte("previous"), 0o644)
	d, err := NewDir(final)
	if err != nil {
		t.Fatal(err)
	}
	got := siblings(t, final)
	want := []string{"other.tmp-1", filepath.Base(d.Path()), "site.lock", "site.tmp-", "site.tmp-5", "site.tmp-notmine", "sites"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("next to the output after NewDir: %v\nwant %v", got, want)
	}
	equalTree(t, final, map[string]string{"index.html": "previous"})
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if s := siblings(t, final); slices.Contains(s, "site.lock") || slices.Contains(s, filepath.Base(d.Path())) {
		t.Errorf("Abort left %v", s)
	}
}

// A kill halfway through a swap leaves site.old and no site: the next
// build puts the previous site back before anything else, so a build that
// then fails still leaves it in place.
func TestLeftoverOldRestored(t *testing.T) {
	root := t.TempDir()
	final := filepath.Join(root, "site")
	os.MkdirAll(final+".old", 0o755)
	os.WriteFile(final+".old/index.html", []byte("previous"), 0o644)
	d, err := NewDir(final)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
	equalTree(t, final, map[string]string{"index.html": "previous"})
	if s := siblings(t, final); len(s) != 0 {
		t.Errorf("left behind: %v", s)
	}
}

// Two builds into one output: the second is told another build is running
// and touches nothing; once the first is done, building works again.
func TestLockBusy(t *testing.T) {
	final := filepath.Join(t.TempDir(), "site")
	first, err := NewDir(final)
	if err != nil {
		t.Fatal(err)
	}
	write(t, first, map[string]string{"index.html": "first"})
	_, err = NewDir(final)
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("second NewDir: %v, want ErrBusy", err)
	}
	want := "another build is running into " + final + " (it holds " + final + ".lock); wait for it to finish"
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
	// The first build's temporary folder survived the second attempt.
	if _, err := os.Stat(filepath.Join(first.Path(), "index.html")); err != nil {
		t.Errorf("the second build removed the first one's files: %v", err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	second, err := NewDir(final)
	if err != nil {
		t.Fatalf("after the first build: %v", err)
	}
	second.Abort()
	equalTree(t, final, map[string]string{"index.html": "first"})
}
