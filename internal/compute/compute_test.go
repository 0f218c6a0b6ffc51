package compute

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/internal/par"
)

// Rule "fixed point": fixed point only. The package's code never names a float type or
// converts to float; sums of two-decimal figures are exact.
func TestFixedPointNoFloatArithmetic(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if n.Name == "float64" || n.Name == "float32" {
					t.Errorf("%s: rule \"fixed point\": %s used", fset.Position(n.Pos()), n.Name)
				}
			case *ast.SelectorExpr:
				if n.Sel.Name == "Float" {
					t.Errorf("%s: rule \"fixed point\": .Float() used", fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
}

// Rule "fixed point": ten leaves of 0.1 make exactly 1, and 1 of 3 is 33.333333 %.
func TestFixedPointExactSums(t *testing.T) {
	fw := flatFW("f", "so", "0.3", "0.3", "0.3", "0.3", "0.3", "0.3", "0.3", "0.3", "0.3", "0.3")
	var rows []string
	for i := 1; i <= 10; i++ {
		rows = append(rows, "I/"+itoa(i)+"=0.1")
	}
	ds := &par.Dataset{
		Registry:   registry(groups("so"), unit("a", "so", "Sở A")),
		Frameworks: []*par.Framework{fw},
		Sheets:     []*par.Sheet{sheetOf("a", 2023, "data/scores/2023/a.xlsx", rows...)},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl)
	r := find(res, "a", 2023)
	if r.Total.Value != P("1") || r.Max != P("3") || r.Index.Value != P("33.333333") {
		t.Errorf("total %s max %s index %s, want 1, 3, 33.333333", r.Total.Value, r.Max, r.Index.Value)
	}
	if r.Index.Text() != "33.33" {
		t.Errorf("index shown %q, want 33.33", r.Index.Text())
	}
}

// treeFW: area I (criterion 1 with 1.1 and 1.2, self; criterion 2 scored
// directly by survey), area II (criterion 3: 3.1 satisfaction, 3.2 self).
func treeFW() *par.Framework {
	return framework("so-2023", []string{"so"}, 2023, 0,
		inner("I", inner("1", leaf("1.1", "1", ""), leaf("1.2", "2", "")), leaf("2", "1.5", par.MethodSurvey)),
		inner("II", inner("3", leaf("3.1", "2", par.MethodSatisfaction), leaf("3.2", "1", ""))),
	)
}

// Rule "totals from the leaves": leaf → criterion → area → total; a not-applicable leaf lowers the
// unit's maximum and its ancestors'; components by scoring method; figures
// computed from a sheet are Computed at the framework's precision with the
// sheet as source. A printed subtotal that is not the sum of its items (I/1:
// 3.00 printed, 2.50 summed) is ingest's to report; here the sum is used and
// nothing is reported.
func TestTotalsFromTheLeaves(t *testing.T) {
	file := "data/scores/2023/so/a.xlsx"
	sh := sheetOf("a", 2023, file, "I/1=3.00", "I/1/1.1=1", "I/1/1.2=1.5", "I/2=1.25", "II/3/3.1=1.75", "II/3/3.2=na")
	sh.Rows[0].Self = par.Figure{} // a printed criterion row without self score
	ds := &par.Dataset{
		Registry:   registry(groups("so"), unit("a", "so", "Sở A")),
		Frameworks: []*par.Framework{treeFW()},
		Sheets:     []*par.Sheet{sh},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl)
	r := find(res, "a", 2023)
	sheet := par.Source{File: file, Sheet: "a"}
	figs := []struct {
		name string
		f    par.Figure
		want string
	}{
		{"Total", r.Total, "5.5"},
		{"Appraised", r.Appraised, "2.5"},
		{"Survey", r.Survey, "1.25"},
		{"Satisfaction", r.Satisfaction, "1.75"},
		{"SelfTotal", r.SelfTotal, "5.5"},
		{"Index", r.Index, "84.615385"},
	}
	for _, c := range figs {
		if c.f.Value != P(c.want) || c.f.Origin != par.Computed || c.f.Decimals != 2 || c.f.Src != sheet {
			t.Errorf("%s = %+v, want %s computed, 2 decimals, from %v", c.name, c.f, c.want, sheet)
		}
	}
	if r.Max != P("6.5") || !r.Scored || !r.Detail {
		t.Errorf("max %s scored %v detail %v, want 6.5 true true", r.Max, r.Scored, r.Detail)
	}
	if r.Exact != (par.Ratio{Num: P("5.5"), Den: P("6.5")}) {
		t.Errorf("exact %+v", r.Exact)
	}
	var got []string
	for _, a := range r.Tree {
		var walk func(nr *par.NodeResult)
		walk = func(nr *par.NodeResult) {
			s := nr.Node.Key + " max " + nr.Max.String() + " appr " + nr.Appraised.Text() + " lost " + nr.Lost.String()
			if nr.NA {
				s += " NA"
			}
			got = append(got, s)
			for _, c := range nr.Children {
				walk(c)
			}
		}
		walk(a)
	}
	want := []string{
		"I max 4.5 appr 3.75 lost 0.75",
		"I/1 max 3 appr 2.50 lost 0.5",
		"I/1/1.1 max 1 appr 1 lost 0",
		"I/1/1.2 max 2 appr 1.5 lost 0.5",
		"I/2 max 1.5 appr 1.25 lost 0.25",
		"II max 2 appr 1.75 lost 0.25",
		"II/3 max 2 appr 1.75 lost 0.25",
		"II/3/3.1 max 2 appr 1.75 lost 0.25",
		"II/3/3.2 max 0 appr  lost 0 NA",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("tree:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	areas := []par.AreaResult{
		{Code: "I", Title: "Mục I", Max: P("4.5"), Points: par.Comp(P("3.75"), 2, sheet)},
		{Code: "II", Title: "Mục II", Max: P("2"), Points: par.Comp(P("1.75"), 2, sheet)},
	}
	for i, a := range areas {
		if r.Areas[i] != a {
			t.Errorf("area %d = %+v, want %+v", i, r.Areas[i], a)
		}
	}
}

// Rule "totals from the leaves": a not-applicable criterion printed on an inner row takes its
// whole subtree out of the maximum.
func TestInnerNotApplicable(t *testing.T) {
	ds := &par.Dataset{
		Registry:   registry(groups("so"), unit("a", "so", "Sở A")),
		Frameworks: []*par.Framework{treeFW()},
		Sheets:     []*par.Sheet{sheetOf("a", 2023, "a.xlsx", "I/1=na", "I/2=1.5", "II/3/3.1=2", "II/3/3.2=1")},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl)
	r := find(res, "a", 2023)
	if r.Max != P("4.5") || r.Index.Value != P("100") || !r.Tree[0].Children[0].NA || r.Tree[0].Children[0].Max != 0 {
		t.Errorf("max %s index %s, want 4.5 and 100 with I/1 not applicable", r.Max, r.Index.Value)
	}
}

// Rule "totals from the leaves" (and DOMAIN "points are not percent"): a Thanh Hóa-like unit with
// a not-applicable criterion has 68.32 points = 81.33 %; it ranks above a
// unit with 75 points = 75 % by index, below it by points.
func TestPointsAreNotPercent(t *testing.T) {
	for _, tc := range []struct {
		basis par.Basis
		want  string
	}{
		{par.BasisIndex, "thanh-hoa:1 other:2"},
		{par.BasisPoints, "other:1 thanh-hoa:2"},
	} {
		fw := flatFW("f", "tinh", "84", "16")
		fw.Basis = tc.basis
		ds := &par.Dataset{
			Registry:   registry(groups("tinh"), unit("thanh-hoa", "tinh", "Thanh Hóa"), unit("other", "tinh", "Tuyên Quang")),
			Frameworks: []*par.Framework{fw},
			Sheets: []*par.Sheet{
				sheetOf("thanh-hoa", 2023, "th.xlsx", "I/1=68.32", "I/2=na"),
				sheetOf("other", 2023, "tq.xlsx", "I/1=70", "I/2=5"),
			},
		}
		res, dl := mustRun(t, ds)
		wantDiags(t, dl)
		if got := order(rankingOf(res, "tinh", 2023)); got != tc.want {
			t.Errorf("basis %s: %s, want %s", tc.basis, got, tc.want)
		}
		th := find(res, "thanh-hoa", 2023)
		if th.Total.Text() != "68.32" || th.Index.Text() != "81.33" || th.Max != P("84") {
			t.Errorf("Thanh Hóa %s points %s %% of %s", th.Total.Text(), th.Index.Text(), th.Max)
		}
	}
}

// Rule: missing is never zero. A sheet with any applicable leaf blank is
// incomplete: not totalled, not ranked, not classified, an error; the
// other units rank as if it were absent (zero is 2nd, not 3rd). A unit
// that existed but has no data is not scored. An incomplete sheet with a
// published annex row shows the published figures, marked incomplete.
func TestRuleMissingIsNeverZero(t *testing.T) {
	fw := flatFW("f", "so", "50", "50")
	ds := &par.Dataset{
		Registry: registry(groups("so"),
			unit("part", "so", "Sở Một phần"), unit("blank", "so", "Sở Bỏ trống"),
			unit("none", "so", "Sở Chưa có"), unit("zero", "so", "Sở Không điểm"), unit("full", "so", "Sở Đủ"),
			unit("pub", "so", "Sở Có phụ lục")),
		Frameworks: []*par.Framework{fw},
		Sheets: []*par.Sheet{
			sheetOf("part", 2023, "part.xlsx", "I/1=40", "I/2="),
			sheetOf("blank", 2023, "blank.xlsx", "I/1=", "I/2="),
			sheetOf("zero", 2023, "zero.xlsx", "I/1=0", "I/2=0"),
			sheetOf("full", 2023, "full.xlsx", "I/1=45", "I/2=45"),
			sheetOf("pub", 2023, "pub.xlsx", "I/1=30", "I/2="),
		},
		Summaries: []*par.Summary{annex("pub", 2023, 9, "70", "")},
	}
	ds.Sheets[4].Incomplete, ds.Sheets[4].Missing = true, []string{"I/2"} // as ingest marks it (and reports it)
	res, dl := mustRun(t, ds)
	wantDiags(t, dl,
		"data/units.yaml:10: warning: Sở Chưa có (none) has no result in any year, though by the registry it existed in 2023 (it has no created event), so it is shown as not scored in that year; if it did not exist yet, add its creation to its events: {date: yyyy-mm-dd, type: created}",
		"blank.xlsx: blank: error: 2 of 2 applicable criteria of Sở Bỏ trống have no appraised score (I/1, I/2): the result is incomplete, so it is not totalled, ranked or classified",
		"part.xlsx: part: error: 1 of 2 applicable criteria of Sở Một phần have no appraised score (I/2): the result is incomplete, so it is not totalled, ranked or classified")
	rk := rankingOf(res, "so", 2023)
	if got, want := order(rk), "full:1 pub:2 zero:3 blank:0 none:0 part:0"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
	for _, id := range []string{"blank", "none", "part"} {
		r := find(res, id, 2023)
		if r.Scored || r.Total.Known() || r.Index.Known() || r.Band.ID != "" || r.Rank.Origin != par.Missing {
			t.Errorf("%s: %+v, want not scored with no figures", id, r)
		}
	}
	if p := find(res, "part", 2023); !p.Incomplete || !p.Detail {
		t.Errorf("part: incomplete %v detail %v", p.Incomplete, p.Detail)
	}
	if p := find(res, "pub", 2023); !p.Incomplete || !p.Scored || p.Total.Value != P("70") || p.Total.Origin != par.Published {
		t.Errorf("pub: incomplete %v scored %v total %s %v", p.Incomplete, p.Scored, p.Total.Text(), p.Total.Origin)
	}
}

// Rule "totals from the leaves": bonus and penalty within their maxima; a penalty printed as a
// negative number counts by its size. A bonus or penalty out of range is
// counted at the nearest bound and a sheet's printed total is not used (the
// computed one is); both are ingest's to report at their cells, so compute
// reports nothing.
func TestBonusPenaltyWithinMaxima(t *testing.T) {
	for _, tc := range []struct {
		name           string
		bonus, penalty string
		printed        string
		total          string
		bonusV         string // the bonus counted, when one is printed
	}{
		{"within", "1.5", "1", "", "80.50", "1.5"},
		{"negative penalty", "", "-1,5", "", "78.50", ""},
		{"bonus over: counted as the maximum", "2.5", "", "", "82.00", "2"},
		{"penalty over: counted as the maximum", "", "4", "", "77.00", ""},
		{"negative bonus: counted as 0", "-1", "", "", "80.00", "0"},
		{"sheet total right", "1", "0.5", "80,5", "80.50", "1"},
		{"sheet total wrong: the computed total stands", "1", "0.5", "80.75", "80.50", "1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fw := flatFW("f", "so", "50", "50")
			fw.Bonus = []par.Extra{{Code: "T1", Max: P("2")}}
			fw.Penalty = []par.Extra{{Code: "P1", Max: P("1")}, {Code: "P2", Max: P("2")}}
			sh := sheetOf("a", 2023, "s.xlsx", "I/1=40", "I/2=40")
			if tc.bonus != "" {
				sh.Bonus = cellFig(tc.bonus, par.Source{File: "s.xlsx", Sheet: "a", Cell: "H30"})
			}
			if tc.penalty != "" {
				sh.Penalty = cellFig(tc.penalty, par.Source{File: "s.xlsx", Sheet: "a", Cell: "H31"})
			}
			if tc.printed != "" {
				sh.Total = cellFig(tc.printed, par.Source{File: "s.xlsx", Sheet: "a", Cell: "F32"})
			}
			ds := &par.Dataset{
				Registry:   registry(groups("so"), unit("a", "so", "Sở A")),
				Frameworks: []*par.Framework{fw},
				Sheets:     []*par.Sheet{sh},
			}
			res, dl := mustRun(t, ds)
			wantDiags(t, dl)
			r := find(res, "a", 2023)
			if r.Total.Text() != tc.total {
				t.Errorf("total %s, want %s", r.Total.Text(), tc.total)
			}
			if tc.bonus != "" && (r.Bonus.Value != P(tc.bonusV) || r.Bonus.Origin != par.Computed || r.Bonus.Src.Cell != "H30") {
				t.Errorf("bonus figure %+v, want %s computed at H30", r.Bonus, tc.bonusV)
			}
		})
	}
}

// Rule "totals from the leaves": a sheet's internal problems are reported by ingest, which has the
// cells (see sheet_ingest_test.go); compute only keeps them from skewing the
// sums, silently. A leaf score outside [0, maximum] counts as printed (so
// the computed total agrees with the sheet's own and the published one), a
// row matching no criterion is ignored, a repeated criterion counts once.
func TestSheetProblemsAreIngests(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rows  []string
		total string
		i1    string // appraised points of leaf I/1 in the tree
	}{
		{"leaf over its maximum: counted as printed", []string{"I/1=50.5", "I/2=10"}, "60.50", "50.5"},
		{"negative leaf: counted as printed", []string{"I/1=20", "I/2=-1"}, "19.00", "20"},
		{"row matching no criterion: ignored", []string{"I/1=20", "I/2=10", "I/9=3"}, "30.00", "20"},
		{"criterion twice: the first row counts", []string{"I/1=20", "I/2=10", "I/1=5"}, "30.00", "20"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := &par.Dataset{
				Registry:   registry(groups("so"), unit("a", "so", "Sở A")),
				Frameworks: []*par.Framework{flatFW("f", "so", "50", "50")},
				Sheets:     []*par.Sheet{sheetOf("a", 2023, "s.xlsx", tc.rows...)},
			}
			res, dl := mustRun(t, ds)
			wantDiags(t, dl)
			r := find(res, "a", 2023)
			if r.Total.Text() != tc.total || !r.Scored {
				t.Errorf("total %s scored %v, want %s", r.Total.Text(), r.Scored, tc.total)
			}
			if got := r.Tree[0].Children[0]; got.Node.Key != "I/1" || got.Appraised.Value != P(tc.i1) || got.Appraised.Src.Cell != "F8" {
				t.Errorf("I/1 %s %+v, want %s from F8", got.Node.Key, got.Appraised, tc.i1)
			}
			if n := len(r.Tree[0].Children); n != 2 {
				t.Errorf("area I has %d criteria, want 2", n)
			}
		})
	}
}

// Rule "published figures win": annex figures are shown as published; an index not published is
// the published total over the framework maximum (computed); blank total
// and index → not scored.
func TestPublishedFiguresWin(t *testing.T) {
	fw := flatFW("f", "so", "40", "40")
	a := annex("a", 2023, 5, "70.10", "")
	a.Appraised = cellFig("50.1", par.Source{File: "p.xlsx", Sheet: "Phụ lục", Cell: "D5"})
	a.Rank = par.Rank{N: 1, Src: par.Source{File: "p.xlsx", Sheet: "Phụ lục", Cell: "A5"}}
	a.Band = par.BandMark{ID: "tot", Name: "Tốt"}
	b := annex("b", 2023, 6, "", "91.651")
	c := annex("c", 2023, 7, "", "")
	ds := &par.Dataset{
		Registry:   registry(groups("so"), unit("a", "so", "Sở A"), unit("b", "so", "Sở B"), unit("c", "so", "Sở C")),
		Frameworks: []*par.Framework{fw},
		Summaries:  []*par.Summary{a, b, c},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl)
	ra, rb, rc := find(res, "a", 2023), find(res, "b", 2023), find(res, "c", 2023)
	if ra.Total != a.Total || ra.Appraised != a.Appraised || ra.Rank.N != 1 || ra.Rank.Origin != par.Published {
		t.Errorf("a: published figures not shown: %+v", ra)
	}
	if ra.Index.Origin != par.Computed || ra.Index.Text() != "87.63" {
		t.Errorf("a: index %+v, want 87.63 computed from 70.10/80", ra.Index)
	}
	if ra.Band.Name != "Tốt" || ra.Band.Origin != par.Published {
		t.Errorf("a: band %+v", ra.Band)
	}
	if rb.Index.Text() != "91.651" || rb.Index.Origin != par.Published || rb.Total.Known() || rb.Rank.N != 1 || rb.Rank.Origin != par.Computed {
		t.Errorf("b: %+v", rb)
	}
	if rc.Scored || rc.Rank.N != 0 {
		t.Errorf("c: blank total and index must be not scored: %+v", rc)
	}
	// Annex-only areas: listed by name with unknown maximum and points.
	if len(ra.Areas) != 1 || ra.Areas[0].Code != "I" || ra.Areas[0].Max != 0 || ra.Areas[0].Points.Known() {
		t.Errorf("a: areas %+v", ra.Areas)
	}
}

// pvcDataset: Sở Nội vụ has a detail sheet (total 85.25: 50.25 appraised +
// 35 survey) and an annex row; Sở Tư pháp has a sheet (70) only.
func pvcDataset(s *par.Summary) *par.Dataset {
	fw := framework("so-2023", []string{"so"}, 2023, 0,
		inner("I", leaf("1", "60", "")), inner("II", leaf("2", "40", par.MethodSurvey)))
	sh := sheetOf("so-noi-vu", 2023, "data/scores/2023/so/so-noi-vu.xlsx", "I/1=50.25", "II/2=35")
	sh.Src.Sheet = "Sở Nội vụ"
	return &par.Dataset{
		Registry:   registry(groups("so"), unit("so-noi-vu", "so", "Sở Nội vụ"), unit("so-tu-phap", "so", "Sở Tư pháp")),
		Frameworks: []*par.Framework{fw},
		Sheets:     []*par.Sheet{sh, sheetOf("so-tu-phap", 2023, "data/scores/2023/so/so-tu-phap.xlsx", "I/1=40", "II/2=30")},
		Summaries:  []*par.Summary{s},
	}
}

// Rule "published figures are checked": published versus computed, each difference beyond rounding an
// error at the published cell naming the sheet; a band difference is a
// warning and the published band is shown.
func TestPublishedFiguresAreChecked(t *testing.T) {
	cell := func(c string) par.Source {
		return par.Source{File: "data/scores/2023/phu-luc.xlsx", Sheet: "Sở", Cell: c + "7"}
	}
	const sheet = "data/scores/2023/so/so-noi-vu.xlsx: Sở Nội vụ"
	for _, tc := range []struct {
		name  string
		set   func(s *par.Summary)
		diags []string
	}{
		{"all agree", func(s *par.Summary) {
			s.Total = cellFig("85.25", cell("D"))
			s.Index = cellFig("85.25", cell("G"))
			s.Appraised = cellFig("50.25", cell("E"))
			s.Survey = cellFig("35.00", cell("F"))
			s.Rank = par.Rank{N: 1, Src: cell("A")}
			s.Band = par.BandMark{ID: "tot", Name: "Tốt", Src: cell("H")}
			s.Areas = map[string]par.Figure{"I": cellFig("50.25", cell("I")), "II": cellFig("35", cell("J"))}
		}, nil},
		{"total within half a unit of its one decimal", func(s *par.Summary) { s.Total = cellFig("85.3", cell("D")) }, nil},
		{"total beyond rounding", func(s *par.Summary) { s.Total = cellFig("85.40", cell("D")) },
			[]string{"data/scores/2023/phu-luc.xlsx: Sở!D7: error: published total 85.40 differs from 85.25 computed from " + sheet}},
		{"total 0.02 off with two published components", func(s *par.Summary) {
			s.Total = cellFig("85.27", cell("D"))
			s.Appraised = cellFig("50.25", cell("E"))
			s.Survey = cellFig("35.00", cell("F"))
		}, nil},
		{"total 0.02 off with one published component", func(s *par.Summary) {
			s.Total = cellFig("85.27", cell("D"))
			s.Appraised = cellFig("50.25", cell("E"))
		}, []string{"data/scores/2023/phu-luc.xlsx: Sở!D7: error: published total 85.27 differs from 85.25 computed from " + sheet}},
		{"components and index", func(s *par.Summary) {
			s.Appraised = cellFig("50.30", cell("E"))
			s.Survey = cellFig("34.95", cell("F"))
			s.Satisfaction = cellFig("1.00", cell("K"))
			s.Index = cellFig("85.31", cell("G"))
		}, []string{
			// One row that does not match its sheet: one error, naming each figure.
			"data/scores/2023/phu-luc.xlsx: Sở!E7: error: published appraised points 50.30 differs from 50.25 computed from " + sheet +
				"; so do its survey points 34.95 at F7 (sheet: 35.00), index 85.31 at G7 (sheet: 85.25)",
			"data/scores/2023/phu-luc.xlsx: Sở!K7: warning: published satisfaction points 1.00 cannot be checked: " + sheet + " has no such points",
		}},
		{"area points", func(s *par.Summary) {
			s.Total = cellFig("85.25", cell("D"))
			s.Areas = map[string]par.Figure{"I": cellFig("50.26", cell("I")), "III": cellFig("1", cell("L"))}
		}, []string{
			"data/scores/2023/phu-luc.xlsx: Sở!I7: error: published points of area I 50.26 differs from 50.25 computed from " + sheet,
			`data/scores/2023/phu-luc.xlsx: Sở!L7: error: area "III" is not in framework so-2023`,
		}},
		{"rank and band", func(s *par.Summary) {
			s.Total = cellFig("85.25", cell("D"))
			s.Rank = par.Rank{N: 2, Src: cell("A")}
			s.Band = par.BandMark{ID: "kha", Name: "Khá", Src: cell("H")}
		}, []string{
			"data/scores/2023/phu-luc.xlsx: Sở!A7: error: published rank 2 differs from rank 1 computed from " + sheet,
			"data/scores/2023/phu-luc.xlsx: Sở!H7: error: published band Khá of Sở Nội vụ contradicts its total 85.25 (D7): framework so-2023 gives Tốt (from 80)",
		}},
		{"annex leaves a scored unit blank", func(s *par.Summary) {}, []string{
			"data/scores/2023/phu-luc.xlsx: Sở!B7: error: the annex gives Sở Nội vụ no total or index, but " + sheet + " scores it 85.25",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &par.Summary{Unit: "so-noi-vu", Year: 2023, Src: cell("B")}
			tc.set(s)
			res, dl := mustRun(t, pvcDataset(s))
			wantDiags(t, dl, tc.diags...)
			r := find(res, "so-noi-vu", 2023)
			if s.Total.Known() && r.Total != s.Total {
				t.Errorf("total shown %+v, want the published %+v", r.Total, s.Total)
			}
			if hasBand(s.Band) && (r.Band.ID != s.Band.ID || r.Band.Origin != par.Published) {
				t.Errorf("band shown %+v, want the published %+v", r.Band, s.Band)
			}
			if s.Rank.N > 0 && r.Rank.N != s.Rank.N {
				t.Errorf("rank shown %d, want the published %d", r.Rank.N, s.Rank.N)
			}
		})
	}
}

// Rule "ranks at full precision": competition ranking (1, 2, 2, 4) at full precision; ties listed
// in Vietnamese alphabetical order (Â before B, unlike byte order).
func TestRanksAtFullPrecision(t *testing.T) {
	for _, tc := range []struct {
		name   string
		totals map[string]string
		want   string
	}{
		{"competition ranking", map[string]string{"a": "90", "bao": "85.5", "am": "85.5", "d": "80"},
			"a:1 am:2 bao:2 d:4"},
		{"equal at 2 decimals is not a tie", map[string]string{"a": "90", "bao": "85.504", "am": "85.5", "d": "85.496"},
			"a:1 bao:2 am:3 d:4"},
		{"all equal", map[string]string{"a": "50", "bao": "50", "am": "50", "d": "50"},
			"am:1 bao:1 a:1 d:1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			names := map[string]string{"a": "Sở Xây dựng", "bao": "Sở Báo chí", "am": "Sở Âm nhạc", "d": "Sở Y tế"}
			var units []*par.Unit
			var sums []*par.Summary
			for _, id := range []string{"a", "am", "bao", "d"} {
				units = append(units, unit(id, "so", names[id]))
				sums = append(sums, annex(id, 2023, 5, tc.totals[id], ""))
			}
			ds := &par.Dataset{
				Registry:   registry(groups("so"), units...),
				Frameworks: []*par.Framework{flatFW("f", "so", "100")},
				Summaries:  sums,
			}
			res, _ := mustRun(t, ds)
			if got := order(rankingOf(res, "so", 2023)); got != tc.want {
				t.Errorf("%s, want %s", got, tc.want)
			}
		})
	}
}

// Rule "ranks at full precision": groups marked unranked get no ranks; data with no framework is an
// error; a unit the registry does not know is an error.
func TestUnrankedAndNoFramework(t *testing.T) {
	gs := groups("so", "dac-thu")
	gs[1].Unranked = true
	pr := annex("y", 2023, 6, "95", "")
	pr.Rank = par.Rank{N: 1, Src: par.Source{File: "data/scores/2023/phu-luc.xlsx", Sheet: "Phụ lục", Cell: "A6"}}
	ds := &par.Dataset{
		Registry:   registry(gs, unit("x", "dac-thu", "Kho bạc"), unit("y", "dac-thu", "Công an"), unit("s", "so", "Sở S")),
		Frameworks: []*par.Framework{flatFW("f", "dac-thu", "100")},
		Summaries:  []*par.Summary{annex("x", 2023, 5, "90", ""), pr, annex("s", 2023, 7, "80", ""), annex("ghost", 2023, 8, "80", "")},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl,
		`data/scores/2023/phu-luc.xlsx: Phụ lục!A6: warning: group "dac-thu" is not ranked; the published rank 1 is not shown`,
		`data/scores/2023/phu-luc.xlsx: Phụ lục!B7: error: no framework covers group "so" in 2023; its results are left out`,
		`data/scores/2023/phu-luc.xlsx: Phụ lục!B8: error: unit "ghost" is not in the registry; its result is left out`)
	if got := order(rankingOf(res, "dac-thu", 2023)); got != "y:0 x:0" {
		t.Errorf("unranked: %s, want y:0 x:0 (name order: Công an, Kho bạc)", got)
	}
	if rankingOf(res, "so", 2023) != nil || len(res.Rankings) != 1 {
		t.Errorf("a ranking without framework was made")
	}
}

// Rule "who is ranked": the units of a ranking are those that existed on 31 December plus
// any with data (warned when the registry says it did not exist); rankings
// only for group-years with data.
func TestWhoIsRanked(t *testing.T) {
	ev := func(k par.EventKind, d string) par.Event { return par.Event{Kind: k, Date: date(d)} }
	ds := &par.Dataset{
		Registry: registry(groups("so"),
			unit("always", "so", "Sở Luôn có"),
			unit("later", "so", "Sở Lập năm sau", ev(par.EventCreated, "2024-01-01")),
			unit("new-year-eve", "so", "Sở Lập cuối năm", ev(par.EventCreated, "2023-12-31")),
			unit("merged", "so", "Sở Sáp nhập", ev(par.EventMergedInto, "2023-12-31")),
			unit("dissolved", "so", "Sở Giải thể", ev(par.EventDissolved, "2024-01-01")),
			unit("early", "so", "Sở Có điểm sớm", ev(par.EventCreated, "2024-03-01")),
		),
		Frameworks: []*par.Framework{flatFW("f", "so", "100")},
		Summaries:  []*par.Summary{annex("always", 2023, 5, "80", ""), annex("early", 2023, 6, "90", "")},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl,
		"data/units.yaml:10: warning: Sở Giải thể (dissolved) has no result in any year, though by the registry it existed in 2023 (it has no created event), so it is shown as not scored in that year; if it did not exist yet, add its creation to its events: {date: yyyy-mm-dd, type: created}",
		"data/scores/2023/phu-luc.xlsx: Phụ lục!B6: warning: Sở Có điểm sớm (early) has results for 2023 but by the registry did not exist on 31/12/2023")
	if got, want := order(rankingOf(res, "so", 2023)), "early:1 always:2 dissolved:0 new-year-eve:0"; got != want {
		t.Errorf("%s, want %s", got, want)
	}
	if len(res.Rankings) != 1 || len(res.Years) != 1 || res.Years[0] != 2023 {
		t.Errorf("rankings for years without data: %v", res.Years)
	}
}

// Rule "bands on the shown figure": bands on the shown figure: 89.996 computed shows as 90.00 and is
// in the top band; an index published as 89.996 stays below 90. A published
// band is shown even if thresholds disagree (annex only: no warning).
func TestBandsOnTheShownFigure(t *testing.T) {
	pubBand := annex("c", 2023, 7, "60", "")
	pubBand.Band = par.BandMark{Name: "Rất tốt"}
	ds := &par.Dataset{
		Registry:   registry(groups("so"), unit("a", "so", "Sở A"), unit("b", "so", "Sở B"), unit("c", "so", "Sở C")),
		Frameworks: []*par.Framework{flatFW("f", "so", "100")},
		Sheets:     []*par.Sheet{sheetOf("a", 2023, "a.xlsx", "I/1=89.996")},
		Summaries:  []*par.Summary{annex("b", 2023, 6, "", "89.996"), pubBand},
	}
	res, dl := mustRun(t, ds)
	// A band the framework does not have contradicts it (the site still
	// shows the published band: recorded in the reconciliation register,
	// the build goes on).
	wantDiags(t, dl, `error: published band "Rất tốt" of Sở C is not a band of framework f (Xuất sắc, Tốt, Khá, Trung bình)`)
	for _, c := range []struct{ id, band, shown string }{
		{"a", "xuat-sac", "90.00"}, {"b", "tot", "89.996"},
	} {
		r := find(res, c.id, 2023)
		if r.Band.ID != c.band || r.Band.Origin != par.Computed || r.Index.Text() != c.shown {
			t.Errorf("%s: index %s band %+v, want %s %s", c.id, r.Index.Text(), r.Band, c.shown, c.band)
		}
	}
	if r := find(res, "c", 2023); r.Band.Name != "Rất tốt" || r.Band.Origin != par.Published {
		t.Errorf("published band not shown: %+v", r.Band)
	}
	// Ranks are at full precision: a (89.996 computed) ties b (89.996 %).
	if got := order(rankingOf(res, "so", 2023)); got != "a:1 b:1 c:3" {
		t.Errorf("%s", got)
	}
}

// Rule "bands on the shown figure", RuleChildBandShare (Bắc Kạn): a district keeps its band only if
// at least 2/3 of its communes reach it (6 of 9 keeps, 5 of 9 drops one
// band, never below the lowest); a district with an unscored commune, or
// whose communes have no ranking that year, is not classified.
func TestCommunesShare(t *testing.T) {
	gs := []*par.Group{{ID: "huyen", Name: "UBND cấp huyện"}, {ID: "xa", Name: "UBND cấp xã", ParentGroup: "huyen"}}
	hfw := flatFW("huyen-2021", "huyen", "100")
	hfw.Rules = []par.Rule{{Kind: par.RuleChildBandShare, ChildGroup: "xa", Num: 2, Den: 3}}
	xfw := flatFW("xa-2021", "xa", "100")
	var units []*par.Unit
	known := map[string]bool{}
	var sums []*par.Summary
	row := 1
	// add registers a unit (once) and, unless total is "-", its annex row.
	add := func(id, group, parent, total string, year int) *par.Summary {
		if !known[id] {
			known[id] = true
			u := unit(id, group, "Đơn vị "+id)
			u.Parent = parent
			units = append(units, u)
		}
		if total == "-" {
			return nil
		}
		row++
		s := annex(id, year, row, total, "")
		sums = append(sums, s)
		return s
	}
	communes := func(h string, scores ...string) []*par.Summary {
		var out []*par.Summary
		for i, s := range scores {
			out = append(out, add(h+"-x"+itoa(i+1), "xa", h, s, 2023))
		}
		return out
	}
	add("h-keep", "huyen", "", "85", 2023)
	communes("h-keep", "80", "90", "85", "80", "95", "81", "60", "70", "79.99")
	add("h-drop", "huyen", "", "85", 2023)
	communes("h-drop", "80", "90", "85", "80", "95", "60", "70", "79.99", "50")
	add("h-top", "huyen", "", "95", 2023)
	communes("h-top", "95", "92", "85")
	add("h-low", "huyen", "", "40", 2023)
	low := communes("h-low", "40", "30", "20")
	// A commune published as not classified does not reach any band (and
	// contradicts the thresholds, which classify it); the lowest band
	// cannot drop further.
	low[0].Band = par.BandMark{Name: "Không xếp loại"}
	low[1].Band = par.BandMark{Name: "Không xếp loại"}
	add("h-gap", "huyen", "", "85", 2023)
	communes("h-gap", "85", "-", "90")
	// A published band the rule does not give is shown, and contradicts
	// the rule.
	add("h-pub", "huyen", "", "85", 2023).Band = par.BandMark{ID: "tot", Name: "Tốt"}
	communes("h-pub", "60", "60", "60")
	// A published band the rule explains carries the rule's note.
	add("h-pubdrop", "huyen", "", "85", 2023).Band = par.BandMark{ID: "kha", Name: "Khá"}
	communes("h-pubdrop", "60", "60", "85")
	add("h-keep", "huyen", "", "85", 2024) // no commune ranking in 2024
	ds := &par.Dataset{
		Registry:   registry(gs, units...),
		Frameworks: []*par.Framework{hfw, xfw},
		Summaries:  sums,
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl,
		"data/units.yaml:10: warning: Đơn vị h-gap-x2 (h-gap-x2) has no result in any year, though by the registry it existed in 2023 (it has no created event), so it is shown as not scored in that year; if it did not exist yet, add its creation to its events: {date: yyyy-mm-dd, type: created}",
		"error: published band Không xếp loại of Đơn vị h-low-x1 contradicts its total 40 (C27): framework xa-2021 gives Trung bình (from 0)",
		"error: published band Không xếp loại of Đơn vị h-low-x2 contradicts its total 30 (C28): framework xa-2021 gives Trung bình (from 0)",
		"error: published band Tốt of Đơn vị h-pub contradicts its total 85 (C33): framework huyen-2021 gives Khá (hạ từ Tốt xuống Khá: 0/3 xã đạt từ Tốt trở lên (cần ít nhất 2/3))")
	for _, c := range []struct {
		id   string
		year int
		band string
		note string
	}{
		{"h-keep", 2023, "tot", "giữ loại Tốt: 6/9 xã đạt từ Tốt trở lên (cần ít nhất 2/3)"},
		{"h-drop", 2023, "kha", "hạ từ Tốt xuống Khá: 5/9 xã đạt từ Tốt trở lên (cần ít nhất 2/3)"},
		{"h-top", 2023, "xuat-sac", "giữ loại Xuất sắc: 2/3 xã đạt từ Xuất sắc trở lên (cần ít nhất 2/3)"},
		{"h-low", 2023, "trung-binh", "giữ loại Trung bình (loại thấp nhất): 1/3 xã đạt từ Trung bình trở lên (cần ít nhất 2/3)"},
		{"h-gap", 2023, "", "không xếp loại: 1/3 xã chưa có kết quả năm 2023"},
		{"h-pub", 2023, "tot", ""},
		{"h-pubdrop", 2023, "kha", "hạ từ Tốt xuống Khá: 1/3 xã đạt từ Tốt trở lên (cần ít nhất 2/3)"},
		{"h-keep", 2024, "", "không xếp loại: chưa có kết quả UBND cấp xã năm 2024"},
	} {
		r := find(res, c.id, c.year)
		if r == nil {
			t.Errorf("%s %d: no result", c.id, c.year)
			continue
		}
		if r.Band.ID != c.band || r.Band.Note.String() != c.note {
			t.Errorf("%s %d: band %q note %q, want %q %q", c.id, c.year, r.Band.ID, r.Band.Note.String(), c.band, c.note)
		}
	}
}

// Data problems found while assembling rankings (a criterion repeated on a
// sheet is ingest's to report; compute counts its first row silently):
// duplicate sheets and annex rows, a unit in two groups, an unknown group, a sheet read against another
// framework, a sheet whose every criterion is not applicable, a score on a
// not-applicable criterion.
func TestDataProblems(t *testing.T) {
	dup := sheetOf("a", 2023, "a2.xlsx", "I/1=1", "I/2=2")
	other := sheetOf("b", 2023, "b.xlsx", "I/1=1", "I/2=na")
	other.Framework = "old"
	other.Rows[1].Appraised = cellFig("3", par.Source{File: "b.xlsx", Sheet: "b", Cell: "F9"})
	moved := annex("b", 2023, 9, "50", "")
	moved.Group = "tw"
	ghostGroup := annex("g", 2023, 10, "50", "")
	elsewhere := annex("m", 2023, 11, "50", "")
	elsewhere.Group = "tw"
	ds := &par.Dataset{
		Registry: registry(groups("so", "tw"), unit("a", "so", "Sở A"), unit("b", "so", "Sở B"),
			unit("c", "so", "Sở C"), unit("g", "nowhere", "Sở G"), unit("m", "so", "Sở M")),
		Frameworks: []*par.Framework{flatFW("f", "so", "50", "50"), flatFW("g", "tw", "100")},
		Sheets: []*par.Sheet{
			sheetOf("a", 2023, "a.xlsx", "I/1=10", "I/2=20", "I/1=5"), dup, other,
			sheetOf("c", 2023, "c.xlsx", "I/1=na", "I/2=na"),
		},
		Summaries: []*par.Summary{annex("a", 2023, 5, "30", ""), annex("a", 2023, 6, "30", ""), moved, ghostGroup, elsewhere},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl,
		"a2.xlsx: a: error: second scoring sheet for a in 2023 (the first is a.xlsx: a); this one is left out",
		"b.xlsx: b: error: the sheet was read against framework old, but group \"so\" in 2023 is scored by framework f",
		"b.xlsx: b!F9: warning: criterion I/2 is marked not applicable but has an appraised score 3; the score is ignored",
		"c.xlsx: c: error: every criterion of Sở C is marked not applicable; it is not scored",
		"data/scores/2023/phu-luc.xlsx: Phụ lục!B6: error: second summary row for a in 2023 (the first is data/scores/2023/phu-luc.xlsx: Phụ lục!B5); this one is left out",
		"data/scores/2023/phu-luc.xlsx: Phụ lục!B9: error: b has results for 2023 in group \"tw\" here and in group \"so\" elsewhere; this one is left out",
		"data/scores/2023/phu-luc.xlsx: Phụ lục!B10: error: ranking group \"nowhere\" is not in the registry; its results for 2023 are left out",
		"data/scores/2023/phu-luc.xlsx: Phụ lục!B11: warning: Sở M (m) is in group \"so\" by the registry but has results in group \"tw\" for 2023",
	)
	if got := order(rankingOf(res, "tw", 2023)); got != "m:1" {
		t.Errorf("tw: %s", got)
	}
	if n := len(res.ByUnit["m"]); n != 1 {
		t.Errorf("m has %d results in 2023, want 1", n)
	}
	if got := order(rankingOf(res, "so", 2023)); got != "a:1 b:2 c:0" {
		t.Errorf("%s", got)
	}
	// a's annex publishes 30: had the repeated I/1 row counted, a published-
	// vs-computed error would be among the diagnostics above.
	if r := find(res, "a", 2023); r.Total.Value != P("30") {
		t.Errorf("a: total %s, want 30 (I/1 counted once, from its first row)", r.Total.Text())
	}
	if r := find(res, "b", 2023); r.Max != P("50") || r.Index.Text() != "2.00" {
		t.Errorf("b: max %s index %s", r.Max, r.Index.Text())
	}
}

// Rules "ranks at full precision" and "bands on the shown figure" on the points basis with an annex that publishes only the
// index: the total it implies ranks and classifies the unit.
func TestPointsBasisFromIndex(t *testing.T) {
	fw := flatFW("f", "so", "60")
	fw.Basis = par.BasisPoints
	fw.Bands = []par.Band{{ID: "a", Name: "A", Min: P("30")}, {ID: "b", Name: "B", Min: P("0")}}
	ds := &par.Dataset{
		Registry:   registry(groups("so"), unit("x", "so", "Sở X"), unit("y", "so", "Sở Y"), unit("z", "so", "Sở Z")),
		Frameworks: []*par.Framework{fw},
		// x: 50 % of 60 = 30 points; y: 30.01 points; z: 29.99 points.
		Summaries: []*par.Summary{annex("x", 2023, 5, "", "50"), annex("y", 2023, 6, "30.01", ""), annex("z", 2023, 7, "29.99", "")},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl)
	if got := order(rankingOf(res, "so", 2023)); got != "y:1 x:2 z:3" {
		t.Errorf("%s", got)
	}
	if b := find(res, "x", 2023).Band.ID; b != "a" {
		t.Errorf("x band %q, want a (30 points)", b)
	}
	if b := find(res, "z", 2023).Band.ID; b != "b" {
		t.Errorf("z band %q, want b", b)
	}
}
