package site

import (
	"strconv"

	"parindex/internal/compute"
	"parindex/internal/par"
)

// The fixture is a small province built by hand (no ingest, no compute):
//
//   - three ranking groups: departments (so), districts (huyen), communes
//     (xa, parent group huyen), and a group scored but never ranked (dac-thu);
//   - 2022 known from the published annex only; 2023 from detail sheets for
//     the departments (with a framework change, so year-on-year changes are
//     marked not comparable) and from the annex for districts and communes;
//   - a tie (rank 2, 2, 4), a unit not scored in 2023, a renamed unit, a
//     merger after the data years (so-lao-dong into so-noi-vu: its results
//     appear as a predecessor's), a commune formed in 2023 from two others
//     (its change is computed via a predecessor), a district band lowered by
//     the 2/3 rule, a not-applicable criterion, bonus and penalty points;
//   - decisions, narratives and a free page.
//
// hostile replaces every free-text field with an injection attempt.

type fixture struct {
	ds  *par.Dataset
	res *par.Results
}

func pt(s string) par.Points { return par.MustPoints(s) }

func srcCell(file, sheet, cell string) par.Source {
	return par.Source{File: file, Sheet: sheet, Cell: cell}
}

func pubFig(s string, src par.Source) par.Figure {
	p, d, err := par.ParsePoints(s)
	if err != nil {
		panic(err)
	}
	return par.Pub(p, d, src)
}

func compFig(s string, src par.Source) par.Figure {
	p, _, err := par.ParsePoints(s)
	if err != nil {
		panic(err)
	}
	return par.Comp(p, 2, src)
}

func newFixture(hostile string) *fixture {
	txt := func(s string) string {
		if hostile != "" {
			return hostile
		}
		return s
	}
	ds := &par.Dataset{
		Site: par.Site{
			Title:     txt("Chỉ số cải cách hành chính tỉnh Thử Nghiệm"),
			Province:  "Thử Nghiệm",
			Publisher: txt("Sở Nội vụ tỉnh Thử Nghiệm"),
			Sample:    true,
			BaseURL:   "/",
		},
	}
	reg := &par.Registry{
		Groups: []*par.Group{
			{ID: "so", Name: txt("Sở, ban, ngành"), Order: 0},
			{ID: "huyen", Name: "UBND cấp huyện", Order: 1},
			{ID: "xa", Name: "UBND cấp xã", Order: 2, ParentGroup: "huyen"},
			{ID: "dac-thu", Name: "Cơ quan đặc thù", Order: 3, Unranked: true},
		},
	}
	d := func(y, m, dd int) par.Date { return par.Date{Year: y, Month: m, Day: dd} }
	unit := func(id, group, name string) *par.Unit {
		u := &par.Unit{ID: id, Group: group, Names: []par.Name{{Name: name}}}
		reg.Units = append(reg.Units, u)
		return u
	}
	noiVu := unit("so-noi-vu", "so", txt("Sở Nội vụ"))
	noiVu.Names[0].NameEn = "Department of Home Affairs"
	noiVu.Events = []par.Event{{Kind: par.EventMergedFrom, Date: d(2024, 3, 1), Units: []string{"so-lao-dong"}}}
	laoDong := unit("so-lao-dong", "so", "Sở Lao động - Thương binh và Xã hội")
	laoDong.Events = []par.Event{{Kind: par.EventMergedInto, Date: d(2024, 3, 1), Units: []string{"so-noi-vu"}}}
	taiChinh := unit("so-tai-chinh", "so", "Sở Tài chính")
	khcn := unit("so-kh-cn", "so", "Sở Khoa học và Công nghệ")
	khcn.Names = append(khcn.Names, par.Name{Name: "Sở Khoa học, Công nghệ và Đổi mới sáng tạo", From: d(2023, 6, 1)})
	khcn.Events = []par.Event{{Kind: par.EventRenamed, Date: d(2023, 6, 1)}}
	xayDung := unit("so-xay-dung", "so", "Sở Xây dựng")
	anLam := unit("huyen-an-lam", "huyen", "UBND huyện An Lâm")
	anLam.Events = []par.Event{{Kind: par.EventDissolved, Date: d(2025, 7, 1), Note: "sắp xếp đơn vị hành chính hai cấp"}}
	binhSon := unit("huyen-binh-son", "huyen", "UBND huyện Bình Sơn")
	tanAn := unit("xa-tan-an", "xa", "UBND xã Tân An")
	tanAn.Parent = "huyen-an-lam"
	tanAn.Events = []par.Event{{Kind: par.EventMergedInto, Date: d(2023, 1, 1), Units: []string{"xa-tan-phu"}}}
	phuMy := unit("xa-phu-my", "xa", "UBND xã Phú Mỹ")
	phuMy.Parent = "huyen-an-lam"
	phuMy.Events = []par.Event{{Kind: par.EventMergedInto, Date: d(2023, 1, 1), Units: []string{"xa-tan-phu"}}}
	tanPhu := unit("xa-tan-phu", "xa", "UBND xã Tân Phú")
	tanPhu.Parent = "huyen-an-lam"
	tanPhu.Events = []par.Event{{Kind: par.EventCreated, Date: d(2023, 1, 1), Units: []string{"xa-tan-an", "xa-phu-my"}}}
	binhMinh := unit("xa-binh-minh", "xa", "UBND xã Bình Minh")
	binhMinh.Parent = "huyen-binh-son"
	congAn := unit("cong-an-tinh", "dac-thu", "Công an tỉnh")
	reg.Index()
	ds.Registry = reg

	bands := []par.Band{
		{ID: "tot", Name: txt("Tốt"), Min: pt("80")},
		{ID: "kha", Name: "Khá", Min: pt("65")},
		{ID: "tb", Name: "Trung bình", Min: pt("0")},
	}
	leaf := func(code, title, max string, m par.Method) *par.Node {
		return &par.Node{Code: code, Title: title, Max: pt(max), Method: m}
	}
	inner := func(code, title, max string, kids ...*par.Node) *par.Node {
		return &par.Node{Code: code, Title: title, Max: pt(max), Children: kids}
	}
	so2019 := &par.Framework{
		ID: "so-2019", Title: "Bộ Chỉ số CCHC các sở, ban, ngành (2019)", Groups: []string{"so"},
		From: 2019, To: 2022, Basis: par.BasisIndex, Decimals: 2, Bands: bands,
		Areas: []*par.Node{
			inner("I", "Công tác chỉ đạo, điều hành", "50", leaf("1", "Kế hoạch CCHC", "50", "")),
			inner("II", "Cải cách thủ tục hành chính", "50", leaf("1", "Công khai thủ tục", "50", "")),
		},
	}
	so2023 := &par.Framework{
		ID: "so-2023", Title: "Bộ Chỉ số CCHC các sở, ban, ngành (2023)", Groups: []string{"so"},
		From: 2023, Basis: par.BasisIndex, Decimals: 2, Bands: bands,
		Areas: []*par.Node{
			{Code: "I", Title: txt("Công tác chỉ đạo, điều hành cải cách hành chính"), Max: pt("10"), Lead: "so-noi-vu", Children: []*par.Node{
				inner("1", "Kế hoạch cải cách hành chính năm", "7",
					leaf("1.1", "Ban hành kế hoạch đúng thời hạn", "4", ""),
					leaf("1.2", "Mức độ hoàn thành kế hoạch", "3", "")),
				leaf("2", "Mức độ hài lòng về chỉ đạo, điều hành", "3", par.MethodSurvey),
			}},
			inner("II", "Cải cách thể chế", "10",
				leaf("1", "Xây dựng văn bản quy phạm pháp luật", "6", ""),
				leaf("2", "Sự hài lòng của người dân", "4", par.MethodSatisfaction)),
		},
		Bonus:   []par.Extra{{Code: "T1", Title: "Sáng kiến, giải pháp mới trong CCHC", Max: pt("1")}},
		Penalty: []par.Extra{{Code: "P1", Title: "Vi phạm kỷ luật hành chính bị xử lý", Max: pt("2")}},
		Note:    "Khung điểm theo hướng dẫn của Bộ Nội vụ.\n\nĐiểm khảo sát do Sở Nội vụ tổ chức.",
	}
	hx := &par.Framework{
		ID: "huyen-xa-2019", Title: "Bộ Chỉ số CCHC cấp huyện, cấp xã", Groups: []string{"huyen", "xa", "dac-thu"},
		From: 2019, Basis: par.BasisIndex, Decimals: 2, Bands: bands,
		Rules: []par.Rule{{Kind: par.RuleChildBandShare, ChildGroup: "xa", Num: 2, Den: 3}},
		Areas: []*par.Node{
			inner("I", "Chỉ đạo, điều hành", "60", leaf("1", "Kế hoạch", "60", "")),
			inner("II", "Thủ tục hành chính", "40", leaf("1", "Giải quyết hồ sơ", "40", "")),
		},
	}
	for _, f := range []*par.Framework{so2019, so2023, hx} {
		f.Index()
	}
	ds.Frameworks = []*par.Framework{so2019, so2023, hx}

	// Decisions and narratives.
	qd2022 := &par.Doc{Kind: par.DocDecision, Path: "content/decisions/2022.md", Slug: "215-qd-ubnd-2023",
		Title: txt("Phê duyệt và công bố Chỉ số CCHC năm 2022"), Year: 2022, Number: "215/QĐ-UBND", Date: d(2023, 2, 15),
		Issuer: "Ủy ban nhân dân tỉnh Thử Nghiệm", Signer: "Nguyễn Văn A", SignerTitle: "Phó Chủ tịch",
		Groups:      []string{"so", "huyen", "xa"},
		Attachments: []par.Attachment{{Title: "Quyết định đã ký (PDF)", File: "files/2022/qd-215.pdf"}},
		Body:        []byte("<p><strong>Điều 1.</strong> Phê duyệt và công bố Chỉ số CCHC năm 2022.</p>")}
	qd2023 := &par.Doc{Kind: par.DocDecision, Path: "content/decisions/2023.md", Slug: "1007-qd-ubnd-2024",
		Title: txt("Phê duyệt và công bố Chỉ số CCHC năm 2023"), Year: 2023, Number: "1007/QĐ-UBND", Date: d(2024, 2, 20),
		Issuer: "Ủy ban nhân dân tỉnh Thử Nghiệm", Signer: txt("Trần Thị B"), SignerTitle: "Chủ tịch",
		Groups: []string{"so", "huyen", "xa", "dac-thu"},
		Attachments: []par.Attachment{
			{Title: txt("Quyết định đã ký (PDF)"), File: "files/2023/qd-1007.pdf"},
			{File: "files/2023/phu-luc.xlsx"},
		},
		Body: []byte("<p><strong>Điều 1.</strong> Phê duyệt và công bố Chỉ số CCHC năm 2023.</p>\n<p><strong>Điều 2.</strong> Quyết định có hiệu lực kể từ ngày ký.</p>")}
	ds.Docs = []*par.Doc{
		qd2022, qd2023,
		{Kind: par.DocSite, Path: "content/index.md", Title: txt("Giới thiệu"), Body: []byte("<p>Trang công bố kết quả Chỉ số CCHC của tỉnh.</p>")},
		{Kind: par.DocYear, Path: "content/years/2023.md", Year: 2023, Body: []byte("<p>Năm 2023 áp dụng bộ chỉ số mới cho khối sở.</p>")},
		{Kind: par.DocGroupYear, Path: "content/years/2023/so.md", Year: 2023, Group: "so", Title: "Nhận xét", Body: []byte("<p>Khối sở có kết quả đồng đều.</p>")},
		{Kind: par.DocUnit, Path: "content/units/so-noi-vu.md", Unit: "so-noi-vu", Body: []byte("<p>Cơ quan chủ trì công tác CCHC của tỉnh.</p>")},
		{Kind: par.DocUnitYear, Path: "content/units/so-noi-vu/2023.md", Unit: "so-noi-vu", Year: 2023, Body: []byte("<p>Năm 2023 mất điểm ở tiêu chí I.1.2.</p>")},
		{Kind: par.DocUnitYear, Path: "content/units/xa-binh-minh/2023.md", Unit: "xa-binh-minh", Year: 2023, Body: []byte("<p>Xã không nộp hồ sơ tự đánh giá năm 2023.</p>")},
		{Kind: par.DocPage, Path: "content/pages/gioi-thieu.md", Slug: "gioi-thieu", Title: txt("Giới thiệu"), Body: []byte("<p>Về trang này.</p>")},
		{Kind: par.DocPage, Path: "content/pages/en.md", Slug: "about", Lang: "en", Title: "About", Body: []byte("<p>English.</p>")},
	}
	ds.Assets = []string{"files/2022/qd-215.pdf", "files/2023/qd-1007.pdf", "files/2023/phu-luc.xlsx"}

	// Results.
	res := &par.Results{Years: []int{2022, 2023}, ByUnit: map[string][]*par.Result{}}
	annexSrc := func(year int, sheet string, row int, col string) par.Source {
		return srcCell("data/scores/"+strconv.Itoa(year)+"/phu-luc.xlsx", sheet, col+strconv.Itoa(row))
	}
	band := func(fw *par.Framework, id string, o par.Origin, src par.Source) par.BandMark {
		i := fw.BandIndex(id)
		return par.BandMark{ID: id, Name: fw.Bands[i].Name, Origin: o, Src: src}
	}
	// annex makes a published annex-only result.
	annex := func(u *par.Unit, group string, fw *par.Framework, year, row int, index string, rank int, bandID string) *par.Result {
		sheet := "Khối " + group
		r := &par.Result{Unit: u, Group: group, Year: year, Framework: fw, Name: u.NameAt(year).Name, Scored: true,
			Total: pubFig(index, annexSrc(year, sheet, row, "C")),
			Index: pubFig(index, annexSrc(year, sheet, row, "G")),
			Rank:  par.Rank{N: rank, Origin: par.Published, Src: annexSrc(year, sheet, row, "A")},
			Band:  band(fw, bandID, par.Published, annexSrc(year, sheet, row, "H")),
			Max:   pt("100"),
		}
		return r
	}
	unscored := func(u *par.Unit, group string, fw *par.Framework, year int) *par.Result {
		return &par.Result{Unit: u, Group: group, Year: year, Framework: fw, Name: u.NameAt(year).Name}
	}

	// 2022 departments: annex with components and area columns; a tie.
	tc22 := annex(taiChinh, "so", so2019, 2022, 5, "91.50", 1, "tot")
	tc22.Appraised = pubFig("60.25", annexSrc(2022, "Khối so", 5, "D"))
	tc22.Survey = pubFig("21.25", annexSrc(2022, "Khối so", 5, "E"))
	tc22.Satisfaction = pubFig("10.00", annexSrc(2022, "Khối so", 5, "F"))
	tc22.Areas = []par.AreaResult{
		{Code: "I", Title: "Công tác chỉ đạo, điều hành", Points: pubFig("45.50", annexSrc(2022, "Khối so", 5, "I"))},
		{Code: "II", Title: "Cải cách thủ tục hành chính", Points: pubFig("46.00", annexSrc(2022, "Khối so", 5, "J"))},
	}
	so22 := []*par.Result{
		tc22,
		annex(noiVu, "so", so2019, 2022, 6, "85.25", 2, "tot"),
		annex(laoDong, "so", so2019, 2022, 7, "85.25", 2, "tot"),
		annex(khcn, "so", so2019, 2022, 8, "70.10", 4, "kha"),
		annex(xayDung, "so", so2019, 2022, 9, "60.00", 5, "tb"),
	}

	// 2023 departments: detail sheets under the new framework.
	sheetSrc := func(u *par.Unit, cell string) par.Source {
		return srcCell("data/scores/2023/so/"+u.ID+".xlsx", "Phiếu chấm", cell)
	}
	detail := func(u *par.Unit, total, max, index string, rank int, bandID string, leaves map[string][2]string, na string) *par.Result {
		r := &par.Result{Unit: u, Group: "so", Year: 2023, Framework: so2023, Name: u.NameAt(2023).Name, Scored: true, Detail: true,
			Total: pubFig(total, sheetSrc(u, "F20")),
			Index: compFig(index, sheetSrc(u, "F20")),
			Max:   pt(max),
			Rank:  par.Rank{N: rank, Origin: par.Computed},
			Band:  band(so2023, bandID, par.Computed, par.Source{}),
		}
		// Build the tree bottom-up from the leaves' (self, appraised).
		row := 8
		var build func(n *par.Node) *par.NodeResult
		build = func(n *par.Node) *par.NodeResult {
			row++
			nr := &par.NodeResult{Node: n, Max: n.Max, Src: sheetSrc(u, "B"+strconv.Itoa(row))}
			if n.Leaf() {
				if n.Key == na {
					nr.NA, nr.Max = true, 0
					return nr
				}
				v := leaves[n.Key]
				nr.Self = pubFig(v[0], sheetSrc(u, "D"+strconv.Itoa(row)))
				nr.Appraised = pubFig(v[1], sheetSrc(u, "F"+strconv.Itoa(row)))
				nr.Lost = nr.Max - nr.Appraised.Value
				if nr.Lost > 0 {
					nr.Remark = txt("Chưa đạt yêu cầu về thời hạn")
				}
				return nr
			}
			var self, appr, mx par.Points
			for _, c := range n.Children {
				cr := build(c)
				nr.Children = append(nr.Children, cr)
				self += cr.Self.Value
				appr += cr.Appraised.Value
				mx += cr.Max
			}
			nr.Max = mx
			nr.Self = par.Comp(self, 2, nr.Src)
			nr.Appraised = par.Comp(appr, 2, nr.Src)
			nr.Lost = mx - appr
			return nr
		}
		for _, a := range so2023.Areas {
			ar := build(a)
			r.Tree = append(r.Tree, ar)
			r.Areas = append(r.Areas, par.AreaResult{Code: a.Code, Title: a.Title, Max: ar.Max, Points: ar.Appraised})
		}
		var self par.Points
		for _, a := range r.Tree {
			self += a.Self.Value
		}
		r.SelfTotal = par.Comp(self, 2, sheetSrc(u, "D20"))
		return r
	}
	nv23 := detail(noiVu, "18.50", "20", "92.50", 1, "tot", map[string][2]string{
		"I/1/1.1": {"4", "4"}, "I/1/1.2": {"3", "2.5"}, "I/2": {"3", "2.75"},
		"II/1": {"6", "5.5"}, "II/2": {"4", "3.75"},
	}, "")
	nv23.Survey = compFig("2.75", par.Source{})
	nv23.Satisfaction = compFig("3.75", par.Source{})
	nv23.Appraised = compFig("12.00", par.Source{})
	nv23.Bonus = pubFig("0.50", sheetSrc(noiVu, "F18"))
	nv23.Penalty = pubFig("0.50", sheetSrc(noiVu, "F19"))
	tc23 := detail(taiChinh, "15.30", "17", "90.00", 2, "tot", map[string][2]string{
		"I/1/1.1": {"4", "3.8"}, "I/2": {"3", "2.5"}, "II/1": {"6", "5.5"}, "II/2": {"4", "3.5"},
	}, "I/1/1.2")
	ld23 := detail(laoDong, "16.00", "20", "80.00", 3, "tot", map[string][2]string{
		"I/1/1.1": {"4", "3"}, "I/1/1.2": {"3", "3"}, "I/2": {"3", "2.5"}, "II/1": {"6", "4.5"}, "II/2": {"4", "3"},
	}, "")
	kh23 := detail(khcn, "14.00", "20", "70.00", 4, "kha", map[string][2]string{
		"I/1/1.1": {"4", "3"}, "I/1/1.2": {"3", "2"}, "I/2": {"3", "2"}, "II/1": {"6", "4"}, "II/2": {"4", "3"},
	}, "")
	// chg is a change as compute gives it: rank counted over the common
	// units of groups of prevOf and of ranked units.
	chg := func(prevRank, rank int, index string, comparable bool, via string, common, prevOf, of int) *par.Change {
		return &par.Change{Year: 2022, PrevRank: prevRank, HasRank: true, Rank: rank, Common: common, PrevOf: prevOf, Of: of,
			Index: pt(index), HasIndex: true, Comparable: comparable, Via: via}
	}
	nv23.Prev = chg(2, 1, "7.25", false, "", 4, 5, 4)
	tc23.Prev = chg(1, -1, "-1.5", false, "", 4, 5, 4)
	ld23.Prev = chg(2, -1, "-5.25", false, "", 4, 5, 4)
	kh23.Prev = chg(4, 0, "-0.10", false, "", 4, 5, 4)
	so23 := []*par.Result{nv23, tc23, ld23, kh23, unscored(xayDung, "so", so2023, 2023)}

	// Districts and communes: annexes both years.
	h22 := []*par.Result{
		annex(anLam, "huyen", hx, 2022, 5, "82.00", 1, "tot"),
		annex(binhSon, "huyen", hx, 2022, 6, "75.00", 2, "kha"),
	}
	al23 := annex(anLam, "huyen", hx, 2023, 5, "84.00", 1, "kha")
	al23.Band.Origin = par.Computed
	// As the compute stage says it (compute.childBandShare): bands and the
	// group without English names, so English pages mark them.
	tot, kha := par.Name{Name: bands[0].Name}, par.Name{Name: bands[1].Name}
	al23.Band.Note = par.Textf("hạ từ %s xuống %s: %s", tot, kha,
		par.Textf("%d/%d %s đạt từ %s trở lên (cần ít nhất %d/%d)", 1, 2, par.Name{Name: "xã"}, tot, 2, 3))
	al23.Prev = chg(1, 0, "2", true, "", 2, 2, 2)
	bs23 := annex(binhSon, "huyen", hx, 2023, 6, "78.00", 2, "kha")
	bs23.Prev = chg(2, 0, "3", true, "", 2, 2, 2)
	h23 := []*par.Result{al23, bs23}
	x22 := []*par.Result{
		annex(tanAn, "xa", hx, 2022, 5, "88.00", 1, "tot"),
		annex(phuMy, "xa", hx, 2022, 6, "72.00", 2, "kha"),
		annex(binhMinh, "xa", hx, 2022, 7, "66.00", 3, "kha"),
	}
	// Ranks within the district: computed, and one as the annex published
	// it (ranks restarting under each district).
	x22[0].ParentRank, x22[0].ParentOf = par.Rank{N: 1, Origin: par.Computed}, 2
	x22[1].ParentRank, x22[1].ParentOf = par.Rank{N: 2, Origin: par.Computed}, 2
	x22[2].ParentRank, x22[2].ParentOf = par.Rank{N: 1, Origin: par.Published, Src: x22[2].Rank.Src}, 1
	tp23 := annex(tanPhu, "xa", hx, 2023, 5, "80.50", 1, "tot")
	tp23.ParentRank, tp23.ParentOf = par.Rank{N: 1, Origin: par.Computed}, 1
	tp23.Prev = chg(1, 0, "-7.5", true, "xa-tan-an", 1, 3, 1)
	// Its detail sheet lacks a score: the published annex figures are shown.
	tp23.Detail, tp23.Incomplete, tp23.Missing = true, true, []string{"II/1"}
	// The decision printed Bình Sơn's band as Khá where its index gives
	// Tốt; the difference is recorded and published as printed.
	res.Reconciled = []*par.Reconciliation{{
		ID: "dc-1", Cells: []par.Source{bs23.Band.Src}, Published: "Khá", Rule: "Tốt",
		Reason: txt("Quyết định số 1007/QĐ-UBND in xếp loại Khá."), RecordedBy: txt("Phòng CCHC, Sở Nội vụ"),
		Date: d(2024, 3, 2), Decision: "1007/QĐ-UBND", Src: par.Source{File: "data/reconciliation.yaml", Line: 2},
		Kind: "band", Unit: binhSon.ID, Year: 2023, Figure: "band",
	}}
	x23 := []*par.Result{tp23, unscored(binhMinh, "xa", hx, 2023)}

	// A group scored but not ranked.
	ca23 := annex(congAn, "dac-thu", hx, 2023, 5, "88.00", 0, "tot")
	ca23.Rank = par.Rank{}
	dt23 := []*par.Result{ca23}

	group := func(id string) *par.Group { return reg.Group(id) }
	rk := func(g string, year int, fw *par.Framework, dec *par.Doc, rs []*par.Result) *par.Ranking {
		return &par.Ranking{Group: group(g), Year: year, Framework: fw, Results: rs, Decision: dec}
	}
	so23rk := rk("so", 2023, so2023, qd2023, so23)
	so23rk.AreaStats = []par.AreaStat{
		{Code: "I", Title: so2023.Areas[0].Title, Max: pt("10"), Avg: pt("85"), Best: pt("95"), N: 4},
		{Code: "II", Title: so2023.Areas[1].Title, Max: pt("10"), Avg: pt("80"), Best: pt("92.5"), N: 4},
	}
	res.Rankings = []*par.Ranking{
		rk("so", 2022, so2019, qd2022, so22),
		rk("huyen", 2022, hx, qd2022, h22),
		rk("xa", 2022, hx, qd2022, x22),
		so23rk,
		rk("huyen", 2023, hx, qd2023, h23),
		rk("xa", 2023, hx, qd2023, x23),
		rk("dac-thu", 2023, hx, qd2023, dt23),
	}
	for _, rk := range res.Rankings {
		for _, r := range rk.Results {
			res.ByUnit[r.Unit.ID] = append(res.ByUnit[r.Unit.ID], r)
		}
	}
	res.Histories = fixtureHistories(reg, res.Rankings)
	// Comparisons of two years are derived from the rankings by the
	// compute stage's own function, not written out by hand.
	res.Pairs = compute.Pairs(reg, res)
	f := &fixture{ds: ds, res: res}
	for _, extend := range fixtureExtensions {
		extend(f)
	}
	return f
}

// fixtureExtensions extend the fixture for one feature each, from that
// feature's own test file (registered in its init).
var fixtureExtensions []func(f *fixture)

// input hands the fixture to the render stage. The fixture's documents
// hold their finished HTML in Body: the docs stage is not under test here.
func (f *fixture) input(base string) *Input {
	html := map[string]string{}
	for _, d := range f.ds.Docs {
		html[d.Path] = string(d.Body)
	}
	return &Input{Dataset: f.ds, Results: f.res, BaseURL: base, HTML: html}
}
