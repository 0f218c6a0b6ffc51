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

// oracleWrite is Write as it was before streaming: excelize's cell-by-cell
// API and shared strings. Kept to compare the new writer with.
func oracleWrite(w io.Writer, b WBook) error {
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
			err = oracleWriteSheet(f, s, styles)
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

func oracleWriteSheet(f *excelize.File, s WSheet, styles [numStyles]int) error {
	name := s.Name
	for _, c := range s.Cells {
		if err := oracleWriteCell(f, name, c, styles); err != nil {
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
		if err := oracleAddValidation(f, name, v); err != nil {
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

func oracleWriteCell(f *excelize.File, sheet string, c WCell, styles [numStyles]int) error {
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

func oracleAddValidation(f *excelize.File, sheet string, v Validation) error {
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
