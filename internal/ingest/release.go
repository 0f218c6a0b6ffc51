package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
)

// Paths of the release records and the corrections register.
const (
	releasesDir     = "data/releases"
	correctionsPath = "data/corrections.yaml"
)

// versionID is a release version as it may be written: it names files.
var versionID = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._-]*$`)

// loadReleases reads data/releases/*.json, the records `parindex publish`
// writes, oldest first (by date, then version in natural order). A record
// whose figures no longer match their checksum was edited by hand: an
// error at the file, and it does not count.
func loadReleases(fsys fs.FS, d *diag.List) []*par.Release {
	var out []*par.Release
	for _, p := range walkFiles(fsys, releasesDir, d) {
		if hidden(p) || path.Dir(p) != releasesDir {
			continue
		}
		if path.Ext(p) != ".json" {
			d.Warnf(par.Source{File: p}, "not a release record (data/releases/<version>.json, written by parindex publish); ignored")
			continue
		}
		data, ok := readRecord(fsys, p, d)
		if !ok {
			continue
		}
		r := &par.Release{}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(r); err != nil {
			d.Errorf(par.Source{File: p, Line: jsonLine(data, err)}, "not a release record as parindex publish writes it: %v", err)
			continue
		}
		r.Src = par.Source{File: p}
		stem := strings.TrimSuffix(path.Base(p), ".json")
		switch {
		case !versionID.MatchString(r.Version) || r.Version != stem:
			d.Errorf(r.Src, "the record's version %q is not its file name's %q", r.Version, stem)
			continue
		case r.Date == "":
			d.Errorf(r.Src, "the record has no date")
			continue
		}
		if _, err := par.ParseDate(r.Date); err != nil || len(r.Date) != 10 {
			d.Errorf(r.Src, "the record's date %q is not yyyy-mm-dd", r.Date)
			continue
		}
		if sum := par.Flatten(r.Figures).Checksum(); sum != r.FiguresSHA256 {
			d.Errorf(r.Src, "the published figures no longer match their checksum (figures_sha256): a release record is written by parindex publish and never edited")
			continue
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return VersionLess(out[i].Version, out[j].Version)
	})
	// Only the last release's files and figures are compared with;
	// the earlier ones' corrections are kept (the append-only rule).
	for _, r := range out[:max(len(out)-1, 0)] {
		r.Files, r.Figures = nil, nil
	}
	return out
}

// recordLimit bounds a release record: one line per file of the site and
// per unit-year, about 30 MiB for a national-size site (110,000 pages),
// far over the limit of a YAML file people write.
const recordLimit = 1 << 30

// readRecord reads a release record, written by publish rather than by a
// person, within recordLimit.
func readRecord(fsys fs.FS, name string, d *diag.List) ([]byte, bool) {
	in := inputOf(fsys)
	if in.stopped() {
		return nil, false
	}
	b, err := readLimited(in, name, recordLimit)
	if err != nil {
		if err == errTooLarge {
			d.Errorf(par.Source{File: name}, "file too large (over %s) for a release record", sizeText(recordLimit))
		} else {
			d.Errorf(par.Source{File: name}, "%s", readErr(err))
		}
		return nil, false
	}
	return b, true
}

// VersionLess orders versions naturally: runs of digits as numbers, so
// "2" < "10" and "2026.2" < "2026.10".
func VersionLess(a, b string) bool {
	for a != "" && b != "" {
		ra, rest1 := versionRun(a)
		rb, rest2 := versionRun(b)
		if ra != rb {
			na, ea := strconv.Atoi(ra)
			nb, eb := strconv.Atoi(rb)
			if ea == nil && eb == nil && na != nb {
				return na < nb
			}
			return ra < rb
		}
		a, b = rest1, rest2
	}
	return len(a) < len(b)
}

func versionRun(s string) (string, string) {
	digit := s[0] >= '0' && s[0] <= '9'
	i := 1
	for i < len(s) && (s[i] >= '0' && s[i] <= '9') == digit {
		i++
	}
	return s[:i], s[i:]
}

// jsonLine is the line of a JSON decoding error, 0 if unknown.
func jsonLine(data []byte, err error) int {
	var off int64
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	default:
		return 0
	}
	return bytes.Count(data[:min(int(off), len(data))], []byte("\n")) + 1
}

// loadCorrections reads data/corrections.yaml, if present:
//
//	corrections:
//	  - unit: so-noi-vu
//	    year: 2024
//	    figure: index
//	    old: "85,12"
//	    new: "86,40"
//	    date: 2025-04-02
//	    reason: …
//	    decision: 512/QĐ-UBND
//
// Whether each entry matches a change of a published figure is checked
// once the results are computed (compute.Corrections).
func loadCorrections(fsys fs.FS, reg *par.Registry, d *diag.List) []*par.Correction {
	y, root := optionalYAML(fsys, correctionsPath, d)
	if root == nil {
		return nil
	}
	top := y.fields(root, "corrections.yaml", "corrections")
	var out []*par.Correction
	for i, n := range top.seq("corrections") {
		m := y.fields(n, "correction", "unit", "year", "figure", "old", "new", "date", "reason", "decision", "decision_title")
		c := &par.Correction{ID: fmt.Sprintf("dinh-chinh-%d", i+1), Src: y.at(n)}
		ok := true
		if m.need("unit") {
			c.Unit = m.str("unit")
			if reg != nil && reg.Unit(c.Unit) == nil {
				d.Errorf(m.src("unit"), "unknown unit %q%s", c.Unit, unitHint(reg, c.Unit))
				ok = false
			}
		} else {
			ok = false
		}
		if m.need("year") {
			c.Year, _ = m.integer("year")
		}
		if m.need("figure") {
			c.Figure = m.str("figure")
			if !figureName.MatchString(c.Figure) {
				d.Errorf(m.src("figure"), "figure %q is not one of index, total, rank, band or area:<area code> (e.g. area:I)", c.Figure)
				ok = false
			}
		}
		if m.need("old") {
			c.Old = m.str("old")
		}
		// new: "" says the figure is no longer published.
		if _, present := m.vals["new"]; present {
			c.New = m.str("new")
		} else {
			m.need("new")
		}
		if m.need("date") {
			c.Date, _ = m.date("date")
		}
		if m.need("reason") {
			c.Reason = m.text("reason")
		}
		if m.need("decision") {
			c.Decision = m.str("decision")
		}
		c.DecisionTitle = m.str("decision_title")
		if ok && c.Year != 0 {
			out = append(out, c)
		}
	}
	return out
}

var figureName = regexp.MustCompile(`^(index|total|rank|band|area:\S+)$`)

// dropDrafts leaves out the documents marked `draft: true`, and the
// attachments only they name (a draft decision's signed PDF is not
// published before the decision).
func dropDrafts(docs []*par.Doc, assets []string) ([]*par.Doc, []string) {
	kept := docs[:0:0]
	draftFiles, keptFiles := map[string]bool{}, map[string]bool{}
	for _, doc := range docs {
		files := keptFiles
		if doc.Draft {
			files = draftFiles
		} else {
			kept = append(kept, doc)
		}
		for _, a := range doc.Attachments {
			files[a.File] = true
		}
	}
	var out []string
	for _, a := range assets {
		if draftFiles[a] && !keptFiles[a] {
			continue
		}
		out = append(out, a)
	}
	return kept, out
}
