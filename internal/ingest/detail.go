package ingest

import (
	"fmt"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// tolerance is how far a printed subtotal or total may be from the sum of
// its rows: published figures are rounded to two decimals.
const tolerance = par.Points(par.Scale / 200) // 0.005

// rowRec is a matched row with its framework node.
type rowRec struct {
	node *par.Node
	row  *par.Row
	d    *detailRow // nil for a leaf filled in under a not-applicable row
}

// fault is a criterion row that could not be placed: a repeated code or a
// row naming no criterion. Its error is written once the whole sheet is
// matched, so that the criteria left without a row because of it are named
// in it rather than in errors of their own: one fault, one error.
type fault struct {
	d          *detailRow
	dup        *par.Node // the node the row's code repeats
	prev, next int       // document positions of the nodes matched before and after it
	missing    []string  // labels of the leaves without a row between prev and next
}

// extraRow is a bonus or penalty row.
type extraRow struct {
	e         *par.Extra // nil for the section's own row ("Điểm thưởng")
	penalty   bool
	appraised par.Figure
	self      par.Figure
}

// sheetProblems gathers the problems of one sheet that are reported once
// for the whole sheet rather than once per cell.
type sheetProblems struct {
	blank    []blankCell // applicable leaves whose appraised cell is blank
	maxDiffs []maxDiff   // printed maxima that differ from the framework
	over     []string    // scores over their maximum, and where
	overAt   []par.Source
}

type blankCell struct {
	src   par.Source
	label string
}

type maxDiff struct {
	src       par.Source
	label     string
	got, want par.Points
}

// parseDetail reads a detail scoring sheet: layout, rows, match, then the
// figures of the matched rows.
func (sc *sheetCtx) parseDetail(h *header) *par.Sheet {
	g := sc.g
	unit, name, ok := sc.unitFromTitle(h)
	if !ok {
		return nil
	}
	f := sc.env.ds.Framework(unit.Group, sc.year)
	if f == nil {
		noFramework(sc.d, unit.Group, sc.year).Errorf(g.sheetSrc(), "no framework for group %q in %d (unit %q)", unit.Group, sc.year, unit.ID)
		return nil
	}
	x := sc.env.fx[f]
	l := newDetailLayout(g, h)
	if l.appr < 0 {
		sc.d.Errorf(g.sheetSrc(), "no appraised column in the header (row %d): without %s the sheet cannot score %s", h.row+1, labelList(roleAppraised), name)
		return nil
	}
	sc.layout = l
	rows := sc.classify(l, x)
	defer g.t.keepRows(rows.items)
	s := &par.Sheet{Unit: unit.ID, Year: sc.year, Group: unit.Group, Framework: f.ID, Name: name, Src: g.sheetSrc()}
	p := &sheetProblems{}

	m := newMatcher(x)
	var recs []rowRec
	var faults []*fault
	var extras []extraRow
	for i := range rows.items {
		d := &rows.items[i]
		switch d.kind {
		case rowBonusHead, rowPenaltyHead, rowExtra:
			extras = append(extras, sc.extraRow(d, p))
			continue
		case rowExtraStray:
			w := "bonus"
			if d.penalty {
				w = "penalty"
			}
			sc.d.Errorf(d.src, "%s matches no %s item of framework %s", d.shown(), w, f.ID)
			continue
		}
		n, dup := m.match(d)
		if n == nil {
			if dup == nil && !d.figures() {
				sc.d.Warnf(d.src, "%s matches no criterion of framework %s; ignored", d.shown(), f.ID)
				continue
			}
			faults = append(faults, &fault{d: d, dup: dup, prev: m.lastPos()})
			continue
		}
		m.take(n, d.r)
		recs = append(recs, rowRec{node: n, d: d})
	}
	for _, ft := range faults {
		ft.next = len(x.order)
		for _, rc := range recs {
			if rc.d.r > ft.d.r {
				ft.next = x.pos[rc.node]
				break
			}
		}
	}

	for i := range recs {
		recs[i].row = sc.rowOf(recs[i].node, recs[i].d, x, f, p)
	}
	recs = sc.fillNA(recs)
	byNode := map[*par.Node]*par.Row{}
	for _, rc := range recs {
		byNode[rc.node] = rc.row
		s.Rows = append(s.Rows, rc.row)
	}

	// Completeness: every applicable leaf needs a readable appraised score.
	var unexplained []string
	for _, lf := range x.leaves {
		r := byNode[lf]
		switch {
		case r == nil:
			s.Missing = append(s.Missing, lf.Key)
			if ft := explainedBy(faults, x.pos[lf]); ft != nil {
				ft.missing = append(ft.missing, x.label[lf])
			} else {
				unexplained = append(unexplained, x.label[lf])
			}
		case r.NA || r.Appraised.Known():
		default:
			s.Missing = append(s.Missing, lf.Key)
		}
	}
	s.Incomplete = len(s.Missing) > 0
	sc.reportFaults(faults, m, f)
	if len(unexplained) > 0 {
		sc.d.Errorf(g.sheetSrc(), "%s of framework %s missing from the sheet: %s", count(len(unexplained), "criterion", "criteria"), f.ID, list(unexplained, 5))
	}
	s.Total = sc.sheetTotal(rows.total, "total", p)
	s.SelfTotal = sc.sheetTotal(rows.selfTotal, "self-assessed total", p)
	if blankSheet(x, byNode, p) {
		// An unfilled form: one error, not one per blank cell and formula.
		sc.noValue = nil // subtotal formulas over blanks: part of the same fault
		sc.d.Errorf(g.sheetSrc(), "no criterion has an appraised score (column %s is blank): the sheet is an unfilled form, so %s is not scored from it; fill it in, or move it out of %s/", strings.TrimRight(xlsx.CellName(1, l.appr+1), "0123456789"), name, scoresDir)
		return s
	}
	foreign := sc.reportProblems(p, f, len(recs))
	sc.extras(s, f, extras)
	if !foreign { // another framework's sheet: its sums would only repeat that
		for i, msg := range p.over {
			sc.d.Errorf(p.overAt[i], "%s", msg)
		}
		sc.checkSubtotals(x, recs, byNode)
		sc.checkTotals(s, x, byNode, extras, s.Incomplete)
	}
	return s
}

// blankSheet reports a sheet whose every leaf row has a blank appraised
// cell: not a formula without its result, not text, not a mark.
func blankSheet(x *fwIndex, byNode map[*par.Node]*par.Row, p *sheetProblems) bool {
	rows := 0
	for _, lf := range x.leaves {
		if r := byNode[lf]; r != nil {
			if r.NA || r.Appraised.Known() {
				return false
			}
			rows++
		}
	}
	return rows > 0 && len(p.blank) == rows
}

// explainedBy is the fault whose row stands where a leaf without a row
// would be: between the nodes matched just before and after it.
func explainedBy(faults []*fault, pos int) *fault {
	for _, ft := range faults {
		if ft.prev < pos && pos < ft.next {
			return ft
		}
	}
	return nil
}

// reportFaults writes one error per fault, naming the criteria left
// without a row because of it.
func (sc *sheetCtx) reportFaults(faults []*fault, m *matcher, f *par.Framework) {
	for _, ft := range faults {
		d := ft.d
		src := d.src // a row naming nothing: its title
		var msg string
		if ft.dup != nil {
			if d.codeSrc.Cell != "" {
				src = d.codeSrc // a repeated code: the code
			}
			under := ""
			if p := m.x.parent[ft.dup]; p != nil {
				under = " under " + p.Key
			}
			msg = fmt.Sprintf("code %s appears on rows %d and %d%s; row %d is left out", d.code, m.used[ft.dup]+1, d.r+1, under, d.r+1)
		} else {
			msg = fmt.Sprintf("%s matches no criterion of framework %s", d.shown(), f.ID)
		}
		switch len(ft.missing) {
		case 0:
		case 1:
			msg += fmt.Sprintf(" (criterion %s has no row: is row %d meant to be it?)", ft.missing[0], d.r+1)
		default:
			msg += fmt.Sprintf(" (%s have no row: %s)", count(len(ft.missing), "criterion", "criteria"), list(ft.missing, 5))
		}
		sc.d.Errorf(src, "%s", msg)
	}
}

// rowOf reads the figures of a matched row and checks them against its
// node. Problems reported for the whole sheet go to p.
func (sc *sheetCtx) rowOf(n *par.Node, d *detailRow, x *fwIndex, f *par.Framework, p *sheetProblems) *par.Row {
	g := sc.g
	of := " of " + x.label[n]
	row := &par.Row{Key: n.Key, Src: d.src}
	switch d.max.kind {
	case cellNumber:
		row.Max = d.max.fig
		if row.Max.Value != n.Max {
			p.maxDiffs = append(p.maxDiffs, maxDiff{src: d.max.src, label: x.label[n], got: row.Max.Value, want: n.Max})
		}
	case cellText:
		sc.d.Errorf(d.max.src, "maximum %q%s is not a number", short(d.max.raw), of)
	case cellNoValue:
		sc.noValue = append(sc.noValue, d.max.src)
	}
	apprNA := d.appr.kind == cellNA
	blankAppr := d.appr.kind == cellBlank
	switch {
	case apprNA, blankAppr && (d.self.kind == cellNA || d.max.kind == cellNA):
		row.NA = true
		row.NotEvaluated = notEvaluated(d.appr.raw) || blankAppr && (notEvaluated(d.self.raw) || notEvaluated(d.max.raw))
	case d.appr.known() && d.max.kind == cellNA:
		sc.d.Errorf(d.appr.src, "appraised %s%s, but the maximum cell %s says %q (not applicable)", d.appr.fig.Value, of, d.max.src.Cell, d.max.raw)
	case d.appr.known() && d.self.kind == cellNA:
		sc.d.Warnf(d.appr.src, "the unit marked %s not applicable (%s), but it was appraised %s: the appraised score counts", x.label[n], d.self.src.Cell, d.appr.fig.Value)
	}
	if row.NA {
		if req := requiredUnder(n); req != nil {
			at := d.appr.src
			if !apprNA {
				at = d.src
			}
			sc.d.Errorf(at, "criterion %s applies to every unit (framework %s says required), so it cannot be marked not applicable; enter its score", x.label[req], f.ID)
			row.NA = false // and without a score: the sheet is incomplete, reported here
		}
		return row
	}
	for _, c := range []struct {
		name string
		v    cellVal
		dst  *par.Figure
	}{{"self-assessed", d.self, &row.Self}, {"appraised", d.appr, &row.Appraised}} {
		switch c.v.kind {
		case cellNumber:
			*c.dst = c.v.fig
			switch v := c.v.fig.Value; {
			case v < 0:
				sc.d.Errorf(c.v.src, "%s %s%s is negative", c.name, v, of)
			case v > n.Max:
				// Reported once the sheet's maxima are known to be this
				// framework's (else it is another framework's sheet).
				p.over = append(p.over, fmt.Sprintf("%s %s exceeds the maximum %s%s", c.name, v, n.Max, of))
				p.overAt = append(p.overAt, c.v.src)
			}
		case cellText:
			hint := ""
			if n.Leaf() && c.name == "appraised" {
				hint = ` (nor a mark of "not applicable"; words of your own for it go in not_applicable in data/site.yaml)`
			}
			sc.d.Errorf(c.v.src, "%s %q%s is not a number%s", c.name, short(c.v.raw), of, hint)
		case cellNoValue:
			sc.noValue = append(sc.noValue, c.v.src)
		case cellNA:
			// Self-assessment "not applicable" under an appraised score:
			// warned about above.
		}
	}
	if n.Leaf() && blankAppr && !row.NA {
		p.blank = append(p.blank, blankCell{src: d.appr.src, label: x.label[n]})
	}
	if evCol := sc.layout.evidence; evCol >= 0 {
		row.Evidence = g.t.CleanText(g.raw(d.r, evCol))
	}
	if remCol := sc.layout.remark; remCol >= 0 {
		row.Remark = g.t.CleanText(g.raw(d.r, remCol))
	}
	return row
}

// requiredUnder is the first node at or under n that the framework says
// applies to every unit, or nil.
func requiredUnder(n *par.Node) *par.Node {
	var req *par.Node
	n.Walk(func(c *par.Node) {
		if req == nil && c.Required {
			req = c
		}
	})
	return req
}

// reportProblems writes the sheet-wide problems, each once. It reports
// whether the sheet's maxima show it is scored against another framework.
func (sc *sheetCtx) reportProblems(p *sheetProblems, f *par.Framework, matched int) bool {
	sc.reportNoValue()
	if len(p.blank) > 0 {
		var cells []string
		for _, b := range p.blank {
			cells = append(cells, b.src.Cell+" ("+b.label+")")
		}
		sc.d.Contradictf(p.blank[0].src, diag.Fact{Kind: "incomplete", Other: sc.g.sheetSrc()}, "appraised score missing for %s: %s; the result is incomplete, so it is not totalled, ranked or classified: enter 0 where no points were earned, or \"Không áp dụng\" where the criterion does not apply", count(len(cells), "applicable criterion", "applicable criteria"), list(cells, 10))
	}
	// Most maxima differing means another framework, not many typos.
	if n := len(p.maxDiffs); n >= 3 && 2*n >= matched {
		var ds []string
		for _, md := range p.maxDiffs {
			ds = append(ds, fmt.Sprintf("%s %s ≠ %s", md.label, md.got, md.want))
		}
		sc.d.Errorf(p.maxDiffs[0].src, "the maxima of %d of %d rows differ from framework %s (%s): is the sheet scored against another framework?", n, matched, f.ID, list(ds, 5))
		return true
	}
	for _, md := range p.maxDiffs {
		sc.d.Errorf(md.src, "maximum %s of %s differs from framework %s (%s)", md.got, md.label, f.ID, md.want)
	}
	return false
}

// sheetTotal reads the closing total of one column.
func (sc *sheetCtx) sheetTotal(c cellVal, what string, p *sheetProblems) par.Figure {
	switch c.kind {
	case cellNumber:
		return c.fig
	case cellText:
		sc.d.Errorf(c.src, "%s %q is not a number", what, short(c.raw))
	case cellNoValue:
		sc.noValue = append(sc.noValue, c.src)
	}
	return par.Figure{}
}

// extraRow reads a bonus or penalty row.
func (sc *sheetCtx) extraRow(d *detailRow, p *sheetProblems) extraRow {
	w := "bonus"
	if d.penalty {
		w = "penalty"
	}
	of := ""
	if d.extra != nil {
		of = " of " + d.extra.Code
	}
	e := extraRow{e: d.extra, penalty: d.penalty}
	for _, c := range []struct {
		name string
		v    cellVal
		dst  *par.Figure
	}{{w, d.appr, &e.appraised}, {"self-assessed " + w, d.self, &e.self}} {
		switch c.v.kind {
		case cellNumber:
			*c.dst = c.v.fig
		case cellText, cellNA:
			sc.d.Errorf(c.v.src, "%s %q%s is not a number", c.name, short(c.v.raw), of)
		case cellNoValue:
			sc.noValue = append(sc.noValue, c.v.src)
		}
	}
	return e
}

// fillNA gives the leaves under a not-applicable inner row that the sheet
// does not list their own not-applicable rows, located at the inner row.
func (sc *sheetCtx) fillNA(recs []rowRec) []rowRec {
	have := map[*par.Node]bool{}
	for _, rc := range recs {
		have[rc.node] = true
	}
	var out []rowRec
	for _, rc := range recs {
		out = append(out, rc)
		if !rc.row.NA || rc.node.Leaf() {
			continue
		}
		rc.node.Walk(func(n *par.Node) {
			if n.Leaf() && !have[n] {
				have[n] = true
				out = append(out, rowRec{node: n, row: &par.Row{Key: n.Key, NA: true, Src: rc.row.Src}})
			}
		})
	}
	return out
}

// checkSubtotals compares printed inner rows with the sum of their leaves.
func (sc *sheetCtx) checkSubtotals(x *fwIndex, recs []rowRec, byNode map[*par.Node]*par.Row) {
	for _, rc := range recs {
		if rc.node.Leaf() || rc.row.NA {
			continue
		}
		for _, col := range []struct {
			name string
			get  func(*par.Row) par.Figure
		}{
			{"self-assessed", func(r *par.Row) par.Figure { return r.Self }},
			{"appraised", func(r *par.Row) par.Figure { return r.Appraised }},
		} {
			printed := col.get(rc.row)
			if !printed.Known() {
				continue
			}
			sum, complete := par.Points(0), true
			rc.node.Walk(func(n *par.Node) {
				if !n.Leaf() {
					return
				}
				lr := byNode[n]
				switch {
				case lr == nil:
					complete = false
				case lr.NA:
				case !col.get(lr).Known():
					complete = false
				default:
					sum += col.get(lr).Value
				}
			})
			if complete && (printed.Value-sum).Abs() > tolerance {
				sc.d.Contradictf(printed.Src, diag.Fact{Kind: "subtotal", Published: printed.Value.String(), Rule: sum.String()},
					"%s %s of %s differs from the sum of its items %s", col.name, printed.Value, x.label[rc.node], sum)
			}
		}
	}
}

// extras sets the sheet's bonus and penalty from their rows and checks
// them against the framework's maxima.
func (sc *sheetCtx) extras(s *par.Sheet, f *par.Framework, rows []extraRow) {
	for _, pen := range []bool{false, true} {
		what, fmax, items := "bonus", f.BonusMax(), f.Bonus
		if pen {
			what, fmax, items = "penalty", f.PenaltyMax(), f.Penalty
		}
		var head par.Figure
		var sum par.Points
		var any bool
		var src par.Source
		for _, e := range rows {
			if e.penalty != pen || !e.appraised.Known() {
				continue
			}
			v := e.appraised.Value.Abs() // penalties are often printed negative
			if e.e == nil {
				head = e.appraised
				head.Value = v
				continue
			}
			if v > e.e.Max {
				sc.d.Errorf(e.appraised.Src, "%s %s exceeds the maximum %s of %s", what, v, e.e.Max, e.e.Code)
			}
			sum += v
			any = true
			src = e.appraised.Src
		}
		total := head
		switch {
		case head.Known() && any && (head.Value-sum).Abs() > tolerance:
			sc.d.Errorf(head.Src, "%s %s differs from the sum of its items %s", what, head.Value, sum)
		case !head.Known() && any:
			total = par.Pub(sum, f.Decimals, src)
		}
		if head.Known() { // items are checked one by one above
			switch {
			case len(items) == 0 && total.Value != 0:
				sc.d.Errorf(total.Src, "%s %s, but framework %s has no %s items", what, total.Value, f.ID, what)
			case total.Value > fmax:
				sc.d.Errorf(total.Src, "%s %s exceeds the maximum %s", what, total.Value, fmax)
			}
		}
		if pen {
			s.Penalty = total
		} else {
			s.Bonus = total
		}
	}
}

// checkTotals compares the sheet's Tổng điểm with its rows.
func (sc *sheetCtx) checkTotals(s *par.Sheet, x *fwIndex, byNode map[*par.Node]*par.Row, extras []extraRow, incomplete bool) {
	if incomplete {
		return // the missing criteria are reported; a sum would mislead
	}
	selfBonus, selfPenalty := par.Points(0), par.Points(0)
	headSeen := [2]bool{}
	for _, e := range extras {
		if e.e == nil && e.self.Known() {
			i := 0
			if e.penalty {
				i = 1
			}
			headSeen[i] = true
		}
	}
	for _, e := range extras {
		if !e.self.Known() {
			continue
		}
		i := 0
		if e.penalty {
			i = 1
		}
		if headSeen[i] != (e.e == nil) {
			continue // use the section row when printed, else its items
		}
		if e.penalty {
			selfPenalty += e.self.Value.Abs()
		} else {
			selfBonus += e.self.Value.Abs()
		}
	}
	for _, col := range []struct {
		name           string
		self           bool
		total          par.Figure
		get            func(*par.Row) par.Figure
		bonus, penalty par.Points
	}{
		{"self-assessed total", true, s.SelfTotal, func(r *par.Row) par.Figure { return r.Self }, selfBonus, selfPenalty},
		{"total", false, s.Total, func(r *par.Row) par.Figure { return r.Appraised }, figValue(s.Bonus), figValue(s.Penalty)},
	} {
		if !col.total.Known() {
			continue
		}
		var sum par.Points
		var blank []string
		for _, l := range x.leaves {
			r := byNode[l]
			switch {
			case r.NA:
			case !col.get(r).Known() && col.self && l.Method != par.MethodSelf:
				// survey leaves are not self-assessed
			case !col.get(r).Known():
				blank = append(blank, x.label[l])
			default:
				sum += col.get(r).Value
			}
		}
		if len(blank) > 0 {
			sc.d.Warnf(col.total.Src, "%s not checked: %s without points (%s)", col.name, count(len(blank), "criterion", "criteria"), list(blank, 5))
			continue
		}
		all := sum + col.bonus - col.penalty
		if (col.total.Value - all).Abs() <= tolerance {
			continue
		}
		detail := ""
		if col.bonus != 0 || col.penalty != 0 {
			detail = fmt.Sprintf(" (criteria %s + bonus %s − penalty %s)", sum, col.bonus, col.penalty)
		}
		sc.d.Contradictf(col.total.Src, diag.Fact{Kind: "sheet-total", Published: col.total.Value.String(), Rule: all.String()},
			"%s %s differs from the sum of the rows %s%s", col.name, col.total.Value, all, detail)
	}
}

func figValue(f par.Figure) par.Points {
	if f.Known() {
		return f.Value
	}
	return 0
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// list joins the first n items, marking the rest with "…".
func list(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + ", …"
}
