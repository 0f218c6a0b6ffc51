package example

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"parindex/internal/par"
)

func front(title string) string {
	return "---\ntitle: " + q(title) + "\n---\n"
}

// frameworkTable is a GFM table of the frameworks: years, groups, maximum
// and how the points are scored.
func (p *project) frameworkTable() string {
	var b strings.Builder
	b.WriteString("| Bộ chỉ số | Năm áp dụng | Khối | Số lĩnh vực | Tự đánh giá | Điều tra XHH | Hài lòng (SIPAS) |\n")
	b.WriteString("|---|---|---|---:|---:|---:|---:|\n")
	for _, f := range p.fws {
		var self, survey, satis par.Points
		for _, l := range f.Leaves() {
			switch l.Method {
			case par.MethodSurvey:
				survey += l.Max
			case par.MethodSatisfaction:
				satis += l.Max
			default:
				self += l.Max
			}
		}
		years := fmt.Sprintf("%d–%d", f.From, f.To)
		if f.To == 0 {
			years = fmt.Sprintf("từ %d", f.From)
		}
		var groups []string
		for _, g := range f.Groups {
			groups = append(groups, p.group(g).Name)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s | %s | %s |\n", f.Title, years, strings.Join(groups, "; "),
			len(f.Areas), vnShort(self), vnShort(survey), vnShort(satis))
	}
	return b.String()
}

// vnShort renders points without trailing zeros, with a decimal comma.
func vnShort(v par.Points) string { return strings.Replace(v.String(), ".", ",", 1) }

// exampleNarratives writes the site, year, group-year, unit and unit-year
// narratives and the about page.
func (p *project) exampleNarratives(decisions map[int]*decision) []file {
	var files []file
	last := p.years[len(p.years)-1]
	files = append(files, textFile("content/index.md", front("Chỉ số cải cách hành chính tỉnh Hòa Lâm")+fmt.Sprintf(`Trang này công bố kết quả **Chỉ số cải cách hành chính** (Chỉ số CCHC) hằng năm của các cơ quan, đơn vị trên địa bàn tỉnh Hòa Lâm: các sở, ban, ngành; các cơ quan Trung ương đóng trên địa bàn; Ủy ban nhân dân cấp huyện (đến năm 2024) và Ủy ban nhân dân cấp xã.

> **Dữ liệu minh họa.** Tỉnh Hòa Lâm không có thật. Mọi tên gọi, điểm số, quyết định và chữ ký trên trang đều do chương trình tạo ra để trình diễn phần mềm; không được dùng để đánh giá bất kỳ cơ quan thật nào.

Mỗi năm có một bảng xếp hạng cho từng khối, kèm quyết định công bố và phụ lục gốc. Từ năm 2022, trang còn có phiếu chấm điểm chi tiết của từng đơn vị: điểm tối đa, điểm tự chấm, điểm thẩm định và ý kiến của tổ thẩm định ở từng tiêu chí. Các năm 2019–2021 chỉ có phụ lục tổng hợp, nên trang chỉ hiển thị những gì phụ lục công bố.

Kết quả mới nhất là năm %d. Từ ngày 01/7/2025 tỉnh không còn cấp huyện; các xã được sắp xếp lại và một số sở được hợp nhất. Trang của mỗi đơn vị mới vẫn hiển thị kết quả của các đơn vị tiền thân, có ghi rõ là kết quả của đơn vị tiền thân.
`, last)))

	files = append(files, textFile("content/index.en.md", front("Public Administration Reform Index of Hòa Lâm Province")+fmt.Sprintf(`This site publishes the yearly results of the **Public Administration Reform Index** (PAR Index) of the agencies and units of Hòa Lâm province: the provincial departments; the central agencies located in the province; the district people's committees (until 2024) and the commune people's committees.

> **Illustrative data.** Hòa Lâm province does not exist. Every name, score, decision and signature on this site was generated to demonstrate the software; none of it may be used to assess any real agency.

Each year has a ranking for each group, with its publication decision and the original annex. From 2022 the site also has each unit's detailed scoring sheet: the maximum, self-assessed and appraised scores and the appraisal team's remarks for every criterion. For 2019–2021 only the summary annex exists, so the site shows only what the annex published.

The latest results are for %d. From 1 July 2025 the province no longer has districts; communes were reorganised and some departments merged. The page of each new unit still shows its predecessors' results, marked as such.
`, last)))

	files = append(files, textFile("content/pages/gioi-thieu.md", front("Giới thiệu")+`## Chỉ số cải cách hành chính là gì?

Chỉ số CCHC đo mức độ thực hiện nhiệm vụ cải cách hành chính trong năm của từng cơ quan, đơn vị. Mỗi đơn vị tự chấm điểm theo bộ chỉ số và nộp tài liệu kiểm chứng; tổ thẩm định xem xét và chấm lại; Sở Nội vụ tổ chức điều tra xã hội học và, từ năm 2025, khảo sát sự hài lòng của người dân (SIPAS). Chỉ số của đơn vị là tổng điểm đạt được chia cho tổng điểm tối đa áp dụng với đơn vị, nhân 100[^ad].

## Các bộ chỉ số đã áp dụng

`+p.frameworkTable()+`
Vì bộ chỉ số thay đổi vào các năm 2022 và 2025, điểm số của các năm thuộc những bộ chỉ số khác nhau không so sánh trực tiếp được; chỉ số (%) và các lĩnh vực có mặt ở cả hai bộ là căn cứ so sánh hợp lý hơn.

## Xếp loại

Đơn vị được xếp loại theo ngưỡng điểm của bộ chỉ số. Riêng khối huyện, một huyện chỉ giữ mức xếp loại khi ít nhất hai phần ba số xã trực thuộc đạt cùng mức trở lên; nếu không, huyện bị hạ một mức.

## Về dữ liệu trên trang

Toàn bộ dữ liệu là hư cấu, được tạo bởi chương trình `+"`go run ./cmd/genexample`"+` trong mã nguồn của parindex.

[^ad]: Khi một tiêu chí không áp dụng với đơn vị (ví dụ đơn vị không có thủ tục phát sinh nghĩa vụ tài chính), điểm tối đa của tiêu chí đó được loại khỏi mẫu số. Vì vậy hai đơn vị có cùng tổng điểm có thể có chỉ số khác nhau.
`))

	for _, y := range p.years {
		files = append(files, textFile(fmt.Sprintf("content/years/%d.md", y), p.yearNarrative(y, decisions[y])))
	}

	// Group-year narratives where something happened.
	files = append(files, textFile("content/years/2022/huyen.md", p.groupYearNarrative(2022, "huyen",
		"Từ ngày 01/02/2022 Huyện Đông Xuyên trở thành Thị xã Đông Xuyên; bốn xã của thị xã trở thành phường. Kết quả năm 2022 được công bố theo tên mới; lịch sử của đơn vị vẫn liên tục.")))
	files = append(files, textFile("content/years/2023/so.md", p.groupYearNarrative(2023, "so",
		"Năm 2023 Thanh tra tỉnh không có thủ tục hành chính phát sinh nghĩa vụ tài chính, nên tiêu chí thanh toán trực tuyến không áp dụng và điểm tối đa của đơn vị là 98,5. Đơn vị được xếp hạng theo chỉ số (%), không theo tổng điểm. Ban Quản lý các khu công nghiệp chưa được đánh giá do đang kiện toàn tổ chức: đơn vị có tên trong phụ lục nhưng không có điểm và không được xếp hạng.")))
	tie := p.tiedPair(2024, "so")
	files = append(files, textFile("content/years/2024/so.md", p.groupYearNarrative(2024, "so",
		fmt.Sprintf("%s và %s có tổng điểm bằng nhau đến từng phần trăm điểm nên cùng xếp hạng %d; thứ hạng tiếp theo được bỏ qua một bậc.", tie[0].name, tie[1].name, tie[0].rank))))
	files = append(files, textFile("content/years/2025/xa.md", p.groupYearNarrative(2025, "xa",
		"Đây là năm đầu tiên các xã, phường mới (thành lập ngày 01/7/2025) được đánh giá theo bộ chỉ số mới, có thêm điểm khảo sát sự hài lòng của người dân. Kết quả của các xã cũ trước sắp xếp vẫn được lưu tại trang của từng đơn vị.")))

	// Units with a history worth telling.
	unitTexts := map[string]string{
		"so-noi-vu":                 "Sở Nội vụ là cơ quan tham mưu về cải cách hành chính và tổ chức việc xác định Chỉ số CCHC hằng năm. Từ ngày 01/3/2025, Sở Lao động - Thương binh và Xã hội hợp nhất vào Sở Nội vụ; kết quả các năm trước của sở này được hiển thị như kết quả của đơn vị tiền thân.",
		"so-nong-nghiep-moi-truong": "Sở Nông nghiệp và Môi trường được thành lập ngày 01/3/2025 trên cơ sở hợp nhất Sở Tài nguyên và Môi trường và Sở Nông nghiệp và Phát triển nông thôn. Năm 2025 là năm đầu tiên sở được đánh giá; các năm trước là kết quả của hai đơn vị tiền thân.",
		"huyen-dong-xuyen":          "Đơn vị mang tên Huyện Đông Xuyên đến ngày 31/01/2022 và Thị xã Đông Xuyên từ ngày 01/02/2022. Ngày 01/7/2025 cấp huyện kết thúc hoạt động; nhiệm vụ được chuyển cho các phường, xã mới trên địa bàn.",
		"thanh-tra-tinh":            "Thanh tra tỉnh có ít thủ tục hành chính, nên một số tiêu chí về thủ tục có thể không áp dụng trong một số năm; khi đó chỉ số được tính trên điểm tối đa áp dụng.",
		"ban-quan-ly-kcn":           "Ban Quản lý các khu công nghiệp không được đánh giá năm 2023 do đang kiện toàn tổ chức; các năm khác đơn vị được đánh giá bình thường.",
	}
	for _, id := range slices.Sorted(maps.Keys(unitTexts)) {
		u := p.reg.Unit(id)
		files = append(files, textFile("content/units/"+id+".md", front(u.Current().Name)+unitTexts[id]+"\n"+p.unitHistoryTable(id)))
	}
	files = append(files, textFile("content/units/thanh-tra-tinh/2023.md", front("Thanh tra tỉnh năm 2023")+
		"Tiêu chí 34.3 (thanh toán trực tuyến) được xác định là không áp dụng với đơn vị. Điểm tối đa của đơn vị năm 2023 là 98,5 thay vì 100, và chỉ số được tính trên 98,5 điểm.\n"))
	files = append(files, textFile("content/units/ban-quan-ly-kcn/2023.md", front("Ban Quản lý các khu công nghiệp năm 2023")+
		"Đơn vị không nộp hồ sơ tự đánh giá trong năm do đang kiện toàn tổ chức bộ máy. Phụ lục công bố để trống điểm của đơn vị; đơn vị không được xếp hạng, và việc không có điểm không được hiểu là điểm 0.\n"))
	files = append(files, textFile(fmt.Sprintf("content/units/%s/2024.md", tie[0].unit.ID), front(tie[0].name+" năm 2024")+
		fmt.Sprintf("Năm 2024 đơn vị đạt %s điểm, bằng đúng tổng điểm của %s; hai đơn vị cùng xếp hạng %d.\n", vn(tie[0].total), tie[1].name, tie[0].rank)))
	return files
}

// tiedPair returns the first two units of a group-year that share a rank.
func (p *project) tiedPair(y int, g string) [2]*score {
	ss := p.scoresOf(y, g)
	for i := 1; i < len(ss); i++ {
		if ss[i].scored && ss[i].rank == ss[i-1].rank {
			return [2]*score{ss[i-1], ss[i]}
		}
	}
	panic(fmt.Sprintf("example: no tie in %d/%s", y, g))
}

// unitHistoryTable is a GFM table of a unit's results over the years.
func (p *project) unitHistoryTable(id string) string {
	var b strings.Builder
	b.WriteString("\n| Năm | Tên đơn vị | Chỉ số (%) | Xếp hạng | Xếp loại |\n|---|---|---:|---:|---|\n")
	n := 0
	for _, y := range p.years {
		s := p.unitScore(y, id)
		if s == nil {
			continue
		}
		n++
		if !s.scored {
			fmt.Fprintf(&b, "| %d | %s | chưa đánh giá | | |\n", y, s.name)
			continue
		}
		band := ""
		if b := s.shownBand(); b != nil {
			band = b.Name
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %d/%d | %s |\n", y, s.name, vn(s.index), s.rank, p.statsOf(y, s.group).scored, band)
	}
	if n == 0 {
		return ""
	}
	return b.String()
}

// yearNarrative summarises a year: a table of the groups and a paragraph on
// what changed.
func (p *project) yearNarrative(y int, d *decision) string {
	var b strings.Builder
	b.WriteString(front(fmt.Sprintf("Kết quả Chỉ số CCHC năm %d", y)))
	fmt.Fprintf(&b, "Kết quả năm %d được công bố theo Quyết định số %s ngày %s của Ủy ban nhân dân tỉnh.\n\n", y, d.number, d.date)
	b.WriteString("| Khối | Số đơn vị | Chỉ số bình quân (%) | Dẫn đầu | Thấp nhất |\n|---|---:|---:|---|---|\n")
	for _, g := range d.groups {
		st := p.statsOf(y, g)
		fmt.Fprintf(&b, "| %s | %d | %s | %s (%s) | %s (%s) |\n", p.group(g).Name, st.scored, vn(st.avg),
			st.top.name, vn(st.top.index), st.last.name, vn(st.last.index))
	}
	b.WriteString("\n")
	switch {
	case y <= 2021:
		b.WriteString("Năm này chỉ có phụ lục tổng hợp được công bố; phiếu chấm điểm chi tiết của từng đơn vị không được lưu trữ, nên trang không có điểm theo từng tiêu chí.\n")
	case y == 2022:
		b.WriteString("Năm 2022 tỉnh áp dụng bộ chỉ số mới cho khối sở, ban, ngành với 8 lĩnh vực, bổ sung lĩnh vực tác động của cải cách hành chính và điểm thưởng, điểm trừ. So sánh với năm 2021 nên dựa vào chỉ số (%), không dựa vào điểm số.\n")
	case y == 2025:
		b.WriteString("Năm 2025 là năm đầu tiên sau sắp xếp tổ chức bộ máy: cấp huyện không còn nên không có bảng xếp hạng khối huyện[^cq]; các xã, phường mới được đánh giá theo bộ chỉ số riêng; từ ngày 01/3/2025 sáu sở được hợp nhất vào sở khác, trong đó hai sở hợp thành Sở Nông nghiệp và Môi trường.\n\n")
		b.WriteString("[^cq]: Kết quả năm 2024 là kết quả cuối cùng của khối huyện.\n")
	}
	for _, s := range p.differences {
		if s.year == y {
			fmt.Fprintf(&b, "\nPhụ lục kèm theo Quyết định in xếp loại %s cho %s, trong khi chỉ số %s%% của đơn vị theo Bộ Chỉ số chỉ đạt mức %s. Trang công bố đúng như Quyết định, đánh dấu ‡ bên cạnh xếp loại này và ghi chênh lệch tại trang Đối chiếu số liệu.\n",
				s.printed.Name, s.name, vn(s.index), s.band.Name)
		}
	}
	if st := p.statsOf(y, "huyen"); len(st.ruleDrops) > 0 {
		var names []string
		for _, s := range st.ruleDrops {
			names = append(names, s.name)
		}
		fmt.Fprintf(&b, "\nTheo quy định về tỷ lệ xã đạt chuẩn, %s bị hạ một mức xếp loại vì chưa đủ hai phần ba số xã trực thuộc đạt cùng mức.\n", strings.Join(names, ", "))
	}
	return b.String()
}

// groupYearNarrative is a group-year's paragraph plus its band summary.
func (p *project) groupYearNarrative(y int, g, text string) string {
	st := p.statsOf(y, g)
	return front(fmt.Sprintf("%s năm %d", p.group(g).Name, y)) + text + "\n\n" +
		fmt.Sprintf("Có %d đơn vị được đánh giá, chỉ số bình quân %s%%: %s.\n", st.scored, vn(st.avg), st.bandText())
}
