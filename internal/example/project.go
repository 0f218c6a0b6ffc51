package example

import (
	"strconv"

	"parindex/internal/par"
)

// siteInfo is data/site.yaml.
type siteInfo struct {
	title, titleEn, province, publisher, publisherEn string
	// licence of the open data (data_license:), "" for none
	license, licenseURL string
}

// project is a generated project before it is written: registry,
// frameworks and every unit-year's score.
type project struct {
	seed   uint64
	site   siteInfo
	groups []*par.Group
	units  []*par.Unit
	reg    *par.Registry
	fws    []*par.Framework
	years  []int

	base      map[string]int              // unit id → base quality (permille)
	abbr      map[string]string           // unit id → abbreviation in document numbers
	protected map[*score]bool             // planted cases the band-edge nudge must not move
	slump     map[string]int              // unit id → first year after a bad spell
	ranked    map[int]map[string][]*score // year → group → published order
	// differences are the unit-years whose decision printed a band the
	// rules do not give, recorded in data/reconciliation.yaml.
	differences []*score
}

func newProject(seed uint64) *project {
	return &project{
		seed:      seed,
		base:      map[string]int{},
		abbr:      map[string]string{},
		protected: map[*score]bool{},
		slump:     map[string]int{},
		ranked:    map[int]map[string][]*score{},
	}
}

func (p *project) framework(group string, year int) *par.Framework {
	for _, f := range p.fws {
		if f.Covers(group, year) {
			return f
		}
	}
	return nil
}

func (p *project) group(id string) *par.Group {
	for _, g := range p.groups {
		if g.ID == id {
			return g
		}
	}
	return nil
}

// quality is a unit-year's quality: its base, a slow improvement over the
// years, and some noise.
func (p *project) quality(u *par.Unit, year int) int {
	r := newRng(p.seed, u.ID, strconv.Itoa(year), "quality")
	q := p.base[u.ID] + (year-p.years[0])*8 + r.between(-40, 40)
	if year < p.slump[u.ID] {
		q = 80 + r.between(-30, 30)
	}
	return min(max(q, 60), 960)
}

// generateAll draws a score for every unit listed in every ranking.
func (p *project) generateAll() map[int]map[string][]*score {
	all := map[int]map[string][]*score{}
	for _, y := range p.years {
		all[y] = map[string][]*score{}
		for _, g := range p.groups {
			fw := p.framework(g.ID, y)
			if fw == nil {
				continue
			}
			for _, u := range p.units {
				if u.Group == g.ID && u.ExistedAt(y) {
					all[y][g.ID] = append(all[y][g.ID], generate(p.seed, u, y, fw, p.quality(u, y)))
				}
			}
		}
	}
	return all
}

// finish keeps unprotected results off the band edges, ranks every
// group-year, classifies, and applies the frameworks' special rules.
func (p *project) finish(all map[int]map[string][]*score) {
	for _, y := range p.years {
		p.ranked[y] = map[string][]*score{}
		for _, g := range p.groups {
			ss := all[y][g.ID]
			if len(ss) == 0 {
				continue
			}
			for _, s := range ss {
				if s.scored && !p.protected[s] {
					p.offEdge(s)
				}
			}
			classify(ss)
			p.ranked[y][g.ID] = rankGroup(ss)
		}
		for _, g := range p.groups {
			ss := p.ranked[y][g.ID]
			if len(ss) == 0 {
				continue
			}
			for _, rule := range ss[0].fw.Rules {
				if rule.Kind != par.RuleChildBandShare {
					continue
				}
				children := map[string][]*score{}
				for _, c := range p.ranked[y][rule.ChildGroup] {
					children[c.unit.Parent] = append(children[c.unit.Parent], c)
				}
				applyChildRule(ss, children, rule.Num, rule.Den)
			}
		}
	}
}

// offEdge moves a result that sits within 0.01 of a band's lower bound a
// quarter point up, so that a published figure rounded to two decimals
// never seems to contradict its band.
func (p *project) offEdge(s *score) {
	for try := 0; try < 4; try++ {
		v := s.basisValue()
		near := false
		for _, b := range s.fw.Bands {
			if b.Min > 0 && (v-b.Min).Abs() < hundredth {
				near = true
			}
		}
		if !near || !s.adjust(quarter) {
			return
		}
	}
}

// scoresOf returns the scores of a group-year in published order.
func (p *project) scoresOf(year int, group string) []*score {
	return p.ranked[year][group]
}

// unitScore finds one unit-year.
func (p *project) unitScore(year int, id string) *score {
	for _, ss := range p.ranked[year] {
		for _, s := range ss {
			if s.unit.ID == id {
				return s
			}
		}
	}
	return nil
}
