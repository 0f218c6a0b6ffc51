package ingest

import (
	"reflect"
	"strconv"
	"testing"
	"testing/fstest"

	"parindex/internal/par"
	"parindex/internal/xlsx"
)

const lineageYAML = `groups:
  - id: so
    name: Sở, ban, ngành
  - id: dac-thu
    name: Cơ quan đặc thù
    unranked: true
units:
  - id: so-noi-vu
    group: so
    name: Sở Nội vụ
    events:
      - {date: 2025-03-01, type: merged-from, units: [so-lao-dong-tbxh]}
  - id: so-lao-dong-tbxh
    group: so
    name: Sở Lao động - Thương binh và Xã hội
    events:
      - {date: 2025-03-01, type: merged-into, unit: so-noi-vu}
  - id: so-kh-cn
    group: so
    names:
      - {name: Sở Khoa học và Công nghệ, name_en: Department of Science and Technology}
      - {name: "Sở Khoa học, Công nghệ và Đổi mới sáng tạo", from: 2024-01-15}
  - id: xa-tan-an
    group: dac-thu
    name: Xã Tân An
    events:
      - {date: 2025-07-01, type: merged-into, unit: xa-tan-an-moi}
  - id: xa-tan-an-moi
    group: dac-thu
    name: Xã Tân An
    events:
      - {date: 2025-07-01, type: created, units: [xa-tan-an]}
      - {date: 2025-07-01, type: merged-from, units: [xa-tan-an]}
`

// Rule: Load of a complete small project gives the whole dataset: site,
// registry with lineage, framework tree, detail sheets, annex rows,
// documents and assets, with no diagnostics.
func TestLoadProject(t *testing.T) {
	fsys := contentFS()
	fsys["data/units.yaml"] = &fstest.MapFile{Data: []byte(lineageYAML)}
	fsys["content/decisions/qd-1007-2024.md"] = &fstest.MapFile{Data: []byte(decisionMD[:len("---\n")] + "number: 1\ndate: 2024-02-20\nyear: 2023\ntitle: QĐ\n---\n")}
	fsys["content/years/2023/so.md"] = &fstest.MapFile{Data: []byte("x")}
	delete(fsys, "content/units/so-noi-vu/2023.md")
	fsys["data/scores/2023/so.xlsx"] = &fstest.MapFile{Data: book(t, stdSheet("Sở Nội vụ", ""), stdSheet("KHCN", "Đơn vị: Sở Khoa học và Công nghệ"))}
	fsys["data/scores/2022/phu-luc.xlsx"] = &fstest.MapFile{Data: book(t, sheet("PL", nil,
		[]any{"Xếp hạng", "Đơn vị", "Tổng điểm"},
		[]any{1, "Sở Lao động - Thương binh và Xã hội", 91},
		[]any{2, "Sở Khoa học và Công nghệ", 88},
	))}
	ds, diags := load(t, fsys)
	wantDiags(t, diags)

	if ds.Site.Title != "Chỉ số cải cách hành chính tỉnh Hòa Lâm" || !ds.Site.Sample || ds.Site.BaseURL != "/" || ds.Site.Publisher != "Sở Nội vụ tỉnh Hòa Lâm" {
		t.Errorf("site: %+v", ds.Site)
	}
	reg := ds.Registry
	if len(reg.Groups) != 2 || !reg.Group("dac-thu").Unranked || reg.Group("dac-thu").Order != 1 {
		t.Errorf("groups: %+v", reg.Groups)
	}
	if u := reg.Unit("so-kh-cn"); len(u.Names) != 2 || u.NameAt(2023).Name != "Sở Khoa học và Công nghệ" ||
		u.NameAt(2024).Name != "Sở Khoa học, Công nghệ và Đổi mới sáng tạo" || u.Names[0].NameEn != "Department of Science and Technology" {
		t.Errorf("names: %+v", u.Names)
	}
	if s := reg.Successor("so-lao-dong-tbxh"); s == nil || s.ID != "so-noi-vu" {
		t.Errorf("successor: %v", s)
	}
	if e := reg.Unit("so-noi-vu").Events[0]; e.Kind != par.EventMergedFrom || e.Date != (par.Date{Year: 2025, Month: 3, Day: 1}) || e.Src.String() != "data/units.yaml:12" {
		t.Errorf("event: %+v", e)
	}

	if len(ds.Frameworks) != 1 {
		t.Fatalf("frameworks: %d", len(ds.Frameworks))
	}
	f := ds.Frameworks[0]
	if f.Max() != pts("9") || f.Basis != par.BasisIndex || f.Decimals != 2 || f.From != 2023 || f.To != 0 || len(f.Bands) != 3 ||
		f.BonusMax() != pts("2") || f.PenaltyMax() != pts("3") {
		t.Errorf("framework: %+v", f)
	}
	var keys []string
	for _, l := range f.Leaves() {
		keys = append(keys, l.Key+"="+l.Max.String()+":"+string(l.Method))
	}
	if want := []string{"I/1/1.1=1:self", "I/1/1.2=2:self", "I/2=1:self", "II/1/a=1:self", "II/1/b=1:self", "II/2=3:survey"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("leaves %v", keys)
	}
	if n := f.Node("II"); n.Max != pts("5") || n.Method != "" || n.Src.String() != "data/frameworks/so-2023.yaml:19" {
		t.Errorf("area II: %+v", n)
	}

	var sheets []string
	for _, s := range ds.Sheets {
		sheets = append(sheets, s.Unit+"/"+s.Name+"/"+s.Total.Text())
	}
	if want := []string{"so-noi-vu/Sở Nội vụ/7.50", "so-kh-cn/Sở Khoa học và Công nghệ/7.50"}; !reflect.DeepEqual(sheets, want) {
		t.Errorf("sheets %v", sheets)
	}
	var sums []string
	for _, s := range ds.Summaries {
		sums = append(sums, s.Unit+"/"+s.Group+"/"+s.Total.Text())
	}
	if want := []string{"so-lao-dong-tbxh/so/91", "so-kh-cn/so/88"}; !reflect.DeepEqual(sums, want) {
		t.Errorf("summaries %v", sums)
	}
	if len(ds.Docs) != 6 || len(ds.Assets) != 2 {
		t.Errorf("docs %d assets %d", len(ds.Docs), len(ds.Assets))
	}
}

// Rule: the output does not depend on the number of workers.
func TestLoadDeterministic(t *testing.T) {
	fsys := baseFS()
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		fsys["data/scores/2023/"+n+".xlsx"] = &fstest.MapFile{Data: book(t, stdSheet("Sở Nội vụ", ""), stdSheet("Sở Tư pháp", ""))}
	}
	var first string
	for _, w := range []int{1, 3, 8} {
		ds, d := Load(fsys, Options{Workers: w})
		got := d.String()
		for _, s := range ds.Sheets {
			got += s.Src.String() + "\n"
		}
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("workers=%d:\n%s\nwant\n%s", w, got, first)
		}
	}
}

// Rule: a missing data/site.yaml or data/units.yaml is an error on the
// file; the rest is still read.
func TestMissingFiles(t *testing.T) {
	fsys := fstest.MapFS{"data/frameworks/x.yaml": {Data: []byte(frameworkYAML)}}
	ds, diags := load(t, fsys)
	wantDiags(t, diags,
		"data/site.yaml: error: cannot read file: file does not exist",
		"data/units.yaml: error: cannot read file: file does not exist",
		"data/frameworks/x.yaml:3: error: unknown group \"so\"",
	)
	if ds.Registry == nil || len(ds.Frameworks) != 1 {
		t.Errorf("dataset: %+v", ds)
	}
}

// BenchmarkParseBook measures sheet parsing alone (no zip/XML), the part
// of Load that scales with units × years.
func BenchmarkParseBook(b *testing.B) {
	env := fuzzEnv(b)
	var sheets []xlsx.Sheet
	for _, name := range []string{"Sở Nội vụ", "Sở Tư pháp", "Sở Khoa học và Công nghệ", "BQL KCN"} {
		ws := stdSheet(name, "")
		sh := xlsx.Sheet{Name: name}
		for _, c := range ws.Cells {
			for len(sh.Rows) < c.Row {
				sh.Rows = append(sh.Rows, nil)
			}
			row := sh.Rows[c.Row-1]
			for len(row) < c.Col {
				row = append(row, "")
			}
			row[c.Col-1] = c.Text
			if c.Num != nil {
				row[c.Col-1] = strconv.FormatFloat(*c.Num, 'f', -1, 64)
			}
			sh.Rows[c.Row-1] = row
		}
		sheets = append(sheets, sh)
	}
	book := &xlsx.Book{Sheets: sheets}
	tx := newTexts()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out fileOut
		env.parseBook(book, workbook{path: "b.xlsx", year: 2023}, &out, tx)
		if len(out.sheets) != 4 {
			b.Fatal(out.d.String())
		}
	}
}

// BenchmarkLoad measures Load end to end on 20 one-sheet workbooks.
func BenchmarkLoad(b *testing.B) {
	fsys := baseFS()
	data := book(b, stdSheet("Sheet1", "Đơn vị: Sở Tư pháp"))
	for i := 0; i < 20; i++ {
		fsys["data/scores/"+strconv.Itoa(2023)+"/"+strconv.Itoa(i)+".xlsx"] = &fstest.MapFile{Data: data}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Load(fsys, Options{})
	}
}
