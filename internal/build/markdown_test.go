package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parindex/internal/diag"
	"parindex/internal/example"
)

// Issue 9, 11 and issue 10, 5: what the docs stage drops or changes in a
// markdown file is a warning at its line of the file (front matter
// counted), the build goes on, and the page loads nothing from outside.
// Root-relative links in markdown are put under the base path.
func TestMarkdownWarnings(t *testing.T) {
	root := t.TempDir()
	if err := example.Generate(root, example.Options{Preset: "minimal"}); err != nil {
		t.Fatal(err)
	}
	md := "---\n" + // 1
		"title: Thử\n" + // 2
		"---\n" + // 3
		"Mở đầu.\n" + // 4
		"\n" + // 5
		"<iframe src=\"https://example.com/\"></iframe>\n" + // 6
		"\n" + // 7
		"Ảnh ![Logo](https://cdn.example.com/logo.png) và [tệp](/files/2024/qd-128-ubnd.pdf).\n" // 8
	if err := os.WriteFile(filepath.Join(root, "content", "pages", "thu.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "site")
	rep, err := Build(Options{Root: root, Out: out, BaseURL: "/chi-so-cchc/"})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, rep.Diagnostics)
	}
	var got []string
	for _, d := range rep.Diagnostics.Sorted() {
		if d.Severity == diag.Warning && d.File == "content/pages/thu.md" {
			got = append(got, d.String())
		}
	}
	want := []string{
		`content/pages/thu.md:6: warning: raw HTML dropped (not published): <iframe src="https://example.com/"></if…`,
		`content/pages/thu.md:8: warning: image from another site ("https://cdn.example.com/logo.png") shown as a link, not loaded: the site loads nothing from outside itself; copy the image under content/files/ to show it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	page, err := os.ReadFile(filepath.Join(out, "trang", "thu", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []*regexp.Regexp{regexp.MustCompile(`(?i)<(img|iframe|script|link|source|video|audio)[^>]+(src|href)="(https?:)?//`)} {
		if m := bad.Find(page); m != nil {
			t.Errorf("the page loads from outside: %s", m)
		}
	}
	for _, want := range []string{`<a href="https://cdn.example.com/logo.png">Logo</a>`, `<a href="/chi-so-cchc/files/2024/qd-128-ubnd.pdf">tệp</a>`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
