package xlsx

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Limits bound the work Read does on an untrusted file. Zero or negative
// fields take the DefaultLimits value.
type Limits struct {
	MaxFileBytes  int64 // size of the .xlsx file itself
	MaxUnzipBytes int64 // total decompressed size of all parts (zip-bomb guard)
	MaxXMLBytes   int64 // sheets and shared strings bigger than this are streamed from the zip instead of inflated into memory
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
	// Formats[r][c] is the number format of the numeric cell at row r+1,
	// column c+1 (a number or a formula's cached number; not text,
	// booleans or errors) when it shows a fixed number of decimals; zero
	// otherwise. It is how the workbook shows a figure Rows holds at full
	// precision ("68.335212707519531" shown as 68.34 under "0.00"). Rows
	// without such a cell are nil, trailing zeros are trimmed, and it is
	// nil when the sheet has none. Read it with Format.
	Formats [][]NumFormat
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

// Format returns the number format of the cell at 1-based (row, col); zero
// (unknown) outside the grid and for cells without a fixed-decimal format.
func (s *Sheet) Format(row, col int) NumFormat {
	if row < 1 || row > len(s.Formats) || col < 1 || col > len(s.Formats[row-1]) {
		return 0
	}
	return s.Formats[row-1][col-1]
}

// Book is a workbook's sheets in tab order.
type Book struct {
	Sheets []Sheet
}

// excelMaxRows is Excel's sheet height; empty rows (styled but without
// values) are tolerated up to it even beyond MaxRows.
const excelMaxRows = 1 << 20

// Read reads an .xlsx workbook from r into plain grids. The package is
// checked first (limits, encryption, sheet list, styles); each sheet's XML
// is then read in one pass for values, formulas and merges (see
// sheetScan), with the shared strings read once per workbook. It reads at most
// lim.MaxFileBytes+1 bytes from r. Every error is an *Error.
func Read(r io.Reader, lim Limits) (book *Book, err error) {
	return ReadContext(context.Background(), r, lim)
}

// ReadContext is Read that gives up when ctx is done: before opening the
// package, between sheets and every few thousand XML tokens. The error is
// then an *Error whose Err is ctx's error.
func ReadContext(ctx context.Context, r io.Reader, lim Limits) (book *Book, err error) {
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
	if err := ctx.Err(); err != nil {
		return nil, stopped(err)
	}

	// The package is read directly, not through excelize.OpenReader,
	// which inflates every part and decodes the styles and the theme
	// whether or not a sheet needs them: that was about 45 % of reading
	// the example's workbooks. Parts are inflated when asked for.
	if len(pkg.order) == 0 {
		return nil, newErr(ErrCorrupt, "", "", "workbook has no sheets")
	}
	names := pkg.order
	bk := &bookReader{pkg: pkg, lim: lim, intern: map[string]string{}, ctx: ctx}
	if b, err := bk.part(stylesPart); err != nil {
		return nil, newErr(ErrCorrupt, "", "", "unreadable workbook: %v", err)
	} else if err := checkStyles(b); err != nil {
		return nil, newErr(ErrCorrupt, "", "", "unreadable workbook: %v", err)
	} else if b != nil {
		bk.formats = cellFormats(b)
	}
	book = &Book{Sheets: make([]Sheet, 0, len(names))}
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, stopped(err)
		}
		s, e := bk.readSheet(name)
		if e != nil {
			return nil, e
		}
		book.Sheets = append(book.Sheets, s)
	}
	return book, nil
}

// bookReader reads the sheets of one opened workbook.
type bookReader struct {
	pkg *opcPackage
	lim Limits
	ctx context.Context

	sst    []string
	sstErr error
	sstSet bool
	sstBad bool // the table had bytes that are not UTF-8, now U+FFFD
	intern map[string]string

	formats []NumFormat // by cell style index
}

// part inflates a package part, or returns nil when the package has no
// part of that name, or when a sheet or the shared strings are over
// MaxXMLBytes: those are streamed from the zip instead (see scan and
// sharedStrings), as excelize spilled them to a file.
func (bk *bookReader) part(name string) ([]byte, error) {
	zf := bk.pkg.files[name]
	if zf == nil || name != stylesPart && zf.UncompressedSize64 > uint64(bk.lim.MaxXMLBytes) {
		return nil, nil
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// The declared size is within the limits (openPackage), and
	// archive/zip refuses to inflate beyond it.
	b := make([]byte, 0, zf.UncompressedSize64)
	return readAllInto(rc, b)
}

func readAllInto(r io.Reader, b []byte) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// sharedStrings loads the workbook's shared string table once. Like
// excelize, it reads xl/sharedStrings.xml whatever the relationships say.
func (bk *bookReader) sharedStrings() ([]string, error) {
	if bk.sstSet {
		return bk.sst, bk.sstErr
	}
	bk.sstSet = true
	b, err := bk.part(sharedStringsPart)
	if err != nil {
		bk.sstErr = err
		return nil, err
	}
	if b != nil {
		b, bk.sstBad = fixUTF8(b)
		bk.sst, bk.sstErr = readSST(b)
		return bk.sst, bk.sstErr
	}
	for _, name := range slices.Sorted(maps.Keys(bk.pkg.files)) {
		if zf := bk.pkg.files[name]; strings.EqualFold(name, sharedStringsPart) {
			rc, err := zf.Open()
			if err != nil {
				bk.sstErr = err
				return nil, err
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				bk.sstErr = err
				return nil, err
			}
			b, bk.sstBad = fixUTF8(b)
			bk.sst, bk.sstErr = stdSST(bytes.NewReader(b))
			return bk.sst, bk.sstErr
		}
	}
	return nil, nil
}

const sharedStringsPart = "xl/sharedStrings.xml"

// stylesPart is where excelize, and so Read, takes the cell styles from;
// it is always inflated into memory, whatever its size.
const stylesPart = "xl/styles.xml"

// cellFormats is the number format of each cell style, read with the
// styles part when the workbook opened.
func (bk *bookReader) cellFormats() []NumFormat {
	return bk.formats
}

// readSheet reads one sheet's values, formula flags and merges in a single
// pass over its XML, stopping at the first row over the limits.
func (bk *bookReader) readSheet(name string) (Sheet, *Error) {
	sh := Sheet{Name: name}
	sh.Hidden = bk.pkg.hidden[name]
	partName := bk.pkg.sheets[name]
	sc, err := bk.scan(name, partName)
	if err != nil {
		if cerr := bk.ctx.Err(); cerr != nil {
			return sh, stopped(cerr)
		}
		if xe, ok := err.(*Error); ok {
			return sh, xe
		}
		return sh, newErr(ErrCorrupt, name, "", "malformed sheet XML: %v", err)
	}
	sh.Rows, sh.Formula, sh.Formats = sc.rows, sc.formulas, sc.formats
	for len(sh.Formats) > 0 && sh.Formats[len(sh.Formats)-1] == nil {
		sh.Formats = sh.Formats[:len(sh.Formats)-1] // a repeated row replaced the last formatted one
	}
	if len(sh.Formats) == 0 {
		sh.Formats = nil
	}
	for _, ref := range sc.merges {
		if m, ok := parseMerge(ref, bk.lim); ok {
			m.Value = sh.Cell(m.FirstRow, m.FirstCol)
			sh.Merges = append(sh.Merges, m)
		}
	}
	return sh, nil
}

// scan runs the fast scanner over the in-memory part and falls back to
// encoding/xml, from the start, when the part is outside its subset or
// only in the zip.
func (bk *bookReader) scan(name, partName string) (*sheetScan, error) {
	newScan := func(badText bool) *sheetScan {
		sc := newSheetScan(name, bk.lim, bk.sharedStrings, bk.cellFormats, bk.intern)
		sc.ctx, sc.sstBad, sc.badText = bk.ctx, &bk.sstBad, badText
		return sc
	}
	b, err := bk.part(partName)
	if err != nil {
		return nil, err
	}
	if b != nil {
		b, bad := fixUTF8(b)
		if z, err := newFastTokenizer(b); err == nil {
			sc := newScan(bad)
			if err := sc.run(z); err != errFallback {
				return sc, err
			}
		}
		sc := newScan(bad)
		return sc, sc.run(newStdTokenizer(bytes.NewReader(b)))
	}
	zf := bk.pkg.files[partName]
	if zf == nil {
		// The workbook lists a sheet its package does not hold.
		return nil, newErr(ErrCorrupt, name, "", "cannot locate the sheet's XML part")
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// A part this large is streamed; invalid UTF-8 in it is reported for
	// the sheet (by the tokenizer) rather than for the cell.
	sc := newScan(false)
	err = sc.run(newStdTokenizer(bufio.NewReaderSize(rc, 64<<10)))
	if err != nil && strings.Contains(err.Error(), "invalid UTF-8") {
		return sc, newErr(ErrInvalidText, name, "", "%s", invalidTextMsg)
	}
	return sc, err
}

// invalidTextMsg explains text that is not UTF-8 in a workbook.
const invalidTextMsg = "text that is not valid UTF-8 (a damaged file, or one written in another encoding): open the workbook in a spreadsheet program, check the text and save it again as .xlsx"

// fixUTF8 replaces bytes that are not UTF-8 in a part that declares itself
// UTF-8 (or declares nothing) with U+FFFD, and reports whether it did, so
// the cells holding them can be named. A part declaring another encoding
// is left to the charset decoder.
func fixUTF8(b []byte) ([]byte, bool) {
	if utf8.Valid(b) {
		return b, false
	}
	if bytes.HasPrefix(b, []byte("<?")) {
		if end := bytes.Index(b[2:], []byte("?>")); end >= 0 && bytes.Contains(bytes.ToLower(b[2:2+end]), []byte("encoding")) && !utf8Decl(b[2:2+end]) {
			return b, false
		}
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD")), true
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
func roundExcel(v []byte) (string, bool) {
	mant := v
	if i := bytes.IndexAny(v, "eE"); i >= 0 {
		mant = v[:i]
	}
	// Significant digits: from the first non-zero digit to the last one.
	first, last := -1, -1
	for i, c := range mant {
		if c >= '1' && c <= '9' {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || countDigits(mant[first:last+1]) <= 15 {
		return "", false
	}
	x, err := strconv.ParseFloat(string(v), 64)
	if err != nil {
		return "", false
	}
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	s := strconv.FormatFloat(y, 'f', -1, 64)
	if len(s) > 24 { // very large or tiny: keep exponent form
		s = strconv.FormatFloat(y, 'g', -1, 64)
	}
	return s, s != string(v)
}

func countDigits(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n
}
