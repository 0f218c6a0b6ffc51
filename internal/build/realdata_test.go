package build

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"parindex/internal/par"
	"parindex/internal/viet"
	"parindex/internal/xlsx"
)

// End to end on real published figures (testdata/realdata/README.md): a
// project is written in code — site.yaml, the 63 provinces as units of one
// ranking group, a framework, annex workbooks holding the full-precision
// scores as numeric cells — and built; the site must reproduce the
// publishers' rankings and show their tiers.

// realProvinces is the registry: one unit per province, named as PAPI
// spells it. Aliases are only the spellings that folding cannot reach
// (abbreviations, a different letter); Đăk Lăk, Đăk Nông and TT.Huế must
// resolve by folding alone (README: names are matched after folding case,
// diacritics and punctuation).
var realProvinces = []struct {
	name    string
	aliases []string
}{
	{"An Giang", nil}, {"Bà Rịa-Vũng Tàu", []string{"BRVT"}}, {"Bắc Giang", nil},
	{"Bắc Kạn", []string{"Bắc Cạn"}}, {"Bạc Liêu", nil}, {"Bắc Ninh", nil}, {"Bến Tre", nil},
	{"Bình Định", nil}, {"Bình Dương", nil}, {"Bình Phước", nil}, {"Bình Thuận", nil},
	{"Cà Mau", nil}, {"Cần Thơ", nil}, {"Cao Bằng", nil}, {"Đà Nẵng", nil}, {"Đắk Lắk", nil},
	{"Đắk Nông", nil}, {"Điện Biên", nil}, {"Đồng Nai", nil}, {"Đồng Tháp", nil}, {"Gia Lai", nil},
	{"Hà Giang", nil}, {"Hà Nam", nil}, {"Hà Nội", nil}, {"Hà Tĩnh", nil}, {"Hải Dương", nil},
	{"Hải Phòng", nil}, {"Hậu Giang", nil}, {"Hòa Bình", nil}, {"Hưng Yên", nil}, {"Khánh Hòa", nil},
	{"Kiên Giang", nil}, {"Kon Tum", nil}, {"Lai Châu", nil}, {"Lâm Đồng", nil}, {"Lạng Sơn", nil},
	{"Lào Cai", nil}, {"Long An", nil}, {"Nam Định", nil}, {"Nghệ An", nil}, {"Ninh Bình", nil},
	{"Ninh Thuận", nil}, {"Phú Thọ", nil}, {"Phú Yên", nil}, {"Quảng Bình", nil}, {"Quảng Nam", nil},
	{"Quảng Ngãi", nil}, {"Quảng Ninh", nil}, {"Quảng Trị", nil}, {"Sóc Trăng", nil}, {"Sơn La", nil},
	{"Tây Ninh", nil}, {"Thái Bình", nil}, {"Thái Nguyên", nil}, {"Thanh Hóa", nil},
	{"Thừa Thiên-Huế", []string{"TT-Huế"}}, {"Tiền Giang", nil}, {"TP. Hồ Chí Minh", []string{"Tp.HCM"}},
	{"Trà Vinh", nil}, {"Tuyên Quang", nil}, {"Vĩnh Long", nil}, {"Vĩnh Phúc", nil}, {"Yên Bái", nil},
}

// realUnitOf says, independently of the resolver, which unit each spelling
// in the files is: the registry name or an alias, else a folding variant.
func realUnitOf(t *testing.T, name string) string {
	t.Helper()
	folded := map[string]string{"Đăk Lăk": "Đắk Lắk", "Đăk Nông": "Đắk Nông", "TT.Huế": "Thừa Thiên-Huế"}
	if n, ok := folded[name]; ok {
		name = n
	}
	for _, p := range realProvinces {
		if p.name == name || slices.Contains(p.aliases, name) {
			return viet.Slug(p.name)
		}
	}
	t.Fatalf("%q is neither a registry name nor an alias nor a listed folding variant", name)
	return ""
}

func realUnitsYAML() string {
	var b strings.Builder
	b.WriteString("groups:\n  - id: tinh\n    name: Tỉnh, thành phố\n    name_en: Provinces\nunits:\n")
	for _, p := range realProvinces {
		fmt.Fprintf(&b, "  - id: %s\n    group: tinh\n    name: %q\n", viet.Slug(p.name), p.name)
		if len(p.aliases) > 0 {
			q := make([]string, len(p.aliases))
			for i, a := range p.aliases {
				q[i] = strconv.Quote(a)
			}
			fmt.Fprintf(&b, "    aliases: [%s]\n", strings.Join(q, ", "))
		}
	}
	return b.String()
}

// pciFrameworkYAML ranks by points. VCCI sets its tiers' cut-offs itself,
// each year and not round (in 2016 Khá reaches down to 56.93, Tương đối
// thấp to 53.63), so the framework names the tiers without bounds: the
// site shows the published tier and never recomputes it.
const pciFrameworkYAML = `id: pci
title: Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)
groups: [tinh]
from: 2015
basis: points
decimals: 2
bands:
  - {id: rat-tot, name: Rất tốt}
  - {id: tot, name: Tốt}
  - {id: kha, name: Khá}
  - {id: trung-binh, name: Trung bình}
  - {id: tuong-doi-thap, name: Tương đối thấp}
  - {id: thap, name: Thấp}
areas:
  - {code: PCI, title: Năng lực cạnh tranh cấp tỉnh, max: 100}
`

// papiDims are PAPI's six dimensions, the framework's areas; the annex
// labels its columns by their titles.
var papiDims = []string{
	"Tham gia của người dân ở cấp cơ sở",
	"Công khai, minh bạch",
	"Trách nhiệm giải trình với người dân",
	"Kiểm soát tham nhũng trong khu vực công",
	"Thủ tục hành chính công",
	"Cung ứng dịch vụ công",
}

func papiFrameworkYAML() string {
	var b strings.Builder
	b.WriteString("id: papi\ntitle: Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)\ngroups: [tinh]\nfrom: 2014\nbasis: points\ndecimals: 2\nareas:\n")
	for i, d := range papiDims {
		fmt.Fprintf(&b, "  - {code: D%d, title: %q, max: 10}\n", i+1, d)
	}
	return b.String()
}

func realSiteYAML(title string) string {
	return "title: " + title + "\nprovince: Việt Nam\npublisher: parindex test\nsample: false\n"
}

func readRealCSV(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "realdata", name))
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

// formula is a formula cell with its cached value.
type formula struct {
	f string
	v float64
}

// annexSheet lays out a summary annex: a merged title, a blank row, the
// header, the rows and a source note. Cells: string → text, float64 →
// numeric cell, int → numeric cell, formula → formula with cached value,
// nil → empty.
func annexSheet(name, title string, header []string, rows [][]any) xlsx.WSheet {
	last := xlsx.CellName(1, len(header))
	s := xlsx.WSheet{Name: name, Merges: []string{"A1:" + last}}
	s.Cells = append(s.Cells, xlsx.WCell{Row: 1, Col: 1, Text: title, Style: xlsx.StyleTitle})
	for c, h := range header {
		s.Cells = append(s.Cells, xlsx.WCell{Row: 3, Col: c + 1, Text: h, Style: xlsx.StyleHeader})
	}
	for r, row := range rows {
		for c, v := range row {
			cell := xlsx.WCell{Row: r + 4, Col: c + 1, Style: xlsx.StyleCell}
			switch v := v.(type) {
			case nil:
			case string:
				cell.Text = v
			case int:
				cell.Num = xlsx.Float(float64(v))
			case float64:
				cell.Num, cell.Style = xlsx.Float(v), xlsx.StyleNumber
			case formula:
				cell.Formula, cell.Num, cell.Style = v.f, xlsx.Float(v.v), xlsx.StyleNumber
			default:
				panic(fmt.Sprintf("cell %T", v))
			}
			s.Cells = append(s.Cells, cell)
		}
	}
	s.Cells = append(s.Cells, xlsx.WCell{Row: len(rows) + 5, Col: 1, Text: "Nguồn: số liệu công bố của đơn vị xây dựng chỉ số.", Style: xlsx.StyleItalic})
	return s
}

func writeRealProject(t *testing.T, files map[string]string, books map[string]xlsx.WSheet) string {
	t.Helper()
	root := t.TempDir()
	put := func(rel string, b []byte) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for rel, s := range files {
		put(rel, []byte(s))
	}
	for rel, sh := range books {
		var buf bytes.Buffer
		if err := xlsx.Write(&buf, xlsx.WBook{Sheets: []xlsx.WSheet{sh}}); err != nil {
			t.Fatal(err)
		}
		put(rel, buf.Bytes())
	}
	return root
}

func buildReal(t *testing.T, root string) *Report {
	t.Helper()
	rep, err := Build(Options{Root: root, Out: filepath.Join(root, "site"), Workers: 2})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, rep.Diagnostics)
	}
	if e, w := rep.Diagnostics.Count(); e != 0 {
		t.Fatalf("%d errors:\n%s", e, rep.Diagnostics)
	} else if w != 0 {
		t.Logf("%d warnings:\n%s", w, rep.Diagnostics)
	}
	return rep
}

func realRanking(t *testing.T, res *par.Results, year int) *par.Ranking {
	t.Helper()
	for _, rk := range res.Rankings {
		if rk.Year == year && rk.Group.ID == "tinh" {
			return rk
		}
	}
	t.Fatalf("no ranking of %d", year)
	return nil
}

func readSite(t *testing.T, root, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "site", filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tableRows splits a ranking page's table body into rows keyed by the
// unit id their name links to, in page order.
func tableRows(t *testing.T, page string) (ids []string, rows map[string]string) {
	t.Helper()
	_, body, ok := strings.Cut(page, "<tbody>")
	body, _, ok2 := strings.Cut(body, "</tbody>")
	if !ok || !ok2 {
		t.Fatal("ranking page has no table body")
	}
	link := regexp.MustCompile(`<th scope="row"><a href="/don-vi/([a-z0-9-]+)/">`)
	rows = map[string]string{}
	for _, tr := range strings.Split(body, "<tr")[1:] {
		m := link.FindStringSubmatch(tr)
		if m == nil {
			t.Fatalf("row without a unit link: %s", tr)
		}
		if _, dup := rows[m[1]]; dup {
			t.Errorf("unit %s has two rows", m[1])
		}
		ids = append(ids, m[1])
		rows[m[1]] = tr
	}
	return ids, rows
}

// figSpan is a figure printed on a page.
var figSpan = regexp.MustCompile(`<span class="fig"[^>]*>([0-9]+(?:,[0-9]+)?)</span>`)

// rowFigs lists the figures a row prints, for short failure messages.
func rowFigs(tr string) []string {
	var out []string
	for _, m := range figSpan.FindAllStringSubmatch(tr, -1) {
		out = append(out, m[1])
	}
	return out
}

// checkPrecision: every figure of a row is printed at the framework's
// published precision, two decimals (ranks are whole numbers). A score
// stored at full float precision in a cell formatted 0.00 was published
// with two decimals, not fifteen.
func checkPrecision(t *testing.T, what, tr string) {
	t.Helper()
	for _, m := range figSpan.FindAllStringSubmatch(tr, -1) {
		if _, frac, ok := strings.Cut(m[1], ","); ok && len(frac) != 2 {
			t.Errorf("%s: figure %s is not shown with two decimals (row shows %v)", what, m[1], rowFigs(tr))
		}
	}
}

// shown is a figure as a page prints it at the framework's two decimals.
func shown(t *testing.T, v string) string {
	t.Helper()
	p, _, err := par.ParsePoints(v)
	if err != nil {
		t.Fatal(err)
	}
	return ">" + viet.DecimalComma(p.Format(2)) + "<"
}

// PCI 2015 and 2016 from annexes, in two layouts: without a rank column
// (STT in name order, score labelled "Chỉ số PCI"; parindex ranks) and with
// the published rank (score labelled "Tổng điểm"). Rules: names resolve
// across spelling drift to one unit; ranks are decided at full precision
// (2016: 58.20 three times, ranks 32, 33, 34) and equal the published ones
// for all 63 provinces; the published tier is shown, not the framework's
// round cut-offs; figures are shown with a decimal comma.
func TestRealDataPCI(t *testing.T) {
	data := map[int][]map[string]string{
		2015: readRealCSV(t, "pci-provinces-2015.csv"),
		2016: readRealCSV(t, "pci-provinces-2016.csv"),
	}
	for _, published := range []bool{false, true} {
		name := "computed-ranks"
		if published {
			name = "published-ranks"
		}
		t.Run(name, func(t *testing.T) {
			files := map[string]string{
				"data/site.yaml":           realSiteYAML("Chỉ số PCI (số liệu thật)"),
				"data/units.yaml":          realUnitsYAML(),
				"data/frameworks/pci.yaml": pciFrameworkYAML,
			}
			books := map[string]xlsx.WSheet{}
			for year, rows := range data {
				title := fmt.Sprintf("CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI) NĂM %d", year)
				var cells [][]any
				var header []string
				if published {
					header = []string{"Xếp hạng", "Tỉnh, thành phố", "Tổng điểm", "Xếp loại"}
					for _, r := range rows {
						rank, _ := strconv.Atoi(r["rank"])
						score, _ := strconv.ParseFloat(r["pci_score"], 64)
						cells = append(cells, []any{rank, r["province"], score, r["tier"]})
					}
				} else {
					// Rows in name order, so that STT (1…63) is not the
					// rank: a reader taking it for one would fail.
					sorted := slices.Clone(rows)
					slices.SortFunc(sorted, func(a, b map[string]string) int { return strings.Compare(a["province"], b["province"]) })
					header = []string{"STT", "Tỉnh, thành phố", "Chỉ số PCI", "Xếp loại"}
					for i, r := range sorted {
						score, _ := strconv.ParseFloat(r["pci_score"], 64)
						cells = append(cells, []any{i + 1, r["province"], score, r["tier"]})
					}
				}
				books[fmt.Sprintf("data/scores/%d/pci.xlsx", year)] = annexSheet("Summary_VN", title, header, cells)
			}
			root := writeRealProject(t, files, books)
			rep := buildReal(t, root)
			checkPCI(t, root, rep, data, published)
		})
	}
}

func checkPCI(t *testing.T, root string, rep *Report, data map[int][]map[string]string, published bool) {
	wantOrigin := par.Computed
	if published {
		wantOrigin = par.Published
	}
	for _, year := range []int{2015, 2016} {
		rk := realRanking(t, rep.Results, year)
		if len(rk.Results) != 63 {
			t.Errorf("%d: %d results, want 63", year, len(rk.Results))
		}
		byID := map[string]*par.Result{}
		for _, r := range rk.Results {
			byID[r.Unit.ID] = r
		}
		page := readSite(t, root, fmt.Sprintf("nam/%d/tinh/index.html", year))
		order, rows := tableRows(t, page)
		if len(order) != 63 {
			t.Errorf("%d: ranking page has %d rows, want 63", year, len(order))
		}
		seen := map[string]string{}
		for _, row := range data[year] {
			id := realUnitOf(t, row["province"])
			if prev, dup := seen[id]; dup {
				t.Fatalf("%d: %q and %q are one unit %s", year, prev, row["province"], id)
			}
			seen[id] = row["province"]
			wantRank, _ := strconv.Atoi(row["rank"])
			r := byID[id]
			if r == nil {
				t.Errorf("%d %s (%s): no result", year, row["province"], id)
				continue
			}
			score, _, _ := par.ParsePoints(row["pci_score"])
			basis := r.Total
			if !published {
				basis = r.Index // labelled "Chỉ số PCI"
			}
			if !r.Scored || r.Rank.N != wantRank || r.Rank.Origin != wantOrigin {
				t.Errorf("%d %s: scored %v, rank %d (%v), published rank %d", year, row["province"], r.Scored, r.Rank.N, r.Rank.Origin, wantRank)
			}
			if basis.Value != score || basis.Origin != par.Published {
				t.Errorf("%d %s: score %s (%v), published %s", year, row["province"], basis.Value, basis.Origin, row["pci_score"])
			}
			if r.Band.Name != row["tier"] || r.Band.Origin != par.Published {
				t.Errorf("%d %s: band %q (%v), published %q", year, row["province"], r.Band.Name, r.Band.Origin, row["tier"])
			}
			tr := rows[id]
			if !strings.Contains(tr, ">"+row["tier"]+"</span>") {
				t.Errorf("%d %s: page row does not show the tier %q", year, row["province"], row["tier"])
			}
			if !strings.Contains(tr, shown(t, row["pci_score"])) {
				t.Errorf("%d %s: page row does not show %s; it shows %v", year, row["province"], shown(t, row["pci_score"]), rowFigs(tr))
			}
			checkPrecision(t, fmt.Sprintf("%d %s", year, row["province"]), tr)
			if !strings.Contains(tr, fmt.Sprintf(`data-sort="%d">`, wantRank)) {
				t.Errorf("%d %s: page row does not show rank %d; it shows %v", year, row["province"], wantRank, rowFigs(tr))
			}
			if i := slices.Index(order, id); i+1 != wantRank {
				t.Errorf("%d %s: row %d of the page, rank %d", year, row["province"], i+1, wantRank)
			}
		}
		if len(seen) != 63 {
			t.Errorf("%d: %d distinct provinces in the file", year, len(seen))
		}
	}

	// 2016: three provinces equal at two decimals, ranked apart at full
	// precision.
	page := readSite(t, root, "nam/2016/tinh/index.html")
	_, rows := tableRows(t, page)
	for _, c := range []struct {
		id   string
		rank int
	}{{"binh-thuan", 32}, {"bac-giang", 33}, {"dong-nai", 34}} {
		var r *par.Result
		for _, x := range rep.Results.ByUnit[c.id] {
			if x.Year == 2016 {
				r = x
			}
		}
		if r == nil || r.Rank.N != c.rank {
			t.Errorf("2016 %s: %+v, want rank %d", c.id, r, c.rank)
		}
		if !strings.Contains(rows[c.id], ">58,20<") {
			t.Errorf("2016 %s: row does not show 58,20; it shows %v", c.id, rowFigs(rows[c.id]))
		}
	}

	// Đắk Lắk (2015) and Đăk Lăk (2016) are one unit: one page with both
	// years, 23rd then 28th, shown as a fall of five places.
	if rs := rep.Results.ByUnit["dak-lak"]; len(rs) != 2 || rs[0].Year != 2015 || rs[1].Year != 2016 || rs[0].Rank.N != 23 || rs[1].Rank.N != 28 {
		t.Errorf("Đắk Lắk results: %v", rs)
	}
	unit := readSite(t, root, "don-vi/dak-lak/index.html")
	for _, y := range []string{"2015", "2016"} {
		if !strings.Contains(unit, `<a href="/nam/`+y+`/tinh/">`+y+`</a>`) {
			t.Errorf("Đắk Lắk's page lacks year %s", y)
		}
	}
	if !strings.Contains(rows["dak-lak"], "▼5") {
		t.Errorf("Đăk Lăk 2016 row does not show ▼5")
	}
	entries, err := os.ReadDir(filepath.Join(root, "site", "don-vi"))
	if err != nil {
		t.Fatal(err)
	}
	units := 0
	for _, e := range entries {
		if e.IsDir() {
			units++
		}
	}
	if units != 63 {
		t.Errorf("%d unit pages, want 63", units)
	}
}

// PAPI 2014 from an annex of the six dimensions with their sum as total,
// written the way the publisher's workbook holds it: a SUM formula per row.
// Rule: missing is not zero — Bắc Giang and Đồng Tháp have every dimension
// blank and a cached total of 0; they are shown "Chưa chấm điểm", not
// ranked, listed last in name order. The other 61 are ranked by the
// full-precision total.
func TestRealDataPAPI2014(t *testing.T) {
	rows := readRealCSV(t, "papi-provinces-2014.csv")
	header := append(append([]string{"STT", "Tỉnh, thành phố"}, papiDims...), "Tổng điểm")
	var cells [][]any
	for i, r := range rows {
		line := []any{i + 1, r["province"]}
		for d := 1; d <= 6; d++ {
			if v := r[fmt.Sprintf("D%d", d)]; v != "" {
				f, _ := strconv.ParseFloat(v, 64)
				line = append(line, f)
			} else {
				line = append(line, nil)
			}
		}
		total, _ := strconv.ParseFloat(r["PAPI_unweighted"], 64)
		line = append(line, formula{fmt.Sprintf("SUM(C%d:H%d)", i+4, i+4), total})
		cells = append(cells, line)
	}
	root := writeRealProject(t, map[string]string{
		"data/site.yaml":            realSiteYAML("Chỉ số PAPI (số liệu thật)"),
		"data/units.yaml":           realUnitsYAML(),
		"data/frameworks/papi.yaml": papiFrameworkYAML(),
	}, map[string]xlsx.WSheet{
		"data/scores/2014/papi.xlsx": annexSheet("2014_PAPI", "CHỈ SỐ PAPI NĂM 2014", header, cells),
	})
	rep := buildReal(t, root)

	// Expected ranks: the full-precision totals of the scored provinces,
	// in descending order (they are all distinct).
	type scored struct {
		id    string
		total float64
	}
	var want []scored
	blank := map[string]bool{}
	for _, r := range rows {
		id := realUnitOf(t, r["province"])
		if r["D1"] == "" {
			blank[id] = true
			continue
		}
		f, _ := strconv.ParseFloat(r["PAPI_unweighted"], 64)
		want = append(want, scored{id, f})
	}
	slices.SortFunc(want, func(a, b scored) int {
		switch {
		case a.total > b.total:
			return -1
		case a.total < b.total:
			return 1
		}
		t.Fatalf("%s and %s tie at full precision", a.id, b.id)
		return 0
	})
	if len(want) != 61 || !blank["bac-giang"] || !blank["dong-thap"] {
		t.Fatalf("fixture: %d scored, blank %v", len(want), blank)
	}

	rk := realRanking(t, rep.Results, 2014)
	if len(rk.Results) != 63 {
		t.Fatalf("%d results, want 63", len(rk.Results))
	}
	for i, w := range want {
		r := rk.Results[i]
		if r.Unit.ID != w.id || r.Rank.N != i+1 || !r.Scored || r.Rank.Origin != par.Computed {
			t.Errorf("position %d: %s rank %d scored %v, want %s rank %d", i+1, r.Unit.ID, r.Rank.N, r.Scored, w.id, i+1)
		}
	}
	for i, id := range []string{"bac-giang", "dong-thap"} {
		r := rk.Results[61+i]
		if r.Unit.ID != id || r.Scored || r.Rank.N != 0 || r.Total.Known() {
			t.Errorf("position %d: %s scored %v rank %d total %s, want %s not scored", 62+i, r.Unit.ID, r.Scored, r.Rank.N, r.Total.Text(), id)
		}
	}

	page := readSite(t, root, "nam/2014/tinh/index.html")
	order, trs := tableRows(t, page)
	if len(order) != 63 {
		t.Fatalf("page has %d rows", len(order))
	}
	for i, w := range want {
		if order[i] != w.id {
			t.Errorf("page row %d is %s, want %s", i+1, order[i], w.id)
		}
		if strings.Contains(trs[w.id], "Chưa chấm điểm") || !strings.Contains(trs[w.id], fmt.Sprintf(`data-sort="%d">`, i+1)) {
			t.Errorf("row of %s: want rank %d, scored; it shows %v", w.id, i+1, rowFigs(trs[w.id]))
		}
	}
	for _, r := range rows {
		id := realUnitOf(t, r["province"])
		checkPrecision(t, r["province"], trs[id])
		if !blank[id] && !strings.Contains(trs[id], shown(t, r["PAPI_unweighted"])) {
			t.Errorf("row of %s does not show total %s; it shows %v", id, shown(t, r["PAPI_unweighted"]), rowFigs(trs[id]))
		}
	}
	if order[61] != "bac-giang" || order[62] != "dong-thap" {
		t.Errorf("last rows: %v", order[61:])
	}
	for _, id := range []string{"bac-giang", "dong-thap"} {
		if tr := trs[id]; !strings.Contains(tr, "Chưa chấm điểm") || !strings.Contains(tr, `class="unscored"`) {
			t.Errorf("row of %s is not shown as not scored; it shows %v", id, rowFigs(tr))
		}
	}
	// A dimension, as published, at two decimals.
	if rs := rep.Results.ByUnit["ha-noi"]; len(rs) != 1 || len(rs[0].Areas) != 6 {
		t.Errorf("Hà Nội: %d results", len(rs))
	} else if a := rs[0].Areas[0]; a.Code != "D1" || a.Points.Text() != "5.31" {
		t.Errorf("Hà Nội %s: %s, published 5.3068289999999996 shown as 5.31", a.Code, a.Points.Text())
	}
}
