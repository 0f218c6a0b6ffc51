package par

// Group is a ranking group (khối): units ranked against each other. Groups
// are configuration, not a fixed list.
type Group struct {
	ID          string
	Name        string
	NameEn      string
	Order       int    // display order on the home page
	Unranked    bool   // scored and published but not ranked (e.g. special agencies)
	ParentGroup string // the group of its units' parents, e.g. communes → districts
	Src         Source
}

// Name is a unit's name from a date on.
type Name struct {
	Name   string
	NameEn string
	From   Date // zero: since the beginning
}

// EventKind is a lineage event.
type EventKind string

const (
	EventCreated    EventKind = "created"     // established (Units: what it was formed from, if any)
	EventRenamed    EventKind = "renamed"     // a new name took effect (see Names)
	EventMergedInto EventKind = "merged-into" // ceased; continued by Units[0]
	EventMergedFrom EventKind = "merged-from" // absorbed Units
	EventDissolved  EventKind = "dissolved"   // ceased without successor (Units may list who took over its tasks)
)

// Event is one change in a unit's lineage.
type Event struct {
	Kind  EventKind
	Date  Date
	Units []string
	Note  string
	Src   Source
}

// Unit is a ranked body with a stable identity across renames and mergers.
type Unit struct {
	ID      string   // stable; also the URL slug
	Names   []Name   // ascending by From
	Aliases []string // other spellings seen in workbooks
	Group   string
	Parent  string // e.g. a commune's district
	Events  []Event
	Src     Source
}

// NameAt returns the name in force at the end of the results year.
func (u *Unit) NameAt(year int) Name {
	end := Date{year, 12, 31}
	var n Name
	for i, nm := range u.Names {
		if i == 0 || !end.Before(nm.From) {
			n = nm
		}
	}
	return n
}

// Current is the latest name.
func (u *Unit) Current() Name {
	if len(u.Names) == 0 {
		return Name{Name: u.ID}
	}
	return u.Names[len(u.Names)-1]
}

// End returns the date the unit ceased (merged or dissolved), or zero.
func (u *Unit) End() Date {
	for _, e := range u.Events {
		if e.Kind == EventMergedInto || e.Kind == EventDissolved {
			return e.Date
		}
	}
	return Date{}
}

// Start returns the date the unit was created, or zero if it always existed.
func (u *Unit) Start() Date {
	for _, e := range u.Events {
		if e.Kind == EventCreated {
			return e.Date
		}
	}
	return Date{}
}

// ExistedAt reports whether the unit existed on 31 December of year, the
// rule for being listed in that year's ranking: created on or before that
// day, and not merged or dissolved on or before it.
func (u *Unit) ExistedAt(year int) bool {
	end := Date{Year: year, Month: 12, Day: 31}
	if s := u.Start(); !s.IsZero() && end.Before(s) {
		return false
	}
	if e := u.End(); !e.IsZero() && !end.Before(e) {
		return false
	}
	return true
}

// Registry holds the ranking groups and units.
type Registry struct {
	Groups []*Group // in display order
	Units  []*Unit  // in file order

	units  map[string]*Unit
	groups map[string]*Group
}

// NewRegistry makes a registry with its lookup indexes built.
func NewRegistry(groups []*Group, units []*Unit) *Registry {
	r := &Registry{Groups: groups, Units: units}
	r.Index()
	return r
}

// Index (re)builds the lookup maps. The registry's maker calls it once,
// before the registry is shared: readers never fill the maps themselves,
// so concurrent readers need no lock.
func (r *Registry) Index() {
	r.units = make(map[string]*Unit, len(r.Units))
	for _, u := range r.Units {
		r.units[u.ID] = u
	}
	r.groups = make(map[string]*Group, len(r.Groups))
	for _, g := range r.Groups {
		r.groups[g.ID] = g
	}
}

// Unit finds a unit by id.
func (r *Registry) Unit(id string) *Unit {
	return r.units[id]
}

// Group finds a group by id.
func (r *Registry) Group(id string) *Group {
	return r.groups[id]
}

// Predecessors lists the units that merged into u (directly), in registry order.
func (r *Registry) Predecessors(id string) []*Unit {
	var out []*Unit
	for _, u := range r.Units {
		for _, e := range u.Events {
			if e.Kind == EventMergedInto && len(e.Units) > 0 && e.Units[0] == id {
				out = append(out, u)
			}
		}
	}
	return out
}

// Successor returns the unit u merged into, or nil.
func (r *Registry) Successor(id string) *Unit {
	u := r.Unit(id)
	if u == nil {
		return nil
	}
	for _, e := range u.Events {
		if e.Kind == EventMergedInto && len(e.Units) > 0 {
			return r.Unit(e.Units[0])
		}
	}
	return nil
}

// Children lists units whose parent is id, in registry order.
func (r *Registry) Children(id string) []*Unit {
	var out []*Unit
	for _, u := range r.Units {
		if u.Parent == id {
			out = append(out, u)
		}
	}
	return out
}
