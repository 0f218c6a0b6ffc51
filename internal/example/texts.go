package example

import (
	"fmt"
	"strconv"
	"strings"

	"parindex/internal/par"
)

// Evidence and remarks are written after every score is final, so each
// lost point gets a remark that fits the criterion.

// remarkRules pick an appraisers' remark from words of the criterion's
// title; the first match wins.
var remarkRules = []struct {
	words  []string
	remark []string
}{
	{[]string{"ban hành kế hoạch"}, []string{"Ban hành kế hoạch chậm so với quy định", "Kế hoạch ban hành sau thời hạn hướng dẫn"}},
	{[]string{"báo cáo"}, []string{"Gửi báo cáo chậm so với thời hạn quy định", "Thiếu báo cáo quý theo quy định"}},
	{[]string{"xin lỗi"}, []string{"Còn hồ sơ trễ hạn chưa có văn bản xin lỗi"}},
	{[]string{"đúng hạn"}, []string{"Tỷ lệ hồ sơ giải quyết đúng hạn chưa đạt 100%", "Còn hồ sơ quá hạn trên hệ thống"}},
	{[]string{"thanh toán"}, []string{"Chưa đạt chỉ tiêu thanh toán trực tuyến", "Tỷ lệ giao dịch thanh toán trực tuyến còn thấp"}},
	{[]string{"trực tuyến"}, []string{"Tỷ lệ hồ sơ trực tuyến thấp hơn chỉ tiêu được giao", "Còn thủ tục đủ điều kiện nhưng chưa cung cấp trực tuyến toàn trình"}},
	{[]string{"kiểm tra"}, []string{"Chưa thực hiện đủ số cuộc kiểm tra theo kế hoạch", "Chưa có báo cáo kết quả khắc phục sau kiểm tra"}},
	{[]string{"công khai", "niêm yết", "công bố"}, []string{"Một số thủ tục chưa được công khai đầy đủ, kịp thời", "Công bố danh mục thủ tục chậm"}},
	{[]string{"giải ngân"}, []string{"Tỷ lệ giải ngân chưa đạt kế hoạch năm"}},
	{[]string{"kỷ luật"}, []string{"Có công chức bị xử lý kỷ luật trong năm"}},
	{[]string{"số hóa"}, []string{"Tỷ lệ số hóa hồ sơ chưa đạt yêu cầu"}},
	{[]string{"chữ ký số", "văn bản điện tử"}, []string{"Một số văn bản chưa được ký số theo quy định"}},
	{[]string{"tuyên truyền"}, []string{"Hình thức tuyên truyền chưa đa dạng", "Chưa có sản phẩm tuyên truyền cụ thể"}},
	{[]string{"rà soát"}, []string{"Kết quả rà soát chưa được xử lý kịp thời"}},
	{[]string{"hoàn thành"}, []string{"Còn nhiệm vụ chưa hoàn thành theo kế hoạch"}},
}

var genericRemarks = []string{
	"Tài liệu kiểm chứng chưa đầy đủ",
	"Tài liệu kiểm chứng chưa thể hiện rõ kết quả thực hiện",
	"Kết quả thực hiện chưa đáp ứng đầy đủ yêu cầu của tiêu chí",
}

const noEvidence = "Chưa có tài liệu kiểm chứng"

// writeTexts fills the evidence and remark of every leaf of a unit-year.
func writeTexts(seed uint64, s *score, abbr string) {
	r := newRng(seed, s.unit.ID, strconv.Itoa(s.year), "texts")
	if abbr == "" {
		abbr = "UBND"
	}
	for _, l := range s.leaves {
		l.evidence, l.remark = "", ""
		if l.na {
			l.remark = "Tiêu chí không áp dụng đối với đơn vị"
			if l.naNote != "" {
				l.remark = l.naNote
			}
			continue
		}
		switch l.node.Method {
		case par.MethodSurvey:
			l.evidence = "Điều tra xã hội học"
			continue
		case par.MethodSatisfaction:
			l.evidence = "Kết quả khảo sát SIPAS"
			continue
		}
		switch {
		case l.appr == 0 && r.chance(600):
			l.remark = noEvidence
		case l.appr < l.node.Max:
			l.evidence = evidenceFor(r, s.year, abbr)
			l.remark = remarkFor(r, l.node.Title)
		case l.self < l.appr:
			l.evidence = evidenceFor(r, s.year, abbr)
			l.remark = "Điều chỉnh tăng theo tài liệu kiểm chứng"
		default:
			l.evidence = evidenceFor(r, s.year, abbr)
		}
	}
}

func remarkFor(r *rng, title string) string {
	t := strings.ToLower(title)
	for _, rule := range remarkRules {
		for _, w := range rule.words {
			if strings.Contains(t, w) {
				return pick(r, rule.remark)
			}
		}
	}
	return pick(r, genericRemarks)
}

// evidenceFor cites a plausible document of the unit's year.
func evidenceFor(r *rng, year int, abbr string) string {
	day, month := r.between(1, 28), r.between(1, 12)
	d := fmt.Sprintf("%02d/%02d/%d", day, month, year)
	n := r.between(3, 480)
	switch r.intn(6) {
	case 0:
		return fmt.Sprintf("Kế hoạch số %d/KH-%s ngày %s", n, abbr, d)
	case 1:
		return fmt.Sprintf("Báo cáo số %d/BC-%s ngày %s", n, abbr, d)
	case 2:
		return fmt.Sprintf("Quyết định số %d/QĐ-%s ngày %s", n, abbr, d)
	case 3:
		return fmt.Sprintf("Công văn số %d/%s-VP ngày %s", n, abbr, d)
	case 4:
		return "Số liệu trích xuất từ Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh"
	}
	return fmt.Sprintf("Biên bản kiểm tra ngày %s", d)
}

// nfd decomposes Vietnamese letters (NFD), the way text from macOS file
// names or old fonts arrives; ingest must normalise it back to NFC.
func nfd(s string) string {
	var b strings.Builder
	dec := decomposition()
	for _, r := range s {
		if d, ok := dec[r]; ok {
			b.WriteString(d)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// decomposition maps each precomposed Vietnamese letter to its canonical
// decomposition (base letter, then combining marks in canonical order:
// horn 031B and dot below 0323 before the class-230 marks).
func decomposition() map[rune]string {
	rows := []struct {
		base, modifier string
		letters        string // no tone, grave, acute, hook, tilde, dot below
	}{
		{"a", "", "aàáảãạ"}, {"a", "\u0306", "ăằắẳẵặ"}, {"a", "\u0302", "âầấẩẫậ"},
		{"e", "", "eèéẻẽẹ"}, {"e", "\u0302", "êềếểễệ"}, {"i", "", "iìíỉĩị"},
		{"o", "", "oòóỏõọ"}, {"o", "\u0302", "ôồốổỗộ"}, {"o", "\u031b", "ơờớởỡợ"},
		{"u", "", "uùúủũụ"}, {"u", "\u031b", "ưừứửữự"}, {"y", "", "yỳýỷỹỵ"},
	}
	tones := []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
	m := map[rune]string{}
	for _, row := range rows {
		for i, letter := range []rune(row.letters) {
			if row.modifier == "" && i == 0 {
				continue
			}
			marks := row.modifier + tones[i]
			if tones[i] == "\u0323" && row.modifier != "\u031b" {
				marks = tones[i] + row.modifier // dot below (220) sorts before 230
			}
			m[letter] = row.base + marks
			up := strings.ToUpper(string(letter))
			m[[]rune(up)[0]] = strings.ToUpper(row.base) + marks
		}
	}
	return m
}
