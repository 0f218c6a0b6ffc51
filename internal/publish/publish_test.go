package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// readTree returns every regular file under dir as slash path → content.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func equalTree(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := readTree(t, dir)
	if len(got) != len(want) {
		t.Errorf("%s: got files %v, want %v", dir, got, want)
		return
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s/%s = %q, want %q", dir, k, got[k], v)
		}
	}
}

// siblings lists the entries next to final other than final itself, to
// show that no temporary or .old directory is left behind.
func siblings(t *testing.T, final string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Dir(final))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if e.Name() != filepath.Base(final) {
			out = append(out, e.Name())
		}
	}
	return out
}

func write(t *testing.T, d *Dir, files map[string]string) {
	t.Helper()
	for p, s := range files {
		if err := d.WriteFile(p, []byte(s)); err != nil {
			t.Fatalf("WriteFile(%q): %v", p, err)
		}
	}
}

// Rule (issue, Engineering): a build writes into a temporary directory and
// swaps it in only on success.
func TestCommitCreatesFinal(t *testing.T) {
	final := filepath.Join(t.TempDir(), "out", "site") // parent missing too
	d, err := NewDir(final)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(final); !os.IsNotExist(err) {
		t.Fatalf("final exists before Commit: %v", err)
	}
	files := map[string]string{"index.html": "home", "nam/2023/so/index.html": "so 2023"}
	write(t, d, files)
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	equalTree(t, final, files)
	if s := siblings(t, final); len(s) != 0 {
		t.Errorf("left behind: %v", s)
	}
	st, _ := os.Stat(final)
	if st.Mode().Perm() != 0o755 {
		t.Errorf("site dir mode %v, want 0755 so a web server can read it", st.Mode().Perm())
	}
}

// Rule: a successful build replaces the previous site as a whole; files of
// the old site that the new one lacks are gone.
func TestCommitReplaces(t *testing.T) {
	final := filepath.Join(t.TempDir(), "site")
	old := map[string]string{"index.html": "old home", "gone.html": "old only"}
	d1, _ := NewDir(final)
	write(t, d1, old)
	if err := d1.Commit(); err != nil {
		t.Fatal(err)
	}
	d2, err := NewDir(final)
	if err != nil {
		t.Fatal(err)
	}
	now := map[string]string{"index.html": "new home", "a/b.html": "new"}
	write(t, d2, now)
	equalTree(t, final, old) // untouched until Commit
	if err := d2.Commit(); err != nil {
		t.Fatal(err)
	}
	equalTree(t, final, now)
	if s := siblings(t, final); len(s) != 0 {
		t.Errorf("left behind: %v", s)
	}
}

// Rule: a failed build leaves the previous site untouched and no temporary
// directory behind.
func TestAbortKeepsPrevious(t *testing.T) {
	final := filepath.Join(t.TempDir(), "site")
	old := map[string]string{"index.html": "old home", "static/app.css": "body{}"}
	d1, _ := NewDir(final)
	write(t, d1, old)
	if err := d1.Commit(); err != nil {
		t.Fatal(err)
	}
	d2, _ := NewDir(final)
	write(t, d2, map[string]string{"index.html": "half-built"})
	if err := d2.Abort(); err != nil {
		t.Fatal(err)
	}
	equalTree(t, final, old)
	if s := siblings(t, final); len(s) != 0 {
		t.Errorf("left behind: %v", s)
	}
	if err := d2.WriteFile("x.html", nil); err == nil {
		t.Error("WriteFile after Abort succeeded")
	}
	if err := d2.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	equalTree(t, final, old)
}

// Abort after Commit is a no-op, so callers can defer it.
func TestAbortAfterCommit(t *testing.T) {
	final := filepath.Join(t.TempDir(), "site")
	d, _ := NewDir(final)
	write(t, d, map[string]string{"index.html": "x"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	equalTree(t, final, map[string]string{"index.html": "x"})
}

// A leftover site.old from an interrupted commit does not block the next
// one; if the interruption left no final directory, it is the previous site.
func TestStaleOld(t *testing.T) {
	t.Run("final present", func(t *testing.T) {
		final := filepath.Join(t.TempDir(), "site")
		os.MkdirAll(final+".old/x", 0o755)
		os.MkdirAll(final, 0o755)
		d, _ := NewDir(final)
		write(t, d, map[string]string{"index.html": "new"})
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		equalTree(t, final, map[string]string{"index.html": "new"})
		if s := siblings(t, final); len(s) != 0 {
			t.Errorf("left behind: %v", s)
		}
	})
	t.Run("final missing", func(t *testing.T) {
		final := filepath.Join(t.TempDir(), "site")
		os.MkdirAll(final+".old", 0o755)
		os.WriteFile(final+".old/index.html", []byte("previous"), 0o644)
		d, _ := NewDir(final)
		write(t, d, map[string]string{"index.html": "new"})
		d.Abort()
		// Aborting does not restore; only a commit repairs the swap. Check
		// that a commit then succeeds and cleans up.
		d, _ = NewDir(final)
		write(t, d, map[string]string{"index.html": "new"})
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		equalTree(t, final, map[string]string{"index.html": "new"})
		if s := siblings(t, final); len(s) != 0 {
			t.Errorf("left behind: %v", s)
		}
	})
}

// Render workers write concurrently, often into the same new directories.
func TestConcurrentWriteFile(t *testing.T) {
	final := filepath.Join(t.TempDir(), "site")
	d, err := NewDir(final)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for w := 0; w < 8; w++ {
		for i := 0; i < 50; i++ {
			p := fmt.Sprintf("don-vi/u%d/nam/%d/index.html", i%10, w*50+i)
			want[p] = p
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				p := fmt.Sprintf("don-vi/u%d/nam/%d/index.html", i%10, w*50+i)
				if err := d.WriteFile(p, []byte(p)); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	equalTree(t, final, want)
}

// Rule: a page path can never write outside the output directory.
func TestPathEscapeRefused(t *testing.T) {
	root := t.TempDir()
	final := filepath.Join(root, "site")
	d, err := NewDir(final)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, p := range []string{
		"", ".", "..", "../evil.html", "a/../../evil.html", "/etc/evil", "a//b.html",
		"./index.html", "a/./b.html", `..\evil.html`, `a\b.html`, "a/", "a/..",
	} {
		if err := d.WriteFile(p, []byte("x")); err == nil || !strings.Contains(err.Error(), "invalid output path") {
			t.Errorf("WriteFile(%q) = %v, want invalid output path", p, err)
		}
		if err := d.CopyFS(fstest.MapFS{"f": {Data: []byte("x")}}, "f", p); err == nil {
			t.Errorf("CopyFS(dest %q) succeeded", p)
		}
	}
	es, _ := os.ReadDir(root)
	if len(es) != 2 { // only the temporary dir and the lock
		t.Errorf("files appeared outside the output: %v", es)
	}
	if got := readTree(t, d.Path()); len(got) != 0 {
		t.Errorf("refused writes left files: %v", got)
	}
}

func TestCopyFS(t *testing.T) {
	fsys := fstest.MapFS{
		"static/css/site.css":        {Data: []byte("css")},
		"static/js/echarts.min.js":   {Data: []byte("js")},
		"files/2023/qd-1007.pdf":     {Data: []byte("%PDF")},
		"other/not-copied.txt":       {Data: []byte("no")},
		"static/empty-dir/.keep-not": {Data: []byte("k")},
	}
	final := filepath.Join(t.TempDir(), "site")
	d, _ := NewDir(final)
	if err := d.CopyFS(fsys, "static", "static"); err != nil {
		t.Fatal(err)
	}
	if err := d.CopyFS(fsys, "files/2023/qd-1007.pdf", "tep/qd.pdf"); err != nil {
		t.Fatal(err)
	}
	if err := d.CopyFS(fsys, "missing", "missing"); err != nil {
		t.Errorf("missing root: %v", err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	equalTree(t, final, map[string]string{
		"static/css/site.css":        "css",
		"static/js/echarts.min.js":   "js",
		"static/empty-dir/.keep-not": "k",
		"tep/qd.pdf":                 "%PDF",
	})
}

func TestFinalIsAFile(t *testing.T) {
	final := filepath.Join(t.TempDir(), "site")
	os.WriteFile(final, []byte("x"), 0o644)
	if _, err := NewDir(final); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("NewDir over a file: %v", err)
	}
}
