package ingest

import (
	"regexp"
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// areaCol is an annex column that may hold an area's points: a code
// ("I", "Lĩnh vực I") or an area title, mapped once the table's framework
// is known.
type areaCol struct {
	col   int
	code  string // from the label, "" if only a title
	title string // Key of the label
}

var areaCodeLabel = regexp.MustCompile(`^(?:(?i:lĩnh vực|linh vuc|lv)\s*)?([IVX]{1,5})\.?$`)

func (g *grid) areaColumns(h *header) []areaCol {
	var out []areaCol
	taken := map[int]bool{}
	for _, c := range h.col {
		taken[c] = true
	}
	for c, l := range h.labels {
		if taken[c] || l == "" {
			continue
		}
		k := g.t.Key(l)
		if summaryRole(k) != roleNone {
			continue
		}
		if m := areaCodeLabel.FindStringSubmatch(l); m != nil {
			out = append(out, areaCol{col: c, code: m[1]})
			continue
		}
		if rest, ok := strings.CutPrefix(k, "linh vuc "); ok {
			code, _, _ := strings.Cut(rest, " ")
			out = append(out, areaCol{col: c, code: strings.ToUpper(code)})
			continue
		}
		out = append(out, areaCol{col: c, title: k})
	}
	return out
}

// mapAreas resolves area columns against a framework: code → area code.
func mapAreas(cols []areaCol, f *par.Framework) map[int]string {
	out := map[int]string{}
	for _, ac := range cols {
		if f == nil {
			if ac.code != "" {
				out[ac.col] = ac.code
			}
			continue
		}
		for _, a := range f.Areas {
			t := viet.Key(a.Title)
			switch {
			case ac.code != "" && normCode(a.Code) == normCode(ac.code),
				ac.code == "" && t != "" && (ac.title == t || has(ac.title, t) || strings.HasPrefix(t, ac.title+" ")):
				out[ac.col] = a.Code
			}
			if _, ok := out[ac.col]; ok {
				break
			}
		}
	}
	return out
}

func isAverageLabel(k string) bool {
	return startsWith(k, "trung binh", "tong cong", "tong so", "binh quan", "diem trung binh", "chi so trung binh") ||
		k == "tong" || k == "cong"
}

// looksLikeSection reports a row title such as "I. KHỐI SỞ, BAN, NGÀNH"
// or "Khối huyện" that groups the rows below it.
func looksLikeSection(s string) bool {
	if code, _ := splitCode(s); code != "" {
		return true
	}
	k := viet.Key(s)
	if startsWith(k, "khoi", "nhom", "cum", "cac", "co quan", "don vi") {
		return true
	}
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// parseSummary reads every annex table of a sheet.
func (sc *sheetCtx) parseSummary(hs []*header) []*par.Summary {
	var out []*par.Summary
	for i, h := range hs {
		end := len(sc.g.rows)
		if i+1 < len(hs) {
			end = hs[i+1].row
		}
		out = append(out, sc.parseTable(h, end)...)
	}
	return out
}

func (sc *sheetCtx) parseTable(h *header, end int) []*par.Summary {
	g := sc.g
	nameCol := h.c(roleName)
	areaCols := g.areaColumns(h)
	var out []*par.Summary
	var group string
	var groupSrc par.Source
	var f *par.Framework
	var areas map[int]string
	for r := h.data; r < end; r++ {
		if g.emptyRow(r) {
			continue
		}
		name := g.t.Clean(g.hval(r, nameCol))
		k := g.t.Key(name)
		nameSrc := g.src(r, nameCol)
		figs := false
		for _, rl := range []role{roleTotal, roleSumAppraised, roleSurvey, roleSatisfaction, roleIndex, roleRank, roleBand} {
			if c := h.c(rl); c >= 0 && strings.TrimSpace(g.raw(r, c)) != "" {
				figs = true
			}
		}
		for _, ac := range areaCols {
			if strings.TrimSpace(g.raw(r, ac.col)) != "" {
				figs = true
			}
		}
		if name == "" {
			if figs {
				sc.d.Errorf(nameSrc, "row has figures but no unit name")
			}
			continue // a section title in another column
		}
		if isAverageLabel(k) {
			continue
		}
		u, _, amb := sc.env.res.lookup(canonKey(k), sc.year)
		if u == nil && amb == nil {
			if fd, ok := sc.env.res.search(name, sc.year); ok && !looksLikeSection(name) {
				u, amb = fd.unit, fd.ambiguous
			}
		}
		switch {
		case amb != nil:
			sc.d.Errorf(nameSrc, "name %q matches several units: %s", name, sortedIDs(amb))
			continue
		case u == nil && !figs && looksLikeSection(name):
			continue
		case u == nil:
			msg := ""
			if sug := sc.env.res.suggest(name); len(sug) > 0 {
				msg = " (did you mean " + quoteList(sug) + "?)"
			}
			sc.d.Errorf(nameSrc, "unknown unit %q%s", name, msg)
			continue
		}
		if group == "" {
			group, groupSrc = u.Group, nameSrc
			f = sc.env.ds.Framework(group, sc.year)
			areas = mapAreas(areaCols, f)
		} else if u.Group != group {
			sc.d.Errorf(nameSrc, "unit %q is in group %q, but this table is for group %q (from %s)", u.ID, u.Group, group, groupSrc.Cell)
			continue
		}
		s := &par.Summary{Unit: u.ID, Group: u.Group, Year: sc.year, Name: name, Src: nameSrc}
		of := " of " + u.ID
		s.Total, _ = sc.figure(r, h.c(roleTotal), "total", of, false)
		s.Appraised, _ = sc.figure(r, h.c(roleSumAppraised), "appraised", of, false)
		s.Survey, _ = sc.figure(r, h.c(roleSurvey), "survey", of, false)
		s.Satisfaction, _ = sc.figure(r, h.c(roleSatisfaction), "satisfaction", of, false)
		s.Index, _ = sc.figure(r, h.c(roleIndex), "index", of, true)
		if c := h.c(roleRank); c >= 0 {
			s.Rank = sc.rank(r, c, of)
		}
		if c := h.c(roleBand); c >= 0 {
			if b := g.t.Clean(g.raw(r, c)); b != "" {
				s.Band = par.BandMark{Name: b, Origin: par.Published, Src: g.src(r, c)}
				if f != nil {
					for _, fb := range f.Bands {
						if viet.Key(fb.Name) == viet.Key(b) {
							s.Band.ID = fb.ID
						}
					}
				}
			}
		}
		for col, code := range areas {
			if fg, _ := sc.figure(r, col, "area "+code, of, false); fg.Known() {
				if s.Areas == nil {
					s.Areas = map[string]par.Figure{}
				}
				s.Areas[code] = fg
			}
		}
		for _, fg := range []struct {
			name string
			fig  par.Figure
		}{{"total", s.Total}, {"appraised", s.Appraised}, {"survey", s.Survey}, {"satisfaction", s.Satisfaction}, {"index", s.Index}} {
			if fg.fig.Known() && fg.fig.Value < 0 {
				sc.d.Errorf(fg.fig.Src, "%s %s%s is negative", fg.name, fg.fig.Value, of)
			}
		}
		out = append(out, s)
	}
	percentScale(out)
	return out
}

// percentScale: a cell formatted as a percentage stores 0.855 for 85.5 %.
// If every index of a table is at most 1, the column holds fractions.
func percentScale(ss []*par.Summary) {
	known := 0
	for _, s := range ss {
		if s.Index.Known() {
			if s.Index.Value > par.FromInt(1) {
				return
			}
			if s.Index.Value > 0 {
				known++
			}
		}
	}
	if known == 0 {
		return
	}
	for _, s := range ss {
		if s.Index.Known() {
			s.Index.Value *= 100
			s.Index.Decimals = max(s.Index.Decimals-2, 0)
		}
	}
}

// rank reads a published rank: a whole number, or blank / "-" for none.
func (sc *sheetCtx) rank(r, c int, of string) par.Rank {
	s := strings.TrimSpace(sc.g.raw(r, c))
	src := sc.g.src(r, c)
	k, v, _ := parseCell(s, false)
	switch k {
	case cellBlank, cellNA:
		return par.Rank{}
	case cellNumber:
		if v > 0 && v%par.Scale == 0 {
			return par.Rank{N: int(v / par.Scale), Origin: par.Published, Src: src}
		}
	}
	if key := viet.Key(s); has(key, "khong") {
		return par.Rank{} // "Không xếp hạng"
	}
	sc.d.Errorf(src, "rank %q%s is not a whole number", short(viet.Clean(s)), of)
	return par.Rank{}
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = `"` + s + `"`
	}
	return strings.Join(q, " or ")
}
