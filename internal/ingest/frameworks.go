package ingest

import (
	"io/fs"
	"path"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"parindex/internal/diag"
	"parindex/internal/par"
)

// maxDepth bounds the criteria tree: real frameworks have three or four
// levels; a deeper one is a mistake, and recursion must stay bounded.
const maxDepth = 10

// loadFrameworks reads data/frameworks/*.yaml.
func loadFrameworks(fsys fs.FS, reg *par.Registry, d *diag.List) []*par.Framework {
	var out []*par.Framework
	firstAt := map[string]par.Source{}
	prevAt, mapAt := map[*par.Framework]par.Source{}, map[*par.Framework]par.Source{}
	for _, p := range walkFiles(fsys, frameworksDir, d) {
		if hidden(p) {
			continue
		}
		if ext := strings.ToLower(path.Ext(p)); ext != ".yaml" && ext != ".yml" {
			d.Warnf(par.Source{File: p}, "not a framework (.yaml) file; ignored")
			continue
		}
		if path.Dir(p) != frameworksDir {
			d.Warnf(par.Source{File: p}, "frameworks belong directly in %s/; ignored", frameworksDir)
			continue
		}
		n0 := d.Len()
		f, pSrc, mSrc := loadFramework(fsys, p, reg, d)
		if f == nil {
			// Which groups it was to score is unknown: every "no
			// framework" may follow from this file.
			d.MarkRoot(n0, diag.KeyFrameworks+"|"+diag.KeyResults)
			continue
		}
		if first, dup := firstAt[f.ID]; dup {
			d.Errorf(f.Src, "duplicate framework id %q (first in %s)", f.ID, first)
			continue
		}
		firstAt[f.ID] = f.Src
		prevAt[f], mapAt[f] = pSrc, mSrc
		out = append(out, f)
	}
	checkOverlaps(d, out)
	checkAreaMaps(d, out, prevAt, mapAt)
	return out
}

// loadFramework reads one framework file; it also returns where its
// previous and area_map keys are, for checkAreaMaps.
func loadFramework(fsys fs.FS, p string, reg *par.Registry, d *diag.List) (f *par.Framework, prevAt, mapAt par.Source) {
	data, ok := readText(fsys, p, d)
	if !ok {
		return nil, prevAt, mapAt
	}
	y := &yfile{path: p, d: d}
	root, ok := y.parse(data)
	if !ok {
		return nil, prevAt, mapAt
	}
	if root == nil {
		d.Errorf(par.Source{File: p, Line: 1}, "framework file is empty")
		return nil, prevAt, mapAt
	}
	m := y.fields(root, "framework", "id", "title", "title_en", "groups", "from", "to", "basis", "decimals", "ties", "bands", "rules", "areas", "bonus", "penalty", "note", "previous", "area_map")
	f = &par.Framework{Src: par.Source{File: p, Line: 1}, Basis: par.BasisIndex, Decimals: 2}
	if m.need("id") {
		f.ID = m.str("id")
		f.Src = m.src("id")
		if !slugID.MatchString(f.ID) {
			d.Errorf(m.src("id"), "framework id %q is not a slug (use a-z, 0-9 and \"-\")", f.ID)
		}
	}
	if m.need("title") {
		f.Title = m.str("title")
	}
	f.TitleEn = m.str("title_en")
	f.Note = m.text("note")
	groups, gnodes := m.strs("groups")
	if m.need("groups") && len(groups) == 0 {
		d.Errorf(m.src("groups"), "groups must list at least one ranking group")
	}
	for i, g := range groups {
		switch {
		case reg.Group(g) == nil:
			n := d.Len()
			d.Because(diag.GroupKey(g)).Errorf(y.at(gnodes[i]), "unknown group %q%s", g, groupHint(reg, g))
			// A typo here leaves the group it meant without framework.
			if meant := suggestedID(g, groupIDs(reg)); meant != "" {
				d.MarkRoot(n, diag.FrameworkKey(meant)+"|"+diag.KeyResults)
			}
		case contains(f.Groups, g):
			d.Errorf(y.at(gnodes[i]), "group %q listed twice", g)
		default:
			f.Groups = append(f.Groups, g)
		}
	}
	if m.need("from") {
		f.From, _ = m.integer("from")
		if f.From != 0 && (f.From < 1900 || f.From > 2200) {
			d.Errorf(m.src("from"), "from %d is not a plausible year", f.From)
		}
	}
	if m.has("to") {
		f.To, _ = m.integer("to")
		if f.To != 0 && f.To < f.From {
			d.Errorf(m.src("to"), "to %d is before from %d", f.To, f.From)
		}
	}
	if m.has("basis") {
		switch b := par.Basis(m.str("basis")); b {
		case par.BasisIndex, par.BasisPoints:
			f.Basis = b
		default:
			d.Errorf(m.src("basis"), "unknown basis %q (want index or points)", b)
		}
	}
	if m.has("ties") {
		switch t := par.Ties(m.str("ties")); t {
		case par.TiesCompetition, par.TiesDense:
			f.Ties = t
		default:
			d.Errorf(m.src("ties"), "unknown ties rule %q (want competition, as 1, 2, 2, 4, or dense, as 1, 2, 2, 3)", t)
		}
	}
	if m.has("decimals") {
		if n, ok := m.integer("decimals"); ok {
			if n < 0 || n > par.ScaleDigits {
				d.Errorf(m.src("decimals"), "decimals %d out of range (0 to %d)", n, par.ScaleDigits)
			} else {
				f.Decimals = n
			}
		}
	}
	f.Bands, f.PublishedBands = loadBands(y, m.seq("bands"))
	f.Rules = loadRules(y, reg, m.seq("rules"))

	areas := m.seq("areas")
	if m.need("areas") && len(areas) == 0 {
		d.Errorf(m.src("areas"), "a framework needs at least one area")
	}
	f.Areas = loadNodes(y, reg, areas, "", 1)
	f.Bonus = loadExtras(y, m.seq("bonus"), "bonus")
	f.Penalty = loadExtras(y, m.seq("penalty"), "penalty")
	codes := map[string]par.Source{}
	for _, es := range [][]par.Extra{f.Bonus, f.Penalty} {
		for _, e := range es {
			k := normCode(e.Code)
			if first, dup := codes[k]; dup {
				d.Errorf(e.Src, "code %q is used twice among bonus and penalty items (first at line %d)", e.Code, first.Line)
			}
			codes[k] = e.Src
		}
	}
	f.Previous = m.str("previous")
	prevAt, mapAt = m.src("previous"), m.src("area_map")
	f.AreaMap = loadAreaMap(y, m.vals["area_map"])
	return f, prevAt, mapAt
}

// loadBands reads the bands, best first. Either every band has a lower
// bound (min) or none has: bands without bounds are names whose cut-offs
// the publisher sets each time, shown as published and never computed.
func loadBands(y *yfile, nodes []*yaml.Node) ([]par.Band, bool) {
	var out []par.Band
	ids := map[string]bool{}
	withMin, without := 0, 0
	for _, bn := range nodes {
		m := y.fields(bn, "band", "id", "name", "name_en", "min")
		var b par.Band
		if m.need("id") {
			b.ID = m.str("id")
		}
		if m.need("name") {
			b.Name = m.str("name")
		}
		b.NameEn = m.str("name_en")
		if !m.has("min") {
			without++
			if withMin > 0 {
				y.d.Errorf(y.at(bn), "band %q has no min, but the bands before it have one: give every band a min, or none (the publisher's own cut-offs)", b.ID)
			}
		} else {
			withMin++
			if without > 0 {
				y.d.Errorf(m.src("min"), "band %q has a min, but the bands before it have none: give every band a min, or none (the publisher's own cut-offs)", b.ID)
			}
			b.Min, _ = m.points("min")
		}
		if ids[b.ID] && b.ID != "" {
			y.d.Errorf(m.src("id"), "duplicate band id %q", b.ID)
			continue
		}
		ids[b.ID] = true
		if n := len(out); n > 0 && withMin > 0 && without == 0 && b.Min >= out[n-1].Min {
			y.d.Errorf(m.src("min"), "bands must go from the highest to the lowest: %q (min %s) is not below %q (min %s)", b.ID, b.Min, out[n-1].ID, out[n-1].Min)
		}
		out = append(out, b)
	}
	return out, len(out) > 0 && withMin == 0
}

func loadRules(y *yfile, reg *par.Registry, nodes []*yaml.Node) []par.Rule {
	var out []par.Rule
	for _, rn := range nodes {
		m := y.fields(rn, "rule", "kind", "child_group", "share", "text", "text_en")
		r := par.Rule{Src: y.at(rn), Text: m.text("text"), TextEn: m.text("text_en")}
		if !m.need("kind") {
			continue
		}
		r.Kind = par.RuleKind(m.str("kind"))
		if r.Kind != par.RuleChildBandShare {
			y.d.Errorf(m.src("kind"), "unknown rule kind %q (want %s)", r.Kind, par.RuleChildBandShare)
			continue
		}
		if m.need("child_group") {
			r.ChildGroup = m.str("child_group")
			if reg.Group(r.ChildGroup) == nil {
				y.d.Because(diag.GroupKey(r.ChildGroup)).Errorf(m.src("child_group"), "unknown group %q%s", r.ChildGroup, groupHint(reg, r.ChildGroup))
			}
		}
		if m.need("share") {
			s := m.str("share")
			num, den, ok := parseShare(s)
			if !ok {
				y.d.Errorf(m.src("share"), "invalid share %q (want a fraction such as 2/3)", s)
				continue
			}
			r.Num, r.Den = num, den
		}
		out = append(out, r)
	}
	return out
}

// parseShare reads "2/3" (0 < num ≤ den).
func parseShare(s string) (int, int, bool) {
	a, b, ok := strings.Cut(strings.ReplaceAll(s, " ", ""), "/")
	if !ok {
		return 0, 0, false
	}
	n, err1 := strconv.Atoi(a)
	dd, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || n <= 0 || dd <= 0 || n > dd {
		return 0, 0, false
	}
	return n, dd, true
}

// loadNodes reads a list of areas or items; parentKey names the parent in
// messages ("" for areas).
func loadNodes(y *yfile, reg *par.Registry, nodes []*yaml.Node, parentKey string, depth int) []*par.Node {
	var out []*par.Node
	seen := map[string]par.Source{}
	what := "item"
	if depth == 1 {
		what = "area"
	}
	for _, nn := range nodes {
		m := y.fields(nn, what, "code", "title", "title_en", "max", "method", "lead", "required", "items")
		n := &par.Node{Src: y.at(nn)}
		if m.need("code") {
			n.Code = m.str("code")
			if strings.Contains(n.Code, "/") {
				y.d.Errorf(m.src("code"), "code %q must not contain \"/\"", n.Code)
				n.Code = strings.ReplaceAll(n.Code, "/", "-")
			}
		}
		key := n.Code
		if parentKey != "" {
			key = parentKey + "/" + n.Code
		}
		if m.need("title") {
			n.Title = m.str("title")
		}
		n.TitleEn = m.str("title_en")
		if m.has("method") {
			switch meth := par.Method(m.str("method")); meth {
			case par.MethodSelf, par.MethodSurvey, par.MethodSatisfaction:
				n.Method = meth
			default:
				y.d.Errorf(m.src("method"), "unknown method %q (want self, survey or satisfaction)", meth)
			}
		}
		n.Required = m.boolean("required")
		if m.has("lead") {
			n.Lead = m.str("lead")
			if reg.Unit(n.Lead) == nil {
				y.d.Because(diag.UnitKey(n.Lead)).Errorf(m.src("lead"), "lead %q is not a unit%s", n.Lead, unitHint(reg, n.Lead))
			}
		}
		items := m.seq("items")
		if len(items) > 0 {
			if depth >= maxDepth {
				y.d.Errorf(m.src("items"), "items nested deeper than %d levels", maxDepth)
			} else {
				n.Children = loadNodes(y, reg, items, key, depth+1)
			}
		}
		var given par.Points
		hasMax := m.has("max")
		if hasMax {
			given, hasMax = m.points("max")
			if hasMax && given < 0 {
				y.d.Errorf(m.src("max"), "max %s of %s must not be negative", given, key)
			}
		}
		switch {
		case len(n.Children) == 0 && !m.has("max"):
			y.d.Errorf(n.Src, "%s %q has no max (a criterion without items needs one)", what, key)
		case len(n.Children) == 0:
			n.Max = given
		default:
			var sum par.Points
			for _, c := range n.Children {
				sum += c.Max
			}
			n.Max = sum
			if hasMax && given != sum {
				y.d.Errorf(m.src("max"), "max %s of %s differs from the sum of its items %s", given, key, sum)
			}
		}
		if n.Code != "" {
			nc := normCode(n.Code)
			if first, dup := seen[nc]; dup {
				if parentKey == "" {
					y.d.Errorf(m.src("code"), "duplicate area code %q (first at line %d)", n.Code, first.Line)
				} else {
					y.d.Errorf(m.src("code"), "duplicate code %q in %s (first at line %d)", n.Code, parentKey, first.Line)
				}
				continue
			}
			seen[nc] = m.src("code")
		}
		out = append(out, n)
	}
	return out
}

func loadExtras(y *yfile, nodes []*yaml.Node, what string) []par.Extra {
	var out []par.Extra
	for _, en := range nodes {
		m := y.fields(en, what+" item", "code", "title", "max")
		e := par.Extra{Src: y.at(en)}
		if m.need("code") {
			e.Code = m.str("code")
		}
		if m.need("title") {
			e.Title = m.str("title")
		}
		if m.need("max") {
			e.Max, _ = m.points("max")
			if e.Max < 0 {
				y.d.Errorf(m.src("max"), "max %s of %s %s must not be negative", e.Max, what, e.Code)
			}
		}
		out = append(out, e)
	}
	return out
}

// checkOverlaps: one framework per group and year.
func checkOverlaps(d *diag.List, fs []*par.Framework) {
	for i, f := range fs {
		for _, o := range fs[:i] {
			for _, g := range f.Groups {
				if !contains(o.Groups, g) {
					continue
				}
				lo, hi := max(f.From, o.From), minTo(f.To, o.To)
				if hi == 0 || lo <= hi {
					d.Errorf(f.Src, "framework %q overlaps %q (%s) for group %q in %d", f.ID, o.ID, o.Src, g, lo)
				}
			}
		}
	}
}

// minTo is the earlier of two "to" years, 0 meaning open-ended.
func minTo(a, b int) int {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	}
	return min(a, b)
}

// normCode makes codes comparable: "1.1." = "1.1", "a)" = "a", "I" = "i".
func normCode(c string) string {
	c = strings.TrimSpace(c)
	c = strings.TrimLeft(c, "(")
	c = strings.TrimRight(c, ".):- ")
	return strings.ToLower(c)
}
