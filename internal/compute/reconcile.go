package compute

import (
	"fmt"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// Rule "the decision is the law". Real publication decisions sometimes
// print a figure the rules (or the decision's own other figures) do not
// give. The publisher records each such difference in
// data/reconciliation.yaml: the cells, the figure as printed, the figure
// the rules give, the reason, who recorded it and when. Reconcile then lets
// the printed figure be published: the contradiction check reports becomes
// a warning citing the record, and the site marks the figure and lists the
// difference on its public page "Đối chiếu số liệu". Every contradiction
// that is not recorded stays an error, and a record that no longer matches
// the data (no contradiction at its cells, or other figures there) is an
// error too, so the public list never drifts from the data.

// Reconcile applies the register ds.Reconciliations to the diagnostics of
// every stage (dl), and records the differences found in res.Reconciled,
// each located at its unit, year and figure.
func Reconcile(ds *par.Dataset, res *par.Results, dl *diag.List) {
	if ds == nil || len(ds.Reconciliations) == 0 {
		return
	}
	byCell := map[par.Source]*par.Reconciliation{}
	for _, r := range ds.Reconciliations {
		for _, c := range r.Cells {
			byCell[c] = r
		}
	}
	matched, reported := map[*par.Reconciliation]bool{}, map[*par.Reconciliation]bool{}
	var problems diag.List
	dl.Update(func(d *diag.Diagnostic) {
		if d.Severity != diag.Error || !d.IsContradiction() {
			return
		}
		r := byCell[par.Source{File: d.File, Sheet: d.Sheet, Cell: d.Cell}]
		if r == nil {
			return
		}
		if !sameFigure(r.Published, d.Fact.Published) {
			reported[r] = true
			problems.Errorf(r.Src, "the recorded figure as printed (%s) is not the one at %s (%s): correct the record, or the workbook", r.Published, d.Source, d.Fact.Published)
			return
		}
		if !sameFigure(r.Rule, d.Fact.Rule) {
			reported[r] = true
			problems.Errorf(r.Src, "the recorded figure by the rules (%s) is not what the rules give at %s (%s): correct the record", r.Rule, d.Source, d.Fact.Rule)
			return
		}
		if !matched[r] {
			r.Kind, r.What = d.Fact.Kind, d.Msg
		}
		matched[r] = true
		d.Severity = diag.Warning
		d.Msg += fmt.Sprintf(" (recorded at %s: published as printed)", r.Src)
	})
	for _, r := range ds.Reconciliations {
		if !matched[r] && !reported[r] && len(r.Cells) > 0 {
			cells := make([]string, len(r.Cells))
			for i, c := range r.Cells {
				cells[i] = c.String()
			}
			problems.Errorf(r.Src, "no difference is found at %s any more: remove this record, or correct its cells", strings.Join(cells, ", "))
		}
	}
	dl.Merge(&problems)
	if res == nil {
		return
	}
	where := figurePlaces(res)
	for _, r := range ds.Reconciliations {
		if !matched[r] {
			continue
		}
		for _, c := range r.Cells {
			if p, ok := where[c]; ok {
				r.Unit, r.Year, r.Figure = p.unit, p.year, p.figure
				break
			}
			if p, ok := where[par.Source{File: c.File, Sheet: c.Sheet}]; ok && r.Unit == "" {
				r.Unit, r.Year, r.Figure = p.unit, p.year, p.figure
			}
		}
		res.Reconciled = append(res.Reconciled, r)
	}
}

// sameFigure compares a recorded figure with a contradiction's: as numbers
// when both are numbers ("85,50" = "85.5"), else as words without case or
// diacritics ("Tốt" = "TỐT"). A contradiction without the figure (an
// incomplete sheet has none) accepts any record.
func sameFigure(recorded, found string) bool {
	if found == "" {
		return true
	}
	a, _, errA := par.ParsePoints(strings.TrimSpace(recorded))
	b, _, errB := par.ParsePoints(strings.TrimSpace(found))
	if errA == nil && errB == nil {
		return a == b
	}
	return viet.Key(recorded) == viet.Key(found)
}

// place is where a figure is shown: whose, which year, which figure.
type place struct {
	unit   string
	year   int
	figure string
}

// figurePlaces maps every published cell of the results to its place, and
// each detail sheet (file and sheet, no cell) to its unit-year.
func figurePlaces(res *par.Results) map[par.Source]place {
	m := map[par.Source]place{}
	for _, rk := range res.Rankings {
		for _, r := range rk.Results {
			add := func(src par.Source, what string) {
				if src.Cell != "" {
					if _, ok := m[src]; !ok {
						m[src] = place{r.Unit.ID, r.Year, what}
					}
				}
			}
			add(r.Total.Src, "total")
			add(r.Index.Src, "index")
			add(r.Appraised.Src, "appraised")
			add(r.Survey.Src, "survey")
			add(r.Satisfaction.Src, "satisfaction")
			add(r.Rank.Src, "rank")
			add(r.Band.Src, "band")
			for _, a := range r.Areas {
				add(a.Points.Src, "area "+a.Code)
			}
			var walk func(ns []*par.NodeResult)
			walk = func(ns []*par.NodeResult) {
				for _, n := range ns {
					add(n.Appraised.Src, n.Node.Key)
					if n.Src.File != "" {
						k := par.Source{File: n.Src.File, Sheet: n.Src.Sheet}
						if _, ok := m[k]; !ok {
							m[k] = place{r.Unit.ID, r.Year, "sheet"}
						}
					}
					walk(n.Children)
				}
			}
			walk(r.Tree)
		}
	}
	return m
}
