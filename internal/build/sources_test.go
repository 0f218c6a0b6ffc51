package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/internal/site"
)

// The example's source workbooks are published under /files/bang-diem/
// byte for byte, /du-lieu/ lists each with its SHA-256 and so does every
// data file (the zip included); no page names a project path
// (issue 13, items 2 and 3).
func TestSourcesPublished(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole example")
	}
	root := repoRoot(t)
	out := filepath.Join(t.TempDir(), "site")
	rep, err := Build(Options{Root: root, Out: out, BaseURL: "/chi-so-cchc/"})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, rep.Diagnostics)
	}
	files := readTree(t, out)
	data := string(files["du-lieu/index.html"])
	srcs := site.SourceFiles(rep.Results)
	if len(srcs) < 20 {
		t.Fatalf("only %d source workbooks cited", len(srcs))
	}
	for _, p := range srcs {
		orig, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		pub := site.OutputPath(site.SourceURL(p))
		if !bytes.Equal(files[pub], orig) {
			t.Errorf("%s is not published as %s byte for byte", p, pub)
		}
		sum := sha256.Sum256(orig)
		if !strings.Contains(data, hex.EncodeToString(sum[:])) {
			t.Errorf("/du-lieu/ lacks the SHA-256 of %s", p)
		}
	}
	n := 0
	for p, b := range files {
		if strings.HasPrefix(p, "du-lieu/") && !strings.HasSuffix(p, ".html") {
			sum := sha256.Sum256(b)
			if !strings.Contains(data, hex.EncodeToString(sum[:])) {
				t.Errorf("/du-lieu/ lacks the SHA-256 of %s", p)
			}
			n++
		}
		if strings.HasSuffix(p, ".html") && bytes.Contains(b, []byte("data/scores/")) {
			t.Errorf("%s names a project path (data/scores/)", p)
		}
	}
	if n < 100 {
		t.Errorf("only %d open data files", n)
	}
}
