package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits bound the work Read does on an untrusted file. Zero or negative
// fields take the DefaultLimits value.
type Limits struct {
	MaxFileBytes  int64 // size of the .xlsx file itself
	MaxUnzipBytes int64 // total decompressed size of all parts (zip-bomb guard)
	MaxXMLBytes   int64 // parts bigger than this are spilled to a temp file instead of memory
	MaxRows       int   // last non-empty row per sheet
	MaxCols       int   // last non-empty column per row
	MaxCellBytes  int   // text of one cell
}

// DefaultLimits comfortably fit any real scoring sheet or annex while keeping
// a hostile file to a few hundred MiB of memory and seconds of CPU.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:  64 << 20,
		MaxUnzipBytes: 256 << 20,
		MaxXMLBytes:   32 << 20,
		MaxRows:       100_000,
		MaxCols:       200,
		MaxCellBytes:  32_767, // Excel's own cell limit
	}
}

func (l Limits) normalized() Limits {
	d := DefaultLimits()
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxUnzipBytes <= 0 {
		l.MaxUnzipBytes = d.MaxUnzipBytes
	}
	if l.MaxXMLBytes <= 0 {
		l.MaxXMLBytes = d.MaxXMLBytes
	}
	// excelize refuses an XML limit above the unzip limit.
	l.MaxXMLBytes = min(l.MaxXMLBytes, l.MaxUnzipBytes)
	if l.MaxRows <= 0 {
		l.MaxRows = d.MaxRows
	}
	if l.MaxCols <= 0 {
		l.MaxCols = d.MaxCols
	}
	if l.MaxCellBytes <= 0 {
		l.MaxCellBytes = d.MaxCellBytes
	}
	return l
}

// Merge is a merged range, 1-based and inclusive, with the text of its
// top-left cell (the only cell of a merge that holds a value).
type Merge struct {
	FirstRow, FirstCol, LastRow, LastCol int
	Value                                string
}

// Sheet is one worksheet as a plain grid.
type Sheet struct {
	Name string
	// Rows[r][c] is the text of row r+1, column c+1: the raw value without
	// number formatting ("12.5" even when shown as "12.50"), the cached
	// value for formula cells, shared and rich strings flattened to text.
	// Trailing empty cells and trailing empty rows are trimmed, so rows may
	// have different lengths; a row with nothing in it is nil.
	Rows [][]string
	// Formula marks cells that hold a formula, keyed by {row, col}
	// (1-based). Nil when the sheet has no formulas.
	Formula map[[2]int]bool
	// Merges in document order, clamped to MaxRows × MaxCols so a merge of
	// a whole row or column cannot make a caller loop over 16 384 columns.
	Merges []Merge
	Hidden bool // hidden or very hidden tab
}

// Cell returns the text at 1-based (row, col), or "" outside the grid.
func (s *Sheet) Cell(row, col int) string {
	if row < 1 || row > len(s.Rows) || col < 1 || col > len(s.Rows[row-1]) {
		return ""
	}
	return s.Rows[row-1][col-1]
}

// Book is a workbook's sheets in tab order.
type Book struct {
	Sheets []Sheet
}

// excelMaxRows is Excel's sheet height; empty rows (styled but without
// values) are tolerated up to it even beyond MaxRows.
const excelMaxRows = 1 << 20

// Read reads an .xlsx workbook from r into plain grids. It reads at most
// lim.MaxFileBytes+1 bytes from r. Every error is an *Error.
func Read(r io.Reader, lim Limits) (book *Book, err error) {
	lim = lim.normalized()
	defer func() {
		// Last resort: a parser bug on hostile input must not take the
		// whole build down.
		if p := recover(); p != nil {
			book, err = nil, newErr(ErrCorrupt, "", "", "unreadable workbook (internal error: %v)", p)
		}
	}()

	data, rerr := io.ReadAll(io.LimitReader(r, lim.MaxFileBytes+1))
	if rerr != nil {
		return nil, &Error{Msg: "cannot read file: " + rerr.Error(), Err: rerr}
	}
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

	// A private temp dir for the parts excelize spills to disk, removed
	// even on the error paths where excelize does not clean up itself.
	tmp, _ := os.MkdirTemp("", "parindex-xlsx-")
	if tmp != "" {
		defer os.RemoveAll(tmp)
	}
	f, oerr := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    lim.MaxUnzipBytes,
		UnzipXMLSizeLimit: lim.MaxXMLBytes,
		TmpDir:            tmp,
	})
	if f != nil {
		defer f.Close() // runs before RemoveAll: closes and deletes spill files
	}
	if oerr != nil {
		return nil, newErr(ErrCorrupt, "", "", "unreadable workbook: %v", oerr)
	}
	names := f.GetSheetList()
	if len(names) == 0 {
		return nil, newErr(ErrCorrupt, "", "", "workbook has no sheets")
	}
	book = &Book{Sheets: make([]Sheet, 0, len(names))}
	for _, name := range names {
		s, e := readSheet(f, pkg, name, lim)
		if e != nil {
			return nil, e
		}
		book.Sheets = append(book.Sheets, s)
	}
	return book, nil
}

// readSheet streams one sheet's values through excelize's row iterator, so
// a sheet over the limits is abandoned at the first offending row instead of
// being loaded, then takes merges and formula flags from its own pass.
func readSheet(f *excelize.File, pkg *opcPackage, name string, lim Limits) (Sheet, *Error) {
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
	sc, err := scanSheet(zf, lim)
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
	for _, ref := range sc.merges {
		if m, ok := parseMerge(ref, lim); ok {
			m.Value = sh.Cell(m.FirstRow, m.FirstCol)
			sh.Merges = append(sh.Merges, m)
		}
	}
	return sh, nil
}

// parseMerge turns "B2:D3" into a Merge clamped to the limits; single cells,
// bad references and merges starting outside the limits are dropped.
func parseMerge(ref string, lim Limits) (Merge, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return Merge{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return Merge{}, false
	}
	m := Merge{FirstRow: min(r1, r2), FirstCol: min(c1, c2), LastRow: max(r1, r2), LastCol: max(c1, c2)}
	if m.FirstRow > lim.MaxRows || m.FirstCol > lim.MaxCols {
		return Merge{}, false
	}
	m.LastRow, m.LastCol = min(m.LastRow, lim.MaxRows), min(m.LastCol, lim.MaxCols)
	return m, true
}

// CellName returns the A1-style name of a 1-based cell: (3, 2) -> "B3".
func CellName(row, col int) string {
	if row < 1 || col < 1 {
		return fmt.Sprintf("R%dC%d", row, col)
	}
	var buf [8]byte
	i := len(buf)
	for c := col; c > 0; c = (c - 1) / 26 {
		i--
		buf[i] = byte('A' + (c-1)%26)
	}
	return string(buf[i:]) + strconv.Itoa(row)
}

// roundExcel reports the text Excel would hold for a stored number with
// more than 15 significant digits (Excel keeps 15), e.g. a cached SUM of
// "0.30000000000000004" becomes "0.3". Other numbers are left alone.
func roundExcel(v string) (string, bool) {
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
