package ingest

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// The input formats documented in README.md are the contract: its worked
// examples must load without a single diagnostic, so the documentation
// cannot drift from the importer.
func TestREADMEExamplesLoad(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	block := func(heading, lang string) string {
		t.Helper()
		i := strings.Index(readme, heading)
		if i < 0 {
			t.Fatalf("README has no section %q", heading)
		}
		m := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```").FindStringSubmatch(readme[i:])
		if m == nil {
			t.Fatalf("README section %q has no ```%s block", heading, lang)
		}
		return m[1]
	}
	decision := block("### content/decisions/*.md", "markdown")
	fsys := fstest.MapFS{
		"data/site.yaml":                    {Data: []byte(block("### data/site.yaml", "yaml"))},
		"data/units.yaml":                   {Data: []byte(block("### data/units.yaml", "yaml"))},
		"data/frameworks/so-2019.yaml":      {Data: []byte(block("### data/frameworks/*.yaml", "yaml"))},
		"content/decisions/2023-qd-1007.md": {Data: []byte(decision)},
		"content/files/2023/qd-1007.pdf":    {Data: []byte("%PDF-1.4\n")},
		"content/files/2023/phu-luc.xlsx":   {Data: []byte("not read: attachments are copied as they are")},
	}
	ds, diags := load(t, fsys)
	wantDiags(t, diags)
	if len(ds.Frameworks) != 1 || len(ds.Docs) != 1 || ds.Registry == nil || len(ds.Registry.Units) == 0 {
		t.Fatalf("README examples loaded %d frameworks, %d docs", len(ds.Frameworks), len(ds.Docs))
	}
}
