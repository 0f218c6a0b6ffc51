package ingest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// areaCol is an annex column that may hold an area's points: a code
// ("I", "Lĩnh vực I") or an area title, mapped once the table's framework
// is known.
type areaCol struct {
	col   int
	code  string // from the label, "" if only a title
	title string // Key of the label
}

var areaCodeLabel = regexp.MustCompile(`^(?:(?i:lĩnh vực|linh vuc|lv)\s*)?([IVX]{1,5})\.?$`)

func (g *grid) areaColumns(h *header) []areaCol {
	var out []areaCol
	taken := map[int]bool{}
	for _, c := range h.col {
		taken[c] = true
	}
	for c, l := range h.labels {
		if taken[c] || l == "" {
			continue
		}
		k := g.t.Key(l)
		if summaryRole(k) != roleNone {
			continue
		}
		if m := areaCodeLabel.FindStringSubmatch(l); m != nil {
			out = append(out, areaCol{col: c, code: m[1]})
			continue
		}
		if rest, ok := strings.CutPrefix(k, "linh vuc "); ok {
			code, _, _ := strings.Cut(rest, " ")
			out = append(out, areaCol{col: c, code: strings.ToUpper(code)})
			continue
		}
		out = append(out, areaCol{col: c, title: k})
	}
	return out
}

// mapAreas resolves area columns against a framework: code → area code.
func mapAreas(cols []areaCol, f *par.Framework) map[int]string {
	out := map[int]string{}
	for _, ac := range cols {
		if f == nil {
			if ac.code != "" {
				out[ac.col] = ac.code
			}
			continue
		}
		for _, a := range f.Areas {
			t := viet.Key(a.Title)
			switch {
			case ac.code != "" && normCode(a.Code) == normCode(ac.code),
				ac.code == "" && t != "" && (ac.title == t || has(ac.title, t) || strings.HasPrefix(t, ac.title+" ")):
				out[ac.col] = a.Code
			}
			if _, ok := out[ac.col]; ok {
				break
			}
		}
	}
	return out
}

// isAverageLabel reports the closing row of a table or block: a total or
// an average over the units above it.
func isAverageLabel(k string) bool {
	return viet.KeyStartsWith(k, "trung binh", "tong cong", "tong so", "binh quan", "diem trung binh", "diem binh quan",
		"chi so trung binh", "chi so binh quan", "toan tinh") ||
		k == "tong" || k == "cong"
}

// looksLikeSection reports a row title such as "I. KHỐI SỞ, BAN, NGÀNH",
// "Khối huyện" or "Sở, ban, ngành" that groups the rows below it.
func looksLikeSection(s string) bool {
	if sectionLead(s) {
		return true
	}
	k := viet.Key(s)
	if viet.KeyStartsWith(k, "cac", "co quan", "don vi", "danh sach") {
		return true
	}
	// "UBND các huyện, thị xã": a kind of unit in the plural.
	if w := strings.Fields(k); len(w) > 2 && w[1] == "cac" {
		return true
	}
	// "Sở, ban, ngành": a list of kinds, not one name.
	if first, _, ok := strings.Cut(s, ","); ok && len(strings.Fields(first)) == 1 {
		return true
	}
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// sectionLead reports a title that is one for sure: numbered ("II. …",
// "B. …") or opening with a word that names a block ("Khối", "Nhóm",
// "Cụm", "Phần"). Such a row may even carry the block's average.
func sectionLead(s string) bool {
	code, rest := splitCode(s)
	if isRomanUpper(code) || len(code) == 1 && code >= "A" && code <= "Z" {
		return true // "1." and "a)" number units as well
	}
	return viet.KeyStartsWith(viet.Key(rest), "khoi", "nhom", "cum", "phan")
}

// sectionNumeral is a block number written alone left of the name
// column: "I", "II.", "B".
var sectionNumeral = regexp.MustCompile(`^\(?(?:[IVX]{1,5}|[A-Z])[.):]?$`)

// noteWords open a footnote under a table.
var noteWords = []string{"ghi chu", "chu thich", "chu giai", "giai thich", "luu y", "nguon", "don vi tinh", "noi nhan"}

// looksLikeNote reports a footnote or a recipients' list: "Ghi chú: …",
// "* Đơn vị …", "(*) …", "- Như Điều 3;", "Hòa Lâm, ngày … tháng … năm …".
// A unit's name has no colon, does not open with a bullet nor end with a
// semicolon, and is not a sentence.
func looksLikeNote(s, k string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("*-+(•·–—…", first) || strings.Contains(s, ":") || strings.HasSuffix(s, ";") {
		return true
	}
	// Beyond fifteen words a text is a sentence: the longest names have
	// a dozen.
	return viet.KeyStartsWith(k, noteWords...) || (has(k, "ngay") && has(k, "thang") && has(k, "nam")) ||
		strings.Count(k, " ") >= 15
}

// signTitles are the titles in a signature block.
var signTitles = []string{
	"chu tich", "pho chu tich", "giam doc", "pho giam doc", "truong ban", "pho truong ban", "thu truong",
	"chanh van phong", "truong phong", "lanh dao", "nguoi lap bieu", "nguoi lap", "nguoi tong hop",
	"nguoi kiem tra", "nguoi ky", "xac nhan", "ky ten", "da ky",
}

// looksLikeSignature reports a line of a signature block (Key form):
// "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "Q. GIÁM ĐỐC", "PHÓ CHỦ TỊCH",
// "Người lập biểu".
func looksLikeSignature(k string) bool {
	if viet.KeyStartsWith(k, "kt", "tm", "tl", "tuq", "thua lenh", "thua uy quyen", "thay mat", "ky thay") {
		return true
	}
	if rest, ok := strings.CutPrefix(k, "q "); ok {
		k = rest
	}
	return viet.KeyStartsWith(k, signTitles...)
}

// firstWord is the first word of a name, lower case, diacritics kept:
// "Sở" and "Số" must differ here.
func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.ToLower(viet.Clean(s)), " ")
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// registryFirstWords are the first words of every registered name and
// alias ("sở", "ban", "ubnd", "xã" …): a text starting with one is
// written as a unit's name.
func (r *resolver) registryFirstWords() map[string]bool {
	m := map[string]bool{}
	for _, es := range r.byKey {
		for _, e := range es {
			m[firstWord(e.text)] = true
		}
	}
	return m
}

// prefixMatch reports whether a name found inside s starts it, after
// any numbering: "Sở Nội vụ (sáp nhập)" and "1. Sở Nội vụ" name the unit,
// "UBND tỉnh giao Sở Nội vụ …" does not.
func (r *resolver) prefixMatch(s string, fd found, year int) bool {
	_, rest := splitCode(s)
	w := strings.Fields(nameKey(rest))
	if fd.words > len(w) {
		return false
	}
	u, _, _ := r.lookup(strings.Join(w[:fd.words], " "), year)
	return u != nil && u == fd.unit
}

// tieRank is a tied or annotated rank (Key form): "đồng hạng 3",
// "hạng 3", "3 (đồng hạng)", "=3".
var tieRank = regexp.MustCompile(`^(?:(?:dong )?hang |dong |xep hang )?(\d{1,5})(?: dong hang| dong)?$`)

// rankValue reads a rank cell: a positive whole number, or a tie.
func rankValue(s string) (int, bool) {
	k, v, _ := parseCell(s, false)
	switch k {
	case cellNumber:
		if v > 0 && v%par.Scale == 0 {
			return int(v / par.Scale), true
		}
		return 0, false
	case cellText:
		k := viet.Key(s)
		if !strings.Contains(s, "=") && !has(k, "hang", "dong") {
			return 0, false // "(1)" numbers a column
		}
		if m := tieRank.FindStringSubmatch(k); m != nil {
			n, err := strconv.Atoi(m[1])
			return n, err == nil && n > 0
		}
	}
	return 0, false
}

// figCol is a column holding a unit's figure.
type figCol struct {
	col     int
	percent bool
}

// annexLine is what one body row of an annex table shows.
type annexLine struct {
	name   string // the name column's text, or that of a merge starting on this row
	banner bool   // name comes from a merge reaching past the name column: a title across the table
	left   string // the first text left of the name column (STT, rank): "I", "Tổng cộng"
	code   bool   // left is a block numeral: "I", "II", "A"
	figs   bool   // a number in a figure column, or a rank
}

// line reads row r of a table. Only numbers count as figures: a block
// title typed or merged into the rank column, or a signature written
// across the figure columns, is text.
func (sc *sheetCtx) line(r int, h *header, figs []figCol) annexLine {
	g := sc.g
	nameCol := h.c(roleName)
	var l annexLine
	if s := g.raw(r, nameCol); strings.TrimSpace(s) != "" {
		l.name = g.t.Clean(s)
	} else if m, ok := g.merge(r, nameCol); ok && m.FirstRow-1 == r {
		l.name = g.t.Clean(m.Value)
		l.banner = m.FirstCol-1 < nameCol || m.LastCol-1 > nameCol
	}
	for c := 0; c < nameCol; c++ {
		if s := g.t.Clean(g.raw(r, c)); s != "" {
			l.left = s
			l.code = sectionNumeral.MatchString(strings.ReplaceAll(s, " ", ""))
			break
		}
	}
	for _, fc := range figs {
		if k, _, _ := parseCell(g.raw(r, fc.col), fc.percent); k == cellNumber {
			l.figs = true
			return l
		}
	}
	if c := h.c(roleRank); c >= 0 {
		_, l.figs = rankValue(g.raw(r, c))
	}
	return l
}

// splitTitleRow undoes a two-row header whose second row is a block
// title. A title right under a one-row header ("I. KHỐI CƠ QUAN TRUNG
// ƯƠNG" merged across the table, or typed in the STT column) has no text
// under the name column and no number, so it passes for a second header
// row, and its words would join the labels ("STT I. KHỐI CƠ QUAN …" reads
// as a name column). Sub-header labels stand under the columns they
// qualify; a lone text left of the name column, a lone merge across three
// columns or more, or a numbered or "Khối …" text is a title.
func (g *grid) splitTitleRow(h *header) {
	r := h.row + 1
	if h.data != r+1 {
		return
	}
	labels := g.labelsFor(h.row, false, false)
	cols, round := g.assign(labels, false)
	if !isSummaryHeader(cols) {
		return
	}
	n, col := 0, -1
	for c := 0; c < g.width(r); c++ {
		if strings.TrimSpace(g.raw(r, c)) != "" {
			n++
			col = c
		}
	}
	if n != 1 {
		return
	}
	m, ok := g.merge(r, col)
	wide := ok && m.FirstRow-1 == r && m.LastCol-m.FirstCol >= 2
	if col < cols[roleName] || wide || sectionLead(g.raw(r, col)) {
		h.labels, h.col, h.round, h.data = labels, cols, round, r
	}
}

// parseSummary reads every annex table of a sheet.
func (sc *sheetCtx) parseSummary(hs []*header) []*par.Summary {
	var out []*par.Summary
	for i, h := range hs {
		end := len(sc.g.rows)
		if i+1 < len(hs) {
			end = hs[i+1].row
		}
		sc.g.splitTitleRow(h)
		out = append(out, sc.parseTable(h, end)...)
	}
	return out
}

// parseTable reads the rows of one annex table. What a row is follows
// from whether it has figures (numbers in the total, appraised, survey,
// satisfaction, index or area columns, or a rank; STT never counts) and
// from the shape of its text, not from a list of spellings, since every
// office lays its annex out a little differently:
//   - a closing row ("Tổng cộng", "Trung bình", "Bình quân") is skipped,
//     wherever its label stands;
//   - before the first unit, a row of column numbers ("(1) (2) (3)",
//     "1 2 3 4") is skipped, and a row of maxima ("Điểm tối đa", or
//     figures without a name that are the framework's maxima) is read as
//     the maxima, never as a unit;
//   - without figures, a footnote or signature line ("Ghi chú: …", "* …",
//     "KT. CHỦ TỊCH") is skipped before its text is looked up; once units
//     have been read it opens the table's trailer, whose rows without
//     figures are all skipped (a recipients' list names units);
//   - a row whose name resolves is the unit's (blank figures: not scored),
//     except a heading: a unit named without figures and followed by units
//     of the group whose parent group it is (a district over its
//     communes), which gives them their parent and is no result;
//   - a title without figures (merged across the table, numbered, "Khối
//     …", in capitals, or beside a block numeral in the STT/rank column)
//     ends the block: the next rows may be another ranking group; if it
//     names a unit ("Các xã thuộc huyện An Lâm") it is a heading; with
//     figures only a sure title ("II. …", "Khối …") is skipped;
//   - other text without figures is an unknown unit only when it is
//     written like a unit's name (its first word opens a registered name,
//     or a registered name is close); a signer's name is not;
//   - text with figures that names no unit is an unknown unit.
func (sc *sheetCtx) parseTable(h *header, end int) []*par.Summary {
	g := sc.g
	res := sc.env.res
	nameCol := h.c(roleName)
	t := &annexTable{sc: sc, h: h, areaCols: g.areaColumns(h), maxRow: -1}
	for _, rl := range []role{roleTotal, roleSumAppraised, roleSurvey, roleSatisfaction, roleIndex, roleBonus, rolePenalty} {
		if c := h.c(rl); c >= 0 {
			t.figs = append(t.figs, figCol{c, rl == roleIndex})
		}
	}
	for _, ac := range t.areaCols {
		t.figs = append(t.figs, figCol{col: ac.col})
	}
	var firsts map[string]bool
	started, trailer := false, false
	for r := h.data; r < end; r++ {
		if g.emptyRow(r) || !started && g.numberingRow(r) && strings.TrimSpace(g.raw(r, nameCol)) != "" {
			continue // column numbers number the name column too
		}
		l := sc.line(r, h, t.figs)
		nameSrc := g.src(r, nameCol)
		if l.figs {
			trailer = false
		}
		if !started && (isMaximaLabel(g.t.Key(l.name)) || l.name == "" && isMaximaLabel(g.t.Key(l.left))) {
			t.maxRow = r
			continue
		}
		if l.name == "" {
			// Any text stands left of the name column.
			switch {
			case isAverageLabel(g.t.Key(l.left)):
			case l.left != "" && (sectionLead(l.left) || !l.figs && (l.code || looksLikeSection(l.left))):
				t.endBlock()
			case l.figs && !started && t.maxRow < 0:
				t.maxRow, t.maxGuess = r, true // checked against the framework's maxima
			case l.figs:
				sc.d.Errorf(nameSrc, "row has figures but no unit name")
			}
			continue
		}
		k := g.t.Key(l.name)
		if isAverageLabel(k) {
			continue
		}
		if !l.figs {
			if trailer && !l.code && !sectionLead(l.name) {
				continue
			}
			// Before the name is looked up: "- Sở Nội vụ;" in a
			// recipients' list names a unit.
			if looksLikeNote(l.name, k) || looksLikeSignature(k) {
				trailer = started
				continue
			}
		}
		u, _, amb := res.lookup(canonKey(k), sc.year)
		if u == nil && amb == nil {
			// The shapes are only worked out for text that is not a name.
			sure := l.code || sectionLead(l.name)
			titled := sure || l.banner || looksLikeSection(l.name)
			if l.figs || !titled {
				// A longer text holding a name: with figures anywhere in
				// it ("I. Sở Nội vụ"), without only at its start and not
				// in a title ("Sở Nội vụ (sáp nhập)").
				if fd, ok := res.search(l.name, sc.year); ok && (l.figs || res.prefixMatch(l.name, fd, sc.year)) {
					u, amb = fd.unit, fd.ambiguous
				}
			}
			if u == nil && amb == nil {
				if titled && (!l.figs || sure) {
					t.endBlock()
					// "Các xã thuộc huyện An Lâm": a heading naming the
					// parent of the rows below.
					if fd, ok := res.search(l.name, sc.year); ok && fd.unit != nil && t.parentGroup(fd.unit) {
						t.heading = fd.unit
					}
					continue
				}
				sug := res.suggest(l.name)
				if !l.figs && len(sug) == 0 {
					if firsts == nil {
						firsts = res.registryFirstWords()
					}
					if !firsts[firstWord(l.name)] {
						continue // a signer's name, a remark
					}
				}
				msg := ""
				if len(sug) > 0 {
					msg = " (did you mean " + quoteList(sug) + "?)"
				}
				noUnitNamed(sc.d, l.name).Errorf(nameSrc, "unknown unit %q%s", l.name, msg)
				continue
			}
		}
		if amb != nil {
			sc.d.Errorf(nameSrc, "name %q matches several units: %s", l.name, sortedIDs(amb))
			continue
		}
		started = true
		t.unit(r, u, l, nameSrc)
	}
	t.flushPending()
	t.endBlock()
	t.checkMaxima(&annexBlock{}) // a row of figures without a name and no unit after it
	t.scopeRanks()
	return t.out
}

// isMaximaLabel reports the label of a row of maxima under an annex's
// header: "Điểm tối đa", "Điểm chuẩn", "Thang điểm".
func isMaximaLabel(k string) bool {
	return viet.KeyStartsWith(k, "diem toi da", "toi da", "diem chuan", "thang diem", "khung diem", "diem quy dinh", "so diem toi da")
}

// annexTable is the state of one annex table being read.
type annexTable struct {
	sc       *sheetCtx
	h        *header
	areaCols []areaCol
	figs     []figCol
	blocks   []*annexBlock // the open block's groups: one, or a parent group and its child group
	out      []*par.Summary
	maxRow   int  // a row of maxima under the header, -1 if none
	maxGuess bool // it has no label: it must equal the framework's maxima
	heading  *par.Unit
	pending  *pendingRow
}

// pendingRow is a unit named without figures: a heading if units of its
// child group follow, else a unit that was not scored.
type pendingRow struct {
	r   int
	u   *par.Unit
	l   annexLine
	src par.Source
}

// annexBlock is a run of rows of one ranking group: a table, or a block
// of one under its title.
type annexBlock struct {
	group string
	src   par.Source // the row that set the group
	f     *par.Framework
	areas map[int]string // column → area code
	rows  []*par.Summary
}

// parentGroup reports whether u's group is the parent group of another.
func (t *annexTable) parentGroup(u *par.Unit) bool {
	for _, g := range t.sc.env.ds.Registry.Groups {
		if g.ParentGroup == u.Group {
			return true
		}
	}
	return false
}

// childOf reports whether u's group has p's group as its parent group.
func (t *annexTable) childOf(u, p *par.Unit) bool {
	g := t.sc.env.ds.Registry.Group(u.Group)
	return g != nil && p != nil && g.ParentGroup == p.Group
}

// unit takes a row naming u.
func (t *annexTable) unit(r int, u *par.Unit, l annexLine, src par.Source) {
	if p := t.pending; p != nil {
		t.pending = nil
		if t.childOf(u, p.u) {
			t.heading = p.u // a heading over its children, no result
		} else {
			t.row(p.r, p.u, p.l, p.src)
		}
	}
	if !l.figs && t.parentGroup(u) {
		t.pending = &pendingRow{r: r, u: u, l: l, src: src}
		return
	}
	t.row(r, u, l, src)
	if t.parentGroup(u) {
		t.heading = u // its own row, and a heading over what follows
	}
}

func (t *annexTable) flushPending() {
	if p := t.pending; p != nil {
		t.pending = nil
		t.row(p.r, p.u, p.l, p.src)
	}
}

// block is the open block for u's group, opening one if needed. A table
// holds one group, or a parent group with its child group interleaved.
func (t *annexTable) block(u *par.Unit, src par.Source) *annexBlock {
	for _, b := range t.blocks {
		if b.group == u.Group {
			return b
		}
	}
	if len(t.blocks) > 0 {
		first := t.blocks[0]
		rel := false
		for _, b := range t.blocks {
			g, bg := t.sc.env.ds.Registry.Group(u.Group), t.sc.env.ds.Registry.Group(b.group)
			rel = rel || g != nil && g.ParentGroup == b.group || bg != nil && bg.ParentGroup == u.Group
		}
		if !rel {
			unitEntry(t.sc.d, u.ID).Errorf(src, "unit %q is in group %q, but this table is for group %q (from %s)", u.ID, u.Group, first.group, first.src.Cell)
			return nil
		}
	}
	b := &annexBlock{group: u.Group, src: src}
	b.f = t.sc.env.ds.Framework(b.group, t.sc.year)
	b.areas = mapAreas(t.areaCols, b.f)
	t.blocks = append(t.blocks, b)
	return b
}

// endBlock closes the open blocks: a title row, or the table's end.
func (t *annexTable) endBlock() {
	t.flushPending()
	for _, b := range t.blocks {
		percentScale(b.rows)
		t.checkMaxima(b)
		t.out = append(t.out, b.rows...)
	}

	t.blocks = nil
	t.heading = nil
}

// checkMaxima reads the row of maxima against the first block's
// framework: an area column's maximum must be the area's, the total's the
// framework's. A row without a label is taken for the maxima only if it is
// exactly them; otherwise it is a row of figures without a unit name.
func (t *annexTable) checkMaxima(b *annexBlock) {
	if t.maxRow < 0 {
		return
	}
	g, r, guess := t.sc.g, t.maxRow, t.maxGuess
	t.maxRow, t.maxGuess = -1, false
	type diff struct {
		src       par.Source
		what      string
		got, want par.Points
	}
	var diffs []diff
	compared := 0
	check := func(c int, what string, want ...par.Points) {
		k, v, _ := g.score(r, c, false)
		if k != cellNumber {
			return
		}
		compared++
		if !slices.Contains(want, v) {
			diffs = append(diffs, diff{g.src(r, c), what, v, want[0]})
		}
	}
	if b.f != nil {
		for col, code := range b.areas {
			for _, a := range b.f.Areas {
				if a.Code == code {
					check(col, "area "+code, a.Max)
				}
			}
		}
		if c := t.h.c(roleTotal); c >= 0 {
			check(c, "the total", b.f.Max(), b.f.Max()+b.f.BonusMax())
		}
	}
	if guess {
		if compared == 0 || len(diffs) > 0 {
			t.sc.d.Errorf(g.src(r, t.h.c(roleName)), "row has figures but no unit name")
		}
		return
	}
	for _, d := range diffs {
		t.sc.d.Errorf(d.src, "maximum %s of %s differs from framework %s (%s)", d.got, d.what, b.f.ID, d.want)
	}
}

// scopeRanks marks ranks that restart under each heading (each district's
// communes ranked 1, 2, 3…) as ranks within the parent, not in the group.
func (t *annexTable) scopeRanks() {
	ones := map[string]map[string]bool{} // group → parents with a rank 1
	for _, s := range t.out {
		if s.Parent != "" && s.Rank.N == 1 {
			if ones[s.Group] == nil {
				ones[s.Group] = map[string]bool{}
			}
			ones[s.Group][s.Parent] = true
		}
	}
	for _, s := range t.out {
		if s.Parent != "" && len(ones[s.Group]) > 1 {
			s.RankWithin = true
		}
	}
}

// row reads unit u's figures from row r into its block.
func (t *annexTable) row(r int, u *par.Unit, l annexLine, nameSrc par.Source) {
	sc, h := t.sc, t.h
	g := sc.g
	b := t.block(u, nameSrc)
	if b == nil {
		return
	}
	s := &par.Summary{Unit: u.ID, Group: u.Group, Year: sc.year, Name: l.name, Src: nameSrc}
	if t.heading != nil && t.childOf(u, t.heading) {
		s.Parent = t.heading.ID
	}
	of := " of " + u.ID
	s.Total, _ = sc.figure(r, h.c(roleTotal), "total", of, false)
	s.Appraised, _ = sc.figure(r, h.c(roleSumAppraised), "appraised", of, false)
	s.Survey, _ = sc.figure(r, h.c(roleSurvey), "survey", of, false)
	s.Satisfaction, _ = sc.figure(r, h.c(roleSatisfaction), "satisfaction", of, false)
	s.Index, _ = sc.figure(r, h.c(roleIndex), "index", of, true)
	s.Bonus, _ = sc.figure(r, h.c(roleBonus), "bonus", of, false)
	s.Penalty, _ = sc.figure(r, h.c(rolePenalty), "penalty", of, false)
	if s.Penalty.Known() {
		s.Penalty.Value = s.Penalty.Value.Abs() // printed negative or not
	}
	if c := h.c(roleRank); c >= 0 {
		s.Rank = sc.rank(r, c, of)
	}
	if c := h.c(roleBand); c >= 0 {
		if bn := g.t.Clean(g.raw(r, c)); bn != "" {
			s.Band = par.BandMark{Name: bn, Origin: par.Published, Src: g.src(r, c)}
			if b.f != nil {
				for _, fb := range b.f.Bands {
					if viet.Key(fb.Name) == viet.Key(bn) {
						s.Band.ID = fb.ID
					}
				}
			}
		}
	}
	for col, code := range b.areas {
		if fg, _ := sc.figure(r, col, "area "+code, of, false); fg.Known() {
			if s.Areas == nil {
				s.Areas = map[string]par.Figure{}
			}
			s.Areas[code] = fg
		}
	}
	// A spreadsheet SUM over blank cells prints 0 (PAPI 2014: Bắc Giang and
	// Đồng Tháp). A zero total whose every published component is blank
	// means "not scored", and missing is not zero.
	if s.Total.Known() && s.Total.Value == 0 && !s.Index.Known() {
		hasComp, anyComp := false, false
		for _, c := range []int{h.c(roleSumAppraised), h.c(roleSurvey), h.c(roleSatisfaction)} {
			if c >= 0 {
				hasComp = true
				anyComp = anyComp || strings.TrimSpace(g.raw(r, c)) != ""
			}
		}
		for col := range b.areas {
			hasComp = true
			anyComp = anyComp || strings.TrimSpace(g.raw(r, col)) != ""
		}
		if hasComp && !anyComp {
			sc.d.Warnf(s.Total.Src, "total 0%s with every component blank: not scored", of)
			s.Total = par.Figure{}
		}
	}
	for _, fg := range []struct {
		name string
		fig  par.Figure
	}{{"total", s.Total}, {"appraised", s.Appraised}, {"survey", s.Survey}, {"satisfaction", s.Satisfaction}, {"index", s.Index}} {
		if fg.fig.Known() && fg.fig.Value < 0 {
			sc.d.Errorf(fg.fig.Src, "%s %s%s is negative", fg.name, fg.fig.Value, of)
		}
	}
	b.rows = append(b.rows, s)
}

// percentScale: a cell formatted as a percentage stores 0.855 for 85.5 %.
// If every index of a table is at most 1, the column holds fractions.
func percentScale(ss []*par.Summary) {
	known := 0
	for _, s := range ss {
		if s.Index.Known() {
			if s.Index.Value > par.FromInt(1) {
				return
			}
			if s.Index.Value > 0 {
				known++
			}
		}
	}
	if known == 0 {
		return
	}
	for _, s := range ss {
		if s.Index.Known() {
			s.Index.Value *= 100
			s.Index.Decimals = max(s.Index.Decimals-2, 0)
		}
	}
}

// rank reads a published rank: a whole number, a tie ("Đồng hạng 3"),
// or blank / "-" / "Không xếp hạng" for none.
func (sc *sheetCtx) rank(r, c int, of string) par.Rank {
	s := strings.TrimSpace(sc.g.raw(r, c))
	src := sc.g.src(r, c)
	if n, ok := rankValue(s); ok {
		return par.Rank{N: n, Origin: par.Published, Src: src}
	}
	if k, _, _ := parseCell(s, false); k == cellBlank || k == cellNA {
		return par.Rank{}
	}
	if key := viet.Key(s); has(key, "khong") {
		return par.Rank{} // "Không xếp hạng"
	}
	sc.d.Errorf(src, "rank %q%s is not a whole number", short(viet.Clean(s)), of)
	return par.Rank{}
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = `"` + s + `"`
	}
	return strings.Join(q, " or ")
}
