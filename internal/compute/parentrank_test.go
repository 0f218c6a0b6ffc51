package compute

import (
	"strings"
	"testing"

	"parindex/internal/par"
)

// TestParentRanks checks rule "ranks within the parent": communes ranked
// among their own district's communes ranked that year, ties under the
// framework's rule, nothing for a commune without district or not scored.
func TestParentRanks(t *testing.T) {
	for _, c := range []struct {
		name string
		ties par.Ties
		rows [][2]string // unit, total ("" = not scored)
		want string      // unit:rank/of in ranking order; "-" = none
	}{
		{
			name: "two parents, competition ties",
			rows: [][2]string{{"a1", "90"}, {"a2", "80"}, {"a3", "80"}, {"a4", "70"}, {"b1", "85"}, {"b2", "60"}},
			want: "a1:1/4 b1:1/2 a2:2/4 a3:2/4 a4:4/4 b2:2/2",
		},
		{
			name: "dense ties",
			ties: par.TiesDense,
			rows: [][2]string{{"a1", "90"}, {"a2", "80"}, {"a3", "80"}, {"a4", "70"}},
			want: "a1:1/4 a2:2/4 a3:2/4 a4:3/4",
		},
		{
			name: "no parent, not scored",
			rows: [][2]string{{"a1", "90"}, {"o1", "95"}, {"a2", ""}, {"b1", "50"}},
			want: "o1:- a1:1/1 b1:1/1 a2:-",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			gs := []*par.Group{{ID: "huyen", Name: "Huyện"}, {ID: "xa", Name: "Xã", Order: 1, ParentGroup: "huyen"}}
			units := []*par.Unit{unit("ha", "huyen", "Huyện A"), unit("hb", "huyen", "Huyện B")}
			fw := flatFW("xa-2019", "xa", "100")
			fw.Ties = c.ties
			ds := &par.Dataset{Frameworks: []*par.Framework{fw}}
			for i, row := range c.rows {
				u := unit(row[0], "xa", "Xã "+strings.ToUpper(row[0]))
				switch row[0][0] {
				case 'a':
					u.Parent = "ha"
				case 'b':
					u.Parent = "hb"
				}
				units = append(units, u)
				if row[1] != "" {
					ds.Summaries = append(ds.Summaries, annex(row[0], 2023, 5+i, row[1], ""))
				}
			}
			ds.Registry = registry(gs, units...)
			res, _ := mustRun(t, ds)
			var got []string
			for _, r := range rankingOf(res, "xa", 2023).Results {
				s := r.Unit.ID + ":-"
				if r.ParentRank.N > 0 {
					s = r.Unit.ID + ":" + itoa(r.ParentRank.N) + "/" + itoa(r.ParentOf)
					if r.ParentRank.Origin != par.Computed {
						t.Errorf("%s: origin %v, want computed", r.Unit.ID, r.ParentRank.Origin)
					}
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("got  %s\nwant %s", g, c.want)
			}
		})
	}
}

// TestParentRanksPublished: ranks an annex published within each district
// (restarting under each heading) are shown as published, with their cell.
func TestParentRanksPublished(t *testing.T) {
	gs := []*par.Group{{ID: "huyen", Name: "Huyện"}, {ID: "xa", Name: "Xã", Order: 1, ParentGroup: "huyen"}}
	units := []*par.Unit{unit("ha", "huyen", "Huyện A")}
	ds := &par.Dataset{Frameworks: []*par.Framework{flatFW("xa-2019", "xa", "100")}}
	for i, row := range [][2]string{{"a1", "90"}, {"a2", "80"}} {
		u := unit(row[0], "xa", "Xã "+row[0])
		u.Parent = "ha"
		units = append(units, u)
		s := annex(row[0], 2023, 5+i, row[1], "")
		s.Parent, s.RankWithin = "ha", true
		s.Rank = par.Rank{N: i + 1, Src: par.Source{File: s.Src.File, Sheet: s.Src.Sheet, Cell: "A" + itoa(5+i)}}
		ds.Summaries = append(ds.Summaries, s)
	}
	ds.Registry = registry(gs, units...)
	res, dl := mustRun(t, ds)
	wantDiags(t, dl)
	for i, id := range []string{"a1", "a2"} {
		r := find(res, id, 2023)
		if r.ParentRank.N != i+1 || r.ParentOf != 2 || r.ParentRank.Origin != par.Published || r.ParentRank.Src.Cell != "A"+itoa(5+i) {
			t.Errorf("%s: parent rank %+v of %d, want %d/2 published at A%d", id, r.ParentRank, r.ParentOf, i+1, 5+i)
		}
		if r.Rank.Origin != par.Computed {
			t.Errorf("%s: group rank %+v, want computed (the published one is within the district)", id, r.Rank)
		}
	}
}

// Rule "ranks at full precision": the group's own ranking follows the
// framework's ties too — 1, 2, 2, 4 by default, 1, 2, 2, 3 when dense.
func TestRankTies(t *testing.T) {
	for _, c := range []struct {
		ties par.Ties
		want string
	}{
		{"", "a:1 b:2 c:2 d:4"},
		{par.TiesCompetition, "a:1 b:2 c:2 d:4"},
		{par.TiesDense, "a:1 b:2 c:2 d:3"},
	} {
		gs := []*par.Group{{ID: "so", Name: "Sở"}}
		fw := flatFW("so-2019", "so", "100")
		fw.Ties = c.ties
		ds := &par.Dataset{Frameworks: []*par.Framework{fw}}
		var units []*par.Unit
		for i, row := range [][2]string{{"a", "90"}, {"b", "80"}, {"c", "80"}, {"d", "70"}} {
			units = append(units, unit(row[0], "so", "Sở "+strings.ToUpper(row[0])))
			ds.Summaries = append(ds.Summaries, annex(row[0], 2023, 5+i, row[1], ""))
		}
		ds.Registry = registry(gs, units...)
		res, _ := mustRun(t, ds)
		var got []string
		for _, r := range res.Rankings[0].Results {
			got = append(got, r.Unit.ID+":"+itoa(r.Rank.N))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("ties %q: %s, want %s", c.ties, g, c.want)
		}
	}
}
