package xlsx

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheetScan reads one worksheet part in a single pass: values, formula
// flags, number formats of numeric cells and merges. Values follow
// excelize's row iterator with RawCellValue
// (which this package used before): row and column numbers from the r
// attributes, otherwise one more than the previous; shared and inline
// strings flattened to their text and _xHHHH_ escapes decoded; booleans as
// TRUE/FALSE; numbers as stored, except more than 15 significant digits
// rounded as Excel shows them.
type sheetScan struct {
	name string
	lim  Limits
	ctx  context.Context // nil: never stops
	// badText: the part had bytes that are not UTF-8, now U+FFFD; sstBad:
	// the same for the shared strings. Cells holding U+FFFD are then named
	// in textErr, the first such cell.
	badText bool
	sstBad  *bool
	textErr *Error
	sst     func() ([]string, error) // the workbook's shared strings, loaded on first use
	fmts    func() []NumFormat       // number format by cell style, loaded on first use

	rows     [][]string
	formulas map[[2]int]bool
	formats  [][]NumFormat
	merges   []string

	inData bool
	depth  int
	inRow  bool
	row    int         // current row number; 0 before the first row
	col    int         // current column number
	cells  []string    // current row, reused
	cfmts  []NumFormat // current row's formats, reused; may be shorter than cells
	fmtBuf []NumFormat // storage the rows' formats are cut from

	styles       []NumFormat
	stylesLoaded bool

	// cell state
	inCell    bool
	cellDepth int
	typ       []byte
	style     int // s attribute: index of the cell style
	hasF      bool
	v         []byte
	hasIS     bool
	skipTo    int // > 0: inside <f>, or an element inside <v>, until this depth closes
	vDepth    int // > 0: inside <v> at this depth
	is        richText
	isDepth   int // > 0: inside <is> at this depth
	strs      []string
	sstLoaded bool
	intern    map[string]string // short values, shared by the workbook's sheets
}

func newSheetScan(name string, lim Limits, sst func() ([]string, error), fmts func() []NumFormat, intern map[string]string) *sheetScan {
	return &sheetScan{name: name, lim: lim, sst: sst, fmts: fmts, intern: intern}
}

// str returns v as a string, sharing one copy of the short values (scores,
// codes) that recur on every sheet.
func (sc *sheetScan) str(v []byte) string {
	if len(v) > 24 || sc.intern == nil {
		return string(v)
	}
	if s, ok := sc.intern[string(v)]; ok {
		return s
	}
	s := string(v)
	if len(sc.intern) < 1<<12 {
		sc.intern[s] = s
	}
	return s
}

// run feeds every token to the scan. A *Error is a located failure (limits,
// bad references); any other error comes from the tokenizer.
func (sc *sheetScan) run(tz tokenizer) error {
	var t xmlToken
	for n := 0; ; n++ {
		if n&(1<<14-1) == 0 && sc.ctx != nil {
			if err := sc.ctx.Err(); err != nil {
				return err
			}
		}
		err := tz.next(&t)
		if err == io.EOF {
			if e := sc.endRow(); e != nil {
				return e
			}
			if sc.textErr != nil {
				return sc.textErr
			}
			return nil
		}
		if err != nil {
			return err
		}
		if e := sc.token(&t); e != nil {
			return e
		}
	}
}

func (sc *sheetScan) token(t *xmlToken) *Error {
	switch t.kind {
	case tokText:
		switch {
		case sc.vDepth > 0 && sc.depth == sc.vDepth:
			sc.v = append(sc.v, t.text...)
		case sc.isDepth > 0:
			sc.is.text(sc.depth, t.text)
		}
	case tokStart:
		sc.depth++
		switch {
		case sc.skipTo > 0 || sc.vDepth > 0:
			if sc.skipTo == 0 {
				sc.skipTo = sc.depth // an element inside <v>: its text is not the value
			}
		case sc.isDepth > 0:
			sc.is.start(sc.depth, t.local)
		case sc.inCell:
			switch string(t.local) {
			case "v":
				sc.vDepth, sc.v = sc.depth, sc.v[:0]
			case "f":
				sc.hasF, sc.skipTo = true, sc.depth
			case "is":
				// Several <is> add up as excelize decodes them into one
				// item: the last <t> counts, runs accumulate.
				if !sc.hasIS {
					sc.is.reset()
				}
				sc.hasIS, sc.isDepth, sc.is.base = true, sc.depth, sc.depth
			}
		default:
			return sc.start(t)
		}
	case tokEnd:
		switch {
		case sc.skipTo > 0:
			if sc.depth == sc.skipTo {
				sc.skipTo = 0
			}
		case sc.vDepth > 0:
			sc.vDepth = 0 // the only element open inside <v> is <v> itself
		case sc.isDepth > 0:
			if sc.depth == sc.isDepth {
				sc.isDepth = 0
			} else {
				sc.is.end(sc.depth)
			}
		case sc.inCell && sc.depth == sc.cellDepth:
			sc.inCell = false
			sc.endCell()
		case !sc.inCell:
			switch string(t.local) {
			case "sheetData":
				if err := sc.endRow(); err != nil {
					return err
				}
				sc.inData = false
			case "row":
				if err := sc.endRow(); err != nil {
					return err
				}
			}
		}
		sc.depth--
	}
	return nil
}

func (sc *sheetScan) start(t *xmlToken) *Error {
	switch string(t.local) {
	case "sheetData":
		sc.inData = true
	case "row":
		if !sc.inData {
			return nil
		}
		if err := sc.endRow(); err != nil {
			return err
		}
		// Row number: the r attribute if positive, else one more than the
		// previous row; the attribute's errors are reported after the
		// shared strings', in excelize's order.
		sc.row++
		r, hasR := t.attr("r")
		var rErr error
		if hasR {
			n, err := strconv.Atoi(string(r))
			switch {
			case err != nil:
				rErr = err
			case n > excelMaxRows:
				return sc.tooManyRows()
			case n > 0:
				sc.row = n
			}
		}
		if !sc.sstLoaded {
			// excelize loads the shared strings when it reads the first row.
			s, err := sc.sst()
			if err != nil {
				return newErr(ErrCorrupt, sc.name, "", "unreadable row %d: %v", sc.row, err)
			}
			sc.strs, sc.sstLoaded = s, true
		}
		if rErr != nil {
			return newErr(ErrCorrupt, sc.name, "", "unreadable row %d: %v", sc.row, rErr)
		}
		if sc.row > max(sc.lim.MaxRows, excelMaxRows) {
			return sc.tooManyRows()
		}
		sc.inRow, sc.col, sc.cells, sc.cfmts = true, 0, sc.cells[:0], sc.cfmts[:0]
	case "c":
		if !sc.inRow {
			return nil
		}
		sc.inCell, sc.cellDepth = true, sc.depth
		sc.typ, sc.style, sc.hasF, sc.v, sc.hasIS = sc.typ[:0], 0, false, sc.v[:0], false
		sc.col++
		for i := range t.attrs {
			a := &t.attrs[i]
			switch string(a.local) {
			case "t":
				sc.typ = append(sc.typ[:0], a.value...)
			case "s":
				sc.style = styleIndex(a.value)
			case "r":
				c, ok := cellCol(a.value)
				if !ok {
					var err error
					if c, _, err = excelize.CellNameToCoordinates(string(a.value)); err != nil {
						return newErr(ErrCorrupt, sc.name, "", "unreadable row %d: %v", sc.row, err)
					}
				}
				sc.col = c
			}
		}
	case "mergeCell":
		if ref, ok := t.attr("ref"); ok {
			sc.merges = append(sc.merges, string(ref))
		} else {
			sc.merges = append(sc.merges, "")
		}
	}
	return nil
}

// styleIndex reads a cell's s attribute; anything but a plain index is
// style 0, as a missing attribute.
func styleIndex(v []byte) int {
	if len(v) == 0 || len(v) > 9 {
		return 0
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// numFormat is the number format of the cell just read, if it holds a
// number.
func (sc *sheetScan) numFormat(val string) NumFormat {
	if val == "" || len(sc.typ) > 0 && string(sc.typ) != "n" {
		return 0
	}
	if !sc.stylesLoaded {
		sc.stylesLoaded = true
		if sc.fmts != nil {
			sc.styles = sc.fmts()
		}
	}
	if sc.style < len(sc.styles) {
		return sc.styles[sc.style]
	}
	return 0
}

// cellCol is the column of an A1 reference, for the plain "B7" form;
// anything else (absolute refs, out of range) is left to excelize.
func cellCol(ref []byte) (int, bool) {
	i, col := 0, 0
	for ; i < len(ref) && i < 3; i++ {
		c := ref[i]
		switch {
		case 'A' <= c && c <= 'Z':
			col = col*26 + int(c-'A') + 1
		case 'a' <= c && c <= 'z':
			col = col*26 + int(c-'a') + 1
		default:
			goto digits
		}
	}
digits:
	if i == 0 || col > 16384 || i == len(ref) || len(ref)-i > 7 || ref[i] == '0' {
		return 0, false
	}
	row := 0
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		row = row*10 + int(c-'0')
	}
	return col, row <= excelMaxRows
}

func (sc *sheetScan) endCell() {
	row, col := sc.row, sc.col
	v := sc.v
	var val string
	switch string(sc.typ) {
	case "s":
		if len(v) > 0 {
			i, _ := strconv.Atoi(strings.TrimSpace(string(v)))
			if i >= 0 && i < len(sc.strs) {
				val = sc.strs[i]
			}
		}
	case "inlineStr":
		if sc.hasIS {
			val = sc.is.String()
		} else {
			val = sc.str(v)
		}
	case "b":
		switch string(v) {
		case "1":
			val = "TRUE"
		case "0":
			val = "FALSE"
		default:
			val = sc.str(v)
		}
	case "", "n":
		if s, ok := roundExcel(v); ok {
			val = s
		} else {
			val = sc.str(v)
		}
	default: // "str", "d", "e" and unknown types: the stored text
		val = sc.str(v)
	}
	if sc.hasF && row <= sc.lim.MaxRows && col <= sc.lim.MaxCols {
		if sc.formulas == nil {
			sc.formulas = map[[2]int]bool{}
		}
		sc.formulas[[2]int{row, col}] = true
	}
	if sc.textErr == nil && (sc.badText || sc.sstBad != nil && *sc.sstBad) && strings.ContainsRune(val, utf8.RuneError) &&
		row <= sc.lim.MaxRows && col <= sc.lim.MaxCols {
		sc.textErr = newErr(ErrInvalidText, sc.name, CellName(row, col), "%s", invalidTextMsg)
	}
	if val == "" && !sc.hasF {
		return
	}
	for len(sc.cells) < col {
		sc.cells = append(sc.cells, "")
	}
	sc.cells[col-1] = val
	if f := sc.numFormat(val); f != 0 || col <= len(sc.cfmts) {
		for len(sc.cfmts) < col {
			sc.cfmts = append(sc.cfmts, 0)
		}
		sc.cfmts[col-1] = f
	}
}

func (sc *sheetScan) tooManyRows() *Error {
	return newErr(ErrTooManyRows, sc.name, "", "too many rows (more than %d)", sc.lim.MaxRows)
}

// endRow checks the finished row against the limits and stores it.
func (sc *sheetScan) endRow() *Error {
	if !sc.inRow {
		return nil
	}
	sc.inRow = false
	r, cells := sc.row, sc.cells
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	if n == 0 {
		return nil // the height check was made when the row started
	}
	if r > sc.lim.MaxRows {
		return sc.tooManyRows()
	}
	if n > sc.lim.MaxCols {
		return newErr(ErrTooManyCols, sc.name, CellName(r, n), "too many columns (more than %d)", sc.lim.MaxCols)
	}
	for c, v := range cells[:n] {
		if len(v) > sc.lim.MaxCellBytes {
			return newErr(ErrCellTooLarge, sc.name, CellName(r, c+1), "cell text longer than %d bytes", sc.lim.MaxCellBytes)
		}
	}
	for len(sc.rows) < r {
		sc.rows = append(sc.rows, nil)
	}
	sc.rows[r-1] = append([]string(nil), cells[:n]...)
	nf := min(len(sc.cfmts), n)
	for nf > 0 && sc.cfmts[nf-1] == 0 {
		nf--
	}
	switch {
	case nf > 0:
		if sc.formats == nil {
			sc.formats = make([][]NumFormat, 0, cap(sc.rows))
		}
		for len(sc.formats) < r {
			sc.formats = append(sc.formats, nil)
		}
		sc.formats[r-1] = sc.keepFormats(sc.cfmts[:nf])
	case r <= len(sc.formats):
		sc.formats[r-1] = nil // a repeated row number replaced the row
	}
	return nil
}

// keepFormats copies a row's formats into storage shared by the sheet's
// rows: one allocation per chunk of rows, not one per row.
func (sc *sheetScan) keepFormats(f []NumFormat) []NumFormat {
	if cap(sc.fmtBuf)-len(sc.fmtBuf) < len(f) {
		sc.fmtBuf = make([]NumFormat, 0, max(len(f), min(2*cap(sc.fmtBuf), 1<<14), 256))
	}
	n := len(sc.fmtBuf)
	sc.fmtBuf = append(sc.fmtBuf, f...)
	return sc.fmtBuf[n:len(sc.fmtBuf):len(sc.fmtBuf)]
}

// richText collects a shared string item (<si>) or an inline string (<is>)
// the way excelize flattens it: the text of its own <t>, then of each
// run's <t>; phonetic runs are not text.
type richText struct {
	base   int    // depth of <si> or <is>
	t      []byte // direct <t>: the last one counts
	runs   []byte // texts of finished runs
	runT   []byte // current run's <t>: the last one counts
	inRun  bool
	tDepth int // depth of the <t> being read, 0 if none
	inRunT bool
}

func (r *richText) reset() {
	*r = richText{t: r.t[:0], runs: r.runs[:0], runT: r.runT[:0]}
}

func (r *richText) start(depth int, local []byte) {
	switch {
	case depth == r.base+1 && string(local) == "t":
		r.t, r.tDepth, r.inRunT = r.t[:0], depth, false
	case depth == r.base+1 && string(local) == "r":
		r.inRun, r.runT = true, r.runT[:0]
	case depth == r.base+2 && r.inRun && string(local) == "t":
		r.runT, r.tDepth, r.inRunT = r.runT[:0], depth, true
	}
}

func (r *richText) text(depth int, b []byte) {
	if r.tDepth == 0 || depth != r.tDepth {
		return
	}
	if r.inRunT {
		r.runT = append(r.runT, b...)
	} else {
		r.t = append(r.t, b...)
	}
}

func (r *richText) end(depth int) {
	switch {
	case depth == r.tDepth:
		r.tDepth = 0
	case depth == r.base+1 && r.inRun:
		r.inRun = false
		r.runs = append(r.runs, r.runT...)
	}
}

func (r *richText) String() string {
	if len(r.t)+len(r.runs) == 0 {
		return ""
	}
	s := make([]byte, 0, len(r.t)+len(r.runs))
	s = append(append(s, r.t...), r.runs...)
	return bstrUnmarshal(s)
}

// bstrUnmarshal decodes the _xHHHH_ escapes OOXML uses for characters XML
// cannot hold, exactly as excelize does: "_x005F_" is "_", other escapes
// become their character, or nothing if they name no valid character.
func bstrUnmarshal(s []byte) string {
	if !bytes.Contains(s, []byte("_x")) {
		return string(s)
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' && isHex4(s[i+2:i+6]) {
			if string(s[i:i+7]) == "_x005F_" {
				out = append(out, '_')
			} else if v, err := strconv.Unquote(`"\u` + string(s[i+2:i+6]) + `"`); err == nil {
				out = append(out, v...)
			}
			i += 7
			continue
		}
		out = append(out, s[i])
		i++
	}
	return string(out)
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
