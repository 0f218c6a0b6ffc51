package workbook

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// testFramework is a small framework with every shape a scoring sheet
// prints: an area with a criterion and its sub-criteria, a criterion scored
// directly, a survey leaf, bonus and penalty.
func testFramework() *par.Framework {
	p := par.MustPoints
	fw := &par.Framework{
		ID: "t", Groups: []string{"so"}, From: 2023, Decimals: 2,
		Areas: []*par.Node{
			{Code: "I", Title: "Công tác chỉ đạo, điều hành", Max: p("4"), Children: []*par.Node{
				{Code: "1", Title: "Kế hoạch năm", Max: p("3"), Children: []*par.Node{
					{Code: "1.1", Title: "Ban hành đúng hạn", Max: p("1")},
					{Code: "1.2", Title: "Mức độ hoàn thành", Max: p("2")},
				}},
				{Code: "2", Title: "Đánh giá của người dân", Max: p("1"), Method: par.MethodSurvey},
			}},
			{Code: "II", Title: "Cải cách thủ tục hành chính", Max: p("6"), Children: []*par.Node{
				{Code: "3", Title: "Hồ sơ đúng hạn", Max: p("4")},
				{Code: "4", Title: "Thanh toán trực tuyến", Max: p("2")},
			}},
		},
		Bonus:   []par.Extra{{Code: "T1", Title: "Sáng kiến", Max: p("1")}},
		Penalty: []par.Extra{{Code: "P1", Title: "Vi phạm", Max: p("1")}},
	}
	fw.Index()
	return fw
}

func testSheet() *par.Sheet {
	p := par.MustPoints
	fig := func(s string) par.Figure { return par.Pub(p(s), 2, par.Source{}) }
	return &par.Sheet{
		Rows: []*par.Row{
			{Key: "I/1/1.1", Self: fig("1"), Appraised: fig("0.5"), Evidence: "Kế hoạch số 5/KH", Remark: "Ban hành kế hoạch chậm"},
			{Key: "I/1/1.2", Self: fig("2"), Appraised: fig("1.75")},
			{Key: "I/2", Appraised: fig("0.83")},
			{Key: "II/3", Self: fig("4"), Appraised: fig("3.5")},
			{Key: "II/4", NA: true},
		},
		Bonus:   fig("0.5"),
		Penalty: fig("0.25"),
	}
}

// roundTrip writes sheets with xlsx.Write and reads them back.
func roundTrip(t *testing.T, sheets ...xlsx.WSheet) *xlsx.Book {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, xlsx.WBook{Sheets: sheets}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	book, err := xlsx.Read(bytes.NewReader(buf.Bytes()), xlsx.Limits{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return book
}

// findRow returns the 1-based row whose cells include text in column c.
func findRow(s *xlsx.Sheet, c int, text string) int {
	for r := 1; r <= len(s.Rows); r++ {
		if s.Cell(r, c) == text {
			return r
		}
	}
	return 0
}

func TestDetailSheetFilledRoundTrip(t *testing.T) {
	fw := testFramework()
	for _, formulas := range []bool{false, true} {
		ws := DetailSheet(fw, "Sở Nội vụ", 2023, testSheet(), DetailOptions{Formulas: formulas})
		book := roundTrip(t, ws)
		s := &book.Sheets[0]
		if s.Name != "Sở Nội vụ" {
			t.Errorf("sheet name %q", s.Name)
		}
		if s.Cell(1, 1) != "SỞ NỘI VỤ" {
			t.Errorf("title block name %q, want the name in capitals", s.Cell(1, 1))
		}
		h := findRow(s, 2, "Nội dung")
		if h == 0 {
			t.Fatal("no header row")
		}
		want := []string{"STT", "Nội dung", "Điểm chuẩn", "Tự chấm", "Tài liệu kiểm chứng/Giải trình", "Điểm chấm thực tế", "Ý kiến"}
		if got := s.Rows[h-1]; !slices.Equal(got, want) {
			t.Errorf("header %q, want %q", got, want)
		}
		// Rule: subtotal = sum of its items; NA leaves count nothing;
		// total = areas + bonus − penalty.
		cases := []struct {
			code, max, self, appr string
		}{
			{"I", "4", "3", "3.08"},
			{"1", "3", "3", "2.25"},
			{"1.1", "1", "1", "0.5"},
			{"2", "1", "", "0.83"},
			{"II", "6", "4", "3.5"},
			{"4", "2", "Không áp dụng", "Không áp dụng"},
		}
		for _, c := range cases {
			r := findRow(s, 1, c.code)
			if r == 0 {
				t.Fatalf("formulas=%v: no row %s", formulas, c.code)
			}
			got := [3]string{s.Cell(r, 3), s.Cell(r, 4), s.Cell(r, 6)}
			if got != [3]string{c.max, c.self, c.appr} {
				t.Errorf("formulas=%v: row %s = %q, want %q", formulas, c.code, got, [3]string{c.max, c.self, c.appr})
			}
			if formulas && (c.code == "I" || c.code == "1") && !s.Formula[[2]int{r, 6}] {
				t.Errorf("row %s: appraised subtotal is not a formula", c.code)
			}
		}
		tr := findRow(s, 2, "Tổng điểm")
		if got := [3]string{s.Cell(tr, 3), s.Cell(tr, 4), s.Cell(tr, 6)}; got != [3]string{"10", "7.25", "6.83"} {
			t.Errorf("formulas=%v: total row %q", formulas, got)
		}
		if br := findRow(s, 2, "Điểm thưởng"); br == 0 || s.Cell(br, 6) != "0.5" {
			t.Errorf("bonus row missing or wrong")
		}
		if pr := findRow(s, 2, "Điểm trừ"); pr == 0 || s.Cell(pr, 6) != "0.25" {
			t.Errorf("penalty row missing or wrong")
		}
		if r := findRow(s, 1, "1.1"); s.Cell(r, 7) != "Ban hành kế hoạch chậm" || s.Cell(r, 5) != "Kế hoạch số 5/KH" {
			t.Errorf("remark/evidence lost: %q", s.Rows[r-1])
		}
		if len(s.Merges) < 4 {
			t.Errorf("title block merges: %v", s.Merges)
		}
	}
}

func TestDetailSheetVariants(t *testing.T) {
	fw := testFramework()
	ws := DetailSheet(fw, "Sở Tư pháp", 2022, testSheet(), DetailOptions{
		Labels:        DetailLabels{Max: "Điểm tối đa", Self: "Điểm tự đánh giá", Appraised: "Điểm thẩm định", Remark: "Ghi chú"},
		CodeInContent: true,
		CodeDots:      true,
		TwoRounds:     true,
		Round1:        map[string]par.Points{"I/1/1.2": par.MustPoints("1.5")},
		TextNumbers:   map[string]bool{"I/1/1.2": true},
		ExtraTitle:    []string{"(Kèm theo Kế hoạch số 10/KH-UBND)"},
		Parent:        "UBND TỈNH HÒA LÂM",
		TitleName:     "SỞ TƯ PHÁP TỈNH HÒA LÂM",
	})
	s := &roundTrip(t, ws).Sheets[0]
	if s.Cell(1, 1) != "UBND TỈNH HÒA LÂM" || s.Cell(2, 1) != "SỞ TƯ PHÁP TỈNH HÒA LÂM" {
		t.Errorf("title block %q %q", s.Cell(1, 1), s.Cell(2, 1))
	}
	h := findRow(s, 1, "Nội dung")
	if want := []string{"Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng/Giải trình", "Điểm thẩm định", "", "Ghi chú"}; !slices.Equal(s.Rows[h-1], want) {
		t.Errorf("header row 1 %q, want %q", s.Rows[h-1], want)
	}
	if got := s.Rows[h][4:6]; !slices.Equal(got, []string{"Thẩm định lần 1", "Thẩm định lần 2"}) {
		t.Errorf("header row 2 %q", got)
	}
	r := findRow(s, 1, "1.2. Mức độ hoàn thành")
	if r == 0 {
		t.Fatal("code inside content not found")
	}
	if got := s.Rows[r-1][1:6]; !slices.Equal(got, []string{"2", "2", "", "1,5", "1,75"}) {
		t.Errorf("text numbers row %q", got)
	}
	if r := findRow(s, 1, "I. Công tác chỉ đạo, điều hành"); r == 0 || s.Cell(r, 5) != "2.83" || s.Cell(r, 6) != "3.08" {
		t.Errorf("area row with two rounds: %q", s.Rows[r-1])
	}
}

func TestTemplateBlank(t *testing.T) {
	fw := testFramework()
	long := "Sở Lao động - Thương binh và Xã hội tỉnh Hòa Lâm"
	units := []*par.Unit{
		{ID: "a", Names: []par.Name{{Name: long}}},
		{ID: "b", Names: []par.Name{{Name: long + " (cũ)"}}},
		{ID: "c", Names: []par.Name{{Name: "Sở: Nội vụ/Tư pháp"}}},
	}
	wb := Template(fw, units, 2024)
	var names []string
	for _, s := range wb.Sheets {
		names = append(names, s.Name)
	}
	want := []string{"Sở Lao động - Thương binh và Xã", "Sở Lao động - Thương binh v (2)", "Sở Nội vụ Tư pháp"}
	if !slices.Equal(names, want) {
		t.Errorf("sheet names %q, want %q", names, want)
	}
	ws := wb.Sheets[0]
	// Every leaf's appraised cell, and self cell for self-assessed leaves,
	// is an input with a validation bounded by its own row's maximum.
	var inputs []string
	for _, c := range ws.Cells {
		if c.Style == xlsx.StyleInput {
			inputs = append(inputs, xlsx.CellName(c.Row, c.Col))
		}
	}
	if len(inputs) != 4+5+2*2 { // self: 1.1 1.2 3 4; appraised: 5 leaves; bonus, penalty × 2
		t.Errorf("inputs %v", inputs)
	}
	var ranges []string
	for _, v := range ws.Validations {
		if v.Min != 0 || !strings.HasPrefix(v.MaxFormula, "C") || strings.TrimLeft(v.MaxFormula, "C") != strings.TrimLeft(strings.Split(v.Range, ":")[0], "DF") {
			t.Errorf("validation %+v not bounded by its row's maximum", v)
		}
		ranges = append(ranges, v.Range)
	}
	if len(ranges) == 0 {
		t.Fatal("no validations")
	}
	var formulas int
	for _, c := range ws.Cells {
		if c.Formula != "" {
			formulas++
		}
	}
	// Subtotal rows I, 1, II and the total: max, self, appraised.
	if formulas != 4*3 {
		t.Errorf("%d formulas, want 12", formulas)
	}
	book := roundTrip(t, wb.Sheets...)
	s := &book.Sheets[0]
	tr := findRow(s, 2, "Tổng điểm")
	if tr == 0 || s.Cell(tr, 3) != "10" || !s.Formula[[2]int{tr, 6}] {
		t.Errorf("total row %q formula=%v", s.Rows[tr-1], s.Formula[[2]int{tr, 6}])
	}
	if r := findRow(s, 1, "2"); s.Cell(r, 5) != "Điều tra xã hội học" {
		t.Errorf("survey leaf note %q", s.Cell(r, 5))
	}
}

func TestAnnex(t *testing.T) {
	p := par.MustPoints
	fig := func(s string) par.Figure { return par.Pub(p(s), 2, par.Source{}) }
	rows := []*par.Summary{
		{Name: "Sở Nội vụ", Rank: par.Rank{N: 1}, Total: fig("91.5"), Appraised: fig("70.25"), Survey: fig("21.25"), Index: fig("91.5"), Band: par.BandMark{Name: "Xuất sắc"},
			Areas: map[string]par.Figure{"I": fig("12.5")}},
		{Name: "Sở Tư pháp", Rank: par.Rank{N: 2}, Total: fig("85"), Appraised: fig("65"), Survey: fig("20"), Index: fig("86.29"), Band: par.BandMark{Name: "Tốt"}},
		{Name: "Ban Dân tộc"},
	}
	tables := []AnnexTable{
		{Section: "I. KHỐI SỞ, BAN, NGÀNH", Columns: AnnexColumns(true, false, []string{"I"}, true), Rows: rows},
		{Section: "II. KHỐI CƠ QUAN TRUNG ƯƠNG", Columns: []AnnexColumn{{Kind: ColRank, Label: "Xếp hạng"}, {Kind: ColName, Label: "Đơn vị"}, {Kind: ColTotal}, {Kind: ColIndex, Label: "Tỷ lệ (%)"}}, Rows: rows[:1]},
	}
	ws := Annex("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023", tables, AnnexOptions{Issuer: "UBND TỈNH HÒA LÂM", Subtitle: []string{"(Kèm theo Quyết định số 1/QĐ-UBND)"}})
	s := &roundTrip(t, ws).Sheets[0]
	h := findRow(s, 2, "Tên cơ quan, đơn vị")
	if want := []string{"Thứ tự xếp hạng", "Tên cơ quan, đơn vị", "Tổng điểm", "Điểm thẩm định", "Điểm điều tra XHH", "I", "Chỉ số CCHC (%)", "Xếp loại"}; !slices.Equal(s.Rows[h-1], want) {
		t.Errorf("header %q", s.Rows[h-1])
	}
	if s.Cell(h-1, 2) != "I. KHỐI SỞ, BAN, NGÀNH" || s.Cell(h-1, 1) != "" {
		t.Errorf("section row %q, want the title in the name column", s.Rows[h-2])
	}
	if got := s.Rows[h]; !slices.Equal(got, []string{"1", "Sở Nội vụ", "91.5", "70.25", "21.25", "12.5", "91.5", "Xuất sắc"}) {
		t.Errorf("row 1 %q", got)
	}
	if got := s.Rows[h+2]; !slices.Equal(got, []string{"", "Ban Dân tộc"}) {
		t.Errorf("unscored row %q", got)
	}
	h2 := findRow(s, 2, "Đơn vị")
	if h2 == 0 || s.Cell(h2, 4) != "Tỷ lệ (%)" || s.Cell(h2+1, 3) != "91.5" {
		t.Errorf("second table: header row %d", h2)
	}

	ws = Annex("X", tables[:1], AnnexOptions{TextNumbers: true})
	s = &roundTrip(t, ws).Sheets[0]
	h = findRow(s, 2, "Tên cơ quan, đơn vị")
	if got := s.Cell(h+2, 3); got != "85,00" {
		t.Errorf("text number %q, want 85,00", got)
	}
}

func TestUniqueSheetNames(t *testing.T) {
	got := UniqueSheetNames([]string{"A", "a", "'Q*1'", "", "A"})
	want := []string{"A", "a (2)", "Q 1", "Sheet", "A (3)"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTemplateAcceptsNotApplicable: in a blank template a criterion's input
// cell takes points between 0 and its row's maximum or the text "Không áp
// dụng" (which ingest reads as not applicable); bonus and penalty cells take
// points only. Every input cell is covered by exactly one validation.
func TestTemplateAcceptsNotApplicable(t *testing.T) {
	ws := Template(testFramework(), nil, 2024).Sheets[0]
	book := roundTrip(t, ws)
	s := &book.Sheets[0]
	extra := map[int]bool{findRow(s, 2, "Điểm thưởng"): true, findRow(s, 2, "Điểm trừ"): true}
	if len(extra) != 2 || extra[0] {
		t.Fatalf("bonus and penalty rows not found: %v", extra)
	}
	covered := map[string]int{}
	for _, v := range ws.Validations {
		first, last, _ := strings.Cut(v.Range, ":")
		c1, r1 := cellRC(t, first)
		c2, r2 := cellRC(t, last)
		for r := r1; r <= r2; r++ {
			want := "Không áp dụng"
			if extra[r] {
				want = ""
			}
			if v.AllowText != want {
				t.Errorf("%s (row %d): AllowText %q, want %q", v.Range, r, v.AllowText, want)
			}
			covered[xlsx.CellName(r, c1)]++
		}
		if c1 != c2 || v.MaxFormula != xlsx.CellName(r1, 3) {
			t.Errorf("validation %+v: want one column bounded by its own row's maximum", v)
		}
		if v.AllowText != "" && !strings.Contains(v.ErrorMsg, `"Không áp dụng"`) {
			t.Errorf("%s: error message %q does not name the accepted text", v.Range, v.ErrorMsg)
		}
	}
	for _, c := range ws.Cells {
		if n := covered[xlsx.CellName(c.Row, c.Col)]; c.Style == xlsx.StyleInput && n != 1 {
			t.Errorf("input %s covered by %d validations", xlsx.CellName(c.Row, c.Col), n)
		}
	}
}

func cellRC(t *testing.T, ref string) (col, row int) {
	t.Helper()
	i := strings.IndexAny(ref, "0123456789")
	if i <= 0 {
		t.Fatalf("bad cell %q", ref)
	}
	for _, ch := range ref[:i] {
		col = col*26 + int(ch-'A') + 1
	}
	for _, ch := range ref[i:] {
		row = row*10 + int(ch-'0')
	}
	return col, row
}
