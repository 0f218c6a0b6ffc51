package site

import (
	"html/template"
	"strconv"
	"strings"

	"parindex/internal/par"
)

// weakView is the unit-year page's review of points lost (issue 12: the
// answer first, the criteria where points were lost, the components kept
// apart, persistent weaknesses, the distance to the next band and rank),
// ready to print from the compute stage's par.Weakness. Rows of its
// tables are written here (stacked on a phone through data-label).
type weakView struct {
	W         *par.Weakness
	Summary   string // "Mất X điểm ở N tiêu chí; nhiều nhất: …"
	TotalText string // the points lost in all
	// Unscored notes applicable criteria without an appraised score.
	Unscored string
	LostRows template.HTML
	AreaRows template.HTML
	PartRows template.HTML
	// Self and Appraised compare like with like: the self-assessed
	// criteria only.
	SelfNote       string
	PersistRows    template.HTML
	PersistentNote string
	Band           string // distance to the next band, in words
	Above          *par.Result
	AboveText      string // the points needed to rank above Above
	AboveWhy       string
	First          bool // ranked first: no unit above
	BelowRows      template.HTML
	MaxText        string // the unit's applicable maximum the distances are on
}

// weakness prepares the review of r, nil when r has no detail sheet.
// persistent is the part of a unit-year's review that its printed report
// shows (template "persistent"): the persistent weaknesses, not the whole
// review.
func (m *model) persistent(r *par.Result) *weakView {
	w := m.res.Weakness[r]
	if w == nil {
		return nil
	}
	dec := 2
	if r.Framework != nil {
		dec = r.Framework.Decimals
	}
	return &weakView{W: w, PersistentNote: m.lang.texts(w.PersistentNotes),
		PersistRows: persistRows(m.lang, w, func(p par.Points) string { return m.fixed(p, dec) })}
}

// persistRows writes the rows of a review's persistent weaknesses.
func persistRows(lg *lang, w *par.Weakness, f func(par.Points) string) template.HTML {
	var b strings.Builder
	for _, p := range w.Persistent {
		b.WriteString("\n<tr>")
		cell(&b, lg, "", "Mã", p.Node.Key)
		b.WriteString(`<th scope="row">`)
		esc(&b, lg.name(p.Node.Title, p.Node.TitleEn))
		b.WriteString(`</th>`)
		cell(&b, lg, "num", "Số năm liền", strconv.Itoa(len(p.Years)))
		var h []string
		for _, y := range p.Years {
			t := lg.F("%d: mất %s/%s", y.Year, f(y.Lost), f(y.Max))
			if y.Key != p.Node.Key {
				t += lg.F(" (tiêu chí %s bộ %s)", y.Key, y.Framework)
			}
			h = append(h, t)
		}
		cell(&b, lg, "", "Điểm bị mất từng năm", strings.Join(h, "; "))
		b.WriteString("</tr>")
	}
	return template.HTML(b.String())
}

func (m *model) weakness(r *par.Result) *weakView {
	w := m.res.Weakness[r]
	if w == nil {
		return nil
	}
	dec := 2
	if r.Framework != nil {
		dec = r.Framework.Decimals
	}
	f := func(p par.Points) string { return m.fixed(p, dec) }
	lg := m.lang
	v := &weakView{W: w, PersistentNote: lg.texts(w.PersistentNotes)}

	var s strings.Builder
	if len(w.Lost) == 0 {
		s.WriteString(lg.T("Không mất điểm ở tiêu chí nào có điểm thẩm định."))
	} else {
		s.WriteString(lg.F("Mất %s điểm ở %d tiêu chí; nhiều nhất: ", f(w.TotalLost), len(w.Lost)))
		for i, l := range w.Lost[:min(3, len(w.Lost))] {
			if i > 0 {
				s.WriteString("; ")
			}
			s.WriteString(l.Node.Key + " " + lg.name(l.Node.Title, l.Node.TitleEn) + lg.F(" (%s điểm)", f(l.Lost)))
		}
		s.WriteString(lg.T(". Điểm thưởng, điểm trừ tính riêng, không thuộc điểm bị mất."))
	}
	v.Summary, v.TotalText = s.String(), f(w.TotalLost)
	if w.Unscored > 0 {
		v.Unscored = lg.F("%d tiêu chí áp dụng chưa có điểm thẩm định, không được tính là mất điểm (thiếu số liệu không phải là 0 điểm).", w.Unscored)
	}

	var b strings.Builder
	for _, l := range w.Lost {
		b.WriteString("\n<tr>")
		cell(&b, lg, "", "Mã", l.Node.Key)
		b.WriteString(`<th scope="row">`)
		esc(&b, lg.name(l.Node.Title, l.Node.TitleEn))
		if l.Remark != "" || l.Evidence != "" {
			sum := lg.T("Ý kiến thẩm định, tài liệu kiểm chứng")
			switch {
			case l.Evidence == "":
				sum = lg.T("Ý kiến thẩm định")
			case l.Remark == "":
				sum = lg.T("Tài liệu kiểm chứng")
			}
			b.WriteString(`<details><summary>` + sum + `</summary>`)
			if l.Remark != "" {
				b.WriteString(`<p><strong>` + lg.T("Ý kiến thẩm định:") + `</strong> `)
				esc(&b, lg.name(l.Remark, ""))
				b.WriteString(`</p>`)
			}
			if l.Evidence != "" {
				b.WriteString(`<p><strong>` + lg.T("Tài liệu kiểm chứng:") + `</strong> `)
				esc(&b, lg.name(l.Evidence, ""))
				b.WriteString(`</p>`)
			}
			b.WriteString(`</details>`)
		}
		b.WriteString(`</th>`)
		cell(&b, lg, "num", "Điểm tối đa", f(l.Max))
		cell(&b, lg, "num", "Điểm đạt", m.figure(l.Score))
		cell(&b, lg, "num lost-pts", "Điểm bị mất", f(l.Lost))
		avg, best, full := dash, dash, dash
		if l.Group.N > 0 {
			avg, best = f(l.Group.Avg), f(l.Group.Best)
			full = strconv.Itoa(l.Group.Full) + "/" + strconv.Itoa(l.Group.N)
		}
		cell(&b, lg, "num", "Trung bình khối", avg)
		cell(&b, lg, "num", "Cao nhất khối", best)
		cell(&b, lg, "num", "Số đơn vị đạt tối đa", full)
		self := dash
		if l.Self.Known() {
			self = m.figure(l.Self)
		}
		if !l.Overclaimed {
			cell(&b, lg, "num", "Tự chấm", self)
		} else {
			b.WriteString(`<td class="num overclaim" data-label="` + lg.T("Tự chấm") + `">`)
			esc(&b, self)
			b.WriteString(`<small>` + lg.T("cao hơn thẩm định") + `</small></td>`)
		}
		b.WriteString("</tr>")
	}
	v.LostRows = template.HTML(b.String())

	b.Reset()
	for _, a := range w.Areas {
		b.WriteString("\n<tr>")
		cell(&b, lg, "", "Mã", a.Node.Code)
		b.WriteString(`<th scope="row">`)
		esc(&b, lg.name(a.Node.Title, a.Node.TitleEn))
		b.WriteString(`</th>`)
		lead := dash
		if a.Node.Lead != "" {
			lead = a.Node.Lead
			if u := m.reg.Unit(a.Node.Lead); u != nil {
				lead = lg.nameOf(u.NameAt(r.Year))
			}
		}
		cell(&b, lg, "", "Cơ quan chủ trì", lead)
		cell(&b, lg, "num", "Điểm tối đa", f(a.Max))
		cell(&b, lg, "num", "Điểm đạt", f(a.Score))
		cell(&b, lg, "num", "Điểm bị mất", f(a.Lost))
		share := dash
		if a.Max > 0 {
			share = f(a.Share) + "%"
		}
		cell(&b, lg, "num", "Tỷ lệ bị mất", share)
		cell(&b, lg, "num", "Số tiêu chí mất điểm", strconv.Itoa(a.Criteria))
		b.WriteString("</tr>")
	}
	v.AreaRows = template.HTML(b.String())

	b.Reset()
	for _, p := range w.Parts {
		b.WriteString("\n<tr>")
		b.WriteString(`<th scope="row">`)
		esc(&b, partName(p.Method, lg))
		b.WriteString(`</th>`)
		cell(&b, lg, "num", "Số tiêu chí", strconv.Itoa(p.Criteria))
		cell(&b, lg, "num", "Điểm tối đa", f(p.Max))
		self, selfAppr := dash, dash
		if p.SelfCriteria > 0 {
			self, selfAppr = f(p.Self), f(p.SelfAppraised)
		}
		cell(&b, lg, "num", "Tự chấm", self)
		cell(&b, lg, "num", "Thẩm định (cùng tiêu chí)", selfAppr)
		cell(&b, lg, "num", "Điểm đạt", f(p.Appraised))
		cell(&b, lg, "num", "Điểm bị mất", f(p.Lost))
		b.WriteString("</tr>")
		if p.Method == par.MethodSelf && p.SelfCriteria > 0 {
			gap := p.Self - p.SelfAppraised
			switch {
			case gap > 0:
				v.SelfNote = lg.F("Trên %d tiêu chí tự đánh giá có cả điểm tự chấm và điểm thẩm định, đơn vị tự chấm %s điểm, thẩm định công nhận %s điểm (thấp hơn %s điểm).", p.SelfCriteria, f(p.Self), f(p.SelfAppraised), f(gap))
			case gap < 0:
				v.SelfNote = lg.F("Trên %d tiêu chí tự đánh giá có cả điểm tự chấm và điểm thẩm định, đơn vị tự chấm %s điểm, thẩm định công nhận %s điểm (cao hơn %s điểm).", p.SelfCriteria, f(p.Self), f(p.SelfAppraised), f(-gap))
			default:
				v.SelfNote = lg.F("Trên %d tiêu chí tự đánh giá có cả điểm tự chấm và điểm thẩm định, điểm tự chấm bằng điểm thẩm định (%s điểm).", p.SelfCriteria, f(p.Self))
			}
		}
	}
	for _, x := range []struct {
		name string
		fig  par.Figure
	}{{"Điểm thưởng (cộng vào tổng)", r.Bonus}, {"Điểm trừ (trừ vào tổng)", r.Penalty}} {
		if !x.fig.Known() {
			continue
		}
		b.WriteString("\n<tr class=\"extra\"><th scope=\"row\">")
		esc(&b, lg.T(x.name))
		b.WriteString(`</th>`)
		cell(&b, lg, "num", "Số tiêu chí", dash)
		cell(&b, lg, "num", "Điểm tối đa", dash)
		cell(&b, lg, "num", "Tự chấm", dash)
		cell(&b, lg, "num", "Thẩm định (cùng tiêu chí)", dash)
		cell(&b, lg, "num", "Điểm", m.figure(x.fig))
		cell(&b, lg, "num", "Điểm bị mất", dash)
		b.WriteString("</tr>")
	}
	v.PartRows = template.HTML(b.String())

	v.PersistRows = persistRows(lg, w, f)

	d := w.Distance
	v.MaxText = f(r.Max)
	switch {
	case d.NextBand != nil:
		v.Band = lg.F("Cần thêm %s điểm để đạt ngưỡng loại %s", f(d.BandPoints), lg.name(d.NextBand.Name, d.NextBand.NameEn))
		if d.Basis == par.BasisPoints {
			v.Band += lg.F(" (%s điểm).", f(d.NextBand.Min))
		} else {
			v.Band += lg.F(" (chỉ số %s%%, tức %s/%s điểm).", f(d.NextBand.Min), f(d.BandPoints+r.Total.Value), f(r.Max))
		}
	case d.TopBand:
		v.Band = lg.F("Không có loại kế trên: %s.", lg.text(d.BandWhy))
	default:
		v.Band = lg.F("Loại kế trên: không tính được — %s.", lg.text(d.BandWhy))
	}
	v.Above, v.AboveWhy = d.Above, lg.text(d.AboveWhy)
	if d.Above != nil {
		v.AboveText = lg.F("tổng điểm cần tăng hơn %s điểm", f(d.AbovePoints))
	}
	v.First = r.Rank.N == 1
	b.Reset()
	for _, x := range d.Below {
		b.WriteString("\n<tr>")
		cell(&b, lg, "", "Mã", x.Node.Key)
		b.WriteString(`<th scope="row">`)
		esc(&b, lg.name(x.Node.Title, x.Node.TitleEn))
		b.WriteString(`</th>`)
		cell(&b, lg, "num", "Điểm tối đa", f(x.Max))
		cell(&b, lg, "num", "Điểm đạt", f(x.Score))
		cell(&b, lg, "num", "Trung bình khối", f(x.Avg))
		cell(&b, lg, "num", "Thấp hơn trung bình", f(x.Gap))
		b.WriteString("</tr>")
	}
	v.BelowRows = template.HTML(b.String())
	return v
}

// cell writes a table cell with the label a phone shows before it.
func cell(b *strings.Builder, l *lang, class, label, text string) {
	b.WriteString("<td")
	if class != "" {
		b.WriteString(` class="`)
		b.WriteString(class)
		b.WriteString(`"`)
	}
	b.WriteString(` data-label="`)
	esc(b, l.T(label))
	b.WriteString(`">`)
	esc(b, text)
	b.WriteString("</td>")
}

// partName names a scoring method's part of the total.
func partName(m par.Method, l *lang) string {
	switch m {
	case par.MethodSelf:
		return l.T("Tiêu chí tự đánh giá, có thẩm định")
	case par.MethodSurvey:
		return l.T("Tiêu chí điều tra xã hội học")
	case par.MethodSatisfaction:
		return l.T("Tiêu chí khảo sát sự hài lòng (SIPAS)")
	}
	return l.F("Tiêu chí chấm theo cách khác (%s)", string(m))
}
