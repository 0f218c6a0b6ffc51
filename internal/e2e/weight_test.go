package e2e

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestSiteWeight measures the built example as the portal serves it
// (issue 13, Engineering): the whole site, its largest page, and per page
// kind the page and the scripts and style sheets it loads, before and
// after gzip (each file compressed on its own, as a web server does). It
// asserts nothing about time; `make weight` prints the table.
func TestSiteWeight(t *testing.T) {
	out := builtExample(t)
	var total int64
	files := 0
	type page struct {
		rel  string
		size int64
	}
	var largest page
	byExt := map[string]int64{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files++
		total += info.Size()
		byExt[strings.ToLower(filepath.Ext(p))] += info.Size()
		if strings.HasSuffix(p, ".html") && info.Size() > largest.size {
			rel, _ := filepath.Rel(out, p)
			largest = page{filepath.ToSlash(rel), info.Size()}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("site: %d files, %s", files, mb(total))
	exts := make([]string, 0, len(byExt))
	for e := range byExt {
		exts = append(exts, e)
	}
	sort.Slice(exts, func(i, j int) bool { return byExt[exts[i]] > byExt[exts[j]] })
	for _, e := range exts {
		t.Logf("  %-6s %s", e, mb(byExt[e]))
	}
	lb, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(largest.rel)))
	t.Logf("largest page: %s, %d B (%d B gzip)", largest.rel, largest.size, gz(lb))

	t.Logf("%-24s %9s %9s %9s %9s %9s %9s", "page kind", "HTML", "gz", "JS", "JS gz", "CSS", "CSS gz")
	for _, k := range pageKinds() {
		rel, _, _ := strings.Cut(k.path, "?")
		if rel == "" {
			rel = firstMatch(t, out, k)
		}
		if rel == "" {
			continue
		}
		file := filepath.Join(out, filepath.FromSlash(rel))
		if strings.HasSuffix(rel, "/") || rel == "" {
			file = filepath.Join(file, "index.html")
		}
		b, err := os.ReadFile(file)
		if err != nil {
			// A page only TestBrowser's project has.
			t.Logf("%-24s (not in the example)", k.name)
			continue
		}
		var js, jsz, css, cssz int
		seen := map[string]bool{}
		for _, ref := range assets(string(b)) {
			if seen[ref.url] {
				t.Errorf("%s: loads %s twice", k.name, ref.url)
				continue
			}
			seen[ref.url] = true
			ab, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(ref.url, basePath))))
			if err != nil {
				t.Errorf("%s: asset %s: %v", k.name, ref.url, err)
				continue
			}
			if ref.css {
				css, cssz = css+len(ab), cssz+gz(ab)
			} else {
				js, jsz = js+len(ab), jsz+gz(ab)
			}
		}
		t.Logf("%-24s %9d %9d %9d %9d %9d %9d", k.name, len(b), gz(b), js, jsz, css, cssz)
		if jsz > firstViewJSBudget {
			t.Errorf("%s: loads %d bytes of JavaScript gzipped, over the first-view budget of %d", k.name, jsz, firstViewJSBudget)
		}
	}
}

// firstMatch is the first built page, in path order, of a kind given by
// pattern.
func firstMatch(t *testing.T, out string, k pageKind) string {
	var found string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(out, filepath.Dir(p))
		rel = filepath.ToSlash(rel) + "/"
		if rel == "./" {
			rel = ""
		}
		if k.pattern != nil && k.pattern.MatchString(rel) {
			found = rel
			if found == "" {
				found = "./"
			}
		}
		return nil
	})
	return found
}

// firstViewJSBudget is the JavaScript a page may load, gzipped (as in the
// root package's TestVendoredECharts): ECharts and the page's scripts.
const firstViewJSBudget = 230000

type asset struct {
	url string
	css bool
}

// assets lists the scripts and style sheets a page loads.
func assets(doc string) []asset {
	var as []asset
	forStartTags(doc, func(tok html.Token) {
		attr := map[string]string{}
		for _, a := range tok.Attr {
			attr[a.Key] = a.Val
		}
		switch {
		case tok.Data == "script" && attr["src"] != "":
			as = append(as, asset{url: attr["src"]})
		case tok.Data == "link" && attr["rel"] == "stylesheet":
			as = append(as, asset{url: attr["href"], css: true})
		}
	})
	return as
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func mb(n int64) string { return fmt.Sprintf("%d B (%.1f MB)", n, float64(n)/1e6) }
