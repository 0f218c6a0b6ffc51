package ingest

import (
	"testing"

	"parindex/internal/par"
)

// Rule: a detail scoring sheet with a title block, a header row and the
// criteria tree gives one par.Sheet for the unit named in the title block.
func TestDetailStandard(t *testing.T) {
	fsys := withBook(t, "data/scores/2023/so.xlsx", stdSheet("Sheet1", "Đơn vị: Sở Tư pháp"))
	ds, diags := load(t, fsys)
	wantDiags(t, diags)
	if len(ds.Sheets) != 1 {
		t.Fatalf("sheets: %d", len(ds.Sheets))
	}
	s := ds.Sheets[0]
	if s.Unit != "so-tu-phap" || s.Year != 2023 || s.Group != "so" || s.Framework != "so-2023" || s.Name != "Sở Tư pháp" {
		t.Errorf("sheet: %+v", s)
	}
	if len(s.Rows) != 10 {
		t.Errorf("rows: %d", len(s.Rows))
	}
	rows := rowsByKey(s)
	r := rows["I/1/1.2"]
	if r == nil || r.Appraised.Value != pts("1") || r.Self.Value != pts("1.5") || r.Max.Value != pts("2") || r.Remark != "Chưa hoàn thành\nmục tiêu 3" {
		t.Errorf("1.2: %+v", r)
	}
	if r.Src.String() != "data/scores/2023/so.xlsx: Sheet1!B11" || r.Appraised.Src.Cell != "F11" {
		t.Errorf("src: %v %v", r.Src, r.Appraised.Src)
	}
	if rows["II/1/b"] == nil || rows["I/1/1.1"].Evidence != "QĐ số 12/QĐ-SNV" {
		t.Errorf("rows: %v", rows)
	}
	if s.Total.Value != pts("7.5") || s.SelfTotal.Value != pts("8.5") || s.Bonus.Value != pts("1") || s.Penalty.Value != pts("0.5") {
		t.Errorf("totals: %+v %+v %+v %+v", s.Total, s.SelfTotal, s.Bonus, s.Penalty)
	}
	if s.Total.Origin != par.Published || s.Total.Src.Cell != "F20" {
		t.Errorf("total src: %+v", s.Total)
	}
}

// checkStd asserts the figures of stdBody were read into s.
func checkStd(t *testing.T, s *par.Sheet) {
	t.Helper()
	rows := rowsByKey(s)
	for key, want := range map[string]string{"I/1/1.1": "1", "I/1/1.2": "1", "I/2": "1", "II/1/a": "1", "II/1/b": "1", "II/2": "2", "I": "3", "II/1": "2"} {
		r := rows[key]
		if r == nil || !r.Appraised.Known() || r.Appraised.Value != pts(want) {
			t.Errorf("%s: %+v, want appraised %s", key, r, want)
		}
	}
	if s.Total.Value != pts("7.5") {
		t.Errorf("total %v", s.Total)
	}
}

func oneSheet(t *testing.T, ds *par.Dataset) *par.Sheet {
	t.Helper()
	if len(ds.Sheets) != 1 {
		t.Fatalf("want 1 sheet, got %d", len(ds.Sheets))
	}
	return ds.Sheets[0]
}

// Rule: the title block may be long, merged, and name the issuing body
// before the unit; the unit line ("… CỦA SỞ NỘI VỤ") wins.
func TestDetailLongMergedTitleBlock(t *testing.T) {
	rows := [][]any{
		{"ỦY BAN NHÂN DÂN TỈNH HÒA LÂM"},
		{"HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC"},
		{"Số: 12/BC-HĐTĐ"},
		{},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"Độc lập - Tự do - Hạnh phúc"},
		{"Hòa Lâm, ngày 15 tháng 01 năm 2024"},
		{},
		{"PHIẾU CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA SỞ NỘI VỤ TỈNH HÒA LÂM"},
		{"(Kèm theo Báo cáo số 12/BC-HĐTĐ)"},
		{},
		stdHeader,
	}
	rows = append(rows, stdBody()...)
	merges := []string{"A1:G1", "A2:G2", "A5:G5", "A6:G6", "A7:G7", "A9:G9", "A10:G10"}
	ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("Trang 1", merges, rows...)))
	wantDiags(t, diags)
	s := oneSheet(t, ds)
	if s.Unit != "so-noi-vu" || s.Name != "SỞ NỘI VỤ TỈNH HÒA LÂM" {
		t.Errorf("unit %q name %q", s.Unit, s.Name)
	}
	checkStd(t, s)
}

// Rule: header labels are matched without case or diacritics, and label
// variants are recognised.
func TestDetailHeaderVariants(t *testing.T) {
	for _, hdr := range [][]any{
		{"TT", "NỘI DUNG TIÊU CHÍ", "ĐIỂM CHUẨN", "ĐIỂM TỰ ĐÁNH GIÁ", "GIẢI TRÌNH", "KẾT QUẢ THẨM ĐỊNH", "GHI CHÚ"},
		{"Ma", "Noi dung", "Diem toi da", "Tu cham", "Tai lieu kiem chung", "Diem tham dinh", "Y kien"},
		{"Mã", "Lĩnh vực/tiêu chí", "Thang điểm", "Điểm tự chấm", "Minh chứng", "Điểm chấm thực tế", "Ý kiến của Hội đồng thẩm định"},
	} {
		rows := append(titleBlock("Đơn vị: Sở Nội vụ"), hdr)
		rows = append(rows, stdBody()...)
		ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", titleMerges, rows...)))
		wantDiags(t, diags)
		s := oneSheet(t, ds)
		checkStd(t, s)
		if r := rowsByKey(s)["I/1/1.2"]; r.Remark != "Chưa hoàn thành\nmục tiêu 3" || r.Self.Value != pts("1.5") {
			t.Errorf("%v: remark %q self %v", hdr[1], r.Remark, r.Self)
		}
	}
}

// twoRowHeader puts "Điểm thẩm định" over "Lần 1 | Lần 2"; round 2
// counts. Round 1 holds different numbers, which must be ignored.
func twoRowHeader(merged bool) ([][]any, []string) {
	rows := titleBlock("Đơn vị: Sở Nội vụ")
	rows = append(rows,
		[]any{"STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Giải trình", "Điểm thẩm định", nil, "Ý kiến"},
		[]any{nil, nil, nil, nil, nil, "Lần 1", "Lần 2"},
		[]any{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"},
	)
	for _, b := range stdBody() {
		// insert round 1 (always 0) before the appraised column
		if len(b) >= 6 {
			nb := append([]any{}, b[:5]...)
			nb = append(nb, 0, b[5])
			nb = append(nb, b[6:]...)
			b = nb
		}
		rows = append(rows, b)
	}
	var merges []string
	if merged {
		merges = append(titleMerges, "A7:A8", "B7:B8", "C7:C8", "D7:D8", "E7:E8", "F7:G7", "H7:H8")
	}
	return rows, merges
}

// Rule: two-row headers, merged or not, and a row of column numbers under
// them; the last appraisal round counts.
func TestDetailTwoRowHeaderRounds(t *testing.T) {
	for _, merged := range []bool{true, false} {
		rows, merges := twoRowHeader(merged)
		ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", merges, rows...)))
		wantDiags(t, diags)
		s := oneSheet(t, ds)
		checkStd(t, s)
		r := rowsByKey(s)["I/1/1.2"]
		if r.Appraised.Src.Cell != "G13" || r.Remark != "Chưa hoàn thành\nmục tiêu 3" {
			t.Errorf("merged=%v: appraised at %s, remark %q", merged, r.Appraised.Src.Cell, r.Remark)
		}
	}
}

// Rule: codes may sit inside the content cell ("I.", "1.1.", "a)").
func TestDetailCodesInContent(t *testing.T) {
	rows := append(titleBlock("Đơn vị: Sở Nội vụ"), []any{"Nội dung", "Điểm tối đa", "Tự chấm", "Điểm thẩm định"})
	for _, b := range stdBody() {
		if len(b) < 6 {
			rows = append(rows, b)
			continue
		}
		label, _ := b[1].(string)
		if code, _ := b[0].(string); code != "" {
			sep := map[string]string{"I": ". ", "II": " - ", "1": ". ", "2": ". ", "1.1": ". ", "1.2": " ", "a": ") ", "b": ". "}[code]
			label = code + sep + label
		}
		rows = append(rows, []any{label, b[2], b[3], b[5]})
	}
	ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", titleMerges, rows...)))
	wantDiags(t, diags)
	checkStd(t, oneSheet(t, ds))
}

// Rule: without codes, rows are matched by title (any case, with or
// without diacritics, bullets dropped), else by document order when the
// printed maximum agrees.
func TestDetailNoCodes(t *testing.T) {
	rows := append(titleBlock("Đơn vị: Sở Nội vụ"), []any{"Nội dung", "Điểm tối đa", "Tự chấm", "Điểm thẩm định"})
	titles := map[string]string{
		"Ban hành kế hoạch":            "- ban hanh ke hoach",
		"Kế hoạch cải cách hành chính": "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH",
		"Niêm yết thủ tục":             "+ Niêm yết công khai thủ tục", // differs: matched by order
	}
	for _, b := range stdBody() {
		if len(b) < 6 {
			rows = append(rows, b)
			continue
		}
		label := b[1].(string)
		if t, ok := titles[label]; ok {
			label = t
		}
		rows = append(rows, []any{"    " + label, b[2], b[3], b[5]})
	}
	ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", titleMerges, rows...)))
	wantDiags(t, diags)
	checkStd(t, oneSheet(t, ds))
}

// Rule: criteria numbering may continue across areas on the sheet while
// the framework restarts it in each area.
func TestDetailContinuedNumbering(t *testing.T) {
	rows := append(titleBlock("Đơn vị: Sở Nội vụ"), stdHeader)
	for _, b := range stdBody() {
		if len(b) >= 6 && b[1] == "Công khai thủ tục hành chính" {
			b[0] = "3"
		}
		if len(b) >= 6 && b[1] == "Giải quyết thủ tục hành chính" {
			b[0] = "4"
		}
		rows = append(rows, b)
	}
	ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", titleMerges, rows...)))
	wantDiags(t, diags)
	checkStd(t, oneSheet(t, ds))
}

// Rule: numbers may be text with a decimal comma; formula cells are read
// by their cached values.
func TestDetailTextNumbersAndFormulas(t *testing.T) {
	rows := append(titleBlock("Đơn vị: Sở Nội vụ"), stdHeader)
	for _, b := range stdBody() {
		switch {
		case len(b) < 6:
		case b[1] == "Mức độ hoàn thành kế hoạch":
			b[3], b[5] = "1,5", " 1,0 "
		case b[1] == "Kế hoạch cải cách hành chính":
			b[3], b[5] = fm{"SUM(D10:D11)", 2.5}, fm{"SUM(F10:F11)", 2}
		case b[1] == "Tổng điểm":
			b[5] = fm{"F8+F13+F18-F19", 7.5}
		}
		rows = append(rows, b)
	}
	ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", titleMerges, rows...)))
	wantDiags(t, diags)
	s := oneSheet(t, ds)
	checkStd(t, s)
	// Typed with one decimal, shown at the framework's two (floorPrecision).
	if r := rowsByKey(s)["I/1/1.2"]; r.Self.Value != pts("1.5") || r.Self.Decimals != 2 {
		t.Errorf("1,5: %+v", r.Self)
	}
}

// Rule: "Không áp dụng", "KAD", "N/A" mark a leaf not applicable; a blank
// appraised cell is missing, not zero: the sheet is incomplete, an error.
func TestDetailNAAndBlank(t *testing.T) {
	rows := append(titleBlock("Đơn vị: Sở Nội vụ"), stdHeader)
	for _, b := range stdBody() {
		switch {
		case len(b) < 6:
		case b[1] == "Cập nhật thủ tục":
			b[3], b[5] = "KAD", "Không áp dụng"
		case b[1] == "Niêm yết thủ tục":
			b[3], b[5] = "N/A", "N/A"
		case b[1] == "Công khai thủ tục hành chính":
			b[3], b[5] = nil, nil
		case b[1] == "Cải cách thủ tục hành chính":
			b[3], b[5] = 2, 2
		case b[1] == "Giải quyết thủ tục hành chính":
			b[5] = nil // not appraised yet
		case b[1] == "Tổng điểm":
			b[3], b[5] = 6.5, 3.5
		}
		rows = append(rows, b)
	}
	ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", titleMerges, rows...)))
	wantDiags(t, diags,
		`data/scores/2023/a.xlsx: S!F17: error: appraised score missing for 1 applicable criterion: F17 (II/2); the result is incomplete, so it is not totalled, ranked or classified: enter 0 where no points were earned, or "Không áp dụng" where the criterion does not apply`)
	s := oneSheet(t, ds)
	if !s.Incomplete || len(s.Missing) != 1 || s.Missing[0] != "II/2" {
		t.Errorf("incomplete %v missing %v", s.Incomplete, s.Missing)
	}
	rows2 := rowsByKey(s)
	if a, b := rows2["II/1/a"], rows2["II/1/b"]; !a.NA || !b.NA || a.Appraised.Known() || a.Self.Known() {
		t.Errorf("NA rows: %+v %+v", a, b)
	}
	if r := rows2["II/2"]; r.Appraised.Known() || r.NA || r.Self.Value != pts("2") {
		t.Errorf("blank: %+v", r)
	}
	if r := rows2["II/1"]; r.Appraised.Known() || r.Self.Known() {
		t.Errorf("blank inner: %+v", r)
	}
}

// Rule: an inner row marked not applicable makes its leaves not applicable.
func TestDetailNAInnerRow(t *testing.T) {
	rows := append(titleBlock("Đơn vị: Sở Nội vụ"), stdHeader)
	for _, b := range stdBody() {
		switch {
		case len(b) < 6:
		case b[1] == "Cập nhật thủ tục" || b[1] == "Niêm yết thủ tục":
			continue
		case b[1] == "Công khai thủ tục hành chính":
			b[3], b[5] = "Không áp dụng", "Không áp dụng"
		case b[1] == "Cải cách thủ tục hành chính":
			b[3], b[5] = 2, 2
		case b[1] == "Tổng điểm":
			b[3], b[5] = 6.5, 5.5
		}
		rows = append(rows, b)
	}
	ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", titleMerges, rows...)))
	wantDiags(t, diags)
	rows2 := rowsByKey(oneSheet(t, ds))
	if a := rows2["II/1/a"]; a == nil || !a.NA || a.Src.Cell != "B14" {
		t.Errorf("NA leaf: %+v", a)
	}
}

// Rule: an STT column that only counts rows (1, 2, 3, …) is not a code
// column; a total printed above the criteria is still the total.
func TestDetailRunningNumbersAndTotalFirst(t *testing.T) {
	rows := append(titleBlock("Đơn vị: Sở Nội vụ"), stdHeader)
	body := stdBody()
	total := body[12]
	rows = append(rows, total)
	n := 0
	for _, b := range body[:12] {
		if len(b) >= 6 && b[0] != nil {
			n++
			b[0] = n
		}
		rows = append(rows, b)
	}
	ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", titleMerges, rows...)))
	wantDiags(t, diags)
	s := oneSheet(t, ds)
	checkStd(t, s)
	if s.Total.Src.Cell != "F8" {
		t.Errorf("total at %s", s.Total.Src.Cell)
	}
}

// Rule: bonus and penalty rows may list their items (by code or title)
// under a section row; penalties may be printed negative; each item stays
// within its maximum.
func TestDetailBonusItems(t *testing.T) {
	rows := append(titleBlock("Đơn vị: Sở Nội vụ"), stdHeader)
	for _, b := range stdBody() {
		switch {
		case len(b) < 6:
		case b[1] == "Điểm thưởng":
			rows = append(rows, []any{"III", "ĐIỂM THƯỞNG"}, []any{"T1", "Sáng kiến mới", 2, 1, nil, 1})
			continue
		case b[1] == "Điểm trừ":
			rows = append(rows, []any{nil, "Điểm trừ", 3, "0", nil, "-0,5"})
			continue
		}
		rows = append(rows, b)
	}
	ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", titleMerges, rows...)))
	wantDiags(t, diags)
	s := oneSheet(t, ds)
	if s.Bonus.Value != pts("1") || s.Bonus.Src.Cell != "F19" || s.Penalty.Value != pts("0.5") {
		t.Errorf("bonus %+v penalty %+v", s.Bonus, s.Penalty)
	}
	checkStd(t, s)

	rows[18] = []any{nil, "Sáng kiến trong cải cách hành chính", 2, 1, nil, 2.5}
	rows[19] = []any{nil, "Điểm trừ", 3, "0", nil, "-0,5"}
	rows[20] = []any{nil, "Tổng điểm", 9, 8.5, nil, 9}
	_, diags = load(t, withBook(t, "data/scores/2023/a.xlsx", sheet("S", titleMerges, rows[:21]...)))
	wantDiags(t, diags,
		"data/scores/2023/a.xlsx: S!F19: error: bonus 2.5 exceeds the maximum 2 of T1",
	)
}
