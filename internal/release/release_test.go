package release

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parindex/internal/build"
	"parindex/internal/example"
	"parindex/internal/par"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func writeSite(t *testing.T, dir string, files map[string]string, order []string) {
	t.Helper()
	for _, p := range order {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(files[p]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The zip depends only on the site and the date: files written in another
// order, at other times, give the same bytes; entries are sorted and
// dated midnight UTC of the release date.
func TestZipDeterministic(t *testing.T) {
	files := map[string]string{
		"index.html": "<p>trang chủ</p>", "nam/2024/so/index.html": "<p>xếp hạng</p>",
		"static/css/site.css": "body{}", "files/2024/qd.pdf": "%PDF-1.4\n",
	}
	a, b := t.TempDir(), t.TempDir()
	writeSite(t, a, files, []string{"index.html", "nam/2024/so/index.html", "static/css/site.css", "files/2024/qd.pdf"})
	writeSite(t, b, files, []string{"files/2024/qd.pdf", "static/css/site.css", "nam/2024/so/index.html", "index.html"})
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(b, "index.html"), old, old); err != nil {
		t.Fatal(err)
	}
	date := par.Date{Year: 2026, Month: 1, Day: 10}
	zipOf := func(dir string) []byte {
		fs, err := siteFiles(dir)
		if err != nil {
			t.Fatal(err)
		}
		var z bytes.Buffer
		if err := Zip(&z, dir, fs, date); err != nil {
			t.Fatal(err)
		}
		return z.Bytes()
	}
	za, zb := zipOf(a), zipOf(b)
	if !bytes.Equal(za, zb) {
		t.Fatal("the same site gives two zips")
	}
	zr, err := zip.NewReader(bytes.NewReader(za), int64(len(za)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s dated %v", f.Name, f.Modified)
		}
	}
	if got := strings.Join(names, " "); got != "files/2024/qd.pdf index.html nam/2024/so/index.html static/css/site.css" {
		t.Errorf("entries: %s", got)
	}
	if other := zipOf(a); !bytes.Equal(other, za) {
		t.Error("zipping twice gives two zips")
	}
}

// goldenRecords are two releases: files added, removed and changed;
// figures changed, withdrawn and published for the first time.
func goldenRecords() (*par.Release, *par.Release) {
	prev := &par.Release{Version: "1", Date: "2025-03-01",
		Files: map[string]string{"index.html": strings.Repeat("a", 64), "nam/2023/so/index.html": strings.Repeat("b", 64), "old/index.html": strings.Repeat("c", 64)},
		Figures: []par.ReleaseUnitYear{
			{Unit: "so-noi-vu", Year: 2023, Index: "85.12", Total: "85.12", Rank: "1", Band: "Tốt", Areas: map[string]string{"I": "8.50", "II": "12.25"}},
			{Unit: "so-tu-phap", Year: 2023, Index: "80.00", Total: "80.00", Rank: "2", Band: "Tốt"},
		}}
	rec := &par.Release{Version: "2", Date: "2026-01-10",
		Files: map[string]string{"index.html": strings.Repeat("d", 64), "nam/2023/so/index.html": strings.Repeat("b", 64), "nam/2024/so/index.html": strings.Repeat("e", 64), "dinh-chinh/index.html": strings.Repeat("f", 64)},
		Figures: []par.ReleaseUnitYear{
			{Unit: "so-noi-vu", Year: 2023, Index: "86.40", Total: "86.40", Rank: "1", Band: "Tốt", Areas: map[string]string{"I": "9.78", "II": "12.25"}},
			{Unit: "so-tu-phap", Year: 2023, Index: "80.00", Total: "80.00", Rank: "2"},
			{Unit: "so-noi-vu", Year: 2024, Index: "90.00", Total: "90.00", Rank: "1", Band: "Xuất sắc"},
		}}
	for _, r := range []*par.Release{prev, rec} {
		r.FiguresSHA256 = par.Flatten(r.Figures).Checksum()
		r.Corrections = []par.RecordCorrection{}
	}
	rec.Corrections = []par.RecordCorrection{{Unit: "so-noi-vu", Year: 2023, Figure: "index", Old: "85,12", New: "86,40", Date: "2025-12-01", Reason: "Cộng sót điểm.", Decision: "512/QĐ-UBND"}}
	return prev, rec
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/release -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; rerun with -update and review the diff:\n got:\n%s", path, got)
	}
}

// The change list, the manifest and the record, as golden files.
func TestChangesManifestRecordGolden(t *testing.T) {
	prev, rec := goldenRecords()
	golden(t, "changes.txt", []byte(Compare(prev, rec).Text(prev, rec)))
	golden(t, "changes-first.txt", []byte(Compare(nil, prev).Text(nil, prev)))
	golden(t, "manifest.sha256", Manifest([]File{{"index.html", strings.Repeat("d", 64)}, {"nam/2024/so/index.html", strings.Repeat("e", 64)}}))
	b, err := Encode(rec)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "record.json", b)
	// The record reads back as it was written.
	var back par.Release
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if par.Flatten(back.Figures).Checksum() != rec.FiguresSHA256 || len(back.Files) != len(rec.Files) || back.Corrections[0] != rec.Corrections[0] {
		t.Errorf("record does not read back: %+v", back)
	}
}

func TestNext(t *testing.T) {
	rs := func(vs ...string) []*par.Release {
		var out []*par.Release
		for _, v := range vs {
			out = append(out, &par.Release{Version: v})
		}
		return out
	}
	for _, c := range []struct {
		have []*par.Release
		want string
	}{{nil, "1"}, {rs("1"), "2"}, {rs("1", "2", "10"), "11"}, {rs("2026.1"), "1"}, {rs("3", "2026.1"), "4"}} {
		if got := Next(c.have); got != c.want {
			t.Errorf("Next(%v) = %s, want %s", c.have, got, c.want)
		}
	}
}

// newProject is `parindex new`'s minimal project, built.
func newProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := example.Generate(dir, example.Options{Preset: "minimal"}); err != nil {
		t.Fatal(err)
	}
	return dir
}

func buildProject(t *testing.T, root string) *build.Report {
	t.Helper()
	rep, err := build.Build(build.Options{Root: root, Workers: 2})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, rep.Diagnostics)
	}
	return rep
}

// A release of the minimal project: the zip holds the built site, the
// manifest checks it (with sha256sum when the machine has it), the record
// reads back; a recorded version or an existing file is refused; the next
// default version is 2, with nothing changed.
func TestMakeRelease(t *testing.T) {
	root := newProject(t)
	rep := buildProject(t, root)
	dist := filepath.Join(root, "dist")
	day := par.Date{Year: 2026, Month: 1, Day: 10}
	rel, err := Make(rep.Dataset, rep.Results, Options{Root: root, Site: rep.Out, Out: dist, Date: day})
	if err != nil {
		t.Fatal(err)
	}
	if rel.Record.Version != "1" || rel.Previous != nil {
		t.Fatalf("first release: version %s, previous %v", rel.Record.Version, rel.Previous)
	}
	// The zip is the site, byte for byte.
	z, err := zip.OpenReader(rel.Zip)
	if err != nil {
		t.Fatal(err)
	}
	unpacked := t.TempDir()
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.ReadFrom(r)
		r.Close()
		site, err := os.ReadFile(filepath.Join(rep.Out, filepath.FromSlash(f.Name)))
		if err != nil || !bytes.Equal(site, b.Bytes()) {
			t.Errorf("%s in the zip is not the site's", f.Name)
		}
		writeSite(t, unpacked, map[string]string{f.Name: b.String()}, []string{f.Name})
	}
	z.Close()
	if len(z.File) != len(rel.Record.Files) {
		t.Errorf("zip has %d files, record %d", len(z.File), len(rel.Record.Files))
	}
	if sha, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command(sha, "-c", "--quiet", rel.Manifest)
		cmd.Dir = unpacked
		if abs, err := filepath.Abs(rel.Manifest); err == nil {
			cmd.Args[3] = abs
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c on the unpacked site: %v\n%s", err, out)
		}
		cmd = exec.Command(sha, "-c", "--quiet", filepath.Base(rel.ZipSum))
		cmd.Dir = dist
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c of the zip: %v\n%s", err, out)
		}
	}
	// Recorded: refused again, from the dataset read later and from disk.
	if _, err := Make(rep.Dataset, rep.Results, Options{Root: root, Site: rep.Out, Out: t.TempDir(), Version: "1", Date: day}); err == nil || !strings.Contains(err.Error(), "release 1 is recorded already") {
		t.Errorf("version 1 again: %v", err)
	}
	rep = buildProject(t, root)
	if len(rep.Dataset.Releases) != 1 || rep.Dataset.Releases[0].ZipSHA256 != rel.Record.ZipSHA256 {
		t.Fatalf("ingest read back %d releases", len(rep.Dataset.Releases))
	}
	if _, err := Make(rep.Dataset, rep.Results, Options{Root: root, Site: rep.Out, Out: dist, Version: "1", Date: day}); err == nil || !strings.Contains(err.Error(), "recorded already") {
		t.Errorf("version 1 again: %v", err)
	}
	if _, err := Make(rep.Dataset, rep.Results, Options{Root: root, Site: rep.Out, Out: dist, Date: par.Date{Year: 2025, Month: 1, Day: 1}}); err == nil || !strings.Contains(err.Error(), "before release 1") {
		t.Errorf("an earlier date: %v", err)
	}
	os.WriteFile(filepath.Join(dist, "site-2.zip"), nil, 0o644)
	if _, err := Make(rep.Dataset, rep.Results, Options{Root: root, Site: rep.Out, Out: dist, Date: day}); err == nil || !strings.Contains(err.Error(), "site-2.zip exists") {
		t.Errorf("an existing zip: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "data", "releases", "2.json")); err == nil {
		t.Error("a refused release was recorded")
	}
	os.Remove(filepath.Join(dist, "site-2.zip"))
	rel2, err := Make(rep.Dataset, rep.Results, Options{Root: root, Site: rep.Out, Out: dist, Date: day})
	if err != nil {
		t.Fatal(err)
	}
	c := rel2.Changed
	if rel2.Record.Version != "2" || len(c.Added)+len(c.Removed)+len(c.Changed)+len(c.Figures) != 0 || c.Unchanged != len(rel.Record.Files) {
		t.Errorf("release 2 of the same site: %+v", c)
	}
	if rel2.Record.ZipSHA256 != rel.Record.ZipSHA256 {
		t.Error("the same site and date gave another zip")
	}
	left, _ := filepath.Glob(filepath.Join(dist, ".parindex-release-*"))
	if more, _ := filepath.Glob(filepath.Join(root, "data", "releases", ".parindex-release-*")); len(left)+len(more) > 0 {
		t.Errorf("temporary files left: %v %v", left, more)
	}
}

// forge rewrites a release record as if the release had published old for
// one figure (the data now giving another value), with a matching
// checksum: the same situation as a workbook changed after the release.
func forge(t *testing.T, file string, fig par.PubFigure, old string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var r par.Release
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	set := par.Flatten(r.Figures)
	found := false
	for i := range set {
		if set[i].Key() == fig.Key() {
			set[i].Value, found = old, true
		}
	}
	if !found {
		t.Fatalf("no figure %s in %s", fig.Key(), file)
	}
	r.Figures, r.FiguresSHA256 = set.Group(), set.Checksum()
	out, err := Encode(&r)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Item 4 on a whole project: a figure release 1 published that the data
// now give otherwise is refused at its cell; a correction entry lets the
// build through, with the public page and the notices; the next release
// lists the figure; the entry, once recorded, may not be removed.
func TestCorrectionAcrossReleases(t *testing.T) {
	root := newProject(t)
	rep := buildProject(t, root)
	day := par.Date{Year: 2026, Month: 1, Day: 10}
	rel, err := Make(rep.Dataset, rep.Results, Options{Root: root, Site: rep.Out, Out: filepath.Join(root, "dist"), Date: day})
	if err != nil {
		t.Fatal(err)
	}
	var fig par.PubFigure
	for _, f := range par.Flatten(rel.Record.Figures) {
		if f.Figure == par.FigIndex && f.Year == 2024 {
			fig = f
			break
		}
	}
	now := fig.Value
	forge(t, rel.RecordFile, fig, "12.34")

	rep, err = build.Check(build.Options{Root: root})
	if err == nil {
		t.Fatal("check passed a changed published figure")
	}
	msg := rep.Diagnostics.String()
	want := "index: release 1 (2026-01-10) published 12.34, the data now give " + now
	if !strings.Contains(msg, want) || !strings.Contains(msg, "data/scores/2024/") || !strings.Contains(msg, "!") {
		t.Fatalf("check: want an error at the cell saying %q, got:\n%s", want, msg)
	}

	entry := "corrections:\n  - unit: " + fig.Unit + "\n    year: 2024\n    figure: index\n    old: \"12,34\"\n    new: \"" + strings.ReplaceAll(now, ".", ",") + "\"\n" +
		"    date: 2026-02-01\n    reason: Tổng hợp sai chỉ số khi lập phụ lục.\n    decision: 128/QĐ-UBND\n"
	corr := filepath.Join(root, "data", "corrections.yaml")
	if err := os.WriteFile(corr, []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	rep = buildProject(t, root)
	page, err := os.ReadFile(filepath.Join(rep.Out, "dinh-chinh", "index.html"))
	if err != nil || !strings.Contains(string(page), "<del>12,34</del>") {
		t.Errorf("corrections page: %v\n%s", err, page)
	}
	uy, _ := os.ReadFile(filepath.Join(rep.Out, "don-vi", fig.Unit, "2024", "index.html"))
	if !strings.Contains(string(uy), `href="/dinh-chinh/#dinh-chinh-1"`) {
		t.Error("the unit-year page does not link its correction")
	}

	rel2, err := Make(rep.Dataset, rep.Results, Options{Root: root, Site: rep.Out, Out: filepath.Join(root, "dist"), Date: day})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(rel2.Changes)
	if !strings.Contains(string(text), "  "+fig.Unit+" 2024 index: 12.34 → "+now+" (correction of 2026-02-01, decision 128/QĐ-UBND)\n") || !strings.Contains(string(text), "dinh-chinh/index.html") {
		t.Errorf("change list:\n%s", text)
	}
	if len(rel2.Record.Corrections) != 1 {
		t.Errorf("release 2 recorded %d corrections", len(rel2.Record.Corrections))
	}

	// Recorded by release 2: the entry is history now, and may not go.
	if _, err := build.Check(build.Options{Root: root}); err != nil {
		t.Fatalf("check after release 2: %v", err)
	}
	if err := os.WriteFile(corr, []byte("corrections: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err = build.Check(build.Options{Root: root})
	if err == nil || !strings.Contains(rep.Diagnostics.String(), "data/corrections.yaml: error: correction of") || !strings.Contains(rep.Diagnostics.String(), "was removed") {
		t.Errorf("a removed entry: %v\n%s", err, rep.Diagnostics)
	}
}
