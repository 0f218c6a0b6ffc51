package site

import (
	"parindex/internal/chart"
	"parindex/internal/par"
)

// The view types below are what the templates see as .Data. They hold
// pointers into the dataset and results plus the few strings that are
// easier to decide in Go than in a template (URLs, change arrows, notes).
// URLs are site-relative; templates add the base path with `url`.

// link is a titled site-relative URL; an empty URL renders as plain text.
type link struct {
	Title string
	URL   string
}

// meta is embedded in every view: the page's short breadcrumb label and
// which scripts it needs.
type meta struct {
	Crumb    string
	Sortable bool // the page has a sortable table: load site.js
}

func (m meta) crumb() string { return m.Crumb }

type crumber interface{ crumb() string }

// completer is implemented by views whose expensive parts (chart options,
// criteria trees) are built by the render workers rather than by Plan, so
// that this work runs in parallel. complete must not modify the receiver.
type completer interface {
	complete() (any, error)
}

// change is a result's movement since the previous year, ready to print.
type change struct {
	Known     bool
	Rank      string // "▲2", "▼1", "–" or "" when the rank cannot be compared
	Dir       string // "up", "down" or "same", for the stylesheet
	RankSR    string // the same for screen readers: "tăng 2 bậc"
	RankSort  string // data-sort value
	Index     string // "+1,25" or ""
	IndexSort string
	Notes     []string // why a comparison needs care
	Via       link     // the predecessor compared with, if any
}

// rankRow is one unit's row in a ranking table.
type rankRow struct {
	R         *par.Result
	URL       string // the unit's page
	YearURL   string // the unit-year page, "" when not scored
	BandClass string
	BandSort  string // band position for sorting (0 = best), "" when none
	Change    change
}

type bandCount struct {
	Name  string
	Class string
	N     int
}

type homeGroup struct {
	Group    *par.Group
	Year     int
	URL      string
	Scored   int
	Ranked   int
	Top      []rankRow
	Bottom   []rankRow
	Bands    []bandCount
	Years    []link
	Unranked bool
	Final    bool // no results after Year: the group's last published ranking
}

type homePage struct {
	meta
	Groups    []homeGroup
	Decision  *par.Doc
	Years     []link
	Narrative *par.Doc
	Computed  bool
	Recorded  bool // some figure shown is a recorded difference (‡): explain the mark
}

type yearItem struct {
	Year      int
	URL       string
	Rankings  []link
	Decisions []*par.Doc
}

type yearsPage struct {
	meta
	Years []yearItem
}

type rankingSummary struct {
	Group  *par.Group
	URL    string
	Scored int
	Ranked int
	First  *rankRow
	Last   *rankRow
	Bands  []bandCount
}

type yearPage struct {
	meta
	Year       int
	Rankings   []rankingSummary
	Narrative  *par.Doc
	Decisions  []*par.Doc
	Prev, Next link
}

type rankingPage struct {
	meta
	Ranking     *par.Ranking
	Group       *par.Group
	Year        int
	Framework   *par.Framework
	Rows        []rankRow // ranked and unranked scored results, then not scored
	Ranked      bool      // the group is ranked (not Group.Unranked)
	Cols        struct{ Appraised, Survey, Satisfaction, Change bool }
	Computed    bool // some figure shown is computed: show the legend
	Recorded    bool // some figure shown is a recorded difference (‡): explain the mark
	Bands       []bandCount
	ChangeNotes []string // notes shared by every change, shown once
	Decision    *par.Doc
	Narrative   *par.Doc
	Method      string // methodology URL of the framework
	Prev        link
	Next        link
	Charts      []chart.Chart
}

// Span is the number of columns after the unit's name, for the row of a
// unit that was not scored.
func (p rankingPage) Span() int {
	n := 4 // total, index, band, details
	for _, b := range []bool{p.Cols.Appraised, p.Cols.Survey, p.Cols.Satisfaction, p.Cols.Change, p.Cols.Change && p.Ranked} {
		if b {
			n++
		}
	}
	return n
}

type unitItem struct {
	Name   string
	URL    string
	Parent string
	Ended  string // "đã sáp nhập", "đã giải thể" or ""
}

type unitGroup struct {
	ID    string
	Name  string
	Units []unitItem
}

type unitsPage struct {
	meta
	Groups []unitGroup
}

// unitYearRow is one year of a unit's (or a predecessor's) history.
type unitYearRow struct {
	R         *par.Result
	Unit      link // set in the predecessors' table
	URL       string
	Ranking   string // the ranking page
	Of        int    // ranked units in the ranking
	BandClass string
}

type formerName struct {
	Name  string
	From  par.Date
	Until par.Date
}

// note is a sentence with links in it: Before Links[0], Links[1]… After.
type note struct {
	Before string
	Links  []link
	After  string
}

type unitPage struct {
	meta
	Unit        *par.Unit
	Name        string
	NameEn      string
	Group       link
	Parent      link
	FormerNames []formerName
	Ended       string
	Rows        []unitYearRow
	PredRows    []unitYearRow
	Notes       []note
	Children    []unitItem
	Narrative   *par.Doc
	Computed    bool
	Recorded    bool // some figure shown is a recorded difference (‡): explain the mark
	Charts      []chart.Chart

	history []*par.Result
	profile *par.Result
	stats   []par.AreaStat
}

// treeRow is one node of a unit-year's criteria tree, flattened and
// formatted in Go. A tree has a hundred or more rows and every template
// action costs a reflective call (field lookup, escaper), so a row is nine
// finished strings: the template only places them. Computed sums are
// marked by the row's classes ("cs", "ca"), which the stylesheet turns
// into the dagger.
type treeRow struct {
	Class   string // "lvl-2 area lost na cs ca"
	Code    string
	Title   string
	Max     string // "Không áp dụng" for a criterion not applicable to the unit
	Self    string
	ApprSrc string // sheet!cell of the appraised score
	Appr    string
	Lost    string
	Remark  string
}

type unitYearPage struct {
	meta
	Unit      *par.Unit
	R         *par.Result
	Ranking   link
	Of        int
	BandClass string
	Change    change
	Tree      []treeRow
	TreeSrc   string           // workbook and sheet of the criteria tree
	Areas     []par.AreaResult // area points, maxima filled from the framework
	Computed  bool
	Recorded  bool // some figure shown is a recorded difference (‡): explain the mark
	Narrative *par.Doc
	Method    string
	Prev      link
	Next      link
	Charts    []chart.Chart
	Recon     []*par.Reconciliation // recorded differences of this unit-year
	Missing   []string              // criteria without an appraised score (incomplete sheet)
}

// reconPage is the public list of recorded differences between the
// publication decisions and the rules ("Đối chiếu số liệu").
type reconPage struct {
	meta
	Rows []reconRow
}

type reconRow struct {
	R        *par.Reconciliation
	Unit     link
	UnitYear string // the unit-year page, "" if none
	Cells    []string
}

type decisionsPage struct {
	meta
	Docs []*par.Doc
}

type decisionPage struct {
	meta
	Doc         *par.Doc
	Groups      []link
	Attachments []link
	// Amends and Replaces are the decisions this one changes, ChangedBy
	// the later ones that amend or replace it.
	Amends, Replaces, ChangedBy []link
}

type extraView struct {
	Code  string
	Title string
	Max   par.Points
}

type areaView struct {
	Code     string
	Title    string
	Max      par.Points
	Criteria int
	Sub      int
	Lead     link
}

type methodMax struct {
	Method string
	Max    par.Points
}

type bandView struct {
	Name  string
	Range string
	Class string
}

type frameworkView struct {
	F        *par.Framework
	Groups   []link
	Validity string
	Basis    string
	Areas    []areaView
	Max      par.Points
	Methods  []methodMax
	Bonus    []extraView
	Penalty  []extraView
	Bands    []bandView
	Rules    []string
	Note     []string // paragraphs of the framework's note, as text
	Rankings []link
}

type methodologyPage struct {
	meta
	Frameworks []frameworkView
	Unranked   []link // groups scored but never ranked
}

type freePage struct {
	meta
	Doc *par.Doc
}

type notFoundPage struct {
	meta
}
