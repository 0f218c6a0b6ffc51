package example

import (
	"slices"
	"strconv"

	"parindex/internal/par"
	"parindex/internal/viet"
)

const (
	quarter   = par.Points(par.Scale / 4)   // self-assessed points move in steps of 0.25
	hundredth = par.Points(par.Scale / 100) // survey points carry two decimals
)

// leaf is one scored leaf of a unit-year.
type leaf struct {
	node     *par.Node
	self     par.Points
	appr     par.Points
	round1   par.Points // first appraisal round (two-round sheets)
	na       bool
	naNote   string // why it is not applicable, for the remark
	evidence string
	remark   string
}

// score is one unit-year: the generated leaf points and what follows from
// them, computed the way a publisher computes (exact sums, index at full
// precision, published figures rounded to the framework's decimals).
type score struct {
	unit   *par.Unit
	year   int
	group  string
	fw     *par.Framework
	name   string // name in force that year
	scored bool
	leaves []*leaf // framework leaf order
	bonus  par.Points
	pen    par.Points

	// computed by calc
	total, appr, survey, satis, max, selfTotal par.Points
	hasSurvey, hasSatis                        bool
	areas                                      map[string]par.Points
	exact                                      par.Ratio
	index                                      par.Points // percent at full (6-decimal) precision

	// set by rank and classify
	rank     int
	band     *par.Band
	ruleDrop bool // band lowered by the child-band-share rule

	// printed is the band the publication decision printed when it is
	// not the rules' (a recorded difference, data/reconciliation.yaml);
	// nil: the rules' band.
	printed *par.Band
}

// shownBand is the band the decision published: the printed one where it
// differs from the rules (the decision is the law), else the rules'.
func (s *score) shownBand() *par.Band {
	if s.printed != nil {
		return s.printed
	}
	return s.band
}

func (s *score) leaf(key string) *leaf {
	for _, l := range s.leaves {
		if l.node.Key == key {
			return l
		}
	}
	return nil
}

// calc recomputes the sums from the leaves.
func (s *score) calc() {
	s.total, s.appr, s.survey, s.satis, s.max, s.selfTotal = 0, 0, 0, 0, 0, 0
	s.hasSurvey, s.hasSatis = false, false
	s.areas = map[string]par.Points{}
	for _, l := range s.leaves {
		area := l.node.Key
		if i := indexByte(area, '/'); i >= 0 {
			area = area[:i]
		}
		switch l.node.Method {
		case par.MethodSurvey:
			s.hasSurvey = true
		case par.MethodSatisfaction:
			s.hasSatis = true
		}
		if l.na {
			continue
		}
		s.max += l.node.Max
		s.areas[area] += l.appr
		switch l.node.Method {
		case par.MethodSurvey:
			s.survey += l.appr
		case par.MethodSatisfaction:
			s.satis += l.appr
		default:
			s.appr += l.appr
			s.selfTotal += l.self
		}
	}
	s.total = s.appr + s.survey + s.satis + s.bonus - s.pen
	s.selfTotal += s.bonus - s.pen
	s.exact = par.Ratio{Num: s.total, Den: s.max}
	if s.fw.Basis == par.BasisPoints {
		s.exact = par.Ratio{Num: s.total, Den: par.Scale}
	}
	s.index = par.Ratio{Num: s.total, Den: s.max}.Percent()
}

// basisValue is the value bands apply to: the index, or points.
func (s *score) basisValue() par.Points {
	if s.fw.Basis == par.BasisPoints {
		return s.total
	}
	return s.index
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// generate draws a unit-year's leaf points. quality (permille) is the share
// of self-assessed leaves the appraisers accept in full; survey points
// follow it more gently. The self-assessment claims a little more than the
// appraisers grant.
func generate(seed uint64, u *par.Unit, year int, fw *par.Framework, quality int) *score {
	s := &score{unit: u, year: year, group: u.Group, fw: fw, name: u.NameAt(year).Name, scored: true}
	r := newRng(seed, u.ID, strconv.Itoa(year), "leaves")
	for _, n := range fw.Leaves() {
		l := &leaf{node: n}
		switch n.Method {
		case par.MethodSurvey, par.MethodSatisfaction:
			ratio := 640 + quality*30/100 + r.between(-45, 45)
			ratio = min(max(ratio, 450), 985)
			l.appr = (n.Max * par.Points(ratio) / 1000).Round(2)
		default:
			steps := int(n.Max / quarter)
			if r.chance(quality) || steps == 0 {
				l.appr = n.Max
			} else {
				l.appr = par.Points(r.intn(steps)) * quarter
			}
			l.self = l.appr
			if l.appr < n.Max {
				if r.chance(650) {
					l.self = n.Max
				} else {
					l.self = l.appr + par.Points(1+r.intn(int((n.Max-l.appr)/quarter)))*quarter
				}
			} else if r.chance(30) && n.Max >= quarter*2 {
				// Now and then a unit under-claims a criterion it fully met.
				l.self = n.Max - quarter
			}
		}
		l.round1 = l.appr
		s.leaves = append(s.leaves, l)
	}
	if len(fw.Bonus) > 0 && r.chance(180) {
		s.bonus = par.Points(1+r.intn(int(fw.BonusMax()/quarter))) * quarter
	}
	if len(fw.Penalty) > 0 && r.chance(120) {
		s.pen = par.Points(1+r.intn(int(fw.PenaltyMax()/quarter))) * quarter
	}
	s.calc()
	return s
}

// adjust moves a unit's total by delta (a multiple of 0.01): whole quarter
// points on self-assessed leaves, the rest on survey or satisfaction leaves.
// It reports whether the full delta could be placed.
func (s *score) adjust(delta par.Points) bool {
	var selfLeaves, surveyLeaves []*leaf
	for _, l := range s.leaves {
		if l.na {
			continue
		}
		if l.node.Method == par.MethodSurvey || l.node.Method == par.MethodSatisfaction {
			surveyLeaves = append(surveyLeaves, l)
		} else {
			selfLeaves = append(selfLeaves, l)
		}
	}
	// Whole quarters first, walking the leaves from the end so the
	// changes spread over the tree.
	for i := len(selfLeaves) - 1; delta >= quarter || delta <= -quarter; {
		moved := false
		for k := 0; k < len(selfLeaves) && (delta >= quarter || delta <= -quarter); k++ {
			l := selfLeaves[(i+len(selfLeaves)*8-k)%len(selfLeaves)]
			switch {
			case delta > 0 && l.appr+quarter <= l.node.Max:
				l.appr += quarter
				delta -= quarter
				moved = true
			case delta < 0 && l.appr >= quarter:
				l.appr -= quarter
				delta += quarter
				moved = true
			}
			l.self = max(l.self, l.appr)
			l.round1 = min(l.round1, l.appr)
		}
		if !moved {
			break
		}
	}
	for _, l := range surveyLeaves {
		if delta == 0 {
			break
		}
		if delta > 0 {
			d := min(delta, l.node.Max-l.appr)
			l.appr += d
			delta -= d
		} else {
			d := min(-delta, l.appr)
			l.appr -= d
			delta += d
		}
		l.round1 = l.appr
	}
	s.calc()
	return delta == 0
}

// rankGroup ranks the scored units of one group-year, high to low on the
// framework's basis at full precision; equal values share a rank (1, 2, 2,
// 4). It returns every unit's score in published order: ranked first (ties
// in name order), then the unscored.
func rankGroup(ss []*score) []*score {
	out := slices.Clone(ss)
	col := viet.NewCollator()
	slices.SortStableFunc(out, func(a, b *score) int {
		if a.scored != b.scored {
			if a.scored {
				return -1
			}
			return 1
		}
		if a.scored {
			if c := b.exact.Cmp(a.exact); c != 0 {
				return c
			}
		}
		return col.Compare(a.name, b.name)
	})
	for i, s := range out {
		s.rank = 0
		if !s.scored {
			continue
		}
		s.rank = i + 1
		if i > 0 && out[i-1].scored && out[i-1].exact.Cmp(s.exact) == 0 {
			s.rank = out[i-1].rank
		}
	}
	return out
}

// classify sets the threshold band of every scored unit.
func classify(ss []*score) {
	for _, s := range ss {
		s.band, s.ruleDrop = nil, false
		if s.scored {
			s.band = s.fw.BandFor(s.basisValue())
		}
	}
}

// applyChildRule is Bắc Kạn's rule: a unit keeps its band only if at least
// num/den of its children reach that band or higher, else it drops one band.
// Children are compared by band id within the parent framework's bands.
func applyChildRule(parents []*score, children map[string][]*score, num, den int) {
	for _, p := range parents {
		if !p.scored || p.band == nil {
			continue
		}
		kids := children[p.unit.ID]
		if len(kids) == 0 {
			continue
		}
		pi := p.fw.BandIndex(p.band.ID)
		reach := 0
		for _, k := range kids {
			if k.band != nil {
				if ki := p.fw.BandIndex(k.band.ID); ki >= 0 && ki <= pi {
					reach++
				}
			}
		}
		if reach*den < num*len(kids) && pi+1 < len(p.fw.Bands) {
			p.band = &p.fw.Bands[pi+1]
			p.ruleDrop = true
		}
	}
}
