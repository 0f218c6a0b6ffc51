package ingest

import (
	"testing"

	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// Rule: a figure read from a numeric cell is published at the precision
// its number format shows, whatever digits the stored float has (PCI 2016
// stores 68.335212707519531 under "0.00" and published 68.34); its value
// keeps full precision, for ranking. Text keeps its typed digits; a number
// under General keeps the fewest decimals that show it.
func TestFigurePrecisionFromFormat(t *testing.T) {
	sh := sheet("PL", nil,
		[]any{"STT", "Tên cơ quan, đơn vị", "Tổng điểm", "Chỉ số CCHC (%)"},
		[]any{1, "Sở Nội vụ", 68.335212707519531, 68.335212707519531}, // 0.00 | General
		[]any{2, "Sở Tư pháp", 5.0, "91,651"},                         // 0.00 | text
		[]any{3, "Sở Khoa học và Công nghệ", 5.306829, 5.25},          // 0.00 | General
	)
	for i := range sh.Cells {
		if c := &sh.Cells[i]; c.Col == 3 && c.Row > 1 {
			c.Style = xlsx.StyleNumber // number format 0.00
		}
	}
	ds, diags := load(t, withBook(t, "data/scores/2023/pl.xlsx", sh))
	wantDiags(t, diags)
	m := sumByUnit(ds)
	for _, c := range []struct {
		unit       string
		fig        par.Figure
		value      string
		dec        int
		text, cell string
	}{
		{"so-noi-vu", m["so-noi-vu"].Total, "68.335213", 2, "68.34", "C2"},
		{"so-noi-vu", m["so-noi-vu"].Index, "68.335213", 6, "68.335213", "D2"},
		{"so-tu-phap", m["so-tu-phap"].Total, "5", 2, "5.00", "C3"},
		{"so-tu-phap", m["so-tu-phap"].Index, "91.651", 3, "91.651", "D3"},
		{"so-kh-cn", m["so-kh-cn"].Total, "5.306829", 2, "5.31", "C4"},
		{"so-kh-cn", m["so-kh-cn"].Index, "5.25", 2, "5.25", "D4"},
	} {
		f := c.fig
		if f.Value != pts(c.value) || f.Decimals != c.dec || f.Text() != c.text || f.Src.Cell != c.cell || f.Origin != par.Published {
			t.Errorf("%s %s: %s, %d decimals, shown %s; want %s, %d, %s", c.unit, c.cell, f.Value, f.Decimals, f.Text(), c.value, c.dec, c.text)
		}
	}
}

// Rule: a percentage format shows the stored fraction times 100 ("0.00%":
// 0.85536 shown as 85.54 %): an index column of fractions is scaled to
// percent and published at the format's decimals. Built with Formats set
// directly, as xlsx.Write has no percentage style.
func TestFigurePrecisionPercent(t *testing.T) {
	env := fuzzEnv(t)
	sh := xlsx.Sheet{Name: "PL", Rows: [][]string{
		{"STT", "Tên cơ quan, đơn vị", "Tổng điểm", "Chỉ số CCHC (%)"},
		{"1", "Sở Nội vụ", "85.536", "0.85536"},
		{"2", "Sở Tư pháp", "80.1", "0.801"},
		{"3", "Sở Khoa học và Công nghệ", "75", "0.75"},
	}}
	sh.Formats = [][]xlsx.NumFormat{
		nil,
		{0, 0, xlsx.FixedFormat(2, false), xlsx.FixedFormat(2, true)}, // 0.00 | 0.00%
		{0, 0, 0, xlsx.FixedFormat(0, true)},                          // General | 0%
		nil,                                                           // General | General
	}
	var out fileOut
	env.parseBook(&xlsx.Book{Sheets: []xlsx.Sheet{sh}}, workbook{path: "pl.xlsx", year: 2023}, &out, newTexts())
	if out.d.Len() != 0 {
		t.Fatal(out.d.String())
	}
	m := map[string]*par.Summary{}
	for _, s := range out.sums {
		m[s.Unit] = s
	}
	for _, c := range []struct {
		unit  string
		fig   par.Figure
		value string
		dec   int
	}{
		{"so-noi-vu", m["so-noi-vu"].Index, "85.536", 2},
		{"so-noi-vu", m["so-noi-vu"].Total, "85.536", 2},
		{"so-tu-phap", m["so-tu-phap"].Index, "80.1", 0},
		{"so-tu-phap", m["so-tu-phap"].Total, "80.1", 1},
		{"so-kh-cn", m["so-kh-cn"].Index, "75", 0},
	} {
		if c.fig.Value != pts(c.value) || c.fig.Decimals != c.dec {
			t.Errorf("%s %s: %s with %d decimals, want %s with %d", c.unit, c.fig.Src.Cell, c.fig.Value, c.fig.Decimals, c.value, c.dec)
		}
	}
}

// Rule: the format's decimals are capped at the precision figures are
// held at, and a format on a cell outside the grid changes nothing.
func TestGridScore(t *testing.T) {
	sh := &xlsx.Sheet{Name: "S", Rows: [][]string{{"1.123456789", "2.5", "x"}},
		Formats: [][]xlsx.NumFormat{{xlsx.FixedFormat(9, false), xlsx.FixedFormat(5, true), xlsx.FixedFormat(2, false)}}}
	g := newGrid("f.xlsx", sh, newTexts(), defaultVocab)
	for _, c := range []struct {
		r, c int
		kind cellKind
		dec  int
	}{
		{0, 0, cellNumber, par.ScaleDigits},
		{0, 1, cellNumber, par.ScaleDigits}, // 5 + 2 for the percentage
		{0, 2, cellText, 0},
		{0, 3, cellBlank, 0},
		{1, 0, cellBlank, 0},
	} {
		if k, _, dec := g.score(c.r, c.c, false); k != c.kind || dec != c.dec {
			t.Errorf("(%d, %d): kind %d, %d decimals; want %d, %d", c.r, c.c, k, dec, c.kind, c.dec)
		}
	}
}
