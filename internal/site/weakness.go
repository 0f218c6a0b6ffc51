package site

import (
	"html/template"
	"strconv"
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
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
	return &weakView{W: w, PersistentNote: w.PersistentNote,
		PersistRows: persistRows(w, func(p par.Points) string { return viet.Fixed(p, dec) })}
}

// persistRows writes the rows of a review's persistent weaknesses.
func persistRows(w *par.Weakness, f func(par.Points) string) template.HTML {
	var b strings.Builder
	for _, p := range w.Persistent {
		b.WriteString("\n<tr>")
		cell(&b, "", "Mã", p.Node.Key)
		b.WriteString(`<th scope="row">`)
		esc(&b, p.Node.Title)
		b.WriteString(`</th>`)
		cell(&b, "num", "Số năm liền", strconv.Itoa(len(p.Years)))
		var h []string
		for _, y := range p.Years {
			t := strconv.Itoa(y.Year) + ": mất " + f(y.Lost) + "/" + f(y.Max)
			if y.Key != p.Node.Key {
				t += " (tiêu chí " + y.Key + " bộ " + y.Framework + ")"
			}
			h = append(h, t)
		}
		cell(&b, "", "Điểm bị mất từng năm", strings.Join(h, "; "))
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
	f := func(p par.Points) string { return viet.Fixed(p, dec) }
	v := &weakView{W: w, PersistentNote: w.PersistentNote}

	var s strings.Builder
	if len(w.Lost) == 0 {
		s.WriteString("Không mất điểm ở tiêu chí nào có điểm thẩm định.")
	} else {
		s.WriteString("Mất " + f(w.TotalLost) + " điểm ở " + strconv.Itoa(len(w.Lost)) + " tiêu chí; nhiều nhất: ")
		for i, l := range w.Lost[:min(3, len(w.Lost))] {
			if i > 0 {
				s.WriteString("; ")
			}
			s.WriteString(l.Node.Key + " " + l.Node.Title + " (" + f(l.Lost) + " điểm)")
		}
		s.WriteString(". Điểm thưởng, điểm trừ tính riêng, không thuộc điểm bị mất.")
	}
	v.Summary, v.TotalText = s.String(), f(w.TotalLost)
	if w.Unscored > 0 {
		v.Unscored = strconv.Itoa(w.Unscored) + " tiêu chí áp dụng chưa có điểm thẩm định, không được tính là mất điểm (thiếu số liệu không phải là 0 điểm)."
	}

	var b strings.Builder
	for _, l := range w.Lost {
		b.WriteString("\n<tr>")
		cell(&b, "", "Mã", l.Node.Key)
		b.WriteString(`<th scope="row">`)
		esc(&b, l.Node.Title)
		if l.Remark != "" || l.Evidence != "" {
			sum := "Ý kiến thẩm định, tài liệu kiểm chứng"
			switch {
			case l.Evidence == "":
				sum = "Ý kiến thẩm định"
			case l.Remark == "":
				sum = "Tài liệu kiểm chứng"
			}
			b.WriteString(`<details><summary>` + sum + `</summary>`)
			if l.Remark != "" {
				b.WriteString(`<p><strong>Ý kiến thẩm định:</strong> `)
				esc(&b, l.Remark)
				b.WriteString(`</p>`)
			}
			if l.Evidence != "" {
				b.WriteString(`<p><strong>Tài liệu kiểm chứng:</strong> `)
				esc(&b, l.Evidence)
				b.WriteString(`</p>`)
			}
			b.WriteString(`</details>`)
		}
		b.WriteString(`</th>`)
		cell(&b, "num", "Điểm tối đa", f(l.Max))
		cell(&b, "num", "Điểm đạt", viet.Figure(l.Score))
		cell(&b, "num lost-pts", "Điểm bị mất", f(l.Lost))
		avg, best, full := dash, dash, dash
		if l.Group.N > 0 {
			avg, best = f(l.Group.Avg), f(l.Group.Best)
			full = strconv.Itoa(l.Group.Full) + "/" + strconv.Itoa(l.Group.N)
		}
		cell(&b, "num", "Trung bình khối", avg)
		cell(&b, "num", "Cao nhất khối", best)
		cell(&b, "num", "Số đơn vị đạt tối đa", full)
		self := dash
		if l.Self.Known() {
			self = viet.Figure(l.Self)
		}
		if !l.Overclaimed {
			cell(&b, "num", "Tự chấm", self)
		} else {
			b.WriteString(`<td class="num overclaim" data-label="Tự chấm">`)
			esc(&b, self)
			b.WriteString(`<small>cao hơn thẩm định</small></td>`)
		}
		b.WriteString("</tr>")
	}
	v.LostRows = template.HTML(b.String())

	b.Reset()
	for _, a := range w.Areas {
		b.WriteString("\n<tr>")
		cell(&b, "", "Mã", a.Node.Code)
		b.WriteString(`<th scope="row">`)
		esc(&b, a.Node.Title)
		b.WriteString(`</th>`)
		lead := dash
		if a.Node.Lead != "" {
			lead = a.Node.Lead
			if u := m.reg.Unit(a.Node.Lead); u != nil {
				lead = u.NameAt(r.Year).Name
			}
		}
		cell(&b, "", "Cơ quan chủ trì", lead)
		cell(&b, "num", "Điểm tối đa", f(a.Max))
		cell(&b, "num", "Điểm đạt", f(a.Score))
		cell(&b, "num", "Điểm bị mất", f(a.Lost))
		share := dash
		if a.Max > 0 {
			share = f(a.Share) + "%"
		}
		cell(&b, "num", "Tỷ lệ bị mất", share)
		cell(&b, "num", "Số tiêu chí mất điểm", strconv.Itoa(a.Criteria))
		b.WriteString("</tr>")
	}
	v.AreaRows = template.HTML(b.String())

	b.Reset()
	for _, p := range w.Parts {
		b.WriteString("\n<tr>")
		b.WriteString(`<th scope="row">`)
		esc(&b, partName(p.Method))
		b.WriteString(`</th>`)
		cell(&b, "num", "Số tiêu chí", strconv.Itoa(p.Criteria))
		cell(&b, "num", "Điểm tối đa", f(p.Max))
		self, selfAppr := dash, dash
		if p.SelfCriteria > 0 {
			self, selfAppr = f(p.Self), f(p.SelfAppraised)
		}
		cell(&b, "num", "Tự chấm", self)
		cell(&b, "num", "Thẩm định (cùng tiêu chí)", selfAppr)
		cell(&b, "num", "Điểm đạt", f(p.Appraised))
		cell(&b, "num", "Điểm bị mất", f(p.Lost))
		b.WriteString("</tr>")
		if p.Method == par.MethodSelf && p.SelfCriteria > 0 {
			gap := p.Self - p.SelfAppraised
			switch {
			case gap > 0:
				v.SelfNote = "Trên " + strconv.Itoa(p.SelfCriteria) + " tiêu chí tự đánh giá có cả điểm tự chấm và điểm thẩm định, đơn vị tự chấm " + f(p.Self) + " điểm, thẩm định công nhận " + f(p.SelfAppraised) + " điểm (thấp hơn " + f(gap) + " điểm)."
			case gap < 0:
				v.SelfNote = "Trên " + strconv.Itoa(p.SelfCriteria) + " tiêu chí tự đánh giá có cả điểm tự chấm và điểm thẩm định, đơn vị tự chấm " + f(p.Self) + " điểm, thẩm định công nhận " + f(p.SelfAppraised) + " điểm (cao hơn " + f(-gap) + " điểm)."
			default:
				v.SelfNote = "Trên " + strconv.Itoa(p.SelfCriteria) + " tiêu chí tự đánh giá có cả điểm tự chấm và điểm thẩm định, điểm tự chấm bằng điểm thẩm định (" + f(p.Self) + " điểm)."
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
		esc(&b, x.name)
		b.WriteString(`</th>`)
		cell(&b, "num", "Số tiêu chí", dash)
		cell(&b, "num", "Điểm tối đa", dash)
		cell(&b, "num", "Tự chấm", dash)
		cell(&b, "num", "Thẩm định (cùng tiêu chí)", dash)
		cell(&b, "num", "Điểm", viet.Figure(x.fig))
		cell(&b, "num", "Điểm bị mất", dash)
		b.WriteString("</tr>")
	}
	v.PartRows = template.HTML(b.String())

	v.PersistRows = persistRows(w, f)

	d := w.Distance
	v.MaxText = f(r.Max)
	switch {
	case d.NextBand != nil:
		v.Band = "Cần thêm " + f(d.BandPoints) + " điểm để đạt ngưỡng loại " + d.NextBand.Name
		if d.Basis == par.BasisPoints {
			v.Band += " (" + f(d.NextBand.Min) + " điểm)."
		} else {
			v.Band += " (chỉ số " + f(d.NextBand.Min) + "%, tức " + f(d.BandPoints+r.Total.Value) + "/" + f(r.Max) + " điểm)."
		}
	case d.TopBand:
		v.Band = "Không có loại kế trên: " + d.BandWhy + "."
	default:
		v.Band = "Loại kế trên: không tính được — " + d.BandWhy + "."
	}
	v.Above, v.AboveWhy = d.Above, d.AboveWhy
	if d.Above != nil {
		v.AboveText = "tổng điểm cần tăng hơn " + f(d.AbovePoints) + " điểm"
	}
	v.First = r.Rank.N == 1
	b.Reset()
	for _, x := range d.Below {
		b.WriteString("\n<tr>")
		cell(&b, "", "Mã", x.Node.Key)
		b.WriteString(`<th scope="row">`)
		esc(&b, x.Node.Title)
		b.WriteString(`</th>`)
		cell(&b, "num", "Điểm tối đa", f(x.Max))
		cell(&b, "num", "Điểm đạt", f(x.Score))
		cell(&b, "num", "Trung bình khối", f(x.Avg))
		cell(&b, "num", "Thấp hơn trung bình", f(x.Gap))
		b.WriteString("</tr>")
	}
	v.BelowRows = template.HTML(b.String())
	return v
}

// cell writes a table cell with the label a phone shows before it.
func cell(b *strings.Builder, class, label, text string) {
	b.WriteString("<td")
	if class != "" {
		b.WriteString(` class="`)
		b.WriteString(class)
		b.WriteString(`"`)
	}
	b.WriteString(` data-label="`)
	esc(b, label)
	b.WriteString(`">`)
	esc(b, text)
	b.WriteString("</td>")
}

// partName names a scoring method's part of the total.
func partName(m par.Method) string {
	switch m {
	case par.MethodSelf:
		return "Tiêu chí tự đánh giá, có thẩm định"
	case par.MethodSurvey:
		return "Tiêu chí điều tra xã hội học"
	case par.MethodSatisfaction:
		return "Tiêu chí khảo sát sự hài lòng (SIPAS)"
	}
	return "Tiêu chí chấm theo cách khác (" + string(m) + ")"
}
