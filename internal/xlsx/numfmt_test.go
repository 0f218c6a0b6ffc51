package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fmtText prints a NumFormat for test messages: "2", "2%" or "?".
func fmtText(f NumFormat) string {
	d, ok := f.Decimals()
	switch {
	case !ok:
		return "?"
	case f.Percent():
		return fmt.Sprintf("%d%%", d)
	}
	return fmt.Sprint(d)
}

// Rule: a format shows a fixed number of decimals when its first section
// is digit placeholders around an optional decimal point, with literals,
// colours and locales around them; the decimals are the placeholders
// after the point. General, scientific, dates, times, fractions, text,
// conditions and thousands scaling are unknown ("?").
func TestFormatOf(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"0", "0"},
		{"0.00", "2"},
		{"#,##0", "0"},
		{"#,##0.00", "2"},
		{"0%", "0%"},
		{"0.00%", "2%"},
		{"0.000", "3"},
		{"#,##0.0", "1"},
		{"0.0#", "2"},    // optional digits count: up to two are shown
		{"#.??", "2"},    // aligned digits
		{"0.", "0"},      // a point without decimals
		{".00", "2"},     // no integer digit
		{"0.00 %", "2%"}, // space before the percent sign
		{"#,##0.00_);(#,##0.00)", "2"},
		{"#,##0.00;[Red]-#,##0.00", "2"},
		{"[Blue]0.0;[Red]-0.0", "1"},
		{"[Color10]0.00", "2"},
		{`0.00 "điểm"`, "2"}, // quoted literal
		{`"Tổng: "0.0`, "1"}, // literal before
		{`"a.b"0`, "0"},      // a point inside a literal is not the decimal point
		{`0\.0`, "0"},        // escaped point: a literal
		{`0.0\%`, "1"},       // escaped percent: not a percentage
		{`"%"0.0`, "1"},      // quoted percent: not a percentage
		{"_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)", "2"}, // accounting
		{"#,##0 [$₫-42A]", "0"},                                    // currency tag
		{"[$-409]0.00", "2"},
		{"#,##0 ₫", "0"}, // an unquoted symbol
		{"0.000000000", "9"},
		{"General", "?"},
		{"general", "?"},
		{"", "?"},
		{"@", "?"},
		{"0.00E+00", "?"},
		{"##0.0E+0", "?"},
		{"# ?/?", "?"},
		{"d/m/yyyy", "?"},
		{"dd/mm/yyyy hh:mm", "?"},
		{"[h]:mm:ss", "?"},
		{"[mm]:ss", "?"},
		{"h:mm AM/PM", "?"},
		{"[>=100]0;0.00", "?"}, // the decimals depend on the value
		{"0.0,,", "?"},         // shown in millions
		{"#,##0,", "?"},        // shown in thousands
		{";;;", "?"},           // hidden
		{`"abc"`, "?"},
		{`0.0"`, "?"}, // unterminated literal
		{"[Red0.0", "?"},
	} {
		if got := fmtText(formatOf(c.code)); got != c.want {
			t.Errorf("formatOf(%q) = %s, want %s", c.code, got, c.want)
		}
	}
}

// Rule: built-in formats have fixed codes; only the fixed-decimal ones
// are known, and a code the file defines for an id wins.
func TestNumFormatByID(t *testing.T) {
	for _, c := range []struct {
		id   int
		want string
	}{
		{0, "?"}, {1, "0"}, {2, "2"}, {3, "0"}, {4, "2"}, {9, "0%"}, {10, "2%"},
		{11, "?"}, {12, "?"}, {14, "?"}, {22, "?"}, {37, "0"}, {38, "0"}, {39, "2"}, {40, "2"},
		{44, "?"}, {49, "?"}, {164, "?"},
	} {
		if got := fmtText(numFormatByID(c.id, nil)); got != c.want {
			t.Errorf("built-in %d = %s, want %s", c.id, got, c.want)
		}
	}
	if got := fmtText(numFormatByID(2, map[int]string{2: "0.0"})); got != "1" {
		t.Errorf("id 2 defined as 0.0 = %s", got)
	}
}

func TestFixedFormat(t *testing.T) {
	for _, c := range []struct {
		dec     int
		percent bool
		want    string
	}{{0, false, "0"}, {2, true, "2%"}, {30, false, "30"}, {99, false, "30"}, {-1, false, "0"}} {
		if got := fmtText(FixedFormat(c.dec, c.percent)); got != c.want {
			t.Errorf("FixedFormat(%d, %v) = %s, want %s", c.dec, c.percent, got, c.want)
		}
	}
	if fmtText(0) != "?" {
		t.Error("the zero NumFormat is not unknown")
	}
}

// formatsBook has numbers under built-in and custom formats, and text,
// booleans and formulas under numeric formats.
func formatsBook(t testing.TB) []byte {
	return fixture(t, func(f *excelize.File) {
		style := func(s *excelize.Style) int {
			id, err := f.NewStyle(s)
			must(t, err)
			return id
		}
		code := func(c string) *string { return &c }
		cells := []struct {
			ref   string
			value any
			style int
		}{
			{"A1", "Tên", 0},
			{"B1", 68.335212707519531, style(&excelize.Style{NumFmt: 2})},         // 0.00
			{"C1", 1234.5, style(&excelize.Style{NumFmt: 4})},                     // #,##0.00
			{"D1", 0.85536, style(&excelize.Style{NumFmt: 10})},                   // 0.00%
			{"E1", 0.855, style(&excelize.Style{NumFmt: 9})},                      // 0%
			{"F1", 5.306829, style(&excelize.Style{CustomNumFmt: code("0.000")})}, // custom
			{"G1", 91651.25, style(&excelize.Style{CustomNumFmt: code("#,##0.0")})},
			{"H1", 68.335212707519531, 0},                                             // General
			{"I1", 7.5, style(&excelize.Style{NumFmt: 1})},                            // 0
			{"J1", 43831, style(&excelize.Style{NumFmt: 14})},                         // a date
			{"K1", 1.5e-7, style(&excelize.Style{NumFmt: 11})},                        // 0.00E+00
			{"A2", "91,651", style(&excelize.Style{NumFmt: 2})},                       // text under 0.00
			{"B2", true, style(&excelize.Style{NumFmt: 2})},                           // boolean under 0.00
			{"C2", 3.14159, style(&excelize.Style{Font: &excelize.Font{Bold: true}})}, // bold, General
		}
		for _, c := range cells {
			must(t, f.SetCellValue("Sheet1", c.ref, c.value))
			if c.style != 0 {
				must(t, f.SetCellStyle("Sheet1", c.ref, c.ref, c.style))
			}
		}
		// Row 4: only General numbers; row 3 left empty.
		must(t, f.SetCellValue("Sheet1", "A4", 1.25))
	})
}

// Rule: Read reports the format of numeric cells only, as the file's
// styles define it; text, booleans, General and non-fixed formats are
// unknown; rows without a known format are nil.
func TestReadFormats(t *testing.T) {
	want := [][]string{
		{"?", "2", "2", "2%", "0%", "3", "1", "?", "0", "?", "?"},
		{"?", "?", "?"},
		nil,
		{"?"},
	}
	check := func(t *testing.T, s Sheet) {
		t.Helper()
		for r, row := range want {
			for c, w := range row {
				if got := fmtText(s.Format(r+1, c+1)); got != w {
					t.Errorf("%s: format %s, want %s", CellName(r+1, c+1), got, w)
				}
			}
		}
		if len(s.Formats) != 1 || len(s.Formats[0]) != 9 {
			t.Errorf("Formats not trimmed: %v", s.Formats)
		}
		if s.Format(0, 1) != 0 || s.Format(1, 0) != 0 || s.Format(99, 2) != 0 || s.Format(1, 99) != 0 {
			t.Error("a format outside the grid")
		}
	}
	data := formatsBook(t)
	book, err := Read(bytes.NewReader(data), Limits{})
	must(t, err)
	check(t, book.Sheets[0])
	sameAsOracle(t, "formatsBook", data, Limits{})

	// A sheet over MaxXMLBytes is read from the zip with encoding/xml:
	// the same formats.
	t.Run("spilled", func(t *testing.T) {
		book, err := Read(bytes.NewReader(data), Limits{MaxXMLBytes: 256})
		must(t, err)
		check(t, book.Sheets[0])
	})
	// A sheet outside the fast scanner's subset (a comment) is read by
	// encoding/xml from memory: the same formats.
	t.Run("fallback", func(t *testing.T) {
		sheet := readPart(t, data, "xl/worksheets/sheet1.xml")
		sheet = strings.Replace(sheet, "<sheetData>", "<!-- c --><sheetData>", 1)
		book, err := Read(bytes.NewReader(replacePart(t, data, "xl/worksheets/sheet1.xml", sheet)), Limits{})
		must(t, err)
		check(t, book.Sheets[0])
	})
}

// readPart returns one part of a zip.
func readPart(t testing.TB, data []byte, name string) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	defer f.Close()
	v, ok := f.Pkg.Load(name)
	if !ok {
		t.Fatalf("no part %s", name)
	}
	return string(v.([]byte))
}

// Rule: the styles part decides: a custom code the file defines, a cell
// style without numFmtId (General), an id nothing defines, the Strict
// namespace, an empty part. A broken part fails the workbook (excelize
// opens it), as before.
func TestReadFormatsStyles(t *testing.T) {
	base := fixture(t, func(f *excelize.File) {
		must(t, f.SetCellValue("Sheet1", "A1", 1.5))
		must(t, f.SetCellValue("Sheet1", "B1", 2.5))
		must(t, f.SetCellValue("Sheet1", "C1", 3.5))
	})
	sheet := `<worksheet xmlns="` + nsMain + `"><sheetData><row r="1"><c r="A1" s="1"><v>1.5</v></c><c r="B1" s="2"><v>2.5</v></c><c r="C1" s="3"><v>3.5</v></c></row></sheetData></worksheet>`
	base = replacePart(t, base, "xl/worksheets/sheet1.xml", sheet)
	styles := func(ns, numFmts string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="` + ns + `">` + numFmts +
			`<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf/><xf numFmtId="10"/></cellXfs></styleSheet>`
	}
	for _, c := range []struct {
		name, styles string
		want         []string
	}{
		{"custom", styles(nsMain, `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0000"/></numFmts>`), []string{"4", "?", "2%"}},
		{"strict", styles(nsMainStrict, `<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts>`), []string{"1", "?", "2%"}},
		{"undefined custom id", styles(nsMain, ""), []string{"?", "?", "2%"}},
		{"first definition wins", styles(nsMain, `<numFmts><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="164" formatCode="0.00"/></numFmts>`), []string{"1", "?", "2%"}},
		{"empty", ``, []string{"?", "?", "?"}},
		{"comment", strings.Replace(styles(nsMain, `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>`), "<cellXfs", "<!-- encoding/xml --><cellXfs", 1), []string{"1", "?", "2%"}},
		{"prefixed", `<x:styleSheet xmlns:x="` + nsMain + `"><x:numFmts><x:numFmt numFmtId=" 164 " formatCode="0.000;-0.000" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" x16r2:formatCode16="0.00000"/></x:numFmts><x:cellXfs><x:xf/><x:xf numFmtId="164"/><x:xf numFmtId="2"/><x:xf numFmtId=""/></x:cellXfs></x:styleSheet>`, []string{"3", "2", "?"}},
		{"foreign root", `<styleSheet xmlns="urn:x"><cellXfs><xf numFmtId="2"/><xf numFmtId="2"/></cellXfs></styleSheet>`, nil},
		{"broken", `<styleSheet xmlns="` + nsMain + `"><cellXfs><xf numFmtId="x"/></cellXfs></styleSheet>`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := replacePart(t, base, "xl/styles.xml", c.styles)
			sameAsOracle(t, c.name, data, Limits{})
			book, err := Read(bytes.NewReader(data), Limits{})
			if c.want == nil {
				if !errors.Is(err, ErrCorrupt) {
					t.Errorf("error %v, want a corrupt workbook", err)
				}
				return
			}
			must(t, err)
			s := book.Sheets[0]
			if !reflect.DeepEqual(s.Rows, [][]string{{"1.5", "2.5", "3.5"}}) {
				t.Errorf("rows %q", s.Rows)
			}
			var got []string
			for col := 1; col <= 3; col++ {
				got = append(got, fmtText(s.Format(1, col)))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("formats %v, want %v", got, c.want)
			}
		})
	}
}

// Rule: a later cell or row at the same position replaces the earlier
// one, its format too.
func TestReadFormatsReplaced(t *testing.T) {
	base := fixture(t, func(f *excelize.File) {
		must(t, f.SetCellValue("Sheet1", "A1", 1.5))
	})
	base = replacePart(t, base, "xl/styles.xml", `<styleSheet xmlns="`+nsMain+`"><cellXfs><xf/><xf numFmtId="2"/></cellXfs></styleSheet>`)
	for _, c := range []struct {
		name, rows string
		want       [][]NumFormat
	}{
		{"row", `<row r="1"><c r="A1" s="1"><v>1</v></c></row><row r="2"><c r="A2" s="1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>`,
			[][]NumFormat{{FixedFormat(2, false)}}},
		{"cell", `<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>1</v></c><c r="B1" s="1" t="str"><v>x</v></c></row>`,
			[][]NumFormat{{FixedFormat(2, false)}}},
		{"empty cell keeps", `<row r="1"><c r="A1" s="1"><v>1</v></c><c r="A1"/></row>`,
			[][]NumFormat{{FixedFormat(2, false)}}},
		{"formula without value", `<row r="1"><c r="A1" s="1"><v>1</v></c><c r="A1" s="1"><f>B1</f></c></row>`,
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := replacePart(t, base, "xl/worksheets/sheet1.xml", `<worksheet xmlns="`+nsMain+`"><sheetData>`+c.rows+`</sheetData></worksheet>`)
			book, err := Read(bytes.NewReader(data), Limits{})
			must(t, err)
			if got := book.Sheets[0].Formats; !reflect.DeepEqual(got, c.want) {
				t.Errorf("formats %v, want %v (rows %q)", got, c.want, book.Sheets[0].Rows)
			}
		})
	}
}
