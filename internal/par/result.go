package par

// NodeResult is one framework node's result for a unit-year from a detail
// sheet.
type NodeResult struct {
	Node      *Node
	Max       Points // applicable maximum (0 if not applicable)
	Self      Figure
	Appraised Figure
	NA        bool
	Lost      Points // Max − Appraised, when appraised is known
	Remark    string
	Evidence  string
	Src       Source
	Children  []*NodeResult

	// NotEvaluated: NA because the sheet marks the criterion "not
	// evaluated" (Không đánh giá), on a leaf only.
	NotEvaluated bool
}

// AreaResult is one area's points for a unit-year.
type AreaResult struct {
	Code   string
	Title  string
	Max    Points // applicable maximum, 0 when unknown (annex only)
	Points Figure
}

// Change compares a result with the same unit's (or its predecessors')
// result of the previous year.
type Change struct {
	Year     int
	PrevRank int // published rank in year−1, 0 when not ranked in the same group
	// HasRank: the result and its previous one are both ranked in the
	// same group, so Rank is a change; without it a zero Rank does not mean
	// "no change".
	HasRank bool
	// Rank: places moved up (negative: down) among the units ranked in
	// both years only, so that units entering or leaving the ranking do
	// not move the others.
	Rank       int
	Common     int    // units ranked in both years, over which Rank is counted
	PrevOf     int    // units ranked in the group in year−1
	Of         int    // units ranked in the group this year
	Index      Points // change of the index in percentage points
	HasIndex   bool
	Comparable bool   // same framework both years; otherwise only the index is comparable
	Via        string // unit id of the predecessor compared with, if not the unit itself
}

// Result is a unit's result in one year: published where published,
// computed where not.
type Result struct {
	Unit      *Unit
	Group     string
	Year      int
	Framework *Framework
	Name      string // name in force that year

	Scored bool // false: not scored, never ranked
	Detail bool // a detail sheet exists
	// Incomplete: the detail sheet lacks an appraised score for some
	// applicable criterion, so it gives no total; the result shown, if
	// any, is the published annex's.
	Incomplete bool
	Missing    []string // with Incomplete: keys of the criteria without an appraised score

	Total        Figure
	Index        Figure
	Appraised    Figure
	Survey       Figure
	Satisfaction Figure
	SelfTotal    Figure
	Bonus        Figure
	Penalty      Figure
	Max          Points // applicable maximum (framework maximum less not-applicable leaves)
	Exact        Ratio  // the ranking value at full precision on the framework's basis

	Rank Rank
	// ParentRank is the rank among the units of the same parent (a
	// commune among its district's communes) ranked that year, out of
	// ParentOf; zero for a unit without parent or not ranked (rule
	// "ranks within the parent").
	ParentRank Rank
	ParentOf   int
	Band       BandMark
	Areas      []AreaResult
	Tree       []*NodeResult // detail only: areas with their criteria

	Prev *Change
}

// Ranking is one ranking group in one year.
type Ranking struct {
	Group     *Group
	Year      int
	Framework *Framework
	Results   []*Result  // ranked results by rank (ties in name order), then unscored in name order
	Decision  *Doc       // publication decision covering it, if any
	AreaStats []AreaStat // per-area average and best, for unit profiles
	// Criteria: how the units with a complete detail sheet fared on each
	// criterion (nil when no unit has one).
	Criteria *Criteria

	// Amendments are the later decisions that amend or replace Decision
	// for this ranking, by date.
	Amendments []*Doc
}

// Results is the output of the compute stage.
type Results struct {
	Reconciled []*Reconciliation    // recorded differences found in the data, in file order
	Years      []int                // ascending
	Rankings   []*Ranking           // by year, then group order
	ByUnit     map[string][]*Result // unit id → results by year ascending
	Histories  []*History           // each ranking group with a ranking, in registry group order
	Pairs      []*Pair              // every two years of each group: by group order, then earlier year, then later year
	Compare    Comparisons          // per-area rankings and self-assessment gaps per ranking
	// Weakness is the review of points lost of every result with a
	// detail sheet (compute.Weaknesses); nil for annex-only results.
	Weakness map[*Result]*Weakness
}

// AreaStat summarises one area over a ranking's scored units, as percent of
// each unit's applicable area maximum so units with not-applicable criteria
// compare fairly.
type AreaStat struct {
	Code  string
	Title string
	Max   Points // framework maximum of the area
	Avg   Points // mean percent of the area maximum
	Best  Points // highest percent of the area maximum
	N     int    // units with a known area score
}
