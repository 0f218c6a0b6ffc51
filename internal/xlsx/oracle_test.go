package xlsx

// The reader as it was before the single-pass scanner: excelize's row
// iterator for values plus a second encoding/xml pass for merges, formulas
// and corrections. Kept as the oracle the new reader is compared with.

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html/charset"
)

// oracleRead is Read as it was, with the same checks before the sheets.
func oracleRead(data []byte, lim Limits) (*Book, error) {
	lim = lim.normalized()
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, newErr(ErrFileTooLarge, "", "", "file too large (over %s)", sizeText(lim.MaxFileBytes))
	}
	if e := sniff(data); e != nil {
		return nil, e
	}
	pkg, e := openPackage(data, lim)
	if e != nil {
		return nil, e
	}
	tmp, _ := os.MkdirTemp("", "parindex-xlsx-")
	if tmp != "" {
		defer os.RemoveAll(tmp)
	}
	f, oerr := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: lim.MaxUnzipBytes, UnzipXMLSizeLimit: lim.MaxXMLBytes, TmpDir: tmp,
	})
	if f != nil {
		defer f.Close()
	}
	if oerr != nil {
		return nil, newErr(ErrCorrupt, "", "", "unreadable workbook: %v", oerr)
	}
	names := f.GetSheetList()
	if len(names) == 0 {
		return nil, newErr(ErrCorrupt, "", "", "workbook has no sheets")
	}
	book := &Book{}
	for _, name := range names {
		s, e := oracleReadSheet(f, pkg, name, lim)
		if e != nil {
			return nil, e
		}
		book.Sheets = append(book.Sheets, s)
	}
	return book, nil
}

func oracleReadSheet(f *excelize.File, pkg *opcPackage, name string, lim Limits) (Sheet, *Error) {
	sh := Sheet{Name: name}
	if vis, err := f.GetSheetVisible(name); err == nil {
		sh.Hidden = !vis
	}
	rows, err := f.Rows(name)
	if err != nil {
		return sh, newErr(ErrCorrupt, name, "", "unreadable sheet: %v", err)
	}
	defer rows.Close()
	tooMany := func() *Error {
		return newErr(ErrTooManyRows, name, "", "too many rows (more than %d)", lim.MaxRows)
	}
	r := 0
	for rows.Next() {
		r++
		cells, err := rows.Columns()
		if err != nil {
			return sh, newErr(ErrCorrupt, name, "", "unreadable row %d: %v", r, err)
		}
		n := len(cells)
		for n > 0 && cells[n-1] == "" {
			n--
		}
		if n == 0 {
			if r > max(lim.MaxRows, excelMaxRows) {
				return sh, tooMany()
			}
			continue
		}
		if r > lim.MaxRows {
			return sh, tooMany()
		}
		if n > lim.MaxCols {
			return sh, newErr(ErrTooManyCols, name, CellName(r, n), "too many columns (more than %d)", lim.MaxCols)
		}
		for c, v := range cells[:n] {
			if len(v) > lim.MaxCellBytes {
				return sh, newErr(ErrCellTooLarge, name, CellName(r, c+1), "cell text longer than %d bytes", lim.MaxCellBytes)
			}
		}
		for len(sh.Rows) < r-1 {
			sh.Rows = append(sh.Rows, nil)
		}
		sh.Rows = append(sh.Rows, cells[:n:n])
	}
	if err := rows.Error(); err != nil {
		if errors.Is(err, excelize.ErrMaxRows) {
			return sh, tooMany()
		}
		return sh, newErr(ErrCorrupt, name, "", "unreadable sheet: %v", err)
	}

	part := pkg.sheets[name]
	zf := pkg.files[part]
	if zf == nil {
		// excelize found the part, so this would be a bug in openPackage.
		return sh, newErr(ErrCorrupt, name, "", "cannot locate the sheet's XML part")
	}
	sc, err := oracleScanSheet(zf, lim)
	if err != nil {
		return sh, newErr(ErrCorrupt, name, "", "malformed sheet XML: %v", err)
	}
	for pos, v := range sc.fixes {
		if row, col := pos[0], pos[1]; row <= len(sh.Rows) && col <= len(sh.Rows[row-1]) {
			if cur := &sh.Rows[row-1][col-1]; *cur == v[0] {
				*cur = v[1]
			}
		}
	}
	if len(sc.formulas) > 0 {
		sh.Formula = sc.formulas
	}
	sh.Formats = oracleFormats(f, sh.Rows, sc.styles)
	for _, ref := range sc.merges {
		if m, ok := parseMerge(ref, lim); ok {
			m.Value = sh.Cell(m.FirstRow, m.FirstCol)
			sh.Merges = append(sh.Merges, m)
		}
	}
	return sh, nil
}

// oracleFormats places the number format of each numeric cell's style, as
// excelize decodes xl/styles.xml, on the cells of rows that hold a value.
func oracleFormats(f *excelize.File, rows [][]string, styles map[[2]int]int) [][]NumFormat {
	if _, err := f.GetStyle(0); err != nil && !strings.HasPrefix(err.Error(), "invalid style ID") || f.Styles == nil || f.Styles.CellXfs == nil {
		return nil
	}
	custom := map[int]string{}
	if f.Styles.NumFmts != nil {
		for _, nf := range f.Styles.NumFmts.NumFmt {
			if _, dup := custom[nf.NumFmtID]; !dup {
				custom[nf.NumFmtID] = nf.FormatCode // Read ignores formatCode16
			}
		}
	}
	var out [][]NumFormat
	for pos, s := range styles {
		r, c := pos[0], pos[1]
		if s < 0 || s >= len(f.Styles.CellXfs.Xf) || r > len(rows) || c > len(rows[r-1]) || rows[r-1][c-1] == "" {
			continue
		}
		id := 0
		if p := f.Styles.CellXfs.Xf[s].NumFmtID; p != nil {
			id = *p
		}
		nf := numFormatByID(id, custom)
		if nf == 0 {
			continue
		}
		for len(out) < r {
			out = append(out, nil)
		}
		for len(out[r-1]) < c {
			out[r-1] = append(out[r-1], 0)
		}
		out[r-1][c-1] = nf
	}
	return out
}

// oracleScan is what excelize's row iterator does not expose.
type oracleScan struct {
	formulas map[[2]int]bool
	merges   []string
	fixes    map[[2]int][2]string // {row, col} -> {raw text, corrected text}
	styles   map[[2]int]int       // {row, col} -> style index of a numeric cell
}

// scanSheet streams a worksheet part once for merges, formula cells and
// the few raw values worth correcting (booleans, float noise). Row and
// column numbering follows excelize's iterator: an r attribute wins,
// otherwise the previous number plus one.
func oracleScanSheet(zf *zip.File, lim Limits) (oracleScan, error) {
	sc := oracleScan{formulas: map[[2]int]bool{}, fixes: map[[2]int][2]string{}, styles: map[[2]int]int{}}
	rc, err := zf.Open()
	if err != nil {
		return sc, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))
	dec.CharsetReader = charset.NewReaderLabel
	var (
		inData, inCell, inV, hasF bool
		row, col                  int
		typ                       string
		style                     int
		v                         []byte
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return sc, nil
		}
		if err != nil {
			return sc, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sheetData":
				inData = true
			case "row":
				if !inData {
					break
				}
				row++
				if n, err := strconv.Atoi(oracleAttr(t, "r")); err == nil && n > 0 {
					row = n
				}
				col = 0
				if row > max(lim.MaxRows, excelMaxRows) {
					return sc, nil // Read already enforced the limit on values
				}
			case "c":
				if !inData {
					break
				}
				inCell, hasF, typ, v = true, false, oracleAttr(t, "t"), v[:0]
				style, _ = strconv.Atoi(oracleAttr(t, "s"))
				col++
				if ref := oracleAttr(t, "r"); ref != "" {
					if c, _, err := excelize.CellNameToCoordinates(ref); err == nil {
						col = c
					}
				}
			case "f":
				hasF = hasF || inCell
			case "v":
				inV = inCell
			case "mergeCell":
				sc.merges = append(sc.merges, oracleAttr(t, "ref"))
			}
		case xml.CharData:
			if inV && len(v) < 64 { // numbers and booleans are short
				v = append(v, t...)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sheetData":
				inData = false
			case "v":
				inV = false
			case "c":
				if inCell && row <= lim.MaxRows && col <= lim.MaxCols {
					sc.note(row, col, typ, hasF, string(v))
					if (typ == "" || typ == "n") && len(v) > 0 {
						sc.styles[[2]int{row, col}] = style
					} else {
						delete(sc.styles, [2]int{row, col})
					}
				}
				inCell, inV = false, false
			}
		}
	}
}

func (sc *oracleScan) note(row, col int, typ string, hasF bool, v string) {
	pos := [2]int{row, col}
	if hasF {
		sc.formulas[pos] = true
	}
	switch typ {
	case "b": // the raw iterator gives "1"/"0"
		switch v {
		case "1":
			sc.fixes[pos] = [2]string{v, "TRUE"}
		case "0":
			sc.fixes[pos] = [2]string{v, "FALSE"}
		}
	case "", "n":
		if s, ok := oracleRoundExcel(v); ok {
			sc.fixes[pos] = [2]string{v, s}
		}
	}
}

func oracleAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
func oracleRoundExcel(v string) (string, bool) {
	mant := v
	if i := strings.IndexAny(v, "eE"); i >= 0 {
		mant = v[:i]
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, mant)
	if len(strings.TrimRight(strings.TrimLeft(digits, "0"), "0")) <= 15 {
		return "", false
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return "", false
	}
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	s := strconv.FormatFloat(y, 'f', -1, 64)
	if len(s) > 24 { // very large or tiny: keep exponent form
		s = strconv.FormatFloat(y, 'g', -1, 64)
	}
	return s, s != v
}
