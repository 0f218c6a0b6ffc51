package compute

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// Real published rankings (testdata/README.md) rebuilt from their scores:
// each province is a unit of group "tinh", each row a summary annex row with
// the full-precision score as published total (shown with 2 decimals) and no
// published rank; the framework ranks by points.

func readCSV(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

// realSet accumulates provinces and annex rows over several files. Units
// are matched by slug, so spelling drift (Đắk Lắk / Đăk Lăk, TT-Huế /
// TT.Huế) is one unit, as ingest matches names; a spelling that differs in
// a letter is a registry alias.
type realSet struct {
	t     *testing.T
	reg   *par.Registry
	ds    *par.Dataset
	units map[string]*par.Unit
}

func newRealSet(t *testing.T, fw *par.Framework) *realSet {
	reg := &par.Registry{Groups: []*par.Group{{ID: "tinh", Name: "Tỉnh, thành phố"}}}
	return &realSet{t: t, reg: reg, units: map[string]*par.Unit{},
		ds: &par.Dataset{Registry: reg, Frameworks: []*par.Framework{fw}}}
}

// aliases are the registry's alias entries for the test's provinces.
var aliases = map[string]string{"Bắc Cạn": "Bắc Kạn"} // PCI 2016

func (s *realSet) unit(name string) string {
	if a, ok := aliases[name]; ok {
		name = a
	}
	id := viet.Slug(name)
	if s.units[id] == nil {
		u := &par.Unit{ID: id, Group: "tinh", Names: []par.Name{{Name: name}}}
		s.units[id] = u
		s.reg.Units = append(s.reg.Units, u)
	}
	return id
}

// fig is a published figure at full precision, shown with 2 decimals. A
// blank cell is missing.
func (s *realSet) fig(v string, src par.Source) par.Figure {
	if v == "" {
		return par.Figure{}
	}
	p, _, err := par.ParsePoints(v)
	if err != nil {
		s.t.Fatalf("%s: %v", src, err)
	}
	return par.Pub(p, 2, src)
}

func (s *realSet) run() *par.Results {
	s.reg.Index()
	res, dl := Run(s.ds)
	if dl.Len() != 0 {
		s.t.Errorf("diagnostics:\n%s", dl)
	}
	return res
}

func pciFramework() *par.Framework {
	fw := framework("pci", []string{"tinh"}, 2015, 0, &par.Node{Code: "PCI", Title: "PCI", Max: par.FromInt(100)})
	fw.Basis = par.BasisPoints
	// VCCI sets its tiers' cut-offs itself each year, and not round: the
	// framework names the tiers without bounds, so the published tier is
	// shown and never recomputed.
	fw.Bands = []par.Band{
		{ID: "rat-tot", Name: "Rất tốt"}, {ID: "tot", Name: "Tốt"}, {ID: "kha", Name: "Khá"},
		{ID: "trung-binh", Name: "Trung bình"}, {ID: "tuong-doi-thap", Name: "Tương đối thấp"}, {ID: "thap", Name: "Thấp"},
	}
	fw.PublishedBands = true
	return fw
}

// Rules "ranks at full precision" and "bands on the shown figure" on PCI 2015 and 2016: computed ranks equal the published
// ranks for every province, including 2016's three provinces at 58.20; the
// published tier is shown unchanged.
func TestRealPCI(t *testing.T) {
	s := newRealSet(t, pciFramework())
	type pub struct {
		rank int
		tier string
	}
	want := map[string]pub{} // "id/year"
	for _, year := range []int{2015, 2016} {
		file := "pci-provinces-" + strconv.Itoa(year) + ".csv"
		for i, row := range readCSV(t, file) {
			src := func(col string) par.Source {
				return par.Source{File: file, Line: i + 2, Cell: col}
			}
			id := s.unit(row["province"])
			rank, _ := strconv.Atoi(row["rank"])
			want[id+"/"+strconv.Itoa(year)] = pub{rank, row["tier"]}
			s.ds.Summaries = append(s.ds.Summaries, &par.Summary{
				Unit: id, Group: "tinh", Year: year, Name: row["province"],
				Total: s.fig(row["pci_score"], src("B")),
				Band:  par.BandMark{Name: row["tier"], Origin: par.Published, Src: src("D")},
				Src:   src("A"),
			})
		}
	}
	res := s.run()
	if len(s.reg.Units) != 63 {
		t.Errorf("%d units, want 63 (Đắk Lắk and Đăk Lăk are one)", len(s.reg.Units))
	}
	for _, year := range []int{2015, 2016} {
		rk := rankingOf(res, "tinh", year)
		if len(rk.Results) != 63 {
			t.Fatalf("%d: %d results", year, len(rk.Results))
		}
		for _, r := range rk.Results {
			w := want[r.Unit.ID+"/"+strconv.Itoa(year)]
			if r.Rank.N != w.rank || r.Rank.Origin != par.Computed {
				t.Errorf("%d %s: rank %d, published %d", year, r.Name, r.Rank.N, w.rank)
			}
			if r.Band.Name != w.tier || r.Band.Origin != par.Published {
				t.Errorf("%d %s: band %+v, published %s", year, r.Name, r.Band, w.tier)
			}
		}
	}
	for _, c := range []struct {
		id   string
		rank int
	}{{"binh-thuan", 32}, {"bac-giang", 33}, {"dong-nai", 34}} {
		r := find(res, c.id, 2016)
		if r.Total.Text() != "58.20" || r.Rank.N != c.rank {
			t.Errorf("2016 %s: %s rank %d, want 58.20 rank %d", r.Name, r.Total.Text(), r.Rank.N, c.rank)
		}
	}
	// Rule "year-on-year change" across the spelling drift: Đắk Lắk 23rd in 2015, 28th in 2016.
	if dl := find(res, "dak-lak", 2016); dl.Prev == nil || dl.Prev.PrevRank != 23 || dl.Prev.Rank != -5 || !dl.Prev.Comparable {
		t.Errorf("Đăk Lăk 2016 change %+v", dl.Prev)
	}
}

// papi builds one PAPI year: six areas D1…D6 of 10 points, ranked by points.
// The CSV's quirk (every score blank, total 0) is what an annex-reading
// ingest turns into a blank total: the row is not scored.
func papi(t *testing.T, year int) (*par.Results, []map[string]string) {
	var areas []*par.Node
	for d := 1; d <= 6; d++ {
		areas = append(areas, &par.Node{Code: "D" + itoa(d), Title: "D" + itoa(d), Max: par.FromInt(10)})
	}
	fw := framework("papi", []string{"tinh"}, 2011, 0, areas...)
	fw.Basis = par.BasisPoints
	s := newRealSet(t, fw)
	file := "papi-provinces-" + itoa(year) + ".csv"
	rows := readCSV(t, file)
	for i, row := range rows {
		src := par.Source{File: file, Line: i + 2}
		sum := &par.Summary{Unit: s.unit(row["province"]), Group: "tinh", Year: year, Name: row["province"],
			Areas: map[string]par.Figure{}, Src: src}
		blank := true
		for d := 1; d <= 6; d++ {
			code := "D" + itoa(d)
			if f := s.fig(row[code], src); f.Known() {
				sum.Areas[code] = f
				blank = false
			}
		}
		if !blank {
			sum.Total = s.fig(row["PAPI_unweighted"], src)
		}
		s.ds.Summaries = append(s.ds.Summaries, sum)
	}
	return s.run(), rows
}

// Rules "missing is never zero", "ranks at full precision" and "area profiles" on PAPI 2014: Bắc Giang and Đồng Tháp (blank scores,
// total 0) are not scored, not ranked and listed last in name order; the
// other 61 form a competition ranking by the full-precision total.
func TestRealPAPI2014MissingIsNotZero(t *testing.T) {
	res, _ := papi(t, 2014)
	rk := rankingOf(res, "tinh", 2014)
	n := len(rk.Results)
	if n != 63 {
		t.Fatalf("%d results", n)
	}
	if a, b := rk.Results[n-2], rk.Results[n-1]; a.Name != "Bắc Giang" || b.Name != "Đồng Tháp" || a.Scored || b.Scored || a.Rank.N != 0 || b.Rank.N != 0 || a.Total.Known() {
		t.Errorf("last two: %s %v %d, %s %v %d", a.Name, a.Scored, a.Rank.N, b.Name, b.Scored, b.Rank.N)
	}
	checkCompetition(t, rk)
	if last := rk.Results[60]; last.Rank.N != 61 || !last.Scored {
		t.Errorf("last ranked: %s rank %d", last.Name, last.Rank.N)
	}
	for _, st := range rk.AreaStats {
		if st.N != 61 || st.Max != par.FromInt(10) || st.Best <= st.Avg {
			t.Errorf("area stats %+v", st)
		}
	}
}

// Rule "ranks at full precision" on PAPI 2016: totals equal at two decimals are not ties.
func TestRealPAPI2016FullPrecision(t *testing.T) {
	res, _ := papi(t, 2016)
	rk := rankingOf(res, "tinh", 2016)
	checkCompetition(t, rk)
	for _, pair := range [][2]string{{"tien-giang", "tuyen-quang"}, {"son-la", "hai-phong"}, {"hai-duong", "bac-ninh"}} {
		hi, lo := find(res, pair[0], 2016), find(res, pair[1], 2016)
		if hi.Total.Text() != lo.Total.Text() {
			t.Errorf("%s %s and %s %s should be equal at 2 decimals", hi.Name, hi.Total.Text(), lo.Name, lo.Total.Text())
		}
		if hi.Rank.N+1 != lo.Rank.N {
			t.Errorf("%s rank %d, %s rank %d: want consecutive distinct ranks", hi.Name, hi.Rank.N, lo.Name, lo.Rank.N)
		}
	}
}
