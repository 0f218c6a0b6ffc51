package example

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// decision is a year's publication decision.
type decision struct {
	year                int
	number              string
	date                par.Date
	signer, signerTitle string
	groups              []string
	slug                string
	title               string
	pdfFile, annexFile  string // relative to content/
}

// signers of the fictional province, by results year.
func signerFor(year int) (string, string) {
	switch {
	case year <= 2020:
		return "Trần Minh Khoa", "Phó Chủ tịch"
	case year <= 2023:
		return "Lê Thị Thu Hằng", "Phó Chủ tịch"
	}
	return "Nguyễn Hữu Phước", "Chủ tịch"
}

var groupPhrases = map[string]string{
	"so":    "các sở, ban, ngành",
	"tw":    "các cơ quan Trung ương đóng trên địa bàn tỉnh",
	"huyen": "Ủy ban nhân dân các huyện, thị xã, thành phố",
	"xa":    "Ủy ban nhân dân các xã, phường, thị trấn",
}

func (p *project) groupsOf(y int) []string {
	var gs []string
	for _, g := range p.groups {
		if len(p.scoresOf(y, g.ID)) > 0 {
			gs = append(gs, g.ID)
		}
	}
	return gs
}

func (p *project) groupPhrase(y int, gs []string) string {
	var parts []string
	for _, g := range gs {
		ph := groupPhrases[g]
		if ph == "" {
			ph = p.group(g).Name
		}
		if g == "xa" && y >= 2025 {
			ph = "Ủy ban nhân dân các xã, phường"
		}
		parts = append(parts, ph)
	}
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], "; ") + " và " + parts[len(parts)-1]
}

// makeDecisions numbers and dates a decision per year: issued between
// February and May of the following year, after the appraisal in January.
func (p *project) makeDecisions(issuerShort string) map[int]*decision {
	out := map[int]*decision{}
	for _, y := range p.years {
		r := newRng(p.seed, "decision", strconv.Itoa(y))
		n := r.between(120, 1450)
		d := &decision{
			year:   y,
			number: fmt.Sprintf("%d/QĐ-%s", n, issuerShort),
			date:   date(y+1, r.between(2, 5), r.between(3, 27)),
			groups: p.groupsOf(y),
		}
		d.signer, d.signerTitle = signerFor(y)
		d.slug = fmt.Sprintf("%d-qd-%d", y, n)
		d.title = fmt.Sprintf("Phê duyệt và công bố Chỉ số cải cách hành chính năm %d của %s", y, p.groupPhrase(y, d.groups))
		d.pdfFile = fmt.Sprintf("files/%d/qd-%d-%s.pdf", y, n, strings.ToLower(viet.Slug(issuerShort)))
		d.annexFile = fmt.Sprintf("files/%d/phu-luc-%d.xlsx", y, y)
		out[y] = d
	}
	return out
}

func (p *project) exampleDecisions() map[int]*decision { return p.makeDecisions("UBND") }

// stats summarise a group-year.
type stats struct {
	n, scored  int
	avg        par.Points // mean index
	top, last  *score
	bands      map[string]int
	bandOrder  []*par.Band
	ruleDrops  []*score
	unscored   []*score
	notApplied []*score // units with a not-applicable criterion
}

func (p *project) statsOf(y int, g string) stats {
	ss := p.scoresOf(y, g)
	st := stats{n: len(ss), bands: map[string]int{}}
	var sum par.Points
	for _, s := range ss {
		if !s.scored {
			st.unscored = append(st.unscored, s)
			continue
		}
		st.scored++
		sum += s.index
		if st.top == nil {
			st.top = s
		}
		st.last = s
		if b := s.shownBand(); b != nil {
			st.bands[b.ID]++
		}
		if s.ruleDrop {
			st.ruleDrops = append(st.ruleDrops, s)
		}
		for _, l := range s.leaves {
			if l.na {
				st.notApplied = append(st.notApplied, s)
				break
			}
		}
	}
	if st.scored > 0 {
		st.avg = sum / par.Points(st.scored)
		for i := range ss[0].fw.Bands {
			st.bandOrder = append(st.bandOrder, &ss[0].fw.Bands[i])
		}
	}
	return st
}

// vn renders a figure with two decimals and a decimal comma.
func vn(v par.Points) string { return strings.Replace(v.Format(2), ".", ",", 1) }

func (st stats) bandText() string {
	var parts []string
	for _, b := range st.bandOrder {
		if n := st.bands[b.ID]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d đơn vị xếp loại %s", n, strings.ToLower(b.Name)))
		}
	}
	return strings.Join(parts, ", ")
}

// frontMatter renders a decision's front matter.
func (p *project) decisionFront(d *decision) string {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "number: %s\n", q(d.number))
	fmt.Fprintf(&b, "date: %s\n", d.date.ISO())
	fmt.Fprintf(&b, "issuer: %s\n", q("Ủy ban nhân dân tỉnh "+p.site.province))
	fmt.Fprintf(&b, "signer: %s\n", q(d.signer))
	fmt.Fprintf(&b, "signer_title: %s\n", q(d.signerTitle))
	fmt.Fprintf(&b, "year: %d\n", d.year)
	fmt.Fprintf(&b, "groups: %s\n", qlist(d.groups))
	fmt.Fprintf(&b, "title: %s\n", q(d.title))
	b.WriteString("attachments:\n")
	fmt.Fprintf(&b, "  - {title: %s, file: %s}\n", q("Quyết định đã ký (PDF, bản mẫu)"), q(d.pdfFile))
	fmt.Fprintf(&b, "  - {title: %s, file: %s}\n", q("Phụ lục kết quả (xlsx)"), q(d.annexFile))
	b.WriteString("---\n")
	return b.String()
}

// decisionMarkdown is a decision's text, in the usual three articles.
func (p *project) decisionMarkdown(d *decision) string {
	var b strings.Builder
	b.WriteString(p.decisionFront(d))
	prov := p.site.province
	fmt.Fprintf(&b, "**ỦY BAN NHÂN DÂN TỈNH %s**\n\n", strings.ToUpper(prov))
	fmt.Fprintf(&b, "*Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ Bộ Chỉ số cải cách hành chính do Ủy ban nhân dân tỉnh ban hành và Kế hoạch xác định Chỉ số cải cách hành chính năm %d; theo đề nghị của Giám đốc Sở Nội vụ.*\n\n", d.year)
	b.WriteString("**QUYẾT ĐỊNH:**\n\n")
	fmt.Fprintf(&b, "**Điều 1.** Phê duyệt và công bố Chỉ số cải cách hành chính năm %d của %s, chi tiết tại Phụ lục kèm theo Quyết định này. Tóm tắt kết quả:\n\n", d.year, p.groupPhrase(d.year, d.groups))
	for _, g := range d.groups {
		st := p.statsOf(d.year, g)
		fmt.Fprintf(&b, "- %s: %d đơn vị được đánh giá, chỉ số bình quân %s%%; dẫn đầu là %s (%s%%)", p.group(g).Name, st.scored, vn(st.avg), st.top.name, vn(st.top.index))
		if bt := st.bandText(); bt != "" {
			fmt.Fprintf(&b, "; %s", bt)
		}
		for _, s := range st.unscored {
			fmt.Fprintf(&b, "; %s chưa được đánh giá trong năm", s.name)
		}
		b.WriteString(".\n")
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "**Điều 2.** Thủ trưởng các cơ quan, đơn vị và Chủ tịch Ủy ban nhân dân các địa phương có tên tại Điều 1 căn cứ kết quả được công bố, rà soát từng tiêu chí bị mất điểm, làm rõ nguyên nhân và trách nhiệm, xây dựng giải pháp khắc phục trong năm %d. Sở Nội vụ theo dõi, đôn đốc việc khắc phục và dùng kết quả Chỉ số làm căn cứ xét thi đua, khen thưởng.\n\n", d.year+1)
	b.WriteString("**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, thủ trưởng các cơ quan, đơn vị và Chủ tịch Ủy ban nhân dân các địa phương có liên quan chịu trách nhiệm thi hành Quyết định này.\n\n")
	fmt.Fprintf(&b, "*TM. Ủy ban nhân dân tỉnh — %s — %s*\n\n", strings.ToUpper(d.signerTitle), d.signer)
	b.WriteString("> Bản mẫu: quyết định, số liệu và chữ ký trên trang này là hư cấu, chỉ dùng để minh họa phần mềm.\n")
	return b.String()
}

// asciiText makes text printable with a PDF base font: diacritics dropped,
// anything else outside ASCII replaced.
func asciiText(s string) string {
	f := viet.Fold(s)
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e {
			return '?'
		}
		return r
	}, f)
}

// decisionPDF composes a one-page PDF by hand (fixed bytes, no
// timestamps) marked as a sample.
func decisionPDF(d *decision, province string) []byte {
	lines := []string{
		"BAN MAU - DU LIEU MINH HOA (SAMPLE, FICTIONAL DATA)",
		"",
		asciiText("ỦY BAN NHÂN DÂN TỈNH " + strings.ToUpper(province)),
		asciiText(fmt.Sprintf("QUYẾT ĐỊNH số %s ngày %s", d.number, d.date)),
		asciiText(fmt.Sprintf("Phê duyệt và công bố Chỉ số CCHC năm %d", d.year)),
		"",
		asciiText(fmt.Sprintf("%s: %s", d.signerTitle, d.signer)),
		"",
		"Tai lieu nay chi de minh hoa phan mem parindex; khong co gia tri phap ly.",
	}
	return minimalPDF(lines)
}

// pdfUnicode is a PDF text string in UTF-16BE with a byte order mark, as
// hex: document properties may carry any text, unlike page text in a base
// font.
func pdfUnicode(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfEscape escapes a PDF literal string.
func pdfEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return r.Replace(s)
}

// minimalPDF writes a valid single-page PDF 1.4 with the lines in
// Helvetica, computing the cross-reference offsets.
func minimalPDF(lines []string) []byte {
	var content bytes.Buffer
	content.WriteString("BT\n/F1 13 Tf\n16 TL\n56 780 Td\n")
	for i, l := range lines {
		if i == 0 {
			content.WriteString("/F1 16 Tf\n")
		} else if i == 1 {
			content.WriteString("/F1 12 Tf\n")
		}
		fmt.Fprintf(&content, "(%s) Tj T*\n", pdfEscape(l))
	}
	content.WriteString("ET\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Title " + pdfUnicode("BẢN MẪU – dữ liệu minh họa") + " /Producer (parindex example generator) >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}
