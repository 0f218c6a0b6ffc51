package par

// Site is the project's configuration (data/site.yaml).
type Site struct {
	Title     string // e.g. "Chỉ số cải cách hành chính tỉnh Hòa Bình Xanh"
	TitleEn   string
	Province  string
	Publisher string // e.g. "Sở Nội vụ tỉnh …"
	// PublisherEn is the publisher's name in English ("Department of Home
	// Affairs of … Province"), for the English pages.
	PublisherEn string
	Sample      bool   // label every page as sample data
	BaseURL     string // default base URL, e.g. "/"; the --base-url flag overrides
	Limits      Limits // what one build reads at most
	// NotApplicable are the project's own words for a criterion that does
	// not apply to a unit, besides the built-in "Không áp dụng", "Không
	// đánh giá", "KAD", "KĐG", "N/A".
	NotApplicable []string
	Src           Source

	// DataLicense is the licence of the open data (data_license:), with
	// the address of its text; both empty when the publisher states none.
	DataLicense, DataLicenseURL string
}

// Limits bound what one build reads, in bytes (data/site.yaml `limits:`).
type Limits struct {
	Markdown          int64 // one markdown file
	YAML              int64 // one YAML file
	Attachment        int64 // one file under content/files/
	Workbook          int64 // one .xlsx file
	WorkbookUnzipped  int64 // one workbook, decompressed
	WorkbooksUnzipped int64 // all workbooks of the project, decompressed
	WorkbookMemory    int64 // decompressed workbooks being read at once, whatever the number of workers
}

// Row is one scored row of a detail scoring sheet (phiếu chấm điểm), matched
// to a framework node.
type Row struct {
	Key       string // framework node key
	Max       Figure // as printed on the sheet
	Self      Figure // tự chấm / tự đánh giá
	Appraised Figure // điểm thẩm định / chấm thực tế
	NA        bool   // not applicable to this unit: lowers its maximum
	Evidence  string
	Remark    string // appraisers' remark (ý kiến)
	Src       Source // the row's label cell

	// NotEvaluated: with NA, the sheet says "not evaluated" (Không đánh
	// giá) rather than "not applicable"; both lower the maximum alike, but
	// open data keeps them apart.
	NotEvaluated bool
}

// Sheet is one unit-year from a detail scoring sheet.
type Sheet struct {
	Unit      string
	Year      int
	Group     string
	Framework string
	Name      string // unit name as printed in the title block
	Rows      []*Row // leaves and any printed inner rows, in sheet order
	Bonus     Figure
	Penalty   Figure
	Total     Figure // the sheet's own Tổng điểm, appraised column
	SelfTotal Figure // the sheet's Tổng điểm, self-assessed column
	Src       Source // file and sheet
	// Incomplete: an applicable leaf has no readable appraised score (no
	// row, a blank cell, text, a formula without a saved result). Such a
	// sheet is never totalled, ranked or classified: missing is not zero.
	Incomplete bool
	Missing    []string // keys of those leaves
}

// Summary is one unit's row of a published summary annex (phụ lục).
type Summary struct {
	Unit         string
	Group        string
	Year         int
	Name         string // as printed
	Total        Figure
	Appraised    Figure // điểm thẩm định / đánh giá trực tiếp
	Survey       Figure // điểm điều tra XHH
	Satisfaction Figure // SIPAS / chỉ số hài lòng
	Index        Figure // percent
	Rank         Rank
	Band         BandMark
	Areas        map[string]Figure // area code → points, when the annex has area columns
	Bonus        Figure            // điểm thưởng, when the annex has the column
	Penalty      Figure            // điểm trừ, likewise (its size: printed negative or not)
	Src          Source            // the row's name cell
	// Parent is the unit under whose heading row the annex lists this one
	// (a commune under its district), "" if none.
	Parent string
	// RankWithin: the published rank counts within Parent's units only
	// (the annex restarts its ranks under each heading).
	RankWithin bool
}

// Rank is a position in a ranking with provenance.
type Rank struct {
	N      int // 0 = not ranked
	Origin Origin
	Src    Source
}

// BandMark is a classification with provenance.
type BandMark struct {
	ID     string // framework band id, "" if unknown to the framework
	Name   string // as published or from the framework
	Origin Origin
	Src    Source
	Note   Text // why it differs from the threshold band, e.g. a special rule
}

// DocKind is the kind of a content document.
type DocKind string

const (
	DocDecision  DocKind = "decision"
	DocSite      DocKind = "site"       // home page narrative
	DocYear      DocKind = "year"       // a results year
	DocGroupYear DocKind = "group-year" // one ranking of one year
	DocUnit      DocKind = "unit"
	DocUnitYear  DocKind = "unit-year"
	DocPage      DocKind = "page" // a free page, e.g. about
)

// Attachment is a file attached to a decision (signed PDF, annex workbook).
type Attachment struct {
	Title string
	File  string // path relative to content/, copied to the site
}

// Doc is a markdown document from content/ with its front matter.
type Doc struct {
	Kind        DocKind
	Path        string // slash path relative to the project root
	Slug        string // for decisions and pages: URL segment
	Lang        string // "vi" (default) or "en"
	Title       string
	Year        int
	Group       string
	Unit        string
	Number      string // decision number, e.g. "1007/QĐ-UBND"
	Date        Date
	Issuer      string
	Signer      string
	SignerTitle string
	Groups      []string // ranking groups a decision covers
	Amends      []string // numbers of the decisions this one amends (sửa đổi, bổ sung)
	Replaces    []string // numbers of the decisions this one replaces (thay thế)
	Attachments []Attachment
	Body        []byte // markdown after the front matter
	BodyLine    int    // line of Body's first line in the file
	Src         Source
	KeySrc      map[string]Source // where each front matter key's value is written
	// Draft: the front matter says `draft: true`. A build leaves drafts
	// out unless asked for them (the preview shows them, marked).
	Draft bool
}

// Dataset is everything ingest read from a project.
type Dataset struct {
	Site       Site
	Registry   *Registry
	Frameworks []*Framework
	Sheets     []*Sheet
	Summaries  []*Summary
	Docs       []*Doc
	Assets     []string // files under content/ to copy verbatim (attachments), slash paths relative to content/
	// Reconciliations are the differences between the published decision
	// and the rules that the publisher recorded (data/reconciliation.yaml).
	Reconciliations []*Reconciliation
	// Releases are the releases `parindex publish` recorded
	// (data/releases/*.json), oldest first; Corrections the entries of
	// data/corrections.yaml, in file order.
	Releases    []*Release
	Corrections []*Correction
}

// Reconciliation is one recorded difference: a figure a publication
// decision printed although the rules (or the decision's own other
// figures) give another. The decision is the law, so the site shows the
// printed figure, marks it, and lists the difference publicly.
type Reconciliation struct {
	ID         string   // "dc-1", "dc-2"… in file order: the anchor on the public page
	Cells      []Source // the cells of the difference, as check names them
	Published  string   // the figure as the decision printed it
	Rule       string   // the figure the rules give
	Reason     string
	RecordedBy string
	Date       Date
	Decision   string // the decision's number, optional
	Src        Source // the entry in data/reconciliation.yaml

	// Filled in when the difference is found in the data.
	Kind   string // what kind of difference (a diag.Fact kind)
	What   string // the check's message
	Unit   string // unit id, if the cell is one of a unit's figures
	Year   int
	Figure string // which figure: "total", "index", "rank", "band", …
}

// Framework returns the framework covering group in year, or nil.
func (d *Dataset) Framework(group string, year int) *Framework {
	for _, f := range d.Frameworks {
		if f.Covers(group, year) {
			return f
		}
	}
	return nil
}
