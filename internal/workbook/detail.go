package workbook

import (
	"strconv"
	"strings"

	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// DetailLabels are the texts of a scoring sheet's header and special rows.
// Empty fields take DefaultDetailLabels' value.
type DetailLabels struct {
	Code      string // code column: "STT"
	Content   string // "Nội dung"
	Max       string // "Điểm chuẩn"
	Self      string // "Tự chấm"
	Evidence  string // "Tài liệu kiểm chứng/Giải trình"
	Appraised string // "Điểm chấm thực tế"; with two rounds, the label over both
	Round1    string // first appraisal round: "Thẩm định lần 1"
	Round2    string // second (final) round: "Thẩm định lần 2"
	Remark    string // "Ý kiến"
	Total     string // closing row: "Tổng điểm"
	Bonus     string // "Điểm thưởng"
	Penalty   string // "Điểm trừ"
	NA        string // a not-applicable leaf's score cells: "Không áp dụng", "Không đánh giá", "KĐG"
}

// DefaultDetailLabels are the labels of the most common export.
func DefaultDetailLabels() DetailLabels {
	return DetailLabels{
		Code:      "STT",
		Content:   "Nội dung",
		Max:       "Điểm chuẩn",
		Self:      "Tự chấm",
		Evidence:  "Tài liệu kiểm chứng/Giải trình",
		Appraised: "Điểm chấm thực tế",
		Round1:    "Thẩm định lần 1",
		Round2:    "Thẩm định lần 2",
		Remark:    "Ý kiến",
		Total:     "Tổng điểm",
		Bonus:     "Điểm thưởng",
		Penalty:   "Điểm trừ",
		NA:        "Không áp dụng",
	}
}

func (l DetailLabels) withDefaults() DetailLabels {
	d := DefaultDetailLabels()
	for _, p := range []struct{ v, def *string }{
		{&l.Code, &d.Code}, {&l.Content, &d.Content}, {&l.Max, &d.Max}, {&l.Self, &d.Self},
		{&l.Evidence, &d.Evidence}, {&l.Appraised, &d.Appraised}, {&l.Round1, &d.Round1},
		{&l.Round2, &d.Round2}, {&l.Remark, &d.Remark}, {&l.Total, &d.Total},
		{&l.Bonus, &d.Bonus}, {&l.Penalty, &d.Penalty}, {&l.NA, &d.NA},
	} {
		if *p.v == "" {
			*p.v = *p.def
		}
	}
	return l
}

// DetailOptions choose among the layout variants of scoring sheets. The
// zero value is the most common layout: code column, one appraisal round,
// numeric cells, plain values (formulas in blank templates).
type DetailOptions struct {
	Labels        DetailLabels
	SheetName     string   // default: the unit name made a valid sheet name
	CodeInContent bool     // no code column; "1.1. Title" in the content column
	CodeDots      bool     // print area and criterion codes as "I." and "1."
	UpperAreas    bool     // area titles in capitals
	Parent        string   // line above the unit name, e.g. "UBND TỈNH HÒA LÂM"
	TitleName     string   // unit name as printed; default: the name in capitals
	Title         string   // default "PHIẾU CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM <year>"
	ExtraTitle    []string // rows under the title, e.g. "(Kèm theo Kế hoạch số …)"
	DateLine      string   // under the motto, e.g. "Hòa Lâm, ngày 28 tháng 12 năm 2023"
	Formulas      bool     // subtotals and total as SUM formulas with cached values
	// TwoRounds adds a first appraisal round before the final one under a
	// two-row header; Round1 gives its leaf values by node key (missing:
	// same as the final round).
	TwoRounds bool
	Round1    map[string]par.Points
	// TextNumbers lists leaf keys whose number cells are typed as text
	// with a decimal comma.
	TextNumbers map[string]bool
	// TitlePrefix gives, by node key, text printed right before a node's
	// title: a code-like phrase of another numbering ("1.1. ", "Tiêu chí
	// 2: "), as sheets carry whose titles were copied from the Ministry's
	// template or an older framework. The node's own code stays in the
	// code column (or, with CodeInContent, before the prefix).
	TitlePrefix map[string]string
}

// columns is the position of each column (0: absent).
type columns struct {
	code, content, max, self, evidence, round1, appr, remark, n int
}

func newColumns(opt DetailOptions) columns {
	var c columns
	i := 1
	next := func() int { i++; return i - 1 }
	if !opt.CodeInContent {
		c.code = next()
	}
	c.content = next()
	c.max = next()
	c.self = next()
	c.evidence = next()
	if opt.TwoRounds {
		c.round1 = next()
	}
	c.appr = next()
	c.remark = next()
	c.n = i - 1
	return c
}

// detail holds the state of one DetailSheet call.
type detail struct {
	b      builder
	fw     *par.Framework
	opt    DetailOptions
	lab    DetailLabels
	cols   columns
	blank  bool
	rows   map[string]*par.Row
	sheet  *par.Sheet
	inputs map[int][]int // column → rows of input cells (blank templates)
	// criterion rows among the inputs, where "not applicable" may be typed
	// instead of points (not the bonus and penalty rows)
	naOK map[int]bool
}

// sums are a subtree's totals: maxima of all leaves, and the known self,
// round-1 and appraised points of its applicable leaves.
type sums struct {
	max, self, round1, appr par.Points
	selfKnown, apprKnown    bool
}

func (s *sums) add(o sums) {
	s.max += o.max
	s.self += o.self
	s.round1 += o.round1
	s.appr += o.appr
	s.selfKnown = s.selfKnown || o.selfKnown
	s.apprKnown = s.apprKnown || o.apprKnown
}

// DetailSheet lays out one unit's scoring sheet (phiếu chấm điểm) for a
// framework and year: a title block in merged cells, the header row, the
// criteria tree as rows (areas, criteria, sub-criteria), bonus and penalty
// rows when the framework has them, and a closing total row.
//
// With sheet == nil it is a blank fill-in form: input cells styled
// StyleInput, each with a data validation that keeps a value between 0 and
// the row's own maximum, and SUM formulas for subtotals and the total.
// Otherwise the leaf values come from sheet.Rows (matched by node key);
// subtotals and the total are the exact sums of the leaves (formulas with
// those cached values when opt.Formulas is set), and a known sheet.Total or
// sheet.SelfTotal is printed as given.
func DetailSheet(fw *par.Framework, unitName string, year int, sheet *par.Sheet, opt DetailOptions) xlsx.WSheet {
	d := &detail{
		fw:     fw,
		opt:    opt,
		lab:    opt.Labels.withDefaults(),
		cols:   newColumns(opt),
		blank:  sheet == nil,
		sheet:  sheet,
		rows:   map[string]*par.Row{},
		inputs: map[int][]int{},
		naOK:   map[int]bool{},
	}
	if d.blank {
		d.opt.Formulas = true
	} else {
		for _, r := range sheet.Rows {
			d.rows[r.Key] = r
		}
	}
	name := opt.SheetName
	if name == "" {
		name = SheetName(unitName)
	}
	d.b.s.Name = name

	r := d.titleBlock(unitName, year)
	r = d.header(r)
	first := r
	var areaRows []int
	var total sums
	for _, a := range fw.Areas {
		areaRows = append(areaRows, r)
		var s sums
		r, s = d.node(a, r, 1)
		total.add(s)
	}
	bonusRow, penaltyRow := 0, 0
	var bonus, penalty par.Figure
	if sheet != nil {
		bonus, penalty = sheet.Bonus, sheet.Penalty
	}
	if len(fw.Bonus) > 0 {
		bonusRow = r
		d.extraRow(r, d.lab.Bonus, fw.BonusMax(), bonus)
		r++
	}
	if len(fw.Penalty) > 0 {
		penaltyRow = r
		d.extraRow(r, d.lab.Penalty, fw.PenaltyMax(), penalty)
		r++
	}
	d.totalRow(r, areaRows, bonusRow, penaltyRow, total, bonus, penalty)
	d.validations()

	widths := map[int]float64{d.cols.content: 60, d.cols.max: 10, d.cols.self: 10, d.cols.evidence: 36, d.cols.appr: 12, d.cols.remark: 30}
	if d.cols.code > 0 {
		widths[d.cols.code] = 7
	}
	if d.cols.round1 > 0 {
		widths[d.cols.round1] = 12
	}
	d.b.s.ColWidths = widths
	d.b.s.FreezeRows = first - 1
	return d.b.s
}

// titleBlock writes the unit name and the national motto side by side, the
// title and any extra title rows; it returns the header's row.
func (d *detail) titleBlock(unitName string, year int) int {
	b, c := &d.b, d.cols
	left := c.content
	right := c.content + 1
	name := d.opt.TitleName
	if name == "" {
		name = strings.ToUpper(unitName)
	}
	r := 1
	if d.opt.Parent != "" {
		b.text(r, 1, d.opt.Parent, xlsx.StyleNormal)
		b.merge(r, 1, r, left)
		r++
		b.text(r, 1, name, xlsx.StyleTitle)
	} else {
		b.text(r, 1, name, xlsx.StyleTitle)
	}
	b.merge(r, 1, r, left)
	b.text(1, right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", xlsx.StyleTitle)
	b.merge(1, right, 1, c.n)
	b.text(2, right, "Độc lập - Tự do - Hạnh phúc", xlsx.StyleItalic)
	b.merge(2, right, 2, c.n)
	if d.opt.DateLine != "" {
		b.text(3, right, d.opt.DateLine, xlsx.StyleItalic)
		b.merge(3, right, 3, c.n)
	}
	r = 5
	title := d.opt.Title
	if title == "" {
		title = "PHIẾU CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM " + strconv.Itoa(year)
	}
	b.text(r, 1, title, xlsx.StyleTitle)
	b.merge(r, 1, r, c.n)
	r++
	for _, t := range d.opt.ExtraTitle {
		b.text(r, 1, t, xlsx.StyleItalic)
		b.merge(r, 1, r, c.n)
		r++
	}
	return r + 1
}

// header writes the header row (two rows with two appraisal rounds) and
// returns the first data row.
func (d *detail) header(r int) int {
	b, c, l := &d.b, d.cols, d.lab
	labels := []struct {
		col  int
		text string
	}{
		{c.code, l.Code}, {c.content, l.Content}, {c.max, l.Max}, {c.self, l.Self},
		{c.evidence, l.Evidence}, {c.remark, l.Remark},
	}
	if !d.opt.TwoRounds {
		labels = append(labels, struct {
			col  int
			text string
		}{c.appr, l.Appraised})
	}
	for _, h := range labels {
		if h.col == 0 {
			continue
		}
		b.text(r, h.col, h.text, xlsx.StyleHeader)
		if d.opt.TwoRounds {
			b.text(r+1, h.col, "", xlsx.StyleHeader)
			b.merge(r, h.col, r+1, h.col)
		}
	}
	if !d.opt.TwoRounds {
		return r + 1
	}
	b.text(r, c.round1, l.Appraised, xlsx.StyleHeader)
	b.text(r, c.appr, "", xlsx.StyleHeader)
	b.merge(r, c.round1, r, c.appr)
	b.text(r+1, c.round1, l.Round1, xlsx.StyleHeader)
	b.text(r+1, c.appr, l.Round2, xlsx.StyleHeader)
	return r + 2
}

// printedCode is a node's code as a scoring sheet prints it.
func (d *detail) printedCode(n *par.Node) string {
	code := n.Code
	if len(code) == 1 && code[0] >= 'a' && code[0] <= 'z' {
		return code + ")"
	}
	if d.opt.CodeDots && !strings.Contains(code, ".") {
		return code + "."
	}
	return code
}

// node writes n and its subtree from row r; it returns the next free row
// and the subtree's sums.
func (d *detail) node(n *par.Node, r, depth int) (int, sums) {
	b, c := &d.b, d.cols
	style := xlsx.StyleCell
	title := n.Title
	if depth == 1 {
		style = xlsx.StyleBold
		if d.opt.UpperAreas {
			title = strings.ToUpper(title)
		}
	}
	title = d.opt.TitlePrefix[n.Key] + title
	code := d.printedCode(n)
	if c.code > 0 {
		b.text(r, c.code, code, style)
		b.text(r, c.content, title, style)
	} else {
		sep := " "
		if !strings.HasSuffix(code, ")") && !strings.HasSuffix(code, ".") {
			sep = ". "
		}
		b.text(r, c.content, code+sep+title, style)
	}
	if n.Leaf() {
		return r + 1, d.leaf(n, r)
	}
	self := r
	r++
	var s sums
	var kids []int
	for _, ch := range n.Children {
		kids = append(kids, r)
		var cs sums
		r, cs = d.node(ch, r, depth+1)
		s.add(cs)
	}
	d.subtotal(self, kids, s)
	return r, s
}

// leaf writes one scored row.
func (d *detail) leaf(n *par.Node, r int) sums {
	b, c := &d.b, d.cols
	s := sums{max: n.Max}
	asText := d.opt.TextNumbers[n.Key]
	b.num(r, c.max, n.Max, asText, xlsx.StyleNumber)
	if d.blank {
		if n.Method == par.MethodSelf || n.Method == "" {
			b.text(r, c.self, "", xlsx.StyleInput)
			d.inputs[c.self] = append(d.inputs[c.self], r)
			d.naOK[r] = true
			b.text(r, c.evidence, "", xlsx.StyleCell)
		} else {
			b.text(r, c.self, "", xlsx.StyleNumber)
			b.text(r, c.evidence, methodNote(n.Method), xlsx.StyleCell)
		}
		for _, col := range []int{c.round1, c.appr} {
			if col > 0 {
				b.text(r, col, "", xlsx.StyleInput)
				d.inputs[col] = append(d.inputs[col], r)
				d.naOK[r] = true
			}
		}
		b.text(r, c.remark, "", xlsx.StyleCell)
		return s
	}
	row := d.rows[n.Key]
	if row == nil {
		for _, col := range []int{c.self, c.evidence, c.round1, c.appr, c.remark} {
			if col > 0 {
				b.text(r, col, "", xlsx.StyleCell)
			}
		}
		return s
	}
	if row.NA {
		for _, col := range []int{c.self, c.round1, c.appr} {
			if col > 0 {
				b.text(r, col, d.lab.NA, xlsx.StyleCell)
			}
		}
	} else {
		if row.Self.Known() {
			b.num(r, c.self, row.Self.Value, asText, xlsx.StyleNumber)
			s.self, s.selfKnown = row.Self.Value, true
		} else {
			b.text(r, c.self, "", xlsx.StyleNumber)
		}
		if row.Appraised.Known() {
			v := row.Appraised.Value
			s.appr, s.apprKnown = v, true
			s.round1 = v
			if r1, ok := d.opt.Round1[n.Key]; ok {
				s.round1 = r1
			}
			if c.round1 > 0 {
				b.num(r, c.round1, s.round1, asText, xlsx.StyleNumber)
			}
			b.num(r, c.appr, v, asText, xlsx.StyleNumber)
		} else {
			for _, col := range []int{c.round1, c.appr} {
				if col > 0 {
					b.text(r, col, "", xlsx.StyleNumber)
				}
			}
		}
	}
	b.text(r, c.evidence, row.Evidence, xlsx.StyleCell)
	b.text(r, c.remark, row.Remark, xlsx.StyleCell)
	return s
}

// methodNote fills the evidence cell of leaves the unit does not score.
func methodNote(m par.Method) string {
	switch m {
	case par.MethodSurvey:
		return "Điều tra xã hội học"
	case par.MethodSatisfaction:
		return "Khảo sát sự hài lòng (SIPAS)"
	}
	return ""
}

// subtotal writes an inner node's sums: formulas over its children's rows,
// or plain values.
func (d *detail) subtotal(r int, kids []int, s sums) {
	b, c := &d.b, d.cols
	numStyle := xlsx.StyleNumber
	put := func(col int, v par.Points, known bool) {
		if col == 0 {
			return
		}
		switch {
		case d.opt.Formulas && d.blank:
			b.formula(r, col, sumFormula(col, kids), nil, numStyle)
		case d.opt.Formulas:
			b.formula(r, col, sumFormula(col, kids), &v, numStyle)
		case known:
			b.num(r, col, v, false, numStyle)
		default:
			b.text(r, col, "", numStyle)
		}
	}
	if d.blank || d.opt.Formulas {
		// The maximum is fixed by the framework: a formula documents where
		// it comes from and keeps the sheet consistent when edited.
		v := s.max
		b.formula(r, c.max, sumFormula(c.max, kids), &v, numStyle)
	} else {
		b.num(r, c.max, s.max, false, numStyle)
	}
	put(c.self, s.self, s.selfKnown)
	put(c.round1, s.round1, s.apprKnown)
	put(c.appr, s.appr, s.apprKnown)
	b.text(r, c.evidence, "", xlsx.StyleCell)
	b.text(r, c.remark, "", xlsx.StyleCell)
}

// extraRow writes a bonus or penalty row: its maximum and, on a filled
// sheet, its points in the self-assessed and appraised columns (positive;
// the total row subtracts a penalty).
func (d *detail) extraRow(r int, label string, maxV par.Points, f par.Figure) {
	b, c := &d.b, d.cols
	if c.code > 0 {
		b.text(r, c.code, "", xlsx.StyleBold)
	}
	b.text(r, c.content, label, xlsx.StyleBold)
	b.num(r, c.max, maxV, false, xlsx.StyleNumber)
	for _, col := range []int{c.self, c.round1, c.appr} {
		if col == 0 {
			continue
		}
		switch {
		case d.blank:
			b.text(r, col, "", xlsx.StyleInput)
			d.inputs[col] = append(d.inputs[col], r)
		case f.Known():
			b.num(r, col, f.Value, false, xlsx.StyleNumber)
		default:
			b.text(r, col, "", xlsx.StyleNumber)
		}
	}
	b.text(r, c.evidence, "", xlsx.StyleCell)
	b.text(r, c.remark, "", xlsx.StyleCell)
}

// totalRow writes the closing Tổng điểm row: the areas' sum plus bonus
// minus penalty, per column.
func (d *detail) totalRow(r int, areaRows []int, bonusRow, penaltyRow int, s sums, bonus, penalty par.Figure) {
	b, c := &d.b, d.cols
	if c.code > 0 {
		b.text(r, c.code, "", xlsx.StyleBold)
	}
	b.text(r, c.content, d.lab.Total, xlsx.StyleBold)
	extra := bonus.Value - penalty.Value.Abs()
	formula := func(col int) string {
		f := sumFormula(col, areaRows)
		if bonusRow > 0 {
			f += "+" + xlsx.CellName(bonusRow, col)
		}
		if penaltyRow > 0 {
			f += "-" + xlsx.CellName(penaltyRow, col)
		}
		return f
	}
	put := func(col int, v par.Points, known bool) {
		if col == 0 {
			return
		}
		switch {
		case d.blank:
			b.formula(r, col, formula(col), nil, xlsx.StyleNumber)
		case d.opt.Formulas:
			b.formula(r, col, formula(col), &v, xlsx.StyleNumber)
		case known:
			b.num(r, col, v, false, xlsx.StyleNumber)
		default:
			b.text(r, col, "", xlsx.StyleNumber)
		}
	}
	maxV := s.max
	if d.blank || d.opt.Formulas {
		b.formula(r, c.max, sumFormula(c.max, areaRows), &maxV, xlsx.StyleNumber)
	} else {
		b.num(r, c.max, maxV, false, xlsx.StyleNumber)
	}
	self, appr := s.self+extra, s.appr+extra
	selfKnown, apprKnown := s.selfKnown, s.apprKnown
	if d.sheet != nil && d.sheet.SelfTotal.Known() {
		self, selfKnown = d.sheet.SelfTotal.Value, true
	}
	if d.sheet != nil && d.sheet.Total.Known() {
		appr, apprKnown = d.sheet.Total.Value, true
	}
	put(c.self, self, selfKnown)
	put(c.round1, s.round1+extra, s.apprKnown)
	put(c.appr, appr, apprKnown)
	b.text(r, c.evidence, "", xlsx.StyleCell)
	b.text(r, c.remark, "", xlsx.StyleCell)
}

// validations keep every input cell between 0 and its row's maximum, one
// validation per run of consecutive input rows. A criterion's cells also
// accept the not-applicable label (which reads back as not applicable);
// bonus and penalty cells take points only.
func (d *detail) validations() {
	for _, col := range []int{d.cols.self, d.cols.round1, d.cols.appr} {
		rows := d.inputs[col]
		for i := 0; i < len(rows); {
			j := i
			for j+1 < len(rows) && rows[j+1] == rows[j]+1 && d.naOK[rows[j+1]] == d.naOK[rows[i]] {
				j++
			}
			v := xlsx.Validation{
				Range:      xlsx.CellName(rows[i], col) + ":" + xlsx.CellName(rows[j], col),
				Min:        0,
				MaxFormula: xlsx.CellName(rows[i], d.cols.max),
				ErrorTitle: "Điểm không hợp lệ",
				ErrorMsg:   "Điểm phải là số từ 0 đến điểm chuẩn của dòng này.",
			}
			if d.naOK[rows[i]] {
				v.AllowText = d.lab.NA
				v.ErrorMsg = "Điểm phải là số từ 0 đến điểm chuẩn của dòng này, hoặc \"" + d.lab.NA + "\" nếu tiêu chí không áp dụng."
			}
			d.b.s.Validations = append(d.b.s.Validations, v)
			i = j + 1
		}
	}
}

// Template lays out blank scoring sheets, one per unit, for `parindex
// template`: sheet names are the units' names in force in year, made valid
// and unique.
func Template(fw *par.Framework, units []*par.Unit, year int) xlsx.WBook {
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = u.NameAt(year).Name
	}
	sheetNames := UniqueSheetNames(names)
	book := xlsx.WBook{Title: "Phiếu chấm điểm Chỉ số CCHC năm " + strconv.Itoa(year)}
	if len(units) == 0 {
		// No unit list: one form to copy, with a placeholder name.
		book.Sheets = []xlsx.WSheet{DetailSheet(fw, "Tên cơ quan, đơn vị", year, nil, DetailOptions{SheetName: "Phiếu chấm điểm"})}
		return book
	}
	for i := range units {
		book.Sheets = append(book.Sheets, DetailSheet(fw, names[i], year, nil, DetailOptions{SheetName: sheetNames[i]}))
	}
	return book
}
