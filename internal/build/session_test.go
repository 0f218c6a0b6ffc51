package build

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"parindex"
	"parindex/internal/site"
)

// copyExample copies the bundled example's inputs (data/ and content/,
// not the repository's templates/, which would be overrides) into a new
// project directory.
func copyExample(t testing.TB) string {
	t.Helper()
	src, dst := repoRoot(t), t.TempDir()
	for _, d := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(dst, d), os.DirFS(filepath.Join(src, d))); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// editFile replaces old (which must occur) with new in the file at
// root/rel. The file's size changes with it, so the edit shows in its
// stamp whatever the file system's time resolution.
func editFile(t testing.TB, root, rel, old, new string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// editZip is editFile on one part of a workbook.
func editZip(t testing.TB, root, rel, part, old, new string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part && bytes.Contains(b, []byte(old)) {
			b, found = bytes.Replace(b, []byte(old), []byte(new), 1), true
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("%s!%s does not contain %q", rel, part, old)
	}
	if err := os.WriteFile(p, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sameTree fails unless dirs a and b hold the same files with the same
// bytes.
func sameTree(t *testing.T, a, b string) {
	t.Helper()
	fa, fb := readTree(t, a), readTree(t, b)
	var only []string
	for p := range fa {
		if _, ok := fb[p]; !ok {
			only = append(only, "only incremental: "+p)
		}
	}
	for p := range fb {
		if _, ok := fa[p]; !ok {
			only = append(only, "only full: "+p)
		}
	}
	sort.Strings(only)
	if len(only) > 0 {
		t.Errorf("file lists differ:\n%s", strings.Join(only[:min(len(only), 20)], "\n"))
	}
	var differ []string
	for p, x := range fa {
		if y, ok := fb[p]; ok && !bytes.Equal(x, y) {
			differ = append(differ, p)
		}
	}
	sort.Strings(differ)
	if len(differ) > 0 {
		t.Errorf("%d files differ from a full build: %s", len(differ), strings.Join(differ[:min(len(differ), 20)], ", "))
	}
}

// Issue 14, Tests: an incremental rebuild after an edit of each kind of
// input gives the same site, byte for byte, as a full build of the edited
// project. One session goes through all the edits in turn, as a preview
// does; edits of document bodies and of workbooks must take a short path
// (render only the pages that show those documents or the rankings whose
// results changed), every other edit the full one.
func TestIncrementalEqualsFullBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example many times")
	}
	root := copyExample(t)
	served := filepath.Join(t.TempDir(), "served")
	s := NewSession(Options{Root: root})
	ctx := context.Background()
	rep, err := s.Update(ctx, served)
	if err != nil {
		t.Fatalf("first update: %v\n%s", err, rep.Diagnostics)
	}
	if rep.Rendered != rep.Pages || rep.Pages < 1000 {
		t.Fatalf("first update rendered %d of %d pages", rep.Rendered, rep.Pages)
	}

	for _, tc := range []struct {
		name     string
		edit     func(t *testing.T)
		bodyOnly bool // the short path: fewer pages rendered than planned
		fails    bool // the edit breaks the input: the served files stay as they were
	}{
		{"nothing", func(*testing.T) {}, true, false},
		{"narrative", func(t *testing.T) {
			editFile(t, root, "content/years/2024.md", "Kết quả năm 2024 được công bố", "Kết quả năm 2024 (đã sửa) được công bố")
		}, true, false},
		{"decision", func(t *testing.T) {
			p := filepath.Join(root, "content", "decisions", "2024-qd-128.md")
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, append(b, "\nĐoạn bổ sung **mới**.\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
		}, true, false},
		// The English version of a narrative: the English pages showing it
		// re-render (their Page.Docs name it), the Vietnamese ones do not.
		{"English narrative", func(t *testing.T) {
			editFile(t, root, "content/index.en.md", "This site publishes", "This site (edited) publishes")
		}, true, false},
		{"decision front matter", func(t *testing.T) {
			editFile(t, root, "content/decisions/2024-qd-128.md", "title: \"", "title: \"(sửa) ")
		}, false, false},
		{"workbook", func(t *testing.T) {
			editZip(t, root, "data/scores/2024/so-ban-nganh.xlsx", "xl/sharedStrings.xml", "Một số thủ tục chưa được công khai đầy đủ, kịp thời", "Một số thủ tục chưa được công khai đầy đủ (sửa)")
		}, true, false},
		{"workbook renamed", func(t *testing.T) {
			if err := os.Rename(filepath.Join(root, "data/scores/2024/so-ban-nganh.xlsx"), filepath.Join(root, "data/scores/2024/so-nganh.xlsx")); err != nil {
				t.Fatal(err)
			}
		}, true, false},
		{"broken units.yaml", func(t *testing.T) {
			editFile(t, root, "content/years/2024.md", "Kết quả năm 2024", "Kết quả cả năm 2024")
			editFile(t, root, "data/units.yaml", "groups:", "groups: [")
		}, false, true},
		{"units.yaml fixed", func(t *testing.T) {
			editFile(t, root, "data/units.yaml", "groups: [", "groups:")
		}, false, false},
		{"units.yaml", func(t *testing.T) {
			editFile(t, root, "data/units.yaml", `name_en: "Department of Justice"`, `name_en: "Department of Justice (renamed)"`)
		}, false, false},
		{"framework", func(t *testing.T) {
			editFile(t, root, "data/frameworks/so-2022.yaml", `title: "`, `title: "(sửa) `)
		}, false, false},
		{"template override", func(t *testing.T) {
			// The project's own copy of the base layout, with a line
			// more on every page.
			b, err := fs.ReadFile(parindex.Theme, "templates/layout/base.html")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte("</body>")) {
				t.Fatal("base layout has no </body>")
			}
			p := filepath.Join(root, "templates", "layout", "base.html")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, bytes.Replace(b, []byte("</body>"), []byte("<p>Bản thử giao diện.</p></body>"), 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false, false},
		{"narrative removed", func(t *testing.T) {
			if err := os.Remove(filepath.Join(root, "content", "years", "2024.md")); err != nil {
				t.Fatal(err)
			}
		}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before map[string][]byte
			if tc.fails {
				before = readTree(t, served)
			}
			tc.edit(t)
			rep, err := s.Update(ctx, served)
			if tc.fails {
				if !IsDiagnostics(err) {
					t.Fatalf("broken input: got %v", err)
				}
				after := readTree(t, served)
				if len(after) != len(before) {
					t.Errorf("failed update changed the file list")
				}
				for p, b := range before {
					if !bytes.Equal(after[p], b) {
						t.Errorf("failed update changed %s", p)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("update: %v\n%s", err, rep.Diagnostics)
			}
			if bodyOnly := rep.Rendered < rep.Pages; bodyOnly != tc.bodyOnly {
				t.Errorf("rendered %d of %d pages; want the short path: %v", rep.Rendered, rep.Pages, tc.bodyOnly)
			}
			if tc.name == "nothing" && rep.Written != 0 {
				t.Errorf("nothing changed, yet %d files written", rep.Written)
			}
			if tc.name != "nothing" && rep.Written == 0 {
				t.Errorf("the edit changed no file: it tests nothing")
			}
			full := filepath.Join(t.TempDir(), "site")
			frep, err := Build(Options{Root: root, Out: full})
			if err != nil {
				t.Fatalf("full build: %v\n%s", err, frep.Diagnostics)
			}
			if got, want := rep.Diagnostics.String(), frep.Diagnostics.String(); got != want {
				t.Errorf("diagnostics differ:\nincremental:\n%s\nfull:\n%s", got, want)
			}
			sameTree(t, served, full)
		})
	}
}

// Issue 14, target 4: rebuilding with nothing changed rewrites no file,
// and a narrative edit rewrites only the pages that show it.
func TestRebuildRewritesOnlyChanges(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example three times")
	}
	root := copyExample(t)
	out := filepath.Join(t.TempDir(), "site")
	build := func() {
		t.Helper()
		if rep, err := Build(Options{Root: root, Out: out}); err != nil {
			t.Fatalf("%v\n%s", err, rep.Diagnostics)
		}
	}
	build()
	first := stats(t, out)
	time.Sleep(20 * time.Millisecond) // a rewrite must show in the mtime
	build()
	second := stats(t, out)
	if len(second) != len(first) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for p, st := range first {
		if !kept(st, second[p]) {
			t.Errorf("%s rewritten though nothing changed", p)
		}
	}

	editFile(t, root, "content/years/2024.md", "Kết quả năm 2024 được công bố", "Kết quả năm 2024 (sửa) được công bố")
	time.Sleep(20 * time.Millisecond)
	build()
	third := stats(t, out)
	var rewritten []string
	for p, st := range second {
		if !kept(st, third[p]) {
			rewritten = append(rewritten, p)
		}
	}
	sort.Strings(rewritten)
	var affected []string
	for _, p := range site.Affected(plan(t, root), []string{"content/years/2024.md"}) {
		affected = append(affected, p.URL)
	}
	sort.Strings(affected)
	// The year's page shows the narrative, and so does its English page
	// (the Vietnamese text, marked, where there is no English one); the
	// search page (whose own HTML lists titles only) writes the site feed
	// and the search index, which show its opening, once for both
	// languages.
	const wantAffected = "/en/nam/2024/ /en/tim-kiem/ /nam/2024/ /tim-kiem/"
	if got := strings.Join(affected, " "); got != wantAffected {
		t.Errorf("affected pages %s, want %s", got, wantAffected)
	}
	want := []string{"en/nam/2024/index.html", "feed.xml", "nam/2024/index.html", "tim-kiem/chi-muc.json"}
	if strings.Join(rewritten, " ") != strings.Join(want, " ") {
		t.Errorf("rewritten %v, want %v", rewritten, want)
	}
}

// plan is the page plan of the project at root.
func plan(t *testing.T, root string) []site.Page {
	t.Helper()
	opt := Options{Root: root}
	project, base, err := openProject(&opt)
	if err != nil {
		t.Fatal(err)
	}
	defer project.Close()
	rep, in, err := analyse(&opt, project, base)
	if err != nil {
		t.Fatalf("%v\n%s", err, rep.Diagnostics)
	}
	return site.Plan(in.Input)
}

func stats(t *testing.T, dir string) map[string]os.FileInfo {
	t.Helper()
	out := map[string]os.FileInfo{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		st, err := os.Stat(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = st
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// kept: the same file (device and inode where the system has them) with
// the same modification time.
func kept(a, b os.FileInfo) bool {
	return b != nil && os.SameFile(a, b) && a.ModTime().Equal(b.ModTime())
}
