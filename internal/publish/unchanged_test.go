package publish

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// ids stats every file under dir: a kept file has the same modification
// time and is the same file (os.SameFile: device and inode on Unix).
func ids(t *testing.T, dir string) map[string]os.FileInfo {
	t.Helper()
	out := map[string]os.FileInfo{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Rule (issue 14): rebuilding with nothing changed rewrites no file; a
// changed file is written and only it, so the portal's sync moves only
// changes.
func TestUnchangedFilesKept(t *testing.T) {
	final := filepath.Join(t.TempDir(), "site")
	files := map[string]string{"index.html": "home", "nam/2023/so/index.html": "so 2023", "gone.html": "x"}
	static := fstest.MapFS{"static/site.css": {Data: []byte("body{}")}}
	publishOnce := func(files map[string]string) {
		t.Helper()
		d, err := NewDir(final)
		if err != nil {
			t.Fatal(err)
		}
		write(t, d, files)
		if err := d.CopyFS(static, "static", "static"); err != nil {
			t.Fatal(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	publishOnce(files)
	before := ids(t, final)
	// Modification times have a coarse grain on some file systems: make
	// sure a rewrite would show.
	time.Sleep(20 * time.Millisecond)
	publishOnce(files)
	after := ids(t, final)
	for p, st := range before {
		if !kept(st, after[p]) {
			t.Errorf("%s rewritten with the same bytes", p)
		}
	}

	time.Sleep(20 * time.Millisecond)
	now := map[string]string{"index.html": "home", "nam/2023/so/index.html": "so 2023, edited", "new.html": "new"}
	publishOnce(now)
	third := ids(t, final)
	want := map[string]string{"index.html": "home", "nam/2023/so/index.html": "so 2023, edited", "new.html": "new", "static/site.css": "body{}"}
	equalTree(t, final, want)
	for _, p := range []string{"index.html", "static/site.css"} {
		if !kept(after[p], third[p]) {
			t.Errorf("%s unchanged but rewritten", p)
		}
	}
	if p := "nam/2023/so/index.html"; os.SameFile(after[p], third[p]) || after[p].ModTime().Equal(third[p].ModTime()) {
		t.Errorf("changed file kept its old identity")
	}
	if s := siblings(t, final); len(s) != 0 {
		t.Errorf("left behind: %v", s)
	}
}

func kept(a, b os.FileInfo) bool {
	return b != nil && os.SameFile(a, b) && a.ModTime().Equal(b.ModTime())
}

// Rule: a file of the previous site with the same size but other bytes is
// replaced, and the previous site is never changed in place (a failed
// build leaves it as it was).
func TestSameSizeOtherBytes(t *testing.T) {
	final := filepath.Join(t.TempDir(), "site")
	d, _ := NewDir(final)
	write(t, d, map[string]string{"a.html": "aaaa"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	d, _ = NewDir(final)
	write(t, d, map[string]string{"a.html": "bbbb"})
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	equalTree(t, final, map[string]string{"a.html": "aaaa"})
	d, _ = NewDir(final)
	write(t, d, map[string]string{"a.html": "bbbb"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	equalTree(t, final, map[string]string{"a.html": "bbbb"})
}

// Rule: writing a path twice in one build never changes the previous
// site, even when the first write kept the previous site's file (a hard
// link to it).
func TestRewriteKeptFile(t *testing.T) {
	final := filepath.Join(t.TempDir(), "site")
	d, _ := NewDir(final)
	write(t, d, map[string]string{"a.html": "live"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	d, _ = NewDir(final)
	write(t, d, map[string]string{"a.html": "live"}) // kept: a link to the live file
	write(t, d, map[string]string{"a.html": "next"})
	equalTree(t, final, map[string]string{"a.html": "live"})
	write(t, d, map[string]string{"a.html": "live"})
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	equalTree(t, final, map[string]string{"a.html": "live"})
}
