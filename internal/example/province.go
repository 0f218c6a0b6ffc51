package example

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// The example province, Hòa Lâm, does not exist; its districts and communes
// carry invented names built from common Vietnamese place-name syllables.

const province = "Hòa Lâm"

func date(y, m, d int) par.Date { return par.Date{Year: y, Month: m, Day: d} }

var (
	reformDepts    = date(2025, 3, 1) // departments merged
	reformCommunes = date(2025, 7, 1) // districts abolished, communes merged
	townUpgrade    = date(2022, 2, 1) // Huyện Đông Xuyên becomes a thị xã
)

// department is one provincial department or agency of the example.
type department struct {
	id, name, nameEn, abbr string
	base                   int // quality in permille; 0: drawn
}

var departments = []department{
	{"so-noi-vu", "Sở Nội vụ", "Department of Home Affairs", "SNV", 930},
	{"so-tu-phap", "Sở Tư pháp", "Department of Justice", "STP", 880},
	{"so-tai-chinh", "Sở Tài chính", "Department of Finance", "STC", 0},
	{"so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment", "SKHĐT", 0},
	{"so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", "Department of Education and Training", "SGDĐT", 0},
	{"so-y-te", "Sở Y tế", "Department of Health", "SYT", 0},
	{"so-lao-dong-tbxh", "Sở Lao động - Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs", "SLĐTBXH", 0},
	{"so-giao-thong-van-tai", "Sở Giao thông vận tải", "Department of Transport", "SGTVT", 0},
	{"so-xay-dung", "Sở Xây dựng", "Department of Construction", "SXD", 0},
	{"so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment", "STNMT", 0},
	{"so-nong-nghiep-ptnt", "Sở Nông nghiệp và Phát triển nông thôn", "Department of Agriculture and Rural Development", "SNN", 0},
	{"so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", "Department of Information and Communications", "STTTT", 0},
	{"so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", "Department of Science and Technology", "SKHCN", 0},
	{"so-cong-thuong", "Sở Công Thương", "Department of Industry and Trade", "SCT", 0},
	{"so-van-hoa-the-thao-du-lich", "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism", "SVHTTDL", 0},
	{"so-ngoai-vu", "Sở Ngoại vụ", "Department of Foreign Affairs", "SNgV", 640},
	{"thanh-tra-tinh", "Thanh tra tỉnh", "Provincial Inspectorate", "TTr", 0},
	{"van-phong-ubnd", "Văn phòng UBND tỉnh", "Office of the Provincial People's Committee", "VP", 900},
	{"ban-quan-ly-kcn", "Ban Quản lý các khu công nghiệp", "Industrial Zones Authority", "BQL", 0},
	{"ban-dan-toc", "Ban Dân tộc", "Ethnic Minorities Committee", "BDT", 620},
}

var centralAgencies = []department{
	{"kho-bac", "Kho bạc Nhà nước tỉnh Hòa Lâm", "State Treasury of Hòa Lâm", "KBNN", 0},
	{"cuc-thue", "Cục Thuế tỉnh Hòa Lâm", "Tax Department of Hòa Lâm", "CT", 0},
	{"cong-an-tinh", "Công an tỉnh Hòa Lâm", "Provincial Police", "CAT", 0},
	{"bhxh-tinh", "Bảo hiểm xã hội tỉnh Hòa Lâm", "Provincial Social Insurance", "BHXH", 0},
	{"hai-quan", "Chi cục Hải quan Hòa Lâm", "Hòa Lâm Customs Branch", "HQ", 0},
}

// district is one district of the example with its number of communes.
type district struct {
	id, prefix, stem string
	communes         int
	base             int
}

var districts = []district{
	{"tp-hoa-lam", "Thành phố", "Hòa Lâm", 14, 870},
	{"huyen-dong-xuyen", "Huyện", "Đông Xuyên", 11, 760},
	{"huyen-an-lam", "Huyện", "An Lâm", 12, 0},
	{"huyen-tan-phong", "Huyện", "Tân Phong", 11, 0},
	{"huyen-van-khe", "Huyện", "Vân Khê", 10, 0},
	{"huyen-bach-thuy", "Huyện", "Bạch Thủy", 11, 0},
	{"huyen-ngoc-son", "Huyện", "Ngọc Sơn", 10, 0},
	{"huyen-kim-ha", "Huyện", "Kim Hà", 11, 0},
	{"huyen-truong-xuan", "Huyện", "Trường Xuân", 10, 0},
}

// Syllables for invented commune names.
var (
	firstSyllables = []string{
		"Tân", "Phú", "An", "Bình", "Hưng", "Thạch", "Vĩnh", "Quảng", "Đông", "Tây", "Nam", "Bắc",
		"Hòa", "Long", "Minh", "Phúc", "Thanh", "Trung", "Xuân", "Yên", "Cẩm", "Đại", "Hải", "Lạc",
		"Mỹ", "Phong", "Quang", "Sơn", "Thuận", "Tiến", "Hồng", "Đức", "Gia", "Hiệp", "Liên", "Nghĩa",
	}
	secondSyllables = []string{
		"An", "Bình", "Lợi", "Thịnh", "Hòa", "Phú", "Lộc", "Sơn", "Thủy", "Hưng", "Phong", "Thành",
		"Tiến", "Khê", "Hà", "Xuân", "Trung", "Mỹ", "Tân", "Quang", "Lạc", "Hải", "Long", "Ninh",
		"Giang", "Hiệp", "Vinh", "Tường", "Điền", "Cát", "Đồng", "Lĩnh", "Phước", "Nghĩa", "Tín", "Hậu",
	}
)

// stems hands out invented place names, unique after folding case and
// diacritics (so name matching can never confuse two communes).
type stems struct {
	r    *rng
	used map[string]bool
}

func newStems(seed uint64, taken ...string) *stems {
	s := &stems{r: newRng(seed, "stems"), used: map[string]bool{}}
	for _, t := range taken {
		s.used[viet.Key(t)] = true
	}
	return s
}

func (s *stems) next() string {
	for {
		a, b := pick(s.r, firstSyllables), pick(s.r, secondSyllables)
		if viet.Key(a) == viet.Key(b) {
			continue
		}
		n := a + " " + b
		if k := viet.Key(n); !s.used[k] {
			s.used[k] = true
			return n
		}
	}
}

func (s *stems) take(n string) bool {
	k := viet.Key(n)
	if s.used[k] {
		return false
	}
	s.used[k] = true
	return true
}

// exampleProject builds Hòa Lâm's registry, frameworks and scores for
// 2019–2025.
func exampleProject(seed uint64) *project {
	p := newProject(seed)
	p.site = siteInfo{
		title:       "Chỉ số cải cách hành chính tỉnh Hòa Lâm",
		titleEn:     "Public Administration Reform Index of Hòa Lâm Province",
		province:    province,
		publisher:   "Sở Nội vụ tỉnh Hòa Lâm",
		publisherEn: "Department of Home Affairs of Hòa Lâm Province",
		license:     "CC BY 4.0",
		licenseURL:  "https://creativecommons.org/licenses/by/4.0/deed.vi",
	}
	p.years = []int{2019, 2020, 2021, 2022, 2023, 2024, 2025}
	p.groups = []*par.Group{
		{ID: "so", Name: "Sở, ban, ngành", NameEn: "Provincial departments"},
		{ID: "tw", Name: "Cơ quan Trung ương đóng trên địa bàn tỉnh", NameEn: "Central agencies located in the province"},
		{ID: "huyen", Name: "UBND cấp huyện", NameEn: "District people's committees"},
		{ID: "xa", Name: "UBND cấp xã", NameEn: "Commune people's committees", ParentGroup: "huyen"},
	}
	r := newRng(seed, "bases")
	addDept := func(d department, group string, lo, hi int) *par.Unit {
		u := &par.Unit{ID: d.id, Group: group, Names: []par.Name{{Name: d.name, NameEn: d.nameEn}}}
		p.units = append(p.units, u)
		p.abbr[d.id] = d.abbr
		p.base[d.id] = d.base
		if d.base == 0 {
			p.base[d.id] = r.between(lo, hi)
		}
		return u
	}
	byID := map[string]*par.Unit{}
	for _, d := range departments {
		byID[d.id] = addDept(d, "so", 650, 880)
	}
	nnmt := addDept(department{"so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment", "SNNMT", 0}, "so", 700, 860)
	byID[nnmt.ID] = nnmt
	for _, d := range centralAgencies {
		byID[d.id] = addDept(d, "tw", 760, 900)
	}
	byID["so-noi-vu"].Aliases = []string{"SỞ NỘI VỤ TỈNH HÒA LÂM"}
	byID["so-ke-hoach-dau-tu"].Aliases = []string{"Sở KH&ĐT"}
	byID["van-phong-ubnd"].Aliases = []string{"Văn phòng Ủy ban nhân dân tỉnh"}

	// The 2025 department mergers: histories carry on in the successor.
	merge := func(from, into string) {
		byID[from].Events = append(byID[from].Events, par.Event{Kind: par.EventMergedInto, Date: reformDepts, Units: []string{into}})
	}
	mergeFrom := func(into string, from ...string) {
		byID[into].Events = append(byID[into].Events, par.Event{Kind: par.EventMergedFrom, Date: reformDepts, Units: from})
	}
	merge("so-ke-hoach-dau-tu", "so-tai-chinh")
	mergeFrom("so-tai-chinh", "so-ke-hoach-dau-tu")
	merge("so-lao-dong-tbxh", "so-noi-vu")
	mergeFrom("so-noi-vu", "so-lao-dong-tbxh")
	merge("so-giao-thong-van-tai", "so-xay-dung")
	mergeFrom("so-xay-dung", "so-giao-thong-van-tai")
	merge("so-tai-nguyen-moi-truong", "so-nong-nghiep-moi-truong")
	merge("so-nong-nghiep-ptnt", "so-nong-nghiep-moi-truong")
	nnmt.Events = []par.Event{
		{Kind: par.EventCreated, Date: reformDepts, Units: []string{"so-tai-nguyen-moi-truong", "so-nong-nghiep-ptnt"}},
		{Kind: par.EventMergedFrom, Date: reformDepts, Units: []string{"so-tai-nguyen-moi-truong", "so-nong-nghiep-ptnt"}},
	}
	merge("so-thong-tin-truyen-thong", "so-khoa-hoc-cong-nghe")
	mergeFrom("so-khoa-hoc-cong-nghe", "so-thong-tin-truyen-thong")
	rename := func(u *par.Unit, on par.Date, name, nameEn string) {
		u.Names = append(u.Names, par.Name{Name: name, NameEn: nameEn, From: on})
		u.Events = append(u.Events, par.Event{Kind: par.EventRenamed, Date: on})
	}
	rename(byID["ban-dan-toc"], reformDepts, "Sở Dân tộc và Tôn giáo", "Department of Ethnic and Religious Affairs")
	rename(byID["cuc-thue"], reformCommunes, "Thuế tỉnh Hòa Lâm", "Hòa Lâm Provincial Tax Office")

	// Districts and their communes.
	var taken []string
	for _, d := range districts {
		taken = append(taken, d.stem)
	}
	st := newStems(seed, taken...)
	type newCommune struct {
		unit *par.Unit
		from []*par.Unit
	}
	var created []newCommune
	var communes []*par.Unit
	for _, d := range districts {
		du := &par.Unit{ID: d.id, Group: "huyen", Names: []par.Name{{Name: d.prefix + " " + d.stem}}}
		p.abbr[d.id] = "UBND"
		p.base[d.id] = d.base
		if d.base == 0 {
			p.base[d.id] = r.between(600, 820)
		}
		if d.id == "tp-hoa-lam" {
			du.Aliases = []string{"TP. Hòa Lâm"}
		}
		if d.id == "huyen-dong-xuyen" {
			rename(du, townUpgrade, "Thị xã "+d.stem, "")
		}
		p.units = append(p.units, du)

		var mine []*par.Unit
		for i := 0; i < d.communes; i++ {
			stem := st.next()
			prefix := "Xã"
			switch {
			case d.id == "tp-hoa-lam" && i < 12:
				prefix = "Phường"
			case i == 0:
				prefix = "Thị trấn"
			}
			name := prefix + " " + stem
			cu := &par.Unit{ID: viet.Slug(name), Group: "xa", Parent: d.id, Names: []par.Name{{Name: name}}}
			if d.id == "huyen-dong-xuyen" && i < 4 {
				rename(cu, townUpgrade, "Phường "+stem, "")
			}
			p.abbr[cu.ID] = "UBND"
			b := p.base[d.id] + r.between(-70, 150)
			p.base[cu.ID] = min(max(b, 380), 840)
			mine = append(mine, cu)
		}
		communes = append(communes, mine...)

		// The 2025 mergers: groups of about three communes.
		var groups [][]*par.Unit
		for i := 0; i < len(mine); i += 3 {
			groups = append(groups, mine[i:min(i+3, len(mine))])
		}
		if last := groups[len(groups)-1]; len(last) == 1 {
			groups[len(groups)-2] = append(groups[len(groups)-2], last...)
			groups = groups[:len(groups)-1]
		}
		newPrefix := "Xã"
		if d.id == "tp-hoa-lam" || d.id == "huyen-dong-xuyen" {
			newPrefix = "Phường"
		}
		var heirs []string
		for gi, g := range groups {
			stem := st.next()
			if gi == 0 {
				// The commune around the old seat takes the district's
				// name, as many did in 2025.
				stem = d.stem
			}
			name := newPrefix + " " + stem
			nu := &par.Unit{ID: viet.Slug(name), Group: "xa", Names: []par.Name{{Name: name}}}
			var from []string
			sum := 0
			for _, c := range g {
				from = append(from, c.ID)
				sum += p.base[c.ID]
				c.Events = append(c.Events, par.Event{Kind: par.EventMergedInto, Date: reformCommunes, Units: []string{nu.ID}})
			}
			nu.Events = []par.Event{
				{Kind: par.EventCreated, Date: reformCommunes, Units: from},
				{Kind: par.EventMergedFrom, Date: reformCommunes, Units: from},
			}
			p.abbr[nu.ID] = "UBND"
			p.base[nu.ID] = sum / len(g)
			heirs = append(heirs, nu.ID)
			created = append(created, newCommune{nu, g})
		}
		du.Events = append(du.Events, par.Event{Kind: par.EventDissolved, Date: reformCommunes, Units: heirs})
	}
	p.units = append(p.units, communes...)
	for _, c := range created {
		p.units = append(p.units, c.unit)
	}
	// One commune struggled badly in the first two years.
	p.slump[communes[len(communes)-3].ID] = 2021

	p.fws = []*par.Framework{
		newFramework("so-2019", "Bộ Chỉ số CCHC các sở, ban, ngành và cơ quan Trung ương đóng trên địa bàn tỉnh (2019–2021)", []string{"so", "tw"}, 2019, 2021, par.BasisIndex, bandsBacKan(), outlineSo2019),
		newFramework("so-2022", "Bộ Chỉ số CCHC các sở, ban, ngành và cơ quan Trung ương đóng trên địa bàn tỉnh (2022–2024)", []string{"so", "tw"}, 2022, 2024, par.BasisIndex, bandsCaoBang(), outlineSo2022),
		newFramework("so-2025", "Bộ Chỉ số CCHC các cơ quan cấp tỉnh sau sắp xếp tổ chức bộ máy", []string{"so", "tw"}, 2025, 0, par.BasisIndex, bands2025(), outlineSo2025),
		newFramework("huyen-2019", "Bộ Chỉ số CCHC UBND các huyện, thị xã, thành phố", []string{"huyen"}, 2019, 2024, par.BasisIndex, bandsBacKan(), outlineHuyen2019),
		newFramework("xa-2019", "Bộ Chỉ số CCHC UBND các xã, phường, thị trấn", []string{"xa"}, 2019, 2024, par.BasisPoints, bandsBacKan(), outlineXa2019),
		newFramework("xa-2025", "Bộ Chỉ số CCHC UBND các xã, phường sau sắp xếp đơn vị hành chính", []string{"xa"}, 2025, 0, par.BasisIndex, bands2025(), outlineXa2025),
	}
	linkFrameworks(p.fws)
	so22 := p.fws[1]
	so22.Bonus = []par.Extra{{Code: "T1", Title: "Sáng kiến, giải pháp cải cách hành chính được cấp có thẩm quyền công nhận", Max: par.FromInt(2)}}
	so22.Penalty = []par.Extra{{Code: "P1", Title: "Vi phạm kỷ luật, kỷ cương hành chính bị cấp có thẩm quyền phê bình", Max: par.FromInt(2)}}
	huyen := p.fws[3]
	huyen.Rules = []par.Rule{{
		Kind: par.RuleChildBandShare, ChildGroup: "xa", Num: 2, Den: 3,
		Text: "Một huyện chỉ giữ mức xếp loại khi ít nhất 2/3 số xã trực thuộc đạt cùng mức trở lên; nếu không, hạ một mức.",
	}}
	p.reg = &par.Registry{Groups: p.groups, Units: p.units}
	p.reg.Index()
	checkUnique(p.units)

	all := p.generateAll()
	p.plantExample(all)
	p.finish(all)
	p.plantDifference(2021, "so")
	return p
}

// checkUnique guards the invariant name matching relies on: no two units
// share an id, and no two units of a group share a name after folding.
func checkUnique(units []*par.Unit) {
	ids := map[string]bool{}
	names := map[string]string{}
	for _, u := range units {
		if ids[u.ID] {
			panic("example: duplicate unit id " + u.ID)
		}
		ids[u.ID] = true
		for _, n := range u.Names {
			k := u.Group + "|" + viet.Key(n.Name)
			if other, ok := names[k]; ok && other != u.ID {
				panic(fmt.Sprintf("example: units %s and %s share the name %q", other, u.ID, n.Name))
			}
			names[k] = u.ID
		}
	}
}

// plantExample places the cases the example must show, each in one
// group-year: a criterion not applicable to one unit (ranked by index above
// a unit with more points), a unit not scored, and an exact tie.
func (p *project) plantExample(all map[int]map[string][]*score) {
	find := func(year int, id string) *score {
		for _, ss := range all[year] {
			for _, s := range ss {
				if s.unit.ID == id {
					return s
				}
			}
		}
		panic("example: no score for " + id)
	}

	// 2023: online payment does not apply to the Inspectorate, which
	// collects no fees. Its maximum drops to 98.5; it is moved to a quarter
	// point below the next unit up in points, and so ranks above that unit
	// by index.
	a := find(2023, "thanh-tra-tinh")
	a.leaf("VII/34/34.3").na = true
	a.calc()
	var others []*score
	for _, s := range all[2023]["so"] {
		if s != a && s.unit.ID != "ban-quan-ly-kcn" {
			others = append(others, s)
		}
	}
	sortByTotal(others)
	b := others[len(others)-1]
	for _, s := range others {
		if s.total > a.total+quarter {
			b = s
			break
		}
	}
	if !a.adjust(b.total - quarter - a.total) {
		panic("example: cannot place the not-applicable case")
	}
	p.protected[a], p.protected[b] = true, true

	// 2025: the Department of Justice was given no public investment
	// capital, so its disbursement criterion was not evaluated ("Không
	// đánh giá"): its maximum drops to 97.
	j := find(2025, "so-tu-phap")
	j.leaf("V/18").na = true
	j.leaf("V/18").naNote = "Không đánh giá: năm 2025 đơn vị không được giao kế hoạch vốn đầu tư công"
	j.calc()

	// 2023: the Industrial Zones Authority was not scored while it was
	// being reorganised.
	find(2023, "ban-quan-ly-kcn").scored = false

	// 2024: the two departments closest in points are made to tie exactly.
	ss := slices.Clone(all[2024]["so"])
	sortByTotal(ss)
	bi := 1
	for i := 2; i < len(ss); i++ {
		if ss[i].total-ss[i-1].total < ss[bi].total-ss[bi-1].total {
			bi = i
		}
	}
	t1, t2 := ss[bi], ss[bi-1]
	if !t2.adjust(t1.total - t2.total) {
		panic("example: cannot place the tie")
	}
	p.protected[t1], p.protected[t2] = true, true
}

// sortByTotal orders scores by total, then id, ascending.
func sortByTotal(ss []*score) {
	slices.SortFunc(ss, func(a, b *score) int {
		if c := cmp.Compare(a.total, b.total); c != 0 {
			return c
		}
		return strings.Compare(a.unit.ID, b.unit.ID)
	})
}

// plantDifference makes one group-year's decision print a band its index
// does not give, as real decisions sometimes do: the Khá unit closest to
// the next band up is printed one band higher. The difference is recorded
// in data/reconciliation.yaml, so the site publishes the printed band,
// marks it and lists it on its page "Đối chiếu số liệu".
func (p *project) plantDifference(year int, group string) {
	var pick *score
	for _, s := range p.scoresOf(year, group) {
		if !s.scored || s.band == nil || s.ruleDrop {
			continue
		}
		i := s.fw.BandIndex(s.band.ID)
		if i <= 0 || s.band.ID != "kha" {
			continue
		}
		if pick == nil || s.exact.Cmp(pick.exact) > 0 {
			pick = s
		}
	}
	if pick == nil {
		panic(fmt.Sprintf("example: no unit to print a band for in %d/%s", year, group))
	}
	pick.printed = &pick.fw.Bands[pick.fw.BandIndex(pick.band.ID)-1]
	p.differences = append(p.differences, pick)
}
