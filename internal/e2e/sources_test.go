package e2e

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/internal/site"
)

// The example's source workbooks are published under /files/bang-diem/
// byte for byte, /du-lieu/ lists each with its SHA-256 and so does every
// data file (the zip included); no page names a project path (issue 13,
// items 2 and 3). It reads the example the browser tests built.
func TestSourcesPublished(t *testing.T) {
	out := builtExample(t)
	root := repoRoot(t)
	data, err := os.ReadFile(filepath.Join(out, "du-lieu", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = filepath.WalkDir(filepath.Join(root, "data", "scores"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".xlsx") {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		orig, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pub := filepath.Join(out, filepath.FromSlash(site.OutputPath(site.SourceURL(filepath.ToSlash(rel)))))
		got, err := os.ReadFile(pub)
		if err != nil || !bytes.Equal(got, orig) {
			t.Errorf("%s is not published as %s byte for byte (%v)", rel, pub, err)
		}
		sum := sha256.Sum256(orig)
		if !bytes.Contains(data, []byte(hex.EncodeToString(sum[:]))) {
			t.Errorf("/du-lieu/ lacks the SHA-256 of %s", rel)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("only %d workbooks in the example", n)
	}
	files := 0
	err = filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasPrefix(rel, "du-lieu/") && !strings.HasSuffix(rel, ".html") {
			sum := sha256.Sum256(b)
			if !bytes.Contains(data, []byte(hex.EncodeToString(sum[:]))) {
				t.Errorf("/du-lieu/ lacks the SHA-256 of %s", rel)
			}
			files++
		}
		if strings.HasSuffix(rel, ".html") && bytes.Contains(b, []byte("data/scores/")) {
			t.Errorf("%s names a project path (data/scores/)", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Errorf("only %d open data files", files)
	}
}
