package par

import (
	"fmt"
	"strconv"
)

// Source says where a value came from: a workbook cell or a line of a text
// file. Every published figure carries one so the site, `check` and open data
// can cite it.
type Source struct {
	File  string // slash path relative to the project root, e.g. "data/scores/2023/so.xlsx"
	Sheet string // workbook sheet, if any
	Cell  string // cell reference such as "F17", if any
	Line  int    // 1-based line in a text file, if any
}

// String renders "file: sheet!cell", "file: sheet", "file:line" or "file".
func (s Source) String() string {
	switch {
	case s.File == "":
		return ""
	case s.Sheet != "" && s.Cell != "":
		return s.File + ": " + s.Sheet + "!" + s.Cell
	case s.Sheet != "":
		return s.File + ": " + s.Sheet
	case s.Line > 0:
		return s.File + ":" + strconv.Itoa(s.Line)
	}
	return s.File
}

// Origin says whether a figure was published or computed by parindex.
type Origin uint8

const (
	Missing   Origin = iota // not known for this unit-year
	Published               // read from a published table (annex or sheet total)
	Computed                // computed by parindex from detail rows
)

func (o Origin) String() string {
	switch o {
	case Published:
		return "published"
	case Computed:
		return "computed"
	}
	return "missing"
}

// Figure is one number shown on the site with its provenance.
type Figure struct {
	Value    Points
	Decimals int // digits to display: the published precision, or the framework's
	Origin   Origin
	Src      Source
}

// Known reports whether the figure has a value.
func (f Figure) Known() bool { return f.Origin != Missing }

// Text is the figure at its precision with a decimal point, or "" if missing.
func (f Figure) Text() string {
	if !f.Known() {
		return ""
	}
	return f.Value.Format(f.Decimals)
}

// Pub makes a published figure.
func Pub(v Points, decimals int, src Source) Figure {
	return Figure{Value: v, Decimals: decimals, Origin: Published, Src: src}
}

// Comp makes a computed figure.
func Comp(v Points, decimals int, src Source) Figure {
	return Figure{Value: v, Decimals: decimals, Origin: Computed, Src: src}
}

// Date is a calendar date without time zone; published documents only ever
// give days.
type Date struct {
	Year, Month, Day int
}

// IsZero reports an unset date.
func (d Date) IsZero() bool { return d.Year == 0 }

// String is the Vietnamese form dd/mm/yyyy.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

// ISO is yyyy-mm-dd, for <time datetime> and data files.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before reports d < o.
func (d Date) Before(o Date) bool {
	if d.Year != o.Year {
		return d.Year < o.Year
	}
	if d.Month != o.Month {
		return d.Month < o.Month
	}
	return d.Day < o.Day
}

// ParseDate reads yyyy-mm-dd or dd/mm/yyyy and checks the day exists.
func ParseDate(s string) (Date, error) {
	var d Date
	var err error
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		_, err = fmt.Sscanf(s, "%4d-%2d-%2d", &d.Year, &d.Month, &d.Day)
	} else {
		_, err = fmt.Sscanf(s, "%d/%d/%d", &d.Day, &d.Month, &d.Year)
	}
	if err != nil || d.Year < 1900 || d.Year > 2200 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
		return Date{}, fmt.Errorf("invalid date %q (want yyyy-mm-dd or dd/mm/yyyy)", s)
	}
	return d, nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
