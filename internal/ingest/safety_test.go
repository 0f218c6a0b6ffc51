package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"parindex/internal/par"
)

// Issue 10, "Every read is bounded": data/site.yaml's limits set the size
// limits, in the units a webmaster writes; mistakes are errors at their
// line and leave the default.
func TestLimitsFromSiteYAML(t *testing.T) {
	fsys := baseFS()
	fsys["data/site.yaml"] = &fstest.MapFile{Data: []byte(siteYAML + `limits:
  markdown: 1 KiB
  yaml: 2KB
  attachment: 100 bytes
  workbook: 3 MiB
  workbook_unzipped: 4 MB
  workbooks_unzipped: 2 GiB
  workbook_memory: 64 MiB
`)}
	ds, diags := load(t, fsys)
	wantDiags(t, diags)
	want := par.Limits{Markdown: 1 << 10, YAML: 2 << 10, Attachment: 100, Workbook: 3 << 20, WorkbookUnzipped: 4 << 20, WorkbooksUnzipped: 2 << 30, WorkbookMemory: 64 << 20}
	if ds.Site.Limits != want {
		t.Errorf("limits %+v, want %+v", ds.Site.Limits, want)
	}

	fsys["data/site.yaml"] = &fstest.MapFile{Data: []byte(siteYAML + `limits:
  markdown: lots
  yaml: -1
  markdwn: 1 MiB
  workbook_unzipped: 1 GiB
`)}
	ds, diags = load(t, fsys)
	wantDiags(t, diags,
		`data/site.yaml:7: error: limits.markdown: "lots" is not a size (write e.g. 8 MiB, 512 KiB or 2 GiB)`,
		`data/site.yaml:8: error: limits.yaml: "-1" is not a size (write e.g. 8 MiB, 512 KiB or 2 GiB)`,
		`data/site.yaml:9: error: unknown key "markdwn" in limits (did you mean "markdown"?)`,
		`data/site.yaml:10: error: limits.workbook_memory (512 MiB) must be at least limits.workbook_unzipped (1 GiB): one workbook must fit`,
	)
	if ds.Site.Limits.Markdown != DefaultLimits().Markdown {
		t.Errorf("a bad value changed the limit: %d", ds.Site.Limits.Markdown)
	}
}

// Files over their limit are an error naming the file, the limit and how
// to raise it; nothing of them is read.
func TestSizeLimits(t *testing.T) {
	fsys := baseFS()
	fsys["data/site.yaml"] = &fstest.MapFile{Data: []byte(siteYAML + "limits: {markdown: 1 KiB, yaml: 8 KiB, attachment: 1 KiB}\n")}
	fsys["content/pages/dai.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Dài\n---\n" + strings.Repeat("Chữ. ", 400))}
	fsys["content/pages/ngan.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Ngắn\n---\nChữ.\n")}
	fsys["data/frameworks/lon.yaml"] = &fstest.MapFile{Data: []byte("id: lon\n# " + strings.Repeat("x", 9000) + "\n")}
	fsys["content/files/2024/lon.pdf"] = &fstest.MapFile{Data: make([]byte, 2000)}
	fsys["content/files/2024/nho.pdf"] = &fstest.MapFile{Data: make([]byte, 1000)}
	ds, diags := load(t, fsys)
	wantDiags(t, diags,
		"data/frameworks/lon.yaml: error: file too large (over 8 KiB; limits.yaml in data/site.yaml raises the limit)",
		"content/files/2024/lon.pdf: error: attachment too large (over 1 KiB; limits.attachment in data/site.yaml raises the limit)",
		"content/pages/dai.md: error: file too large (over 1 KiB; limits.markdown in data/site.yaml raises the limit)",
	)
	if len(ds.Docs) != 1 || ds.Docs[0].Slug != "ngan" {
		t.Errorf("docs read: %v", ds.Docs)
	}
	if strings.Join(ds.Assets, ",") != "files/2024/nho.pdf" {
		t.Errorf("assets: %v", ds.Assets)
	}
}

// Issue 10, "Text is valid": bytes that are not UTF-8 in markdown or YAML
// are an error at their line, and the file is not used; a byte-order mark
// is accepted.
func TestInvalidUTF8Text(t *testing.T) {
	fsys := baseFS()
	fsys["data/units.yaml"] = &fstest.MapFile{Data: []byte("\ufeff" + unitsYAML)}
	fsys["data/site.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(siteYAML, "publisher: Sở Nội vụ", "publisher: S\xf5 N\xe9i v\xf5", 1))}
	fsys["content/pages/cp1258.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Trang\n---\nDòng hai.\nC\xf4ng b\xe8 k\xd5t qu\xb6.\n")}
	fsys["content/pages/front.md"] = &fstest.MapFile{Data: []byte("---\ntitle: \xff\n---\nx\n")}
	fsys["content/pages/bom.md"] = &fstest.MapFile{Data: []byte("\ufeff---\ntitle: Có BOM\n---\nNội dung.\n")}
	fsys["data/frameworks/so-2023.yaml"] = &fstest.MapFile{Data: []byte("\ufeff" + frameworkYAML)}
	ds, diags := load(t, fsys)
	wantDiags(t, diags,
		"data/site.yaml:4: error: invalid UTF-8 (byte F5): save the file as UTF-8",
		"content/pages/cp1258.md:5: error: invalid UTF-8 (byte F4): save the file as UTF-8",
		"content/pages/front.md:2: error: invalid UTF-8 (byte FF): save the file as UTF-8",
	)
	if len(ds.Docs) != 1 || ds.Docs[0].Title != "Có BOM" {
		t.Errorf("docs: %+v", ds.Docs)
	}
	if len(ds.Frameworks) != 1 || len(ds.Registry.Units) == 0 {
		t.Errorf("YAML with a BOM was not read")
	}
}

// The same in a workbook's cell: an error at the cell.
func TestInvalidUTF8Cell(t *testing.T) {
	data := book(t, stdSheet("Sở Nội vụ", "Đơn vị: Sở Nội vụ"))
	data = replaceInBook(t, data, "Ban hành kế hoạch", "Ban h\xe0nh k\xea ho\xb9ch")
	fsys := baseFS()
	fsys["data/scores/2023/so.xlsx"] = &fstest.MapFile{Data: data}
	_, diags := load(t, fsys)
	if len(diags) != 1 || !strings.HasPrefix(diags[0], "data/scores/2023/so.xlsx: Sở Nội vụ!") ||
		!strings.Contains(diags[0], ": error: text that is not valid UTF-8") {
		t.Errorf("diagnostics: %q", diags)
	}
}

// The total decompressed size of the workbooks is bounded for a build.
func TestWorkbooksTotalLimit(t *testing.T) {
	fsys := withBook(t, "data/scores/2023/so.xlsx", stdSheet("Sở Nội vụ", "Đơn vị: Sở Nội vụ"))
	fsys["data/scores/2023/so2.xlsx"] = fsys["data/scores/2023/so.xlsx"]
	fsys["data/site.yaml"] = &fstest.MapFile{Data: []byte(siteYAML + "limits: {workbooks_unzipped: 4 KiB}\n")}
	ds, diags := load(t, fsys)
	if len(diags) != 1 || !strings.HasPrefix(diags[0], "data/scores: error: the workbooks decompress to ") ||
		!strings.HasSuffix(diags[0], " in all, over the limit of 4 KiB for one build (limits.workbooks_unzipped in data/site.yaml raises it)") {
		t.Errorf("diagnostics: %q", diags)
	}
	if len(ds.Sheets) != 0 {
		t.Errorf("%d sheets read over the limit", len(ds.Sheets))
	}
}

// The memory budget: workbooks being read at once never weigh more than
// it, whatever the number of workers, and a workbook heavier than the
// whole budget is read alone.
func TestBudget(t *testing.T) {
	b := newBudget(100)
	var inUse, peak atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(w int64) {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				if !b.acquire(context.Background(), w) {
					t.Error("acquire failed")
					return
				}
				n := inUse.Add(min(w, 100))
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				inUse.Add(-min(w, 100))
				b.release(w)
			}
		}([]int64{10, 30, 60, 250}[i%4])
	}
	wg.Wait()
	if p := peak.Load(); p > 100 {
		t.Errorf("peak %d over the budget of 100", p)
	}
	// A cancelled wait gives up.
	if !b.acquire(context.Background(), 100) {
		t.Fatal("acquire")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan bool)
	go func() { done <- b.acquire(ctx, 1) }()
	cancel()
	if <-done {
		t.Error("acquire succeeded after cancel")
	}
}

// Issue 10, "Stopping works": a cancelled load stops between files and
// reports nothing more.
func TestLoadCancelled(t *testing.T) {
	fsys := withBook(t, "data/scores/2023/so.xlsx", stdSheet("Sở Nội vụ", "Đơn vị: Sở Nội vụ"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ds, d := Load(fsys, Options{Context: ctx})
	if d.Len() != 0 || len(ds.Sheets) != 0 || ds.Registry != nil && len(ds.Registry.Units) != 0 {
		t.Errorf("a cancelled load read on: %d diagnostics, %d sheets", d.Len(), len(ds.Sheets))
	}
}

// FuzzTextReaders feeds arbitrary bytes, invalid UTF-8 included, to the
// YAML and markdown readers: either the file is refused with an error, or
// every string read from it is valid UTF-8; no raw invalid byte reaches
// the dataset or a message.
func FuzzTextReaders(f *testing.F) {
	f.Add([]byte(siteYAML), []byte(decisionMD))
	f.Add([]byte("title: S\xf5 N\xe9i v\xf5\n"), []byte("---\ntitle: \xc3\x28\n---\n\xe2\x82 body\n"))
	f.Add([]byte("\ufefftitle: \"\\xff\"\nbase_url: /\xff/\n"), []byte("\ufeff# Ti\xeau \xed\xa0\x80\n![a](https://x/\xff.png)"))
	f.Fuzz(func(t *testing.T, site, md []byte) {
		fsys := baseFS()
		fsys["data/site.yaml"] = &fstest.MapFile{Data: site}
		fsys["content/pages/p.md"] = &fstest.MapFile{Data: md}
		ds, d := Load(fsys, Options{Workers: 1})
		valid := func(what, s string) {
			if !utf8.ValidString(s) {
				t.Errorf("%s is not valid UTF-8: %q", what, s)
			}
		}
		s := ds.Site
		for _, v := range []string{s.Title, s.TitleEn, s.Province, s.Publisher, s.BaseURL} {
			valid("site field", v)
		}
		for _, doc := range ds.Docs {
			valid("doc title", doc.Title)
			valid("doc body", string(doc.Body))
		}
		for _, x := range d.Sorted() {
			valid("diagnostic", x.String())
		}
		refused := func(file string) bool {
			for _, x := range d.Sorted() {
				if x.File == file && strings.Contains(x.Msg, "invalid UTF-8") {
					return true
				}
			}
			return false
		}
		if !utf8.Valid(site) && !refused("data/site.yaml") {
			t.Errorf("site.yaml with invalid UTF-8 not refused")
		}
		if !utf8.Valid(md) && !refused("content/pages/p.md") {
			t.Errorf("markdown with invalid UTF-8 not refused")
		}
	})
}

// replaceInBook replaces text in every part of a workbook.
func replaceInBook(t *testing.T, data []byte, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
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
		found = found || bytes.Contains(b, []byte(old))
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(bytes.ReplaceAll(b, []byte(old), []byte(new)))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("%q not found in the workbook", old)
	}
	return buf.Bytes()
}
