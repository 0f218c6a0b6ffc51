package compute

import (
	"strings"

	"parindex/internal/par"
)

// sheetCalc is what one detail scoring sheet gives (rule "totals from the leaves": leaf → criterion
// → area → total).
type sheetCalc struct {
	src    par.Source // file and sheet
	dec    int        // framework display precision
	tree   []*par.NodeResult
	areas  []par.AreaResult
	max    par.Points // applicable maximum: leaves not marked not applicable
	leaves par.Points // sum of the appraised leaves

	comp      [3]par.Points // appraised leaves by scoring method (par.Methods order)
	compKnown [3]bool
	self      par.Points
	selfKnown bool

	bonus, penalty par.Figure // within their maxima
	total          par.Points // leaves + bonus − penalty
	scored         bool       // every applicable leaf has an appraised value
	incomplete     bool       // some applicable leaf has none: never totalled

	// For the sheet's completeness (its internal consistency is ingest's).
	applicable int
	missing    []string // keys of applicable leaves without an appraised value
	rows       map[string]*par.Row
	slab       []par.NodeResult // one allocation for the whole tree
}

// nodeCount is the number of nodes of a framework, counted once per run.
func (x *run) nodeCount(fw *par.Framework) int {
	if n, ok := x.nodes[fw]; ok {
		return n
	}
	n := 0
	fw.Walk(func(*par.Node) { n++ })
	x.nodes[fw] = n
	return n
}

func methodIndex(m par.Method) int {
	switch m {
	case par.MethodSurvey:
		return 1
	case par.MethodSatisfaction:
		return 2
	}
	return 0
}

// computeSheet sums a sheet over its framework's tree. Rows are matched to
// nodes by key; a not-applicable row (leaf or inner) takes its whole subtree
// out of the unit's maximum.
func (x *run) computeSheet(fw *par.Framework, sh *par.Sheet, name string) *sheetCalc {
	c := &sheetCalc{
		src:  sheetSrc(sh),
		dec:  fw.Decimals,
		rows: make(map[string]*par.Row, len(sh.Rows)),
		slab: make([]par.NodeResult, x.nodeCount(fw)),
	}
	// The sheet's internal consistency (a criterion repeated, a row matching
	// no criterion, a score outside its range, subtotals, the printed total,
	// bonus and penalty maxima) is checked and reported by ingest, which has
	// the cells; here such rows are only kept from skewing the sums: a
	// repeated criterion counts once (its first row), a row matching no
	// criterion is never reached by the walk below.
	for _, row := range sh.Rows {
		if _, ok := c.rows[row.Key]; !ok {
			c.rows[row.Key] = row
		}
	}
	for _, a := range fw.Areas {
		c.tree = append(c.tree, x.node(c, a, false))
	}
	for _, nr := range c.tree {
		c.areas = append(c.areas, par.AreaResult{Code: nr.Node.Code, Title: nr.Node.Title, Max: nr.Max, Points: nr.Appraised})
	}

	switch {
	case c.applicable == 0:
		x.dl.Errorf(c.src, "every criterion of %s is marked not applicable; it is not scored", name)
		return c
	case sh.Incomplete:
		// Missing is never zero: ingest reported each missing score at
		// its cell; the sheet gives no total, rank or band.
		c.incomplete = true
		return c
	case len(c.missing) > 0:
		c.incomplete = true
		x.dl.Errorf(c.src, "%d of %d applicable criteria of %s have no appraised score (%s): the result is incomplete, so it is not totalled, ranked or classified", len(c.missing), c.applicable, name, listKeys(c.missing, 5))
		return c
	}
	c.scored = true

	c.bonus = extra(sh.Bonus, fw.BonusMax(), false, c.dec, c.src)
	c.penalty = extra(sh.Penalty, fw.PenaltyMax(), true, c.dec, c.src)
	// The sheet's printed Tổng điểm is checked against its rows by ingest;
	// the total here is always the computed one.
	c.total = c.leaves + c.bonus.Value - c.penalty.Value
	return c
}

// node builds the result of one framework node and its subtree.
func (x *run) node(c *sheetCalc, n *par.Node, na bool) *par.NodeResult {
	row := c.rows[n.Key]
	var nr *par.NodeResult
	if len(c.slab) > 0 {
		nr, c.slab = &c.slab[0], c.slab[1:]
	} else {
		nr = new(par.NodeResult)
	}
	nr.Node, nr.Src = n, c.src
	if row != nil {
		na = na || row.NA
		nr.Remark, nr.Evidence, nr.Src = row.Remark, row.Evidence, row.Src
	}
	if n.Leaf() {
		if row != nil {
			nr.Self = row.Self
		}
		if na {
			nr.NA = true
			nr.NotEvaluated = row != nil && row.NotEvaluated
			if row != nil && row.Appraised.Known() && row.Appraised.Value != 0 {
				x.dl.Warnf(at(row.Appraised.Src, row.Src), "criterion %s is marked not applicable but has an appraised score %s; the score is ignored", n.Key, row.Appraised.Text())
			}
			return nr
		}
		nr.Max = n.Max
		c.applicable++
		c.max += n.Max
		if row != nil && row.Self.Known() {
			c.self += row.Self.Value
			c.selfKnown = true
		}
		if row == nil || !row.Appraised.Known() {
			c.missing = append(c.missing, n.Key)
			return nr
		}
		// A score below 0 or over the maximum is reported by ingest at its
		// cell; it counts as printed, so the computed total agrees with the
		// sheet's and the published figures rather than adding a mismatch.
		v := row.Appraised.Value
		nr.Appraised = row.Appraised
		nr.Lost = n.Max - v
		c.leaves += v
		m := methodIndex(n.Method)
		c.comp[m] += v
		c.compKnown[m] = true
		return nr
	}

	var appr, self par.Points
	var apprKnown, selfKnown bool
	allNA := true
	nr.Children = make([]*par.NodeResult, 0, len(n.Children))
	for _, ch := range n.Children {
		cr := x.node(c, ch, na)
		nr.Children = append(nr.Children, cr)
		nr.Max += cr.Max
		if !cr.NA {
			allNA = false
		}
		if cr.Appraised.Known() {
			appr += cr.Appraised.Value
			apprKnown = true
		}
		if cr.Self.Known() {
			self += cr.Self.Value
			selfKnown = true
		}
	}
	nr.NA = allNA
	if apprKnown {
		nr.Appraised = par.Comp(appr, c.dec, c.src)
		nr.Lost = nr.Max - appr
	}
	if selfKnown {
		nr.Self = par.Comp(self, c.dec, c.src)
	}
	// A printed subtotal is not used: the sum of the items is. Ingest
	// reports a subtotal that differs from it.
	return nr
}

// extra brings a bonus or penalty within [0, maximum] (rule: bonus and
// penalty points within their maxima). A penalty may be printed as a
// negative number ("-1,5" in a Điểm trừ row); what counts is its size. A
// value outside the range is counted at the nearest bound, silently: ingest
// reports it at its cell.
func extra(f par.Figure, maxV par.Points, penalty bool, dec int, sheet par.Source) par.Figure {
	if !f.Known() {
		return par.Figure{}
	}
	v := f.Value
	if penalty {
		v = v.Abs()
	}
	v = min(max(v, 0), maxV)
	return par.Comp(v, dec, at(f.Src, sheet))
}

// apply fills a result from the sheet. Figures are Computed with the
// framework's precision; their source is the sheet, or the cell for a
// figure that is one cell (bonus, penalty).
func (c *sheetCalc) apply(r *par.Result, fw *par.Framework) {
	r.Detail = true
	r.Incomplete = c.incomplete
	if c.incomplete {
		r.Missing = c.missing
	}
	r.Tree = c.tree
	r.Areas = c.areas
	r.Max = c.max
	if c.selfKnown {
		r.SelfTotal = par.Comp(c.self, c.dec, c.src)
	}
	if !c.scored {
		return
	}
	r.Scored = true
	r.Total = par.Comp(c.total, c.dec, c.src)
	r.Index = par.Comp(par.Ratio{Num: c.total, Den: c.max}.Percent(), c.dec, c.src)
	comps := []*par.Figure{&r.Appraised, &r.Survey, &r.Satisfaction}
	for i, f := range comps {
		if c.compKnown[i] {
			*f = par.Comp(c.comp[i], c.dec, c.src)
		}
	}
	r.Bonus, r.Penalty = c.bonus, c.penalty
	r.Exact = exact(fw, c.total, c.max)
}

// exact is the ranking value at full precision on the framework's basis:
// the fraction total ÷ applicable maximum for the index (the default), the
// total itself for points.
func exact(fw *par.Framework, total, maxV par.Points) par.Ratio {
	if fw.Basis == par.BasisPoints {
		return par.Ratio{Num: total, Den: par.Scale}
	}
	return par.Ratio{Num: total, Den: maxV}
}

// halfUnit is half a unit of the last of d decimals: the rounding error of a
// figure published with d decimals.
func halfUnit(d int) par.Points {
	d = min(max(d, 0), par.ScaleDigits)
	u := par.Points(1)
	for i := d; i < par.ScaleDigits; i++ {
		u *= 10
	}
	return u / 2
}

func within(a, b, tol par.Points) bool { return (a - b).Abs() <= tol }

// at is src if it names a file, else the fallback: diagnostics always point
// somewhere.
func at(src, fallback par.Source) par.Source {
	if src.File != "" {
		return src
	}
	return fallback
}

func listKeys(ks []string, n int) string {
	if len(ks) <= n {
		return strings.Join(ks, ", ")
	}
	return strings.Join(ks[:n], ", ") + ", …"
}
