package ingest

import (
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
)

// What a workbook problem follows from, as a diag fault key (see
// diag.List.Because): so a framework or registry entry that could not be
// read is one error, with the sheets it leaves unreadable folded into it.

// noFramework records problems that follow from there being no framework
// for group in year.
func noFramework(d *diag.List, group string, year int) diag.Caused {
	return d.Because(diag.FrameworkYearKey(group, year))
}

// noUnitNamed records problems that follow from no unit bearing name.
func noUnitNamed(d *diag.List, name string) diag.Caused {
	return d.Because(diag.NameKey(nameKey(name)))
}

// unitEntry records problems that follow from a unit's entry in the
// registry (its group, say): one wrong entry is one error.
func unitEntry(d *diag.List, id string) diag.Caused {
	return d.Because(diag.UnitKey(id))
}

// unitOfSheetUnknown records that no registry name identifies the sheet
// at src: a broken registry is its cause; it has no sibling elsewhere.
func unitOfSheetUnknown(d *diag.List, src par.Source) diag.Caused {
	return d.Because(diag.KeyRegistry + ":sheet:" + src.String())
}

// unitHint is a did-you-mean for a sheet whose unit could not be told:
// registry names close to its sheet name, its file name, or what follows
// "của" or "Đơn vị:" in its title block.
func (sc *sheetCtx) unitHint(h *header, base string) string {
	cands := []string{sc.g.sheet, base}
	for r := 0; r < h.row; r++ {
		for c := 0; c < sc.g.width(r); c++ {
			s := sc.g.t.Clean(sc.g.raw(r, c))
			if _, after, ok := strings.Cut(s, ":"); ok {
				cands = append(cands, after)
			}
			if i := strings.LastIndex(strings.ToLower(s), "của "); i >= 0 {
				cands = append(cands, s[i+len("của "):])
			}
		}
	}
	var out []string
	for _, c := range cands {
		for _, s := range sc.env.res.suggest(strings.TrimSpace(c)) {
			if len(out) < 3 && !contains(out, s) {
				out = append(out, s)
			}
		}
	}
	if len(out) == 0 {
		return ""
	}
	return " (did you mean " + orList(out) + "?)"
}
