package release

import (
	"fmt"
	"sort"
	"strings"

	"parindex/internal/par"
)

// Changes is a release compared with the previous one.
type Changes struct {
	Added, Removed, Changed []string // site files, sorted
	Unchanged               int
	Figures                 []FigureChange // changed or withdrawn, by unit, year, figure
	FiguresAdded            map[int]int    // year → figures published for the first time
}

// FigureChange is one published figure whose value changed (New "" when
// no longer published).
type FigureChange struct {
	Unit   string
	Year   int
	Figure string
	Old    string
	New    string
	// By is the correction this release added for the figure (its date
	// and decision), "" if none: the webmaster sees each change beside
	// the correction that allowed it.
	By string
}

// Compare lists what changed from prev (nil: the first release) to rec.
func Compare(prev, rec *par.Release) Changes {
	c := Changes{FiguresAdded: map[int]int{}}
	old := map[string]string{}
	var was par.FigureSet
	if prev != nil {
		old = prev.Files
		was = par.Flatten(prev.Figures)
	}
	for p, h := range rec.Files {
		switch o, ok := old[p]; {
		case !ok:
			c.Added = append(c.Added, p)
		case o != h:
			c.Changed = append(c.Changed, p)
		default:
			c.Unchanged++
		}
	}
	for p := range old {
		if _, ok := rec.Files[p]; !ok {
			c.Removed = append(c.Removed, p)
		}
	}
	sort.Strings(c.Added)
	sort.Strings(c.Removed)
	sort.Strings(c.Changed)
	now := map[string]string{}
	for _, f := range par.Flatten(rec.Figures) {
		now[f.Key()] = f.Value
	}
	// The corrections this release records and the previous did not.
	known := map[par.RecordCorrection]bool{}
	if prev != nil {
		for _, rc := range prev.Corrections {
			known[rc] = true
		}
	}
	by := map[string]string{}
	for _, rc := range rec.Corrections {
		if !known[rc] {
			by[par.PubFigure{Unit: rc.Unit, Year: rc.Year, Figure: rc.Figure}.Key()] = "correction of " + rc.Date + ", decision " + rc.Decision
		}
	}
	seen := map[string]bool{}
	for _, f := range was {
		seen[f.Key()] = true
		if v := now[f.Key()]; v != f.Value {
			c.Figures = append(c.Figures, FigureChange{Unit: f.Unit, Year: f.Year, Figure: f.Figure, Old: f.Value, New: v, By: by[f.Key()]})
		}
	}
	for _, f := range par.Flatten(rec.Figures) {
		if !seen[f.Key()] {
			c.FiguresAdded[f.Year]++
		}
	}
	return c
}

// Text is the change list the webmaster reads before putting the release
// online.
func (c Changes) Text(prev, rec *par.Release) string {
	var b strings.Builder
	if prev == nil {
		fmt.Fprintf(&b, "Release %s (%s): the first recorded release.\n", rec.Version, rec.Date)
	} else {
		fmt.Fprintf(&b, "Release %s (%s), compared with release %s (%s).\n", rec.Version, rec.Date, prev.Version, prev.Date)
	}
	fmt.Fprintf(&b, "\nFiles: %d added, %d removed, %d changed, %d unchanged.\n", len(c.Added), len(c.Removed), len(c.Changed), c.Unchanged)
	if prev != nil {
		for _, l := range []struct {
			title string
			paths []string
		}{{"Added", c.Added}, {"Removed", c.Removed}, {"Changed", c.Changed}} {
			if len(l.paths) == 0 {
				continue
			}
			fmt.Fprintf(&b, "\n%s:\n", l.title)
			for _, p := range l.paths {
				fmt.Fprintf(&b, "  %s\n", p)
			}
		}
	}
	added := 0
	years := make([]int, 0, len(c.FiguresAdded))
	for y, n := range c.FiguresAdded {
		added += n
		years = append(years, y)
	}
	sort.Ints(years)
	fmt.Fprintf(&b, "\nFigures: %d changed, %d published for the first time", len(c.Figures), added)
	if len(years) > 0 {
		parts := make([]string, len(years))
		for i, y := range years {
			parts[i] = fmt.Sprintf("%d: %d", y, c.FiguresAdded[y])
		}
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	b.WriteString(".\n")
	if len(c.Figures) > 0 {
		b.WriteString("\nFigures changed (unit, year, figure: old → new):\n")
		for _, f := range c.Figures {
			nv := f.New
			if nv == "" {
				nv = "(no longer published)"
			}
			fmt.Fprintf(&b, "  %s %d %s: %s → %s", f.Unit, f.Year, f.Figure, f.Old, nv)
			if f.By != "" {
				fmt.Fprintf(&b, " (%s)", f.By)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}
