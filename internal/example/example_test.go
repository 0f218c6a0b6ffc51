package example

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"parindex/internal/compute"
	"parindex/internal/diag"
	"parindex/internal/ingest"
	"parindex/internal/par"
	"parindex/internal/viet"
	"parindex/internal/xlsx"
)

// readTree maps every file under dir (slash paths) to its bytes.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Rule: the generator is deterministic — the same options give the same
// bytes, file for file.
func TestGenerateDeterministic(t *testing.T) {
	presets := []string{"minimal", "example"}
	if testing.Short() {
		presets = presets[:1]
	}
	for _, preset := range presets {
		t.Run(preset, func(t *testing.T) {
			a, b := t.TempDir(), t.TempDir()
			for _, dir := range []string{a, b} {
				if err := Generate(dir, Options{Preset: preset}); err != nil {
					t.Fatal(err)
				}
			}
			ta, tb := readTree(t, a), readTree(t, b)
			if len(ta) != len(tb) || len(ta) == 0 {
				t.Fatalf("%d files vs %d", len(ta), len(tb))
			}
			for p, data := range ta {
				if !bytes.Equal(data, tb[p]) {
					t.Errorf("%s differs between two runs", p)
				}
			}
		})
	}
}

func TestGenerateUnknownPreset(t *testing.T) {
	if err := Generate(t.TempDir(), Options{Preset: "huge"}); err == nil || !strings.Contains(err.Error(), `unknown preset "huge"`) {
		t.Errorf("err = %v", err)
	}
}

// The frameworks' maxima: every version totals 100 points, split between
// self-assessment and surveys as documented in their outlines.
func TestFrameworkMaxima(t *testing.T) {
	p := exampleProject(DefaultSeed)
	want := map[string][3]string{ // self, survey, satisfaction
		"so-2019":    {"74", "26", "0"},
		"so-2022":    {"70", "30", "0"},
		"so-2025":    {"73", "15", "12"},
		"huyen-2019": {"66", "34", "0"},
		"xa-2019":    {"100", "0", "0"},
		"xa-2025":    {"85", "0", "15"},
	}
	for _, f := range p.fws {
		var m [3]par.Points
		for _, l := range f.Leaves() {
			switch l.Method {
			case par.MethodSurvey:
				m[1] += l.Max
			case par.MethodSatisfaction:
				m[2] += l.Max
			default:
				m[0] += l.Max
			}
		}
		got := [3]string{m[0].String(), m[1].String(), m[2].String()}
		if got != want[f.ID] {
			t.Errorf("%s: self/survey/satisfaction = %v, want %v", f.ID, got, want[f.ID])
		}
		if f.Max() != par.FromInt(100) {
			t.Errorf("%s: maximum %s, want 100", f.ID, f.Max())
		}
	}
	if n := len(minimalProject(1).fws[0].Leaves()); n != 8 {
		t.Errorf("minimal framework has %d leaves", n)
	}
}

// The example's shape: who is ranked each year, and the 2025 reform.
func TestExampleCounts(t *testing.T) {
	p := exampleProject(DefaultSeed)
	if len(p.years) != 7 || p.years[0] != 2019 || p.years[6] != 2025 {
		t.Fatalf("years %v", p.years)
	}
	for _, y := range p.years {
		want := map[string]int{"so": 20, "tw": 5, "huyen": 9, "xa": 100}
		if y == 2025 {
			want = map[string]int{"so": 15, "tw": 5, "huyen": 0, "xa": 34}
		}
		for g, n := range want {
			if got := len(p.scoresOf(y, g)); got != n {
				t.Errorf("%d %s: %d units ranked, want %d", y, g, got, n)
			}
		}
	}
	kinds := map[par.EventKind]int{}
	for _, u := range p.units {
		for _, e := range u.Events {
			kinds[e.Kind]++
		}
	}
	want := map[par.EventKind]int{
		par.EventMergedInto: 6 + 100, // departments + old communes
		par.EventMergedFrom: 5 + 34,  // four receiving departments, the new one, new communes
		par.EventCreated:    1 + 34,
		par.EventDissolved:  9,
		par.EventRenamed:    1 + 4 + 2, // Đông Xuyên and four of its communes; two 2025 renames
	}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d %s events, want %d", kinds[k], k, n)
		}
	}
	// The renamed district is listed under its new name from 2022.
	if s := p.unitScore(2021, "huyen-dong-xuyen"); s.name != "Huyện Đông Xuyên" {
		t.Errorf("2021 name %q", s.name)
	}
	if s := p.unitScore(2022, "huyen-dong-xuyen"); s.name != "Thị xã Đông Xuyên" {
		t.Errorf("2022 name %q", s.name)
	}
}

// The planted cases: ranks and bands follow the rules (index basis, ties
// share a rank, missing is not zero, Bắc Kạn's rule).
func TestPlantedCases(t *testing.T) {
	p := exampleProject(DefaultSeed)

	// Not applicable: fewer points than the unit below it, higher index.
	na := p.unitScore(2023, "thanh-tra-tinh")
	if na.max != par.MustPoints("98.5") {
		t.Fatalf("applicable maximum %s", na.max)
	}
	passed := false
	for _, s := range p.scoresOf(2023, "so") {
		if s.scored && s.rank > na.rank && s.total > na.total {
			passed = true
		}
	}
	if !passed {
		t.Error("the unit with a not-applicable criterion does not outrank a unit with more points")
	}

	// Not scored: listed, never ranked.
	if s := p.unitScore(2023, "ban-quan-ly-kcn"); s.scored || s.rank != 0 {
		t.Errorf("unscored unit: scored=%v rank=%d", s.scored, s.rank)
	}

	// A tie: equal ranks, the next rank skipped (1, 2, 2, 4).
	tie := p.tiedPair(2024, "so")
	if tie[0].total != tie[1].total {
		t.Fatalf("tie totals %s %s", tie[0].total, tie[1].total)
	}
	ss := p.scoresOf(2024, "so")
	for i, s := range ss {
		if s == tie[1] && i+1 < len(ss) && ss[i+1].rank != s.rank+2 {
			t.Errorf("rank after the tie is %d, want %d", ss[i+1].rank, s.rank+2)
		}
	}

	// Bắc Kạn's rule drops some districts, and only where fewer than 2/3
	// of their communes reach the district's band.
	drops := 0
	for _, y := range p.years {
		for _, d := range p.scoresOf(y, "huyen") {
			if !d.ruleDrop {
				continue
			}
			drops++
			orig := d.fw.BandFor(d.basisValue())
			reach, n := 0, 0
			for _, c := range p.scoresOf(y, "xa") {
				if c.unit.Parent == d.unit.ID {
					n++
					if d.fw.BandIndex(c.band.ID) <= d.fw.BandIndex(orig.ID) {
						reach++
					}
				}
			}
			if reach*3 >= n*2 {
				t.Errorf("%d %s dropped although %d of %d communes reach its band", y, d.unit.ID, reach, n)
			}
		}
	}
	if drops == 0 || drops > 12 {
		t.Errorf("%d district-years dropped by the rule; want a few", drops)
	}

	// Where points were lost, the self-assessment claimed at least what
	// the appraisers granted (a unit may under-claim a criterion it fully
	// met; the appraisers then raise it).
	for _, s := range p.scoresOf(2024, "so") {
		for _, l := range s.leaves {
			if l.node.Method == par.MethodSelf && l.self < l.appr && l.appr < l.node.Max {
				t.Errorf("%s %s: self %s < appraised %s", s.unit.ID, l.node.Key, l.self, l.appr)
			}
		}
	}
}

// Rule: the generated project reads back with no error: every sum,
// maximum, published figure, rank and band agrees with what ingest and
// compute derive from the workbooks, except the differences recorded in
// data/reconciliation.yaml, which are warnings.
func TestExampleIngestsWithoutErrors(t *testing.T) {
	presets := []Options{{Preset: "example"}, {Preset: "minimal"}, {Preset: "large", Units: 120, Years: 2}}
	if testing.Short() {
		presets = presets[1:2]
	}
	for _, opt := range presets {
		t.Run(opt.Preset, func(t *testing.T) {
			dir := t.TempDir()
			if err := Generate(dir, opt); err != nil {
				t.Fatal(err)
			}
			ds, dl := ingest.Load(os.DirFS(dir), ingest.Options{})
			res, cl := compute.Run(ds)
			all := &diag.List{}
			all.Merge(dl)
			all.Merge(cl)
			compute.Reconcile(ds, res, all)
			errs, warns := all.Count()
			if errs > 0 {
				for _, d := range all.Sorted() {
					if d.Severity == diag.Error {
						t.Error(d)
					}
				}
			}
			t.Logf("%d warnings", warns)
			if opt.Preset == "example" {
				// Detail sheets 2022–2025 (one unit unscored in 2023) and
				// an annex row for every listed unit-year.
				if n, want := len(ds.Sheets), (25+9+100)*3-1+20+34; n != want {
					t.Errorf("%d detail sheets read, want %d", n, want)
				}
				if n, want := len(ds.Summaries), 20*6+15+5*7+9*6+100*6+34; n != want {
					t.Errorf("%d annex rows read, want %d", n, want)
				}
				checkExampleResults(t, res)
				checkExampleLayouts(t, dir, ds, res, all)
			}
		})
	}
}

// checkExampleResults compares a few computed results with the generator's.
func checkExampleResults(t *testing.T, res *par.Results) {
	p := exampleProject(DefaultSeed)
	n := 0
	for _, rk := range res.Rankings {
		for _, r := range rk.Results {
			s := p.unitScore(rk.Year, r.Unit.ID)
			if s == nil {
				t.Errorf("%d %s: computed but not generated", rk.Year, r.Unit.ID)
				continue
			}
			n++
			if r.Scored != s.scored || (s.scored && (r.Rank.N != s.rank || r.Total.Value != s.total.Round(2))) {
				t.Errorf("%d %s: computed scored=%v rank=%d total=%s, generated scored=%v rank=%d total=%s",
					rk.Year, r.Unit.ID, r.Scored, r.Rank.N, r.Total.Text(), s.scored, s.rank, s.total.Format(2))
			}
		}
	}
	if n != 20*6+15+5*7+9*6+100*6+34 {
		t.Errorf("%d unit-years computed", n)
	}
}

// checkExampleLayouts: the office layouts the example plants are read
// back as intended — the 2022 district annex's area points (under a merged
// group header, above a row of maxima), the 2023 communes under their
// districts' headings with ranks within the district, the 2024 districts
// each followed by their communes, the 2025 department sheets whose titles
// carry another numbering and a "Không đánh giá" leaf — and the recorded
// difference is published as printed, listed, and a warning.
func checkExampleLayouts(t *testing.T, dir string, ds *par.Dataset, res *par.Results, dl *diag.List) {
	t.Helper()
	p := exampleProject(DefaultSeed)
	sums := map[string]*par.Summary{}
	for _, s := range ds.Summaries {
		sums[strconv.Itoa(s.Year)+"/"+s.Unit] = s
	}
	sum := func(y int, id string) *par.Summary {
		s := sums[strconv.Itoa(y)+"/"+id]
		if s == nil {
			t.Fatalf("%d %s: no annex row", y, id)
		}
		return s
	}

	// 2022: every district's area points, read from the area columns.
	for _, s := range p.scoresOf(2022, "huyen") {
		got := sum(2022, s.unit.ID)
		if got.Src.Sheet != "Phụ lục III" || len(got.Areas) != len(s.fw.Areas) {
			t.Errorf("2022 %s: %d area figures on %q, want %d", s.unit.ID, len(got.Areas), got.Src.Sheet, len(s.fw.Areas))
		}
		for _, a := range s.fw.Areas {
			if f := got.Areas[a.Code]; !f.Known() || f.Value != s.areas[a.Code].Round(2) {
				t.Errorf("2022 %s: area %s = %s, want %s", s.unit.ID, a.Code, f.Text(), s.areas[a.Code].Format(2))
			}
		}
		if got.Total.Value != s.total.Round(2) {
			t.Errorf("2022 %s: total %s read, want %s (the total column, not an area's)", s.unit.ID, got.Total.Text(), s.total.Format(2))
		}
		r := resultOf(res, s.unit.ID, 2022)
		if len(r.Areas) == 0 || r.Areas[0].Points.Src.Sheet != "Phụ lục III" {
			t.Errorf("2022 %s: the result's area points do not come from the annex: %+v", s.unit.ID, r.Areas)
		}
	}

	// 2023: communes under their district's heading, ranked within it;
	// the headings are no results. 2024: under their district's own row,
	// ranked in the province.
	for _, y := range []int{2023, 2024} {
		within := 0
		for _, d := range p.districtsOf(y) {
			ranks := rankWithin(p.communesOf(y, d.ID))
			for _, s := range p.communesOf(y, d.ID) {
				got := sum(y, s.unit.ID)
				if got.Parent != d.ID {
					t.Errorf("%d %s: listed under %q, want %s", y, s.unit.ID, got.Parent, d.ID)
				}
				want := par.Rank{N: s.rank}
				if y == 2023 {
					want.N = ranks[s]
				}
				if got.Rank.N != want.N || got.RankWithin != (y == 2023) {
					t.Errorf("%d %s: published rank %d (within %v), want %d", y, s.unit.ID, got.Rank.N, got.RankWithin, want.N)
				}
				if got.RankWithin {
					within++
				}
				if r := resultOf(res, s.unit.ID, y); r.Rank.N != s.rank {
					t.Errorf("%d %s: rank in the province %d, want %d", y, s.unit.ID, r.Rank.N, s.rank)
				}
			}
			if got := sum(y, d.ID); got.Src.Sheet != "Phụ lục III" || !got.Total.Known() {
				t.Errorf("%d %s: district row on %q, total %s; want its own figures on Phụ lục III", y, d.ID, got.Src.Sheet, got.Total.Text())
			}
		}
		if y == 2023 && within != 100 {
			t.Errorf("2023: %d communes ranked within their district, want 100", within)
		}
	}

	// 2025: "Không đánh giá" lowers the Department of Justice's maximum;
	// titles open with another numbering, the code column decides.
	if r := resultOf(res, "so-tu-phap", 2025); r.Max != par.FromInt(97) {
		t.Errorf("2025 so-tu-phap: applicable maximum %s, want 97", r.Max)
	}
	for _, sh := range ds.Sheets {
		if sh.Unit != "so-tu-phap" || sh.Year != 2025 {
			continue
		}
		for _, row := range sh.Rows {
			if row.NA != (row.Key == "V/18") {
				t.Errorf("2025 so-tu-phap: row %s not applicable = %v", row.Key, row.NA)
			}
		}
	}
	f, err := os.Open(filepath.Join(dir, "data/scores/2025/so-ban-nganh.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	book, err := xlsx.Read(f, xlsx.Limits{})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	differs := 0
	for r := 1; r <= len(book.Sheets[0].Rows); r++ {
		code, title := book.Sheets[0].Cell(r, 1), book.Sheets[0].Cell(r, 2)
		if lead, _, ok := strings.Cut(title, ". "); ok && code != "" && strings.Trim(lead, "0123456789.") == "" && lead != code {
			differs++
		}
	}
	if differs < 10 {
		t.Errorf("2025 department sheet: %d titles open with a code other than the STT column's, want many", differs)
	}

	// The recorded difference: published as printed, marked, listed.
	if len(p.differences) != 1 || len(res.Reconciled) != 1 {
		t.Fatalf("%d differences planted, %d reconciled", len(p.differences), len(res.Reconciled))
	}
	s, rec := p.differences[0], res.Reconciled[0]
	if rec.Unit != s.unit.ID || rec.Year != 2021 || rec.Figure != "band" || rec.Published != s.printed.Name || rec.Rule != s.band.Name || rec.Reason == "" {
		t.Errorf("reconciled %+v, want %s 2021 band %s (rules: %s)", rec, s.unit.ID, s.printed.Name, s.band.Name)
	}
	if b := resultOf(res, s.unit.ID, 2021).Band; b.Name != s.printed.Name || b.Origin != par.Published {
		t.Errorf("2021 %s: band shown %+v, want %s as published", s.unit.ID, b, s.printed.Name)
	}
	warned := false
	for _, d := range dl.Sorted() {
		warned = warned || d.Severity == diag.Warning && strings.Contains(d.Msg, "recorded at data/reconciliation.yaml")
	}
	if !warned {
		t.Error("no warning cites the recorded difference")
	}
}

// resultOf finds a unit-year's result.
func resultOf(res *par.Results, id string, year int) *par.Result {
	for _, rk := range res.Rankings {
		if rk.Year != year {
			continue
		}
		for _, r := range rk.Results {
			if r.Unit.ID == id {
				return r
			}
		}
	}
	return nil
}

func TestNFD(t *testing.T) {
	for _, s := range []string{"Chưa có tài liệu kiểm chứng", "Xã Đức Hậu", "ỰỪỬỮỨ ậặệộợụựỵ"} {
		d := nfd(s)
		if d == s {
			t.Errorf("nfd(%q) unchanged", s)
		}
		if got := viet.NFC(d); got != s {
			t.Errorf("NFC(nfd(%q)) = %q", s, got)
		}
	}
}

func TestQuote(t *testing.T) {
	cases := map[string]string{
		`Sở "Nội" vụ`:   `"Sở \"Nội\" vụ"`,
		`a\b`:           `"a\\b"`,
		"x\ny\tz":       `"x\ny\tz"`,
		"bell\a":        `"bell\u0007"`,
		"yes":           `"yes"`,
		"2025-07-01":    `"2025-07-01"`,
		"line\u2028sep": `"line\u2028sep"`,
	}
	for in, want := range cases {
		if got := q(in); got != want {
			t.Errorf("q(%q) = %s, want %s", in, got, want)
		}
	}
}

// The PDF attachment is well formed: every cross-reference offset points
// at its object, and startxref at the table.
func TestMinimalPDF(t *testing.T) {
	pdf := minimalPDF([]string{"BAN MAU (sample)", `a\b`})
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Fatal("missing header or trailer")
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref")
	}
	x, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[x:], []byte("xref\n0 7\n")) {
		t.Fatalf("startxref %d does not point at the xref table", x)
	}
	rows := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(pdf[x:], -1)
	if len(rows) != 6 {
		t.Fatalf("%d xref rows", len(rows))
	}
	for i, r := range rows {
		off, _ := strconv.Atoi(string(r[1]))
		if want := strconv.Itoa(i+1) + " 0 obj"; !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("object %d: offset %d points at %q", i+1, off, pdf[off:off+10])
		}
	}
	if !bytes.Contains(pdf, []byte(`(a\\b) Tj`)) || !bytes.Contains(pdf, []byte(`(BAN MAU \(sample\)) Tj`)) {
		t.Error("strings not escaped")
	}
}
