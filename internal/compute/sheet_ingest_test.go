package compute_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"parindex/internal/compute"
	"parindex/internal/ingest"
	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// The project and workbook below are built in code: a one-unit registry, a
// small framework, and one detail sheet laid out as a Sở Nội vụ sheet is.

const siteYAML = `title: Chỉ số cải cách hành chính tỉnh Hòa Lâm
province: Hòa Lâm
publisher: Sở Nội vụ tỉnh Hòa Lâm
`

const unitsYAML = `groups:
  - id: so
    name: Sở, ban, ngành
units:
  - id: so-noi-vu
    group: so
    name: Sở Nội vụ
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

// detailSheet is a detail scoring sheet with three problems in it, each
// seen only in its cells: appraised 1.5 for criterion 1.1 (maximum 1, F10,
// with its subtotals F9 and F8 adding up), a bonus of 2.5 (maximum 2, F18),
// and a printed total of 12 (F20) where the rows add up to
// 7.5 + 2.5 − 0.5 = 9.5.
func detailSheet() xlsx.WSheet {
	rows := [][]any{
		{"UBND TỈNH HÒA LÂM", nil, nil, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"SỞ NỘI VỤ", nil, nil, "Độc lập - Tự do - Hạnh phúc"},
		{},
		{"PHIẾU CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"},
		{"Đơn vị: Sở Nội vụ"},
		{},
		{"STT", "Nội dung", "Điểm tối đa", "Tự chấm", "Tài liệu kiểm chứng/Giải trình", "Điểm chấm thực tế", "Ý kiến"},
		{"I", "Công tác chỉ đạo, điều hành", 4, 3.5, nil, 3.5},
		{"1", "Kế hoạch cải cách hành chính", 3, 2.5, nil, 2.5},
		{"1.1", "Ban hành kế hoạch", 1, 1, nil, 1.5},
		{"1.2", "Mức độ hoàn thành kế hoạch", 2, 1.5, nil, 1},
		{"2", "Báo cáo cải cách hành chính", 1, 1, nil, 1},
		{"II", "Cải cách thủ tục hành chính", 5, 4, nil, 4},
		{"1", "Công khai thủ tục hành chính", 2, 2, nil, 2},
		{"a", "Cập nhật thủ tục", 1, 1, nil, 1},
		{"b", "Niêm yết thủ tục", 1, 1, nil, 1},
		{"2", "Giải quyết thủ tục hành chính", 3, 2, nil, 2},
		{nil, "Điểm thưởng", 2, 1, nil, 2.5},
		{nil, "Điểm trừ", 3, 0, nil, 0.5},
		{nil, "Tổng điểm", 9, 8.5, nil, 12},
		{},
		{nil, "NGƯỜI LẬP BIỂU", nil, nil, "THỦ TRƯỞNG ĐƠN VỊ"},
	}
	s := xlsx.WSheet{Name: "Sở Nội vụ", Merges: []string{"A1:C1", "D1:G1", "A2:C2", "D2:G2", "A4:G4", "A5:G5"}}
	for r, row := range rows {
		for c, v := range row {
			cell := xlsx.WCell{Row: r + 1, Col: c + 1}
			switch v := v.(type) {
			case nil:
				continue
			case string:
				cell.Text = v
			case int:
				cell.Num = xlsx.Float(float64(v))
			case float64:
				cell.Num = xlsx.Float(v)
			}
			s.Cells = append(s.Cells, cell)
		}
	}
	return s
}

// Ingest owns a detail sheet's internal checks (it has the exact cells);
// compute only keeps such problems from skewing the sums. Across
// ingest.Load and compute.Run, each problem of a sheet is therefore
// reported exactly once, by ingest, and the result is still computed: the
// leaf over its maximum counts as printed, the bonus at its maximum, and
// the total is the computed one, not the printed 12.
func TestSheetProblemsReportedOnce(t *testing.T) {
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, xlsx.WBook{Sheets: []xlsx.WSheet{detailSheet()}}); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"data/site.yaml":               {Data: []byte(siteYAML)},
		"data/units.yaml":              {Data: []byte(unitsYAML)},
		"data/frameworks/so-2023.yaml": {Data: []byte(frameworkYAML)},
		"data/scores/2023/so.xlsx":     {Data: buf.Bytes()},
	}
	ds, dl := ingest.Load(fsys, ingest.Options{Workers: 1})
	res, cdl := compute.Run(ds)
	if res == nil || cdl == nil {
		t.Fatal("compute.Run returned nil")
	}
	if cdl.Len() != 0 {
		t.Errorf("compute reported sheet problems ingest already reports:\n%s", cdl)
	}
	dl.Merge(cdl)

	const f = "data/scores/2023/so.xlsx: Sở Nội vụ"
	want := []string{
		f + "!F10: error: appraised 1.5 exceeds the maximum 1 of 1.1",
		f + "!F18: error: bonus 2.5 exceeds the maximum 2",
		f + "!F20: error: total 12 differs from the sum of the rows 9.5 (criteria 7.5 + bonus 2.5 − penalty 0.5)",
	}
	var got []string
	for _, d := range dl.Sorted() {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	// Exactly once each, whatever the wording: one diagnostic per cell.
	for _, cell := range []string{"!F10:", "!F18:", "!F20:"} {
		if n := strings.Count(strings.Join(got, "\n"), cell); n != 1 {
			t.Errorf("%s reported %d times, want once", cell, n)
		}
	}

	var r *par.Result
	for _, x := range res.ByUnit["so-noi-vu"] {
		if x.Year == 2023 {
			r = x
		}
	}
	if r == nil || !r.Scored {
		t.Fatalf("so-noi-vu 2023 not scored: %+v", r)
	}
	if r.Total.Value != par.MustPoints("9") || r.Bonus.Value != par.MustPoints("2") || r.Penalty.Value != par.MustPoints("0.5") {
		t.Errorf("total %s bonus %s penalty %s, want 9 = 7.5 + 2 (bonus at its maximum) − 0.5",
			r.Total.Text(), r.Bonus.Text(), r.Penalty.Text())
	}
	if leaf := r.Tree[0].Children[0].Children[0]; leaf.Node.Key != "I/1/1.1" || leaf.Appraised.Value != par.MustPoints("1.5") {
		t.Errorf("leaf %s appraised %s, want I/1/1.1 1.5 (counted as printed)", leaf.Node.Key, leaf.Appraised.Text())
	}
}
