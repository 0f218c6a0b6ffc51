package workbook

import (
	"strconv"
	"strings"

	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// ColKind is what an annex column holds.
type ColKind int

const (
	ColRank         ColKind = iota // Thứ tự xếp hạng
	ColName                        // Tên cơ quan, đơn vị
	ColTotal                       // Tổng điểm
	ColAppraised                   // Điểm thẩm định
	ColSurvey                      // Điểm điều tra XHH
	ColSatisfaction                // Chỉ số hài lòng
	ColIndex                       // Chỉ số CCHC (%)
	ColBand                        // Xếp loại
	ColArea                        // one area's points; AnnexColumn.Area names it
	// ColSerial is the serial number (STT), never a rank: 1, 2, 3… down
	// a flat table; in a nested one I, II, III… for the parents and 1,
	// 2, 3… restarting under each parent.
	ColSerial
)

// AnnexColumn is one column of an annex table. An empty Label takes the
// kind's default label (for an area: its code, e.g. "I").
type AnnexColumn struct {
	Kind  ColKind
	Label string
	Area  string // area code, for ColArea
}

// DefaultAnnexLabel is the usual header text of a column kind.
func DefaultAnnexLabel(k ColKind) string {
	switch k {
	case ColRank:
		return "Thứ tự xếp hạng"
	case ColName:
		return "Tên cơ quan, đơn vị"
	case ColTotal:
		return "Tổng điểm"
	case ColAppraised:
		return "Điểm thẩm định"
	case ColSurvey:
		return "Điểm điều tra XHH"
	case ColSatisfaction:
		return "Chỉ số hài lòng"
	case ColIndex:
		return "Chỉ số CCHC (%)"
	case ColBand:
		return "Xếp loại"
	case ColSerial:
		return "STT"
	}
	return ""
}

// AnnexColumns returns the usual column set: rank, name, total, appraised
// points, then survey and satisfaction points when the framework has them,
// the listed areas' points, the index and, optionally, the band.
func AnnexColumns(survey, satisfaction bool, areas []string, band bool) []AnnexColumn {
	cols := []AnnexColumn{{Kind: ColRank}, {Kind: ColName}, {Kind: ColTotal}, {Kind: ColAppraised}}
	if survey {
		cols = append(cols, AnnexColumn{Kind: ColSurvey})
	}
	if satisfaction {
		cols = append(cols, AnnexColumn{Kind: ColSatisfaction})
	}
	for _, a := range areas {
		cols = append(cols, AnnexColumn{Kind: ColArea, Area: a})
	}
	cols = append(cols, AnnexColumn{Kind: ColIndex})
	if band {
		cols = append(cols, AnnexColumn{Kind: ColBand})
	}
	return cols
}

// AnnexTable is one ranking group's table: an optional section title row
// (e.g. "I. KHỐI SỞ, BAN, NGÀNH"), a header, and a row per unit in the
// given order. A row whose Total is not known is printed with its name only
// (not scored).
type AnnexTable struct {
	Section string
	Columns []AnnexColumn
	Rows    []*par.Summary

	// AreaGroup, when set, prints the area columns (which must stand side
	// by side) under one merged header cell with this label ("Điểm đạt
	// được của từng lĩnh vực") and their own labels, the area codes, on a
	// second header row; every other column's label is merged down over
	// both header rows.
	AreaGroup string
	// Maxima, when set, is a row printed right under the header: its Name
	// is the row's label ("Điểm tối đa"), its Total the framework's
	// maximum and its Areas each area's maximum; rank, index and band
	// stay blank.
	Maxima *par.Summary
	// Children nest a child group under its parents (a district's
	// communes under the district) in one table: each row of Rows is
	// followed by the rows of Children[row.Unit]. A parent row with
	// figures is its result, printed in bold; a parent without figures is
	// a heading only, its name (as given, e.g. in capitals) in bold and
	// merged across the columns right of the name. Ranks are printed as
	// given: the caller ranks children within their parent or in the
	// whole group (par.Summary.RankWithin says which).
	Children map[string][]*par.Summary
}

// AnnexOptions shape the annex sheet.
type AnnexOptions struct {
	SheetName   string   // default "Phụ lục"
	Issuer      string   // left of the title block, e.g. "UBND TỈNH HÒA LÂM"
	Heading     string   // above the title, e.g. "PHỤ LỤC I"; empty: none
	Subtitle    []string // rows under the title, e.g. "(Kèm theo Quyết định số …)"
	Decimals    int      // for figures without their own precision; default 2
	TextNumbers bool     // numbers typed as text with a decimal comma
	// SectionsFromA merges each section title from column A across the
	// whole table, the way most published annexes print it; otherwise the
	// title starts in the name column.
	SectionsFromA bool
}

// Annex lays out a summary annex (phụ lục): a title block, then each table
// with its section row and header, separated by a blank row.
func Annex(title string, tables []AnnexTable, opt AnnexOptions) xlsx.WSheet {
	var b builder
	b.s.Name = opt.SheetName
	if b.s.Name == "" {
		b.s.Name = "Phụ lục"
	}
	b.s.Name = SheetName(b.s.Name)
	if opt.Decimals <= 0 {
		opt.Decimals = 2
	}
	ncols := 2
	for _, t := range tables {
		ncols = max(ncols, len(t.Columns))
	}
	half := max(2, ncols/2)

	if opt.Issuer != "" {
		b.text(1, 1, opt.Issuer, xlsx.StyleTitle)
		b.merge(1, 1, 1, half)
	}
	b.text(1, half+1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", xlsx.StyleTitle)
	b.merge(1, half+1, 1, max(ncols, half+1))
	b.text(2, half+1, "Độc lập - Tự do - Hạnh phúc", xlsx.StyleItalic)
	b.merge(2, half+1, 2, max(ncols, half+1))
	r := 4
	if opt.Heading != "" {
		b.text(r, 1, opt.Heading, xlsx.StyleTitle)
		b.merge(r, 1, r, ncols)
		r++
	}
	b.text(r, 1, title, xlsx.StyleTitle)
	b.merge(r, 1, r, ncols)
	r++
	for _, s := range opt.Subtitle {
		b.text(r, 1, s, xlsx.StyleItalic)
		b.merge(r, 1, r, ncols)
		r++
	}
	r++

	widths := map[int]float64{}
	for _, t := range tables {
		if t.Section != "" {
			// The title starts in the name column: a rank or number
			// column left of it stays empty, as most annexes print it.
			start := 1
			if c := t.column(ColName); c > 0 && !opt.SectionsFromA {
				start = c
			}
			b.text(r, start, t.Section, xlsx.StyleBold)
			b.merge(r, start, r, max(start, len(t.Columns)))
			r++
		}
		r = t.header(&b, r)
		for i, c := range t.Columns {
			w := 12.0
			switch c.Kind {
			case ColName:
				w = 42
			case ColBand:
				w = 14
			case ColArea:
				w = 8
			case ColSerial:
				w = 6
			}
			widths[i+1] = max(widths[i+1], w)
		}
		if t.Maxima != nil {
			annexRow(&b, r, t.Columns, t.Maxima, "", true, opt)
			r++
		}
		n := 0
		for i, s := range t.Rows {
			kids, nested := t.Children[s.Unit]
			switch {
			case t.Children == nil:
				n++
				annexRow(&b, r, t.Columns, s, strconv.Itoa(n), false, opt)
			case !scored(s) && nested:
				t.heading(&b, r, s, roman(i+1))
			default:
				annexRow(&b, r, t.Columns, s, roman(i+1), true, opt)
			}
			r++
			for k, c := range kids {
				annexRow(&b, r, t.Columns, c, strconv.Itoa(k+1), false, opt)
				r++
			}
		}
		r++
	}
	b.s.ColWidths = widths
	return b.s
}

// column is the 1-based column of the first column of kind k, 0 if none.
func (t AnnexTable) column(k ColKind) int {
	for i, c := range t.Columns {
		if c.Kind == k {
			return i + 1
		}
	}
	return 0
}

// label is a column's header text.
func (c AnnexColumn) label() string {
	switch {
	case c.Label != "":
		return c.Label
	case c.Kind == ColArea:
		return c.Area
	}
	return DefaultAnnexLabel(c.Kind)
}

// header writes the table's header, one row or two (AreaGroup), and
// returns the first row under it.
func (t AnnexTable) header(b *builder, r int) int {
	if t.AreaGroup == "" {
		for i, c := range t.Columns {
			b.text(r, i+1, c.label(), xlsx.StyleHeader)
		}
		return r + 1
	}
	for i := 0; i < len(t.Columns); i++ {
		c := t.Columns[i]
		if c.Kind != ColArea {
			b.text(r, i+1, c.label(), xlsx.StyleHeader)
			b.text(r+1, i+1, "", xlsx.StyleHeader)
			b.merge(r, i+1, r+1, i+1)
			continue
		}
		// A run of area columns under the group's label.
		j := i
		for j+1 < len(t.Columns) && t.Columns[j+1].Kind == ColArea {
			j++
		}
		for k := i; k <= j; k++ {
			text := ""
			if k == i {
				text = t.AreaGroup
			}
			b.text(r, k+1, text, xlsx.StyleHeader)
			b.text(r+1, k+1, t.Columns[k].label(), xlsx.StyleHeader)
		}
		b.merge(r, i+1, r, j+1)
		i = j
	}
	return r + 2
}

// heading writes a parent named without figures: its serial number and
// its name in bold, merged across the columns right of the name.
func (t AnnexTable) heading(b *builder, r int, s *par.Summary, num string) {
	nameCol := t.column(ColName)
	for i, c := range t.Columns {
		switch {
		case c.Kind == ColSerial:
			b.text(r, i+1, num, xlsx.StyleBold)
		case i+1 < nameCol:
			b.text(r, i+1, "", xlsx.StyleCell)
		}
	}
	b.text(r, nameCol, s.Name, xlsx.StyleBold)
	for c := nameCol + 1; c <= len(t.Columns); c++ {
		b.text(r, c, "", xlsx.StyleBold)
	}
	b.merge(r, nameCol, r, max(nameCol, len(t.Columns)))
}

// scored reports whether an annex row has figures.
func scored(s *par.Summary) bool { return s.Total.Known() || s.Index.Known() }

// roman writes n (1–3999) in Roman numerals, as annexes number their
// blocks.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var sb strings.Builder
	for i, v := range vals {
		for n >= v {
			sb.WriteString(syms[i])
			n -= v
		}
	}
	return sb.String()
}

// annexRow writes one unit's row: num is its serial number (STT), bold
// its name in bold (a parent's own row, the maxima's label).
func annexRow(b *builder, r int, cols []AnnexColumn, s *par.Summary, num string, bold bool, opt AnnexOptions) {
	scored := scored(s)
	nameStyle := xlsx.StyleCell
	if bold {
		nameStyle = xlsx.StyleBold
	}
	fig := func(c int, f par.Figure) {
		if !scored || !f.Known() {
			b.text(r, c, "", xlsx.StyleNumber)
			return
		}
		d := f.Decimals
		if d <= 0 {
			d = opt.Decimals
		}
		v := f.Value.Round(d)
		if opt.TextNumbers {
			b.text(r, c, commaFixed(v, d), xlsx.StyleNumber)
			return
		}
		b.num(r, c, v, false, xlsx.StyleNumber)
	}
	for i, c := range cols {
		cc := i + 1
		switch c.Kind {
		case ColRank:
			if scored && s.Rank.N > 0 {
				b.num(r, cc, par.FromInt(s.Rank.N), false, xlsx.StyleCell)
			} else {
				b.text(r, cc, "", xlsx.StyleCell)
			}
		case ColName:
			b.text(r, cc, s.Name, nameStyle)
		case ColSerial:
			if n, err := strconv.Atoi(num); err == nil {
				b.num(r, cc, par.FromInt(n), false, xlsx.StyleCell)
			} else {
				b.text(r, cc, num, xlsx.StyleCell)
			}
		case ColTotal:
			fig(cc, s.Total)
		case ColAppraised:
			fig(cc, s.Appraised)
		case ColSurvey:
			fig(cc, s.Survey)
		case ColSatisfaction:
			fig(cc, s.Satisfaction)
		case ColIndex:
			fig(cc, s.Index)
		case ColArea:
			fig(cc, s.Areas[c.Area])
		case ColBand:
			if scored {
				b.text(r, cc, s.Band.Name, xlsx.StyleCell)
			} else {
				b.text(r, cc, "", xlsx.StyleCell)
			}
		}
	}
}

// commaFixed prints v with exactly d decimals and a decimal comma, as a
// published table does ("87,50").
func commaFixed(v par.Points, d int) string {
	s := []byte(v.Format(d))
	for i, ch := range s {
		if ch == '.' {
			s[i] = ','
		}
	}
	return string(s)
}
