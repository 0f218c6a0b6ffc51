package xlsx

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sameWorkbook writes b with Write and with the previous cell-by-cell
// writer and compares what a reader sees: Read's grids, and through
// excelize the styles, formulas, merges, validations, panes, widths, tabs
// and document properties.
func sameWorkbook(t *testing.T, label string, b WBook) {
	t.Helper()
	var nb, ob bytes.Buffer
	nerr, oerr := Write(&nb, b), oracleWrite(&ob, b)
	if fmt.Sprint(nerr) != fmt.Sprint(oerr) {
		t.Fatalf("%s: error %v, oracle %v", label, nerr, oerr)
	}
	if nerr != nil {
		t.Fatalf("%s: %v", label, nerr)
	}
	lim := Limits{MaxCols: 1000}
	got, err := Read(bytes.NewReader(nb.Bytes()), lim)
	if err != nil {
		t.Fatalf("%s: read new: %v", label, err)
	}
	want, err := Read(bytes.NewReader(ob.Bytes()), lim)
	if err != nil {
		t.Fatalf("%s: read old: %v", label, err)
	}
	// The previous writer typed a formula's cached number as text (t="str"),
	// so its number format was not a number's; Write stores a number.
	for i := range got.Sheets {
		if i < len(want.Sheets) {
			got.Sheets[i].Formats = formatsWithout(got.Sheets[i].Formats, got.Sheets[i].Formula)
			want.Sheets[i].Formats = formatsWithout(want.Sheets[i].Formats, want.Sheets[i].Formula)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: read back differs\n got %#v\nwant %#v", label, got, want)
	}
	nf, of, eq := openPair(t, label, nb.Bytes(), ob.Bytes())
	eq("sheets", nf.GetSheetList(), of.GetSheetList())
	eq("active sheet", nf.GetActiveSheetIndex(), of.GetActiveSheetIndex())
	np, _ := nf.GetDocProps()
	op, _ := of.GetDocProps()
	eq("doc props", np, op)
	for _, s := range b.Sheets {
		nv, _ := nf.GetSheetVisible(s.Name)
		ov, _ := of.GetSheetVisible(s.Name)
		eq(s.Name+" visible", nv, ov)
		npn, _ := nf.GetPanes(s.Name)
		opn, _ := of.GetPanes(s.Name)
		eq(s.Name+" panes", npn, opn)
		ndv, _ := nf.GetDataValidations(s.Name)
		odv, _ := of.GetDataValidations(s.Name)
		eq(s.Name+" validations", ndv, odv)
		nm, _ := nf.GetMergeCells(s.Name, true)
		om, _ := of.GetMergeCells(s.Name, true)
		eq(s.Name+" merges", nm, om)
		for c := 1; c <= 12; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			nw, _ := nf.GetColWidth(s.Name, name)
			ow, _ := of.GetColWidth(s.Name, name)
			eq(s.Name+" width "+name, nw, ow)
		}
		for _, c := range s.Cells {
			ref := CellName(c.Row, c.Col)
			ns, _ := nf.GetCellStyle(s.Name, ref)
			os, _ := of.GetCellStyle(s.Name, ref)
			eq(s.Name+"!"+ref+" style", ns, os)
			nfo, _ := nf.GetCellFormula(s.Name, ref)
			ofo, _ := of.GetCellFormula(s.Name, ref)
			eq(s.Name+"!"+ref+" formula", nfo, ofo)
			// Raw values: a formula's cached number is now stored as a
			// number (shown with the cell's format by viewers that do not
			// recalculate) where excelize's cell API typed it as text.
			raw := excelize.Options{RawCellValue: true}
			nval, _ := nf.GetCellValue(s.Name, ref, raw)
			oval, _ := of.GetCellValue(s.Name, ref, raw)
			eq(s.Name+"!"+ref+" value", nval, oval)
		}
	}
}

// writeTexts are the test texts without "_xHHHH_" escapes, which the
// previous writer stored unescaped, so reading them back decoded them: see
// TestWriteKeepsEscapeLikeText.
func writeTexts() []string {
	var out []string
	for _, s := range texts {
		if !strings.Contains(s, "_x") {
			out = append(out, s)
		}
	}
	return out
}

func randomWBook(rng *rand.Rand) WBook {
	texts := writeTexts()
	var b WBook
	b.Title = texts[rng.IntN(len(texts))]
	for s := 0; s < 1+rng.IntN(3); s++ {
		ws := WSheet{Name: fmt.Sprintf("Trang %d", s+1), Hidden: s > 0 && rng.IntN(3) == 0}
		for n := rng.IntN(60); n > 0; n-- {
			c := WCell{Row: 1 + rng.IntN(15), Col: 1 + rng.IntN(8), Style: Style(rng.IntN(int(numStyles)))}
			// Text and formulas go to different columns: the previous
			// writer cached a formula over text as the text's index in the
			// shared string table.
			switch rng.IntN(6) {
			case 0:
				c.Text = texts[rng.IntN(len(texts))]
				c.Col |= 1 // odd
			case 1:
				c.Num = Float(rng.NormFloat64() * 10)
			case 2:
				c.Num = Float(float64(rng.IntN(400)) / 4)
				c.Formula = "=SUM(A1:A2)"
				c.Col += c.Col & 1 // even
			case 3:
				c.Formula = "B1*2" // no cached value
				c.Col += c.Col & 1
			case 4: // style only
			case 5:
				c.Num = Float(0.1 + 0.2)
			}
			ws.Cells = append(ws.Cells, c)
		}
		for n := rng.IntN(4); n > 0; n-- {
			r, c := 1+rng.IntN(14), 1+rng.IntN(7)
			ws.Merges = append(ws.Merges, CellName(r, c)+":"+CellName(r+rng.IntN(3), c+rng.IntN(3)))
		}
		if rng.IntN(2) == 0 {
			ws.ColWidths = map[int]float64{1: 40, 2: 12, 3: 12, 5: 30}
		}
		if rng.IntN(2) == 0 {
			ws.Validations = []Validation{{Range: "C4:C9", MaxFormula: "B4", ErrorTitle: "Lỗi", ErrorMsg: "Điểm từ 0 đến tối đa", PromptMsg: "Nhập điểm"}, {Range: "D4", Min: 1}}
		}
		ws.FreezeRows = rng.IntN(3)
		b.Sheets = append(b.Sheets, ws)
	}
	return b
}

func TestWriteMatchesOracle(t *testing.T) {
	sameWorkbook(t, "scoringBook", scoringBook())
	rng := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 150; i++ {
		sameWorkbook(t, fmt.Sprintf("book %d", i), randomWBook(rng))
	}
}

// TestWriteKeepsEscapeLikeText: text that looks like an OOXML escape reads
// back as written.
func TestWriteKeepsEscapeLikeText(t *testing.T) {
	want := []string{"_x0041_BC", "_x005F_", "a_x00e9_b"}
	var cells []WCell
	for i, s := range want {
		cells = append(cells, WCell{Row: 1, Col: i + 1, Text: s})
	}
	book, err := Read(bytes.NewReader(writeBytes(t, WBook{Sheets: []WSheet{{Name: "A", Cells: cells}}})), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got := book.Sheets[0].Rows[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestWrittenDirsAgree compares the workbooks of two generated trees, e.g.
// the example written before and after a writer change:
// PARINDEX_XLSX_DIRS=old:new. Values, formulas and merges as Read sees
// them; styles, validations, panes and widths as excelize sees them.
func TestWrittenDirsAgree(t *testing.T) {
	dirs := os.Getenv("PARINDEX_XLSX_DIRS")
	oldDir, newDir, ok := strings.Cut(dirs, ":")
	if !ok {
		t.Skip("PARINDEX_XLSX_DIRS=old:new not set")
	}
	n := 0
	err := filepath.WalkDir(oldDir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".xlsx") {
			return err
		}
		rel, _ := filepath.Rel(oldDir, p)
		ob, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		nb, err := os.ReadFile(filepath.Join(newDir, rel))
		if err != nil {
			return err
		}
		sameFiles(t, rel, ob, nb)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d workbooks agree", n)
}

func sameFiles(t *testing.T, label string, ob, nb []byte) {
	t.Helper()
	lim := Limits{MaxCols: 1000}
	got, gerr := Read(bytes.NewReader(nb), lim)
	want, werr := Read(bytes.NewReader(ob), lim)
	if gerr != nil || werr != nil {
		t.Fatalf("%s: read: %v / %v", label, gerr, werr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: read back differs", label)
	}
	nf, of, eq := openPair(t, label, nb, ob)
	eq("sheets", nf.GetSheetList(), of.GetSheetList())
	eq("active sheet", nf.GetActiveSheetIndex(), of.GetActiveSheetIndex())
	for _, name := range of.GetSheetList() {
		nv, _ := nf.GetSheetVisible(name)
		ov, _ := of.GetSheetVisible(name)
		eq(name+" visible", nv, ov)
		npn, _ := nf.GetPanes(name)
		opn, _ := of.GetPanes(name)
		eq(name+" panes", npn, opn)
		ndv, _ := nf.GetDataValidations(name)
		odv, _ := of.GetDataValidations(name)
		eq(name+" validations", ndv, odv)
		nm, _ := nf.GetMergeCells(name, true)
		om, _ := of.GetMergeCells(name, true)
		eq(name+" merges", nm, om)
		rows, _ := of.GetRows(name)
		for c := 1; c <= 12; c++ {
			col, _ := excelize.ColumnNumberToName(c)
			nw, _ := nf.GetColWidth(name, col)
			ow, _ := of.GetColWidth(name, col)
			eq(name+" width "+col, nw, ow)
		}
		for r := 1; r <= len(rows)+2; r++ {
			for c := 1; c <= 12; c++ {
				ref := CellName(r, c)
				ns, _ := nf.GetCellStyle(name, ref)
				os, _ := of.GetCellStyle(name, ref)
				eq(name+"!"+ref+" style", ns, os)
				nfo, _ := nf.GetCellFormula(name, ref)
				ofo, _ := of.GetCellFormula(name, ref)
				eq(name+"!"+ref+" formula", nfo, ofo)
			}
		}
	}
}

// formatsWithout drops the formats of the given cells, trimming as Read
// does.
func formatsWithout(grid [][]NumFormat, drop map[[2]int]bool) [][]NumFormat {
	var out [][]NumFormat
	for r, row := range grid {
		row = slices.Clone(row)
		for c := range row {
			if drop[[2]int{r + 1, c + 1}] {
				row[c] = 0
			}
		}
		for len(row) > 0 && row[len(row)-1] == 0 {
			row = row[:len(row)-1]
		}
		if len(row) == 0 {
			row = nil
		}
		for row != nil && len(out) < r {
			out = append(out, nil)
		}
		if row != nil {
			out = append(out, row)
		}
	}
	return out
}

// openPair opens the new and the old writer's bytes with excelize (closed
// when the test ends) and returns a comparison that fails the test on the
// first difference.
func openPair(t *testing.T, label string, nb, ob []byte) (nf, of *excelize.File, eq func(what string, g, w any)) {
	t.Helper()
	nf, err := excelize.OpenReader(bytes.NewReader(nb))
	must(t, err)
	t.Cleanup(func() { nf.Close() })
	of, err = excelize.OpenReader(bytes.NewReader(ob))
	must(t, err)
	t.Cleanup(func() { of.Close() })
	eq = func(what string, g, w any) {
		t.Helper()
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("%s: %s\n got %#v\nwant %#v", label, what, g, w)
		}
	}
	return nf, of, eq
}
