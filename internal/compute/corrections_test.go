package compute

import (
	"strings"
	"testing"

	"parindex/internal/diag"
	"parindex/internal/par"
)

// correctionsData is three departments' 2024 annex (totals on a 100-point
// framework) and one publication decision.
func correctionsData(totals ...string) *par.Dataset {
	ds := &par.Dataset{
		Registry:   registry(groups("so"), unit("a", "so", "Sở A"), unit("b", "so", "Sở B"), unit("c", "so", "Sở C")),
		Frameworks: []*par.Framework{flatFW("f", "so", "50", "50")},
		Docs: []*par.Doc{{Kind: par.DocDecision, Path: "content/decisions/qd.md", Number: "10/QĐ-UBND", Year: 2024,
			Date: date("2025-01-05"), Groups: []string{"so"}}},
	}
	for i, id := range []string{"a", "b", "c"} {
		ds.Summaries = append(ds.Summaries, annex(id, 2024, 5+i, totals[i], ""))
	}
	return ds
}

// released records a release of ds's figures, as publish would.
func released(t *testing.T, ds *par.Dataset, version, day string, recorded ...par.RecordCorrection) *par.Release {
	t.Helper()
	res, dl := mustRun(t, ds)
	if dl.HasErrors() {
		t.Fatalf("baseline: %s", dl)
	}
	figs := PublishedFigures(res)
	return &par.Release{Version: version, Date: day, Figures: figs.Group(), FiguresSHA256: figs.Checksum(),
		Corrections: recorded, Src: par.Source{File: "data/releases/" + version + ".json"}}
}

// Rule "a published figure is corrected, never silently changed".
func TestCorrections(t *testing.T) {
	entry := func(line int, unit, fig, old, new string) *par.Correction {
		return &par.Correction{ID: "dinh-chinh-" + itoa(line), Unit: unit, Year: 2024, Figure: fig, Old: old, New: new,
			Date: date("2025-03-01"), Reason: "Cộng sót điểm.", Decision: "10/QĐ-UBND",
			Src: par.Source{File: "data/corrections.yaml", Line: line}}
	}
	bTotal, bIndex := entry(2, "b", "total", "70", "72"), entry(10, "b", "index", "70,00", "72.00")
	rec := par.RecordCorrection{Unit: "c", Year: 2024, Figure: "total", Old: "61", New: "60", Date: "2025-02-01", Reason: "Sai số.", Decision: "10/QĐ-UBND"}
	recEntry := func(line int) *par.Correction {
		return &par.Correction{ID: "x", Unit: "c", Year: 2024, Figure: "total", Old: "61", New: "60", Date: date("2025-02-01"),
			Reason: "Sai số.", Decision: "10/QĐ-UBND", Src: par.Source{File: "data/corrections.yaml", Line: line}}
	}
	for _, c := range []struct {
		name        string
		now         []string // totals of a, b, c now
		corrections []*par.Correction
		recorded    []par.RecordCorrection // corrections the release recorded
		want        []string               // substrings of the errors, in order; none: no error
	}{
		{name: "nothing changed", now: []string{"80", "70", "60"}},
		{name: "a changed figure without entry is refused at its cell", now: []string{"80", "72", "60"},
			want: []string{
				"data/scores/2024/phu-luc.xlsx: Phụ lục!C6: error: Sở B (b) 2024, index: release 1 (2025-01-10) published 70.00, the data now give 72.00; a published figure changes only by a correction (đính chính): add an entry to data/corrections.yaml (unit: b, year: 2024, figure: index,",
				"data/scores/2024/phu-luc.xlsx: Phụ lục!C6: error: Sở B (b) 2024, total: release 1 (2025-01-10) published 70, the data now give 72;",
			}},
		{name: "with its entries it passes", now: []string{"80", "72", "60"}, corrections: []*par.Correction{bTotal, bIndex}},
		{name: "an entry for one figure leaves the other refused", now: []string{"80", "72", "60"}, corrections: []*par.Correction{bTotal},
			want: []string{"Phụ lục!C6: error: Sở B (b) 2024, index: release 1"}},
		{name: "an entry matching no change is an error at its line", now: []string{"80", "70", "60"},
			corrections: []*par.Correction{entry(4, "a", "total", "80", "81")},
			want:        []string{"data/corrections.yaml:4: error: correction of Sở A (a) 2024, total matches no change: the data still give 80, as release 1 published"}},
		{name: "an old value the release did not publish", now: []string{"80", "72", "60"},
			corrections: []*par.Correction{entry(2, "b", "total", "71", "72"), bIndex},
			want: []string{
				"data/corrections.yaml:2: error: correction of Sở B (b) 2024, total: old value 71 is not what release 1 (2025-01-10) published: 70",
				"Phụ lục!C6: error: Sở B (b) 2024, total: release 1",
			}},
		{name: "a new value the data do not give", now: []string{"80", "72", "60"},
			corrections: []*par.Correction{entry(2, "b", "total", "70", "73"), bIndex},
			want: []string{
				"data/corrections.yaml:2: error: correction of Sở B (b) 2024, total: new value 73 is not what the data now give: 72",
				"Phụ lục!C6: error: Sở B (b) 2024, total",
			}},
		{name: "a figure the release did not publish", now: []string{"80", "70", "60"},
			corrections: []*par.Correction{entry(3, "a", "area:IX", "1", "2")},
			want:        []string{"data/corrections.yaml:3: error: correction of Sở A (a) 2024, area:IX matches no change: release 1 published no such figure"}},
		{name: "an unknown correcting decision", now: []string{"80", "72", "60"},
			corrections: []*par.Correction{bIndex, func() *par.Correction { c := entry(2, "b", "total", "70", "72"); c.Decision = "99/QĐ-UBND"; return c }()},
			want:        []string{`data/corrections.yaml:2: error: correcting decision "99/QĐ-UBND" is not among the decisions (content/decisions/); add it there, or state it with decision_title`}},
		{name: "a decision stated by its title", now: []string{"80", "72", "60"},
			corrections: []*par.Correction{bIndex, func() *par.Correction {
				c := entry(2, "b", "total", "70", "72")
				c.Decision, c.DecisionTitle = "99/QĐ-UBND", "Đính chính kết quả năm 2024"
				return c
			}()}},
		{name: "a recorded entry kept is history, not a change", now: []string{"80", "70", "60"},
			corrections: []*par.Correction{recEntry(2)}, recorded: []par.RecordCorrection{rec}},
		{name: "a recorded entry removed", now: []string{"80", "70", "60"}, recorded: []par.RecordCorrection{rec},
			want: []string{"data/corrections.yaml: error: correction of Sở C (c) 2024, total (61 → 60, 2025-02-01, decision 10/QĐ-UBND), published with release 1, was removed; data/corrections.yaml is append-only: put it back"}},
		{name: "a recorded entry edited", now: []string{"80", "70", "60"}, recorded: []par.RecordCorrection{rec},
			corrections: []*par.Correction{func() *par.Correction { c := recEntry(7); c.Reason = "Sai số khi nhập."; return c }()},
			want:        []string{"data/corrections.yaml:7: error: correction of Sở C (c) 2024, total was published with release 1 as 61 → 60 (2025-02-01, decision 10/QĐ-UBND); data/corrections.yaml is append-only: put it back as it was and add a new entry"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rel := released(t, correctionsData("80", "70", "60"), "1", "2025-01-10", c.recorded...)
			ds := correctionsData(c.now...)
			ds.Releases = []*par.Release{rel}
			ds.Corrections = c.corrections
			res, dl := mustRun(t, ds)
			Corrections(ds, res, dl)
			var errs []string
			for _, d := range dl.Sorted() {
				if d.Severity == diag.Error {
					errs = append(errs, d.String())
				}
			}
			if len(errs) != len(c.want) {
				t.Fatalf("%d errors, want %d:\n%s", len(errs), len(c.want), strings.Join(errs, "\n"))
			}
			for i, w := range c.want {
				if !strings.Contains(errs[i], w) {
					t.Errorf("error %d:\n got: %s\nwant: …%s…", i, errs[i], w)
				}
			}
		})
	}
}

// Without a release, an entry corrects nothing; a build without either
// has nothing to check.
func TestCorrectionsWithoutRelease(t *testing.T) {
	ds := correctionsData("80", "70", "60")
	res, dl := mustRun(t, ds)
	Corrections(ds, res, dl)
	if dl.HasErrors() {
		t.Fatalf("no release, no corrections: %s", dl)
	}
	ds.Corrections = []*par.Correction{{Unit: "a", Year: 2024, Figure: "total", Old: "80", New: "81", Decision: "10/QĐ-UBND",
		Src: par.Source{File: "data/corrections.yaml", Line: 2}}}
	Corrections(ds, res, dl)
	wantDiags(t, dl, "data/corrections.yaml:2: error: correction of Sở A (a) 2024, total matches no change: no release is recorded (data/releases/, written by parindex publish), so no published figure can have changed")
}

// The published figures are the pages' figures: index, total, rank, band
// and each area's points of every scored unit-year, with their sources.
func TestPublishedFigures(t *testing.T) {
	res, _ := mustRun(t, correctionsData("80", "70", ""))
	var got []string
	for _, f := range PublishedFigures(res) {
		got = append(got, f.Key()+"="+f.Value+"@"+f.Src.Cell)
	}
	want := "a/2024/band=Tốt@C5 a/2024/index=80.00@C5 a/2024/rank=1@C5 a/2024/total=80@C5 " +
		"b/2024/band=Khá@C6 b/2024/index=70.00@C6 b/2024/rank=2@C6 b/2024/total=70@C6"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("figures:\n got: %s\nwant: %s", g, want)
	}
}
