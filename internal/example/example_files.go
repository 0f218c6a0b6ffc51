package example

import (
	"fmt"
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
	for _, y := range p.years {
		d := decisions[y]
		annex := p.exampleAnnex(y, d)
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
	return files
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
	var groups []string
	for _, g := range p.groups {
		if len(p.scoresOf(y, g.ID)) > 0 {
			groups = append(groups, g.ID)
		}
	}
	for i, g := range groups {
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
		tables = append(tables, workbook.AnnexTable{Section: romans[i] + ". " + section, Columns: cols, Rows: rows})
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
		o.TextNumbers = y == 2021 && groups[i] == "xa"
		book.Sheets = append(book.Sheets, workbook.Annex(title, []workbook.AnnexTable{t}, o))
	}
	return book
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
