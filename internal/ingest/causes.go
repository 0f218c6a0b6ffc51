package ingest

import (
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
