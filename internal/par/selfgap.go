package par

// SelfGap compares, for each unit of one ranking, the points it gave
// itself with the points appraisal gave, over the self-assessed criteria
// only (rule "self-assessment gap"): survey and satisfaction criteria are
// never self-assessed, so they are left out of both sides, as is any
// criterion without a self-assessed or without an appraised score.
type SelfGap struct {
	Ranking *Ranking
	// LeftOutMax is the framework's maximum of the survey and satisfaction
	// criteria, left out of both sides.
	LeftOutMax Points
	Detail     bool // some unit has a detail sheet this year
	Rows       []SelfGapRow
}

// SelfGapRow is one unit's gap. Rows with a known gap come first, by gap
// as a share of the self-assessed maximum considered (largest first,
// ties share a rank, in name order), then the others in name order.
type SelfGapRow struct {
	Result *Result
	Gap    SelfGapYear
	Rank   int // among rows with a known gap
	// Trend is the unit's gap in every year it has a result in this
	// group, ascending; a year without detail sheet has Known false.
	Trend []SelfGapYear
}

// SelfGapYear is a unit's gap in one year.
type SelfGapYear struct {
	Year      int
	Framework string // id of the framework that scored it
	Known     bool
	// Why says why the gap is not known: no detail sheet, an incomplete
	// sheet, no self-assessed score.
	Why       Text
	Self      Points // self-assessed points over the criteria considered
	Appraised Points // appraised points over the same criteria
	Max       Points // their applicable maximum
	Gap       Points // Self − Appraised (positive: the unit rated itself higher)
	Share     Points // Gap as a percent of Max
	Criteria  int    // criteria considered
	// NoSelf: self-assessed criteria left out because the sheet gives no
	// self-assessed score for them (or no appraised one).
	NoSelf int
	NA     int // criteria not applicable
}
