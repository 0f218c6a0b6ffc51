package example

import (
	"fmt"
	"strings"

	"parindex/internal/par"
	"parindex/internal/workbook"
	"parindex/internal/xlsx"
)

// minimalProject is the project `parindex new` scaffolds: one group of five
// departments, one framework, two years with detail sheets and annexes.
func minimalProject(seed uint64) *project {
	p := newProject(seed)
	p.site = siteInfo{
		title:     "Chỉ số cải cách hành chính (dự án mẫu)",
		titleEn:   "Public Administration Reform Index (sample project)",
		province:  province,
		publisher: "Sở Nội vụ tỉnh Hòa Lâm",
	}
	p.years = []int{2023, 2024}
	p.groups = []*par.Group{{ID: "so", Name: "Sở, ban, ngành", NameEn: "Provincial departments"}}
	for i, d := range departments[:5] {
		p.units = append(p.units, &par.Unit{ID: d.id, Group: "so", Names: []par.Name{{Name: d.name, NameEn: d.nameEn}}})
		p.abbr[d.id] = d.abbr
		p.base[d.id] = 700 + 50*i
	}
	p.fws = []*par.Framework{newFramework("so-2023", "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu)", []string{"so"}, 2023, 0, par.BasisIndex, bandsBacKan(), outlineMinimal)}
	p.reg = &par.Registry{Groups: p.groups, Units: p.units}
	p.reg.Index()
	all := p.generateAll()
	p.finish(all)
	return p
}

func (p *project) minimalFiles() []file {
	decisions := p.makeDecisions("UBND")
	files := p.commonFiles(starterHeader)
	for _, y := range p.years {
		for _, s := range p.scoresOf(y, "so") {
			writeTexts(p.seed, s, p.abbr[s.unit.ID])
		}
		d := decisions[y]
		files = append(files, p.simpleAnnex(y, d))
		files = append(files, file{paths: []string{"content/" + d.pdfFile}, data: decisionPDF(d, p.site.province)})
		files = append(files, textFile("content/decisions/"+d.slug+".md", p.decisionMarkdown(d)))
		files = append(files, bookFile(fmt.Sprintf("data/scores/%d/so-ban-nganh.xlsx", y), detailBook(
			fmt.Sprintf("Phiếu chấm điểm Chỉ số CCHC năm %d", y), p.scoresOf(y, "so"),
			func(*score) workbook.DetailOptions { return workbook.DetailOptions{Formulas: true} })))
	}
	files = append(files,
		textFile("content/index.md", front(p.site.title)+
			"Đây là dự án mẫu do `parindex new` tạo ra: năm sở, một bộ chỉ số, hai năm kết quả. Số liệu là hư cấu.\n\n"+
			"Thay các tệp trong `data/` bằng bộ chỉ số, danh sách đơn vị và các phiếu chấm điểm của địa phương, rồi chạy `parindex check` và `parindex build`.\n"),
		textFile("content/pages/gioi-thieu.md", front("Giới thiệu")+
			"Trang công bố Chỉ số cải cách hành chính của các cơ quan, đơn vị. Nội dung trang này nằm ở `content/pages/gioi-thieu.md`.\n\n"+
			p.frameworkTable()),
	)
	return files
}

// simpleAnnex is a year's annex with one sheet per group and the usual
// columns, written both as data and as the decision's attachment.
func (p *project) simpleAnnex(y int, d *decision) file {
	title := fmt.Sprintf("KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM %d", y)
	book := xlsx.WBook{Title: title}
	for i, g := range p.groupsOf(y) {
		ss := p.scoresOf(y, g)
		var rows []*par.Summary
		for _, s := range ss {
			rows = append(rows, summaryOf(s, s.name, false))
		}
		t := workbook.AnnexTable{Section: romans[i%len(romans)] + ". " + strings.ToUpper(p.group(g).Name), Columns: standardColumns(ss[0].fw, false), Rows: rows}
		book.Sheets = append(book.Sheets, workbook.Annex(title, []workbook.AnnexTable{t}, workbook.AnnexOptions{
			SheetName: "Phụ lục " + romans[i%len(romans)],
			Issuer:    "UBND TỈNH " + strings.ToUpper(p.site.province),
			Subtitle:  []string{fmt.Sprintf("(Kèm theo Quyết định số %s ngày %s)", d.number, d.date)},
		}))
	}
	return file{paths: []string{fmt.Sprintf("data/scores/%d/phu-luc-%d.xlsx", y, y), "content/" + d.annexFile}, book: func() xlsx.WBook { return book }}
}

// largeProject is the benchmark input: about 1 % departments, 10 %
// districts and the rest communes, over years ending in 2025, with a
// framework change halfway for departments.
func largeProject(seed uint64, units, years int) *project {
	p := newProject(seed)
	p.site = siteInfo{
		title:     "Chỉ số cải cách hành chính (dữ liệu kiểm thử hiệu năng)",
		titleEn:   "Public Administration Reform Index (benchmark data)",
		province:  province,
		publisher: "Sở Nội vụ tỉnh Hòa Lâm",
	}
	for y := 2025 - years + 1; y <= 2025; y++ {
		p.years = append(p.years, y)
	}
	p.groups = []*par.Group{
		{ID: "so", Name: "Sở, ban, ngành", NameEn: "Provincial departments"},
		{ID: "huyen", Name: "UBND cấp huyện", NameEn: "District people's committees"},
		{ID: "xa", Name: "UBND cấp xã", NameEn: "Commune people's committees", ParentGroup: "huyen"},
	}
	nSo := max(units/100, 1)
	nHuyen := max(units/10, 1)
	nXa := max(units-nSo-nHuyen, 0)
	r := newRng(seed, "bases")
	st := newStems(seed)
	for i := 0; i < nSo; i++ {
		id := fmt.Sprintf("co-quan-%03d", i+1)
		p.units = append(p.units, &par.Unit{ID: id, Group: "so", Names: []par.Name{{Name: fmt.Sprintf("Cơ quan cấp tỉnh số %d", i+1)}}})
		p.base[id] = r.between(620, 920)
		p.abbr[id] = fmt.Sprintf("CQ%d", i+1)
	}
	var dists []*par.Unit
	for i := 0; i < nHuyen; i++ {
		stem := st.next()
		u := &par.Unit{ID: fmt.Sprintf("huyen-%03d", i+1), Group: "huyen", Names: []par.Name{{Name: "Huyện " + stem}}}
		dists = append(dists, u)
		p.units = append(p.units, u)
		p.base[u.ID] = r.between(600, 900)
		p.abbr[u.ID] = "UBND"
	}
	for i := 0; i < nXa; i++ {
		d := dists[i%len(dists)]
		stem := strings.TrimPrefix(d.Names[0].Name, "Huyện ")
		u := &par.Unit{ID: fmt.Sprintf("xa-%04d", i+1), Group: "xa", Parent: d.ID,
			Names: []par.Name{{Name: fmt.Sprintf("Xã %s %d", stem, i/len(dists)+1)}}}
		p.units = append(p.units, u)
		p.base[u.ID] = min(max(p.base[d.ID]+r.between(-160, 100), 380), 960)
		p.abbr[u.ID] = "UBND"
	}
	mid := p.years[len(p.years)/2]
	so1 := newFramework("so-a", "Bộ Chỉ số CCHC các sở, ban, ngành (giai đoạn 1)", []string{"so"}, p.years[0], mid-1, par.BasisIndex, bandsBacKan(), outlineSo2019)
	so2 := newFramework("so-b", "Bộ Chỉ số CCHC các sở, ban, ngành (giai đoạn 2)", []string{"so"}, mid, 0, par.BasisIndex, bandsCaoBang(), outlineSo2022)
	if len(p.years) == 1 {
		so2.From = p.years[0]
		p.fws = []*par.Framework{so2}
	} else {
		p.fws = []*par.Framework{so1, so2}
	}
	huyen := newFramework("huyen", "Bộ Chỉ số CCHC UBND cấp huyện", []string{"huyen"}, p.years[0], 0, par.BasisIndex, bandsBacKan(), outlineHuyen2019)
	huyen.Rules = []par.Rule{{Kind: par.RuleChildBandShare, ChildGroup: "xa", Num: 2, Den: 3}}
	p.fws = append(p.fws, huyen,
		newFramework("xa", "Bộ Chỉ số CCHC UBND cấp xã", []string{"xa"}, p.years[0], 0, par.BasisPoints, bandsBacKan(), outlineXa2019))
	for _, f := range p.fws {
		for _, a := range f.Areas {
			a.Lead = "" // the benchmark's units are not the example's departments
		}
	}
	p.reg = &par.Registry{Groups: p.groups, Units: p.units}
	p.reg.Index()
	checkUnique(p.units)
	all := p.generateAll()
	p.finish(all)
	return p
}

// largeFiles lays out the benchmark: every unit-year as a detail sheet,
// many sheets per workbook, and an annex and decision per year. Workbooks
// are built by the writer workers, in parallel.
func (p *project) largeFiles() []file {
	decisions := p.makeDecisions("UBND")
	files := p.commonFiles(generatedHeader)
	const perBook = 30
	for _, y := range p.years {
		d := decisions[y]
		files = append(files, p.simpleAnnex(y, d))
		files = append(files, file{paths: []string{"content/" + d.pdfFile}, data: decisionPDF(d, p.site.province)})
		files = append(files, textFile("content/decisions/"+d.slug+".md", p.decisionMarkdown(d)))
		for _, g := range p.groupsOf(y) {
			ss := p.scoresOf(y, g)
			for i := 0; i < len(ss); i += perBook {
				chunk := ss[i:min(i+perBook, len(ss))]
				path := fmt.Sprintf("data/scores/%d/%s/%s-%03d.xlsx", y, g, g, i/perBook+1)
				files = append(files, file{paths: []string{path}, book: func() xlsx.WBook {
					for _, s := range chunk {
						writeTexts(p.seed, s, p.abbr[s.unit.ID])
					}
					return detailBook(fmt.Sprintf("Phiếu chấm điểm năm %d", y), chunk, func(*score) workbook.DetailOptions {
						return workbook.DetailOptions{Formulas: true}
					})
				}})
			}
		}
	}
	files = append(files, textFile("content/index.md", front(p.site.title)+
		"Dữ liệu hư cấu, sinh tự động để đo hiệu năng của parindex (`make bench`).\n"))
	return files
}
