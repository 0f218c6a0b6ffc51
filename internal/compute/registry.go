package compute

import (
	"fmt"
	"strconv"
	"strings"

	"parindex/internal/par"
)

// checkConsistency reports what the computed rankings reveal about the
// registry and the documents: units shown as not scored because the
// registry does not say when they began or ceased, decisions that do not
// match their rankings, narratives for rankings that do not exist. Run
// calls it once the rankings are built.
func (x *run) checkConsistency(res *par.Results) {
	x.checkUnscored(res)
	x.checkDecisions(res)
	x.checkNarratives(res)
}

// checkUnscored: a unit the registry says existed in a year of its group's
// ranking, but with no result that year, is shown as not scored. Before its
// first result, for a unit without a created event, that usually means the
// unit did not exist yet and the registry does not say so: one warning per
// unit, at its entry, listing the years and how to say it.
func (x *run) checkUnscored(res *par.Results) {
	has := map[unitYear]bool{}
	for _, s := range x.ds.Sheets {
		has[unitYear{s.Unit, s.Year}] = true
	}
	for _, s := range x.ds.Summaries {
		has[unitYear{s.Unit, s.Year}] = true
	}
	for _, u := range x.reg.Units {
		var listed, with []int
		for _, r := range res.ByUnit[u.ID] {
			listed = append(listed, r.Year)
			if has[unitYear{u.ID, r.Year}] {
				with = append(with, r.Year)
			}
		}
		if len(listed) == 0 || len(with) == len(listed) {
			continue
		}
		var before []int
		for _, y := range listed {
			if len(with) == 0 || y < with[0] {
				before = append(before, y)
			}
		}
		name := nameAt(u, listed[len(listed)-1])
		if len(before) > 0 && u.Start().IsZero() {
			when := "any year, though by the registry it existed in " + yearsText(before)
			if len(with) > 0 {
				when = yearsText(before) + ", before its first result (" + strconv.Itoa(with[0]) + "), though by the registry it existed then"
			}
			x.dl.Warnf(u.Src, "%s (%s) has no result in %s (it has no created event), so it is shown as not scored in %s; if it did not exist yet, add its creation to its events: {date: yyyy-mm-dd, type: created}",
				name, u.ID, when, thoseYears(before))
		}
	}
}

func thoseYears(ys []int) string {
	if len(ys) == 1 {
		return "that year"
	}
	return "those years"
}

// yearsText writes ascending years with runs as ranges: "2019–2021 and
// 2023".
func yearsText(ys []int) string {
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(ys[i]))
		case j == i+1:
			parts = append(parts, strconv.Itoa(ys[i]), strconv.Itoa(ys[j]))
		default:
			parts = append(parts, fmt.Sprintf("%d–%d", ys[i], ys[j]))
		}
		i = j + 1
	}
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
