package ingest

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// Fixtures are built in code: YAML as text, workbooks through xlsx.Write.

const siteYAML = `title: Chỉ số cải cách hành chính tỉnh Hòa Lâm
title_en: PAR Index of Hòa Lâm Province
province: Hòa Lâm
publisher: Sở Nội vụ tỉnh Hòa Lâm
sample: true
`

const unitsYAML = `groups:
  - id: so
    name: Sở, ban, ngành
    name_en: Provincial departments
  - id: huyen
    name: UBND cấp huyện
  - id: xa
    name: UBND cấp xã
    parent_group: huyen
units:
  - id: so-noi-vu
    group: so
    name: Sở Nội vụ
    name_en: Department of Home Affairs
    aliases: [SỞ NỘI VỤ TỈNH HÒA LÂM]
  - id: so-tu-phap
    group: so
    name: Sở Tư pháp
  - id: so-kh-cn
    group: so
    names:
      - {name: Sở Khoa học và Công nghệ}
      - {name: "Sở Khoa học, Công nghệ và Đổi mới sáng tạo", from: 2024-01-15}
  - id: ban-qlkcn
    group: so
    name: Ban Quản lý các khu công nghiệp Đắk Lắk
    aliases: [BQL KCN]
  - id: huyen-an-lam
    group: huyen
    name: UBND huyện An Lâm
  - id: xa-tan-an
    group: xa
    parent: huyen-an-lam
    name: Xã Tân An
`

const frameworkYAML = `id: so-2023
title: Bộ Chỉ số CCHC các sở, ban, ngành
groups: [so]
from: 2023
bands:
  - {id: tot, name: Tốt, min: 80}
  - {id: kha, name: Khá, min: 50}
  - {id: tb, name: Trung bình, min: 0}
areas:
  - code: I
    title: Công tác chỉ đạo, điều hành
    items:
      - code: "1"
        title: Kế hoạch cải cách hành chính
        items:
          - {code: "1.1", title: Ban hành kế hoạch, max: 1}
          - {code: "1.2", title: Mức độ hoàn thành kế hoạch, max: 2}
      - {code: "2", title: Báo cáo cải cách hành chính, max: 1}
  - code: II
    title: Cải cách thủ tục hành chính
    items:
      - code: "1"
        title: Công khai thủ tục hành chính
        items:
          - {code: a, title: Cập nhật thủ tục, max: 1}
          - {code: b, title: Niêm yết thủ tục, max: 1}
      - {code: "2", title: Giải quyết thủ tục hành chính, max: 3, method: survey}
bonus:
  - {code: T1, title: Sáng kiến trong cải cách hành chính, max: 2}
penalty:
  - {code: P1, title: Vi phạm kỷ luật hành chính, max: 3}
`

// baseFS is a small valid project without workbooks or documents.
func baseFS() fstest.MapFS {
	return fstest.MapFS{
		"data/site.yaml":               {Data: []byte(siteYAML)},
		"data/units.yaml":              {Data: []byte(unitsYAML)},
		"data/frameworks/so-2023.yaml": {Data: []byte(frameworkYAML)},
	}
}

// fm is a formula cell with its cached value.
type fm struct {
	f string
	v float64
}

// sheet builds a WSheet from rows of values: string → text, float64 or int
// → number, fm → formula with cached value, nil → empty.
func sheet(name string, merges []string, rows ...[]any) xlsx.WSheet {
	s := xlsx.WSheet{Name: name, Merges: merges}
	for r, row := range rows {
		for c, v := range row {
			cell := xlsx.WCell{Row: r + 1, Col: c + 1}
			switch v := v.(type) {
			case nil:
				continue
			case string:
				if v == "" {
					continue
				}
				cell.Text = v
			case float64:
				cell.Num = xlsx.Float(v)
			case int:
				cell.Num = xlsx.Float(float64(v))
			case fm:
				cell.Formula, cell.Num = v.f, xlsx.Float(v.v)
			default:
				panic("unknown cell type")
			}
			s.Cells = append(s.Cells, cell)
		}
	}
	return s
}

func book(t testing.TB, sheets ...xlsx.WSheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, xlsx.WBook{Sheets: sheets}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// titleBlock is a typical title block: issuer, motto, title, unit line,
// then an empty row. It takes 6 rows.
func titleBlock(unitLine string) [][]any {
	return [][]any{
		{"UBND TỈNH HÒA LÂM", nil, nil, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"SỞ NỘI VỤ", nil, nil, "Độc lập - Tự do - Hạnh phúc"},
		{},
		{"PHIẾU CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"},
		{unitLine},
		{},
	}
}

var titleMerges = []string{"A1:C1", "D1:G1", "A2:C2", "D2:G2", "A4:G4", "A5:G5"}

var stdHeader = []any{"STT", "Nội dung", "Điểm tối đa", "Tự chấm", "Tài liệu kiểm chứng/Giải trình", "Điểm chấm thực tế", "Ý kiến"}

// stdBody is a complete, consistent set of rows for framework so-2023:
// self 8.5, appraised 7.5 (criteria 7 + bonus 1 − penalty 0.5).
func stdBody() [][]any {
	return [][]any{
		{"I", "Công tác chỉ đạo, điều hành", 4, 3.5, nil, 3},
		{"1", "Kế hoạch cải cách hành chính", 3, 2.5, nil, 2},
		{"1.1", "Ban hành kế hoạch", 1, 1, "QĐ số 12/QĐ-SNV", 1},
		{"1.2", "Mức độ hoàn thành kế hoạch", 2, 1.5, nil, 1, "Chưa hoàn thành\nmục tiêu 3"},
		{"2", "Báo cáo cải cách hành chính", 1, 1, nil, 1},
		{"II", "Cải cách thủ tục hành chính", 5, 4, nil, 4},
		{"1", "Công khai thủ tục hành chính", 2, 2, nil, 2},
		{"a", "Cập nhật thủ tục", 1, 1, nil, 1},
		{"b", "Niêm yết thủ tục", 1, 1, nil, 1},
		{"2", "Giải quyết thủ tục hành chính", 3, 2, nil, 2},
		{nil, "Điểm thưởng", 2, 1, nil, 1},
		{nil, "Điểm trừ", 3, 0, nil, 0.5},
		{nil, "Tổng điểm", 9, 8.5, nil, 7.5},
		{},
		{nil, "NGƯỜI LẬP BIỂU", nil, nil, "THỦ TRƯỞNG ĐƠN VỊ"},
	}
}

// stdSheet is a whole detail sheet for the unit named in the title block.
func stdSheet(name, unitLine string) xlsx.WSheet {
	rows := append(titleBlock(unitLine), stdHeader)
	rows = append(rows, stdBody()...)
	return sheet(name, titleMerges, rows...)
}

// load runs Load and returns the dataset and the diagnostics as text.
func load(t testing.TB, fsys fstest.MapFS) (*par.Dataset, []string) {
	t.Helper()
	ds, d := Load(fsys, Options{Workers: 2})
	var out []string
	for _, x := range d.Sorted() {
		out = append(out, x.String())
	}
	return ds, out
}

// withBook adds a workbook to a copy of the base project.
func withBook(t testing.TB, path string, sheets ...xlsx.WSheet) fstest.MapFS {
	fsys := baseFS()
	fsys[path] = &fstest.MapFile{Data: book(t, sheets...)}
	return fsys
}

func wantDiags(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func rowsByKey(s *par.Sheet) map[string]*par.Row {
	m := map[string]*par.Row{}
	for _, r := range s.Rows {
		m[r.Key] = r
	}
	return m
}

func pts(s string) par.Points { return par.MustPoints(s) }
