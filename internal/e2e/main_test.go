package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"parindex/internal/build"
)

// TestMain stops the shared browser and reports how many browser checks
// ran and how many were skipped. go test hides a passing package's
// output, so the line also goes to the file named by
// $PARINDEX_BROWSER_SUMMARY, which `make test` prints: a skipped browser
// test is visible without -v.
func TestMain(m *testing.M) {
	code := m.Run()
	stopBrowser()
	if builtSite.dir != "" {
		os.RemoveAll(builtSite.dir)
	}
	line := checks.summary()
	fmt.Println(line)
	if p := os.Getenv("PARINDEX_BROWSER_SUMMARY"); p != "" {
		if err := os.WriteFile(p, []byte(line+"\n"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	os.Exit(code)
}

// checks counts the browser checks: pages loaded and checked in chromium,
// and tests skipped for want of it.
var checks counter

type counter struct {
	mu      sync.Mutex
	passed  int
	failed  int
	skipped []string
}

// ran records a finished browser check; call it deferred.
func (c *counter) ran(t *testing.T) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.Failed() {
		c.failed++
	} else {
		c.passed++
	}
}

func (c *counter) skip(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.skipped = append(c.skipped, name)
}

func (c *counter) summary() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := fmt.Sprintf("browser checks: %d ran in %s (%d passed, %d failed), %d skipped", c.passed+c.failed, chromiumPath, c.passed, c.failed, len(c.skipped))
	if len(c.skipped) > 0 {
		s += " (" + strings.Join(c.skipped, ", ") + ": " + chromiumPath + " not installed; CI=true makes that a failure)"
	}
	return s
}

// builtSite is the bundled example built once, under the portal base URL,
// for the browser tests that need only its pages (TestBrowser builds its
// own with one page more); TestMain removes it.
var builtSite struct {
	once sync.Once
	dir  string
	out  string
	err  error
}

func builtExample(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	builtSite.once.Do(func() {
		dir, err := os.MkdirTemp("", "parindex-e2e-")
		if err != nil {
			builtSite.err = err
			return
		}
		builtSite.dir = dir
		builtSite.out = filepath.Join(dir, "site")
		_, builtSite.err = build.Build(build.Options{Root: root, Out: builtSite.out, BaseURL: baseURL})
	})
	if builtSite.err != nil {
		t.Fatalf("build the bundled example: %v", builtSite.err)
	}
	return builtSite.out
}
