package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Style is a cell look from a small fixed palette, so every generated
// workbook looks alike and callers never touch excelize styles.
type Style int

const (
	StyleNormal Style = iota // no formatting
	StyleTitle               // bold, larger, centred
	StyleHeader              // bold, centred, wrapped, bordered, grey fill
	StyleBold                // bold, bordered
	StyleCell                // bordered, wrapped text
	StyleNumber              // bordered, number format 0.00
	StyleInput               // bordered, 0.00, light-yellow fill, unlocked: where the user types
	StyleItalic              // italic
	numStyles
)

// WCell is one cell to write, 1-based. At most one of Text and Num holds
// the value; with Formula set, that value becomes the formula's cached
// result (what readers that do not recalculate, such as Read, will see).
// A cell with no value and no formula still gets its Style.
type WCell struct {
	Row, Col int
	Text     string
	Num      *float64 // stored as a real numeric cell
	Formula  string   // without or with a leading "="
	Style    Style
}

// Float returns a pointer to v, for WCell.Num literals.
func Float(v float64) *float64 { return &v }

// Validation restricts Range to decimals between Min and a maximum.
// MaxFormula is a literal number or a formula relative to the first cell of
// Range, so "C5" with Range "D5:D40" makes row 6 use C6: each row gets its
// own maximum. Empty MaxFormula means no upper bound.
//
// AllowText, when set, also accepts exactly that text (Excel compares it
// without regard to case), e.g. "Không áp dụng" for a criterion that does
// not apply: the validation becomes the custom formula
// OR(AND(ISNUMBER(D5),D5>=0,D5<=C5),D5="Không áp dụng").
type Validation struct {
	Range       string // e.g. "D5:D40"
	Min         float64
	MaxFormula  string
	AllowText   string
	ErrorTitle  string // at most 32 characters (Excel's limit)
	ErrorMsg    string // at most 255 characters
	PromptTitle string // at most 32 characters
	PromptMsg   string // at most 255 characters
}

// WSheet is one sheet to write.
type WSheet struct {
	Name        string
	Cells       []WCell
	Merges      []string        // e.g. "A1:F1"
	ColWidths   map[int]float64 // 1-based column -> width in characters
	Validations []Validation
	FreezeRows  int  // rows kept visible at the top when scrolling
	Hidden      bool // not allowed on the first sheet, which is the active one
}

// WBook is a workbook to write; the first sheet is the active one.
type WBook struct {
	Title  string // document title property; optional
	Sheets []WSheet
}

// fixedTime stands in for the created/modified dates so that writing the
// same WBook twice gives the same bytes.
const fixedTime = "2000-01-01T00:00:00Z"

// Write writes b as an .xlsx to w. The output depends only on b.
//
// Sheets go through excelize's stream writer, a row at a time (its cell by
// cell API looked every cell up in the sheet and took most of the time of
// generating the benchmark input); the text cells it writes inline are then
// moved into a shared string table, as Excel stores them (see shareStrings).
func Write(w io.Writer, b WBook) error {
	if len(b.Sheets) == 0 {
		return errors.New("xlsx: workbook has no sheets")
	}
	if b.Sheets[0].Hidden {
		return fmt.Errorf("xlsx: sheet %q: the first sheet is the active one and cannot be hidden", b.Sheets[0].Name)
	}
	seen := map[string]bool{}
	for _, s := range b.Sheets {
		k := strings.ToLower(s.Name) // Excel compares sheet names case-insensitively
		if seen[k] {
			return fmt.Errorf("xlsx: duplicate sheet name %q", s.Name)
		}
		seen[k] = true
	}

	// Check every sheet before writing any, so errors come in the order of
	// the spec whatever the order excelize needs things done in.
	plans := make([]*sheetPlan, len(b.Sheets))
	for i, s := range b.Sheets {
		p, err := planSheet(s)
		if err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
		}
		plans[i] = p
	}

	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{zw: zip.NewWriter(w)} })
	styles, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	// Sheets, the active tab and hidden tabs first: these touch every
	// worksheet, which is not allowed once a sheet has been streamed.
	for i, s := range b.Sheets {
		// Rename excelize's default "Sheet1" rather than delete it, so the
		// first sheet keeps its slot and no unused sheet remains.
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
		}
	}
	f.SetActiveSheet(0)
	for _, s := range b.Sheets {
		if s.Hidden {
			if err := f.SetSheetVisible(s.Name, false); err != nil {
				return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
			}
		}
	}
	for i, s := range b.Sheets {
		if err := writeSheet(f, s, plans[i], styles); err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:        "parindex",
		LastModifiedBy: "parindex",
		Title:          b.Title,
		Created:        fixedTime,
		Modified:       fixedTime,
	}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	// Have Excel and LibreOffice recompute formulas on opening; the cached
	// values are for readers that do not calculate, such as Read.
	on := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// sortedZip buffers the package parts and writes them in reverse name
// order (excelize's own order for parts it holds in memory): excelize
// writes streamed sheets in map order, which would make the bytes differ
// between runs.
type sortedZip struct {
	zw    *zip.Writer
	parts map[string]*bytes.Buffer
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if z.parts == nil {
		z.parts = map[string]*bytes.Buffer{}
	}
	if _, dup := z.parts[name]; dup {
		return nil, fmt.Errorf("duplicate part %s", name)
	}
	b := &bytes.Buffer{}
	z.parts[name] = b
	return b, nil
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("xlsx: AddFS not supported") }

func (z *sortedZip) Close() error {
	shareStrings(z.parts)
	names := slices.Sorted(maps.Keys(z.parts))
	slices.Reverse(names)
	for _, name := range names {
		w, err := z.zw.Create(name)
		if err == nil {
			_, err = w.Write(z.parts[name].Bytes())
		}
		if err != nil {
			z.zw.Close()
			return err
		}
	}
	return z.zw.Close()
}

// Parts and markup shareStrings relies on: excelize's stream writer writes
// every text cell as `<c r=".." s=".." t="inlineStr"><is><t>text</t></is></c>`
// (text escaped, optionally with xml:space="preserve" on <t>).
const (
	sstPart      = "xl/sharedStrings.xml"
	typesPart    = "[Content_Types].xml"
	wbRelsPart   = "xl/_rels/workbook.xml.rels"
	inlineMarker = `t="inlineStr"><is><t`
	sstType      = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
	sstRelType   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)

// shareStrings moves the stream writer's inline strings into a shared
// string table, as Excel and excelize's cell API store text: workbooks
// with the same label on many rows and sheets stay as small as before
// streaming, and read as fast. A part in any other shape is left as it is
// (inline strings are valid too).
func shareStrings(parts map[string]*bytes.Buffer) {
	types, rels := parts[typesPart], parts[wbRelsPart]
	if types == nil || rels == nil || parts[sstPart] != nil ||
		!bytes.HasSuffix(types.Bytes(), []byte("</Types>")) || !bytes.HasSuffix(rels.Bytes(), []byte("</Relationships>")) {
		return
	}
	index := map[string]int{}
	var order []string // "p" or "-" (xml:space preserve or not) + escaped text
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		mark := len(order)
		if out, ok := shareSheet(parts[name].Bytes(), index, &order); ok {
			parts[name] = bytes.NewBuffer(out)
		} else {
			for _, k := range order[mark:] {
				delete(index, k)
			}
			order = order[:mark]
		}
	}
	if len(order) == 0 {
		return
	}
	var sst bytes.Buffer
	n := strconv.Itoa(len(order))
	sst.WriteString(xml.Header + `<sst xmlns="` + nsMain + `" count="` + n + `" uniqueCount="` + n + `">`)
	for _, k := range order {
		if k[0] == 'p' {
			sst.WriteString(`<si><t xml:space="preserve">`)
		} else {
			sst.WriteString(`<si><t>`)
		}
		sst.WriteString(k[1:])
		sst.WriteString(`</t></si>`)
	}
	sst.WriteString(`</sst>`)
	parts[sstPart] = &sst

	t := bytes.TrimSuffix(types.Bytes(), []byte("</Types>"))
	parts[typesPart] = bytes.NewBuffer(append(t[:len(t):len(t)],
		`<Override PartName="/`+sstPart+`" ContentType="`+sstType+`"></Override></Types>`...))
	// A relationship id unused so far: one past the highest rIdN.
	id := 0
	for _, m := range bytes.Split(rels.Bytes(), []byte(`Id="rId`))[1:] {
		if end := bytes.IndexByte(m, '"'); end > 0 {
			if k, err := strconv.Atoi(string(m[:end])); err == nil {
				id = max(id, k)
			}
		}
	}
	r := bytes.TrimSuffix(rels.Bytes(), []byte("</Relationships>"))
	parts[wbRelsPart] = bytes.NewBuffer(append(r[:len(r):len(r)],
		`<Relationship Id="rId`+strconv.Itoa(id+1)+`" Target="sharedStrings.xml" Type="`+sstRelType+`"></Relationship></Relationships>`...))
}

// shareSheet rewrites one worksheet's inline string cells as references
// into the table, adding new texts to it; ok is false (and the table's new
// entries are to be dropped) when a cell is not in the expected shape.
func shareSheet(b []byte, index map[string]int, order *[]string) ([]byte, bool) {
	if !bytes.Contains(b, []byte(inlineMarker)) {
		return b, true
	}
	out := make([]byte, 0, len(b))
	for {
		i := bytes.Index(b, []byte(inlineMarker))
		if i < 0 {
			return append(out, b...), true
		}
		out = append(out, b[:i]...)
		rest := b[i+len(inlineMarker):]
		key := "-"
		switch {
		case bytes.HasPrefix(rest, []byte(">")):
			rest = rest[1:]
		case bytes.HasPrefix(rest, []byte(` xml:space="preserve">`)):
			rest, key = rest[len(` xml:space="preserve">`):], "p"
		default:
			return nil, false
		}
		end := bytes.IndexByte(rest, '<')
		if end < 0 || !bytes.HasPrefix(rest[end:], []byte("</t></is></c>")) {
			return nil, false
		}
		key += string(rest[:end])
		k, ok := index[key]
		if !ok {
			k = len(*order)
			index[key] = k
			*order = append(*order, key)
		}
		out = append(out, `t="s"><v>`...)
		out = strconv.AppendInt(out, int64(k), 10)
		out = append(out, `</v></c>`...)
		b = rest[end+len("</t></is></c>"):]
	}
}

// newStyles registers the palette in a fixed order, so style ids (and thus
// bytes) do not depend on which styles a workbook happens to use first.
func newStyles(f *excelize.File) ([numStyles]int, error) {
	var ids [numStyles]int
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
	fill := func(rgb string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}}
	}
	const num2 = 2 // built-in number format "0.00"
	defs := [numStyles]*excelize.Style{
		StyleTitle: {
			Font:      &excelize.Font{Bold: true, Size: 14},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		},
		StyleHeader: {
			Font:      &excelize.Font{Bold: true},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Border:    border,
			Fill:      fill("D9D9D9"),
		},
		StyleBold: {
			Font:      &excelize.Font{Bold: true},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
			Border:    border,
		},
		StyleCell: {
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
			Border:    border,
		},
		StyleNumber: {
			Alignment: &excelize.Alignment{Vertical: "top"},
			Border:    border,
			NumFmt:    num2,
		},
		StyleInput: {
			Alignment:  &excelize.Alignment{Vertical: "top"},
			Border:     border,
			NumFmt:     num2,
			Fill:       fill("FFF2CC"),
			Protection: &excelize.Protection{Locked: false},
		},
		StyleItalic: {
			Font: &excelize.Font{Italic: true},
		},
	}
	for s, def := range defs {
		if def == nil {
			continue
		}
		id, err := f.NewStyle(def)
		if err != nil {
			return ids, err
		}
		ids[s] = id
	}
	return ids, nil
}

// cellVal is what one cell gets once every WCell at its position has been
// applied in order: a later value replaces an earlier one, a later formula
// an earlier formula, a later non-normal style an earlier style (an empty
// Text or a nil Num sets nothing).
type cellVal struct {
	row, col int
	text     string
	num      *float64
	formula  string
	style    Style
}

// sheetPlan is a checked sheet: cells merged per position and sorted, and
// the merges split into their corners.
type sheetPlan struct {
	cells  []cellVal
	merges [][2]string
}

func planSheet(s WSheet) (*sheetPlan, error) {
	p := &sheetPlan{}
	at := make(map[[2]int]int, len(s.Cells))
	for _, c := range s.Cells {
		if err := checkCell(c); err != nil {
			return nil, fmt.Errorf("cell %s: %w", CellName(c.Row, c.Col), err)
		}
		k := [2]int{c.Row, c.Col}
		i, ok := at[k]
		if !ok {
			i = len(p.cells)
			at[k] = i
			p.cells = append(p.cells, cellVal{row: c.Row, col: c.Col})
		}
		v := &p.cells[i]
		switch {
		case c.Num != nil:
			// Round to Excel's 15 significant digits: excelize truncates
			// instead (2.9999999999999996 would be stored as 2.99999999999999).
			x, _ := strconv.ParseFloat(strconv.FormatFloat(*c.Num, 'g', 15, 64), 64)
			v.num, v.text, v.formula = &x, "", ""
		case c.Text != "":
			v.num, v.text, v.formula = nil, c.Text, ""
		}
		if c.Formula != "" {
			v.formula = strings.TrimPrefix(c.Formula, "=")
		}
		if c.Style != StyleNormal {
			v.style = c.Style
		}
	}
	var rects [][4]int // col1, row1, col2, row2
	for _, ref := range s.Merges {
		a, b, ok := strings.Cut(ref, ":")
		if !ok {
			return nil, fmt.Errorf("merge %q: want a range like A1:F1", ref)
		}
		c1, r1, err := excelize.CellNameToCoordinates(a)
		if err != nil {
			return nil, fmt.Errorf("merge %q: %w", ref, err)
		}
		c2, r2, err := excelize.CellNameToCoordinates(b)
		if err != nil {
			return nil, fmt.Errorf("merge %q: %w", ref, err)
		}
		m := [4]int{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}
		// A merge shows only its top-left cell: the others lose their
		// values and formulas but keep their style.
		for k, i := range at {
			if m[0] <= k[1] && k[1] <= m[2] && m[1] <= k[0] && k[0] <= m[3] && (k[1] != m[0] || k[0] != m[1]) {
				v := &p.cells[i]
				v.num, v.text, v.formula = nil, "", ""
			}
		}
		rects = append(rects, m)
	}
	for _, m := range joinOverlaps(rects) {
		p.merges = append(p.merges, [2]string{CellName(m[1], m[0]), CellName(m[3], m[2])})
	}
	slices.SortFunc(p.cells, func(a, b cellVal) int {
		if a.row != b.row {
			return a.row - b.row
		}
		return a.col - b.col
	})
	for _, col := range slices.Sorted(maps.Keys(s.ColWidths)) {
		if _, err := excelize.ColumnNumberToName(col); err != nil {
			return nil, fmt.Errorf("column %d width: %w", col, err)
		}
	}
	for _, v := range s.Validations {
		if _, err := newValidation(v); err != nil {
			return nil, fmt.Errorf("validation %s: %w", v.Range, err)
		}
	}
	return p, nil
}

// joinOverlaps replaces merges that overlap by the range covering them
// until none overlap, as excelize does when it saves a sheet (two ranges
// overlap when a corner of one lies in the other).
func joinOverlaps(rects [][4]int) [][4]int {
	in := func(col, row int, r [4]int) bool { return r[0] <= col && col <= r[2] && r[1] <= row && row <= r[3] }
	overlap := func(a, b [4]int) bool {
		return in(a[0], a[1], b) || in(a[2], a[1], b) || in(a[0], a[3], b) || in(a[2], a[3], b) ||
			in(b[0], b[1], a) || in(b[2], b[1], a) || in(b[0], b[3], a) || in(b[2], b[3], a)
	}
	for joined := true; joined; {
		joined = false
		var out [][4]int
		used := make([]bool, len(rects))
		for i := range rects {
			if used[i] {
				continue
			}
			r := rects[i]
			for j := i + 1; j < len(rects); j++ {
				if !used[j] && overlap(r, rects[j]) {
					o := rects[j]
					r = [4]int{min(r[0], o[0]), min(r[1], o[1]), max(r[2], o[2]), max(r[3], o[3])}
					joined, used[j] = true, true
				}
			}
			out = append(out, r)
		}
		rects = out
	}
	return rects
}

func checkCell(c WCell) error {
	if c.Row < 1 || c.Col < 1 {
		return fmt.Errorf("row and column are 1-based, got (%d, %d)", c.Row, c.Col)
	}
	if c.Style < 0 || c.Style >= numStyles {
		return fmt.Errorf("unknown style %d", c.Style)
	}
	if c.Num != nil && c.Text != "" {
		return errors.New("both Text and Num set")
	}
	if utf8.RuneCountInString(c.Text) > 32_767 {
		return errors.New("text longer than Excel's 32767 characters")
	}
	if c.Num != nil && (math.IsNaN(*c.Num) || math.IsInf(*c.Num, 0)) {
		return fmt.Errorf("number %v cannot be stored", *c.Num)
	}
	return nil
}

// writeSheet streams a checked sheet: validations go into the worksheet
// before the stream writer takes it over, widths and panes before the
// first row, then the rows in order, then the merges.
func writeSheet(f *excelize.File, s WSheet, p *sheetPlan, styles [numStyles]int) error {
	name := s.Name
	for _, v := range s.Validations {
		dv, _ := newValidation(v)
		if err := f.AddDataValidation(name, dv); err != nil {
			return fmt.Errorf("validation %s: %w", v.Range, err)
		}
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for _, col := range slices.Sorted(maps.Keys(s.ColWidths)) {
		if err := sw.SetColWidth(col, col, s.ColWidths[col]); err != nil {
			return fmt.Errorf("column %d width: %w", col, err)
		}
	}
	if s.FreezeRows > 0 {
		top := CellName(s.FreezeRows+1, 1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: s.FreezeRows, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		}); err != nil {
			return fmt.Errorf("freeze rows: %w", err)
		}
	}
	var row []any
	for i := 0; i < len(p.cells); {
		r, first := p.cells[i].row, p.cells[i].col
		j := i
		for j < len(p.cells) && p.cells[j].row == r {
			j++
		}
		row = row[:0]
		for _, c := range p.cells[i:j] {
			for len(row) < c.col-first {
				row = append(row, nil)
			}
			row = append(row, streamCell(c, styles))
		}
		if err := sw.SetRow(CellName(r, first), row); err != nil {
			return fmt.Errorf("row %d: %w", r, err)
		}
		i = j
	}
	for _, m := range p.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return fmt.Errorf("merge %s:%s: %w", m[0], m[1], err)
		}
	}
	return sw.Flush()
}

// streamCell is a cell for the stream writer; nil for a position with
// nothing to write.
func streamCell(c cellVal, styles [numStyles]int) any {
	var val any
	switch {
	case c.num != nil:
		val = *c.num
	case c.text != "":
		val = c.text
	}
	if val == nil && c.formula == "" && styles[c.style] == 0 {
		return nil
	}
	return excelize.Cell{StyleID: styles[c.style], Formula: c.formula, Value: val}
}

// dvFormula escapes a formula for the raw XML excelize writes it into.
var dvFormula = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// newValidation makes excelize's data validation for v.
func newValidation(v Validation) (*excelize.DataValidation, error) {
	for _, lim := range []struct {
		s string
		n int
	}{{v.ErrorTitle, 32}, {v.PromptTitle, 32}, {v.ErrorMsg, 255}, {v.PromptMsg, 255}} {
		if utf8.RuneCountInString(lim.s) > lim.n {
			return nil, fmt.Errorf("message %q longer than Excel's %d characters", lim.s, lim.n)
		}
	}
	if strings.TrimSpace(v.Range) == "" {
		return nil, errors.New("empty range")
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(v.Range)
	lo := strconv.FormatFloat(v.Min, 'f', -1, 64)
	hi := strings.TrimPrefix(v.MaxFormula, "=")
	var err error
	switch {
	case v.AllowText != "":
		// The first cell of the range, relative, so that each cell of the
		// range tests itself (as MaxFormula is relative to it too).
		x, _, _ := strings.Cut(strings.Fields(v.Range)[0], ":")
		cond := x + ">=" + lo
		if hi != "" {
			cond += "," + x + "<=" + hi
		}
		f := "OR(AND(ISNUMBER(" + x + ")," + cond + ")," + x + `="` + strings.ReplaceAll(v.AllowText, `"`, `""`) + `")`
		if utf8.RuneCountInString(f) > 255 {
			return nil, fmt.Errorf("formula %s longer than Excel's 255 characters", f)
		}
		if err = dv.SetRange(dvFormula.Replace(f), "", excelize.DataValidationTypeCustom, excelize.DataValidationOperatorBetween); err == nil {
			dv.Operator = "" // a custom validation has no operator
		}
	case hi == "":
		err = dv.SetRange(lo, "", excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual)
	default:
		err = dv.SetRange(lo, dvFormula.Replace(hi), excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
	}
	if err != nil {
		return nil, err
	}
	if v.ErrorTitle != "" || v.ErrorMsg != "" {
		dv.SetError(excelize.DataValidationErrorStyleStop, v.ErrorTitle, v.ErrorMsg)
	}
	if v.PromptTitle != "" || v.PromptMsg != "" {
		dv.SetInput(v.PromptTitle, v.PromptMsg)
	}
	return dv, nil
}
