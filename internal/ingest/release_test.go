package ingest

import (
	"strings"
	"testing"
	"testing/fstest"

	"parindex/internal/par"
)

// Item 10: a draft (decision or narrative) is left out with the
// attachments only it names, unless Drafts is set; the draft flag is read
// and a wrong value is an error at its line.
func TestDrafts(t *testing.T) {
	fsys := contentFS()
	draft := strings.Replace(decisionMD, "number: 1007/QĐ-UBND\n", "number: 1007/QĐ-UBND\ndraft: true\n", 1)
	draft = strings.Replace(draft, "  - {title: Phụ lục, file: files/2023/phu-luc.xlsx}\n", "  - {title: Phụ lục, file: files/2023/phu-luc.xlsx}\n  - {title: Dự thảo, file: files/2023/du-thao.pdf}\n", 1)
	fsys["content/decisions/qd-1007-2024.md"] = &fstest.MapFile{Data: []byte(draft)}
	fsys["content/files/2023/du-thao.pdf"] = &fstest.MapFile{Data: []byte("%PDF")}
	fsys["content/years/2023.md"] = &fstest.MapFile{Data: []byte("---\ndraft: yes\n---\nĐang viết.\n")}
	fsys["content/units/so-noi-vu.md"] = &fstest.MapFile{Data: []byte("---\ndraft: false\n---\nĐã công bố.\n")}
	fsys["content/files/khac.pdf"] = &fstest.MapFile{Data: []byte("%PDF")}

	paths := func(ds *par.Dataset) string {
		var out []string
		for _, d := range ds.Docs {
			p := d.Path
			if d.Draft {
				p += "(draft)"
			}
			out = append(out, p)
		}
		return strings.Join(append(out, ds.Assets...), " ")
	}
	ds, diags := Load(fsys, Options{Workers: 2})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := paths(ds)
	// The draft decision's attachments go with it; a file no document
	// names is published as ever.
	for _, gone := range []string{"qd-1007-2024.md", "years/2023.md", "du-thao.pdf", "qd-1007.pdf", "phu-luc.xlsx"} {
		if strings.Contains(got, gone) {
			t.Errorf("without drafts, %s is loaded: %s", gone, got)
		}
	}
	for _, kept := range []string{"content/units/so-noi-vu.md", "files/khac.pdf"} {
		if !strings.Contains(got, kept) {
			t.Errorf("without drafts, %s is missing: %s", kept, got)
		}
	}
	ds, _ = Load(fsys, Options{Workers: 2, Drafts: true})
	got = paths(ds)
	for _, want := range []string{"content/decisions/qd-1007-2024.md(draft)", "content/years/2023.md(draft)", "content/units/so-noi-vu.md ", "files/2023/du-thao.pdf"} {
		if !strings.Contains(got, want) {
			t.Errorf("with drafts, %s is missing: %s", want, got)
		}
	}
	fsys["content/years/2023.md"] = &fstest.MapFile{Data: []byte("---\ndraft: maybe\n---\n")}
	_, errs := load(t, fsys)
	wantDiags(t, errs, `content/years/2023.md:2: error: draft must be true or false, not "maybe"`)
}

// data/corrections.yaml: entries in file order with their lines; an
// unknown unit, an unknown figure and a missing key are errors at their
// lines; `new: ""` says the figure is withdrawn.
func TestLoadCorrections(t *testing.T) {
	fsys := baseFS()
	fsys["data/corrections.yaml"] = &fstest.MapFile{Data: []byte(`corrections:
  - unit: so-noi-vu
    year: 2023
    figure: area:II
    old: "8,5"
    new: "9"
    date: 2024-05-02
    reason: Cộng sót.
    decision: 12/QĐ-UBND
    decision_title: Đính chính
  - unit: so-noi-vu
    year: 2023
    figure: rank
    old: "2"
    new: ""
    date: 2024-05-02
    reason: Rút kết quả.
    decision: 12/QĐ-UBND
  - unit: so-khong-co
    year: 2023
    figure: diem
    old: "1"
    new: "2"
    date: 2024-05-02
    reason: x
  - unit: so-noi-vu
    year: 2023
    figure: total
    old: "1"
    date: 2024-05-02
    reason: x
    decision: 12/QĐ-UBND
`)}
	ds, errs := load(t, fsys)
	if len(ds.Corrections) != 3 {
		t.Fatalf("%d corrections, want 3 (the one with an unknown unit left out)", len(ds.Corrections))
	}
	c := ds.Corrections[0]
	if c.ID != "dinh-chinh-1" || c.Figure != "area:II" || c.Old != "8,5" || c.New != "9" || c.DecisionTitle != "Đính chính" || c.Src.Line != 2 || c.Date.ISO() != "2024-05-02" {
		t.Errorf("first entry: %+v", c)
	}
	if ds.Corrections[1].New != "" || ds.Corrections[1].ID != "dinh-chinh-2" {
		t.Errorf("withdrawn figure: %+v", ds.Corrections[1])
	}
	var mine []string
	for _, e := range errs {
		if strings.HasPrefix(e, "data/corrections.yaml") {
			mine = append(mine, e)
		}
	}
	if len(mine) != 4 ||
		!strings.Contains(mine[0], `data/corrections.yaml:19: error: missing key "decision" in correction`) ||
		!strings.Contains(mine[1], `data/corrections.yaml:19: error: unknown unit "so-khong-co"`) ||
		!strings.Contains(mine[2], `data/corrections.yaml:21: error: figure "diem" is not one of index, total, rank, band or area:<area code>`) ||
		!strings.Contains(mine[3], `data/corrections.yaml:26: error: missing key "new" in correction`) {
		t.Errorf("diagnostics:\n%s", strings.Join(mine, "\n"))
	}
}

// data/releases/*.json: read oldest first; a record whose figures do not
// match their checksum, whose version is not its name, or that is not
// JSON is an error at the file and does not count.
func TestLoadReleases(t *testing.T) {
	figs := par.FigureSet{{Unit: "so-noi-vu", Year: 2023, Figure: "index", Value: "85.12"}}
	rec := func(version, date, sum string) string {
		return `{"version": "` + version + `", "date": "` + date + `", "zip": "site-` + version + `.zip", "zip_sha256": "", "manifest_sha256": "", "files": {}, ` +
			`"figures_sha256": "` + sum + `", "figures": [{"unit": "so-noi-vu", "year": 2023, "index": "85.12"}], "corrections": []}`
	}
	fsys := baseFS()
	fsys["data/releases/10.json"] = &fstest.MapFile{Data: []byte(rec("10", "2025-06-01", figs.Checksum()))}
	fsys["data/releases/9.json"] = &fstest.MapFile{Data: []byte(rec("9", "2025-06-01", figs.Checksum()))}
	fsys["data/releases/2.json"] = &fstest.MapFile{Data: []byte(rec("2", "2025-01-01", "0000"))}
	fsys["data/releases/3.json"] = &fstest.MapFile{Data: []byte(rec("4", "2025-01-01", figs.Checksum()))}
	fsys["data/releases/5.json"] = &fstest.MapFile{Data: []byte("{\n  \"version\": \"5\",\n  \"extra\": 1\n}\n")}
	ds, errs := load(t, fsys)
	var got []string
	for _, r := range ds.Releases {
		got = append(got, r.Version)
	}
	if strings.Join(got, " ") != "9 10" {
		t.Errorf("releases %v, want 9 10 (by date, then version)", got)
	}
	wantDiags(t, errs,
		"data/releases/2.json: error: the published figures no longer match their checksum (figures_sha256): a release record is written by parindex publish and never edited",
		`data/releases/3.json: error: the record's version "4" is not its file name's "3"`,
		`data/releases/5.json: error: not a release record as parindex publish writes it: json: unknown field "extra"`)
}

// FORMATS.md's example of data/corrections.yaml loads without a
// diagnostic against its units.yaml example.
func TestFormatsCorrectionsExample(t *testing.T) {
	formats := readFormats(t)
	block := func(heading string) string {
		t.Helper()
		i := strings.Index(formats, heading)
		if i < 0 {
			t.Fatalf("FORMATS.md has no section %q", heading)
		}
		rest := formats[i:]
		j := strings.Index(rest, "```yaml\n")
		k := strings.Index(rest[j+8:], "```")
		return rest[j+8 : j+8+k]
	}
	fsys := baseFS()
	fsys["data/units.yaml"] = &fstest.MapFile{Data: []byte(block("## data/units.yaml"))}
	fsys["data/corrections.yaml"] = &fstest.MapFile{Data: []byte(block("## data/corrections.yaml"))}
	ds, errs := load(t, fsys)
	var mine []string
	for _, e := range errs {
		if strings.HasPrefix(e, "data/corrections.yaml") {
			mine = append(mine, e)
		}
	}
	wantDiags(t, mine)
	if len(ds.Corrections) != 1 || ds.Corrections[0].Figure != "index" {
		t.Errorf("loaded %+v", ds.Corrections)
	}
}
