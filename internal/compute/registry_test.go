package compute

import (
	"strings"
	"testing"

	"parindex/internal/par"
)

// Rule "the registry says what it means": a unit without a created event
// that is listed, not scored, in years before its first result gets one
// warning at its entry, naming the years and the fix.
func TestUnscoredBeforeFirstResult(t *testing.T) {
	fw := flatFW("f", "so", "100")
	fw.From = 2019
	var sums []*par.Summary
	add := func(id string, years ...int) {
		for i, y := range years {
			sums = append(sums, annex(id, y, 5+i, "80", ""))
		}
	}
	add("late", 2022, 2023)
	add("created", 2022, 2023)
	add("gap", 2019, 2020, 2023)
	add("always", 2019, 2020, 2021, 2022, 2023)
	add("one-gap", 2020, 2021, 2022, 2023)
	ds := &par.Dataset{
		Registry: registry(groups("so"),
			unit("late", "so", "Sở Muộn"),
			unit("created", "so", "Sở Mới", created("2022-01-01")),
			unit("gap", "so", "Sở Gián đoạn"),
			unit("always", "so", "Sở Luôn có"),
			unit("never", "so", "Sở Chưa có"),
			unit("one-gap", "so", "Sở Thiếu một năm"),
		),
		Frameworks: []*par.Framework{fw},
		Summaries:  sums,
	}
	_, dl := mustRun(t, ds)
	fix := " (it has no created event), so it is shown as not scored in %s; if it did not exist yet, add its creation to its events: {date: yyyy-mm-dd, type: created}"
	wantDiags(t, dl,
		"data/units.yaml:10: warning: Sở Chưa có (never) has no result in any year, though by the registry it existed in 2019–2023"+strings.Replace(fix, "%s", "those years", 1),
		"data/units.yaml:10: warning: Sở Muộn (late) has no result in 2019–2021, before its first result (2022), though by the registry it existed then"+strings.Replace(fix, "%s", "those years", 1),
		"data/units.yaml:10: warning: Sở Thiếu một năm (one-gap) has no result in 2019, before its first result (2020), though by the registry it existed then"+strings.Replace(fix, "%s", "that year", 1),
	)
}

func TestYearsText(t *testing.T) {
	for _, c := range []struct {
		ys   []int
		want string
	}{
		{[]int{2019}, "2019"},
		{[]int{2019, 2020}, "2019 and 2020"},
		{[]int{2019, 2020, 2021}, "2019–2021"},
		{[]int{2015, 2019, 2020, 2021, 2023, 2024}, "2015, 2019–2021, 2023 and 2024"},
	} {
		if got := yearsText(c.ys); got != c.want {
			t.Errorf("yearsText(%v) = %q, want %q", c.ys, got, c.want)
		}
	}
}
