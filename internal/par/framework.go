package par

import "strings"

// Method says how a leaf of the framework is scored.
type Method string

const (
	MethodSelf         Method = "self"         // self-assessment checked by appraisal (tự đánh giá, thẩm định)
	MethodSurvey       Method = "survey"       // sociological survey (điều tra xã hội học)
	MethodSatisfaction Method = "satisfaction" // citizen satisfaction survey (SIPAS)
)

// Methods lists the scoring methods in display order.
var Methods = []Method{MethodSelf, MethodSurvey, MethodSatisfaction}

// Basis is what a ranking group is ranked on.
type Basis string

const (
	BasisIndex  Basis = "index"  // points ÷ applicable maximum × 100 (the default)
	BasisPoints Basis = "points" // total points
)

// Ties is how a ranking numbers units with equal values.
type Ties string

const (
	TiesCompetition Ties = "competition" // 1, 2, 2, 4 (the default)
	TiesDense       Ties = "dense"       // 1, 2, 2, 3
)

// Dense reports whether equal values are followed by the next rank
// rather than by a gap.
func (f *Framework) Dense() bool { return f.Ties == TiesDense }

// Node is an area, criterion or sub-criterion of a framework.
type Node struct {
	Key     string // unique within its framework: the codes from the area down, joined by "/" ("I/1/1.1")
	Code    string // as printed on the scoring sheet: "I", "1", "1.1", "a"
	Title   string
	TitleEn string
	Max     Points
	Method  Method // effective method: for inner nodes, the method of all leaves if they agree, else ""
	Lead    string // lead agency (unit id), usually on areas
	// Required marks a criterion that applies to every unit: marking it not
	// applicable is an error. Inherited by the items below.
	Required bool
	Level    int // 1 area, 2 criterion, 3 and deeper sub-criterion
	Children []*Node
	Src      Source
}

// Leaf reports a node that gets scored directly.
func (n *Node) Leaf() bool { return len(n.Children) == 0 }

// Walk visits n and its descendants in document order.
func (n *Node) Walk(fn func(*Node)) {
	fn(n)
	for _, c := range n.Children {
		c.Walk(fn)
	}
}

// Band is a classification (xếp loại) with its inclusive lower bound on the
// framework's basis (percent for index, points for points).
type Band struct {
	ID     string
	Name   string
	NameEn string
	Min    Points
}

// RuleKind names a special classification rule.
type RuleKind string

// RuleChildBandShare is Bắc Kạn's rule: a unit keeps its band only if at least
// Num/Den of its child units (in ChildGroup, parent = this unit) reach that
// band or higher; otherwise it drops one band. If the children's results are
// incomplete the unit is not classified.
const RuleChildBandShare RuleKind = "child-band-share"

// Rule is an optional special rule of a framework.
type Rule struct {
	Kind       RuleKind
	ChildGroup string
	Num, Den   int
	Text       string // description for the methodology page
	TextEn     string
	Src        Source
}

// Extra is a bonus or penalty item (điểm thưởng, điểm phạt) with its maximum.
type Extra struct {
	Code  string
	Title string
	Max   Points
	Src   Source
}

// Framework is a versioned scoring framework (bộ chỉ số) for one or more
// ranking groups over a period of years.
type Framework struct {
	ID       string
	Title    string
	TitleEn  string
	Groups   []string
	From, To int // results years covered, inclusive; To == 0 means still in force
	Basis    Basis
	Decimals int  // display precision of published figures, usually 2
	Ties     Ties // how equal values share ranks; "" is competition
	Bands    []Band
	// PublishedBands: the bands have no lower bounds; the publisher sets
	// the cut-offs each time, so a band is shown as published and never
	// computed or checked.
	PublishedBands bool
	Rules          []Rule
	Areas          []*Node
	Bonus          []Extra
	Penalty        []Extra
	Note           string // markdown shown on the methodology page
	Src            Source

	// Previous is the id of the framework this one replaces ("" when it
	// declares none), and AreaMap links its areas to Previous's: only
	// mapped areas are compared across the change (rule "comparisons
	// across a framework change"; see CompareArea).
	Previous string
	AreaMap  []AreaLink

	byKey map[string]*Node
}

// Covers reports whether f applies to group in year.
func (f *Framework) Covers(group string, year int) bool {
	if year < f.From || (f.To != 0 && year > f.To) {
		return false
	}
	for _, g := range f.Groups {
		if g == group {
			return true
		}
	}
	return false
}

// Max is the framework's full maximum: the sum of its areas.
func (f *Framework) Max() Points {
	var s Points
	for _, a := range f.Areas {
		s += a.Max
	}
	return s
}

// BonusMax and PenaltyMax are the sums of the extras' maxima.
func (f *Framework) BonusMax() Points   { return extrasMax(f.Bonus) }
func (f *Framework) PenaltyMax() Points { return extrasMax(f.Penalty) }

func extrasMax(es []Extra) Points {
	var s Points
	for _, e := range es {
		s += e.Max
	}
	return s
}

// Walk visits every node in document order.
func (f *Framework) Walk(fn func(*Node)) {
	for _, a := range f.Areas {
		a.Walk(fn)
	}
}

// Leaves returns the scored leaves in document order.
func (f *Framework) Leaves() []*Node {
	var ls []*Node
	f.Walk(func(n *Node) {
		if n.Leaf() {
			ls = append(ls, n)
		}
	})
	return ls
}

// Node finds a node by key.
func (f *Framework) Node(key string) *Node {
	return f.byKey[key]
}

// Index (re)builds the key index and fills Key, Level and inherited Method.
// The framework's maker (ingest, or a test) calls it once after building
// the tree and before sharing it: readers never build the index
// themselves, so concurrent readers need no lock.
func (f *Framework) Index() {
	f.byKey = map[string]*Node{}
	var fill func(n *Node, prefix []string, level int, method Method, required bool)
	fill = func(n *Node, prefix []string, level int, method Method, required bool) {
		path := append(append([]string(nil), prefix...), n.Code)
		n.Key = strings.Join(path, "/")
		n.Level = level
		if n.Method == "" {
			n.Method = method
		}
		n.Required = n.Required || required
		f.byKey[n.Key] = n
		for _, c := range n.Children {
			fill(c, path, level+1, n.Method, n.Required)
		}
		if len(n.Children) > 0 {
			// An inner node's method is the common method of its leaves.
			m := n.Children[0].Method
			for _, c := range n.Children[1:] {
				if c.Method != m {
					m = ""
				}
			}
			n.Method = m
		}
	}
	for _, a := range f.Areas {
		fill(a, nil, 1, MethodSelf, false)
	}
}

// BandFor returns the band whose lower bound v reaches (bands sorted by Min,
// highest first), or nil if v is below every band.
func (f *Framework) BandFor(v Points) *Band {
	if f.PublishedBands {
		return nil
	}
	for i := range f.Bands {
		if v >= f.Bands[i].Min {
			return &f.Bands[i]
		}
	}
	return nil
}

// BandIndex returns the position of band id in f.Bands (0 = best), or -1.
func (f *Framework) BandIndex(id string) int {
	for i, b := range f.Bands {
		if b.ID == id {
			return i
		}
	}
	return -1
}
