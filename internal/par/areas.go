package par

import (
	"slices"
	"strings"
)

// AreaLink links areas of a framework to areas of the framework it
// replaces (Framework.Previous): one to one ("I" → "I"), renamed ("VI" →
// "VII"), merged ("IV" → "IV+V": the new area is the old two together) or
// split ("IV+V" → "IV"). Each area is in at most one link on each side.
type AreaLink struct {
	Areas []string // codes in this framework
	Prev  []string // codes in the previous framework
	Src   Source
}

// AreaMatch says what an area of one year is compared with in an earlier
// year's framework.
type AreaMatch struct {
	// Prev are the earlier framework's area codes the area compares with,
	// taken together (their points over their maxima); nil when the area is
	// not compared, and Why then says why (for the reader).
	Prev []string
	Why  Text
	// Continues: exactly one area on each side, so a trend line of the area
	// goes on across the two years; a merged area is compared but starts a
	// new line.
	Continues bool
	// Across: the frameworks differ (the page names both).
	Across bool
}

// CompareArea says how area code of framework cur compares with the
// framework prev of an earlier year: within one framework an area
// compares with itself; across a change only through cur's area map when
// cur declares prev as its Previous; an area that is part of a split
// (several of cur's areas together in one link) is not compared alone.
func CompareArea(cur, prev *Framework, code string) AreaMatch {
	if cur == nil || prev == nil {
		return AreaMatch{Why: Textf("không có bộ chỉ số")}
	}
	if cur.ID == prev.ID {
		return AreaMatch{Prev: []string{code}, Continues: true}
	}
	m := AreaMatch{Across: true}
	if cur.Previous != prev.ID {
		m.Why = Textf("bộ chỉ số đổi từ %s sang %s, không có bảng đối chiếu lĩnh vực giữa hai bộ", prev.ID, cur.ID)
		return m
	}
	for _, l := range cur.AreaMap {
		if !slices.Contains(l.Areas, code) {
			continue
		}
		if len(l.Areas) > 1 {
			m.Why = Textf("lĩnh vực %s cùng tương ứng với %s của bộ %s, không so sánh riêng từng lĩnh vực", strings.Join(l.Areas, " + "), strings.Join(l.Prev, " + "), prev.ID)
			return m
		}
		m.Prev = l.Prev
		m.Continues = len(l.Prev) == 1
		return m
	}
	m.Why = Textf("lĩnh vực không có trong bảng đối chiếu với bộ %s", prev.ID)
	return m
}

// AreaShare is a result's score in the areas codes taken together as a
// percent of their applicable maximum, so units with not-applicable
// criteria compare fairly (rule "area comparison"). ok is false when an
// area's score is unknown (not published, or the detail sheet lacks an
// appraised score in it) or every criterion is not applicable (max 0).
// Without a detail sheet the applicable maximum is not known and the
// framework's area maximum stands in for it (estimated).
func AreaShare(r *Result, codes []string) (pts, max, share Points, estimated, ok bool) {
	if r == nil || !r.Scored && !r.Incomplete || len(codes) == 0 {
		return 0, 0, 0, false, false
	}
	for _, code := range codes {
		i := slices.IndexFunc(r.Areas, func(a AreaResult) bool { return a.Code == code })
		if i < 0 || !r.Areas[i].Points.Known() {
			return 0, 0, 0, false, false
		}
		a := r.Areas[i]
		if a.Points.Origin == Computed && r.Incomplete && missingIn(r.Missing, code) {
			return 0, 0, 0, false, false // a partial sum is no score
		}
		m := a.Max
		if m == 0 && !r.Detail {
			if r.Framework == nil {
				return 0, 0, 0, false, false
			}
			for _, n := range r.Framework.Areas {
				if n.Code == code {
					m = n.Max
				}
			}
			estimated = true
		}
		pts += a.Points.Value
		max += m
	}
	if max <= 0 {
		return 0, 0, 0, false, false
	}
	return pts, max, Ratio{Num: pts, Den: max}.Percent(), estimated, true
}

// missingIn reports whether a criterion key of keys lies in area code.
func missingIn(keys []string, code string) bool {
	for _, k := range keys {
		if k == code || strings.HasPrefix(k, code+"/") {
			return true
		}
	}
	return false
}

// GroupYear names one ranking: a group in a results year.
type GroupYear struct {
	Group string
	Year  int
}

// Comparisons are the compute stage's comparisons within a ranking, by
// ranking (compute/areas.go, compute/selfgap.go).
type Comparisons struct {
	Areas   map[GroupYear]*AreaComparison
	SelfGap map[GroupYear]*SelfGap
}

// AreaComparison ranks the units of one ranking on each area of its
// framework, with the change since the previous year.
type AreaComparison struct {
	Ranking *Ranking
	// PrevYear is the year compared with and PrevFramework its framework
	// (nil when there is no previous year); Across: the framework changed,
	// so only the index and the mapped areas compare.
	PrevYear      int
	PrevFramework *Framework
	Across        bool
	// Scored: some unit has a known area score (annex-only years may
	// publish no area columns).
	Scored    bool
	Estimated bool // some share uses the framework's area maximum (no detail sheet)
	Areas     []*AreaRanking
}

// AreaRanking is one area's ranking.
type AreaRanking struct {
	Code  string
	Title string
	Max   Points // framework maximum of the area
	// Match is what the area compares with in PrevYear.
	Match AreaMatch
	// Rows: units with a known share by share (highest first; ties share
	// a rank, in name order), then the others in name order.
	Rows []AreaRow
	N    int    // units with a known share
	Avg  Points // mean share of those
}

// AreaRow is one unit in an area's ranking.
type AreaRow struct {
	Result    *Result
	Points    Points
	Max       Points // applicable maximum of the area for this unit
	Share     Points // percent of Max
	Known     bool
	Estimated bool // Max is the framework's (no detail sheet)
	// Why says why there is no share (for the reader): not scored, every
	// criterion not applicable, no area score.
	Why  Text
	Rank int // among Known rows, 0 otherwise

	// The change of share since the previous year in percentage points
	// (the unit's own, or its single predecessor's result, as for the
	// index), when HasChange; otherwise NoChange says why.
	PrevShare     Points
	PrevEstimated bool // the previous share uses the framework's area maximum
	Change        Points
	HasChange     bool
	NoChange      Text
}
