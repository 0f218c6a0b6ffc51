//go:build unix

package build

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parindex/internal/diag"
	"parindex/internal/example"
)

// Issue 10, "The project's root is a boundary": one case per boundary.
// Each puts one thing into a small generated project whose site was
// built once, builds again, and checks the exact error (the only one:
// one fault, one error), that check reports it too, and that nothing of
// what the link points to reached the output, which still holds the
// previous site. A link to a file inside the project is followed.
func TestBoundary(t *testing.T) {
	// One project and its site, built once and copied for each case.
	pristine := t.TempDir()
	if err := example.Generate(pristine, example.Options{Preset: "minimal"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Root: pristine, Workers: 2}); err != nil {
		t.Fatalf("first build: %v", err)
	}
	// Outside the project: a workbook, and a secret in the environment
	// (where a CI token would be) that /proc/self/environ would expose.
	outside := t.TempDir()
	wb, err := os.ReadFile(filepath.Join(pristine, "data", "scores", "2024", "so-ban-nganh.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	outsideBook := filepath.Join(outside, "ngoai.xlsx")
	if err := os.WriteFile(outsideBook, wb, 0o644); err != nil {
		t.Fatal(err)
	}
	const secret = "parindex-test-secret-7f3a9c"
	t.Setenv("PARINDEX_TEST_TOKEN", secret)

	const outsideMsg = ", outside the project: not read (only files inside the project are)"
	cases := []struct {
		name  string
		setup func(t *testing.T, root string)
		want  string   // the one error; "" for a build that succeeds
		never []string // in no output file
	}{
		{"passwd", link("content/pages/passwd.md", "/etc/passwd"),
			"content/pages/passwd.md: error: symbolic link to /etc/passwd" + outsideMsg, []string{"root:x:0:0"}},
		{"site.yaml", link("data/site.yaml", "/etc/passwd"),
			"data/site.yaml: error: symbolic link to /etc/passwd" + outsideMsg, []string{"root:x:0:0"}},
		{"zero", link("content/files/2024/qd-128-ubnd.pdf", "/dev/zero"),
			"content/files/2024/qd-128-ubnd.pdf: error: symbolic link to /dev/zero" + outsideMsg, nil},
		{"environ", link("content/files/2024/env.txt", "/proc/self/environ"),
			"content/files/2024/env.txt: error: symbolic link to /proc/self/environ" + outsideMsg, []string{secret}},
		{"folder", link("content/files/etc", "/etc"),
			"content/files/etc: error: symbolic link to /etc" + outsideMsg, []string{"root:x:0:0"}},
		{"escape", link("content/pages/len.md", "../../../outside.md"),
			"content/pages/len.md: error: symbolic link to ../../../outside.md" + outsideMsg, nil},
		{"fifo", func(t *testing.T, root string) {
			if err := syscall.Mkfifo(filepath.Join(root, "data", "scores", "2024", "ong.xlsx"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "data/scores/2024/ong.xlsx: error: a named pipe (FIFO): not read (only regular files and folders are)", nil},
		{"socket", func(t *testing.T, root string) {
			ln, err := net.Listen("unix", filepath.Join(root, "content", "pages", "s.md"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ln.Close() })
		}, "content/pages/s.md: error: a socket: not read (only regular files and folders are)", nil},
		{"loop", func(t *testing.T, root string) {
			link("data/frameworks/a.yaml", "b.yaml")(t, root)
			link("data/frameworks/b.yaml", "a.yaml")(t, root)
		}, "", nil}, // two errors, checked below
		{"templates", link("templates/home.html", "/etc/passwd"),
			"templates/home.html: error: symbolic link to /etc/passwd" + outsideMsg, []string{"root:x:0:0"}},
		{"static", link("static/css/site.css", "/etc/passwd"),
			"static/css/site.css: error: symbolic link to /etc/passwd" + outsideMsg, []string{"root:x:0:0"}},
		{"scores", func(t *testing.T, root string) {
			p := filepath.Join(root, "data", "scores", "2024", "so-ban-nganh.xlsx")
			os.Remove(p)
			if err := os.Symlink(outsideBook, p); err != nil {
				t.Fatal(err)
			}
		}, "data/scores/2024/so-ban-nganh.xlsx: error: symbolic link to " + outsideBook + outsideMsg, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			if err := os.CopyFS(root, os.DirFS(pristine)); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(root, "site")
			before := readTree(t, out)
			tc.setup(t, root)

			var rep *Report
			done := make(chan struct{})
			go func() {
				defer close(done)
				rep, err = Build(Options{Root: root, Out: out, Workers: 2})
			}()
			select {
			case <-done:
			case <-time.After(60 * time.Second):
				t.Fatal("the build hangs")
			}
			if err == nil || !IsDiagnostics(err) {
				t.Fatalf("build: %v, want input errors", err)
			}
			errs := errorLines(rep.Diagnostics)
			t.Logf("%s", strings.Join(errs, "\n"))
			want := []string{tc.want}
			if tc.name == "loop" {
				want = []string{
					"data/frameworks/a.yaml: error: symbolic link to b.yaml is a loop (never reaches a file): not read",
					"data/frameworks/b.yaml: error: symbolic link to a.yaml is a loop (never reaches a file): not read",
				}
			}
			if strings.Join(errs, "\n") != strings.Join(want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
			}
			crep, cerr := Check(Options{Root: root, Workers: 2})
			if cerr == nil || strings.Join(errorLines(crep.Diagnostics), "\n") != strings.Join(want, "\n") {
				t.Errorf("check: %v\n%s", cerr, crep.Diagnostics)
			}

			after := readTree(t, out)
			if len(after) != len(before) {
				t.Errorf("output has %d files, the previous site %d", len(after), len(before))
			}
			for p, b := range after {
				if !bytes.Equal(b, before[p]) {
					t.Errorf("%s changed", p)
				}
				for _, s := range tc.never {
					if bytes.Contains(b, []byte(s)) {
						t.Errorf("%s holds %q", p, s)
					}
				}
			}
			if l := leftoversNextTo(t, out); len(l) != 0 {
				t.Errorf("left behind: %v", l)
			}
		})
	}

	// A link to a file or folder inside the project is followed.
	t.Run("inside", func(t *testing.T) {
		root := t.TempDir()
		if err := os.CopyFS(root, os.DirFS(pristine)); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(filepath.Join(root, "site"))
		link("content/pages/lien-ket.md", "../index.md")(t, root)
		link("content/files/ban-sao", "2024")(t, root)
		link("data/site-link-target.yaml", "site.yaml")(t, root) // not input: data/ holds named files only
		out := filepath.Join(root, "site")
		rep, err := Build(Options{Root: root, Out: out, Workers: 2})
		if err != nil {
			t.Fatalf("build: %v\n%s", err, rep.Diagnostics)
		}
		index, _ := os.ReadFile(filepath.Join(root, "content", "index.md"))
		page, err := os.ReadFile(filepath.Join(out, "trang", "lien-ket", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(page, []byte("dự án mẫu")) || !bytes.Contains(index, []byte("dự án mẫu")) {
			t.Errorf("the linked page does not show content/index.md's text")
		}
		for _, f := range []string{"files/ban-sao/qd-128-ubnd.pdf", "files/2024/qd-128-ubnd.pdf"} {
			if _, err := os.Stat(filepath.Join(out, f)); err != nil {
				t.Errorf("%s not published: %v", f, err)
			}
		}
	})
}

// link makes a symbolic link at name (relative to the project) to target,
// replacing a file there.
func link(name, target string) func(t *testing.T, root string) {
	return func(t *testing.T, root string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		os.Remove(p)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// errorLines are the errors among the diagnostics, printed.
func errorLines(l *diag.List) []string {
	var out []string
	for _, d := range l.Sorted() {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// leftoversNextTo lists a build's temporary folders and lock next to out.
func leftoversNextTo(t *testing.T, out string) []string {
	t.Helper()
	var l []string
	for _, pat := range []string{".tmp-*", ".old", ".lock"} {
		m, _ := filepath.Glob(out + pat)
		l = append(l, m...)
	}
	return l
}
