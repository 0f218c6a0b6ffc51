package compute

import (
	"strings"
	"testing"

	"parindex/internal/par"
)

// Rule "area profiles": the name in force that year; areas (published columns where
// given, else from the tree); area statistics as percent of each unit's
// applicable area maximum.
func TestAreaProfilesNamesAndAreas(t *testing.T) {
	fw := framework("f", []string{"so"}, 2022, 0,
		inner("I", leaf("1", "30", ""), leaf("2", "10", "")), inner("II", leaf("3", "60", "")))
	kh := unit("so-kh", "so", "Sở Khoa học và Công nghệ")
	kh.Names = append(kh.Names, par.Name{Name: "Sở Khoa học, Công nghệ và Đổi mới sáng tạo", From: date("2024-01-15")})
	annexOnly := annex("b", 2023, 5, "70", "")
	annexOnly.Areas = map[string]par.Figure{"I": cellFig("20", par.Source{File: "p.xlsx", Sheet: "P", Cell: "D5"})}
	ds := &par.Dataset{
		Registry:   registry(groups("so"), kh, unit("b", "so", "Sở B")),
		Frameworks: []*par.Framework{fw},
		Sheets: []*par.Sheet{
			sheetOf("so-kh", 2023, "kh.xlsx", "I/1=30", "I/2=na", "II/3=30"),
			sheetOf("so-kh", 2024, "kh24.xlsx", "I/1=15", "I/2=5", "II/3=60"),
		},
		Summaries: []*par.Summary{annexOnly},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl)
	if n := find(res, "so-kh", 2023).Name; n != "Sở Khoa học và Công nghệ" {
		t.Errorf("2023 name %q", n)
	}
	if n := find(res, "so-kh", 2024).Name; n != "Sở Khoa học, Công nghệ và Đổi mới sáng tạo" {
		t.Errorf("2024 name %q", n)
	}
	rb := find(res, "b", 2023)
	if rb.Areas[0].Points.Text() != "20" || rb.Areas[0].Points.Origin != par.Published || rb.Areas[1].Points.Known() {
		t.Errorf("annex areas %+v", rb.Areas)
	}
	// 2023 area I: so-kh 30/30 = 100 % (criterion 2 not applicable), b 20
	// of the framework's 40 = 50 %. Area II: so-kh 30/60 = 50 %; b unknown.
	want := []par.AreaStat{
		{Code: "I", Title: "Mục I", Max: P("40"), Avg: P("75"), Best: P("100"), N: 2},
		{Code: "II", Title: "Mục II", Max: P("60"), Avg: P("50"), Best: P("50"), N: 1},
	}
	got := rankingOf(res, "so", 2023).AreaStats
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("area stats %+v, want %+v", got, want)
			break
		}
	}
}

// Rule "area profiles": the mean of area percentages is rounded to 6 decimals.
func TestAreaProfilesAverageRounding(t *testing.T) {
	var units []*par.Unit
	var sheets []*par.Sheet
	for i, v := range []string{"1", "1", "2"} {
		id := "u" + itoa(i)
		units = append(units, unit(id, "so", "Sở "+id))
		sheets = append(sheets, sheetOf(id, 2023, id+".xlsx", "I/1="+v))
	}
	ds := &par.Dataset{
		Registry:   registry(groups("so"), units...),
		Frameworks: []*par.Framework{flatFW("f", "so", "3")},
		Sheets:     sheets,
	}
	res, _ := mustRun(t, ds)
	// (33.333333 + 33.333333 + 66.666667) / 3 = 44.444444333… → 44.444444
	st := rankingOf(res, "so", 2023).AreaStats[0]
	if st.Avg != P("44.444444") || st.Best != P("66.666667") || st.N != 3 {
		t.Errorf("%+v", st)
	}
}

// Rule "year-on-year change": change since the previous year: the unit's own result in year−1;
// a merged unit's single predecessor (Via); none with several predecessors
// or a gap; Comparable only within one framework.
func TestYearOnYearChange(t *testing.T) {
	ev := func(k par.EventKind, d string, to ...string) par.Event {
		return par.Event{Kind: k, Date: date(d), Units: to}
	}
	old := flatFW("so-2019", "so", "100")
	old.From, old.To = 2019, 2022
	cur := flatFW("so-2023", "so", "100")
	cur.From = 2023
	ds := &par.Dataset{
		Registry: registry(groups("so"),
			unit("a", "so", "Sở A"),
			unit("b", "so", "Sở B"),
			unit("gap", "so", "Sở Gián đoạn"),
			unit("p1", "so", "Sở P1", ev(par.EventMergedInto, "2023-03-01", "n1")),
			unit("n1", "so", "Sở N1", ev(par.EventCreated, "2023-03-01")),
			unit("p2", "so", "Sở P2", ev(par.EventMergedInto, "2023-03-01", "n2")),
			unit("p3", "so", "Sở P3", ev(par.EventMergedInto, "2023-03-01", "n2")),
			unit("n2", "so", "Sở N2", ev(par.EventCreated, "2023-03-01")),
		),
		Frameworks: []*par.Framework{old, cur},
		Summaries: []*par.Summary{
			annex("a", 2021, 5, "70", ""),
			annex("gap", 2021, 6, "60", ""),
			annex("a", 2022, 5, "80", ""), annex("b", 2022, 6, "70", ""),
			annex("p1", 2022, 7, "65", ""), annex("p2", 2022, 8, "64", ""), annex("p3", 2022, 9, "63", ""),
			annex("a", 2023, 5, "82.5", ""), annex("b", 2023, 6, "90", ""), annex("gap", 2023, 7, "50", ""),
			annex("n1", 2023, 8, "85", ""), annex("n2", 2023, 9, "60", ""),
		},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl,
		"data/units.yaml:10: warning: Sở B (b) has no result in 2021, before its first result (2022), though by the registry it existed then (it has no created event), so it is shown as not scored in that year; if it did not exist yet, add its creation to its events: {date: yyyy-mm-dd, type: created}",
		"data/units.yaml:10: warning: Sở P1 (p1) has no result in 2021, before its first result (2022), though by the registry it existed then (it has no created event), so it is shown as not scored in that year; if it did not exist yet, add its creation to its events: {date: yyyy-mm-dd, type: created}",
		"data/units.yaml:10: warning: Sở P2 (p2) has no result in 2021, before its first result (2022), though by the registry it existed then (it has no created event), so it is shown as not scored in that year; if it did not exist yet, add its creation to its events: {date: yyyy-mm-dd, type: created}",
		"data/units.yaml:10: warning: Sở P3 (p3) has no result in 2021, before its first result (2022), though by the registry it existed then (it has no created event), so it is shown as not scored in that year; if it did not exist yet, add its creation to its events: {date: yyyy-mm-dd, type: created}")
	for _, c := range []struct {
		id   string
		year int
		want string
	}{
		{"a", 2022, "2021 rank 1 → +0 index +10.00 comparable via "},
		{"a", 2023, "2022 rank 1 → -2 index +2.50 not comparable via "},
		{"b", 2023, "2022 rank 2 → +1 index +20.00 not comparable via "},
		{"n1", 2023, "2022 rank 3 → +1 index +20.00 not comparable via p1"},
		{"n2", 2023, "none"},
		{"gap", 2023, "none"}, // not scored in 2022: no change across the gap
		{"gap", 2021, "none"},
	} {
		r := find(res, c.id, c.year)
		got := "none"
		if ch := r.Prev; ch != nil {
			got = itoa(ch.Year) + " rank " + itoa(ch.PrevRank) + " → " + signed(ch.Rank) + " index " + signedP(ch.Index, ch.HasIndex)
			if ch.Comparable {
				got += " comparable"
			} else {
				got += " not comparable"
			}
			got += " via " + ch.Via
		}
		if got != c.want {
			t.Errorf("%s %d: %s, want %s", c.id, c.year, got, c.want)
		}
	}
}

func signed(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	return "+" + itoa(n)
}

func signedP(p par.Points, ok bool) string {
	if !ok {
		return "none"
	}
	if p < 0 {
		return p.Format(2)
	}
	return "+" + p.Format(2)
}

// Rule "the decision of a ranking": the decision of the year that names the group, else one that
// names no group (covers all).
func TestDecisionOfARanking(t *testing.T) {
	named := &par.Doc{Kind: par.DocDecision, Year: 2023, Groups: []string{"so"}, Path: "content/decisions/2023-so.md", Date: date("2024-02-20")}
	all := &par.Doc{Kind: par.DocDecision, Year: 2023, Path: "content/decisions/2023.md", Date: date("2024-02-01")}
	other := &par.Doc{Kind: par.DocDecision, Year: 2022, Path: "content/decisions/2022.md"}
	narrative := &par.Doc{Kind: par.DocYear, Year: 2023, Path: "content/years/2023.md"}
	ds := &par.Dataset{
		Registry:   registry(groups("so", "tw"), unit("a", "so", "Sở A"), unit("b", "tw", "Kho bạc")),
		Frameworks: []*par.Framework{flatFW("f", "so", "100"), flatFW("g", "tw", "100")},
		Summaries:  []*par.Summary{annex("a", 2023, 5, "80", ""), annex("b", 2023, 6, "80", "")},
		Docs:       []*par.Doc{narrative, other, all, named},
	}
	res, _ := mustRun(t, ds)
	if d := rankingOf(res, "so", 2023).Decision; d != named {
		t.Errorf("so: %+v, want the decision naming the group", d)
	}
	if d := rankingOf(res, "tw", 2023).Decision; d != all {
		t.Errorf("tw: %+v, want the decision covering all groups", d)
	}
}

// Rule "order of results": years ascending, rankings by year then registry group order (not
// id order), each unit's results ascending by year, scored or not.
func TestOrderOfResults(t *testing.T) {
	gs := groups("so", "tw", "huyen")
	ds := &par.Dataset{
		Registry: registry(gs, unit("a", "so", "Sở A"), unit("b", "tw", "Kho bạc"), unit("c", "huyen", "Huyện C"),
			unit("d", "so", "Sở D")),
		Frameworks: []*par.Framework{flatFW("f", "so", "100"), flatFW("g", "tw", "100"), flatFW("h", "huyen", "100")},
		Summaries: []*par.Summary{
			annex("c", 2024, 5, "80", ""), annex("a", 2024, 6, "80", ""),
			annex("b", 2023, 7, "80", ""), annex("a", 2023, 8, "80", ""), annex("c", 2023, 9, "80", ""),
		},
	}
	res, _ := mustRun(t, ds)
	var got []string
	for _, rk := range res.Rankings {
		got = append(got, itoa(rk.Year)+"/"+rk.Group.ID)
	}
	if g := strings.Join(got, " "); g != "2023/so 2023/tw 2023/huyen 2024/so 2024/huyen" {
		t.Errorf("rankings %s", g)
	}
	if len(res.Years) != 2 || res.Years[0] != 2023 || res.Years[1] != 2024 {
		t.Errorf("years %v", res.Years)
	}
	d := res.ByUnit["d"]
	if len(d) != 2 || d[0].Year != 2023 || d[1].Year != 2024 || d[0].Scored {
		t.Errorf("ByUnit[d] must hold both unscored years in order: %+v", d)
	}
}

// Determinism: two runs of the same dataset give identical diagnostics and
// orders.
func TestDeterministic(t *testing.T) {
	build := func() *par.Dataset { return pvcDataset(annex("so-noi-vu", 2023, 7, "85.40", "")) }
	r1, d1 := Run(build())
	r2, d2 := Run(build())
	if d1.String() != d2.String() || order(r1.Rankings[0]) != order(r2.Rankings[0]) {
		t.Error("runs differ")
	}
}

// Rule "year-on-year change": the change of rank counts only the units
// ranked in both years, so units leaving (x dissolved) or entering do not
// move the others; a merged unit counts through its single predecessor
// (n via y); ties stay ties; the group's size in both years is kept.
func TestRankChangeOnlyOverUnitsInBothYears(t *testing.T) {
	ev := func(k par.EventKind, d string, to ...string) par.Event {
		return par.Event{Kind: k, Date: date(d), Units: to}
	}
	ds := &par.Dataset{
		Registry: registry(groups("so"),
			unit("a", "so", "Sở A"),
			unit("b", "so", "Sở B"),
			unit("c", "so", "Sở C"),
			unit("x", "so", "Sở X", ev(par.EventDissolved, "2023-01-01")),
			unit("y", "so", "Sở Y", ev(par.EventMergedInto, "2023-03-01", "n")),
			unit("n", "so", "Sở N", ev(par.EventCreated, "2023-03-01")),
		),
		Frameworks: []*par.Framework{flatFW("so-2019", "so", "100")},
		Summaries: []*par.Summary{
			annex("x", 2022, 5, "95", ""), annex("a", 2022, 6, "90", ""), annex("b", 2022, 7, "80", ""),
			annex("y", 2022, 8, "75", ""), annex("c", 2022, 9, "70", ""),
			annex("a", 2023, 5, "92", ""), annex("b", 2023, 6, "85", ""), annex("c", 2023, 7, "85", ""),
			annex("n", 2023, 8, "80", ""),
		},
	}
	res, dl := mustRun(t, ds)
	wantDiags(t, dl)
	for _, c := range []struct {
		id   string
		want string // published ranks, change over the common units, sizes
	}{
		{"a", "2 → 1: +0 of 4 common, 5 → 4 ranked"}, // was 2nd only because x was 1st
		{"b", "3 → 2: +0 of 4 common, 5 → 4 ranked"},
		{"c", "5 → 2: +2 of 4 common, 5 → 4 ranked"}, // passes y (n) and ties with b; x left
		{"n", "4 → 4: -1 of 4 common, 5 → 4 ranked"}, // y was above c, n is below
	} {
		r := find(res, c.id, 2023)
		ch := r.Prev
		if ch == nil || !ch.HasRank {
			t.Errorf("%s: no rank change: %+v", c.id, ch)
			continue
		}
		got := itoa(ch.PrevRank) + " → " + itoa(r.Rank.N) + ": " + signed(ch.Rank) + " of " + itoa(ch.Common) +
			" common, " + itoa(ch.PrevOf) + " → " + itoa(ch.Of) + " ranked"
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.id, got, c.want)
		}
	}
}
