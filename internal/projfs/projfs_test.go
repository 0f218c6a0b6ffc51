package projfs

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// project makes a project folder with a file, a folder and the given
// links (name → target).
func project(t *testing.T, links map[string]string) (string, *FS) {
	t.Helper()
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "data", "sub"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "data", "a.yaml"), []byte("a: 1\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "data", "sub", "b.md"), []byte("# b\n"), 0o644))
	for name, target := range links {
		target = os.Expand(target, func(k string) string { return map[string]string{"ROOT": dir}[k] })
		must(t, os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))))
	}
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return dir, f
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestLinksInside(t *testing.T) {
	_, f := project(t, map[string]string{
		"data/rel.yaml":   "a.yaml",
		"data/abs.yaml":   "$ROOT/data/a.yaml",
		"data/chain.yaml": "rel.yaml",
		"data/dirlink":    "sub",
		"data/up.md":      "../data/sub/b.md",
	})
	for _, name := range []string{"data/rel.yaml", "data/abs.yaml", "data/chain.yaml", "data/up.md", "data/dirlink/b.md"} {
		b, err := fs.ReadFile(f, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(b) == 0 {
			t.Errorf("%s: empty", name)
		}
	}
	var walked []string
	err := fs.WalkDir(f, "data", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			walked = append(walked, p)
			if !e.Type().IsRegular() {
				t.Errorf("%s: type %v, want a regular file", p, e.Type())
			}
		}
		return nil
	})
	must(t, err)
	want := []string{"data/a.yaml", "data/abs.yaml", "data/chain.yaml", "data/dirlink/b.md", "data/rel.yaml", "data/sub/b.md", "data/up.md"}
	if len(walked) != len(want) {
		t.Fatalf("walked %v, want %v", walked, want)
	}
	for i := range want {
		if walked[i] != want[i] {
			t.Errorf("walked %v, want %v", walked, want)
			break
		}
	}
}

func TestFSConformance(t *testing.T) {
	_, f := project(t, map[string]string{"data/rel.yaml": "a.yaml", "data/dirlink": "sub"})
	if err := fstest.TestFS(f, "data/a.yaml", "data/sub/b.md", "data/rel.yaml", "data/dirlink/b.md"); err != nil {
		t.Fatal(err)
	}
}

// Each refusal gives the exact message, from Open, Stat, ReadFile and the
// directory listing alike, and nothing is read.
func TestRefused(t *testing.T) {
	dir, f := project(t, map[string]string{
		"data/passwd":      "/etc/passwd",
		"data/zero":        "/dev/zero",
		"data/escape.md":   "../../outside.md",
		"data/loop1":       "loop2",
		"data/loop2":       "loop1",
		"data/self":        "self",
		"data/dangling.md": "missing.md",
		"data/viadir":      "/etc",
		"data/ancestor":    "..",
		"data/sub/back":    "$ROOT/data",
		"data/chain":       "passwd",
	})
	must(t, syscall.Mkfifo(filepath.Join(dir, "data", "fifo"), 0o644))
	ln, err := net.Listen("unix", filepath.Join(dir, "data", "sock"))
	must(t, err)
	defer ln.Close()
	must(t, os.Symlink("fifo", filepath.Join(dir, "data", "tofifo")))

	for name, want := range map[string]string{
		"data/passwd":        "symbolic link to /etc/passwd, outside the project: not read (only files inside the project are)",
		"data/zero":          "symbolic link to /dev/zero, outside the project: not read (only files inside the project are)",
		"data/escape.md":     "symbolic link to ../../outside.md, outside the project: not read (only files inside the project are)",
		"data/loop1":         "symbolic link to loop2 is a loop (never reaches a file): not read",
		"data/self":          "symbolic link to self is a loop (never reaches a file): not read",
		"data/dangling.md":   "symbolic link to missing.md, which does not exist",
		"data/viadir/passwd": "symbolic link data/viadir to /etc, outside the project: not read (only files inside the project are)",
		"data/chain":         "symbolic link data/passwd to /etc/passwd, outside the project: not read (only files inside the project are)",
		"data/fifo":          "a named pipe (FIFO): not read (only regular files and folders are)",
		"data/tofifo":        "symbolic link to fifo, a named pipe (FIFO): not read (only regular files and folders are)",
		"data/sock":          "a socket: not read (only regular files and folders are)",
	} {
		check := func(op string, err error) {
			t.Helper()
			e, ok := Refused(err)
			if !ok {
				t.Errorf("%s %s: %v, want a refusal", op, name, err)
				return
			}
			if e.Error() != want {
				t.Errorf("%s %s:\n got %s\nwant %s", op, name, e.Error(), want)
			}
			if !errors.Is(err, fs.ErrPermission) {
				t.Errorf("%s %s: not fs.ErrPermission", op, name)
			}
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, err := f.Open(name)
			check("open", err)
			_, err = fs.Stat(f, name)
			check("stat", err)
			_, err = fs.ReadFile(f, name)
			check("readfile", err)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: blocked", name)
		}
	}

	// The listing marks refused entries as irregular; Info says why.
	es, err := fs.ReadDir(f, "data")
	must(t, err)
	bad := map[string]string{}
	for _, e := range es {
		if e.Type()&fs.ModeIrregular != 0 {
			_, err := e.Info()
			re, ok := Refused(err)
			if !ok {
				t.Errorf("%s: irregular without a refusal: %v", e.Name(), err)
				continue
			}
			bad[e.Name()] = re.Error()
		}
	}
	for _, n := range []string{"passwd", "zero", "escape.md", "loop1", "loop2", "self", "dangling.md", "viadir", "ancestor", "chain", "fifo", "sock", "tofifo"} {
		if _, ok := bad[n]; !ok {
			t.Errorf("entry %s not refused in the listing", n)
		}
	}
	if got, want := bad["ancestor"], "symbolic link to .., a folder that contains the link (a loop): not read"; got != want {
		t.Errorf("ancestor:\n got %s\nwant %s", got, want)
	}
	es, err = fs.ReadDir(f, "data/sub")
	must(t, err)
	for _, e := range es {
		if e.Name() == "back" && e.Type()&fs.ModeIrregular == 0 {
			t.Errorf("data/sub/back (a link to data) should be refused in a listing")
		}
	}
}

// The project folder may itself be reached through a link.
func TestRootThroughLink(t *testing.T) {
	dir, _ := project(t, nil)
	link := filepath.Join(t.TempDir(), "proj")
	must(t, os.Symlink(dir, link))
	f, err := Open(link)
	must(t, err)
	defer f.Close()
	must(t, os.Symlink(filepath.Join(link, "data", "a.yaml"), filepath.Join(dir, "data", "abs-via-link.yaml")))
	if _, err := fs.ReadFile(f, "data/a.yaml"); err != nil {
		t.Error(err)
	}
	// An absolute link spelled through the link to the project is inside.
	if _, err := fs.ReadFile(f, "data/abs-via-link.yaml"); err != nil {
		t.Error(err)
	}
}
