package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/xuri/excelize/v2"
)

// fixture builds a workbook directly with excelize, for shapes Write does
// not produce (booleans, float noise, gaps, huge sheets, encryption).
func fixture(t testing.TB, build func(f *excelize.File), opts ...excelize.Options) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var buf bytes.Buffer
	if err := f.Write(&buf, opts...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// zipOf builds a zip archive from name/content pairs.
func zipOf(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(files); i += 2 {
		w, err := zw.Create(files[i])
		must(t, err)
		_, err = w.Write([]byte(files[i+1]))
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

// replacePart rewrites one part of a zip, keeping the others.
func replacePart(t testing.TB, data []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		must(t, err)
		if zf.Name == name {
			_, err = w.Write([]byte(content))
		} else {
			rc, err2 := zf.Open()
			must(t, err2)
			var b bytes.Buffer
			_, err = b.ReadFrom(rc)
			rc.Close()
			must(t, err)
			_, err = w.Write(b.Bytes())
		}
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

func TestReadValues(t *testing.T) {
	data := fixture(t, func(f *excelize.File) {
		must(t, f.SetSheetName("Sheet1", "Data"))
		must(t, f.SetCellValue("Data", "A1", "Tên đơn vị"))
		must(t, f.SetCellBool("Data", "B1", true))
		must(t, f.SetCellBool("Data", "C1", false))
		// Float noise as Excel stores a cached SUM; read as Excel shows it.
		must(t, f.SetCellDefault("Data", "A3", "0.30000000000000004"))
		must(t, f.SetCellFormula("Data", "B3", "A3*1"))
		must(t, f.SetCellDefault("Data", "C3", "7.0999999999999996"))
		// Text that looks like float noise is text: left alone.
		must(t, f.SetCellStr("Data", "D3", "0.30000000000000004"))
		// Inline string and a date-formatted number (read as its serial).
		must(t, f.SetCellDefault("Data", "A5", "chuỗi nội tuyến"))
		must(t, f.SetCellValue("Data", "B5", 43831))
		date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		must(t, f.SetCellStyle("Data", "B5", "B5", date))
		must(t, f.MergeCell("Data", "A5", "A6"))
		must(t, f.MergeCell("Data", "C1", "XFD1")) // whole-row merge: clamped
	})
	book, err := Read(bytes.NewReader(data), Limits{MaxCols: 20})
	if err != nil {
		t.Fatal(err)
	}
	s := book.Sheets[0]
	want := [][]string{
		{"Tên đơn vị", "TRUE", "FALSE"},
		nil,
		{"0.3", "", "7.1", "0.30000000000000004"},
		nil,
		{"chuỗi nội tuyến", "43831"},
	}
	if !reflect.DeepEqual(s.Rows, want) {
		t.Errorf("rows:\n got %q\nwant %q", s.Rows, want)
	}
	if !s.Formula[[2]int{3, 2}] || len(s.Formula) != 1 {
		t.Errorf("formula = %v", s.Formula)
	}
	wantM := []Merge{{5, 1, 6, 1, "chuỗi nội tuyến"}, {1, 3, 1, 20, "FALSE"}}
	if !reflect.DeepEqual(s.Merges, wantM) {
		t.Errorf("merges = %+v, want %+v", s.Merges, wantM)
	}
	if got := s.Cell(99, 1) + s.Cell(1, 99) + s.Cell(0, 0); got != "" {
		t.Errorf("Cell outside the grid = %q", got)
	}
}

func TestCellName(t *testing.T) {
	for _, c := range []struct {
		row, col int
		want     string
	}{{3, 2, "B3"}, {1, 1, "A1"}, {7, 26, "Z7"}, {1, 27, "AA1"}, {10, 702, "ZZ10"}, {1, 703, "AAA1"}, {1, 16384, "XFD1"}, {0, 1, "R0C1"}} {
		if got := CellName(c.row, c.col); got != c.want {
			t.Errorf("CellName(%d, %d) = %q, want %q", c.row, c.col, got, c.want)
		}
	}
}

// manyRows writes n rows of a and b columns into sheet "Data".
func manyRows(t testing.TB, n int, v any) []byte {
	return fixture(t, func(f *excelize.File) {
		must(t, f.SetSheetName("Sheet1", "Data"))
		for r := 1; r <= n; r++ {
			must(t, f.SetSheetRow("Data", CellName(r, 1), &[]any{v, v, v, v}))
		}
	})
}

func TestReadHostile(t *testing.T) {
	small := fixture(t, func(f *excelize.File) {
		must(t, f.SetSheetName("Sheet1", "Data"))
		must(t, f.SetSheetRow("Data", "A1", &[]any{"Nội dung", "Điểm"}))
		must(t, f.SetSheetRow("Data", "A2", &[]any{"Ủy ban nhân dân", 1.5}))
		must(t, f.SetSheetRow("Data", "A3", &[]any{1, 2, 3, 4, 5}))
	})
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	encrypted := fixture(t, func(f *excelize.File) {
		must(t, f.SetCellValue("Sheet1", "A1", "bí mật"))
	}, excelize.Options{Password: "matkhau"})
	// 20 000 identical rows deflate to little but inflate to over 1 MiB.
	bomb := manyRows(t, 20_000, 123456789)
	if len(bomb) >= 256<<10 {
		t.Fatalf("bomb fixture is %d bytes, want it compressed below the limit", len(bomb))
	}

	for _, tc := range []struct {
		name string
		data []byte
		lim  Limits
		kind error
		want string
	}{
		{"empty file", nil, Limits{}, ErrNotXLSX, "not an .xlsx workbook (empty file)"},
		{"text file", []byte("Tên đơn vị;Điểm\nSở Nội vụ;85,5\n"), Limits{}, ErrNotXLSX, "not an .xlsx workbook (not a zip archive)"},
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), Limits{}, ErrNotXLSX, "not an .xlsx workbook (PDF file?)"},
		{"html as xls", []byte("\ufeff<html><body><table><tr><td>1</td></tr></table>"), Limits{}, ErrNotXLSX, "not an .xlsx workbook (HTML file?)"},
		{"old xls", ole, Limits{}, ErrNotXLSX, "not an .xlsx workbook (old .xls format?)"},
		{"encrypted", encrypted, Limits{}, ErrEncrypted, "workbook is encrypted (password-protected): save a copy without a password"},
		{"zip not workbook", zipOf(t, "readme.txt", "hello"), Limits{}, ErrNotXLSX, "not an .xlsx workbook (zip archive without a workbook)"},
		{"ods", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>"), Limits{}, ErrNotXLSX, "not an .xlsx workbook (OpenDocument spreadsheet?)"},
		{"xlsb", zipOf(t, "_rels/.rels", `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`, "xl/workbook.bin", "\x83\x01"),
			Limits{}, ErrNotXLSX, "not an .xlsx workbook (binary .xlsb workbook?)"},
		{"truncated zip", small[:len(small)/2], Limits{}, ErrNotXLSX, "not an .xlsx workbook (corrupt or truncated zip archive)"},
		{"file too large", small, Limits{MaxFileBytes: 1000}, ErrFileTooLarge, "file too large (over 1000 bytes)"},
		{"zip bomb", bomb, Limits{MaxUnzipBytes: 256 << 10}, ErrUnzipTooLarge, "workbook decompresses to over 256 KiB (zip bomb?)"},
		{"too many rows", manyRows(t, 11, "x"), Limits{MaxRows: 10}, ErrTooManyRows, "Data: too many rows (more than 10)"},
		{"too many columns", small, Limits{MaxCols: 3}, ErrTooManyCols, "Data!E3: too many columns (more than 3)"},
		{"cell too large", small, Limits{MaxCellBytes: 10}, ErrCellTooLarge, "Data!A2: cell text longer than 10 bytes"},
		{"malformed sheet", replacePart(t, small, "xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>`),
			Limits{}, ErrCorrupt, "Data: malformed sheet XML: XML syntax error on line 1: unexpected EOF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			book, err := Read(bytes.NewReader(tc.data), tc.lim)
			if err == nil {
				t.Fatalf("no error; read %d sheets", len(book.Sheets))
			}
			var xe *Error
			if !errors.As(err, &xe) || !errors.Is(err, tc.kind) {
				t.Errorf("error %v (%T) is not an *Error of kind %v", err, err, tc.kind)
			}
			if err.Error() != tc.want {
				t.Errorf("got  %q\nwant %q", err.Error(), tc.want)
			}
		})
	}
}

func TestReadFailingReader(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := Read(iotest.ErrReader(boom), Limits{})
	if !errors.Is(err, boom) || err.Error() != "cannot read file: disk on fire" {
		t.Errorf("got %v", err)
	}
}

// TestReadMillionRows streams a sheet of 1 000 000 rows (so large its XML is
// spilled to a temp file) and expects Read to stop at the default MaxRows
// quickly and to leave no temp file behind.
func TestReadMillionRows(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1 000 000-row workbook")
	}
	data := fixture(t, func(f *excelize.File) {
		sw, err := f.NewStreamWriter("Sheet1")
		must(t, err)
		row := make([]any, 2)
		for r := 1; r <= 1_000_000; r++ {
			row[0], row[1] = r, float64(r)/4
			must(t, sw.SetRow(CellName(r, 1), row))
		}
		must(t, sw.Flush())
	})
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	start := time.Now()
	_, err := Read(bytes.NewReader(data), DefaultLimits())
	elapsed := time.Since(start)
	if err == nil || err.Error() != "Sheet1: too many rows (more than 100000)" {
		t.Fatalf("got %v", err)
	}
	t.Logf("%d-byte file rejected in %v", len(data), elapsed)
	if elapsed > 15*time.Second {
		t.Errorf("took %v to reject", elapsed)
	}
	left, _ := os.ReadDir(tmp)
	if len(left) != 0 {
		t.Errorf("temp files left behind: %v", left)
	}
}

// TestReadSpilledSheet reads a sheet larger than MaxXMLBytes, which excelize
// reads from a temp file, and checks values, merges and cleanup.
func TestReadSpilledSheet(t *testing.T) {
	data := fixture(t, func(f *excelize.File) {
		for r := 1; r <= 2000; r++ {
			must(t, f.SetSheetRow("Sheet1", CellName(r, 1), &[]any{r, "Sở Nội vụ", 12.5}))
		}
		must(t, f.MergeCell("Sheet1", "B1", "C1"))
	})
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	book, err := Read(bytes.NewReader(data), Limits{MaxXMLBytes: 16 << 10})
	if err != nil {
		t.Fatal(err)
	}
	s := book.Sheets[0]
	if len(s.Rows) != 2000 || strings.Join(s.Rows[1999], "|") != "2000|Sở Nội vụ|12.5" || len(s.Merges) != 1 {
		t.Errorf("got %d rows, last %q, merges %v", len(s.Rows), s.Rows[len(s.Rows)-1], s.Merges)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temp files left behind: %v", left)
	}
}

// FuzzRead checks that no input makes Read panic or return a foreign error.
func FuzzRead(f *testing.F) {
	good := writeBytes(f, scoringBook())
	f.Add(good)
	f.Add(good[:len(good)-10])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0})
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Read(bytes.NewReader(data), Limits{MaxFileBytes: 1 << 20, MaxUnzipBytes: 4 << 20, MaxRows: 1000})
		var xe *Error
		if err != nil && !errors.As(err, &xe) {
			t.Fatalf("error %v is %T, not *Error", err, err)
		}
	})
}

// FuzzSheetXML feeds arbitrary worksheet XML inside an otherwise valid
// workbook, where the zip checksum no longer shields the parsers.
func FuzzSheetXML(f *testing.F) {
	base := writeBytes(f, WBook{Sheets: []WSheet{{Name: "Data"}}})
	f.Add(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c><f>A1</f><v>0.30000000000000004</v></c></row><row><c r="C2" t="b"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`)
	f.Add(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1048576"><x:c r="XFD1048576" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`)
	f.Fuzz(func(t *testing.T, sheet string) {
		data := replacePart(t, base, "xl/worksheets/sheet1.xml", sheet)
		_, err := Read(bytes.NewReader(data), Limits{MaxRows: 1000, MaxCols: 50})
		var xe *Error
		if err != nil && !errors.As(err, &xe) {
			t.Fatalf("error %v is %T, not *Error", err, err)
		}
	})
}
