package example

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"parindex/internal/par"
	"parindex/internal/workbook"
	"parindex/internal/xlsx"
)

// sectionTitles are the annex's table titles, by group.
var sectionTitles = map[string]string{
	"so":    "KHỐI SỞ, BAN, NGÀNH",
	"tw":    "KHỐI CƠ QUAN TRUNG ƯƠNG ĐÓNG TRÊN ĐỊA BÀN TỈNH",
	"huyen": "KHỐI UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ",
	"xa":    "KHỐI UBND CÁC XÃ, PHƯỜNG, THỊ TRẤN",
}

var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}

// exampleFiles lays out every file of the example project.
func (p *project) exampleFiles() []file {
	for _, y := range p.years {
		for _, ss := range p.ranked[y] {
			for _, s := range ss {
				writeTexts(p.seed, s, p.abbr[s.unit.ID])
			}
		}
	}
	decisions := p.exampleDecisions()
	files := p.commonFiles(generatedHeader)
	var records []string
	for _, y := range p.years {
		d := decisions[y]
		annex := p.exampleAnnex(y, d)
		for _, s := range p.differences {
			if s.year == y {
				records = append(records, p.differenceRecord(s, d, fmt.Sprintf("data/scores/%d/phu-luc-%d.xlsx", y, y), annex))
			}
		}
		files = append(files, file{
			paths: []string{fmt.Sprintf("data/scores/%d/phu-luc-%d.xlsx", y, y), "content/" + d.annexFile},
			book:  func() xlsx.WBook { return annex },
		})
		files = append(files, file{paths: []string{"content/" + d.pdfFile}, data: decisionPDF(d, p.site.province)})
		files = append(files, textFile("content/decisions/"+d.slug+".md", p.decisionMarkdown(d)))
		if y >= 2022 {
			files = append(files, p.exampleDetails(y)...)
		}
	}
	files = append(files, p.exampleNarratives(decisions)...)
	if len(records) > 0 {
		files = append(files, textFile("data/reconciliation.yaml", generatedHeader+
			"# Differences between the figures the publication decisions printed and\n"+
			"# the figures the rules give: published as printed, marked and listed on\n"+
			"# the site's page \"Đối chiếu số liệu\" (/doi-chieu/).\n"+
			"differences:\n"+strings.Join(records, "")))
	}
	return files
}

// differenceRecord is the entry of data/reconciliation.yaml for a printed
// band that differs from the rules': the band cell of s's row in the
// annex (as check names it), the two bands, the reason and who recorded
// it, some weeks after the decision.
func (p *project) differenceRecord(s *score, d *decision, path string, annex xlsx.WBook) string {
	sheet, cell := annexCell(annex, p.annexName(s), workbook.DefaultAnnexLabel(workbook.ColBand))
	if cell == "" {
		panic(fmt.Sprintf("example: no band cell for %s in %s", s.unit.ID, path))
	}
	next := s.fw.Bands[s.fw.BandIndex(s.printed.ID)]
	reason := fmt.Sprintf("Phụ lục kèm theo Quyết định số %s in xếp loại %s cho %s, trong khi chỉ số %s%% của đơn vị chỉ đạt mức %s theo Bộ Chỉ số (mức %s từ %s%%). "+
		"Quyết định đã ban hành có hiệu lực nên kết quả được công bố đúng như Quyết định; Sở Nội vụ đã báo cáo Ủy ban nhân dân tỉnh xem xét đính chính.",
		d.number, s.printed.Name, s.name, vn(s.index), s.band.Name, next.Name, vnShort(next.Min))
	var b strings.Builder
	fmt.Fprintf(&b, "  - cells: [%s]\n", q(path+": "+sheet+"!"+cell))
	fmt.Fprintf(&b, "    published: %s\n", q(s.printed.Name))
	fmt.Fprintf(&b, "    rule: %s\n", q(s.band.Name))
	fmt.Fprintf(&b, "    reason: %s\n", q(reason))
	fmt.Fprintf(&b, "    recorded_by: %s\n", q("Phòng Cải cách hành chính, Sở Nội vụ tỉnh "+p.site.province))
	fmt.Fprintf(&b, "    date: %s\n", date(d.date.Year, d.date.Month+1, d.date.Day).ISO())
	fmt.Fprintf(&b, "    decision: %s\n", q(d.number))
	return b.String()
}

// annexCell finds where an annex prints a unit's figure: the sheet, and
// the cell in the row naming the unit under the header cell labelled
// label (the nearest such header above the row).
func annexCell(book xlsx.WBook, name, label string) (sheet, cell string) {
	for _, ws := range book.Sheets {
		row := 0
		for _, c := range ws.Cells {
			if c.Text == name {
				row = c.Row
				break
			}
		}
		col, at := 0, 0
		for _, c := range ws.Cells {
			if c.Text == label && c.Row < row && c.Row > at {
				col, at = c.Col, c.Row
			}
		}
		if row > 0 && col > 0 {
			return ws.Name, xlsx.CellName(row, col)
		}
	}
	return "", ""
}

// commonFiles are site.yaml, units.yaml and the frameworks, each opening
// with header.
func (p *project) commonFiles(header string) []file {
	files := []file{
		textFile("data/site.yaml", siteYAML(header, p.site)),
		textFile("data/units.yaml", unitsYAML(header, p.groups, p.units)),
	}
	for _, f := range p.fws {
		files = append(files, textFile("data/frameworks/"+f.ID+".yaml", frameworkYAML(header, f)))
	}
	return files
}

// annexName is the name a year's annex prints for a unit: the name in
// force, with the spelling drift real annexes show in some years.
func (p *project) annexName(s *score) string {
	switch {
	case s.year == 2020 && s.unit.ID == "so-van-hoa-the-thao-du-lich":
		return "Sở Văn hoá, Thể thao và Du lịch" // old-style tone placement
	case s.year == 2020 && s.unit.ID == "tp-hoa-lam":
		return "TP. Hòa Lâm" // an alias
	case s.year == 2021 && s.unit.ID == "so-ke-hoach-dau-tu":
		return "Sở KH&ĐT" // an abbreviation registered as alias
	case s.year == 2021 && s.group == "xa" && s.rank == 1:
		return nfd(s.name) // decomposed text pasted from another system
	}
	return s.name
}

// exampleAnnex is a year's summary annex: a table per ranking group, with
// a layout that changes over the years as real annexes do.
func (p *project) exampleAnnex(y int, d *decision) xlsx.WBook {
	title := fmt.Sprintf("KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM %d", y)
	opt := workbook.AnnexOptions{
		Issuer:   "UBND TỈNH " + strings.ToUpper(p.site.province),
		Subtitle: []string{fmt.Sprintf("(Kèm theo Quyết định số %s ngày %s của Ủy ban nhân dân tỉnh %s)", d.number, d.date, p.site.province)},
		// Both ways real annexes print their section titles.
		SectionsFromA: y%2 == 1,
	}
	var tables []workbook.AnnexTable
	var groups, tableGroups []string
	for _, g := range p.groups {
		if len(p.scoresOf(y, g.ID)) > 0 {
			groups = append(groups, g.ID)
		}
	}
	for i, g := range groups {
		if y == 2024 && g == "xa" {
			continue // listed under their districts in the districts' table
		}
		ss := p.scoresOf(y, g)
		fw := ss[0].fw
		areas := (y == 2020 && g != "xa") || (y == 2024 && (g == "so" || g == "tw"))
		var rows []*par.Summary
		for _, s := range ss {
			rows = append(rows, summaryOf(s, p.annexName(s), areas))
		}
		cols := standardColumns(fw, areas)
		switch y {
		case 2019:
			for k := range cols {
				if cols[k].Kind == workbook.ColAppraised {
					cols[k].Label = "Điểm đánh giá trực tiếp"
				}
			}
			if g == "xa" {
				cols = []workbook.AnnexColumn{{Kind: workbook.ColRank}, {Kind: workbook.ColName}, {Kind: workbook.ColTotal}, {Kind: workbook.ColIndex}, {Kind: workbook.ColBand}}
			}
		case 2020:
			// Name first, rank last, other labels.
			cols = []workbook.AnnexColumn{{Kind: workbook.ColName, Label: "Tên đơn vị"}, {Kind: workbook.ColTotal, Label: "Điểm đạt được"}}
			if g != "xa" {
				cols = append(cols, workbook.AnnexColumn{Kind: workbook.ColAppraised}, workbook.AnnexColumn{Kind: workbook.ColSurvey})
				for _, a := range areaCodes(fw) {
					cols = append(cols, workbook.AnnexColumn{Kind: workbook.ColArea, Area: a, Label: "Lĩnh vực " + a})
				}
			}
			cols = append(cols, workbook.AnnexColumn{Kind: workbook.ColIndex, Label: "Tỷ lệ (%)"},
				workbook.AnnexColumn{Kind: workbook.ColBand, Label: "Phân loại"}, workbook.AnnexColumn{Kind: workbook.ColRank, Label: "Thứ hạng"})
		default:
			if g == "xa" && y <= 2024 {
				cols = []workbook.AnnexColumn{{Kind: workbook.ColRank}, {Kind: workbook.ColName}, {Kind: workbook.ColTotal}, {Kind: workbook.ColIndex}, {Kind: workbook.ColBand}}
			}
		}
		section := sectionTitles[g]
		if g == "xa" && y >= 2025 {
			section = "KHỐI UBND CÁC XÃ, PHƯỜNG"
		}
		t := workbook.AnnexTable{Section: romans[i] + ". " + section, Columns: cols, Rows: rows}
		switch {
		case y == 2022 && g == "huyen":
			p.areaGroupTable(&t, ss)
		case y == 2023 && g == "xa":
			p.communesUnderHeadings(&t, y)
		case y == 2024 && g == "huyen":
			t.Section = romans[i] + ". KHỐI UBND CẤP HUYỆN VÀ UBND CẤP XÃ"
			p.communesUnderDistricts(&t, y)
		}
		tables = append(tables, t)
		tableGroups = append(tableGroups, g)
	}
	book := xlsx.WBook{Title: title}
	if y == 2019 {
		// All tables on one sheet.
		opt.SheetName = "Phụ lục"
		book.Sheets = []xlsx.WSheet{workbook.Annex(title, tables, opt)}
		return book
	}
	for i, t := range tables {
		o := opt
		o.SheetName = "Phụ lục " + romans[i]
		o.Heading = "PHỤ LỤC " + romans[i]
		o.TextNumbers = y == 2021 && tableGroups[i] == "xa"
		book.Sheets = append(book.Sheets, workbook.Annex(title, []workbook.AnnexTable{t}, o))
	}
	return book
}

// areaGroupTable lays a district annex out with each area's points in a
// column under the merged header "Điểm đạt được của từng lĩnh vực", the
// area codes on a second header row, and the framework's maxima in a row
// beneath (2022).
func (p *project) areaGroupTable(t *workbook.AnnexTable, ss []*score) {
	fw := ss[0].fw
	cols := []workbook.AnnexColumn{{Kind: workbook.ColSerial}, {Kind: workbook.ColName, Label: "Tên đơn vị"}}
	maxima := &par.Summary{Name: "Điểm tối đa", Total: pub(fw.Max()), Areas: map[string]par.Figure{}}
	for _, a := range fw.Areas {
		cols = append(cols, workbook.AnnexColumn{Kind: workbook.ColArea, Area: a.Code})
		maxima.Areas[a.Code] = pub(a.Max)
	}
	t.Columns = append(cols, workbook.AnnexColumn{Kind: workbook.ColTotal}, workbook.AnnexColumn{Kind: workbook.ColIndex},
		workbook.AnnexColumn{Kind: workbook.ColBand}, workbook.AnnexColumn{Kind: workbook.ColRank, Label: "Xếp hạng"})
	t.AreaGroup = "Điểm đạt được của từng lĩnh vực"
	t.Maxima = maxima
	t.Rows = nil
	for _, s := range ss {
		t.Rows = append(t.Rows, summaryOf(s, p.annexName(s), true))
	}
}

// districtsOf lists the districts of a year in registry order.
func (p *project) districtsOf(y int) []*par.Unit {
	var out []*par.Unit
	for _, u := range p.units {
		if u.Group == "huyen" && u.ExistedAt(y) {
			out = append(out, u)
		}
	}
	return out
}

// communesOf returns a district's communes of a year in group rank order.
func (p *project) communesOf(y int, district string) []*score {
	var out []*score
	for _, s := range p.scoresOf(y, "xa") {
		if s.unit.Parent == district {
			out = append(out, s)
		}
	}
	return out
}

// communesUnderHeadings lists each district's communes under a heading
// row naming the district, without its figures (they are in the
// districts' own table), the communes ranked within their district (2023).
func (p *project) communesUnderHeadings(t *workbook.AnnexTable, y int) {
	t.Columns = []workbook.AnnexColumn{{Kind: workbook.ColSerial}, {Kind: workbook.ColName, Label: "Tên đơn vị"},
		{Kind: workbook.ColTotal}, {Kind: workbook.ColIndex}, {Kind: workbook.ColBand}, {Kind: workbook.ColRank, Label: "Xếp hạng trong huyện"}}
	t.Rows, t.Children = nil, map[string][]*par.Summary{}
	for _, d := range p.districtsOf(y) {
		t.Rows = append(t.Rows, &par.Summary{Unit: d.ID, Group: d.Group, Year: y, Name: strings.ToUpper(d.NameAt(y).Name)})
		kids := p.communesOf(y, d.ID)
		within := rankWithin(kids)
		for _, s := range kids {
			sum := summaryOf(s, p.annexName(s), false)
			sum.Parent = d.ID
			if s.scored {
				sum.Rank, sum.RankWithin = par.Rank{N: within[s]}, true
			}
			t.Children[d.ID] = append(t.Children[d.ID], sum)
		}
	}
}

// communesUnderDistricts lists each district's own row, with its figures
// and its rank among the districts, followed by its communes with their
// ranks in the province (2024).
func (p *project) communesUnderDistricts(t *workbook.AnnexTable, y int) {
	t.Columns = []workbook.AnnexColumn{{Kind: workbook.ColSerial}, {Kind: workbook.ColName, Label: "Tên đơn vị"},
		{Kind: workbook.ColTotal}, {Kind: workbook.ColIndex}, {Kind: workbook.ColBand}, {Kind: workbook.ColRank, Label: "Xếp hạng"}}
	t.Children = map[string][]*par.Summary{}
	for _, d := range t.Rows {
		for _, s := range p.communesOf(y, d.Unit) {
			sum := summaryOf(s, p.annexName(s), false)
			sum.Parent = d.Unit
			t.Children[d.Unit] = append(t.Children[d.Unit], sum)
		}
	}
}

// rankWithin ranks scored units among themselves, high to low on their
// framework's basis at full precision; equal values share a rank (1, 2,
// 2, 4).
func rankWithin(ss []*score) map[*score]int {
	var scored []*score
	for _, s := range ss {
		if s.scored {
			scored = append(scored, s)
		}
	}
	slices.SortStableFunc(scored, func(a, b *score) int { return b.exact.Cmp(a.exact) })
	out := map[*score]int{}
	for i, s := range scored {
		out[s] = i + 1
		if i > 0 && scored[i-1].exact.Cmp(s.exact) == 0 {
			out[s] = out[scored[i-1]]
		}
	}
	return out
}

// exampleDetails are a year's scoring sheets: departments and central
// agencies in one workbook, a workbook per district, a workbook of
// communes per district (one workbook of new communes in 2025).
func (p *project) exampleDetails(y int) []file {
	var files []file
	closing := date(y+1, 1, 8+newRng(p.seed, "closing", strconv.Itoa(y)).intn(10))
	soTw := append(append([]*score(nil), p.scoresOf(y, "so")...), p.scoresOf(y, "tw")...)
	if y == 2023 {
		p.secondRound(soTw)
	}
	if y == 2024 {
		for _, s := range soTw {
			if s.unit.ID != "so-tu-phap" {
				continue
			}
			for _, l := range s.leaves {
				if l.remark != "" {
					l.remark = nfd(l.remark) // typed on a Mac
					break
				}
			}
		}
	}
	soOpt := func(s *score) workbook.DetailOptions {
		var o workbook.DetailOptions
		switch y {
		case 2022:
			o.Labels = workbook.DetailLabels{Max: "Điểm tối đa", Self: "Điểm tự đánh giá", Appraised: "Điểm thẩm định", Remark: "Ghi chú"}
			o.CodeInContent, o.CodeDots, o.UpperAreas, o.Formulas = true, true, true, true
		case 2023:
			o.Labels = workbook.DetailLabels{Appraised: "Điểm thẩm định"}
			o.TwoRounds = true
			o.Round1 = map[string]par.Points{}
			for _, l := range s.leaves {
				if l.round1 != l.appr {
					o.Round1[l.node.Key] = l.round1
				}
			}
			o.TextNumbers = textKeys(p.seed, s, 3)
			o.DateLine = dateLine(p.site.province, closing)
		case 2024:
			o.Formulas = true
			if s.group == "so" {
				o.Parent = "UBND TỈNH " + strings.ToUpper(p.site.province)
			}
			o.ExtraTitle = []string{
				"(Theo hướng dẫn tại Công văn số 1520/SNV-CCHC ngày 15/11/2024)",
				"Kỳ đánh giá: từ ngày 01/01/2024 đến ngày 31/12/2024",
			}
			if s.unit.ID == "so-noi-vu" {
				o.TitleName = "SỞ NỘI VỤ TỈNH HÒA LÂM" // an alias
			}
		case 2025:
			// Titles copied from a template that numbers criteria within
			// each area ("1. …", "1.2. …"), beside the framework's own
			// codes (criteria numbered through, 1–25) in the STT column;
			// "Không đánh giá" for a criterion the unit has no task in.
			o.Formulas = true
			o.Labels = workbook.DetailLabels{NA: "Không đánh giá"}
			o.TitlePrefix = areaNumbering(s.fw)
		default:
			o.Formulas = true
		}
		return o
	}
	files = append(files, bookFile(fmt.Sprintf("data/scores/%d/so-ban-nganh.xlsx", y), detailBook(
		fmt.Sprintf("Phiếu chấm điểm Chỉ số CCHC năm %d - sở, ban, ngành", y), soTw, soOpt)))

	huyenOpt := func(s *score) workbook.DetailOptions {
		var o workbook.DetailOptions
		switch y {
		case 2022:
			o.Formulas = true
		case 2023:
			o.ExtraTitle = []string{"(Kết quả tự đánh giá và thẩm định)"}
			o.TextNumbers = textKeys(p.seed, s, 4)
			o.DateLine = dateLine(p.site.province, closing)
		}
		return o
	}
	for _, s := range p.scoresOf(y, "huyen") {
		files = append(files, bookFile(fmt.Sprintf("data/scores/%d/huyen/%s.xlsx", y, s.unit.ID), detailBook(
			"Phiếu chấm điểm Chỉ số CCHC năm "+strconv.Itoa(y)+" - "+s.name, []*score{s}, huyenOpt)))
	}

	xaOpt := func(s *score) workbook.DetailOptions {
		var o workbook.DetailOptions
		switch y {
		case 2022:
			o.Labels = workbook.DetailLabels{Max: "Thang điểm", Self: "Tự đánh giá", Evidence: "Tài liệu kiểm chứng", Appraised: "Điểm thẩm định", Remark: "Nhận xét"}
		case 2023:
			o.Formulas = true
		case 2024:
			o.CodeDots, o.Formulas = true, true
			o.TitleName = "UBND " + strings.ToUpper(s.name)
		}
		return o
	}
	xa := p.scoresOf(y, "xa")
	if y >= 2025 {
		files = append(files, bookFile(fmt.Sprintf("data/scores/%d/xa/ubnd-cap-xa.xlsx", y), detailBook(
			fmt.Sprintf("Phiếu chấm điểm Chỉ số CCHC năm %d - UBND cấp xã", y), xa, xaOpt)))
		return files
	}
	for _, d := range p.scoresOf(y, "huyen") {
		var mine []*score
		for _, s := range xa {
			if s.unit.Parent == d.unit.ID {
				mine = append(mine, s)
			}
		}
		files = append(files, bookFile(fmt.Sprintf("data/scores/%d/xa/%s.xlsx", y, d.unit.ID), detailBook(
			"Phiếu chấm điểm Chỉ số CCHC năm "+strconv.Itoa(y)+" - UBND cấp xã, "+d.name, mine, xaOpt)))
	}
	return files
}

func bookFile(path string, b xlsx.WBook) file {
	return file{paths: []string{path}, book: func() xlsx.WBook { return b }}
}

// secondRound gives some appraised leaves a lower first-round score that
// the unit's explanation raised in the second round.
func (p *project) secondRound(ss []*score) {
	for _, s := range ss {
		r := newRng(p.seed, s.unit.ID, strconv.Itoa(s.year), "round1")
		for _, l := range s.leaves {
			if l.na || l.node.Method != par.MethodSelf || l.appr < quarter || !r.chance(120) {
				continue
			}
			l.round1 = l.appr - quarter
			if l.remark == "" || l.remark == "Điều chỉnh tăng theo tài liệu kiểm chứng" {
				l.remark = "Đơn vị đã giải trình, bổ sung tài liệu kiểm chứng sau thẩm định lần 1"
			}
		}
	}
}
