package ingest

import (
	"fmt"
	"parindex/internal/viet"
	"regexp"
	"strconv"
	"strings"

	"parindex/internal/par"
)

// Layout detection. A sheet's layout is told by its header row, whose labels
// are compared by viet.Key (so case, diacritics and punctuation do not
// matter) against the phrases below. A detail scoring sheet has a content
// column and a maximum column; a summary annex has a name column and at
// least one of total, index and rank. Headers may span two rows (a merged
// "Điểm thẩm định" over "Lần 1 | Lần 2"), and may be followed by a row of
// column numbers "(1) (2) (3)".

type role uint8

const (
	roleNone role = iota
	// detail sheet columns
	roleCode
	roleContent
	roleMax
	roleSelf
	roleEvidence
	roleAppraised
	roleRemark
	// summary annex columns
	roleSTT
	roleRank
	roleName
	roleTotal
	roleSumAppraised
	roleSurvey
	roleSatisfaction
	roleIndex
	roleBand
	roleBonus   // điểm thưởng
	rolePenalty // điểm trừ
	roleIgnore  // recognised but not read ("Ghi chú" in an annex)
)

// detailScanRows is how far down a detail header is looked for: title
// blocks take up to a dozen rows.
const detailScanRows = 30

// maxHeaderCols bounds the columns a header may use; real sheets have a
// dozen, and a hostile sheet of 200 text columns must stay cheap to scan.
const maxHeaderCols = 64

// has reports whether phrase occurs in key as whole words.
func has(key string, phrases ...string) bool {
	k := " " + key + " "
	for _, p := range phrases {
		if strings.Contains(k, " "+p+" ") {
			return true
		}
	}
	return false
}

var roundRe = regexp.MustCompile(`\b(?:lan|vong) (\d)\b`)

// detailRole classifies a detail-sheet header label (Key form). Order
// matters: "Ý kiến của Hội đồng thẩm định" is a remark, not a score, and
// "Ý kiến giải trình" is the unit's explanation.
func detailRole(k string) (role, int) {
	switch {
	case k == "":
		return roleNone, 0
	case has(k, "giai trinh", "kiem chung", "tai lieu", "minh chung"):
		return roleEvidence, 0
	case has(k, "y kien", "ghi chu", "nhan xet"):
		return roleRemark, 0
	case has(k, "tham dinh", "cham thuc te", "thuc te", "hoi dong cham", "ket qua cham", "hdtd", "ttd", "hd td"):
		round := 0
		if m := roundRe.FindStringSubmatch(k); m != nil {
			round, _ = strconv.Atoi(m[1])
		}
		return roleAppraised, round
	case has(k, "tu cham", "tu danh gia", "don vi cham", "don vi tu cham", "tdg", "tu dg"):
		return roleSelf, 0
	case has(k, "toi da", "diem chuan", "thang diem", "diem quy dinh", "khung diem", "diem toi da"):
		return roleMax, 0
	case codeLabels[k]:
		return roleCode, 0
	case has(k, "noi dung", "tieu chi", "linh vuc", "chi so thanh phan", "noi dung danh gia"):
		return roleContent, 0
	case has(k, "diem dat", "diem danh gia", "diem cham", "ket qua"):
		return roleAppraised, 0
	}
	return roleNone, 0
}

// roleLabels are the usual labels of each column, for messages.
var roleLabels = map[role][]string{
	roleCode:         {"STT", "TT", "Mã"},
	roleContent:      {"Nội dung", "Tiêu chí", "Lĩnh vực/tiêu chí"},
	roleMax:          {"Điểm tối đa", "Điểm chuẩn", "Thang điểm"},
	roleSelf:         {"Tự chấm", "Điểm tự đánh giá"},
	roleEvidence:     {"Tài liệu kiểm chứng", "Giải trình"},
	roleAppraised:    {"Điểm thẩm định", "Điểm chấm thực tế", "Kết quả thẩm định"},
	roleRemark:       {"Ý kiến", "Ghi chú", "Nhận xét"},
	roleName:         {"Tên cơ quan, đơn vị", "Đơn vị", "Tên đơn vị"},
	roleTotal:        {"Tổng điểm", "Điểm đạt được"},
	roleIndex:        {"Chỉ số CCHC", "Chỉ số (%)", "Tỷ lệ (%)"},
	roleRank:         {"Xếp hạng", "Thứ hạng"},
	roleSumAppraised: {"Điểm thẩm định", "Điểm đánh giá trực tiếp"},
	roleSurvey:       {"Điểm điều tra XHH"},
	roleSatisfaction: {"SIPAS", "Chỉ số hài lòng"},
	roleBand:         {"Xếp loại", "Phân loại"},
	roleBonus:        {"Điểm thưởng"},
	rolePenalty:      {"Điểm trừ"},
}

// labelList quotes a role's usual labels: "Điểm tối đa", "Điểm chuẩn" or
// "Thang điểm".
func labelList(r role) string {
	ls := roleLabels[r]
	q := make([]string, len(ls))
	for i, l := range ls {
		q[i] = `"` + l + `"`
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

var codeLabels = map[string]bool{
	"stt": true, "tt": true, "ma": true, "so tt": true, "ma so": true, "so thu tu": true,
	"ky hieu": true, "ma tieu chi": true, "ma so tieu chi": true, "muc": true,
}

// summaryRole classifies an annex header label (Key form).
func summaryRole(k string) role {
	switch {
	case k == "":
		return roleNone
	case k == "stt" || k == "tt" || k == "so tt" || k == "so thu tu":
		return roleSTT
	case has(k, "xep hang", "thu hang") || k == "hang":
		return roleRank
	case has(k, "xep loai", "phan loai"):
		return roleBand
	case viet.KeyStartsWith(k, "diem thuong", "diem cong", "cong diem", "thuong"):
		return roleBonus
	case viet.KeyStartsWith(k, "diem tru", "diem phat", "tru diem", "tru"):
		return rolePenalty
	case has(k, "tu danh gia", "tu cham", "tdg"):
		return roleIgnore // the unit's own figure, not published as its result
	case has(k, "sipas", "hai long"):
		return roleSatisfaction
	case has(k, "dieu tra", "xhh", "xa hoi hoc"):
		return roleSurvey
	case has(k, "tham dinh", "danh gia truc tiep", "truc tiep"):
		return roleSumAppraised
	case has(k, "chi so", "ty le", "par index"):
		return roleIndex
	case has(k, "tong diem", "diem dat duoc", "tong so diem", "diem dat", "diem tong") || viet.KeyStartsWith(k, "tong") || k == "diem":
		return roleTotal
	case has(k, "ghi chu", "tang giam", "so sanh", "nhan xet", "ma"):
		return roleIgnore
	case has(k, "don vi", "co quan", "dia phuong", "tinh thanh pho", "ten tinh", "ten huyen", "ten xa") || k == "tinh" || k == "ten":
		return roleName
	}
	return roleNone
}

// header is a detected header: its rows, where data start, and the column
// of each role (-1 when absent).
type header struct {
	row    int // first header row (0-based)
	data   int // first data row
	col    map[role]int
	round  int      // appraisal round of the appraised column
	labels []string // the combined label of each column, cleaned
}

func (h *header) c(r role) int {
	if c, ok := h.col[r]; ok {
		return c
	}
	return -1
}

// headLabel is a header cell's own text; a cell covered by a vertical merge
// from above gets the merge's text, but not a horizontal continuation (that
// would duplicate "Điểm thẩm định" into the next column).
func (g *grid) headLabel(r, c int) string {
	if s := g.raw(r, c); s != "" {
		return g.t.Clean(s)
	}
	if m, ok := g.merge(r, c); ok && m.FirstCol-1 == c && m.FirstRow-1 < r {
		return g.t.Clean(m.Value)
	}
	return ""
}

// hval is a cell's text, or the text of a merge that starts on this row
// (a "Tổng điểm" merged across the code and content columns).
func (g *grid) hval(r, c int) string {
	if s := g.raw(r, c); s != "" {
		return s
	}
	if m, ok := g.merge(r, c); ok && m.FirstRow-1 == r {
		return m.Value
	}
	return ""
}

var roundLabel = regexp.MustCompile(`^(?:lan|vong) \d$|^\d$`)

// labelsFor builds the labels of row r, combined with row r+1 when sub.
// Under a label merged across several columns (a group such as "Điểm các
// lĩnh vực" over "I | II | III", or "Kết quả" over "Tổng điểm | Xếp hạng"),
// a sub-label that names a column by itself is that column's label: the
// group's words must not give every column under it the group's role (a
// merged "Điểm đạt được" is not the total column). Round labels ("Lần 2")
// and bare words ("Điểm") keep the group's words.
func (g *grid) labelsFor(r int, sub, detail bool) []string {
	w := max(g.width(r), g.width(r+1))
	for _, i := range g.byRow[r] {
		w = max(w, g.merges[i].LastCol)
	}
	w = min(w, maxHeaderCols)
	labels := make([]string, w)
	for c := 0; c < w; c++ {
		if !sub {
			labels[c] = g.headLabel(r, c)
			continue
		}
		top := g.t.Clean(g.val(r, c))
		bottom := ""
		if !g.mergedFromAbove(r+1, c) {
			bottom = g.t.Clean(g.raw(r+1, c))
		}
		if top == "" && roundLabel.MatchString(g.t.Key(bottom)) {
			// "Lần 2" under an unmerged "Điểm thẩm định" one column left.
			for cc := c - 1; cc >= 0; cc-- {
				if t := g.t.Clean(g.val(r, cc)); t != "" {
					top = t
					break
				}
			}
		}
		switch {
		case bottom == "" || bottom == top:
			labels[c] = top
		case top == "":
			labels[c] = bottom
		case g.spans(r, c) && g.ownLabel(bottom, top, detail):
			labels[c] = bottom
		default:
			labels[c] = top + " " + bottom
		}
	}
	return labels
}

// spans reports a cell covered by a merge over several columns.
func (g *grid) spans(r, c int) bool {
	m, ok := g.merge(r, c)
	return ok && m.LastCol > m.FirstCol
}

// ownLabel reports a sub-label under a group label that names its column
// by itself: it has a role of its own, is an area's code ("I", "Lĩnh vực
// II"), or, in an annex, is a title of several words under a group whose
// role would otherwise spread to every column (an area's title under
// "Điểm đạt được").
func (g *grid) ownLabel(bottom, top string, detail bool) bool {
	k := g.t.Key(bottom)
	if roundLabel.MatchString(k) {
		return false
	}
	if r, _ := g.t.role(k, detail); r != roleNone {
		return true
	}
	if areaCodeLabel.MatchString(bottom) || isRomanUpper(bottom) {
		return true
	}
	if detail || strings.Count(k, " ") < 2 {
		return false
	}
	tr, _ := g.t.role(g.t.Key(top), false)
	return tr != roleNone
}

// subHeader reports whether row r (below a header row) continues the
// header: it has short texts and no numbers, and nothing under the key
// column (content or name), where data rows always have text.
func (g *grid) subHeader(r, keyCol int) bool {
	if r >= len(g.rows) || g.emptyRow(r) {
		return false
	}
	if keyCol >= 0 && strings.TrimSpace(g.raw(r, keyCol)) != "" {
		return false
	}
	letters := false
	for c := 0; c < g.width(r); c++ {
		s := strings.TrimSpace(g.raw(r, c))
		if s == "" {
			continue
		}
		if k, _, _ := parseCell(s, true); k == cellNumber || len(s) > 60 {
			return false
		}
		if g.t.Key(s) != "" {
			letters = true
		}
	}
	return letters
}

var numberingCell = regexp.MustCompile(`^[\(\[]?\s*[0-9A-Za-z]{1,2}\s*[\)\]]?$|^[\(\)\[\]0-9\s+\-*/=x×]+$`)

// numberingRow reports a row of column numbers under a header:
// "(1) (2) (3) (4)" or "A B 1 2 3".
func (g *grid) numberingRow(r int) bool {
	n := 0
	for c := 0; c < g.width(r); c++ {
		s := strings.TrimSpace(g.raw(r, c))
		if s == "" {
			continue
		}
		if !numberingCell.MatchString(s) {
			return false
		}
		n++
	}
	return n >= 3
}

// assign maps labels to roles with classify, keeping the first column of
// each role, except the appraised score, where the last round counts.
func (g *grid) assign(labels []string, detail bool) (map[role]int, int) {
	cols := map[role]int{}
	bestRound := -1
	for c, l := range labels {
		k := g.t.Key(l)
		r, round := g.t.role(k, detail)
		if r == roleNone {
			continue
		}
		if r == roleAppraised {
			if round >= bestRound {
				cols[r], bestRound = c, round
			}
			continue
		}
		if _, ok := cols[r]; !ok {
			cols[r] = c
		}
	}
	return cols, max(bestRound, 0)
}

func isDetailHeader(cols map[role]int) bool {
	_, content := cols[roleContent]
	_, mx := cols[roleMax]
	return content && mx
}

func isSummaryHeader(cols map[role]int) bool {
	if _, ok := cols[roleName]; !ok {
		return false
	}
	for _, r := range []role{roleTotal, roleIndex, roleRank} {
		if _, ok := cols[r]; ok {
			return true
		}
	}
	return false
}

// tryHeader tests row r as a header of the given layout, alone or with
// the row below as a second header row.
func (g *grid) tryHeader(r int, detail bool) (*header, bool) {
	if !g.labelRow(r) {
		return nil, false
	}
	ok := isSummaryHeader
	key := roleName
	if detail {
		ok, key = isDetailHeader, roleContent
	}
	labels := g.labelsFor(r, false, detail)
	cols, round := g.assign(labels, detail)
	if !detail && isDetailHeader(g.mustAssign(labels, true)) {
		return nil, false // a scoring sheet's header is not an annex's
	}
	if ok(cols) {
		h := &header{row: r, col: cols, round: round, labels: labels}
		if g.subHeader(r+1, cols[key]) {
			h.labels = g.labelsFor(r, true, detail)
			h.col, h.round = g.assign(h.labels, detail)
			if !ok(h.col) { // the combination lost a column: keep one row
				h.labels, h.col, h.round = labels, cols, round
			} else {
				h.data = r + 2
			}
		}
		if h.data == 0 {
			h.data = r + 1
		}
		g.skipNumbering(h)
		return h, true
	}
	// Labels split over two rows without merges: "Điểm" over "Tối đa".
	if r+1 < len(g.rows) && !g.emptyRow(r) && !g.emptyRow(r+1) {
		labels2 := g.labelsFor(r, true, detail)
		cols2, round2 := g.assign(labels2, detail)
		if ok(cols2) && g.subHeader(r+1, cols2[key]) {
			if !detail && isDetailHeader(g.mustAssign(labels2, true)) {
				return nil, false
			}
			h := &header{row: r, data: r + 2, col: cols2, round: round2, labels: labels2}
			g.skipNumbering(h)
			return h, true
		}
	}
	return nil, false
}

// labelRow is a cheap test before classifying a row: header rows hold
// texts only, data rows hold numbers.
func (g *grid) labelRow(r int) bool {
	texts := 0
	for c := 0; c < min(g.width(r), maxHeaderCols); c++ {
		s := strings.TrimSpace(g.raw(r, c))
		if s == "" {
			continue
		}
		if _, _, err := par.ParsePoints(s); err == nil {
			return false
		}
		texts++
	}
	return texts > 0 || len(g.byRow[r]) > 0
}

func (g *grid) mustAssign(labels []string, detail bool) map[role]int {
	c, _ := g.assign(labels, detail)
	return c
}

func (g *grid) skipNumbering(h *header) {
	for h.data < len(g.rows) && g.numberingRow(h.data) {
		h.data++
	}
}

// detectDetail finds a detail header in the first rows.
func (g *grid) detectDetail() (*header, bool) {
	for r := 0; r < min(len(g.rows), detailScanRows); r++ {
		if g.emptyRow(r) {
			continue
		}
		if h, ok := g.tryHeader(r, true); ok {
			return h, true
		}
	}
	return nil, false
}

// detectSummary finds every annex table header on the sheet.
func (g *grid) detectSummary() []*header {
	var out []*header
	for r := 0; r < len(g.rows); r++ {
		if g.emptyRow(r) {
			continue
		}
		if h, ok := g.tryHeader(r, false); ok {
			out = append(out, h)
			r = h.data - 1
		}
	}
	return out
}

// roleNames name each role in messages.
var roleNames = map[role]string{
	roleCode: "code", roleContent: "content", roleMax: "maximum", roleSelf: "self-assessed",
	roleEvidence: "evidence", roleAppraised: "appraised", roleRemark: "remark",
	roleSTT: "serial number", roleRank: "rank", roleName: "name", roleTotal: "total",
	roleSumAppraised: "appraised", roleSurvey: "survey", roleSatisfaction: "satisfaction",
	roleIndex: "index", roleBand: "band", roleBonus: "bonus", rolePenalty: "penalty",
}

// closeRows is how far down a sheet without a header the closest row is
// looked for.
const closeRows = 60

// noHeader explains why no header was found on a sheet: the labels looked
// for, and the row that came closest with what it lacks.
func (g *grid) noHeader() string {
	msg := fmt.Sprintf("no score table found: no row has the column labels of a scoring sheet (content: %s; maximum: %s) nor of an annex (name: %s; and total, index or rank: %s, %s, %s)",
		labelList(roleContent), labelList(roleMax), labelList(roleName),
		quote(roleLabels[roleTotal][0]), quote(roleLabels[roleIndex][0]), quote(roleLabels[roleRank][0]))
	best, bestRow, detail := 0, -1, true
	var bestCols map[role]int
	var bestLabels []string
	for r := 0; r < min(len(g.rows), closeRows); r++ {
		if g.emptyRow(r) || !g.labelRow(r) {
			continue
		}
		labels := g.labelsFor(r, false, detail)
		for _, det := range []bool{true, false} {
			cols, _ := g.assign(labels, det)
			n := len(cols)
			if _, ok := cols[roleIgnore]; ok {
				n--
			}
			if n > best {
				best, bestRow, detail, bestCols, bestLabels = n, r, det, cols, labels
			}
		}
	}
	if bestRow < 0 {
		return msg + "; no row has any of them"
	}
	var have []string
	for _, rl := range []role{roleCode, roleSTT, roleRank, roleContent, roleName, roleMax, roleSelf, roleEvidence, roleAppraised, roleSumAppraised, roleSurvey, roleSatisfaction, roleTotal, roleIndex, roleBand, roleRemark} {
		if c, ok := bestCols[rl]; ok {
			have = append(have, fmt.Sprintf("%s (%s)", roleNames[rl], quote(bestLabels[c])))
		}
	}
	var lacks string
	if detail {
		var miss []string
		for _, rl := range []role{roleContent, roleMax} {
			if _, ok := bestCols[rl]; !ok {
				miss = append(miss, roleNames[rl])
			}
		}
		lacks = "a " + strings.Join(miss, " and a ") + " column"
	} else if _, ok := bestCols[roleName]; !ok {
		lacks = "a name column"
	} else {
		lacks = "a total, index or rank column"
	}
	var shown []string
	for _, l := range bestLabels {
		if l != "" {
			shown = append(shown, l)
		}
	}
	return fmt.Sprintf("%s; the closest is row %d (%s), which has %s but not %s", msg, bestRow+1,
		quote(short(strings.Join(shown, " | "))), strings.Join(have, ", "), lacks)
}

func quote(s string) string { return `"` + s + `"` }
