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

// mergeSet lists a sheet's merges as "A1:B2" ranges.
func mergeSet(s *xlsx.Sheet) map[string]bool {
	m := map[string]bool{}
	for _, g := range s.Merges {
		m[xlsx.CellName(g.FirstRow, g.FirstCol)+":"+xlsx.CellName(g.LastRow, g.LastCol)] = true
	}
	return m
}

// An annex with the areas' points under a merged group header, their
// codes on a second header row, and a row of maxima under the header.
func TestAnnexAreaGroupAndMaxima(t *testing.T) {
	p := par.MustPoints
	fig := func(s string) par.Figure { return par.Pub(p(s), 2, par.Source{}) }
	cols := []AnnexColumn{{Kind: ColSerial}, {Kind: ColName, Label: "Tên đơn vị"},
		{Kind: ColArea, Area: "I"}, {Kind: ColArea, Area: "II"}, {Kind: ColArea, Area: "III"},
		{Kind: ColTotal}, {Kind: ColIndex}, {Kind: ColBand}, {Kind: ColRank, Label: "Xếp hạng"}}
	rows := []*par.Summary{
		{Name: "Huyện An Lâm", Rank: par.Rank{N: 2}, Total: fig("70"), Index: fig("70"), Band: par.BandMark{Name: "Khá"},
			Areas: map[string]par.Figure{"I": fig("15"), "II": fig("20"), "III": fig("35")}},
		{Name: "Huyện Bạch Thủy", Rank: par.Rank{N: 1}, Total: fig("80.5"), Index: fig("80.5"), Band: par.BandMark{Name: "Tốt"},
			Areas: map[string]par.Figure{"I": fig("16"), "II": fig("24.5"), "III": fig("40")}},
	}
	maxima := &par.Summary{Name: "Điểm tối đa", Total: fig("100"), Areas: map[string]par.Figure{"I": fig("20"), "II": fig("30"), "III": fig("50")}}
	ws := Annex("KẾT QUẢ", []AnnexTable{{Columns: cols, Rows: rows, AreaGroup: "Điểm đạt được của từng lĩnh vực", Maxima: maxima}}, AnnexOptions{})
	s := &roundTrip(t, ws).Sheets[0]
	h := findRow(s, 2, "Tên đơn vị")
	if h == 0 {
		t.Fatal("no header")
	}
	if want := []string{"STT", "Tên đơn vị", "Điểm đạt được của từng lĩnh vực", "", "", "Tổng điểm", "Chỉ số CCHC (%)", "Xếp loại", "Xếp hạng"}; !slices.Equal(s.Rows[h-1], want) {
		t.Errorf("header row 1 %q, want %q", s.Rows[h-1], want)
	}
	if got := s.Rows[h][2:5]; !slices.Equal(got, []string{"I", "II", "III"}) {
		t.Errorf("header row 2 %q", s.Rows[h])
	}
	m := mergeSet(s)
	for _, want := range []string{
		xlsx.CellName(h, 3) + ":" + xlsx.CellName(h, 5), // the group over the areas
		xlsx.CellName(h, 1) + ":" + xlsx.CellName(h+1, 1),
		xlsx.CellName(h, 9) + ":" + xlsx.CellName(h+1, 9),
	} {
		if !m[want] {
			t.Errorf("merge %s missing: %v", want, s.Merges)
		}
	}
	if got := s.Rows[h+1]; !slices.Equal(got, []string{"", "Điểm tối đa", "20", "30", "50", "100"}) {
		t.Errorf("maxima row %q", got)
	}
	if got := s.Rows[h+2]; !slices.Equal(got, []string{"1", "Huyện An Lâm", "15", "20", "35", "70", "70", "Khá", "2"}) {
		t.Errorf("first unit %q", got)
	}
	if got := s.Rows[h+3]; !slices.Equal(got, []string{"2", "Huyện Bạch Thủy", "16", "24.5", "40", "80.5", "80.5", "Tốt", "1"}) {
		t.Errorf("second unit %q", got)
	}
}

// Parents each followed by their children in one table: a parent with
// figures is its own row, one without is a heading merged across the
// table; serial numbers are Roman for parents and restart under each.
func TestAnnexChildrenUnderParents(t *testing.T) {
	p := par.MustPoints
	fig := func(s string) par.Figure { return par.Pub(p(s), 2, par.Source{}) }
	row := func(unit, name string, rank int, total string) *par.Summary {
		return &par.Summary{Unit: unit, Name: name, Rank: par.Rank{N: rank}, Total: fig(total), Index: fig(total), Band: par.BandMark{Name: "Khá"}}
	}
	cols := []AnnexColumn{{Kind: ColSerial}, {Kind: ColName}, {Kind: ColTotal}, {Kind: ColIndex}, {Kind: ColBand}, {Kind: ColRank}}
	tbl := AnnexTable{
		Section: "III. KHỐI UBND CẤP HUYỆN VÀ CẤP XÃ",
		Columns: cols,
		Rows: []*par.Summary{
			row("h1", "Huyện An Lâm", 1, "80"),
			{Unit: "h2", Name: "HUYỆN BẠCH THỦY"},
			{Unit: "h3", Name: "Huyện Cô Đơn"}, // no figures, no children: not scored
		},
		Children: map[string][]*par.Summary{
			"h1": {row("x1", "Xã Tân An", 1, "75"), row("x2", "Xã Tân Bình", 2, "70")},
			"h2": {row("x3", "Xã Bạch Hà", 1, "65")},
		},
	}
	ws := Annex("KẾT QUẢ", []AnnexTable{tbl}, AnnexOptions{})
	s := &roundTrip(t, ws).Sheets[0]
	h := findRow(s, 2, "Tên cơ quan, đơn vị")
	want := [][]string{
		{"I", "Huyện An Lâm", "80", "80", "Khá", "1"},
		{"1", "Xã Tân An", "75", "75", "Khá", "1"},
		{"2", "Xã Tân Bình", "70", "70", "Khá", "2"},
		{"II", "HUYỆN BẠCH THỦY"},
		{"1", "Xã Bạch Hà", "65", "65", "Khá", "1"},
		{"III", "Huyện Cô Đơn"},
	}
	for i, w := range want {
		got := slices.Clone(s.Rows[h+i])
		for len(got) > 0 && got[len(got)-1] == "" {
			got = got[:len(got)-1]
		}
		if !slices.Equal(got, w) {
			t.Errorf("row %d: %q, want %q", h+i+1, got, w)
		}
	}
	m := mergeSet(s)
	if heading := xlsx.CellName(h+4, 2) + ":" + xlsx.CellName(h+4, 6); !m[heading] {
		t.Errorf("heading merge %s missing: %v", heading, s.Merges)
	}
	if own := xlsx.CellName(h+1, 2) + ":" + xlsx.CellName(h+1, 6); m[own] {
		t.Errorf("a parent with figures is merged like a heading")
	}
}

// Titles that open with a code-like phrase of another numbering keep the
// node's own code in the code column; a not-applicable leaf carries the
// word the options give.
func TestDetailSheetTitlePrefixAndNAWord(t *testing.T) {
	fw := testFramework()
	ws := DetailSheet(fw, "Sở Tư pháp", 2025, testSheet(), DetailOptions{
		Labels:      DetailLabels{NA: "Không đánh giá"},
		TitlePrefix: map[string]string{"I/1": "Tiêu chí 2: ", "I/1/1.1": "1.2. ", "II/4": "b) "},
	})
	s := &roundTrip(t, ws).Sheets[0]
	for _, c := range []struct{ code, title string }{
		{"1", "Tiêu chí 2: Kế hoạch năm"},
		{"1.1", "1.2. Ban hành đúng hạn"},
		{"1.2", "Mức độ hoàn thành"},
		{"4", "b) Thanh toán trực tuyến"},
	} {
		r := findRow(s, 1, c.code)
		if r == 0 || s.Cell(r, 2) != c.title {
			t.Errorf("row %s: title %q, want %q", c.code, s.Cell(r, 2), c.title)
		}
	}
	r := findRow(s, 1, "4")
	if got := [2]string{s.Cell(r, 4), s.Cell(r, 6)}; got != [2]string{"Không đánh giá", "Không đánh giá"} {
		t.Errorf("not-applicable leaf %q", got)
	}
	if r := findRow(s, 2, "Tổng điểm"); s.Cell(r, 3) != "10" || s.Cell(r, 6) != "6.83" {
		t.Errorf("total row %q", s.Rows[r-1])
	}
	// With codes in the content the own code comes first.
	ws = DetailSheet(fw, "Sở Tư pháp", 2025, testSheet(), DetailOptions{CodeInContent: true, TitlePrefix: map[string]string{"I/1/1.1": "Tiêu chí 1.2 - "}})
	s = &roundTrip(t, ws).Sheets[0]
	if findRow(s, 1, "1.1. Tiêu chí 1.2 - Ban hành đúng hạn") == 0 {
		t.Error("code inside content: prefix not after the node's own code")
	}
}

func TestRoman(t *testing.T) {
	for n, want := range map[int]string{1: "I", 4: "IV", 9: "IX", 14: "XIV", 40: "XL", 1994: "MCMXCIV", 0: "0"} {
		if got := roman(n); got != want {
			t.Errorf("roman(%d) = %q, want %q", n, got, want)
		}
	}
}
