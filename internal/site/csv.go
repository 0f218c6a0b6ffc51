package site

import (
	"bytes"
	"encoding/csv"
	"strings"

	"parindex/internal/chart"
	"parindex/internal/viet"
)

// tableCSV is a chart's data table as a CSV file that a spreadsheet opens
// correctly (issue 11, item 9):
//
//   - UTF-8 with a byte-order mark, without which Excel reads the
//     Vietnamese names as Windows-1252;
//   - numbers in plain form ("96.10", "-3"), which every locale's
//     spreadsheet reads as numbers, where the page's "96,10" would be text
//     to some (viet.PlainNumber); a missing value ("—") is an empty cell,
//     never 0;
//   - a text cell that a spreadsheet would run as a formula (starting with
//     =, +, -, @, a tab or a carriage return — a unit name comes from a
//     workbook) is prefixed with an apostrophe, so it stays text.
//
// The header row is the table's column heads; the caption is the file's
// name and the embed page's title.
func tableCSV(t chart.Table) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true // what Excel writes, and RFC 4180
	row := func(cells []string, data bool) {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = csvCell(c, data)
		}
		_ = w.Write(out) // a bytes.Buffer does not fail
	}
	row(t.Head, false)
	for _, r := range t.Rows {
		row(r, true)
	}
	w.Flush()
	return b.Bytes()
}

func csvCell(c string, data bool) string {
	if data {
		if c == viet.Missing {
			return ""
		}
		if n, ok := viet.PlainNumber(c); ok {
			return n
		}
	}
	if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}
