package par

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
)

// Release is one release of the site as `parindex publish` recorded it in
// data/releases/<version>.json: what was put online, and the figures it
// published, so that a later build can tell a published figure changed
// (rule "a published figure is corrected, never silently changed").
type Release struct {
	Version string `json:"version"`
	Date    string `json:"date"` // yyyy-mm-dd
	// Zip is the file name of the site archive, ZipSHA256 its checksum,
	// ManifestSHA256 the checksum of the manifest listing every file of
	// the site with its own.
	Zip            string `json:"zip"`
	ZipSHA256      string `json:"zip_sha256"`
	ManifestSHA256 string `json:"manifest_sha256"`
	// Files are the site's files (slash paths) with their SHA-256: the
	// next release's change list compares with them.
	Files map[string]string `json:"files"`
	// FiguresSHA256 is FigureSet(Figures).Checksum(): a record edited by
	// hand no longer matches it.
	FiguresSHA256 string             `json:"figures_sha256"`
	Figures       []ReleaseUnitYear  `json:"figures"`
	Corrections   []RecordCorrection `json:"corrections"` // data/corrections.yaml as it stood, for the append-only rule

	Src Source `json:"-"` // the record file
}

// ReleaseUnitYear is the published figures of one unit-year, as text with
// a decimal point ("85.12"); a figure not published is absent.
type ReleaseUnitYear struct {
	Unit  string            `json:"unit"`
	Year  int               `json:"year"`
	Index string            `json:"index,omitempty"`
	Total string            `json:"total,omitempty"`
	Rank  string            `json:"rank,omitempty"`
	Band  string            `json:"band,omitempty"`
	Areas map[string]string `json:"areas,omitempty"` // area code → points
}

// RecordCorrection is a data/corrections.yaml entry as a release recorded
// it.
type RecordCorrection struct {
	Unit     string `json:"unit"`
	Year     int    `json:"year"`
	Figure   string `json:"figure"`
	Old      string `json:"old"`
	New      string `json:"new"`
	Date     string `json:"date"`
	Reason   string `json:"reason"`
	Decision string `json:"decision"`
}

// Figure names of a published figure: "index", "total", "rank", "band" and
// "area:<code>" for an area's points.
const (
	FigIndex = "index"
	FigTotal = "total"
	FigRank  = "rank"
	FigBand  = "band"
	FigArea  = "area:"
)

// PubFigure is one published figure of a unit-year, with where it comes
// from (the cell a changed figure's error names).
type PubFigure struct {
	Unit   string
	Year   int
	Figure string
	Value  string // as in a release record; "" not published
	Src    Source
}

// Key identifies the figure across releases.
func (f PubFigure) Key() string { return f.Unit + "/" + strconv.Itoa(f.Year) + "/" + f.Figure }

// FigureSet is a release's published figures, flattened.
type FigureSet []PubFigure

// Flatten lists the figures of a release record, sorted by Key.
func Flatten(uys []ReleaseUnitYear) FigureSet {
	var out FigureSet
	for _, u := range uys {
		add := func(fig, v string) {
			if v != "" {
				out = append(out, PubFigure{Unit: u.Unit, Year: u.Year, Figure: fig, Value: v})
			}
		}
		add(FigIndex, u.Index)
		add(FigTotal, u.Total)
		add(FigRank, u.Rank)
		add(FigBand, u.Band)
		for code, v := range u.Areas {
			add(FigArea+code, v)
		}
	}
	out.Sort()
	return out
}

// Group is the inverse of Flatten: one entry per unit-year, by unit and
// year.
func (s FigureSet) Group() []ReleaseUnitYear {
	s = append(FigureSet(nil), s...)
	s.Sort()
	var out []ReleaseUnitYear
	for _, f := range s {
		if f.Value == "" {
			continue
		}
		if n := len(out); n == 0 || out[n-1].Unit != f.Unit || out[n-1].Year != f.Year {
			out = append(out, ReleaseUnitYear{Unit: f.Unit, Year: f.Year})
		}
		u := &out[len(out)-1]
		switch {
		case f.Figure == FigIndex:
			u.Index = f.Value
		case f.Figure == FigTotal:
			u.Total = f.Value
		case f.Figure == FigRank:
			u.Rank = f.Value
		case f.Figure == FigBand:
			u.Band = f.Value
		case strings.HasPrefix(f.Figure, FigArea):
			if u.Areas == nil {
				u.Areas = map[string]string{}
			}
			u.Areas[strings.TrimPrefix(f.Figure, FigArea)] = f.Value
		}
	}
	return out
}

// Sort orders the figures by unit, year and figure name.
func (s FigureSet) Sort() {
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Unit != b.Unit {
			return a.Unit < b.Unit
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Figure < b.Figure
	})
}

// Checksum is the SHA-256 of the figures as lines "unit\tyear\tfigure\tvalue",
// sorted: the same set gives the same checksum whatever the record's
// layout.
func (s FigureSet) Checksum() string {
	s = append(FigureSet(nil), s...)
	s.Sort()
	h := sha256.New()
	for _, f := range s {
		if f.Value == "" {
			continue
		}
		h.Write([]byte(f.Unit + "\t" + strconv.Itoa(f.Year) + "\t" + f.Figure + "\t" + f.Value + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Correction is one entry of data/corrections.yaml (đính chính): a figure
// a release published, corrected by a later decision.
type Correction struct {
	ID       string // "dinh-chinh-1"… in file order: the anchor on the public page
	Unit     string
	Year     int
	Figure   string // as PubFigure.Figure
	Old, New string // as written; "" for New: no longer published
	Date     Date
	Reason   string
	Decision string // the correcting decision's number
	// DecisionTitle states a decision that is not among content/decisions.
	DecisionTitle string
	Src           Source // the entry's line

	// Recorded: a release recorded this entry already (it is history,
	// not a change of the coming release).
	Recorded string // that release's version, "" if none
}

// Record is the entry as a release records it.
func (c *Correction) Record() RecordCorrection {
	return RecordCorrection{Unit: c.Unit, Year: c.Year, Figure: c.Figure, Old: c.Old, New: c.New,
		Date: c.Date.ISO(), Reason: c.Reason, Decision: c.Decision}
}
