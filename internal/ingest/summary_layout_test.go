package ingest

import (
	"fmt"
	"strings"
	"testing"

	"parindex/internal/par"
)

// Layouts of real annexes around the unit rows: block titles, column
// numbers, closing rows, footnotes and signature blocks. The fixtures use
// the registry of helpers_test.go (groups so and huyen).

// sumLines shows each summary read as "cell unit group rank index total
// band", in sheet order.
func sumLines(ds *par.Dataset) []string {
	var out []string
	for _, s := range ds.Summaries {
		fig := func(f par.Figure) string {
			if !f.Known() {
				return "-"
			}
			return f.Value.String()
		}
		band := s.Band.Name
		if band == "" {
			band = "-"
		}
		out = append(out, fmt.Sprintf("%s %s %s #%d %s %s %s", s.Src.Cell, s.Unit, s.Group, s.Rank.N, fig(s.Index), fig(s.Total), band))
	}
	return out
}

func wantSums(t *testing.T, ds *par.Dataset, want ...string) {
	t.Helper()
	if got := sumLines(ds); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("summaries:\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// Rule: a block title merged from column A across the table puts its text
// in the rank (or STT) column and its merge over the name column; it is a
// title, not a unit, and a block may start a new ranking group under the
// same header. Right under the header such a title is not a second header
// row ("STT" + "I. KHỐI CƠ QUAN TRUNG ƯƠNG" must not read as a name
// column).
func TestSummaryMergedTitles(t *testing.T) {
	for _, tc := range []struct {
		name   string
		merges []string
		rows   [][]any
		want   []string
	}{{
		name:   "rank column first, one header, two groups",
		merges: []string{"A2:D2", "A5:D5"},
		rows: [][]any{
			{"Xếp hạng", "Tên đơn vị", "Tổng điểm", "Chỉ số (%)"},
			{"I. KHỐI SỞ, BAN, NGÀNH"},
			{1, "Sở Nội vụ", 90, 90},
			{2, "Sở Tư pháp", 80, 80},
			{"II. Khối UBND cấp huyện"},
			{1, "UBND huyện An Lâm", 70, 70},
		},
		want: []string{"B3 so-noi-vu so #1 90 90 -", "B4 so-tu-phap so #2 80 80 -", "B6 huyen-an-lam huyen #1 70 70 -"},
	}, {
		name:   "STT first, title right under the header",
		merges: []string{"A2:F2", "A5:F5"},
		rows: [][]any{
			{"STT", "Tên cơ quan, đơn vị", "Tổng điểm", "Chỉ số CCHC", "Xếp loại", "Thứ tự xếp hạng"},
			{"I. KHỐI CƠ QUAN TRUNG ƯƠNG"},
			{1, "Sở Nội vụ", 90, 90, "Tốt", 1},
			{2, "Sở Tư pháp", 80, 80, "Tốt", 2},
			{"Khối cơ quan Trung ương"},
			{3, "Ban Quản lý các khu công nghiệp Đắk Lắk", 70, 70, "Khá", 3},
		},
		want: []string{"B3 so-noi-vu so #1 90 90 Tốt", "B4 so-tu-phap so #2 80 80 Tốt", "B6 ban-qlkcn so #3 70 70 Khá"},
	}, {
		name:   "several tables on a sheet, titles merged across the whole width",
		merges: []string{"A1:E1", "A2:E2", "A7:D7"},
		rows: [][]any{
			{"PHỤ LỤC KẾT QUẢ CHỈ SỐ CCHC NĂM 2023"},
			{"I. KHỐI SỞ, BAN, NGÀNH"},
			{"STT", "Tên đơn vị", "Tổng điểm", "Chỉ số (%)", "Xếp hạng"},
			{1, "Sở Nội vụ", 90, 90, 1},
			{2, "Sở Tư pháp", 80, 80, 2},
			{},
			{"II. KHỐI UBND CẤP HUYỆN"},
			{"Xếp hạng", "Tên đơn vị", "Tổng điểm", "Chỉ số (%)"},
			{1, "UBND huyện An Lâm", 70, 70},
		},
		want: []string{"B4 so-noi-vu so #1 90 90 -", "B5 so-tu-phap so #2 80 80 -", "B9 huyen-an-lam huyen #1 70 70 -"},
	}, {
		name:   "title merged from the name column, rank column left empty",
		merges: []string{"B2:D2", "B4:D4"},
		rows: [][]any{
			{"Xếp hạng", "Tên đơn vị", "Tổng điểm", "Chỉ số (%)"},
			{nil, "I. KHỐI SỞ, BAN, NGÀNH"},
			{1, "Sở Nội vụ", 90, 90},
			{nil, "II. Khối UBND cấp huyện"},
			{1, "UBND huyện An Lâm", 70, 70},
		},
		want: []string{"B3 so-noi-vu so #1 90 90 -", "B5 huyen-an-lam huyen #1 70 70 -"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			ds, diags := load(t, withBook(t, "data/scores/2023/pl.xlsx", sheet("PL", tc.merges, tc.rows...)))
			wantDiags(t, diags)
			wantSums(t, ds, tc.want...)
		})
	}
}

// Rule: a block numeral in the STT/rank column with the title beside it
// (unmerged) is a title; a row of column numbers under the header is not
// data; closing rows ("Tổng cộng", "Trung bình", "Bình quân"), wherever
// their label stands, are skipped; so are footnotes, a recipients' list
// and a signature block under the table, in whichever columns they are
// written. A title may carry its block's average.
func TestSummaryRowsAroundUnits(t *testing.T) {
	for _, tc := range []struct {
		name   string
		merges []string
		rows   [][]any
	}{{
		name:   "numeral beside title, numbered columns, closing rows, notes, signatures",
		merges: []string{"A9:B9", "A12:E12", "D14:E14", "D15:E15", "D18:E18"},
		rows: [][]any{
			{"STT", "Tên đơn vị", "Tổng điểm", "Chỉ số (%)", "Xếp hạng"},
			{"(1)", "(2)", "(3)", "(4)", "(5)"},
			{"I", "Khối cơ quan Trung ương"},
			{"II", "Sở, ban, ngành tỉnh", nil, 85},
			{1, "Sở Nội vụ", 90, 90, 1},
			{2, "Sở Tư pháp", 80, 80, 2},
			{3, "Sở Khoa học và Công nghệ"},
			{"Tổng cộng", nil, 170, nil},
			{"Trung bình", nil, 85, 85},
			{nil, "Bình quân", 85, 85},
			{},
			{"Ghi chú: Sở Khoa học và Công nghệ chưa được đánh giá"},
			{"* Đơn vị tính: điểm"},
			{nil, nil, nil, "KT. CHỦ TỊCH"},
			{nil, nil, nil, "PHÓ CHỦ TỊCH"},
			{nil, "Nơi nhận:"},
			{nil, "- Sở Nội vụ;"},
			{nil, "Sở Tư pháp"},
			{nil, nil, nil, "Nguyễn Văn A"},
		},
	}, {
		name: "numbers row of plain numbers, title under it, signature in the name column",
		rows: [][]any{
			{"STT", "Tên đơn vị", "Tổng điểm", "Chỉ số (%)", "Xếp hạng"},
			{1, 2, 3, 4, 5},
			{"A", "CÁC SỞ, BAN, NGÀNH"},
			{1, "Sở Nội vụ", 90, 90, 1},
			{2, "Sở Tư pháp", 80, 80, 2},
			{3, "Sở Khoa học và Công nghệ"},
			{nil, "Hòa Lâm, ngày 20 tháng 02 năm 2024"},
			{nil, "NGƯỜI LẬP BIỂU", nil, "TM. ỦY BAN NHÂN DÂN"},
			{nil, nil, nil, "CHỦ TỊCH"},
			{nil, "Trần Thị B", nil, "Nguyễn Văn A"},
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			ds, diags := load(t, withBook(t, "data/scores/2023/pl.xlsx", sheet("PL", tc.merges, tc.rows...)))
			wantDiags(t, diags)
			wantSums(t, ds,
				fmt.Sprintf("B%d so-noi-vu so #1 90 90 -", findRow(tc.rows, "Sở Nội vụ")),
				fmt.Sprintf("B%d so-tu-phap so #2 80 80 -", findRow(tc.rows, "Sở Tư pháp")),
				fmt.Sprintf("B%d so-kh-cn so #0 - - -", findRow(tc.rows, "Sở Khoa học và Công nghệ")))
		})
	}
}

// findRow is the 1-based row whose name column holds name.
func findRow(rows [][]any, name string) int {
	for i, r := range rows {
		if len(r) > 1 && r[1] == name {
			return i + 1
		}
	}
	return 0
}

// Rule: "STT" is a serial number, never a rank: the rank comes from the
// "Xếp hạng" column only, blank there means not ranked. Ties are written
// as the same number twice or "Đồng hạng 3".
func TestSummarySerialAndTies(t *testing.T) {
	sh := sheet("PL", nil,
		[]any{"STT", "Tên đơn vị", "Tổng điểm", "Chỉ số (%)", "Xếp hạng"},
		[]any{1, "Sở Nội vụ", 80, 80, 3},
		[]any{2, "Sở Tư pháp", 90, 90, "Đồng hạng 1"},
		[]any{3, "Ban Quản lý các khu công nghiệp Đắk Lắk", 90, 90, "1 (đồng hạng)"},
		[]any{4, "Sở Khoa học và Công nghệ", 80, 80, "3"},
	)
	sh2 := sheet("PL2", nil,
		[]any{"TT", "Tên đơn vị", "Chỉ số (%)", "Thứ hạng"},
		[]any{1, "UBND huyện An Lâm", 60, nil},
	)
	ds, diags := load(t, withBook(t, "data/scores/2023/pl.xlsx", sh, sh2))
	wantDiags(t, diags)
	wantSums(t, ds,
		"B2 so-noi-vu so #3 80 80 -",
		"B3 so-tu-phap so #1 90 90 -",
		"B4 ban-qlkcn so #1 90 90 -",
		"B5 so-kh-cn so #3 80 80 -",
		"B2 huyen-an-lam huyen #0 60 - -",
	)
	if m := sumByUnit(ds); m["so-tu-phap"].Rank.Src.Cell != "E3" || m["so-tu-phap"].Rank.Origin != par.Published {
		t.Errorf("tie rank source: %+v", m["so-tu-phap"].Rank)
	}
}

// Rule: a data row naming no unit is still an error, with a suggestion
// when a registered name is close; so is text written like a unit's name
// on a row without figures, or figures without a name. A title or footnote
// shape does not excuse a row with figures unless it is a sure title.
func TestSummaryUnknownUnitsStillErrors(t *testing.T) {
	sh := sheet("PL", []string{"A2:D2"},
		[]any{"Xếp hạng", "Tên đơn vị", "Tổng điểm", "Chỉ số (%)"},
		[]any{"I. KHỐI SỞ, BAN, NGÀNH"},
		[]any{1, "Sở Nộii vụ", 90, 90},
		[]any{2, "Sở Ngoại giao", 80, 80},
		[]any{nil, "Sở Văn hóa và Thể thao"},
		[]any{nil, "Sở Tư phá"},
		[]any{3, "SỞ NGOẠI GIAO", 70, 70},
		[]any{4, nil, 60, 60},
		[]any{"Đồng hạng", "Sở Tư pháp", 50, 50},
	)
	ds, diags := load(t, withBook(t, "data/scores/2023/pl.xlsx", sh))
	wantDiags(t, diags,
		"data/scores/2023/pl.xlsx: PL!B3: error: unknown unit \"Sở Nộii vụ\" (did you mean \"Sở Nội vụ\"?)",
		"data/scores/2023/pl.xlsx: PL!B4: error: unknown unit \"Sở Ngoại giao\"",
		"data/scores/2023/pl.xlsx: PL!B5: error: unknown unit \"Sở Văn hóa và Thể thao\"",
		"data/scores/2023/pl.xlsx: PL!B6: error: unknown unit \"Sở Tư phá\" (did you mean \"Sở Tư pháp\"?)",
		"data/scores/2023/pl.xlsx: PL!B7: error: unknown unit \"SỞ NGOẠI GIAO\"",
		"data/scores/2023/pl.xlsx: PL!B8: error: row has figures but no unit name",
		"data/scores/2023/pl.xlsx: PL!A9: error: rank \"Đồng hạng\" of so-tu-phap is not a whole number",
	)
	wantSums(t, ds, "B9 so-tu-phap so #0 50 50 -")
}

// Rule: a row without figures names a unit (not scored) when its text is
// the name, or starts with it after any numbering; a name inside a
// sentence does not make the row the unit's, and a long sentence is a
// note even when it starts like a name.
func TestSummaryUnscoredRows(t *testing.T) {
	sh := sheet("PL", nil,
		[]any{"TT", "Tên đơn vị", "Tổng điểm", "Chỉ số (%)"},
		[]any{"1", "Sở Nội vụ", 90, 90},
		[]any{nil, "2. Sở Tư pháp"},
		[]any{nil, "Sở Khoa học và Công nghệ (chưa đánh giá)"},
		[]any{nil, "Giao Sở Nội vụ theo dõi, tổng hợp"},
		[]any{nil, "UBND tỉnh giao Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan theo dõi và tổng hợp kết quả"},
	)
	ds, diags := load(t, withBook(t, "data/scores/2023/pl.xlsx", sh))
	wantDiags(t, diags)
	wantSums(t, ds, "B2 so-noi-vu so #0 90 90 -", "B3 so-tu-phap so #0 - - -", "B4 so-kh-cn so #0 - - -")
}

// Rule: missing is not zero. A total that is a spreadsheet SUM over blank
// component cells prints 0 (PAPI 2014: Bắc Giang and Đồng Tháp); with
// every component blank the unit is not scored. A real 0 with components
// stays a 0.
func TestSummaryZeroTotalOverBlanksIsNotScored(t *testing.T) {
	rows := [][]any{
		{"Tên đơn vị", "Điểm thẩm định", "Điểm điều tra XHH", "Tổng điểm"},
		{"Sở Nội vụ", 60, 30, 90},
		{"Sở Tư pháp", nil, nil, 0},
		{"Sở Khoa học và Công nghệ", 0, 0, 0},
	}
	ds, diags := load(t, withBook(t, "data/scores/2023/pl.xlsx", sheet("PL", nil, rows...)))
	wantDiags(t, diags, "data/scores/2023/pl.xlsx: PL!D3: warning: total 0 of so-tu-phap with every component blank: not scored")
	wantSums(t, ds, "A2 so-noi-vu so #0 - 90 -", "A3 so-tu-phap so #0 - - -", "A4 so-kh-cn so #0 - 0 -")
}
