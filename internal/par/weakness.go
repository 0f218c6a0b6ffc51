package par

// Weakness is one unit-year's review of where it lost points (rules
// "points lost", "persistent weaknesses" and "distance to the next band
// and rank" in docs/rules.md). The compute stage makes one for every result
// with a detail sheet (compute.Weaknesses); a result with only a summary
// annex has none, because criterion detail was not published.
//
// Points lost are the applicable maximum less the appraised score of a
// leaf criterion; a not-applicable criterion loses nothing, a criterion
// without an appraised score (an incomplete sheet) is left out and counted
// in Unscored, never taken as 0. Bonus and penalty are not criteria: they
// stay in Result.Bonus and Result.Penalty, apart from points lost.
type Weakness struct {
	Result *Result

	// Lost are the leaf criteria where points were lost, most points lost
	// first, ties in framework order.
	Lost []LostCriterion
	// TotalLost is the sum of Lost's points (bonus and penalty apart).
	TotalLost Points
	// Criteria counts the applicable leaf criteria with an appraised
	// score; Unscored the applicable ones without (incomplete sheet).
	Criteria int
	Unscored int
	// Areas are the points lost per area, in framework order.
	Areas []AreaLoss
	// Parts total the criteria by scoring method (self-assessed, survey,
	// satisfaction), in par.Methods order, only methods the framework uses:
	// the self-assessed and appraised totals compare like with like only
	// within the self-assessed part.
	Parts []Part
	// GroupN is the number of units of the ranking with a complete, scored
	// detail sheet: the group figures of each criterion are over those
	// (fewer where the criterion is not applicable to some).
	GroupN int

	// Persistent are the criteria lost this year and in the year before
	// (at least), with their history; see PersistentNotes.
	Persistent []Persistent
	// PersistentNotes say, for the reader, where the history stops
	// because criteria cannot be matched (a framework change without an
	// area mapping, a year without a detail sheet), each once; none when
	// nothing stops it.
	PersistentNotes []Text

	Distance Distance
}

// LostCriterion is one leaf criterion where points were lost.
type LostCriterion struct {
	Node  *Node // the framework's leaf (Key, Code, Title, Method)
	Area  *Node // its area
	Max   Points
	Score Figure // appraised score
	Lost  Points // Max − Score
	Self  Figure // self-assessed score, if the sheet gives one
	// Overclaimed: the self-assessed score is higher than the appraised.
	Overclaimed bool
	Remark      string // the appraisers' remark (ý kiến thẩm định)
	Evidence    string // the evidence cited (tài liệu kiểm chứng)
	Group       CriterionStat
}

// CriterionStat is a criterion's appraised score over the units of one
// ranking with a complete, scored detail sheet to which it applies.
type CriterionStat struct {
	N    int    // units counted; 0: no group figure
	Avg  Points // mean appraised score, rounded at Points precision
	Best Points // highest appraised score
	Full int    // units with full marks (score = maximum)
}

// AreaLoss is one area's points lost over its scored leaves.
type AreaLoss struct {
	Node     *Node
	Max      Points // applicable maximum of the scored leaves
	Score    Points
	Lost     Points
	Share    Points // Lost as a percent of Max; 0 when Max is 0
	Criteria int    // leaves where points were lost
	Unscored int    // applicable leaves without an appraised score
}

// Part totals the applicable leaf criteria of one scoring method. Self
// and SelfMax are over the criteria with both a self-assessed and an
// appraised score, Appraised and Max over those with an appraised one.
type Part struct {
	Method    Method
	Criteria  int    // applicable criteria with an appraised score
	Max       Points // their maximum
	Appraised Points
	Lost      Points
	// SelfCriteria counts the criteria with a self-assessed score too;
	// SelfAppraised is their appraised total, to set beside Self.
	SelfCriteria  int
	Self          Points
	SelfAppraised Points
}

// Persistent is a criterion where the unit lost points in consecutive
// years up to this one.
type Persistent struct {
	Node  *Node      // this year's leaf
	Years []LostYear // ascending; the last is this year
}

// LostYear is a criterion's points lost in one year.
type LostYear struct {
	Year      int
	Framework string // framework id
	Key       string // the criterion's key in that framework
	Max       Points
	Score     Figure
	Lost      Points
}

// Distance is the arithmetic from the published figures between a unit
// and the next band and the unit ranked just above it: the points its
// total would need on its own applicable maximum, all else unchanged.
type Distance struct {
	Basis Basis
	// NextBand is the next band up (nil when the unit is in the top band or
	// bands are not computed); BandPoints the points needed to reach its
	// lower bound; BandWhy says why there is no figure.
	NextBand   *Band
	BandPoints Points
	BandWhy    Text
	TopBand    bool // the unit's value reaches the top band's bound
	// Above is the nearest unit ranked above (nil when first or not
	// ranked); AbovePoints the points by which the total would have to
	// exceed its current value to rank above it (strictly more is needed).
	Above       *Result
	AbovePoints Points
	AboveWhy    Text
	// Below are the criteria where the unit is furthest below the group's
	// average, largest gap first (at most five).
	Below []BelowTypical
}

// BelowTypical is a criterion where the unit scored below the group's
// average.
type BelowTypical struct {
	Node  *Node
	Max   Points
	Score Points
	Avg   Points
	Gap   Points // Avg − Score
}
