package workbook

import (
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
			for i, c := range t.Columns {
				if c.Kind == ColName && !opt.SectionsFromA {
					start = i + 1
				}
			}
			b.text(r, start, t.Section, xlsx.StyleBold)
			b.merge(r, start, r, max(start, len(t.Columns)))
			r++
		}
		for i, c := range t.Columns {
			label := c.Label
			if label == "" {
				label = DefaultAnnexLabel(c.Kind)
				if c.Kind == ColArea {
					label = c.Area
				}
			}
			b.text(r, i+1, label, xlsx.StyleHeader)
			w := 12.0
			switch c.Kind {
			case ColName:
				w = 42
			case ColBand:
				w = 14
			case ColArea:
				w = 8
			}
			widths[i+1] = max(widths[i+1], w)
		}
		r++
		for _, s := range t.Rows {
			annexRow(&b, r, t.Columns, s, opt)
			r++
		}
		r++
	}
	b.s.ColWidths = widths
	return b.s
}

func annexRow(b *builder, r int, cols []AnnexColumn, s *par.Summary, opt AnnexOptions) {
	scored := s.Total.Known() || s.Index.Known()
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
			b.text(r, cc, s.Name, xlsx.StyleCell)
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
