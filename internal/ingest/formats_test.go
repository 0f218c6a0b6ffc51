package ingest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// The input formats documented in FORMATS.md are the contract: its worked
// examples must load without a single diagnostic, so the documentation
// cannot drift from the importer.
func TestFormatsExamplesLoad(t *testing.T) {
	formats := readFormats(t)
	block := func(heading, lang string) string {
		t.Helper()
		i := strings.Index(formats, heading)
		if i < 0 {
			t.Fatalf("FORMATS.md has no section %q", heading)
		}
		m := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```").FindStringSubmatch(formats[i:])
		if m == nil {
			t.Fatalf("FORMATS.md section %q has no ```%s block", heading, lang)
		}
		return m[1]
	}
	decision := block("### content/decisions/*.md", "markdown")
	fsys := fstest.MapFS{
		"data/site.yaml":                    {Data: []byte(block("## data/site.yaml", "yaml"))},
		"data/units.yaml":                   {Data: []byte(block("## data/units.yaml", "yaml"))},
		"data/frameworks/so-2019.yaml":      {Data: []byte(block("## data/frameworks/*.yaml", "yaml"))},
		"data/reconciliation.yaml":          {Data: []byte(block("## data/reconciliation.yaml", "yaml"))},
		"content/decisions/2023-qd-1007.md": {Data: []byte(decision)},
		"content/files/2023/qd-1007.pdf":    {Data: []byte("%PDF-1.4\n")},
		"content/files/2023/phu-luc.xlsx":   {Data: []byte("not read: attachments are copied as they are")},
	}
	ds, diags := load(t, fsys)
	wantDiags(t, diags)
	if len(ds.Frameworks) != 1 || len(ds.Docs) != 1 || ds.Registry == nil || len(ds.Registry.Units) == 0 {
		t.Fatalf("FORMATS.md examples loaded %d frameworks, %d docs", len(ds.Frameworks), len(ds.Docs))
	}
}

func readFormats(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../FORMATS.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Every key the importer accepts is documented in FORMATS.md: the keys are
// read from this package's own calls of yfile.fields, so a key added to a
// loader without a word in FORMATS.md fails here.
func TestFormatsDocumentsEveryKey(t *testing.T) {
	formats := readFormats(t)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`\.fields\([^,()]+, "([^"]*)"((?:, "[^"]+")+)\)`)
	lit := regexp.MustCompile(`"([^"]+)"`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			for _, k := range lit.FindAllStringSubmatch(m[2], -1) {
				n++
				key := k[1]
				if !strings.Contains(formats, "`"+key+"`") && !strings.Contains(formats, "\n"+key+":") &&
					!strings.Contains(formats, " "+key+":") && !strings.Contains(formats, "{"+key+":") {
					t.Errorf("%s: key %q of %s is not documented in FORMATS.md", f, key, m[1])
				}
			}
		}
	}
	if n < 50 {
		t.Errorf("found only %d keys in the loaders; the pattern no longer matches their calls", n)
	}
}
