package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sameAsOracle reads data with Read and with the previous two-pass reader
// and fails on any difference in sheets or error text.
func sameAsOracle(t *testing.T, label string, data []byte, lim Limits) {
	t.Helper()
	got, gerr := Read(bytes.NewReader(data), lim)
	want, werr := oracleRead(data, lim)
	if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
		t.Fatalf("%s: error %v, oracle %v", label, gerr, werr)
	}
	if gerr != nil {
		return
	}
	for i := range want.Sheets {
		// The oracle's maps are empty rather than nil on sheets without
		// formulas; Read's API documents nil.
		if len(want.Sheets[i].Formula) == 0 {
			want.Sheets[i].Formula = nil
		}
	}
	if !reflect.DeepEqual(got, want) {
		for i := range want.Sheets {
			if i < len(got.Sheets) && !reflect.DeepEqual(got.Sheets[i], want.Sheets[i]) {
				t.Fatalf("%s: sheet %q differs\n got %#v\nwant %#v", label, want.Sheets[i].Name, got.Sheets[i], want.Sheets[i])
			}
		}
		t.Fatalf("%s: books differ: %d vs %d sheets", label, len(got.Sheets), len(want.Sheets))
	}
}

var texts = []string{
	"Sở Nội vụ", "Tổng điểm", "a & b < c > d \"e\" 'f'", "_x0041_BC", "_x005F_x0041_", "a_xD800_b", "_xZZZZ_",
	"dòng 1\r\ndòng 2", "cr\ronly", "  khoảng trắng  ", "12,5", "0.30000000000000004", "TRUE", "=SUM(A1)", "]]>",
	"<script>alert(1)</script>", "tab\there", strings.Repeat("dài ", 40),
}

var numbers = []string{"1", "0", "-2.5", "12.50", "0.30000000000000004", "7.0999999999999996", "1E-3", "2.5e+20",
	"123456789012345678", "43831", "99.999999999999986", "", "1.1000000000000001"}

func ptr(s string) *string { return &s }

// randomBook builds a workbook with excelize exercising every cell type
// the readers handle.
func randomBook(t *testing.T, rng *rand.Rand) []byte {
	return fixture(t, func(f *excelize.File) {
		date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		var numStyles []int
		for _, st := range []*excelize.Style{{NumFmt: 2}, {NumFmt: 4}, {NumFmt: 10}, {NumFmt: 11}, {NumFmt: 0},
			{CustomNumFmt: ptr("0.000")}, {CustomNumFmt: ptr("#,##0.0;[Red]-#,##0.0")}, {CustomNumFmt: ptr("dd/mm/yyyy")}} {
			id, err := f.NewStyle(st)
			must(t, err)
			numStyles = append(numStyles, id)
		}
		nsheets := 1 + rng.IntN(3)
		for s := 0; s < nsheets; s++ {
			name := fmt.Sprintf("Trang %d", s+1)
			if s == 0 {
				must(t, f.SetSheetName("Sheet1", name))
			} else {
				_, err := f.NewSheet(name)
				must(t, err)
			}
			rows := rng.IntN(30)
			for r := 1; r <= rows; r++ {
				if rng.IntN(5) == 0 {
					continue // a gap
				}
				for c := 1; c <= 1+rng.IntN(9); c++ {
					cell := CellName(r, c)
					switch rng.IntN(13) {
					case 0: // left empty
					case 1, 2:
						must(t, f.SetCellStr(name, cell, texts[rng.IntN(len(texts))]))
					case 3, 4:
						must(t, f.SetCellDefault(name, cell, numbers[rng.IntN(len(numbers))]))
					case 5:
						must(t, f.SetCellBool(name, cell, rng.IntN(2) == 0))
					case 6:
						must(t, f.SetCellDefault(name, cell, numbers[rng.IntN(len(numbers))]))
						must(t, f.SetCellFormula(name, cell, "A1*2"))
					case 7: // inline string
						must(t, f.SetCellDefault(name, cell, texts[rng.IntN(len(texts))]))
					case 8:
						must(t, f.SetCellRichText(name, cell, []excelize.RichTextRun{
							{Text: texts[rng.IntN(len(texts))]}, {Text: "đậm", Font: &excelize.Font{Bold: true}}, {Text: texts[rng.IntN(len(texts))]},
						}))
					case 9:
						must(t, f.SetCellValue(name, cell, 40000+rng.IntN(9000)))
						must(t, f.SetCellStyle(name, cell, cell, date))
					case 10:
						must(t, f.SetCellFormula(name, cell, "B2+1")) // no cached value
					case 11: // a number under a number format
						must(t, f.SetCellDefault(name, cell, numbers[rng.IntN(len(numbers))]))
						must(t, f.SetCellStyle(name, cell, cell, numStyles[rng.IntN(len(numStyles))]))
					case 12: // text or a boolean under a number format
						if rng.IntN(2) == 0 {
							must(t, f.SetCellStr(name, cell, texts[rng.IntN(len(texts))]))
						} else {
							must(t, f.SetCellBool(name, cell, true))
						}
						must(t, f.SetCellStyle(name, cell, cell, numStyles[rng.IntN(len(numStyles))]))
					}
				}
			}
			for m := 0; m < rng.IntN(3); m++ {
				r, c := 1+rng.IntN(20), 1+rng.IntN(8)
				must(t, f.MergeCell(name, CellName(r, c), CellName(r+rng.IntN(3), c+1+rng.IntN(3))))
			}
			if s > 0 && rng.IntN(3) == 0 {
				must(t, f.SetSheetVisible(name, false))
			}
		}
	})
}

func TestReadMatchesOracleRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	lims := []Limits{{}, {MaxRows: 12}, {MaxCols: 5}, {MaxCellBytes: 20}, {MaxXMLBytes: 1 << 10}}
	for i := 0; i < 150; i++ {
		data := randomBook(t, rng)
		sameAsOracle(t, fmt.Sprintf("book %d", i), data, lims[i%len(lims)])
	}
	sameAsOracle(t, "scoringBook", writeBytes(t, scoringBook()), Limits{})
}

// TestReadMatchesOracleXML feeds hand-written worksheet XML the writers of
// real files produce (prefixes, CRLF, comments, entities, missing r
// attributes, error and date cells) and expects the previous reader's result.
func TestReadMatchesOracleXML(t *testing.T) {
	base := fixture(t, func(f *excelize.File) {
		must(t, f.SetSheetName("Sheet1", "Data"))
		must(t, f.SetCellStr("Data", "A1", "chuỗi 0"))
		must(t, f.SetCellStr("Data", "A2", "chuỗi & 1"))
		must(t, f.SetCellRichText("Data", "A3", []excelize.RichTextRun{{Text: "giàu "}, {Text: "có", Font: &excelize.Font{Bold: true}}}))
	})
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n"
	for i, sheet := range []string{
		`<worksheet xmlns="` + nsMain + `"><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>2.5</v></c></row></sheetData></worksheet>`,
		`<x:worksheet xmlns:x="` + nsMain + `"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>2</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B2:C3"/></x:mergeCells></x:worksheet>`,
		`<worksheet><sheetData><row><c><v>1</v></c><c><v>0.30000000000000004</v></c></row><row><c t="e"><v>#DIV/0!</v></c><c t="d"><v>2024-01-02T00:00:00Z</v></c><c t="str"><f>A1</f><v>x&amp;y</v></c></row></sheetData></worksheet>`,
		`<worksheet><!-- comment --><sheetData><row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> a&#x20;b&#65;</t></is></c><c r="C3" t="inlineStr"><is><r><t>r1</t></r><r><rPr><b/></rPr><t>r2</t></r><rPh><t>ph</t></rPh></is></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v> 0 </v></c><c r="B1" t="s"><v>99</v></c><c r="C1" t="s"><v>x</v></c><c r="D1" t="s"/><c r="E1"><f>1+1</f></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="A1"><v><![CDATA[12]]></v></c></row><row r="4" spans="1:3"><c r="C4" s="0"><v>` + "1\r\n" + `</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="$B$1"><v>1</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="A0"><v>1</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="x"><c><v>1</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="2000000"><c><v>1</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet`,
		`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetDota></worksheet>`,
	} {
		data := replacePart(t, base, "xl/worksheets/sheet1.xml", head+sheet)
		sameAsOracle(t, fmt.Sprintf("sheet %d", i), data, Limits{MaxCols: 30})
	}
}

// TestReadMatchesOracleDir compares the readers on every workbook under
// $PARINDEX_XLSX_ORACLE_DIR (for example a generated benchmark input).
func TestReadMatchesOracleDir(t *testing.T) {
	dir := os.Getenv("PARINDEX_XLSX_ORACLE_DIR")
	if dir == "" {
		t.Skip("PARINDEX_XLSX_ORACLE_DIR not set")
	}
	n := 0
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".xlsx") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sameAsOracle(t, p, data, Limits{})
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d workbooks agree", n)
}

// tokens lists what a tokenizer yields until EOF or an error.
func tokens(tz tokenizer) ([]string, error) {
	var out []string
	var t xmlToken
	for {
		err := tz.next(&t)
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return out, err
		}
		switch t.kind {
		case tokStart:
			s := "<" + string(t.local)
			for _, a := range t.attrs {
				s += fmt.Sprintf(" %s=%q", a.local, a.value)
			}
			out = append(out, s+">")
		case tokEnd:
			out = append(out, "</"+string(t.local)+">")
		case tokText:
			out = append(out, fmt.Sprintf("%q", t.text))
		}
	}
}

// checkTokenizers: whatever the fast scanner accepts, encoding/xml reads
// to the same tokens without error; what it declines, it declines before
// yielding any token encoding/xml would not.
func checkTokenizers(t *testing.T, doc []byte) {
	std, serr := tokens(newStdTokenizer(bytes.NewReader(doc)))
	z, err := newFastTokenizer(doc)
	if err != nil {
		return
	}
	fast, ferr := tokens(z)
	if ferr != nil && ferr != errFallback {
		t.Fatalf("%q: fast error %v", doc, ferr)
	}
	if ferr == nil && serr != nil {
		t.Fatalf("%q: fast accepted, encoding/xml: %v", doc, serr)
	}
	if len(fast) > len(std) || strings.Join(fast, "\x00") != strings.Join(std[:len(fast)], "\x00") || ferr == nil && len(fast) != len(std) {
		t.Fatalf("%q:\nfast %q (%v)\n std %q (%v)", doc, fast, ferr, std, serr)
	}
}

var xmlBits = []string{
	"<a>", "</a>", "<b:c>", "</b:c>", "<d/>", "<e x=\"1\">", "</e>", "<e x='&amp;&lt;&gt;&quot;&apos;' y=\"2\">", "<a:b:c>",
	"text", " ", "\r\n", "\r", "&amp;", "&#65;", "&#x1F600;", "&#0;", "&#xD800;", "&bogus;", "&amp", "]]>", "]]",
	"<!-- c -->", "<![CDATA[x]]>", "<?pi x?>", "<", ">", "'", "\"", "=", "<f a=\"<\">", "<f a=b>", "<f a>", "<:g>", "<h: >",
	"<v>1</v>", "<t xml:space=\"preserve\"> </t>", "\x01", "\xff", "é", "<é>", "<i\tx = \"1\"\r\n/>", "</a >", "</ a>",
	"<j x=\"1\"y=\"2\">", "</j>", "&#x;", "&#65", "\uFFFE", "<k x=\"a\rb\r\nc\">", "</k>",
}

func randomXML(rng *rand.Rand) []byte {
	var b bytes.Buffer
	if rng.IntN(3) == 0 {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	}
	for n := rng.IntN(14); n > 0; n-- {
		b.WriteString(xmlBits[rng.IntN(len(xmlBits))])
	}
	return b.Bytes()
}

func TestTokenizersAgree(t *testing.T) {
	for _, doc := range []string{
		"", "<a/>", `<?xml version="1.0" encoding="UTF-8"?><a b="c">d&amp;e</a>`, `<?xml version="1.0" encoding="windows-1252"?><a/>`,
		"<a><b:c d:e='f'>g\r\nh</b:c></a>", "<a>", "</a>", "<a></b>", "<a><b></a></b>", "\ufeff<a/>", "<a>]]></a>",
		`<x:a xmlns:x="u"><x:b/></x:a>`, "<a>&#x10FFFF;&#1114112;</a>",
	} {
		checkTokenizers(t, []byte(doc))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		checkTokenizers(t, randomXML(rng))
	}
}

func FuzzTokenizers(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="x"><si><t>a&amp;b</t></si></sst>`))
	f.Add([]byte("<a:b c='d'>\r\n&#65;</a:b>"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		checkTokenizers(t, doc)
	})
}

var sstDocs = []string{
	`<sst xmlns="` + nsMain + `" count="3"><si><t>a</t></si><si><r><t>b</t></r><r><rPr><b/></rPr><t xml:space="preserve"> c</t></r></si><si/><si><t>x</t><t>y</t></si></sst>`,
	`<sst xmlns="` + nsMain + `"><si><t>_x0041__x005F_x0042_</t><rPh><t>ph</t></rPh></si><si><r><t>1</t><t>2</t></r><r/></si><x><si><t>nested</t></si></x></sst>`,
	`<sst xmlns="` + nsMain + `"><si><t>a<b>skip</b>c</t></si><si><t><t>inner</t></t></si></sst>trailing <junk`,
	`<sst xmlns="` + nsMainStrict + `"><si><t>strict</t></si></sst>`,
	`<sst><si><t>no namespace</t></si></sst>`,
	`<other xmlns="` + nsMain + `"><si><t>x</t></si></other>`,
	`<sst xmlns="` + nsMain + `"><si><t>unterminated</t></si>`,
	"",
}

func checkSST(t *testing.T, doc string) {
	fast, ferr := fastSST([]byte(doc))
	if ferr == errFallback {
		return
	}
	std, serr := stdSST(strings.NewReader(doc))
	if fmt.Sprint(ferr) != fmt.Sprint(serr) || !reflect.DeepEqual(fast, std) {
		t.Errorf("%q:\nfast %q %v\n std %q %v", doc, fast, ferr, std, serr)
	}
}

func FuzzSST(f *testing.F) {
	for _, d := range sstDocs {
		f.Add(d)
	}
	f.Fuzz(checkSST)
}

// TestSSTAgree compares the fast shared-string reader with the
// encoding/xml one.
func TestSSTAgree(t *testing.T) {
	for _, doc := range sstDocs {
		checkSST(t, doc)
	}
}

func TestRoundExcelMatchesOracle(t *testing.T) {
	cases := append([]string{"", "-", ".", "0", "00012", "1e400", "-0.000000000000000001", "1.0000000000000000", "9007199254740993",
		"12345678901234567890.5", "abc", "1,5", "0.1E-5", "1e"}, numbers...)
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 5000; i++ {
		cases = append(cases, fmt.Sprint(rng.Float64()*float64(rng.IntN(100000))), fmt.Sprint(rng.NormFloat64()/1e6))
	}
	for _, v := range cases {
		got, gok := roundExcel([]byte(v))
		want, wok := oracleRoundExcel(v)
		if got != want || gok != wok {
			t.Errorf("roundExcel(%q) = %q, %v; oracle %q, %v", v, got, gok, want, wok)
		}
	}
}

// checkScan runs the sheet scan on doc with both tokenizers: it must not
// panic, and where the fast scanner accepts the document both give the
// same grid, formulas, merges and error.
func checkScan(t *testing.T, doc []byte) {
	sst := func() ([]string, error) { return []string{"không", "một & hai"}, nil }
	fmts := func() []NumFormat { return []NumFormat{0, FixedFormat(2, false), 0, FixedFormat(1, true)} }
	lim := Limits{MaxRows: 50, MaxCols: 10, MaxCellBytes: 40}.normalized()
	std := newSheetScan("S", lim, sst, fmts, map[string]string{})
	serr := std.run(newStdTokenizer(bytes.NewReader(doc)))
	z, err := newFastTokenizer(doc)
	if err != nil {
		return
	}
	fast := newSheetScan("S", lim, sst, fmts, map[string]string{})
	ferr := fast.run(z)
	if ferr == errFallback {
		return
	}
	if fmt.Sprint(ferr) != fmt.Sprint(serr) {
		t.Fatalf("%q: fast error %v, std %v", doc, ferr, serr)
	}
	if ferr == nil && (!reflect.DeepEqual(fast.rows, std.rows) || !reflect.DeepEqual(fast.formulas, std.formulas) || !reflect.DeepEqual(fast.merges, std.merges) || !reflect.DeepEqual(fast.formats, std.formats)) {
		t.Fatalf("%q:\nfast %q %v %q %v\n std %q %v %q %v", doc, fast.rows, fast.formulas, fast.merges, fast.formats, std.rows, std.formulas, std.merges, std.formats)
	}
}

// randomSheet writes a well-formed worksheet of random shape: mostly rows
// of cells, with elements nested where they do not belong, odd attributes,
// entities and line ends.
func randomSheet(rng *rand.Rand) []byte {
	names := []string{"row", "c", "c", "c", "v", "v", "f", "is", "t", "r", "rPh", "x:c", "x:v", "extLst", "sheetData", "mergeCell"}
	attrs := map[string][][2]string{
		"row": {{"r", "3"}, {"r", "12"}, {"r", "1"}, {"spans", "1:5"}, {"x14ac:dyDescent", "0.25"}},
		"c": {{"r", "B2"}, {"r", "A1"}, {"r", "C7"}, {"r", "D1"}, {"r", "E4"}, {"r", "$B$3"}, {"s", "3"},
			{"t", "s"}, {"t", "s"}, {"t", "b"}, {"t", "str"}, {"t", "inlineStr"}, {"t", "inlineStr"}, {"t", "e"}, {"t", "n"}},
		"": {{"ref", "A1:C2"}, {"ref", "B2"}, {"r", "D4"}, {"t", "s"}, {"xmlns:x", "u"}},
	}
	if rng.IntN(20) == 0 { // now and then a reference excelize rejects
		attrs["c"] = append(attrs["c"], [2]string{"r", "x"}, [2]string{"r", "AAAA1"}, [2]string{"r", ""})
		attrs["row"] = append(attrs["row"], [2]string{"r", "B2"}, [2]string{"r", ""})
	}
	texts := []string{"1", "0", " 0 ", "1.5", "0.30000000000000004", "a&amp;b", "&lt;x&gt;", "dòng\r\nhai", "_x0041_", "  ", "#N/A", "12345678901234567890"}
	var b bytes.Buffer
	var el func(depth int, name string)
	el = func(depth int, name string) {
		b.WriteString("<" + name)
		as := attrs[strings.TrimPrefix(name, "x:")]
		if as == nil {
			as = attrs[""]
		}
		for n := rng.IntN(3); n > 0; n-- {
			a := as[rng.IntN(len(as))]
			b.WriteString(" " + a[0] + `="` + a[1] + `"`)
		}
		if rng.IntN(6) == 0 {
			b.WriteString("/>")
			return
		}
		b.WriteString(">")
		for n := rng.IntN(5); n > 0 && depth < 6; n-- {
			if rng.IntN(3) == 0 {
				b.WriteString(texts[rng.IntN(len(texts))])
			} else {
				child := names[rng.IntN(len(names))]
				if name == "row" && rng.IntN(4) > 0 {
					child = "c"
				}
				el(depth+1, child)
			}
		}
		b.WriteString("</" + name + ">")
	}
	b.WriteString("<worksheet><sheetData>")
	for n := rng.IntN(8); n > 0; n-- {
		el(1, "row")
	}
	b.WriteString("</sheetData>")
	if rng.IntN(2) == 0 {
		b.WriteString(`<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="C3:C9"/></mergeCells>`)
	}
	b.WriteString("</worksheet>")
	return b.Bytes()
}

func TestScanAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for i := 0; i < 20000; i++ {
		checkScan(t, randomSheet(rng))
	}
}

func FuzzScan(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c t="inlineStr"><is><t>x</t><r><t>y</t></r></is></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row><c><f>A1</f><v>0.1</v></c></row><row r="3"><c r="C3" t="b"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`))
	f.Fuzz(checkScan)
}
