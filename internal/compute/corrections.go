package compute

import (
	"strconv"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// Rule "a published figure is corrected, never silently changed". Each
// release `parindex publish` puts online records the figures it published
// (data/releases/<version>.json). A later build that gives another value
// for one of them — a workbook re-typed, an annex replaced — is refused at
// the figure's source cell, unless data/corrections.yaml holds the
// correction (đính chính): the unit, year and figure, the value the
// release published and the new one, the date, the reason and the
// correcting decision. The register is append-only: an entry a release
// recorded may not be removed or edited.

// PublishedFigures lists the figures the site publishes for every scored
// unit-year of a ranking — index, total, rank, band and each area's
// points — as a release records them, from the results the pages show.
func PublishedFigures(res *par.Results) par.FigureSet {
	var out par.FigureSet
	if res == nil {
		return out
	}
	for _, rk := range res.Rankings {
		for _, r := range rk.Results {
			if !r.Scored || r.Unit == nil {
				continue
			}
			fallback := firstSource(r.Total.Src, r.Index.Src, r.Rank.Src, r.Band.Src)
			add := func(fig, v string, src par.Source) {
				if v == "" {
					return
				}
				if src.File == "" {
					src = fallback
				}
				out = append(out, par.PubFigure{Unit: r.Unit.ID, Year: r.Year, Figure: fig, Value: v, Src: src})
			}
			add(par.FigIndex, r.Index.Text(), r.Index.Src)
			add(par.FigTotal, r.Total.Text(), r.Total.Src)
			if r.Rank.N > 0 {
				add(par.FigRank, strconv.Itoa(r.Rank.N), r.Rank.Src)
			}
			add(par.FigBand, r.Band.Name, r.Band.Src)
			for _, a := range r.Areas {
				add(par.FigArea+a.Code, a.Points.Text(), a.Points.Src)
			}
		}
	}
	out.Sort()
	return out
}

func firstSource(srcs ...par.Source) par.Source {
	for _, s := range srcs {
		if s.File != "" {
			return s
		}
	}
	return par.Source{}
}

// Corrections checks the results against the last recorded release and
// the corrections register, reporting into dl:
//
//   - a figure the release published that the data now give otherwise,
//     without a matching entry: an error at the figure's source cell;
//   - an entry not yet recorded by a release that matches no such change,
//     or whose old value is not what the release published: an error at
//     its line, as is a correcting decision that is neither among the
//     decisions nor stated (decision_title);
//   - an entry a release recorded that is gone or edited: an error.
//
// It marks each entry a release recorded (par.Correction.Recorded).
func Corrections(ds *par.Dataset, res *par.Results, dl *diag.List) {
	if ds == nil {
		return
	}
	for _, c := range ds.Corrections {
		c.Recorded = ""
	}
	var last *par.Release
	if n := len(ds.Releases); n > 0 {
		last = ds.Releases[n-1]
	}
	edited := recordedEntries(ds, last, dl)
	decisions := map[string]bool{}
	for _, d := range ds.Docs {
		if d.Kind == par.DocDecision && d.Number != "" {
			decisions[viet.NFC(d.Number)] = true
		}
	}
	now := map[string]par.PubFigure{}
	for _, f := range PublishedFigures(res) {
		now[f.Key()] = f
	}
	var published map[string]par.PubFigure
	if last != nil {
		published = map[string]par.PubFigure{}
		for _, f := range par.Flatten(last.Figures) {
			published[f.Key()] = f
		}
	}
	corrected := map[string]bool{}
	for _, c := range ds.Corrections {
		if c.Decision != "" && c.DecisionTitle == "" && !decisions[viet.NFC(c.Decision)] {
			dl.Errorf(c.Src, "correcting decision %q is not among the decisions (content/decisions/); add it there, or state it with decision_title", c.Decision)
		}
		if c.Recorded != "" || edited[c] {
			continue // history, or one error already (edited)
		}
		key := par.PubFigure{Unit: c.Unit, Year: c.Year, Figure: c.Figure}.Key()
		what := figureLabel(ds, c.Unit, c.Year, c.Figure)
		if last == nil {
			dl.Errorf(c.Src, "correction of %s matches no change: no release is recorded (data/releases/, written by parindex publish), so no published figure can have changed", what)
			continue
		}
		was, ok := published[key]
		if !ok {
			dl.Errorf(c.Src, "correction of %s matches no change: release %s published no such figure", what, last.Version)
			continue
		}
		if !sameValue(c.Old, was.Value) {
			dl.Errorf(c.Src, "correction of %s: old value %s is not what release %s (%s) published: %s", what, quoteValue(c.Old), last.Version, last.Date, quoteValue(was.Value))
			continue
		}
		cur := now[key]
		if sameValue(was.Value, cur.Value) {
			dl.Errorf(c.Src, "correction of %s matches no change: the data still give %s, as release %s published", what, quoteValue(cur.Value), last.Version)
			continue
		}
		if !sameValue(c.New, cur.Value) {
			dl.Errorf(c.Src, "correction of %s: new value %s is not what the data now give: %s", what, quoteValue(c.New), quoteValue(cur.Value))
			continue
		}
		corrected[key] = true
	}
	if last == nil {
		return
	}
	for _, was := range par.Flatten(last.Figures) {
		key := was.Key()
		cur, ok := now[key]
		if sameValue(was.Value, cur.Value) || corrected[key] {
			continue
		}
		at := cur.Src
		if !ok {
			at = last.Src // no longer published: no cell to name
		}
		dl.Errorf(at, "%s: release %s (%s) published %s, the data now give %s; a published figure changes only by a correction (đính chính): add an entry to data/corrections.yaml (unit: %s, year: %d, figure: %s, old, new, date, reason, decision)",
			figureLabel(ds, was.Unit, was.Year, was.Figure), last.Version, last.Date, quoteValue(was.Value), quoteValue(cur.Value), was.Unit, was.Year, was.Figure)
	}
}

// recordedEntries marks the entries a release recorded and reports those
// of the last release that are gone or edited; it returns the edited
// entries, whose one error is that.
func recordedEntries(ds *par.Dataset, last *par.Release, dl *diag.List) map[*par.Correction]bool {
	edits := map[*par.Correction]bool{}
	for _, r := range ds.Releases {
		used := map[*par.Correction]bool{}
		for _, rc := range r.Corrections {
			for _, c := range ds.Corrections {
				if !used[c] && c.Record() == rc {
					used[c] = true
					if c.Recorded == "" {
						c.Recorded = r.Version
					}
					break
				}
			}
		}
		if r != last {
			continue
		}
		for _, rc := range r.Corrections {
			found := false
			for c := range used {
				if c.Record() == rc {
					found = true
				}
			}
			if found {
				continue
			}
			what := figureLabel(ds, rc.Unit, rc.Year, rc.Figure)
			var edited *par.Correction
			for _, c := range ds.Corrections {
				if !used[c] && c.Unit == rc.Unit && c.Year == rc.Year && c.Figure == rc.Figure && c.Old == rc.Old {
					edited = c
					break
				}
			}
			if edited != nil {
				used[edited] = true
				edits[edited] = true
				dl.Errorf(edited.Src, "correction of %s was published with release %s as %s → %s (%s, decision %s); data/corrections.yaml is append-only: put it back as it was and add a new entry", what, r.Version, quoteValue(rc.Old), quoteValue(rc.New), rc.Date, rc.Decision)
				continue
			}
			dl.Errorf(par.Source{File: "data/corrections.yaml"}, "correction of %s (%s → %s, %s, decision %s), published with release %s, was removed; data/corrections.yaml is append-only: put it back", what, quoteValue(rc.Old), quoteValue(rc.New), rc.Date, rc.Decision, r.Version)
		}
	}
	return edits
}

// figureLabel names a figure for a message: "Sở Nội vụ (so-noi-vu) 2024, index".
func figureLabel(ds *par.Dataset, unit string, year int, fig string) string {
	name := unit
	if ds.Registry != nil {
		if u := ds.Registry.Unit(unit); u != nil {
			if n := u.NameAt(year).Name; n != "" {
				name = n + " (" + unit + ")"
			}
		}
	}
	return name + " " + strconv.Itoa(year) + ", " + fig
}

// sameValue compares two figures as written: numbers by value ("85,1" is
// 85.10), words without regard to case; "" only equals "".
func sameValue(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" {
		return a == b
	}
	pa, _, ea := par.ParsePoints(a)
	pb, _, eb := par.ParsePoints(b)
	if ea == nil && eb == nil {
		return pa == pb
	}
	return strings.EqualFold(viet.NFC(a), viet.NFC(b))
}

func quoteValue(v string) string {
	if v == "" {
		return "nothing"
	}
	return v
}
