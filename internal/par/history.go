package par

// History is one ranking group over every year it has a ranking: per year
// the spread of the index and how many units fell in each band, computed
// by the compute stage for the group's history page.
type History struct {
	Group *Group
	Years []YearStat // ascending by year, one per ranking of the group
	// Thresholds are the band words whose lower bound differs between the
	// frameworks of consecutive years, in year order.
	Thresholds []ThresholdChange
}

// YearStat summarises one ranking of a group.
type YearStat struct {
	Year      int
	Framework *Framework
	Units     int // results in the ranking, scored or not
	// Dist is the five-number summary of the index over the scored
	// results with a known index; a unit not scored is left out (never 0).
	Dist Distribution
	// Bands counts the scored results in each band: the framework's bands
	// in its order (every band, even with none), then published band names
	// the framework does not know, in order of appearance.
	Bands        []BandCount
	Unclassified int // scored, but in no band
	Unscored     int // not scored (no result, or an incomplete sheet without a published figure)
}

// Distribution is a five-number summary of index values in percent.
// Quartiles interpolate linearly between the sorted values (the method of
// Excel's QUARTILE.INC), rounded half away from zero at Points precision.
type Distribution struct {
	N                        int // values summarised; 0: the rest is meaningless
	Min, Q1, Median, Q3, Max Points
	Decimals                 int // display precision of the values
}

// BandCount is the number of units in one band of one year.
type BandCount struct {
	Key  string // the band word, normalised (viet.Slug of the name): the same word is one key in every framework
	Name string
	Min  Points // the framework's lower bound; with Known false, a name the framework does not know
	// Known: a band of the year's framework (Min is its bound).
	Known bool
	N     int
}

// ThresholdChange is a band word whose lower bound changed from one
// framework to the next between two consecutive years of a group.
type ThresholdChange struct {
	Key, Name      string
	NameEn         string // the new band's English name, if given
	Year           int    // the first year under the new bound
	From, To       *Framework
	FromMin, ToMin Points
}
