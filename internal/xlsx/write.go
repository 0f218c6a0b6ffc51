package xlsx

import (
	"errors"
	"fmt"
	"io"
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
type Validation struct {
	Range       string // e.g. "D5:D40"
	Min         float64
	MaxFormula  string
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

	f := excelize.NewFile()
	defer f.Close()
	styles, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	for i, s := range b.Sheets {
		// Rename excelize's default "Sheet1" rather than delete it, so the
		// first sheet keeps its slot and no unused sheet remains.
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err == nil {
			err = writeSheet(f, s, styles)
		}
		if err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:        "parindex",
		LastModifiedBy: "parindex",
		Title:          b.Title,
		Created:        fixedTime,
		Modified:       fixedTime,
	}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	// Formula cells carry our cached value typed as a string (all excelize
	// can write); have Excel and LibreOffice recompute them on opening.
	on := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
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

func writeSheet(f *excelize.File, s WSheet, styles [numStyles]int) error {
	name := s.Name
	for _, c := range s.Cells {
		if err := writeCell(f, name, c, styles); err != nil {
			return fmt.Errorf("cell %s: %w", CellName(c.Row, c.Col), err)
		}
	}
	for _, ref := range s.Merges {
		a, b, ok := strings.Cut(ref, ":")
		if !ok {
			return fmt.Errorf("merge %q: want a range like A1:F1", ref)
		}
		if err := f.MergeCell(name, a, b); err != nil {
			return fmt.Errorf("merge %q: %w", ref, err)
		}
	}
	for _, col := range slices.Sorted(maps.Keys(s.ColWidths)) {
		letters, err := excelize.ColumnNumberToName(col)
		if err == nil {
			err = f.SetColWidth(name, letters, letters, s.ColWidths[col])
		}
		if err != nil {
			return fmt.Errorf("column %d width: %w", col, err)
		}
	}
	for _, v := range s.Validations {
		if err := addValidation(f, name, v); err != nil {
			return fmt.Errorf("validation %s: %w", v.Range, err)
		}
	}
	if s.FreezeRows > 0 {
		top := CellName(s.FreezeRows+1, 1)
		if err := f.SetPanes(name, &excelize.Panes{
			Freeze: true, YSplit: s.FreezeRows, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		}); err != nil {
			return fmt.Errorf("freeze rows: %w", err)
		}
	}
	if s.Hidden {
		if err := f.SetSheetVisible(name, false); err != nil {
			return err
		}
	}
	return nil
}

func writeCell(f *excelize.File, sheet string, c WCell, styles [numStyles]int) error {
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
	ref := CellName(c.Row, c.Col)
	var err error
	switch {
	case c.Num != nil:
		if math.IsNaN(*c.Num) || math.IsInf(*c.Num, 0) {
			return fmt.Errorf("number %v cannot be stored", *c.Num)
		}
		// Round to Excel's 15 significant digits first: excelize truncates
		// instead (2.9999999999999996 would be stored as 2.99999999999999).
		x, _ := strconv.ParseFloat(strconv.FormatFloat(*c.Num, 'g', 15, 64), 64)
		err = f.SetCellFloat(sheet, ref, x, -1, 64)
	case c.Text != "":
		err = f.SetCellStr(sheet, ref, c.Text)
	}
	if err == nil && c.Formula != "" {
		// Set after the value: SetCellFormula keeps the value as the cached
		// result, while setting a value afterwards would drop the formula.
		err = f.SetCellFormula(sheet, ref, strings.TrimPrefix(c.Formula, "="))
	}
	if err == nil && styles[c.Style] != 0 {
		err = f.SetCellStyle(sheet, ref, ref, styles[c.Style])
	}
	return err
}

// dvFormula escapes a formula for the raw XML excelize writes it into.
var dvFormula = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func addValidation(f *excelize.File, sheet string, v Validation) error {
	for _, lim := range []struct {
		s string
		n int
	}{{v.ErrorTitle, 32}, {v.PromptTitle, 32}, {v.ErrorMsg, 255}, {v.PromptMsg, 255}} {
		if utf8.RuneCountInString(lim.s) > lim.n {
			return fmt.Errorf("message %q longer than Excel's %d characters", lim.s, lim.n)
		}
	}
	if v.Range == "" {
		return errors.New("empty range")
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(v.Range)
	lo := strconv.FormatFloat(v.Min, 'f', -1, 64)
	hi := dvFormula.Replace(strings.TrimPrefix(v.MaxFormula, "="))
	var err error
	if hi == "" {
		err = dv.SetRange(lo, "", excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual)
	} else {
		err = dv.SetRange(lo, hi, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
	}
	if err != nil {
		return err
	}
	if v.ErrorTitle != "" || v.ErrorMsg != "" {
		dv.SetError(excelize.DataValidationErrorStyleStop, v.ErrorTitle, v.ErrorMsg)
	}
	if v.PromptTitle != "" || v.PromptMsg != "" {
		dv.SetInput(v.PromptTitle, v.PromptMsg)
	}
	return f.AddDataValidation(sheet, dv)
}
