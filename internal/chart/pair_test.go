package chart

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"parindex/internal/par"
)

// pairFixture compares 2022 and 2024 across a framework change: a unit
// that rose, one that fell (through its predecessor's 2022 result), one
// unchanged, one in 2022 only, one in 2024 only and one not scored in
// 2024.
func pairFixture(name string) *par.Pair {
	fw1, fw2 := framework("fw2019"), framework("fw2022")
	from := &par.Ranking{Group: &par.Group{ID: "so", Name: "Sở, ban, ngành"}, Year: 2022, Framework: fw1}
	to := &par.Ranking{Group: from.Group, Year: 2024, Framework: fw2}
	a, b, c := unit("so-noi-vu", name), unit("so-tu-phap", "Sở Tư pháp"), unit("so-y-te", "Sở Y tế")
	old, gone, fresh := unit("so-cu", "Sở Cũ"), unit("so-giao-thong", "Sở Giao thông vận tải"), unit("so-moi", "Sở Khoa học và Công nghệ")
	row := func(f, t *par.Result, via string) *par.PairRow {
		r := &par.PairRow{From: f, To: t, Via: via}
		if t != nil {
			r.Unit, r.Name = t.Unit, t.Name
		} else {
			r.Unit, r.Name = f.Unit, f.Name
		}
		if f != nil && t != nil && f.Scored && t.Scored {
			r.HasIndex, r.Index = true, t.Index.Value-f.Index.Value
		}
		return r
	}
	p := &par.Pair{Group: from.Group, From: from, To: to, Rows: []*par.PairRow{
		row(result(a, fw1, 2022, "85.25", 2, "tot"), result(a, fw2, 2024, "92.15", 1, "xs"), ""),
		row(result(old, fw1, 2022, "88.40", 1, "tot"), result(b, fw2, 2024, "80.10", 2, "tot"), "so-cu"),
		row(result(c, fw1, 2022, "79.00", 3, "kha"), result(c, fw2, 2024, "79.00", 3, "kha"), ""),
		row(nil, result(fresh, fw2, 2024, "77.5", 4, "kha"), ""),
		row(result(gone, fw1, 2022, "75.60", 4, "kha"), nil, ""),
		row(result(unit("so-x", "Sở X"), fw1, 2022, "70.00", 5, "kha"), result(unit("so-x", "Sở X"), fw2, 2024, "", 0, ""), ""),
	}}
	return p
}

func TestPairSlopeGolden(t *testing.T) {
	checkGolden(t, "pair-slope", PairSlope(Vietnamese(), pairFixture("Sở Nội vụ")))
}

// Rules of the slope chart: each unit a series of two points; a unit of
// one year only is one point and a null (a gap, never a line to zero); a
// unit not scored is no point at all; the axis is zoomed and says where it
// starts; hovering a line focuses its series.
func TestPairSlope(t *testing.T) {
	c := PairSlope(Vietnamese(), pairFixture("Sở Nội vụ"))
	var o struct {
		Series []struct {
			Name     string `json:"name"`
			Type     string `json:"type"`
			Data     []any  `json:"data"`
			Emphasis struct {
				Focus string `json:"focus"`
			} `json:"emphasis"`
		} `json:"series"`
		XAxis []struct {
			Data []string `json:"data"`
		} `json:"xAxis"`
		YAxis []struct {
			Name string `json:"name"`
			Min  any    `json:"min"`
		} `json:"yAxis"`
	}
	if err := json.Unmarshal(c.Option, &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Series) != 6 {
		t.Fatalf("%d series, want 6 (Sở X, not scored in 2024, is its 2022 dot)", len(o.Series))
	}
	for _, s := range o.Series {
		if s.Type != "line" || len(s.Data) != 2 || s.Emphasis.Focus != "series" {
			t.Errorf("series %q: type %s, %d points, focus %q", s.Name, s.Type, len(s.Data), s.Emphasis.Focus)
		}
	}
	byName := map[string][]any{}
	for _, s := range o.Series {
		byName[s.Name] = s.Data
	}
	if d := byName["Sở Khoa học\nvà Công nghệ"]; d == nil || d[0] != nil || d[1] == nil {
		t.Errorf("unit of 2024 only: %v, want [null, point]", d)
	}
	if d := byName["Sở Giao thông\nvận tải"]; d == nil || d[0] == nil || d[1] != nil {
		t.Errorf("unit of 2022 only: %v, want [point, null]", d)
	}
	if d := byName["Sở X"]; d == nil || d[1] != nil {
		t.Errorf("unit not scored in 2024: %v, want a null in 2024", d)
	}
	if strings.Join(o.XAxis[0].Data, " ") != "2022 2024" {
		t.Errorf("x axis %v", o.XAxis[0].Data)
	}
	if y := o.YAxis[0]; y.Min != 65.0 || y.Name != "Chỉ số (%), trục bắt đầu từ 65" { // lowest 70,00
		t.Errorf("y axis %+v", y)
	}
	for _, want := range []string{"trục bắt đầu từ 65", "1 đơn vị tăng", "1 giảm", "1 không đổi", "3 đơn vị chỉ có chỉ số một năm", "hai bộ chỉ số khác nhau"} {
		if !strings.Contains(c.Desc, want) {
			t.Errorf("Desc %q lacks %q", c.Desc, want)
		}
	}
	if got := strings.Join(c.Table.Rows[1], "|"); got != "Sở Tư pháp|88,40|80,10|\u22128,30|năm 2022 là kết quả của Sở Cũ (đơn vị tiền thân)" {
		t.Errorf("predecessor row = %q", got)
	}
	if got := strings.Join(c.Table.Rows[3], "|"); got != "Sở Khoa học và Công nghệ|—|77,5|—|chỉ có năm 2024" {
		t.Errorf("row of 2024 only = %q", got)
	}
}

// Names stay data: a hostile unit name is JSON data in the option, never
// part of a formatter, which is the fixed "{a}" (the series' name).
func TestPairSlopeHostileName(t *testing.T) {
	c := PairSlope(Vietnamese(), pairFixture(hostile))
	for _, bad := range []string{"<", ">", "&"} {
		if bytes.Contains(c.Option, []byte(bad)) {
			t.Errorf("Option contains raw %q", bad)
		}
	}
	for _, f := range regexp.MustCompile(`"formatter":"[^"]*"`).FindAllString(string(c.Option), -1) {
		if f != `"formatter":"{a}"` {
			t.Errorf("unexpected formatter %s", f)
		}
	}
	var v any
	if err := json.Unmarshal(c.Option, &v); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mustMarshalNoEscape(t, v)), "\\u003cscript\\u003e") && !strings.Contains(string(mustMarshalNoEscape(t, v)), "<script>") {
		t.Error("the unit's name should be in the option as data")
	}
	var out bytes.Buffer
	if err := contract.Execute(&out, c); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "<script>alert") {
		t.Error("raw markup from a name reached the page")
	}
}

// Many units: names show on hover only, and the description says so.
func TestPairSlopeManyUnits(t *testing.T) {
	p := pairFixture("Sở Nội vụ")
	fw := p.To.Framework
	for i := range 40 {
		u := unit("u"+strings.Repeat("x", i), "Đơn vị")
		p.Rows = append(p.Rows, &par.PairRow{Unit: u, Name: "Đơn vị", To: result(u, fw, 2024, "90", 1, "xs")})
	}
	c := PairSlope(Vietnamese(), p)
	if !strings.Contains(c.Desc, "tên đơn vị hiện khi di chuột lên đường") {
		t.Errorf("Desc %q", c.Desc)
	}
	if bytes.Contains(c.Option, []byte(`"label":{"show":true,"position":"right"`)) {
		t.Error("names shown at the lines' ends with more than 30 units")
	}
}
