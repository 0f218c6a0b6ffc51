package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// scoringBook is a small fill-in scoring sheet like the template command
// writes, plus a hidden second sheet.
func scoringBook() WBook {
	return WBook{
		Title: "Phiếu chấm điểm",
		Sheets: []WSheet{
			{
				Name: "Phiếu chấm",
				Cells: []WCell{
					{Row: 1, Col: 1, Text: "UBND TỈNH VĨNH PHÚC", Style: StyleTitle},
					{Row: 3, Col: 1, Text: "Nội dung", Style: StyleHeader},
					{Row: 3, Col: 2, Text: "Điểm chuẩn", Style: StyleHeader},
					{Row: 3, Col: 3, Text: "Tự chấm", Style: StyleHeader},
					{Row: 4, Col: 1, Text: "1. Ban hành kế hoạch", Style: StyleCell},
					{Row: 4, Col: 2, Num: Float(2.5), Style: StyleNumber},
					{Row: 4, Col: 3, Num: Float(2), Style: StyleInput},
					{Row: 5, Col: 1, Text: "2. Tuyên truyền", Style: StyleCell},
					{Row: 5, Col: 2, Num: Float(1.25), Style: StyleNumber},
					{Row: 5, Col: 3, Text: "12,5", Style: StyleInput}, // typed as text with a decimal comma
					{Row: 6, Col: 1, Text: "Tổng điểm", Style: StyleBold},
					{Row: 6, Col: 2, Formula: "=SUM(B4:B5)", Num: Float(3.75), Style: StyleNumber},
					{Row: 6, Col: 3, Formula: "SUM(C4:C5)", Num: Float(2), Style: StyleNumber},
					{Row: 7, Col: 1, Text: "0.1+0.2"},
					{Row: 7, Col: 2, Num: Float(0.1 + 0.2)},
					{Row: 7, Col: 3, Num: Float(2.9999999999999996)}, // rounded, not truncated to 2.99999999999999
					{Row: 8, Col: 3, Num: Float(12.50), Style: StyleNumber},
					{Row: 9, Col: 1, Text: "Ghi chú", Style: StyleItalic},
					{Row: 10, Col: 3, Style: StyleInput}, // empty input cell: styled, no value
				},
				Merges:    []string{"A1:F1"},
				ColWidths: map[int]float64{1: 50, 2: 12, 3: 12},
				Validations: []Validation{{
					Range: "C4:C5", Min: 0, MaxFormula: "B4",
					ErrorTitle: "Điểm không hợp lệ", ErrorMsg: "Điểm phải từ 0 đến điểm chuẩn",
					PromptTitle: "Tự chấm", PromptMsg: "Nhập điểm tự chấm",
				}},
				FreezeRows: 3,
			},
			{
				Name:   "Danh sách",
				Hidden: true,
				Cells:  []WCell{{Row: 2, Col: 2, Text: "Sở Nội vụ"}},
			},
		},
	}
}

func writeBytes(t testing.TB, b WBook) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, b); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestWriteReadRoundTrip(t *testing.T) {
	book, err := Read(bytes.NewReader(writeBytes(t, scoringBook())), DefaultLimits())
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(book.Sheets) != 2 {
		t.Fatalf("got %d sheets, want 2", len(book.Sheets))
	}
	s := book.Sheets[0]
	if s.Name != "Phiếu chấm" || s.Hidden {
		t.Errorf("sheet 1 = %q hidden=%v", s.Name, s.Hidden)
	}
	want := [][]string{
		{"UBND TỈNH VĨNH PHÚC"},
		nil,
		{"Nội dung", "Điểm chuẩn", "Tự chấm"},
		{"1. Ban hành kế hoạch", "2.5", "2"},
		{"2. Tuyên truyền", "1.25", "12,5"}, // no conversion of the comma
		{"Tổng điểm", "3.75", "2"},          // cached formula values
		{"0.1+0.2", "0.3", "3"},             // stored with 15 digits
		{"", "", "12.5"},                    // raw, not "12.50"
		{"Ghi chú"},
	}
	if !reflect.DeepEqual(s.Rows, want) {
		t.Errorf("rows:\n got %q\nwant %q", s.Rows, want)
	}
	if wantF := map[[2]int]bool{{6, 2}: true, {6, 3}: true}; !reflect.DeepEqual(s.Formula, wantF) {
		t.Errorf("formula cells = %v, want %v", s.Formula, wantF)
	}
	if wantM := []Merge{{1, 1, 1, 6, "UBND TỈNH VĨNH PHÚC"}}; !reflect.DeepEqual(s.Merges, wantM) {
		t.Errorf("merges = %+v, want %+v", s.Merges, wantM)
	}
	h := book.Sheets[1]
	if h.Name != "Danh sách" || !h.Hidden || h.Cell(2, 2) != "Sở Nội vụ" || h.Formula != nil {
		t.Errorf("sheet 2 = %+v", h)
	}
}

// TestWriteStructure checks what Read does not report: numeric cells,
// formulas, styles, validation, panes, widths, active sheet.
func TestWriteStructure(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(writeBytes(t, scoringBook())))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Phiếu chấm", "Danh sách"}) {
		t.Errorf("sheets = %q (default Sheet1 must be gone)", got)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 0", f.GetActiveSheetIndex())
	}
	const sh = "Phiếu chấm"
	// A numeric cell has no t attribute, which excelize reports as unset.
	for _, c := range []struct {
		cell string
		typ  excelize.CellType
	}{{"B4", excelize.CellTypeUnset}, {"C4", excelize.CellTypeUnset}, {"C5", excelize.CellTypeSharedString}} {
		if got, _ := f.GetCellType(sh, c.cell); got != c.typ {
			t.Errorf("%s type = %v, want %v", c.cell, got, c.typ)
		}
	}
	if got, _ := f.GetCellFormula(sh, "B6"); got != "SUM(B4:B5)" {
		t.Errorf("B6 formula = %q", got)
	}
	if got, _ := f.GetCellValue(sh, "B4"); got != "2.50" {
		t.Errorf("B4 formatted = %q, want 2.50 (0.00 format)", got)
	}
	for _, cell := range []string{"A1", "A3", "C10"} {
		if id, _ := f.GetCellStyle(sh, cell); id == 0 {
			t.Errorf("%s has no style", cell)
		}
	}
	in, _ := f.GetCellStyle(sh, "C10")
	st, err := f.GetStyle(in)
	if err != nil || st.Protection == nil || st.Protection.Locked || st.Fill.Color[0] != "FFF2CC" {
		t.Errorf("input style = %+v (%v)", st, err)
	}
	dvs, err := f.GetDataValidations(sh)
	if err != nil || len(dvs) != 1 {
		t.Fatalf("validations = %v, %v", dvs, err)
	}
	dv := dvs[0]
	if dv.Sqref != "C4:C5" || dv.Type != "decimal" || dv.Operator != "between" || dv.Formula1 != "0" || dv.Formula2 != "B4" ||
		*dv.ErrorTitle != "Điểm không hợp lệ" || *dv.Prompt != "Nhập điểm tự chấm" {
		t.Errorf("validation = %+v", dv)
	}
	p, err := f.GetPanes(sh)
	if err != nil || !p.Freeze || p.YSplit != 3 || p.TopLeftCell != "A4" {
		t.Errorf("panes = %+v, %v", p, err)
	}
	if w, _ := f.GetColWidth(sh, "A"); w != 50 {
		t.Errorf("width A = %v", w)
	}
}

func TestWriteDeterministic(t *testing.T) {
	first := writeBytes(t, scoringBook())
	for i := 0; i < 5; i++ {
		if !bytes.Equal(first, writeBytes(t, scoringBook())) {
			t.Fatalf("write %d differs from the first", i+2)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !zf.Modified.IsZero() && zf.Modified.Year() > 1980 {
			t.Errorf("%s has a timestamp %v", zf.Name, zf.Modified)
		}
		if zf.Name == "docProps/core.xml" {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if !strings.Contains(string(b), fixedTime) {
				t.Errorf("core.xml without the fixed date: %s", b)
			}
		}
	}
}

func TestWriteRejects(t *testing.T) {
	one := func(s WSheet) WBook { return WBook{Sheets: []WSheet{s}} }
	for _, tc := range []struct {
		name string
		b    WBook
		want string
	}{
		{"no sheets", WBook{}, "xlsx: workbook has no sheets"},
		{"duplicate", WBook{Sheets: []WSheet{{Name: "A"}, {Name: "a"}}}, `xlsx: duplicate sheet name "a"`},
		{"hidden first", one(WSheet{Name: "A", Hidden: true}), `xlsx: sheet "A": the first sheet is the active one and cannot be hidden`},
		{"zero row", one(WSheet{Name: "A", Cells: []WCell{{Row: 0, Col: 1, Text: "x"}}}), `xlsx: sheet "A": cell R0C1: row and column are 1-based, got (0, 1)`},
		{"text and num", one(WSheet{Name: "A", Cells: []WCell{{Row: 1, Col: 1, Text: "x", Num: Float(1)}}}), `xlsx: sheet "A": cell A1: both Text and Num set`},
		{"bad merge", one(WSheet{Name: "A", Merges: []string{"A1"}}), `xlsx: sheet "A": merge "A1": want a range like A1:F1`},
		{"long title", one(WSheet{Name: "A", Validations: []Validation{{Range: "A1", ErrorTitle: strings.Repeat("x", 33)}}}),
			`xlsx: sheet "A": validation A1: message "` + strings.Repeat("x", 33) + `" longer than Excel's 32 characters`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(io.Discard, tc.b)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestWriteValidationAllowText: a validation with AllowText accepts a
// number in bounds or that text, through a custom formula relative to the
// range's first cell.
func TestWriteValidationAllowText(t *testing.T) {
	b := WBook{Sheets: []WSheet{{Name: "Phiếu", Validations: []Validation{
		{Range: "D5:D40", MaxFormula: "C5", AllowText: "Không áp dụng", ErrorTitle: "Điểm không hợp lệ"},
		{Range: "F5", Min: 1, AllowText: `"x" & y`},
	}}}}
	f, err := excelize.OpenReader(bytes.NewReader(writeBytes(t, b)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dvs, err := f.GetDataValidations("Phiếu")
	if err != nil || len(dvs) != 2 {
		t.Fatalf("validations = %v, %v", dvs, err)
	}
	for i, want := range []string{
		`OR(AND(ISNUMBER(D5),D5>=0,D5<=C5),D5="Không áp dụng")`,
		`OR(AND(ISNUMBER(F5),F5>=1),F5="""x"" & y")`,
	} {
		dv := dvs[i]
		if dv.Type != "custom" || dv.Operator != "" || dv.Formula1 != want || dv.Formula2 != "" || !dv.AllowBlank {
			t.Errorf("validation %d = type %q operator %q formula1 %q formula2 %q blank %v, want custom %s",
				i, dv.Type, dv.Operator, dv.Formula1, dv.Formula2, dv.AllowBlank, want)
		}
	}
	long := Validation{Range: "A1", AllowText: strings.Repeat("x", 250)}
	if err := Write(io.Discard, WBook{Sheets: []WSheet{{Name: "A", Validations: []Validation{long}}}}); err == nil ||
		!strings.Contains(err.Error(), "longer than Excel's 255 characters") {
		t.Errorf("long formula: %v", err)
	}
}
