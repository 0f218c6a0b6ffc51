package compute

import (
	"strings"
	"testing"

	"parindex/internal/par"
)

// created is a created event on day d.
func created(d string) par.Event { return par.Event{Kind: par.EventCreated, Date: date(d)} }

// decision is a decision document as ingest reads it, with the lines of
// its front matter keys: number 2, date 3, year 4, groups 5, amends 6,
// replaces 7.
func decision(slug, number, dt string, year int, gs []string, amends, replaces string) *par.Doc {
	path := "content/decisions/" + slug + ".md"
	at := func(l int) par.Source { return par.Source{File: path, Line: l} }
	d := &par.Doc{Kind: par.DocDecision, Path: path, Slug: slug, Number: number, Date: date(dt), Year: year, Groups: gs,
		Src: at(1), KeySrc: map[string]par.Source{"number": at(2), "date": at(3), "year": at(4)}}
	if gs != nil {
		d.KeySrc["groups"] = at(5)
	}
	if amends != "" {
		d.Amends, d.KeySrc["amends"] = []string{amends}, at(6)
	}
	if replaces != "" {
		d.Replaces, d.KeySrc["replaces"] = []string{replaces}, at(7)
	}
	return d
}

// Rule "decisions match their rankings": one decision publishes a ranking;
// another for the same year and group must amend or replace it (directly
// or through others), and then the ranking shows them all in date order; a
// decision for a year or group without results is a warning.
func TestDecisionsMatchRankings(t *testing.T) {
	so, tw := []string{"so"}, []string{"tw"}
	tests := []struct {
		name     string
		docs     []*par.Doc
		want     []string
		decision string // the so-2023 ranking's decision and amendments, by number
	}{{
		name:     "one decision per ranking",
		docs:     []*par.Doc{decision("a", "1/QĐ", "2024-02-01", 2023, so, "", ""), decision("b", "2/QĐ", "2024-02-01", 2023, tw, "", "")},
		decision: "1/QĐ",
	}, {
		name: "two decisions for one ranking",
		docs: []*par.Doc{decision("a", "1/QĐ", "2024-02-01", 2023, []string{"so", "tw"}, "", ""), decision("b", "2/QĐ", "2024-03-01", 2023, so, "", "")},
		want: []string{
			`content/decisions/b.md:5: error: decision 2/QĐ and decision 1/QĐ (content/decisions/a.md) both publish group "so" for 2023; if 2/QĐ amends or replaces 1/QĐ, say so in its front matter: amends: 1/QĐ (or replaces: 1/QĐ)`,
		},
		decision: "1/QĐ",
	}, {
		name: "a decision for every group and one for a group",
		docs: []*par.Doc{decision("a", "1/QĐ", "2024-02-01", 2023, nil, "", ""), decision("b", "2/QĐ", "2024-03-01", 2023, nil, "", "")},
		want: []string{
			`content/decisions/b.md:4: error: decision 2/QĐ and decision 1/QĐ (content/decisions/a.md) both publish groups "so" and "tw" for 2023; if 2/QĐ amends or replaces 1/QĐ, say so in its front matter: amends: 1/QĐ (or replaces: 1/QĐ)`,
		},
		decision: "1/QĐ",
	}, {
		name:     "an amendment, written with other diacritics and spaces",
		docs:     []*par.Doc{decision("b", "2/QĐ", "2024-03-01", 2023, so, "1 / QD", ""), decision("a", "1/QĐ", "2024-02-01", 2023, so, "", "")},
		decision: "1/QĐ, 2/QĐ",
	}, {
		name: "a chain: replaces an amendment",
		docs: []*par.Doc{
			decision("c", "3/QĐ", "2024-05-01", 2023, so, "", "2/QĐ"),
			decision("a", "1/QĐ", "2024-02-01", 2023, nil, "", ""),
			decision("b", "2/QĐ", "2024-03-01", 2023, so, "1/QĐ", ""),
		},
		decision: "1/QĐ, 2/QĐ, 3/QĐ",
	}, {
		name: "amends a number no decision has",
		docs: []*par.Doc{decision("a", "1007/QĐ-UBND", "2024-02-01", 2023, so, "", ""), decision("b", "2/QĐ", "2024-03-01", 2023, so, "1070/QĐ-UBND", "")},
		want: []string{
			`content/decisions/b.md:5: error: decision 2/QĐ and decision 1007/QĐ-UBND (content/decisions/a.md) both publish group "so" for 2023; if 2/QĐ amends or replaces 1007/QĐ-UBND, say so in its front matter: amends: 1007/QĐ-UBND (or replaces: 1007/QĐ-UBND)`,
			`content/decisions/b.md:6: error: amends 1070/QĐ-UBND, but no decision in content/decisions/ has that number (did you mean 1007/QĐ-UBND?)`,
		},
		decision: "1007/QĐ-UBND",
	}, {
		name:     "replaces itself",
		docs:     []*par.Doc{decision("a", "1/QĐ", "2024-02-01", 2023, so, "", "1/QĐ")},
		want:     []string{`content/decisions/a.md:7: error: decision 1/QĐ replaces itself`},
		decision: "1/QĐ",
	}, {
		name: "amends a decision of another year",
		docs: []*par.Doc{decision("a", "1/QĐ", "2023-02-01", 2022, so, "", ""), decision("b", "2/QĐ", "2024-03-01", 2023, so, "1/QĐ", "")},
		want: []string{
			`content/decisions/a.md:4: warning: decision 1/QĐ publishes the results of 2022, but there are no results for 2022 (no workbook under data/scores/2022/ gives any)`,
			`content/decisions/b.md:6: warning: decision 2/QĐ amends 1/QĐ, which publishes 2022, not 2023`,
		},
		decision: "2/QĐ",
	}, {
		name: "two decisions with one number",
		docs: []*par.Doc{decision("a", "1/QĐ", "2024-02-01", 2023, so, "", ""), decision("b", "1/QĐ", "2024-03-01", 2023, tw, "", "")},
		want: []string{
			`content/decisions/b.md:2: error: decision number 1/QĐ is also the number of content/decisions/a.md`,
		},
		decision: "1/QĐ",
	}, {
		name: "a decision for a year or a group without results",
		docs: []*par.Doc{
			decision("a", "1/QĐ", "2024-02-01", 2023, []string{"so", "huyen"}, "", ""),
			decision("b", "2/QĐ", "2021-02-01", 2020, so, "", ""),
		},
		want: []string{
			`content/decisions/a.md:5: warning: decision 1/QĐ publishes group "huyen" for 2023, but that group has no results in 2023`,
			`content/decisions/b.md:4: warning: decision 2/QĐ publishes the results of 2020, but there are no results for 2020 (no workbook under data/scores/2020/ gives any)`,
		},
		decision: "1/QĐ",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := &par.Dataset{
				Registry: registry(groups("so", "tw", "huyen"),
					unit("a", "so", "Sở A", created("2020-01-01")), unit("b", "tw", "Cục B", created("2020-01-01"))),
				Frameworks: []*par.Framework{flatFW("f", "so", "100"), flatFW("g", "tw", "100")},
				Summaries:  []*par.Summary{annex("a", 2023, 5, "80", ""), annex("b", 2023, 6, "90", "")},
				Docs:       tt.docs,
			}
			res, dl := mustRun(t, ds)
			wantDiags(t, dl, tt.want...)
			rk := rankingOf(res, "so", 2023)
			var got []string
			if rk.Decision != nil {
				got = append(got, rk.Decision.Number)
			}
			for _, d := range rk.Amendments {
				got = append(got, d.Number)
			}
			if g := strings.Join(got, ", "); g != tt.decision {
				t.Errorf("ranking so 2023 shows %q, want %q", g, tt.decision)
			}
		})
	}
}

// A narrative for a year, ranking or unit-year that has no page is a
// warning at its file: it would not be shown. A unit not scored in a year
// of its ranking has a page for that year (b in 2023): its narrative may
// say why.
func TestNarrativesWithoutPage(t *testing.T) {
	doc := func(kind par.DocKind, path string, year int, group, unit string) *par.Doc {
		return &par.Doc{Kind: kind, Path: path, Year: year, Group: group, Unit: unit, Src: par.Source{File: path, Line: 1}}
	}
	ds := &par.Dataset{
		Registry: registry(groups("so", "tw"),
			unit("a", "so", "Sở A", created("2020-01-01")),
			unit("b", "so", "Sở B", created("2020-01-01"))),
		Frameworks: []*par.Framework{flatFW("f", "so", "100")},
		Summaries:  []*par.Summary{annex("a", 2023, 5, "80", ""), annex("b", 2023, 6, "", "")},
		Docs: []*par.Doc{
			doc(par.DocYear, "content/years/2023.md", 2023, "", ""),
			doc(par.DocYear, "content/years/2032.md", 2032, "", ""),
			doc(par.DocGroupYear, "content/years/2023/so.md", 2023, "so", ""),
			doc(par.DocGroupYear, "content/years/2023/tw.md", 2023, "tw", ""),
			doc(par.DocGroupYear, "content/years/2022/so.md", 2022, "so", ""),
			doc(par.DocUnitYear, "content/units/a/2023.md", 2023, "", "a"),
			doc(par.DocUnitYear, "content/units/a/2022.md", 2022, "", "a"),
			doc(par.DocUnitYear, "content/units/b/2023.md", 2023, "", "b"),
			doc(par.DocUnit, "content/units/a.md", 0, "", "a"),
		},
	}
	_, dl := mustRun(t, ds)
	wantDiags(t, dl,
		`content/units/a/2022.md:1: warning: narrative for unit "a" in 2022, a year in which it is in no ranking; it is not shown`,
		`content/years/2022/so.md:1: warning: narrative for group "so" in 2022, a year without results; it is not shown`,
		`content/years/2023/tw.md:1: warning: narrative for group "tw" in 2023, but that group has no results in 2023; it is not shown`,
		`content/years/2032.md:1: warning: narrative for 2032, a year without results; it is not shown`,
	)
}
