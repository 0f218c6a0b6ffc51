package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"parindex/internal/par"
)

// tolerance is how far a printed subtotal or total may be from the sum of
// its rows: published figures are rounded to two decimals.
const tolerance = par.Points(par.Scale / 200) // 0.005

// codeRe splits a leading code off a content cell: "I.", "II -", "1.",
// "1.1", "1.1.", "a)", "a.", "(b)". Single letters need punctuation, so a
// title starting with a one-letter word is not taken for a code.
var codeRe = regexp.MustCompile(`^(?:(?i:lĩnh vực|linh vuc|tiêu chí thành phần|tiêu chí|tieu chi|mục|muc)\s+)?` +
	`(?:([IVX]{1,5})(?:\s*[.:)]\s*|\s+[-–—]\s*|\s+)|` +
	`(\d{1,3}(?:\.\d{1,3}){0,4})(?:\.?\s*[-–—]\s*|\.?\s*[:)]?\s+|\.?$)|` +
	`\(?([a-zđA-Z])(?:\s*[.)]\s*|\s+[-–—]\s+))(.*)$`)

var bulletRe = regexp.MustCompile(`^[-–—+•*·]\s*`)

// splitCode returns the code at the start of a content cell and the rest.
func splitCode(s string) (code, rest string) {
	if m := codeRe.FindStringSubmatch(s); m != nil {
		for _, c := range m[1:4] {
			if c != "" {
				return c, strings.TrimSpace(bulletRe.ReplaceAllString(strings.TrimSpace(m[4]), ""))
			}
		}
	}
	return "", strings.TrimSpace(bulletRe.ReplaceAllString(s, ""))
}

// looksLikeCode reports whether a code-column cell holds a code rather
// than text spilled over from a merged label.
var codeOnly = regexp.MustCompile(`^\(?(?:[IVXivx]{1,5}|\d{1,3}(?:\.\d{1,3}){0,4}|[a-zđA-Z])[.):]?$`)

func looksLikeCode(s string) bool { return codeOnly.MatchString(strings.ReplaceAll(s, " ", "")) }

func isRomanUpper(c string) bool {
	c = strings.TrimRight(c, ".):")
	return c != "" && strings.Trim(c, "IVX") == ""
}

func isLowerLetter(c string) bool {
	c = strings.Trim(c, "(.):")
	return len([]rune(c)) == 1 && strings.ToLower(c) == c && strings.ToUpper(c) != c
}

// startsWith reports whether key k starts with one of the phrases as whole
// words ("diem tru" must not match "diem trung binh").
func startsWith(k string, phrases ...string) bool {
	for _, p := range phrases {
		if k == p || strings.HasPrefix(k, p+" ") {
			return true
		}
	}
	return false
}

func isTotalLabel(k string) bool {
	return k == "tong" || k == "cong" || startsWith(k, "tong cong", "tong diem", "tong so diem")
}

func isBonusLabel(k string) bool {
	return startsWith(k, "diem thuong", "diem cong", "cong diem", "diem khuyen khich") || k == "thuong"
}

func isPenaltyLabel(k string) bool {
	return startsWith(k, "diem tru", "diem phat", "tru diem") || k == "tru"
}

// rowRec is a matched row with the places of its figures.
type rowRec struct {
	node *par.Node
	row  *par.Row
}

// matcher walks the framework along the sheet.
type matcher struct {
	x    *fwIndex
	used map[*par.Node]par.Source
	last *par.Node
	area *par.Node
}

func (m *matcher) lastPos() int {
	if m.last == nil {
		return -1
	}
	return m.x.pos[m.last]
}

// byCode finds the node a code names. Codes are looked up where they make
// sense: areas for Roman numerals, the current criterion's children for
// letters, the current area for numbers (numbering may restart in each
// area or continue), then anywhere further down. dup is set when every node
// with that code is matched already.
func (m *matcher) byCode(code string) (n *par.Node, dup *par.Node) {
	cands := m.x.byCode[normCode(code)]
	if len(cands) == 0 {
		return nil, nil
	}
	last := m.lastPos()
	// A single letter keeps its case: "A." heads a section, "a)" is a
	// sub-criterion.
	letter := len([]rune(code)) == 1 && !isDigit(code)
	pick := func(ok func(*par.Node) bool) *par.Node {
		for _, c := range cands {
			if letter && strings.Trim(c.Code, "(.):") != code {
				continue
			}
			if _, used := m.used[c]; !used && ok(c) {
				return c
			}
		}
		return nil
	}
	after := func(c *par.Node) bool { return m.x.pos[c] > last }
	if isRomanUpper(code) || (len(code) == 1 && strings.ToUpper(code) == code && !isDigit(code)) {
		if n := pick(func(c *par.Node) bool { return c.Level == 1 && after(c) }); n != nil {
			return n, nil
		}
		if n := pick(func(c *par.Node) bool { return c.Level == 1 }); n != nil {
			return n, nil
		}
	}
	if isLowerLetter(code) {
		for a := m.last; a != nil; a = m.x.parent[a] {
			if n := pick(func(c *par.Node) bool { return m.x.parent[c] == a }); n != nil {
				return n, nil
			}
		}
	}
	if m.area != nil {
		if n := pick(func(c *par.Node) bool { return m.x.area[c] == m.area && after(c) }); n != nil {
			return n, nil
		}
		if n := pick(func(c *par.Node) bool { return m.x.area[c] == m.area }); n != nil {
			return n, nil
		}
	}
	if n := pick(after); n != nil {
		return n, nil
	}
	if pick(func(*par.Node) bool { return true }) != nil {
		return nil, nil // unmatched ones exist, but not where this row is
	}
	for _, c := range cands {
		if !letter || strings.Trim(c.Code, "(.):") == code {
			return nil, c // every one is taken: a repeated row
		}
	}
	return nil, nil
}

func isDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// byTitle finds an unmatched node with this title, in the current area
// first.
func (m *matcher) byTitle(k string) *par.Node {
	cands := m.x.byTitle[k]
	last := m.lastPos()
	var inArea, after, any *par.Node
	for _, c := range cands {
		if _, used := m.used[c]; used {
			continue
		}
		switch {
		case m.area != nil && m.x.area[c] == m.area && inArea == nil:
			inArea = c
		case m.x.pos[c] > last && after == nil:
			after = c
		case any == nil:
			any = c
		}
	}
	for _, n := range []*par.Node{inArea, after, any} {
		if n != nil {
			return n
		}
	}
	return nil
}

// byOrder takes the next unmatched node in document order, for rows with
// neither code nor a known title. Headings the sheet left out are skipped
// if the printed maximum says so; a leaf is never skipped, so a foreign row
// cannot silently slide down the tree.
func (m *matcher) byOrder(max par.Figure, figures bool) *par.Node {
	for i := m.lastPos() + 1; i < len(m.x.order); i++ {
		n := m.x.order[i]
		if _, used := m.used[n]; used {
			continue
		}
		switch {
		case max.Known() && n.Max == max.Value:
			return n
		case max.Known() && n.Level == 1 && m.area != nil:
			return nil // never slide into the next area
		case max.Known() && !n.Leaf():
			continue
		case max.Known():
			return nil
		case figures:
			return n
		}
		return nil
	}
	return nil
}

func (m *matcher) take(n *par.Node, src par.Source) {
	m.used[n] = src
	m.last = n
	m.area = m.x.area[n]
}

// extraRow is a bonus or penalty row.
type extraRow struct {
	e         *par.Extra // nil for the section's own row ("Điểm thưởng")
	penalty   bool
	appraised par.Figure
	self      par.Figure
}

// parseDetail reads a detail scoring sheet.
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
	s := &par.Sheet{Unit: unit.ID, Year: sc.year, Group: unit.Group, Framework: f.ID, Name: name, Src: g.sheetSrc()}
	if h.c(roleAppraised) < 0 {
		sc.d.Warnf(g.sheetSrc(), "no appraised column (Điểm thẩm định, Điểm chấm thực tế); only self-assessed points are read")
	}
	codeCol, contentCol := h.c(roleCode), h.c(roleContent)
	maxCol, selfCol, apprCol := h.c(roleMax), h.c(roleSelf), h.c(roleAppraised)
	evCol, remCol := h.c(roleEvidence), h.c(roleRemark)
	if codeCol >= 0 && g.runningNumbers(h.data, codeCol) {
		codeCol = -1 // an STT column counting rows, not criterion codes
	}

	m := &matcher{x: x, used: map[*par.Node]par.Source{}}
	var recs []rowRec
	var extras []extraRow
	section := 0 // 1 inside the bonus rows, 2 inside the penalty rows
	for r := h.data; r < len(g.rows); r++ {
		if g.emptyRow(r) {
			continue
		}
		content := g.t.Clean(g.hval(r, contentCol))
		codeTxt := ""
		if codeCol >= 0 && codeCol != contentCol {
			codeTxt = g.t.Clean(g.hval(r, codeCol))
			if codeTxt == content {
				codeTxt = "" // one merged label over both columns
			}
		}
		label, code := content, ""
		if codeTxt != "" {
			if g.t.LooksLikeCode(codeTxt) {
				code = codeTxt
			} else if label == "" {
				label = codeTxt
			}
		}
		inline, title := g.t.SplitCode(label)
		if inline != "" {
			code = inline // the content's own code beats a row counter
		}
		code = strings.Trim(code, "(.):")
		k := g.t.Key(title)
		if k == "" {
			k = g.t.Key(label)
		}
		labelSrc := g.src(r, contentCol)
		what := func() string {
			shown := label
			if code != "" && code == strings.Trim(codeTxt, "(.):") {
				shown = codeTxt + " " + label
			}
			return fmt.Sprintf("row %q", short(strings.TrimSpace(shown)))
		}

		if !looksNumeric(code) && isTotalLabel(g.t.Key(label)) {
			s.Total, _ = sc.figure(r, apprCol, "total", "", false)
			s.SelfTotal, _ = sc.figure(r, selfCol, "self-assessed total", "", false)
			if len(recs) == 0 {
				continue // a total printed above the criteria
			}
			break // signatures and notes follow
		}
		if isBonusLabel(k) || isPenaltyLabel(k) {
			section = 1
			pen := isPenaltyLabel(k)
			if pen {
				section = 2
			}
			e := extraRow{penalty: pen}
			if ref, ok := x.extra["code:"+normCode(code)]; ok && code != "" && ref.penalty == pen {
				e.e = ref.e
			}
			w := "bonus"
			if pen {
				w = "penalty"
			}
			e.appraised, _ = sc.figure(r, apprCol, w, "", false)
			e.self, _ = sc.figure(r, selfCol, "self-assessed "+w, "", false)
			extras = append(extras, e)
			continue
		}
		ref, ok := sc.extraRef(x, code, k, section)
		if !ok && section != 0 && !isRomanUpper(code) {
			// Inside the bonus or penalty rows, only a new area ends them.
			items, w := f.Bonus, "bonus"
			if section == 2 {
				items, w = f.Penalty, "penalty"
			}
			if len(items) != 1 {
				sc.d.Errorf(labelSrc, "%s matches no %s item of framework %s", what(), w, f.ID)
				continue
			}
			ref, ok = extraRef{e: &items[0], penalty: section == 2}, true
		}
		if ok {
			w := "bonus"
			if ref.penalty {
				w = "penalty"
			}
			of := " of " + ref.e.Code
			e := extraRow{e: ref.e, penalty: ref.penalty}
			e.appraised, _ = sc.figure(r, apprCol, w, of, false)
			e.self, _ = sc.figure(r, selfCol, "self-assessed "+w, of, false)
			extras = append(extras, e)
			continue
		}

		maxFig, maxK := sc.figure(r, maxCol, "maximum", "", false)
		selfK, _, _ := parseCell(g.raw(r, cellOr(selfCol)), false)
		apprK, _, _ := parseCell(g.raw(r, cellOr(apprCol)), false)
		if selfCol < 0 {
			selfK = cellBlank
		}
		if apprCol < 0 {
			apprK = cellBlank
		}
		figures := maxK != cellBlank || selfK != cellBlank || apprK != cellBlank

		var n, dup *par.Node
		if code != "" {
			n, dup = m.byCode(code)
			if n == nil && dup != nil && strings.Contains(code, ".") {
				// "1.10" typed as a number reads back as "1.1".
				if n2, _ := m.byCode(code + "0"); n2 != nil {
					n, dup = n2, nil
				}
			}
		}
		if n == nil && k != "" {
			n = m.byTitle(k)
		}
		if n == nil && dup == nil {
			n = m.byOrder(maxFig, figures)
		}
		if n == nil {
			switch {
			case dup != nil:
				sc.d.Errorf(labelSrc, "%s repeats criterion %s (first at %s)", what(), x.label[dup], m.used[dup].Cell)
			case code != "" || figures:
				sc.d.Errorf(labelSrc, "%s matches no criterion of framework %s", what(), f.ID)
			default:
				sc.d.Warnf(labelSrc, "%s matches no criterion of framework %s; ignored", what(), f.ID)
			}
			continue
		}
		if n.Level == 1 {
			section = 0
		}
		m.take(n, labelSrc)
		of := " of " + x.label[n]
		row := &par.Row{Key: n.Key, Src: labelSrc}
		row.Max = maxFig
		row.Self, _ = sc.figure(r, selfCol, "self-assessed", of, false)
		row.Appraised, _ = sc.figure(r, apprCol, "appraised", of, false)
		row.NA = maxK == cellNA || selfK == cellNA || apprK == cellNA
		if row.NA {
			row.Self, row.Appraised = par.Figure{}, par.Figure{}
		}
		if evCol >= 0 {
			row.Evidence = g.t.CleanText(g.raw(r, evCol))
		}
		if remCol >= 0 {
			row.Remark = g.t.CleanText(g.raw(r, remCol))
		}
		if row.Max.Known() && row.Max.Value != n.Max {
			sc.d.Errorf(row.Max.Src, "maximum %s%s differs from framework %s (%s)", row.Max.Value, of, f.ID, n.Max)
		}
		for _, fg := range []struct {
			name string
			fig  par.Figure
		}{{"self-assessed", row.Self}, {"appraised", row.Appraised}} {
			switch {
			case !fg.fig.Known():
			case fg.fig.Value < 0:
				sc.d.Errorf(fg.fig.Src, "%s %s%s is negative", fg.name, fg.fig.Value, of)
			case fg.fig.Value > n.Max:
				sc.d.Errorf(fg.fig.Src, "%s %s exceeds the maximum %s%s", fg.name, fg.fig.Value, n.Max, of)
			}
		}
		recs = append(recs, rowRec{node: n, row: row})
	}

	recs = sc.fillNA(x, recs)
	byNode := map[*par.Node]*par.Row{}
	for _, rc := range recs {
		byNode[rc.node] = rc.row
		s.Rows = append(s.Rows, rc.row)
	}
	var missing []string
	for _, l := range x.leaves {
		if byNode[l] == nil {
			missing = append(missing, x.label[l])
		}
	}
	if len(missing) > 0 {
		sc.d.Errorf(g.sheetSrc(), "%s of framework %s missing from the sheet: %s", count(len(missing), "criterion", "criteria"), f.ID, list(missing, 5))
	}
	sc.checkSubtotals(x, recs, byNode)
	sc.extras(s, f, extras)
	sc.checkTotals(s, x, byNode, extras, len(missing) > 0)
	return s
}

// runningNumbers reports a code column that only counts rows: 1, 2, 3, …
// without a Roman numeral or a dotted code anywhere.
func (g *grid) runningNumbers(from, col int) bool {
	next := 1
	for r := from; r < len(g.rows); r++ {
		s := strings.TrimSpace(g.raw(r, col))
		if s == "" || !g.t.LooksLikeCode(s) {
			continue // empty, or a label such as "Tổng điểm"
		}
		if s != strconv.Itoa(next) {
			return false
		}
		next++
	}
	return next > 5
}

func cellOr(c int) int {
	if c < 0 {
		return 1 << 30 // outside every row: reads as blank
	}
	return c
}

func looksNumeric(code string) bool { return code != "" && isDigit(code) }

// extraRef finds a bonus or penalty item by code, or by title within the
// bonus or penalty rows.
func (sc *sheetCtx) extraRef(x *fwIndex, code, k string, section int) (extraRef, bool) {
	if code != "" {
		if ref, ok := x.extra["code:"+normCode(code)]; ok {
			if _, node := x.byCode[normCode(code)]; !node || section != 0 {
				return ref, true
			}
		}
	}
	if section != 0 && k != "" {
		if ref, ok := x.extra["title:"+k]; ok {
			return ref, true
		}
	}
	return extraRef{}, false
}

// fillNA gives the leaves under a not-applicable inner row that the sheet
// does not list their own not-applicable rows, located at the inner row.
func (sc *sheetCtx) fillNA(x *fwIndex, recs []rowRec) []rowRec {
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
				sc.d.Errorf(printed.Src, "%s %s of %s differs from the sum of its items %s", col.name, printed.Value, x.label[rc.node], sum)
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
		sc.d.Errorf(col.total.Src, "%s %s differs from the sum of the rows %s%s", col.name, col.total.Value, all, detail)
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
