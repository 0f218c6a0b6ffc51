package par

// CriterionTally is how a ranking's units fared on one criterion (a leaf of
// the framework), over the units with a complete detail sheet to which the
// criterion applies (issue 12, item 6): units whose result is incomplete,
// not scored, or known from an annex only are left out, never counted as
// 0; a unit for which the criterion is not applicable is counted apart.
type CriterionTally struct {
	Node *Node
	Area *Node // the criterion's area
	N    int   // units with an appraised score for it
	NA   int   // units for which it is not applicable
	Lost int   // units that lost points on it (appraised below the applicable maximum)
	Full int   // units with full marks
	// LostPoints is the points lost, summed over the N units; AvgLost is
	// its mean over N (0 when N is 0).
	LostPoints Points
	AvgLost    Points
	// Avg and Best are the mean and the highest appraised score over the
	// N units (a unit's review compares its score with them: Weakness).
	Avg, Best Points
	// Shares are each unit's appraised score as percent of its applicable
	// maximum, in the order of Criteria.Units, for the heatmap; Known says
	// which exist (not applicable: none).
	Shares []Points
	Known  []bool
}

// LostShare is the percent of the N units that lost points on it.
func (c CriterionTally) LostShare() Points {
	if c.N == 0 {
		return 0
	}
	return Ratio{Num: FromInt(c.Lost), Den: FromInt(c.N)}.Percent()
}

// Criteria is a ranking's criterion statistics: the units counted (those
// with a complete detail sheet, in ranking order) and, per leaf of the
// framework in document order, how they fared.
type Criteria struct {
	Units []*Result
	Stats []CriterionTally
}
