package ingest

import (
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
	"parindex/internal/xlsx"
)

// maxMergeRefs bounds the merge index of one sheet: a hostile sheet may
// declare merges over millions of cells, real ones cover a few hundred.
const maxMergeRefs = 1 << 19

// texts memoises viet.Clean and viet.Key for one worker: the same labels,
// titles and criteria recur on every sheet, and folding text is the
// costliest step of parsing one.
type texts struct {
	clean, key map[string]string
	roles      map[string]roleOf // "d"/"s" + key → role
	para       map[string]string // cleanText
	codes      map[string][2]string
	codeLike   map[string]bool
	// rows is the detail rows' buffer, reused from sheet to sheet: a
	// sheet's rows are garbage once it is parsed, and allocating them anew
	// for every sheet was a quarter of ingest's allocations.
	rows []detailRow
}

// takeRows returns an empty detail rows slice with room for n rows.
func (t *texts) takeRows(n int) []detailRow {
	buf := t.rows
	t.rows = nil
	if cap(buf) < n {
		return make([]detailRow, 0, n)
	}
	return buf[:0]
}

// keepRows takes back a buffer from takeRows once its sheet is parsed.
// The rows are cleared so they keep no strings of that sheet alive.
func (t *texts) keepRows(buf []detailRow) {
	clear(buf)
	if cap(buf) > cap(t.rows) {
		t.rows = buf[:0]
	}
}

type roleOf struct {
	r     role
	round int
}

// maxTexts bounds each memo; past it the memo starts over.
const maxTexts = 1 << 16

func newTexts() *texts {
	return &texts{clean: map[string]string{}, key: map[string]string{}, roles: map[string]roleOf{},
		para: map[string]string{}, codes: map[string][2]string{}, codeLike: map[string]bool{}}
}

// memo looks s up in m, computing and storing it on a miss; past maxTexts
// entries the memo starts over.
func memo[V any](m map[string]V, s string, f func(string) V) V {
	if v, ok := m[s]; ok {
		return v
	}
	if len(m) >= maxTexts {
		clear(m)
	}
	v := f(s)
	m[s] = v
	return v
}

// CleanText is cleanText, memoised: remarks and evidence repeat across
// the sheets of a workbook.
func (t *texts) CleanText(s string) string {
	if s == "" {
		return ""
	}
	return memo(t.para, s, cleanText)
}

// SplitCode is splitCode, memoised: the same criteria labels recur on
// every sheet of a framework.
func (t *texts) SplitCode(s string) (code, rest string) {
	v := memo(t.codes, s, func(s string) [2]string {
		c, r := splitCode(s)
		return [2]string{c, r}
	})
	return v[0], v[1]
}

// LooksLikeCode is looksLikeCode, memoised.
func (t *texts) LooksLikeCode(s string) bool { return memo(t.codeLike, s, looksLikeCode) }

// role classifies a header label key for a detail sheet or an annex.
func (t *texts) role(k string, detail bool) (role, int) {
	mk := "s" + k
	if detail {
		mk = "d" + k
	}
	if ro, ok := t.roles[mk]; ok {
		return ro.r, ro.round
	}
	if len(t.roles) >= maxTexts {
		clear(t.roles)
	}
	var ro roleOf
	if detail {
		ro.r, ro.round = detailRole(k)
	} else {
		ro.r = summaryRole(k)
	}
	t.roles[mk] = ro
	return ro.r, ro.round
}

func (t *texts) Clean(s string) string {
	if s == "" {
		return ""
	}
	if c, ok := t.clean[s]; ok {
		return c
	}
	if len(t.clean) >= maxTexts {
		clear(t.clean)
	}
	c := viet.Clean(s)
	t.clean[s] = c
	return c
}

func (t *texts) Key(s string) string {
	if s == "" {
		return ""
	}
	if k, ok := t.key[s]; ok {
		return k
	}
	if len(t.key) >= maxTexts {
		clear(t.key)
	}
	k := viet.Key(s)
	t.key[s] = k
	return k
}

// grid is one worksheet with 0-based access and merge awareness.
type grid struct {
	t           *texts
	file, sheet string
	rows        [][]string
	formats     [][]xlsx.NumFormat // number formats of numeric cells (xlsx.Sheet.Formats)
	merges      []xlsx.Merge
	byRow       map[int][]int   // 0-based row → indexes of merges covering it
	formula     map[[2]int]bool // 1-based {row, col} of formula cells (xlsx.Sheet.Formula)
	na          *vocab          // what "not applicable" is written as
}

func newGrid(file string, sh *xlsx.Sheet, t *texts, na *vocab) *grid {
	g := &grid{t: t, file: file, sheet: sh.Name, rows: sh.Rows, formats: sh.Formats, merges: sh.Merges,
		byRow: map[int][]int{}, formula: sh.Formula, na: na}
	refs := 0
	for i, m := range sh.Merges {
		for r := m.FirstRow - 1; r < m.LastRow && refs < maxMergeRefs; r++ {
			g.byRow[r] = append(g.byRow[r], i)
			refs++
		}
	}
	return g
}

func (g *grid) raw(r, c int) string {
	if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.rows[r]) {
		return ""
	}
	return g.rows[r][c]
}

// merge returns the merge covering (r, c), if any.
func (g *grid) merge(r, c int) (xlsx.Merge, bool) {
	for _, i := range g.byRow[r] {
		m := g.merges[i]
		if m.FirstCol-1 <= c && c <= m.LastCol-1 {
			return m, true
		}
	}
	return xlsx.Merge{}, false
}

// val is the cell's text, or for a cell covered by a merge the merge's text
// (a merged title or header shows in every cell it spans).
func (g *grid) val(r, c int) string {
	if s := g.raw(r, c); s != "" {
		return s
	}
	if m, ok := g.merge(r, c); ok {
		return m.Value
	}
	return ""
}

// mergedFromAbove reports a cell that a vertical merge starting higher up
// covers: a header cell spanning both header rows.
func (g *grid) mergedFromAbove(r, c int) bool {
	m, ok := g.merge(r, c)
	return ok && m.FirstRow-1 < r
}

func (g *grid) width(r int) int {
	if r < 0 || r >= len(g.rows) {
		return 0
	}
	return len(g.rows[r])
}

func (g *grid) src(r, c int) par.Source {
	return par.Source{File: g.file, Sheet: g.sheet, Cell: xlsx.CellName(r+1, c+1)}
}

func (g *grid) sheetSrc() par.Source { return par.Source{File: g.file, Sheet: g.sheet} }

// emptyRow reports a row without any text.
func (g *grid) emptyRow(r int) bool {
	for c := 0; c < g.width(r); c++ {
		if strings.TrimSpace(g.raw(r, c)) != "" {
			return false
		}
	}
	return true
}

// cellKind classifies a score cell.
type cellKind uint8

const (
	cellBlank   cellKind = iota // empty, "-", "chưa chấm": missing, never zero
	cellNA                      // not applicable (or not evaluated) for the unit
	cellNumber                  //
	cellText                    // anything else: an error in a number column
	cellNoValue                 // a formula without a saved result: unreadable, never blank or zero
)

// defaultNA are the spellings of "not applicable" and "not evaluated"
// (Không áp dụng, Không đánh giá), in Key form: a leaf so marked is left out
// of the unit's maximum. data/site.yaml's not_applicable adds more.
var defaultNA = []string{
	"khong ap dung", "ko ap dung", "k ap dung", "kad", "k ad", "n a", "na",
	"khong danh gia", "ko danh gia", "k danh gia", "khong dg", "kdg", "k dg",
}

// notEvaluated reports a not-applicable mark that says "not evaluated"
// (Không đánh giá, KĐG) rather than "not applicable".
func notEvaluated(raw string) bool {
	k := viet.Key(raw)
	return strings.Contains(k, "danh gia") || k == "kdg" || k == "k dg" || k == "khong dg"
}

// missingKeys mean "nothing entered yet": the figure is missing, not zero
// and not "not applicable".
var missingKeys = map[string]bool{
	"chua danh gia": true, "chua cham": true, "chua cham diem": true, "chua co": true,
}

// vocab is the vocabulary of "not applicable" for one build: the defaults
// plus the project's own words.
type vocab struct {
	na map[string]bool
}

// newVocab makes a vocabulary from the defaults and extra phrases (any
// case, with or without diacritics).
func newVocab(extra []string) *vocab {
	v := &vocab{na: map[string]bool{}}
	for _, k := range defaultNA {
		v.na[k] = true
	}
	for _, s := range extra {
		if k := viet.Key(s); k != "" {
			v.na[k] = true
		}
	}
	return v
}

// defaultVocab is the vocabulary without project additions.
var defaultVocab = newVocab(nil)

// parseCell reads a score cell with the default vocabulary.
func parseCell(s string, percent bool) (cellKind, par.Points, int) {
	return defaultVocab.parse(s, percent)
}

// parse reads a score cell: a number (decimal comma allowed, "%"
// allowed when percent), "not applicable", or blank.
func (v *vocab) parse(s string, percent bool) (cellKind, par.Points, int) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if s == "" {
		return cellBlank, 0, 0
	}
	t := strings.ReplaceAll(s, " ", "")
	if percent {
		t = strings.TrimSuffix(t, "%")
	}
	if p, dec, err := par.ParsePoints(t); err == nil {
		if dec >= par.ScaleDigits {
			dec = exactDecimals(p) // a float artefact, not a typed precision
		}
		return cellNumber, p, dec
	}
	k := viet.Key(s)
	switch {
	case k == "" || missingKeys[k]:
		return cellBlank, 0, 0 // "-", "…": nothing entered
	case v.na[k]:
		return cellNA, 0, 0
	}
	return cellText, 0, 0
}

// noValue reports a formula cell without a saved result: a workbook
// written by a program and never opened in a spreadsheet.
func (g *grid) noValue(r, c int) bool {
	return g.formula != nil && g.formula[[2]int{r + 1, c + 1}] && strings.TrimSpace(g.raw(r, c)) == ""
}

// score reads cell (r, c) as parseCell does, with the published precision
// of a numeric cell taken from its number format: a workbook stores 68.34
// as 68.335212707519531 under "0.00", so the stored digits say nothing of
// the precision the publisher showed, and its format does. The value keeps
// its full precision, for ranking. A percentage format ("0.00%": 0.8554
// shown as 85.54 %) shows the stored fraction with two more decimals;
// percentScale takes them back when it scales the fraction to percent.
// Text cells ("91,651" typed as text) keep their typed digits, and numbers
// under General or a format without fixed decimals keep parseCell's.
func (g *grid) score(r, c int, percent bool) (cellKind, par.Points, int) {
	if g.noValue(r, c) {
		return cellNoValue, 0, 0
	}
	na := g.na
	if na == nil {
		na = defaultVocab
	}
	k, v, dec := na.parse(g.raw(r, c), percent)
	if k != cellNumber || r < 0 || r >= len(g.formats) || c < 0 || c >= len(g.formats[r]) {
		return k, v, dec
	}
	f := g.formats[r][c]
	if d, ok := f.Decimals(); ok {
		if f.Percent() {
			d += 2
		}
		dec = min(d, par.ScaleDigits)
	}
	return k, v, dec
}

// exactDecimals is the fewest decimals that show p exactly.
func exactDecimals(p par.Points) int {
	n := par.ScaleDigits
	v := int64(p)
	if v < 0 {
		v = -v
	}
	for n > 0 && v%10 == 0 {
		v /= 10
		n--
	}
	return n
}

// cleanText keeps the line breaks of a remark or evidence cell but
// normalises it to NFC and tidies each line.
func cleanText(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return strings.Trim(viet.Clean(s), "\n") // one line: no split and join
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		out = append(out, viet.Clean(l))
	}
	return strings.Trim(strings.Join(out, "\n"), "\n")
}
