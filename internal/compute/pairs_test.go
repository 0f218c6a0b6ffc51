package compute

import (
	"strings"
	"testing"

	"parindex/internal/par"
)

// pairDataset: a group "so" scored 2022–2024, framework A until 2023 and
// B (the band Tốt from 85, not 80) from 2024, and a group "tw".
//
//   - a, b: both years; b tied with c in 2022;
//   - c: not scored in 2024 (in the ranking: it existed);
//   - d: merged into n (created 2023) — n compared via d;
//   - e, f: merged into m (created 2024) — two predecessors, none compared;
//   - g: dissolved in 2023;
//   - h: in group tw in 2022, in so from 2024;
//   - k: not scored in 2022;
//   - z: created in 2024.
func pairDataset() *par.Dataset {
	ev := func(k par.EventKind, d string, to ...string) par.Event {
		return par.Event{Kind: k, Date: date(d), Units: to}
	}
	fa := flatFW("so-a", "so", "100")
	fa.Groups = []string{"so", "tw"}
	fa.From, fa.To = 2019, 2023
	fb := flatFW("so-b", "so", "100")
	fb.Groups = []string{"so", "tw"}
	fb.From = 2024
	fb.Bands[1].Min = P("85")
	h := unit("h", "so", "Sở H")
	return &par.Dataset{
		Registry: registry(groups("so", "tw"),
			unit("a", "so", "Sở A"),
			unit("b", "so", "Sở B"),
			unit("c", "so", "Sở C"),
			unit("d", "so", "Sở D", ev(par.EventMergedInto, "2023-03-01", "n")),
			unit("n", "so", "Sở N", ev(par.EventCreated, "2023-03-01", "d"), ev(par.EventMergedFrom, "2023-03-01", "d")),
			unit("e", "so", "Sở E", ev(par.EventMergedInto, "2024-01-01", "m")),
			unit("f", "so", "Sở F", ev(par.EventMergedInto, "2024-01-01", "m")),
			unit("m", "so", "Sở M", ev(par.EventCreated, "2024-01-01")),
			unit("g", "so", "Sở G", ev(par.EventDissolved, "2023-06-01")),
			h,
			unit("k", "so", "Sở K"),
			unit("z", "so", "Sở Z", ev(par.EventCreated, "2024-06-01")),
		),
		Frameworks: []*par.Framework{fa, fb},
		Summaries: []*par.Summary{
			annex("a", 2022, 5, "90", ""), annex("b", 2022, 6, "85", ""), annex("c", 2022, 7, "85", ""),
			annex("d", 2022, 8, "70", ""), annex("e", 2022, 9, "60", ""), annex("f", 2022, 10, "55", ""),
			annex("g", 2022, 11, "50", ""), group(annex("h", 2022, 12, "77", ""), "tw"),
			annex("a", 2023, 5, "91", ""), annex("b", 2023, 6, "86", ""), annex("c", 2023, 7, "80", ""),
			annex("n", 2023, 8, "72", ""), annex("e", 2023, 9, "61", ""), annex("f", 2023, 10, "56", ""),
			group(annex("h", 2023, 12, "78", ""), "tw"), annex("k", 2023, 13, "40", ""),
			annex("a", 2024, 5, "88", ""), annex("b", 2024, 6, "91", ""),
			annex("n", 2024, 8, "80.5", ""), annex("m", 2024, 9, "66", ""), annex("h", 2024, 10, "79", ""),
			annex("k", 2024, 11, "62.25", ""), annex("z", 2024, 12, "30", ""),
		},
	}
}

func group(s *par.Summary, g string) *par.Summary { s.Group = g; return s }

func pairOf(t *testing.T, res *par.Results, g string, y1, y2 int) *par.Pair {
	t.Helper()
	for _, p := range res.Pairs {
		if p.Group.ID == g && p.From.Year == y1 && p.To.Year == y2 {
			return p
		}
	}
	t.Fatalf("no pair %s %d–%d", g, y1, y2)
	return nil
}

func rowOf(p *par.Pair, id string) *par.PairRow {
	for _, r := range p.Rows {
		if r.Unit.ID == id {
			return r
		}
	}
	return nil
}

// reasonText is a reason in a test's words.
func reasonText(r *par.PairReason) string {
	if r == nil {
		return "-"
	}
	s := string(r.Kind) + " " + itoa(r.Year)
	if len(r.Units) > 0 {
		s += " " + strings.Join(r.Units, ",")
	}
	if r.Group != "" {
		s += " " + r.Group
	}
	return s
}

// Rule "comparing two years": every two years of a group, not only
// consecutive ones, in group order then by year.
func TestPairsEveryTwoYears(t *testing.T) {
	res, _ := mustRun(t, pairDataset())
	var got []string
	for _, p := range res.Pairs {
		got = append(got, p.Group.ID+" "+itoa(p.From.Year)+"-"+itoa(p.To.Year))
	}
	want := "so 2022-2023|so 2022-2024|so 2023-2024|tw 2022-2023" // tw has no unit in 2024: no ranking
	if strings.Join(got, "|") != want {
		t.Errorf("pairs = %q, want %q", strings.Join(got, "|"), want)
	}
}

// Rule "comparing two years": ranks change over the units ranked in both
// years only (a merged unit through its single predecessor); units that
// entered or left say why, from the registry; a merged unit with several
// predecessors is compared with none of them.
func TestPairRows(t *testing.T) {
	res, _ := mustRun(t, pairDataset())
	p := pairOf(t, res, "so", 2022, 2024)
	if p.Comparable {
		t.Error("frameworks differ: not comparable")
	}
	if len(p.Thresholds) != 1 || p.Thresholds[0].Name != "Tốt" || p.Thresholds[0].From != P("80") || p.Thresholds[0].To != P("85") {
		t.Errorf("thresholds = %+v", p.Thresholds)
	}
	for _, c := range []struct {
		id   string
		want string // rank change, index change, via, entered, left
	}{
		// 2022 ranks: a 1, b 2, c 2, d 4, e 5, f 6, g 7; 2024: b 1, a 2, n 3, h 4, m 5, k 6.
		// Common: a, b, n (via d): places 1, 2, 3 → 2, 1, 3.
		{"a", "rank -1 index -2.00 via  entered - left -"},
		{"b", "rank +1 index +6.00 via  entered - left -"},
		{"n", "rank +0 index +10.50 via d entered - left -"},
		{"m", "rank none index none via  entered predecessors 2022 e,f left -"},
		{"h", "rank none index none via  entered moved 2022 tw left -"},
		{"k", "rank none index none via  entered not-scored 2022 left -"}, // it existed: listed, not scored
		{"c", "rank none index none via  entered - left not-scored 2024"},
		{"z", "rank none index none via  entered created 2022 left -"},
		{"d", "rank none index none via  entered - left merged-into 2024 n"},
		{"e", "rank none index none via  entered - left merged-into 2024 m"},
		{"g", "rank none index none via  entered - left dissolved 2024"},
	} {
		r := rowOf(p, c.id)
		if r == nil {
			t.Errorf("%s: no row", c.id)
			continue
		}
		rank := "none"
		if r.HasRank {
			rank = signed(r.Rank)
		}
		got := "rank " + rank + " index " + signedP(r.Index, r.HasIndex) + " via " + r.Via +
			" entered " + reasonText(r.Entered) + " left " + reasonText(r.Left)
		if got != c.want {
			t.Errorf("%s: %s\n want %s", c.id, got, c.want)
		}
		if r.HasBand {
			t.Errorf("%s: band change across a framework change", c.id)
		}
	}
	if p.Common != 3 || p.FromOf != 7 || p.ToOf != 7 {
		t.Errorf("common %d, ranked %d → %d; want 3, 7 → 7", p.Common, p.FromOf, p.ToOf)
	}
	// Rows: the later year's ranking order, then the units only in the
	// earlier year, in its order.
	var ids []string
	for _, r := range p.Rows {
		ids = append(ids, r.Unit.ID)
	}
	if got := strings.Join(ids, " "); got != "b a n h m k z c d e f g" {
		t.Errorf("rows = %s", got)
	}
	if o := p.Other; len(o) != 1 || o[0] != (par.GroupYear{Group: "tw", Year: 2022}) {
		t.Errorf("other rankings = %+v", o)
	}

	// Consecutive years under one framework: bands compare, and the
	// unit not scored in 2022 entered for that reason.
	q := pairOf(t, res, "so", 2022, 2023)
	if !q.Comparable || len(q.Thresholds) != 0 {
		t.Errorf("2022–2023 comparable = %v, thresholds %+v", q.Comparable, q.Thresholds)
	}
	if r := rowOf(q, "c"); !r.HasBand || r.Band != 0 { // Tốt → Tốt (80)
		t.Errorf("c band change = %v %d", r.HasBand, r.Band)
	}
	if r := rowOf(q, "b"); !r.HasBand || r.Band != 0 {
		t.Errorf("b band change = %v %d", r.HasBand, r.Band)
	}
	if r := rowOf(q, "n"); r.Via != "d" || !r.HasBand || r.Band != 0 { // Khá → Khá
		t.Errorf("n via %q band %v %d", r.Via, r.HasBand, r.Band)
	}
	if r := rowOf(q, "k"); reasonText(r.Entered) != "not-scored 2022" {
		t.Errorf("k entered %s", reasonText(r.Entered))
	}
	if r := rowOf(q, "m"); r != nil {
		t.Errorf("m did not exist in 2022 or 2023: %+v", r)
	}
	// The consecutive pair agrees with the year-on-year change.
	for _, r := range q.Rows {
		if r.To == nil || r.To.Prev == nil {
			continue
		}
		ch := r.To.Prev
		if ch.HasRank != r.HasRank || ch.Rank != r.Rank || ch.HasIndex != r.HasIndex || ch.Index != r.Index || ch.Via != r.Via {
			t.Errorf("%s: pair (%v %d %v %s) differs from the change since the previous year %+v", r.Unit.ID, r.HasRank, r.Rank, r.HasIndex, r.Index, ch)
		}
	}
}

// Rule "comparing two years": a result both continued by its own unit and
// claimed by a successor formed before the later year counts once, for its
// own unit.
func TestPairCountsPredecessorOnce(t *testing.T) {
	ev := func(k par.EventKind, d string, to ...string) par.Event {
		return par.Event{Kind: k, Date: date(d), Units: to}
	}
	ds := &par.Dataset{
		Registry: registry(groups("so"),
			unit("a", "so", "Sở A"),
			unit("p", "so", "Sở P", ev(par.EventMergedInto, "2025-03-01", "s")),
			unit("s", "so", "Sở S", ev(par.EventCreated, "2023-01-01")),
		),
		Frameworks: []*par.Framework{flatFW("so-1", "so", "100")},
		Summaries: []*par.Summary{
			annex("a", 2022, 5, "90", ""), annex("p", 2022, 6, "80", ""),
			annex("a", 2024, 5, "70", ""), annex("p", 2024, 6, "85", ""), annex("s", 2024, 7, "95", ""),
		},
	}
	res, _ := mustRun(t, ds)
	p := pairOf(t, res, "so", 2022, 2024)
	if p.Common != 2 {
		t.Errorf("common = %d, want 2 (a and p; s's claim on p's 2022 does not count twice)", p.Common)
	}
	if r := rowOf(p, "p"); !r.HasRank || r.Rank != 1 {
		t.Errorf("p rank change %v %d, want +1", r.HasRank, r.Rank)
	}
	if r := rowOf(p, "s"); r.HasRank || r.Via != "p" || !r.HasIndex {
		t.Errorf("s: rank %v via %q index %v; want no rank change, index via p", r.HasRank, r.Via, r.HasIndex)
	}
}

// Rule "comparing two years": the group's statistics are over the scored
// units with a known index; a unit not scored is left out, never counted
// as 0.
func TestPairStats(t *testing.T) {
	res, _ := mustRun(t, pairDataset())
	p := pairOf(t, res, "so", 2022, 2024)
	// 2023: 91, 86, 80, 72, 61, 56, 40 (g dissolved; h in tw); 2024 as
	// below, c not scored.
	if st := pairOf(t, res, "so", 2023, 2024).FromStats; st.N != 7 || st.Median != P("72") {
		t.Errorf("2023 stats = %+v", st)
	}
	q := pairOf(t, res, "so", 2023, 2024)
	q.To.Results = q.To.Results[:len(q.To.Results)-2] // drop z and c: the six below
	st := pairStats(q.To)
	if st.N != 6 || st.Min != P("62.25") || st.Max != P("91") || st.Median != P("79.75") || st.Mean != P("77.791667") {
		t.Errorf("2024 stats = %+v", st)
	}
	// Population SD of the six: 10.551872529…
	if st.SD != P("10.551873") {
		t.Errorf("2024 SD = %s", st.SD)
	}
	if full := p.ToStats; full.N != 7 || full.Min != P("30") {
		t.Errorf("2024 with z: %+v (c, not scored, is left out)", full)
	}
	// 2022 (so only; h was in tw): 90, 85, 85, 70, 60, 55, 50.
	st = p.FromStats
	if st.N != 7 || st.Median != P("70") || st.Min != P("50") || st.Max != P("90") {
		t.Errorf("2022 stats = %+v", st)
	}
	empty := pairStats(&par.Ranking{Results: []*par.Result{{Year: 2024}}})
	if empty.N != 0 || empty.Mean != 0 {
		t.Errorf("no scored unit: %+v", empty)
	}
}

// Rule "comparing two years": the biggest gainers and losers, up to five
// and every row tied with the fifth, in the table's order within a tie.
func TestPairTopKeepsTies(t *testing.T) {
	var rows []*par.PairRow
	for i, d := range []int{3, 1, 3, 2, 5, 1, 1, -2, 0} {
		rows = append(rows, &par.PairRow{Unit: &par.Unit{ID: itoa(i)}, HasRank: true, Rank: d})
	}
	up := top(rows, func(r *par.PairRow) (int64, bool) { return int64(r.Rank), r.HasRank && r.Rank > 0 })
	var got []string
	for _, r := range up {
		got = append(got, r.Unit.ID+":"+signed(r.Rank))
	}
	if s := strings.Join(got, " "); s != "4:+5 0:+3 2:+3 3:+2 1:+1 5:+1 6:+1" {
		t.Errorf("gainers = %s", s)
	}
	down := top(rows, func(r *par.PairRow) (int64, bool) { return -int64(r.Rank), r.HasRank && r.Rank < 0 })
	if len(down) != 1 || down[0].Unit.ID != "7" {
		t.Errorf("losers = %v", down)
	}
}
