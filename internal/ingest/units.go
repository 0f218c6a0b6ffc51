package ingest

import (
	"io/fs"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"parindex/internal/diag"
	"parindex/internal/par"
)

var eventKinds = []par.EventKind{par.EventCreated, par.EventRenamed, par.EventMergedInto, par.EventMergedFrom, par.EventDissolved}

// eventRef remembers where an event's unit references were written, for the
// second pass that checks them once every unit id is known.
type eventRef struct {
	unit  *par.Unit
	index int          // into unit.Events
	nodes []*yaml.Node // one per referenced unit
}

// loadUnits reads data/units.yaml into a registry and validates it.
func loadUnits(fsys fs.FS, d *diag.List) *par.Registry {
	reg := &par.Registry{}
	// Without the file, every unit and group named anywhere is unknown:
	// those errors are consequences of this one.
	n0 := d.Len()
	data, ok := readText(fsys, unitsPath, d)
	if !ok {
		d.MarkRoot(n0, diag.KeyRegistry+"|"+diag.KeyResults)
		return reg
	}
	y := &yfile{path: unitsPath, d: d}
	root, ok := y.parse(data)
	top := y.fields(root, "units.yaml", "groups", "units")
	if ok && (!top.need("groups") || !top.need("units")) {
		ok = false
	}
	if !ok {
		d.MarkRoot(n0, diag.KeyRegistry+"|"+diag.KeyResults)
	}

	groupAt := map[string]par.Source{}
	parentNode := map[*par.Group]*yaml.Node{}
	for i, gn := range top.seq("groups") {
		m := y.fields(gn, "group", "id", "name", "name_en", "unranked", "parent_group")
		g := &par.Group{Order: i, Src: y.at(gn)}
		if m.need("id") {
			g.ID = m.str("id")
			if !slugID.MatchString(g.ID) {
				d.Errorf(m.src("id"), "group id %q is not a slug (use a-z, 0-9 and \"-\")", g.ID)
			}
		}
		if m.need("name") {
			g.Name = m.str("name")
		}
		g.NameEn = m.str("name_en")
		g.Unranked = m.boolean("unranked")
		g.ParentGroup = m.str("parent_group")
		if g.ParentGroup != "" {
			parentNode[g] = m.vals["parent_group"]
		}
		if g.ID == "" {
			continue
		}
		if first, dup := groupAt[g.ID]; dup {
			d.Errorf(m.src("id"), "duplicate group id %q (first at line %d)", g.ID, first.Line)
			continue
		}
		groupAt[g.ID] = m.src("id")
		reg.Groups = append(reg.Groups, g)
	}
	for _, g := range reg.Groups {
		if g.ParentGroup == "" {
			continue
		}
		switch _, ok := groupAt[g.ParentGroup]; {
		case g.ParentGroup == g.ID:
			d.Errorf(y.at(parentNode[g]), "group %q cannot be its own parent_group", g.ID)
			g.ParentGroup = ""
		case !ok:
			d.Because(diag.GroupKey(g.ParentGroup)).Errorf(y.at(parentNode[g]), "unknown group %q%s", g.ParentGroup, groupHint(reg, g.ParentGroup))
			g.ParentGroup = ""
		}
	}

	unitAt := map[string]par.Source{}
	var refs []eventRef
	parents := map[*par.Unit]*yaml.Node{}
	nameSrcs := map[*par.Unit][]par.Source{} // names then aliases, in order
	fromSrcs := map[*par.Unit][]par.Source{} // of each name's from, or the name entry
	for _, un := range top.seq("units") {
		n0 := d.Len()
		m := y.fields(un, "unit", "id", "group", "name", "name_en", "names", "aliases", "parent", "events")
		u := &par.Unit{Src: y.at(un)}
		if m.need("id") {
			u.ID = m.str("id")
			if !slugID.MatchString(u.ID) {
				d.Errorf(m.src("id"), "unit id %q is not a slug (use a-z, 0-9 and \"-\")", u.ID)
			}
		}
		if m.need("group") {
			u.Group = m.str("group")
			if _, ok := groupAt[u.Group]; !ok {
				n := d.Len()
				d.Because(diag.GroupKey(u.Group)).Errorf(m.src("group"), "unknown group %q%s", u.Group, groupHint(reg, u.Group))
				// Its results have no framework and no ranking.
				d.MarkRoot(n, diag.FrameworkKey(u.Group)+"|"+diag.UnitKey(m.str("id")))
			}
		}
		switch {
		case m.has("name") && m.has("names"):
			d.Errorf(m.src("names"), "use either name or names, not both")
		case m.has("names"):
			if m.has("name_en") {
				d.Errorf(m.src("name_en"), "name_en goes inside each entry of names")
			}
			var prev par.Date
			for i, nn := range m.seq("names") {
				nm := y.fields(nn, "name entry", "name", "name_en", "from")
				var n par.Name
				if nm.need("name") {
					n.Name = nm.str("name")
				}
				n.NameEn = nm.str("name_en")
				if nm.has("from") {
					n.From, _ = nm.date("from")
				}
				switch {
				case i > 0 && n.From.IsZero() && !nm.has("from"):
					d.Errorf(y.at(nn), "name %q needs a from date (only the first name may omit it)", n.Name)
				case i > 0 && !n.From.IsZero() && !prev.Before(n.From):
					d.Errorf(nm.src("from"), "names must be in date order: %s is not after %s", n.From.ISO(), prev.ISO())
				}
				if !n.From.IsZero() {
					prev = n.From
				}
				u.Names = append(u.Names, n)
				nameSrcs[u] = append(nameSrcs[u], y.at(nn))
				fromSrcs[u] = append(fromSrcs[u], nm.src("from"))
			}
			if len(u.Names) == 0 {
				d.Errorf(m.src("names"), "names must list at least one name")
			}
		default:
			if m.need("name") {
				u.Names = []par.Name{{Name: m.str("name"), NameEn: m.str("name_en")}}
				nameSrcs[u] = append(nameSrcs[u], m.src("name"))
				fromSrcs[u] = append(fromSrcs[u], m.src("name"))
			}
		}
		aliases, aliasNodes := m.strs("aliases")
		for i, a := range aliases {
			if a == "" {
				continue
			}
			u.Aliases = append(u.Aliases, a)
			nameSrcs[u] = append(nameSrcs[u], y.at(aliasNodes[i]))
		}
		if m.has("parent") {
			u.Parent = m.str("parent")
			parents[u] = m.vals["parent"]
		}
		for _, en := range m.seq("events") {
			em := y.fields(en, "event", "date", "type", "unit", "units", "note")
			e := par.Event{Src: y.at(en), Note: em.text("note")}
			if em.need("date") {
				e.Date, _ = em.date("date")
			}
			if em.need("type") {
				e.Kind = par.EventKind(em.str("type"))
				if !contains(kindNames(), string(e.Kind)) {
					d.Errorf(em.src("type"), "unknown event type %q (want %s)", e.Kind, strings.Join(kindNames(), ", "))
				}
			}
			var nodes []*yaml.Node
			if em.has("unit") && em.has("units") {
				d.Errorf(em.src("units"), "use either unit or units, not both")
			}
			if em.has("unit") {
				e.Units = []string{em.str("unit")}
				nodes = []*yaml.Node{em.vals["unit"]}
			} else {
				e.Units, nodes = em.strs("units")
			}
			switch e.Kind {
			case par.EventMergedInto:
				if len(e.Units) != 1 {
					d.Errorf(e.Src, "merged-into needs exactly one successor unit")
				}
			case par.EventMergedFrom:
				if len(e.Units) == 0 {
					d.Errorf(e.Src, "merged-from needs the units it absorbed")
				}
			case par.EventRenamed:
				if len(e.Units) > 0 {
					d.Errorf(em.src("units"), "renamed takes no units (a rename is recorded in names: the new name with its from date)")
				}
			}
			u.Events = append(u.Events, e)
			refs = append(refs, eventRef{unit: u, index: len(u.Events) - 1, nodes: nodes})
		}
		if u.ID == "" {
			// Workbooks naming this unit cannot find it: this entry's
			// errors are the cause.
			d.MarkRoot(n0, nameKeys(u))
			continue
		}
		if first, dup := unitAt[u.ID]; dup {
			n := d.Len()
			d.Errorf(m.src("id"), "duplicate unit id %q (first at line %d)", u.ID, first.Line)
			d.MarkRoot(n, nameKeys(u))
			continue
		}
		unitAt[u.ID] = m.src("id")
		reg.Units = append(reg.Units, u)
	}
	reg.Index()

	for _, u := range reg.Units {
		checkParent(y, reg, u, parents[u])
		checkLifetime(d, u)
		checkRenames(d, u, fromSrcs[u])
	}
	for _, r := range refs {
		if reg.Unit(r.unit.ID) != r.unit {
			continue // a dropped duplicate
		}
		e := &r.unit.Events[r.index]
		for i, id := range e.Units {
			src := e.Src
			if i < len(r.nodes) {
				src = y.at(r.nodes[i])
			}
			switch {
			case id == r.unit.ID:
				d.Errorf(src, "event refers to the unit itself")
			case reg.Unit(id) == nil:
				d.Because(diag.UnitKey(id)).Errorf(src, "unknown unit %q%s", id, unitHint(reg, id))
			}
		}
	}
	checkMergers(d, reg)
	checkAmbiguousNames(d, reg, nameSrcs)
	return reg
}

func kindNames() []string {
	out := make([]string, len(eventKinds))
	for i, k := range eventKinds {
		out[i] = string(k)
	}
	return out
}

// checkParent: a unit's parent must be a unit of its group's parent_group.
func checkParent(y *yfile, reg *par.Registry, u *par.Unit, n *yaml.Node) {
	if u.Parent == "" {
		return
	}
	src := y.at(n)
	p := reg.Unit(u.Parent)
	g := reg.Group(u.Group)
	switch {
	case u.Parent == u.ID:
		y.d.Errorf(src, "unit %q cannot be its own parent", u.ID)
	case p == nil:
		y.d.Because(diag.UnitKey(u.Parent)).Errorf(src, "unknown unit %q%s", u.Parent, unitHint(reg, u.Parent))
	case g == nil:
		// the unknown group is reported already
	case g.ParentGroup == "":
		y.d.Errorf(src, "group %q has no parent_group, so its units cannot have a parent", g.ID)
	case p.Group != g.ParentGroup:
		y.d.Errorf(src, "parent %q is in group %q, not in %q (the parent_group of %q)", p.ID, p.Group, g.ParentGroup, g.ID)
	}
}

// checkLifetime: at most one end, created before it ends.
func checkLifetime(d *diag.List, u *par.Unit) {
	var end, start *par.Event
	for i := range u.Events {
		e := &u.Events[i]
		switch e.Kind {
		case par.EventMergedInto, par.EventDissolved:
			if end != nil {
				d.Errorf(e.Src, "unit %q already ceased by the %s event at line %d", u.ID, end.Kind, end.Src.Line)
				continue
			}
			end = e
		case par.EventCreated:
			if start != nil {
				d.Errorf(e.Src, "unit %q already has a created event at line %d", u.ID, start.Src.Line)
				continue
			}
			start = e
		}
	}
	if start != nil && end != nil && !start.Date.IsZero() && !end.Date.IsZero() && !start.Date.Before(end.Date) {
		d.Errorf(end.Src, "unit %q ceases on %s, not after it was created on %s", u.ID, end.Date.ISO(), start.Date.ISO())
	}
}

// checkMergers: merged-into and merged-from should describe each merger
// from both sides; a missing side is a warning, a different date an error.
func checkMergers(d *diag.List, reg *par.Registry) {
	find := func(u *par.Unit, kind par.EventKind, other string) *par.Event {
		for i := range u.Events {
			e := &u.Events[i]
			if e.Kind == kind && contains(e.Units, other) {
				return e
			}
		}
		return nil
	}
	for _, u := range reg.Units {
		for i := range u.Events {
			e := &u.Events[i]
			switch e.Kind {
			case par.EventMergedInto:
				if len(e.Units) != 1 {
					continue
				}
				s := reg.Unit(e.Units[0])
				if s == nil || s == u {
					continue
				}
				back := find(s, par.EventMergedFrom, u.ID)
				switch {
				case back == nil:
					d.Warnf(e.Src, "merged into %q, but %q has no merged-from event listing %q", s.ID, s.ID, u.ID)
				case back.Date != e.Date:
					d.Errorf(e.Src, "merged into %q on %s, but %q lists the merger on %s (line %d)", s.ID, e.Date.ISO(), s.ID, back.Date.ISO(), back.Src.Line)
				}
			case par.EventMergedFrom:
				for _, id := range e.Units {
					p := reg.Unit(id)
					if p == nil || p == u {
						continue
					}
					if find(p, par.EventMergedInto, u.ID) == nil {
						d.Warnf(e.Src, "merged from %q, but %q has no merged-into event naming %q", p.ID, p.ID, u.ID)
					}
				}
			}
		}
	}
}

// checkAmbiguousNames: two units must not share a matching key while both
// names are in force, or workbooks naming it could not be resolved.
func checkAmbiguousNames(d *diag.List, reg *par.Registry, srcs map[*par.Unit][]par.Source) {
	type seen struct {
		e   nameEntry
		src par.Source
	}
	byKey := map[string][]seen{}
	for _, u := range reg.Units {
		for i, e := range unitNameEntries(u) {
			if e.key == "" {
				continue
			}
			src := u.Src
			if i < len(srcs[u]) {
				src = srcs[u][i]
			}
			clash := false
			for _, o := range byKey[e.key] {
				if o.e.unit != u && overlaps(o.e.from, o.e.to, e.from, e.to) {
					d.Errorf(src, "name %q is ambiguous: unit %q has the same name (line %d) at the same time", e.text, o.e.unit.ID, o.src.Line)
					clash = true
					break
				}
			}
			if !clash {
				byKey[e.key] = append(byKey[e.key], seen{e, src})
			}
		}
	}
}

// nameEntry is one name or alias of a unit with the period it is in force:
// [from, to), zero meaning unbounded.
type nameEntry struct {
	unit     *par.Unit
	text     string
	key      string // canonical matching key
	from, to par.Date
}

// unitNameEntries lists a unit's names (each until the next one takes
// effect) then its aliases (for the unit's whole life).
func unitNameEntries(u *par.Unit) []nameEntry {
	start, end := u.Start(), u.End()
	var out []nameEntry
	for i, n := range u.Names {
		e := nameEntry{unit: u, text: n.Name, key: nameKey(n.Name), from: n.From, to: end}
		if e.from.IsZero() || e.from.Before(start) {
			e.from = start
		}
		if i+1 < len(u.Names) && !u.Names[i+1].From.IsZero() {
			e.to = u.Names[i+1].From
		}
		out = append(out, e)
	}
	for _, a := range u.Aliases {
		out = append(out, nameEntry{unit: u, text: a, key: nameKey(a), from: start, to: end})
	}
	return out
}

// overlaps reports whether [a1, b1) and [a2, b2) intersect; zero bounds are
// open ends.
func overlaps(a1, b1, a2, b2 par.Date) bool {
	before := func(x, y par.Date) bool { // x < y with x a start, y an end
		return x.IsZero() || y.IsZero() || x.Before(y)
	}
	return before(a1, b2) && before(a2, b1)
}

// sortedIDs is for messages that list units.
func sortedIDs(us []*par.Unit) string {
	ids := make([]string, len(us))
	for i, u := range us {
		ids[i] = u.ID
	}
	sort.Strings(ids)
	return strings.Join(ids, ", ")
}

// checkRenames: a rename is recorded as a name with the date it took
// effect (its from); see FORMATS.md, "Renaming". A renamed event is
// optional and, if written, must fall on the from date of a name; every
// name must take effect within the unit's life. A rename written only in
// names gets its event here, so the unit's lineage shows it either way.
func checkRenames(d *diag.List, u *par.Unit, fromSrcs []par.Source) {
	start, end := u.Start(), u.End()
	at := func(i int) par.Source {
		if i < len(fromSrcs) {
			return fromSrcs[i]
		}
		return u.Src
	}
	starts := map[par.Date]bool{}
	var dates []string
	for i, n := range u.Names {
		if n.From.IsZero() {
			continue
		}
		switch {
		case !start.IsZero() && n.From.Before(start):
			d.Errorf(at(i), "name %q takes effect on %s, before unit %q was created on %s", n.Name, n.From.ISO(), u.ID, start.ISO())
		case !end.IsZero() && !n.From.Before(end):
			d.Errorf(at(i), "name %q takes effect on %s, when unit %q had already ceased on %s", n.Name, n.From.ISO(), u.ID, end.ISO())
		}
		if i > 0 {
			starts[n.From] = true
			dates = append(dates, n.From.ISO())
		}
	}
	events := map[par.Date]bool{}
	for _, e := range u.Events {
		if e.Kind != par.EventRenamed || e.Date.IsZero() {
			continue
		}
		if events[e.Date] {
			d.Errorf(e.Src, "unit %q has two renamed events on %s", u.ID, e.Date.ISO())
			continue
		}
		events[e.Date] = true
		switch {
		case starts[e.Date]:
		case len(u.Names) <= 1:
			d.Errorf(e.Src, "renamed event on %s, but unit %q has only one name: record the rename in names, the old name first, then {name: <new name>, from: %s}", e.Date.ISO(), u.ID, e.Date.ISO())
		case len(dates) == 0:
			d.Errorf(e.Src, "renamed event on %s, but no name of unit %q has a from date: give the new name from: %s", e.Date.ISO(), u.ID, e.Date.ISO())
		default:
			d.Errorf(e.Src, "renamed event on %s, but no name of unit %q takes effect that day (its names take effect on %s); a rename's date is the from of its new name", e.Date.ISO(), u.ID, strings.Join(dates, ", "))
		}
	}
	for i, n := range u.Names {
		if i == 0 || n.From.IsZero() || events[n.From] {
			continue
		}
		e := par.Event{Kind: par.EventRenamed, Date: n.From, Src: at(i)}
		j := 0
		for j < len(u.Events) && (u.Events[j].Date.IsZero() || !n.From.Before(u.Events[j].Date)) {
			j++
		}
		u.Events = append(u.Events[:j], append([]par.Event{e}, u.Events[j:]...)...)
	}
}

// nameKeys is the fault key of "no unit bears these names": the names and
// aliases of a unit entry that could not be registered.
func nameKeys(u *par.Unit) string {
	var ks []string
	for _, n := range u.Names {
		if k := nameKey(n.Name); k != "" {
			ks = append(ks, diag.NameKey(k))
		}
	}
	for _, a := range u.Aliases {
		if k := nameKey(a); k != "" {
			ks = append(ks, diag.NameKey(k))
		}
	}
	return strings.Join(ks, "|")
}
