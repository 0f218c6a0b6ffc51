package par

// Pair compares one group's rankings of two results years, From.Year <
// To.Year, any two years, not only consecutive ones (rule "comparing two
// years" in docs/rules.md). The compute stage makes one for every pair of
// years in which the group has a ranking.
type Pair struct {
	Group    *Group
	From, To *Ranking // the earlier and the later year
	// Comparable: both years are scored by the same framework, so points
	// and bands compare; otherwise only the index does.
	Comparable bool
	// Thresholds lists the bands whose lower bound differs between the two
	// frameworks (only when not Comparable): the same band word then does
	// not mean the same standing.
	Thresholds []BandShift
	// Rows: one per unit in either year's ranking — the later year's
	// units in its ranking order, then the units only in the earlier year
	// in that ranking's order.
	Rows []*PairRow
	// Common is the number of units ranked in the group in both years (or
	// via a single predecessor), over which rank changes are counted;
	// FromOf and ToOf are the units ranked in each year.
	Common, FromOf, ToOf int
	// Stats are the group's figures over its scored units with a known
	// index, in each year.
	FromStats, ToStats PairStats
	// Gainers and Losers are the rows that moved most, by rank and by
	// index (see PairTop).
	RankUp, RankDown   PairTop
	IndexUp, IndexDown PairTop
	// Other are the rankings of other groups a row's reason names (a unit
	// that moved group), by year then group id: what the pair shows
	// besides its two rankings.
	Other []GroupYear
}

// PairRow is one unit in a two-year comparison. From or To is nil when
// the unit has no result in the group's ranking of that year.
type PairRow struct {
	Unit *Unit
	Name string  // the name in force in the later year it appears in
	From *Result // the earlier year's result compared with (the unit's own, or its predecessor's: Via)
	To   *Result
	Via  string // unit id of the predecessor whose result From is, "" for the unit's own

	// HasRank: ranked in the group in both years, so Rank is a change.
	// Rank: places moved up (negative: down) among the Common units only.
	HasRank bool
	Rank    int
	// HasIndex: scored with a known index in both years; Index is the
	// difference of the indexes as shown, in percentage points.
	HasIndex bool
	Index    Points
	// HasBand: both bands known under the same framework (Pair.Comparable);
	// Band is the number of bands moved up (negative: down).
	HasBand bool
	Band    int

	// Entered says why a unit of the later year is not compared with the
	// earlier year; Left why a unit of the earlier year is not compared
	// with the later one. Nil when it is compared.
	Entered *PairReason
	Left    *PairReason
}

// ReasonKind says why a unit is in one year of a comparison only.
type ReasonKind string

const (
	ReasonCreated      ReasonKind = "created"      // established after the earlier year (Units: formed from, by merger)
	ReasonMerged       ReasonKind = "merged-into"  // merged into Units[0]
	ReasonDissolved    ReasonKind = "dissolved"    // ceased without successor (Units: who took over its tasks)
	ReasonMoved        ReasonKind = "moved"        // in another group that year (Group, Year)
	ReasonNotScored    ReasonKind = "not-scored"   // in the ranking that year but not scored
	ReasonPredecessors ReasonKind = "predecessors" // formed by merger of several units scored that year: not compared with any of them
	ReasonAbsent       ReasonKind = "absent"       // not in that year's ranking, for no reason the registry records
)

// PairReason is why a unit is compared in one year only.
type PairReason struct {
	Kind  ReasonKind
	Year  int      // the year it is missing from
	Date  Date     // of the registry event, if any
	Units []string // unit ids the event names
	Group string   // ReasonMoved: the other group
	Note  string   // the event's note
}

// BandShift is a band whose lower bound changed between two frameworks.
type BandShift struct {
	Name     string
	NameEn   string
	From, To Points // lower bounds, on each framework's basis
}

// PairStats summarises the index over a group's scored units with a known
// index in one year. Missing is never zero: a unit not scored is left
// out, not counted as 0.
type PairStats struct {
	N        int
	Mean     Points
	Median   Points
	Min, Max Points
	SD       Points // population standard deviation (the group is the whole population)
	Decimals int    // display precision of the figures it is computed from
}

// PairTop is the rows that moved most one way: up to five, and every row
// tied with the fifth, biggest first (ties in the table's order).
type PairTop []*PairRow
