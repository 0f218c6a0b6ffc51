package site

import (
	"slices"
	"strconv"
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// methodologyKind: "/phuong-phap/", the methodology generated from the
// frameworks.
func methodologyKind() pageKind {
	return pageKind{Template: "methodology", Pattern: urlMethodology, pages: func(m *model) []Page {
		return []Page{{URL: urlMethodology, Title: m.lang.T("Phương pháp đánh giá, xếp hạng"), Crumb: m.lang.T("Phương pháp"),
			view: func() (any, error) { return m.methodology(), nil }}}
	}}
}

const urlMethodology = "/phuong-phap/"

type methodologyPage struct {
	meta
	Frameworks []frameworkView
	Unranked   []link // groups scored but never ranked
}

type frameworkView struct {
	F        *par.Framework
	Groups   []link
	Validity string
	Basis    string
	Areas    []areaView
	Max      par.Points
	Methods  []methodMax
	Bonus    []extraView
	Penalty  []extraView
	Bands    []bandView
	Rules    []string
	Note     []string // paragraphs of the framework's note, as text
	Rankings []link
	Previous link // the framework it replaces (its area map: areaView.Prev)
}

type extraView struct {
	Code  string
	Title string
	Max   par.Points
}

type areaView struct {
	Code     string
	Title    string
	Max      par.Points
	Criteria int
	Sub      int
	Lead     link
	Prev     string // the previous framework's areas it compares with, when f maps its areas
}

type methodMax struct {
	Method string
	Max    par.Points
}

type bandView struct {
	Name  string
	Range string
	Class string
}

// methodology describes every framework from its definition, so the page
// can never disagree with the rules the figures were computed by.
func (m *model) methodology() methodologyPage {
	p := methodologyPage{}
	fws := slices.Clone(m.ds.Frameworks)
	order := map[string]int{}
	for i, g := range m.reg.Groups {
		order[g.ID] = i
	}
	first := func(f *par.Framework) int {
		best := len(order)
		for _, g := range f.Groups {
			if i, ok := order[g]; ok && i < best {
				best = i
			}
		}
		return best
	}
	slices.SortStableFunc(fws, func(a, b *par.Framework) int {
		if x, y := first(a), first(b); x != y {
			return x - y
		}
		if a.From != b.From {
			return a.From - b.From
		}
		return strings.Compare(a.ID, b.ID)
	})
	for _, f := range fws {
		p.Frameworks = append(p.Frameworks, m.frameworkView(f))
	}
	for _, g := range m.reg.Groups {
		if g.Unranked {
			p.Unranked = append(p.Unranked, link{Title: m.lang.nameOf(g), URL: m.groupLatest(g.ID)})
		}
	}
	return p
}

func (m *model) frameworkView(f *par.Framework) frameworkView {
	v := frameworkView{F: f, Max: f.Max(), Previous: m.previousFramework(f)}
	for _, g := range f.Groups {
		// Link the group's latest ranking under this framework.
		l := link{Title: m.groupName(g)}
		for _, rk := range m.byGroup[g] {
			if rk.Framework == f {
				l.URL = rankingURL(rk.Year, g)
			}
		}
		v.Groups = append(v.Groups, l)
	}
	switch {
	case f.To == 0:
		v.Validity = m.lang.F("Áp dụng từ kết quả năm %d (đang áp dụng)", f.From)
	case f.To == f.From:
		v.Validity = m.lang.F("Áp dụng cho kết quả năm %d", f.From)
	default:
		v.Validity = m.lang.F("Áp dụng cho kết quả các năm %d–%d", f.From, f.To)
	}
	unit := "%"
	if f.Basis == par.BasisPoints {
		unit = m.lang.T(" điểm")
		v.Basis = m.lang.T("Xếp hạng theo tổng điểm đạt được, từ cao xuống thấp.")
	} else {
		v.Basis = m.lang.T("Xếp hạng theo Chỉ số CCHC (%) = điểm đạt được ÷ tổng điểm tối đa áp dụng cho đơn vị × 100, từ cao xuống thấp.")
	}
	methods := map[par.Method]par.Points{}
	for _, a := range f.Areas {
		av := areaView{Code: a.Code, Title: m.lang.name(a.Title, a.TitleEn), Max: a.Max, Prev: areaMapText(f, a.Code, m.lang)}
		// Depth is counted here rather than read from Node.Level so the page
		// does not depend on Framework.Index having run.
		var walk func(n *par.Node, depth int)
		walk = func(n *par.Node, depth int) {
			switch {
			case depth == 2:
				av.Criteria++
			case depth > 2:
				av.Sub++
			}
			if n.Leaf() {
				methods[n.Method] += n.Max
			}
			for _, c := range n.Children {
				walk(c, depth+1)
			}
		}
		walk(a, 1)
		if a.Lead != "" {
			av.Lead = m.unitLink(a.Lead)
		}
		v.Areas = append(v.Areas, av)
	}
	for _, meth := range par.Methods {
		if mx, ok := methods[meth]; ok {
			v.Methods = append(v.Methods, methodMax{Method: methodName(meth, m.lang), Max: mx})
			delete(methods, meth)
		}
	}
	var other []string
	for meth := range methods {
		other = append(other, string(meth))
	}
	slices.Sort(other)
	for _, meth := range other {
		v.Methods = append(v.Methods, methodMax{Method: methodName(par.Method(meth), m.lang), Max: methods[par.Method(meth)]})
	}
	for _, e := range f.Bonus {
		v.Bonus = append(v.Bonus, extraView{Code: e.Code, Title: m.lang.name(e.Title, ""), Max: e.Max})
	}
	for _, e := range f.Penalty {
		v.Penalty = append(v.Penalty, extraView{Code: e.Code, Title: m.lang.name(e.Title, ""), Max: e.Max})
	}
	for i, b := range f.Bands {
		lo := m.lang.num(viet.DecimalComma(b.Min.String())) + unit
		prev := ""
		if i > 0 {
			prev = m.lang.num(viet.DecimalComma(f.Bands[i-1].Min.String())) + unit
		}
		var rng string
		switch {
		case i == 0:
			rng = m.lang.F("Từ %s trở lên", lo)
		case b.Min == 0 && i == len(f.Bands)-1:
			rng = m.lang.F("Dưới %s", prev)
		default:
			rng = m.lang.F("Từ %s đến dưới %s", lo, prev)
		}
		v.Bands = append(v.Bands, bandView{Name: m.lang.name(b.Name, b.NameEn), Range: rng, Class: bandClass(f, par.BandMark{ID: b.ID, Name: b.Name})})
	}
	for _, r := range f.Rules {
		v.Rules = append(v.Rules, m.ruleText(f, r))
	}
	for _, para := range strings.Split(strings.TrimSpace(f.Note), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			v.Note = append(v.Note, para)
		}
	}
	for _, rk := range m.res.Rankings {
		if rk.Framework == f {
			v.Rankings = append(v.Rankings, link{Title: m.lang.F("%s năm %d", m.lang.nameOf(rk.Group), rk.Year), URL: rankingURL(rk.Year, rk.Group.ID)})
		}
	}
	return v
}

// ruleText explains a special rule in Vietnamese. The framework's own text,
// if any, follows the generated explanation.
func (m *model) ruleText(f *par.Framework, r par.Rule) string {
	var s string
	switch r.Kind {
	case par.RuleChildBandShare:
		share := strconv.Itoa(r.Num) + "/" + strconv.Itoa(r.Den)
		child := m.lang.T("đơn vị trực thuộc")
		if r.ChildGroup != "" {
			child = m.lang.F("đơn vị trực thuộc thuộc khối %s", m.groupName(r.ChildGroup))
		}
		s = m.lang.F("Quy tắc xếp loại theo kết quả đơn vị trực thuộc: một đơn vị chỉ giữ loại đã đạt theo điểm nếu ít nhất %s số %s đạt từ loại đó trở lên; nếu không, đơn vị bị hạ một bậc. Đơn vị mà kết quả của các đơn vị trực thuộc chưa đầy đủ (chưa đủ kết quả cấp dưới) thì không xếp loại.", share, child)
	default:
		s = m.lang.F("Quy tắc đặc thù “%s”.", string(r.Kind))
	}
	if text := m.lang.name(r.Text, r.TextEn); text != "" {
		s += " " + text
	}
	return s
}

// frameworkURL links to a framework's section of the methodology page.
func frameworkURL(id string) string { return urlMethodology + "#" + id }
