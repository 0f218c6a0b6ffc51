package chart

import (
	"bytes"
	"encoding/json"
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parindex/internal/par"
)

var update = flag.Bool("update", false, "rewrite testdata/*.json golden files")

// Fixtures are built in code: a small framework with four bands and three
// areas, a ranking of seven units (a tie, a published band unknown to the
// framework, a scored unit left unclassified, an unscored unit).

func pts(s string) par.Points { return par.MustPoints(s) }

func pub(s string) par.Figure {
	p, d, err := par.ParsePoints(s)
	if err != nil {
		panic(err)
	}
	return par.Pub(p, d, par.Source{File: "data/x.xlsx", Sheet: "KQ", Cell: "A1"})
}

func framework(id string) *par.Framework {
	return &par.Framework{
		ID: id, Title: "Bộ chỉ số " + id, Groups: []string{"so"}, Basis: par.BasisIndex, Decimals: 2,
		Bands: []par.Band{
			{ID: "xs", Name: "Xuất sắc", Min: pts("90")},
			{ID: "tot", Name: "Tốt", Min: pts("80")},
			{ID: "kha", Name: "Khá", Min: pts("70")},
			{ID: "tb", Name: "Trung bình", Min: pts("50")},
		},
		Areas: []*par.Node{
			{Code: "I", Title: "Công tác chỉ đạo, điều hành CCHC", Max: pts("10")},
			{Code: "II", Title: "Cải cách thủ tục hành chính", Max: pts("12.5")},
			{Code: "III", Title: "Chính quyền số", Max: pts("15")},
		},
	}
}

func unit(id, name string) *par.Unit {
	return &par.Unit{ID: id, Names: []par.Name{{Name: name}}, Group: "so"}
}

func result(u *par.Unit, fw *par.Framework, year int, index string, rank int, band string) *par.Result {
	r := &par.Result{Unit: u, Group: "so", Year: year, Framework: fw, Name: u.Names[0].Name}
	if index == "" {
		return r
	}
	r.Scored = true
	r.Index = pub(index)
	r.Rank = par.Rank{N: rank, Origin: par.Published}
	if band != "" {
		r.Band = par.BandMark{ID: band, Origin: par.Computed}
		if i := fw.BandIndex(band); i >= 0 {
			r.Band.Name = fw.Bands[i].Name
		} else {
			r.Band = par.BandMark{Name: band, Origin: par.Published}
		}
	}
	return r
}

func areas(vals ...string) []par.AreaResult {
	def := []struct{ code, title, max string }{
		{"I", "Công tác chỉ đạo, điều hành CCHC", "10"},
		{"II", "Cải cách thủ tục hành chính", "12.5"},
		{"III", "Chính quyền số", "15"},
	}
	var out []par.AreaResult
	for i, v := range vals {
		a := par.AreaResult{Code: def[i].code, Title: def[i].title, Max: pts(def[i].max)}
		if v != "" {
			a.Points = pub(v)
		}
		out = append(out, a)
	}
	return out
}

func stats() []par.AreaStat {
	return []par.AreaStat{
		{Code: "I", Title: "Công tác chỉ đạo, điều hành CCHC", Max: pts("10"), Avg: pts("82.5"), Best: pts("100"), N: 6},
		{Code: "II", Title: "Cải cách thủ tục hành chính", Max: pts("12.5"), Avg: pts("76.123456"), Best: pts("96"), N: 6},
		{Code: "III", Title: "Chính quyền số", Max: pts("15"), Avg: pts("70"), Best: pts("93.333333"), N: 6},
	}
}

func ranking(fw *par.Framework, names map[string]string) *par.Ranking {
	name := func(id, def string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return def
	}
	nv := result(unit("so-noi-vu", name("so-noi-vu", "Sở Nội vụ")), fw, 2023, "92.15", 1, "xs")
	nv.Areas = areas("9.5", "11.25", "13")
	rs := []*par.Result{
		nv,
		result(unit("so-tu-phap", "Sở Tư pháp"), fw, 2023, "88.4", 2, "tot"),
		result(unit("so-tai-chinh", "Sở Tài chính"), fw, 2023, "88.4", 2, "tot"),
		result(unit("so-y-te", "Sở Y tế"), fw, 2023, "79.999", 4, "kha"),
		result(unit("ban-dan-toc", name("ban-dan-toc", "Ban Dân tộc")), fw, 2023, "75.5", 5, name("band", "Đạt")),
		result(unit("so-xay-dung", "Sở Xây dựng"), fw, 2023, "61.02", 6, ""),
		result(unit("so-moi", "Sở Khoa học và Công nghệ"), fw, 2023, "", 0, ""),
	}
	return &par.Ranking{
		Group: &par.Group{ID: "so", Name: name("group", "Sở, ban, ngành")}, Year: 2023, Framework: fw,
		Results: rs, AreaStats: stats(),
	}
}

// history: a predecessor's results 2019–2020 (its own line), the unit's
// unscored 2021, a new framework from 2022 (the year compared with the
// predecessor), 2023; the rankings' sizes, 2021's unknown.
func history(name string) (Line, []Line) {
	fw1, fw2 := framework("fw2019"), framework("fw2022")
	old := unit("so-cu", "Sở Cũ")
	cur := unit("so-noi-vu", name)
	pred := Line{Name: "Sở Cũ", Results: []*par.Result{
		result(old, fw1, 2019, "80.1", 5, "tot"),
		result(old, fw1, 2020, "85.25", 3, "tot"),
	}, Sizes: []int{20, 20}}
	own := Line{Name: name, Results: []*par.Result{
		result(cur, fw1, 2021, "", 0, ""),
		result(cur, fw2, 2022, "90.5", 1, "xs"),
		result(cur, fw2, 2023, "92.15", 2, "xs"),
	}, Sizes: []int{0, 14, 14}}
	own.Results[1].Prev = &par.Change{Year: 2020, Via: "so-cu"}
	return own, []Line{pred}
}

func unitYear(name string, vals ...string) *par.Result {
	r := result(unit("so-noi-vu", name), framework("fw2022"), 2023, "92.15", 1, "xs")
	r.Areas = areas(vals...)
	return r
}

// cases lists every chart function on the fixture; the name is the golden
// file's.
func cases(names map[string]string) map[string]func() Chart {
	nm := func(def string) string {
		if n, ok := names["so-noi-vu"]; ok {
			return n
		}
		return def
	}
	return map[string]func() Chart{
		"ranking-index":     func() Chart { return RankingIndex(Vietnamese(), ranking(framework("fw2022"), names)) },
		"band-distribution": func() Chart { return BandDistribution(Vietnamese(), ranking(framework("fw2022"), names)) },
		"unit-history-index": func() Chart {
			own, preds := history(nm("Sở Nội vụ"))
			c, _ := UnitHistory(Vietnamese(), nm("Sở Nội vụ"), own, preds)
			return c
		},
		"unit-history-rank": func() Chart {
			own, preds := history(nm("Sở Nội vụ"))
			_, c := UnitHistory(Vietnamese(), nm("Sở Nội vụ"), own, preds)
			return c
		},
		"area-profile": func() Chart {
			return AreaProfile(Vietnamese(), unitYear(nm("Sở Nội vụ"), "9.5", "11.25", "13"), stats())
		},
		"area-profile-bars": func() Chart {
			return AreaProfile(Vietnamese(), unitYear(nm("Sở Nội vụ"), "9.5", "11.25"), stats()[:2])
		},
		"area-profile-gap": func() Chart {
			return AreaProfile(Vietnamese(), unitYear(nm("Sở Nội vụ"), "9.5", "", "13"), stats())
		},
		"area-points": func() Chart { return AreaPoints(Vietnamese(), unitYear(nm("Sở Nội vụ"), "9.5", "12.5", "")) },
		"group-ranks": func() Chart { c, _, _ := groupCharts(names); return c },
		"group-bands": func() Chart { _, c, _ := groupCharts(names); return c },
		"group-index": func() Chart { _, _, c := groupCharts(names); return c },
	}
}

// golden is the whole Chart, indented, so a reviewer sees the option, the
// description and the table together.
func golden(t *testing.T, c Chart) []byte {
	t.Helper()
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// checkGolden compares c with testdata/<name>.json, or writes it there
// with -update, and returns c as the golden file holds it.
func checkGolden(t *testing.T, name string, c Chart) []byte {
	t.Helper()
	got := golden(t, c)
	path := filepath.Join("testdata", name+".json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return got
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/chart -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file; run `go test ./internal/chart -update` and review the diff\ngot:\n%s", path, got)
	}
	return got
}

func TestGolden(t *testing.T) {
	for name, fn := range cases(nil) {
		t.Run(name, func(t *testing.T) {
			checkGolden(t, name, fn())
		})
	}
}

// Rule: output is deterministic (two builds of the same input are
// byte-identical), so charts have fixed IDs and stable JSON.
func TestDeterministic(t *testing.T) {
	for name, fn := range cases(nil) {
		a, b := fn(), fn()
		if !bytes.Equal(golden(t, a), golden(t, b)) {
			t.Errorf("%s: two calls differ", name)
		}
	}
}

var idRE = regexp.MustCompile(`^chart-[a-z0-9]+(-[a-z0-9]+)*$`)

func TestIDs(t *testing.T) {
	want := map[string]string{
		"ranking-index":      "chart-2023-so-index",
		"band-distribution":  "chart-2023-so-bands",
		"unit-history-index": "chart-unit-so-noi-vu-history-index",
		"unit-history-rank":  "chart-unit-so-noi-vu-history-rank",
		"area-profile":       "chart-2023-so-noi-vu-areas",
		"area-profile-bars":  "chart-2023-so-noi-vu-areas",
		"area-profile-gap":   "chart-2023-so-noi-vu-areas",
		"area-points":        "chart-2023-so-noi-vu-points",
		"group-ranks":        "chart-group-so-ranks",
		"group-bands":        "chart-group-so-bands",
		"group-index":        "chart-group-so-index",
	}
	for name, fn := range cases(nil) {
		c := fn()
		if c.ID != want[name] || !idRE.MatchString(c.ID) {
			t.Errorf("%s: ID = %q, want %q", name, c.ID, want[name])
		}
	}
}

const hostile = `<script>alert(1)</script>`

// Rule: every string from a workbook is escaped; a unit named
// <script>alert(1)</script> renders as text everywhere, including chart
// labels and tooltips. The option holds it only as escaped JSON data.
func TestHostileNamesStayData(t *testing.T) {
	names := map[string]string{
		"so-noi-vu":   hostile,
		"ban-dan-toc": `A & B "quoted" </script><!--`,
		"band":        `<b>Đạt</b>`,
		"group":       `<img src=x onerror=alert(2)>`,
	}
	for name, fn := range cases(names) {
		c := fn()
		for _, bad := range []string{"<", ">", "&"} {
			if bytes.Contains(c.Option, []byte(bad)) {
				t.Errorf("%s: Option contains raw %q: %s", name, bad, c.Option)
			}
		}
		var v any
		if err := json.Unmarshal(c.Option, &v); err != nil {
			t.Fatalf("%s: Option is not JSON: %v", name, err)
		}
		// Charts whose option names the unit (as a category or series).
		namesUnit := name == "ranking-index" || strings.HasPrefix(name, "area-profile") || name == "group-ranks" || name == "group-index"
		if namesUnit && !strings.Contains(string(mustMarshalNoEscape(t, v)), hostile) {
			t.Errorf("%s: the unit name should be in the option as data", name)
		}
		if strings.Contains(string(c.Option), "formatter") {
			for _, f := range regexp.MustCompile(`"formatter":"[^"]*"`).FindAllString(string(c.Option), -1) {
				// Fixed templates only: {b} the data name, {a} the
				// series name (the bump chart's line-end labels), drawn
				// as SVG text.
				if f != `"formatter":"{b}"` && f != `"formatter":"{a}"` {
					t.Errorf("%s: unexpected formatter %s: names must not reach formatter strings", name, f)
				}
			}
		}
		// The page template of the package comment, rendered with
		// html/template as the site stage will.
		var out bytes.Buffer
		if err := contract.Execute(&out, c); err != nil {
			t.Fatal(err)
		}
		page := out.String()
		if strings.Contains(page, "<script>alert") || strings.Contains(page, "<img") || strings.Contains(page, "<b>") {
			t.Errorf("%s: raw markup from a name reached the page:\n%s", name, page)
		}
		m := regexp.MustCompile(`(?s)<script type="application/json" id="` + c.ID + `-option">(.*?)</script>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s: option script not found in\n%s", name, page)
		}
		if m[1] != string(c.Option) {
			t.Errorf("%s: html/template changed the option:\n got %s\nwant %s", name, m[1], c.Option)
		}
	}
}

func mustMarshalNoEscape(t *testing.T, v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// contract is the figure markup documented in the package comment.
var contract = template.Must(template.New("figure").Parse(`<figure class="chart">
  <figcaption>{{.Title}}</figcaption>
  <div id="{{.ID}}" class="chart-box" data-chart="{{.ID}}-option" data-height="{{.Height}}" role="img" aria-label="{{.Desc}}" hidden></div>
  <script type="application/json" id="{{.ID}}-option">{{.Option}}</script>
  <details class="chart-data" open><summary>Bảng số liệu</summary><table><caption>{{.Table.Caption}}</caption>
  <thead><tr>{{range .Table.Head}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
  <tbody>{{range .Table.Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>{{end}}</tbody></table></details>
</figure>
`))

// Rule: missing is not zero. Unscored years are null gaps in the history,
// and an unknown area score is null in the profile.
func TestMissingIsNull(t *testing.T) {
	var opt struct {
		Series []struct {
			Name string `json:"name"`
			Data []any  `json:"data"`
		} `json:"series"`
	}
	own, preds := history("Sở Nội vụ")
	index, rank := UnitHistory(Vietnamese(), "Sở Nội vụ", own, preds)
	for _, c := range []Chart{index, rank} {
		if err := json.Unmarshal(c.Option, &opt); err != nil {
			t.Fatal(err)
		}
		// Issue 11, 6: the predecessor is a line of its own, never joined
		// to or added into the unit's.
		if len(opt.Series) != 2 || opt.Series[0].Name != "Sở Cũ (tiền thân)" || opt.Series[1].Name != "Sở Nội vụ" {
			t.Fatalf("%s: series %+v, want the predecessor's then the unit's", c.ID, opt.Series)
		}
		pred, unit := opt.Series[0].Data, opt.Series[1].Data
		if pred[0] == nil || pred[1] == nil || pred[2] != nil || pred[3] != nil || pred[4] != nil {
			t.Errorf("%s: predecessor data %v, want 2019–2020 only", c.ID, pred)
		}
		if unit[0] != nil || unit[1] != nil || unit[2] != nil || unit[3] == nil || unit[4] == nil {
			t.Errorf("%s: the unit's data %v, want 2022–2023 only (2021 unscored: null)", c.ID, unit)
		}
		for _, want := range []string{"chưa chấm điểm năm 2021", "đổi bộ chỉ số năm 2022", "đơn vị tiền thân, mỗi đơn vị một đường riêng, không cộng gộp: Sở Cũ (2019–2020)"} {
			if !strings.Contains(c.Desc, want) {
				t.Errorf("Desc %q lacks %q", c.Desc, want)
			}
		}
		if got := c.Table.Head; len(got) != 4 || got[1] != "Sở Cũ (tiền thân)" || got[2] != "Sở Nội vụ" {
			t.Errorf("%s: table head %q, want a year × unit grid", c.ID, got)
		}
	}
	if bytes.Contains(index.Option, []byte(`"inverse":true`)) || !bytes.Contains(rank.Option, []byte(`"inverse":true`)) {
		t.Error("only the rank axis should be inverted")
	}
	// The rank is given out of its ranking's size where known.
	for _, want := range []string{`{"value":5,"text":"5/20"}`, `{"value":1,"text":"1/14"}`, `"minInterval":1`, `"max":20`} {
		if !bytes.Contains(rank.Option, []byte(want)) {
			t.Errorf("rank option lacks %s: %s", want, rank.Option)
		}
	}
	if !strings.Contains(rank.Desc, "gần nhất năm 2023 hạng 2/14") {
		t.Errorf("rank Desc %q lacks the latest rank out of the group", rank.Desc)
	}
}

// Values are numbers rounded to the figure's decimals; tables use the
// decimal comma.
func TestNumbers(t *testing.T) {
	c := RankingIndex(Vietnamese(), ranking(framework("fw2022"), nil))
	if !bytes.Contains(c.Option, []byte(`79.999`)) || !bytes.Contains(c.Option, []byte(`92.15`)) {
		t.Errorf("index values missing or re-rounded: %s", c.Option)
	}
	if got := c.Table.Rows[0]; strings.Join(got, "|") != "1|Sở Nội vụ|92,15|Xuất sắc" {
		t.Errorf("first row = %q", got)
	}
	if !strings.Contains(c.Desc, "cao nhất Sở Nội vụ 92,15 %, thấp nhất Sở Xây dựng 61,02 %") {
		t.Errorf("Desc = %q", c.Desc)
	}
	if len(c.Table.Rows) != 6 {
		t.Errorf("unscored unit should not be charted: %d rows", len(c.Table.Rows))
	}
}

// Unit names are wrapped, never cut: at spaces, as evenly as the fewest
// lines allow.
func TestWrapLabel(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Sở Tư pháp", "Sở Tư pháp"},
		{"Sở Giáo dục và Đào tạo", "Sở Giáo dục\nvà Đào tạo"},
		{"Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và\nPhát triển nông thôn"},
		{"Cơ quan Trung ương đóng trên địa bàn tỉnh Hòa Lâm", "Cơ quan Trung ương\nđóng trên địa bàn\ntỉnh Hòa Lâm"},
		{"Phường  Đông\tXuyên", "Phường Đông Xuyên"},
		{"Ủyban" + strings.Repeat("x", 30) + " tỉnh", "Ủyban" + strings.Repeat("x", 30) + "\ntỉnh"},
		{"", ""},
	} {
		if got := wrapLabel(tc.in); got != tc.want {
			t.Errorf("wrapLabel(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Rule: a value axis fits the data. Indexes close together get an axis
// that starts a little below the lowest, at a multiple of 5 (10 for a wide
// spread); values near 0 keep the whole axis.
func TestZoomStart(t *testing.T) {
	for _, tc := range []struct {
		lo, hi string
		want   int
	}{
		{"77.22", "96.10", 75},
		{"75.5", "92.15", 70}, // 75.5 is too close to 75 for a dot
		{"71.75", "99.25", 70},
		{"61.02", "92.15", 60},
		{"45", "99", 40}, // spread over 40 points: steps of 10
		{"12", "90", 0},  // the zoom would gain little
		{"0", "0", 0},
		{"100", "100", 95},
	} {
		if got := zoomStart(pts(tc.lo), pts(tc.hi)); got != tc.want {
			t.Errorf("zoomStart(%s, %s) = %d, want %d", tc.lo, tc.hi, got, tc.want)
		}
	}
}

// Rule: a bar on a zoomed axis would misstate its value, so a ranking on a
// zoomed axis is a dot plot whose axis says where it starts; a ranking
// reaching down near 0 keeps bars from 0.
func TestRankingAxis(t *testing.T) {
	type axisOpt struct {
		Series []struct {
			Type string `json:"type"`
		} `json:"series"`
		XAxis []struct {
			Name string `json:"name"`
			Min  any    `json:"min"`
			Max  any    `json:"max"`
		} `json:"xAxis"`
	}
	read := func(c Chart) axisOpt {
		var o axisOpt
		if err := json.Unmarshal(c.Option, &o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	c := RankingIndex(Vietnamese(), ranking(framework("fw2022"), nil))
	o := read(c)
	if x := o.XAxis[0]; x.Min != 60.0 || x.Max != 100.0 || x.Name != "Chỉ số (%), trục bắt đầu từ 60" {
		t.Errorf("zoomed axis = %+v", x)
	}
	for _, s := range o.Series {
		if s.Type != "scatter" {
			t.Errorf("series on a zoomed axis is %q, want scatter (dots)", s.Type)
		}
	}
	if !strings.Contains(c.Desc, "trục bắt đầu từ 60") {
		t.Errorf("Desc does not say where the axis starts: %q", c.Desc)
	}

	rk := ranking(framework("fw2022"), nil)
	rk.Results[5].Index = pub("8.5")
	o = read(RankingIndex(Vietnamese(), rk))
	if x := o.XAxis[0]; x.Min != 0.0 || x.Max != nil || x.Name != "Chỉ số (%)" {
		t.Errorf("axis from 0 = %+v", x)
	}
	for _, s := range o.Series {
		if s.Type != "bar" {
			t.Errorf("series on an axis from 0 is %q, want bar", s.Type)
		}
	}
}

// Rule: figures in charts use the same decimals as the tables: each data
// point carries the text the table prints ("96,10", not 96.1 reformatted
// by the browser).
func TestFigureText(t *testing.T) {
	rk := ranking(framework("fw2022"), nil)
	rk.Results[0].Index = pub("96.10")
	c := RankingIndex(Vietnamese(), rk)
	if !bytes.Contains(c.Option, []byte(`{"value":96.1,"text":"96,10"}`)) {
		t.Errorf("index 96.10 should carry its text 96,10: %s", c.Option)
	}
	if c.Table.Rows[0][2] != "96,10" {
		t.Errorf("table cell = %q", c.Table.Rows[0][2])
	}
	// Computed shares at the framework's precision, as in the table.
	p := AreaProfile(Vietnamese(), unitYear("Sở Nội vụ", "9.5", "11.25"), stats()[:2])
	for _, want := range []string{`{"value":95,"text":"95,00"}`, `{"value":76.12,"text":"76,12"}`} {
		if !bytes.Contains(p.Option, []byte(want)) {
			t.Errorf("area profile lacks %s: %s", want, p.Option)
		}
	}
	three := AreaProfile(Vietnamese(), unitYear("Sở Nội vụ", "9.5", "11.25", "13"), stats())
	if !bytes.Contains(three.Option, []byte(`{"value":86.67,"text":"86,67"}`)) {
		t.Errorf("area bars should carry their texts: %s", three.Option)
	}
	if bytes.Contains(three.Option, []byte(`"radar"`)) {
		t.Errorf("the area profile should be bars, not a radar (cut off on a phone): %s", three.Option)
	}
}
