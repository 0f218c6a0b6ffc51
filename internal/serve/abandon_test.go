package serve

import (
	"os"
	"path/filepath"
	"testing"
)

// A preview removes only the build folders earlier previews marked
// abandoned, never a running preview's folder or anything else.
func TestSweepAbandoned(t *testing.T) {
	tmp := t.TempDir()
	for _, d := range []string{"parindex-serve-1" + abandonedSuffix, "parindex-serve-2", "other" + abandonedSuffix} {
		if err := os.MkdirAll(filepath.Join(tmp, d, "nam"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	sweepAbandoned(tmp)
	for d, want := range map[string]bool{"parindex-serve-1" + abandonedSuffix: false, "parindex-serve-2": true, "other" + abandonedSuffix: true} {
		_, err := os.Stat(filepath.Join(tmp, d))
		if got := err == nil; got != want {
			t.Errorf("%s: exists %v, want %v", d, got, want)
		}
	}
}
