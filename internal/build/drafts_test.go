package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/internal/example"
)

// Item 10 with the preview: a Session with drafts (serve's) stays
// byte-identical to a full build with drafts when a decision becomes a
// draft (its front matter: everything again) and when a draft's body is
// edited (the short path re-renders only the pages showing it, banner
// included); a build without drafts leaves the draft decision out. On
// `parindex new`'s minimal project: a build takes a fraction of a second
// where the example's takes seconds.
func TestIncrementalWithDrafts(t *testing.T) {
	root := t.TempDir()
	if err := example.Generate(root, example.Options{Preset: "minimal"}); err != nil {
		t.Fatal(err)
	}
	served := filepath.Join(t.TempDir(), "served")
	s := NewSession(Options{Root: root, Drafts: true})
	ctx := context.Background()
	if rep, err := s.Update(ctx, served); err != nil {
		t.Fatalf("first update: %v\n%s", err, rep.Diagnostics)
	}
	const decision = "content/decisions/2024-qd-128.md"
	for _, tc := range []struct {
		name     string
		edit     func(t *testing.T)
		bodyOnly bool
	}{
		{"decision becomes a draft", func(t *testing.T) { editFile(t, root, decision, "---\n", "---\ndraft: true\n") }, false},
		{"draft body edited", func(t *testing.T) {
			p := filepath.Join(root, decision)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, append(b, "\nĐoạn dự thảo mới.\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.edit(t)
			rep, err := s.Update(ctx, served)
			if err != nil {
				t.Fatalf("update: %v\n%s", err, rep.Diagnostics)
			}
			if bodyOnly := rep.Rendered < rep.Pages; bodyOnly != tc.bodyOnly {
				t.Errorf("rendered %d of %d pages; want the short path: %v", rep.Rendered, rep.Pages, tc.bodyOnly)
			}
			full := filepath.Join(t.TempDir(), "site")
			if frep, err := Build(Options{Root: root, Out: full, Drafts: true}); err != nil {
				t.Fatalf("full build: %v\n%s", err, frep.Diagnostics)
			}
			sameTree(t, served, full)
			page, err := os.ReadFile(filepath.Join(served, "quyet-dinh", "2024-qd-128", "index.html"))
			if err != nil || !strings.Contains(string(page), `class="draft-banner"`) {
				t.Errorf("the draft decision's page has no banner (%v)", err)
			}
		})
	}
	// Without drafts the decision is not published, and its year's
	// rankings stay, without it.
	out := filepath.Join(t.TempDir(), "site")
	if rep, err := Build(Options{Root: root, Out: out}); err != nil {
		t.Fatalf("build without drafts: %v\n%s", err, rep.Diagnostics)
	}
	if _, err := os.Stat(filepath.Join(out, "quyet-dinh", "2024-qd-128")); err == nil {
		t.Error("a build without drafts published the draft decision")
	}
	ranking, err := os.ReadFile(filepath.Join(out, "nam", "2024", "so", "index.html"))
	if err != nil {
		t.Fatalf("the ranking of the draft decision's year: %v", err)
	}
	if strings.Contains(string(ranking), "128/QĐ-UBND") || strings.Contains(string(ranking), "draft-banner") {
		t.Error("the ranking still names the draft decision, or says draft")
	}
}
