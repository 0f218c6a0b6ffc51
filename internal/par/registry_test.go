package par

import "testing"

// Rule "who is ranked": a unit is listed in a year's ranking when it existed on 31
// December of that year: created on or before that day, and not merged or
// dissolved on or before it. A unit without a created event always existed;
// a renaming changes nothing.
func TestUnitExistedAt(t *testing.T) {
	ev := func(k EventKind, y, m, d int) Event { return Event{Kind: k, Date: Date{y, m, d}} }
	for _, tc := range []struct {
		name   string
		events []Event
		year   int
		want   bool
	}{
		{"no events: always existed", nil, 1990, true},
		{"renamed only", []Event{ev(EventRenamed, 2020, 1, 1)}, 2019, true},
		{"created in a later year", []Event{ev(EventCreated, 2021, 1, 1)}, 2020, false},
		{"created on 31 December: listed that year", []Event{ev(EventCreated, 2020, 12, 31)}, 2020, true},
		{"created on 1 January", []Event{ev(EventCreated, 2020, 1, 1)}, 2020, true},
		{"created on 1 January of the next year", []Event{ev(EventCreated, 2021, 1, 1)}, 2020, false},
		{"merged during the year: not listed", []Event{ev(EventMergedInto, 2020, 7, 1)}, 2020, false},
		{"merged on 31 December: not listed", []Event{ev(EventMergedInto, 2020, 12, 31)}, 2020, false},
		{"merged on 1 January of the next year: listed", []Event{ev(EventMergedInto, 2021, 1, 1)}, 2020, true},
		{"merged in an earlier year", []Event{ev(EventMergedInto, 2019, 3, 1)}, 2020, false},
		{"dissolved during the year", []Event{ev(EventDissolved, 2020, 5, 1)}, 2020, false},
		{"dissolved the next year", []Event{ev(EventDissolved, 2021, 5, 1)}, 2020, true},
		{"merged-from does not end it", []Event{ev(EventMergedFrom, 2020, 5, 1)}, 2020, true},
		{"created and ended: before", []Event{ev(EventCreated, 2018, 1, 1), ev(EventMergedInto, 2022, 1, 1)}, 2017, false},
		{"created and ended: between", []Event{ev(EventCreated, 2018, 1, 1), ev(EventMergedInto, 2022, 1, 1)}, 2021, true},
		{"created and ended: after", []Event{ev(EventCreated, 2018, 1, 1), ev(EventMergedInto, 2022, 1, 1)}, 2022, false},
		{"created and ended in the same year", []Event{ev(EventCreated, 2020, 2, 1), ev(EventDissolved, 2020, 11, 1)}, 2020, false},
	} {
		u := &Unit{ID: "u", Events: tc.events}
		if got := u.ExistedAt(tc.year); got != tc.want {
			t.Errorf("%s: ExistedAt(%d) = %v, want %v", tc.name, tc.year, got, tc.want)
		}
	}
}
