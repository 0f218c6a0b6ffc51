package ingest

import (
	"testing"
	"testing/fstest"

	"parindex/internal/xlsx"
)

// edit changes the standard body: set["F10"] = value, by A1 cell name of
// the finished sheet (title block 6 rows, header row 7, body from row 8).
type edit struct {
	set    map[string]any
	insert map[int][]any // sheet row → a row inserted before it
	drop   []int         // sheet rows to drop
}

func editedSheet(name, unitLine string, e edit) xlsx.WSheet {
	rows := append(titleBlock(unitLine), stdHeader)
	rows = append(rows, stdBody()...)
	for ref, v := range e.set {
		col := int(ref[0]-'A') + 1
		row := 0
		for _, c := range ref[1:] {
			row = row*10 + int(c-'0')
		}
		r := rows[row-1]
		for len(r) < col {
			r = append(r, nil)
		}
		r[col-1] = v
		rows[row-1] = r
	}
	var out [][]any
	for i, r := range rows {
		if ins, ok := e.insert[i+1]; ok {
			out = append(out, ins)
		}
		dropped := false
		for _, d := range e.drop {
			dropped = dropped || d == i+1
		}
		if !dropped {
			out = append(out, r)
		}
	}
	return sheet(name, titleMerges, out...)
}

// Rule: every problem of a detail sheet is an error at its exact cell.
func TestDetailMalformed(t *testing.T) {
	const f = "data/scores/2023/so.xlsx: Sở Nội vụ"
	for _, c := range []struct {
		name string
		e    edit
		want []string
	}{
		{"over the maximum", edit{set: map[string]any{"F10": 1.5, "F9": 2.5, "F8": 3.5, "F20": 8}},
			[]string{f + "!F10: error: appraised 1.5 exceeds the maximum 1 of 1.1"}},
		{"negative", edit{set: map[string]any{"D15": -1, "D14": 0, "D13": 2, "D20": 6.5}},
			[]string{f + "!D15: error: self-assessed -1 of II/1/a is negative"}},
		{"text in a number cell", edit{set: map[string]any{"F12": "một"}},
			[]string{
				f + "!F12: error: appraised \"một\" of I/2 is not a number (nor a mark of \"not applicable\"; words of your own for it go in not_applicable in data/site.yaml)",
			}},
		{"printed maximum differs", edit{set: map[string]any{"C12": "1,5"}},
			[]string{f + "!C12: error: maximum 1.5 of I/2 differs from framework so-2023 (1)"}},
		{"subtotal differs", edit{set: map[string]any{"F9": 2.5}},
			[]string{f + "!F9: error: appraised 2.5 of I/1 differs from the sum of its items 2"}},
		{"total differs", edit{set: map[string]any{"F20": 8}},
			[]string{f + "!F20: error: total 8 differs from the sum of the rows 7.5 (criteria 7 + bonus 1 − penalty 0.5)"}},
		{"self total differs", edit{set: map[string]any{"D20": 8}},
			[]string{f + "!D20: error: self-assessed total 8 differs from the sum of the rows 8.5 (criteria 7.5 + bonus 1 − penalty 0)"}},
		{"bonus over its maximum", edit{set: map[string]any{"F18": 2.5, "F20": 9}},
			[]string{f + "!F18: error: bonus 2.5 exceeds the maximum 2"}},
		{"row matching nothing", edit{insert: map[int][]any{13: {"3", "Tiêu chí không có trong bộ chỉ số", 1, 1, nil, 1}}},
			[]string{f + "!B13: error: row \"3 Tiêu chí không có trong bộ chỉ số\" matches no criterion of framework so-2023"}},
		{"text-only row matching nothing", edit{insert: map[int][]any{13: {nil, "(Ghi chú: chấm theo hướng dẫn)"}}},
			[]string{f + "!B13: warning: row \"(Ghi chú: chấm theo hướng dẫn)\" matches no criterion of framework so-2023; ignored"}},
		{"criterion twice", edit{insert: map[int][]any{12: {"1.1", "Ban hành kế hoạch", 1, 1, nil, 1}}},
			[]string{f + "!A12: error: code 1.1 appears on rows 10 and 12 under I/1; row 12 is left out"}},
		{"criteria missing", edit{drop: []int{11, 16}},
			[]string{f + ": error: 2 criteria of framework so-2023 missing from the sheet: 1.2, II/1/b"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := load(t, withBook(t, "data/scores/2023/so.xlsx", editedSheet("Sở Nội vụ", "", c.e)))
			wantDiags(t, diags, c.want...)
		})
	}
}

// Rule: several problems in one file are all reported, each at its cell.
func TestDetailSeveralProblems(t *testing.T) {
	const f = "data/scores/2023/so.xlsx: Sở Nội vụ"
	e := edit{
		set:    map[string]any{"F10": 1.5, "D11": "abc", "C12": 1.5, "F17": 3.5},
		insert: map[int][]any{13: {"9", "Tiêu chí lạ", 1, 1, nil, 1}},
	}
	_, diags := load(t, withBook(t, "data/scores/2023/so.xlsx", editedSheet("Sở Nội vụ", "", e), stdSheet("Sheet2", "Đơn vị: Sở Nội vụ")))
	wantDiags(t, diags,
		"data/scores/2023/so.xlsx: Sheet2: error: unit \"so-noi-vu\" already has a scoring sheet for 2023 at data/scores/2023/so.xlsx: Sở Nội vụ",
		f+"!F8: error: appraised 3 of I differs from the sum of its items 3.5",
		f+"!F9: error: appraised 2 of I/1 differs from the sum of its items 2.5",
		f+"!F10: error: appraised 1.5 exceeds the maximum 1 of 1.1",
		f+"!D11: error: self-assessed \"abc\" of 1.2 is not a number",
		f+"!C12: error: maximum 1.5 of I/2 differs from framework so-2023 (1)",
		f+"!B13: error: row \"9 Tiêu chí lạ\" matches no criterion of framework so-2023",
		f+"!F14: error: appraised 4 of II differs from the sum of its items 5.5",
		f+"!F18: error: appraised 3.5 exceeds the maximum 3 of II/2",
		f+"!D21: warning: self-assessed total not checked: 1 criterion without points (1.2)",
		f+"!F21: error: total 7.5 differs from the sum of the rows 9.5 (criteria 9 + bonus 1 − penalty 0.5)",
	)
}

// Rule: a sheet whose unit cannot be told, or whose group has no
// framework that year, is an error naming the sheet.
func TestDetailUnitAndFramework(t *testing.T) {
	fsys := withBook(t, "data/scores/2023/a.xlsx", stdSheet("Sheet1", "Đơn vị: Sở Ngoại vụ"))
	// no unit: the issuer "SỞ NỘI VỤ" is in the block, so drop the block
	rows := append([][]any{{"PHIẾU CHẤM ĐIỂM"}, {"Đơn vị: Sở Ngoại vụ"}}, stdHeader)
	rows = append(rows, stdBody()...)
	fsys["data/scores/2023/a.xlsx"] = &fstest.MapFile{Data: book(t, sheet("Sheet1", nil, rows...))}
	fsys["data/scores/2023/b.xlsx"] = &fstest.MapFile{Data: book(t, stdSheet("Sheet1", "Đơn vị: UBND huyện An Lâm"))}
	fsys["data/scores/2023/c.xlsx"] = &fstest.MapFile{Data: book(t, sheet("Trống", nil), sheet("Ghi chú", nil, []any{"Số liệu tổng hợp"}, []any{1, 2, 3}))}
	_, diags := load(t, fsys)
	wantDiags(t, diags,
		"data/scores/2023/a.xlsx: Sheet1: error: cannot tell which unit this sheet scores: no registry name or alias in the title block, the sheet name \"Sheet1\" or the file name \"a\" (did you mean \"Sở Nội vụ\"?)",
		"data/scores/2023/b.xlsx: Sheet1: error: no framework for group \"huyen\" in 2023 (unit \"huyen-an-lam\")",
		`data/scores/2023/c.xlsx: Ghi chú: error: no score table found: no row has the column labels of a scoring sheet (content: "Nội dung", "Tiêu chí" or "Lĩnh vực/tiêu chí"; maximum: "Điểm tối đa", "Điểm chuẩn" or "Thang điểm") nor of an annex (name: "Tên cơ quan, đơn vị", "Đơn vị" or "Tên đơn vị"; and total, index or rank: "Tổng điểm", "Chỉ số CCHC", "Xếp hạng"); no row has any of them`,
	)
}

// Rule: hostile or wrong files give a clear error on the file, never a
// panic: a text file named .xlsx, an empty file, a PDF, a truncated zip.
func TestHostileWorkbooks(t *testing.T) {
	fsys := baseFS()
	good := book(t, stdSheet("Sheet1", "Đơn vị: Sở Tư pháp"))
	fsys["data/scores/2023/text.xlsx"] = &fstest.MapFile{Data: []byte("Sở Nội vụ;85,5\nSở Tư pháp;80\n")}
	fsys["data/scores/2023/empty.xlsx"] = &fstest.MapFile{}
	fsys["data/scores/2023/scan.xlsx"] = &fstest.MapFile{Data: []byte("%PDF-1.7 ...")}
	fsys["data/scores/2023/cut.xlsx"] = &fstest.MapFile{Data: good[:len(good)/2]}
	fsys["data/scores/2023/old.xls"] = &fstest.MapFile{Data: []byte{0xD0, 0xCF, 0x11, 0xE0}}
	fsys["data/scores/nam-2023/a.xlsx"] = &fstest.MapFile{Data: good}
	fsys["data/scores/loose.xlsx"] = &fstest.MapFile{Data: good}
	_, diags := load(t, fsys)
	wantDiags(t, diags,
		"data/scores/2023/cut.xlsx: error: not an .xlsx workbook (corrupt or truncated zip archive)",
		"data/scores/2023/empty.xlsx: error: not an .xlsx workbook (empty file)",
		"data/scores/2023/old.xls: warning: old .xls workbook is not read; save it as .xlsx",
		"data/scores/2023/scan.xlsx: error: not an .xlsx workbook (PDF file?)",
		"data/scores/2023/text.xlsx: error: not an .xlsx workbook (not a zip archive)",
		"data/scores/loose.xlsx: warning: file outside a year directory (data/scores/<year>/); ignored",
		"data/scores/nam-2023: error: year directory \"nam-2023\" is not a year number",
	)
}

// Rule: workbook limits are enforced through xlsx.Limits and reported on
// the file and sheet.
func TestWorkbookLimits(t *testing.T) {
	fsys := withBook(t, "data/scores/2023/a.xlsx", stdSheet("Sheet1", "Đơn vị: Sở Tư pháp"))
	ds, d := Load(fsys, Options{Limits: xlsx.Limits{MaxRows: 10}, Workers: 1})
	var got []string
	for _, x := range d.Sorted() {
		got = append(got, x.String())
	}
	wantDiags(t, got, "data/scores/2023/a.xlsx: Sheet1: error: too many rows (more than 10)")
	if len(ds.Sheets) != 0 {
		t.Errorf("sheets: %d", len(ds.Sheets))
	}
}

// Rule: annex problems are errors at the cell: unknown unit (with a
// suggestion), text in a number column, a bad rank, two rows for a unit.
func TestSummaryMalformed(t *testing.T) {
	sh := sheet("PL", nil,
		[]any{"STT", "Tên đơn vị", "Tổng điểm", "Chỉ số (%)", "Xếp hạng"},
		[]any{1, "Sở Nộ vụ", 85, 85, 1},
		[]any{2, "Sở Tư pháp", "tám mươi", 80, "hai"},
		[]any{3, "Sở Ngoại giao", 70, 70, 3},
		[]any{4, "Sở Tư Pháp", 70, 70, 4},
		[]any{nil, nil, 1, 2, 3},
	)
	_, diags := load(t, withBook(t, "data/scores/2023/pl.xlsx", sh))
	wantDiags(t, diags,
		"data/scores/2023/pl.xlsx: PL!B2: error: unknown unit \"Sở Nộ vụ\" (did you mean \"Sở Nội vụ\"?)",
		"data/scores/2023/pl.xlsx: PL!C3: error: total \"tám mươi\" of so-tu-phap is not a number",
		"data/scores/2023/pl.xlsx: PL!E3: error: rank \"hai\" of so-tu-phap is not a whole number",
		"data/scores/2023/pl.xlsx: PL!B4: error: unknown unit \"Sở Ngoại giao\"",
		"data/scores/2023/pl.xlsx: PL!B5: error: unit \"so-tu-phap\" already has an annex row for 2023 at data/scores/2023/pl.xlsx: PL!B3",
		"data/scores/2023/pl.xlsx: PL!B6: error: row has figures but no unit name",
	)
}

// Rule: a workbook may mix detail sheets and an annex; hidden sheets are
// not read (with a warning when they hold a table); a sheet without an
// appraised column cannot score its unit: one error, and it is not read.
func TestMixedWorkbook(t *testing.T) {
	hidden := stdSheet("Cũ", "Đơn vị: Sở Tư pháp")
	hidden.Hidden = true
	selfOnly := sheet("Tự chấm", nil,
		[]any{"Đơn vị: Sở Khoa học và Công nghệ"},
		[]any{"STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"},
		[]any{"1.1", "Ban hành kế hoạch", 1, 1},
	)
	annex := sheet("Phụ lục", nil,
		[]any{"TT", "Tên đơn vị", "Tổng điểm"},
		[]any{1, "Sở Nội vụ", 7.5},
	)
	ds, diags := load(t, withBook(t, "data/scores/2023/a.xlsx", stdSheet("Sở Nội vụ", ""), hidden, selfOnly, annex))
	wantDiags(t, diags,
		"data/scores/2023/a.xlsx: Cũ: warning: hidden sheet with a scoring table; ignored",
		`data/scores/2023/a.xlsx: Tự chấm: error: no appraised column in the header (row 2): without "Điểm thẩm định", "Điểm chấm thực tế" or "Kết quả thẩm định" the sheet cannot score Sở Khoa học và Công nghệ`,
	)
	if len(ds.Sheets) != 1 || len(ds.Summaries) != 1 || ds.Summaries[0].Total.Value != pts("7.5") {
		t.Errorf("sheets %d summaries %d", len(ds.Sheets), len(ds.Summaries))
	}
}

// Rule "no table found is an error": a sheet with figures under a header
// parindex cannot read names the labels it looks for and the row that came
// closest, with what it lacks; an empty workbook is an error, not nothing.
func TestNoTableIsAnError(t *testing.T) {
	fsys := baseFS()
	near := sheet("Chấm điểm", nil,
		[]any{"Đơn vị: Sở Nội vụ"},
		[]any{"STT", "Nội dung", "Điểm", "Tự chấm", "Điểm thẩm định"},
		[]any{"1.1", "Ban hành kế hoạch", 1, 1, 1},
	)
	fsys["data/scores/2023/a.xlsx"] = &fstest.MapFile{Data: book(t, near)}
	fsys["data/scores/2023/b.xlsx"] = &fstest.MapFile{Data: book(t, sheet("Sheet1", nil))}
	fsys["data/scores/2023/c.xlsx"] = &fstest.MapFile{Data: book(t, sheet("Hướng dẫn", nil, []any{"Điền điểm vào cột F"}))}
	_, diags := load(t, fsys)
	wantDiags(t, diags,
		`data/scores/2023/a.xlsx: Chấm điểm: error: no score table found: no row has the column labels of a scoring sheet (content: "Nội dung", "Tiêu chí" or "Lĩnh vực/tiêu chí"; maximum: "Điểm tối đa", "Điểm chuẩn" or "Thang điểm") nor of an annex (name: "Tên cơ quan, đơn vị", "Đơn vị" or "Tên đơn vị"; and total, index or rank: "Tổng điểm", "Chỉ số CCHC", "Xếp hạng"); the closest is row 2 ("STT | Nội dung | Điểm | Tự chấm | Điểm thẩm định"), which has code ("STT"), content ("Nội dung"), self-assessed ("Tự chấm"), appraised ("Điểm thẩm định") but not a maximum column`,
		"data/scores/2023/b.xlsx: error: the workbook is empty: no sheet holds a score table",
		"data/scores/2023/c.xlsx: error: no sheet holds a score table (a header row with content and maximum columns, or with unit names and totals); move files that are not score workbooks out of data/scores/",
	)
}
