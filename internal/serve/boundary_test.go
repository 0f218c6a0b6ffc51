//go:build unix

package serve

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Issue 10, "The project's root is a boundary", for the watcher: a link to
// a folder outside the project is not watched (a change there rebuilds
// nothing), a link to a folder inside the project is watched where it
// leads, and a named pipe among the inputs does not block the watcher.
func TestWatcherBoundary(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	writeFile(t, filepath.Join(root, "content", "page.md"), "v1")
	writeFile(t, filepath.Join(outside, "x.md"), "outside")
	writeFile(t, filepath.Join(root, "shared", "y.md"), "shared v1")
	if err := os.Symlink(outside, filepath.Join(root, "content", "ngoai")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../shared", filepath.Join(root, "content", "chung")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(root, "content", "ong"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := start(t, root, "/")
	h.next()

	writeFile(t, filepath.Join(outside, "x.md"), "outside, changed")
	select {
	case e := <-h.events:
		t.Fatalf("a change outside the project triggered a build (%s); log:\n%s", e, h.log)
	case <-time.After(time.Second):
	}

	// shared/ is not an input folder, but content/chung leads there.
	before := h.srv.stamp()
	writeFile(t, filepath.Join(root, "shared", "y.md"), "shared v2")
	if e := h.next(); e == before {
		t.Errorf("no rebuild after a change behind a link inside the project")
	}
}
