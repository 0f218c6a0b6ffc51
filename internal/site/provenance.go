package site

import (
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"

	"parindex/internal/baseurl"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// Provenance a reader can follow (issue 13, item 3). Every figure names
// the workbook, sheet and cell it comes from and whether it was published
// or computed. The workbooks themselves are published beside the pages,
// under /files/bang-diem/<year>/…, with their SHA-256, so that a reader
// can open the very cell; the project's own paths (data/scores/…) are
// never shown. Each page that shows figures ends with a "Nguồn số liệu"
// section (readable without JavaScript): the decisions that published
// them and the workbooks they come from, each with its link, size and
// SHA-256. static/js/source.js turns every figure into a button that
// opens the figure's full source on tap, click or keyboard focus.

// urlSourceFiles is where the source workbooks are published.
const urlSourceFiles = "/files/bang-diem/"

// scoresDir is where the project keeps its workbooks (ingest's scoresDir).
const scoresDir = "data/scores/"

// SourceFile is a source workbook as the site publishes it.
type SourceFile struct {
	Path   string // in the project, "data/scores/2023/so.xlsx"
	URL    string // site-relative, SourceURL(Path)
	Size   int64
	SHA256 string // hex
}

// SourceURL is the site-relative URL a project workbook is published at:
// "data/scores/2023/xa/Huyện An Lâm.xlsx" → "/files/bang-diem/2023/xa/huyen-an-lam.xlsx".
// Each folder and the file's name are slugs (the site's URLs are plain
// ASCII); "" for a file outside data/scores/.
func SourceURL(p string) string {
	rel, ok := strings.CutPrefix(p, scoresDir)
	if !ok || rel == "" {
		return ""
	}
	segs := strings.Split(rel, "/")
	for i, s := range segs {
		ext := ""
		if i == len(segs)-1 {
			ext = strings.ToLower(path.Ext(s))
			s = strings.TrimSuffix(s, path.Ext(s))
		}
		slug := viet.Slug(s)
		if slug == "" {
			slug = "tep"
		}
		segs[i] = slug + ext
	}
	return urlSourceFiles + strings.Join(segs, "/")
}

// publicName is how pages and data files name a source file: its public
// path without "/files/" ("bang-diem/2023/so.xlsx"); a file outside the
// workbooks only by its base name.
func publicName(file string) string {
	if u := SourceURL(file); u != "" {
		return strings.TrimPrefix(u, "/files/")
	}
	if file == "" {
		return ""
	}
	return path.Base(file)
}

// publicSource is par.Source.String with the file's public name:
// "bang-diem/2023/so.xlsx: Phụ lục!F20".
func publicSource(s par.Source) string {
	if s.File == "" {
		return ""
	}
	s.File = publicName(s.File)
	return s.String()
}

// SourceFiles lists the workbooks the results cite, sorted: the files a
// build publishes under /files/bang-diem/.
func SourceFiles(res *par.Results) []string {
	if res == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, rk := range res.Rankings {
		for _, r := range rk.Results {
			resultFiles(r, seen)
		}
	}
	return slices.Sorted(func(yield func(string) bool) {
		for f := range seen {
			if !yield(f) {
				return
			}
		}
	})
}

// ResultFiles lists the workbooks a result's figures cite, in the order
// first cited.
func ResultFiles(r *par.Result) []string {
	seen := map[string]bool{}
	resultFiles(r, seen)
	return slices.Sorted(mapKeys(seen))
}

// resultFiles adds to seen the workbooks a result's figures cite.
func resultFiles(r *par.Result, seen map[string]bool) {
	add := func(s par.Source) {
		if strings.HasPrefix(s.File, scoresDir) {
			seen[s.File] = true
		}
	}
	for _, f := range []par.Figure{r.Total, r.Index, r.Appraised, r.Survey, r.Satisfaction, r.SelfTotal, r.Bonus, r.Penalty} {
		add(f.Src)
	}
	add(r.Rank.Src)
	add(r.ParentRank.Src)
	add(r.Band.Src)
	for _, a := range r.Areas {
		add(a.Points.Src)
	}
	var walk func(ns []*par.NodeResult)
	walk = func(ns []*par.NodeResult) {
		for _, n := range ns {
			add(n.Src)
			add(n.Self.Src)
			add(n.Appraised.Src)
			walk(n.Children)
		}
	}
	walk(r.Tree)
}

// provenance is what the "Nguồn số liệu" sections are built from, once
// per Render.
type provenance struct {
	base    baseurl.Base
	sources map[string]SourceFile // by project path
	// rankingFiles are the workbooks each ranking's results cite, sorted,
	// and rankingDocs its decisions, by RankingKey.
	rankingFiles map[string][]string
	rankingDocs  map[string][]*par.Doc
	publisher    string
	site         par.Site
	allRankings  []string // every ranking's key, in results order
	lang         *lang    // the pages' language (set by newEnv)
}

// hasRanking reports whether the results hold the ranking of group in
// year (whose data files then exist).
func (pv *provenance) hasRanking(year int, group string) bool {
	_, ok := pv.rankingDocs[RankingKey(year, group)]
	return ok
}

func newProvenance(in *Input, base baseurl.Base) *provenance {
	p := &provenance{base: base, sources: in.Sources, rankingFiles: map[string][]string{},
		rankingDocs: map[string][]*par.Doc{}}
	if in.Dataset != nil {
		p.publisher, p.site = in.Dataset.Site.Publisher, in.Dataset.Site
	}
	if in.Results == nil {
		return p
	}
	for _, rk := range in.Results.Rankings {
		if rk.Group == nil {
			continue
		}
		key := RankingKey(rk.Year, rk.Group.ID)
		var docs []*par.Doc
		if rk.Decision != nil {
			docs = append(docs, rk.Decision)
		}
		docs = append(docs, rk.Amendments...)
		p.rankingDocs[key] = docs
		p.allRankings = append(p.allRankings, key)
		seen := map[string]bool{}
		for _, r := range rk.Results {
			resultFiles(r, seen)
		}
		p.rankingFiles[key] = slices.Sorted(mapKeys(seen))
	}
	return p
}

func mapKeys(m map[string]bool) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// figureLister is implemented by views that name each of their main
// figures' cells in the "Nguồn số liệu" section, for readers without
// JavaScript (the unit-year page: each ranking row's "Chi tiết").
type figureLister interface {
	figureSources() []namedFigure
}

// namedFigure is a figure of a result, as the section lists it: what
// figure it is (kind, and code for an area's points), which each language
// names in its own words (label).
type namedFigure struct {
	kind   figKind
	code   string // the area's code, for figArea
	value  string
	origin par.Origin
	src    par.Source
}

// figKind is which figure of a result a namedFigure is.
type figKind int

const (
	figRank figKind = iota
	figTotal
	figIndex
	figBand
	figAppraised
	figSurvey
	figSatisfaction
	figBonus
	figPenalty
	figArea // an area's points
)

// figLabels are the figures' names, translated by lang.T.
var figLabels = [...]string{
	figRank:         "Thứ hạng",
	figTotal:        "Tổng điểm",
	figIndex:        "Chỉ số CCHC",
	figBand:         "Xếp loại",
	figAppraised:    "Điểm thẩm định",
	figSurvey:       "Điểm điều tra xã hội học",
	figSatisfaction: "Chỉ số hài lòng",
	figBonus:        "Điểm thưởng",
	figPenalty:      "Điểm trừ",
}

// label is the figure's name in l, as HTML text.
func (f namedFigure) label(l *lang) string {
	if f.kind == figArea {
		var code strings.Builder
		esc(&code, f.code)
		return l.F("Lĩnh vực %s", code.String())
	}
	return l.T(figLabels[f.kind])
}

// resultFigures lists a result's figures that have a source.
func resultFigures(r *par.Result) []namedFigure {
	var out []namedFigure
	add := func(kind figKind, code, value string, o par.Origin, src par.Source) {
		if src.File != "" && o != par.Missing {
			out = append(out, namedFigure{kind, code, value, o, src})
		}
	}
	if r.Rank.N > 0 {
		add(figRank, "", strconv.Itoa(r.Rank.N), r.Rank.Origin, r.Rank.Src)
	}
	add(figTotal, "", fmtFigure(r.Total), r.Total.Origin, r.Total.Src)
	add(figIndex, "", fmtFigure(r.Index), r.Index.Origin, r.Index.Src)
	add(figBand, "", r.Band.Name, r.Band.Origin, r.Band.Src)
	add(figAppraised, "", fmtFigure(r.Appraised), r.Appraised.Origin, r.Appraised.Src)
	add(figSurvey, "", fmtFigure(r.Survey), r.Survey.Origin, r.Survey.Src)
	add(figSatisfaction, "", fmtFigure(r.Satisfaction), r.Satisfaction.Origin, r.Satisfaction.Src)
	add(figBonus, "", fmtFigure(r.Bonus), r.Bonus.Origin, r.Bonus.Src)
	add(figPenalty, "", fmtFigure(r.Penalty), r.Penalty.Origin, r.Penalty.Src)
	for _, a := range r.Areas {
		add(figArea, a.Code, fmtFigure(a.Points), a.Points.Origin, a.Points.Src)
	}
	return out
}

// citer is implemented by views that know which results their figures
// come from (a unit's page shows its own results, not all of each
// ranking's): the page's sources are then those results' workbooks.
type citer interface {
	cited() []*par.Result
}

// pageSources are a page's decisions, each with the results years it
// publishes on the page, and its workbooks: the view's own results'
// (citer), else those of the ranking the page shows. A page showing
// several rankings (a group over the years, two years compared, the home
// page) lists its decisions and points to /du-lieu/, which lists every
// workbook: listing them all there would weigh more than the page.
func (pv *provenance) pageSources(p *Page, data any) (docs []*par.Doc, years map[*par.Doc][]int, files []string) {
	if p == nil {
		return nil, nil, nil
	}
	years = map[*par.Doc][]int{}
	addDoc := func(d *par.Doc, year int) {
		if !slices.Contains(docs, d) {
			docs = append(docs, d)
		}
		if !slices.Contains(years[d], year) {
			years[d] = append(years[d], year)
		}
	}
	if c, ok := data.(citer); ok {
		seen := map[string]bool{}
		for _, r := range c.cited() {
			resultFiles(r, seen)
			for _, d := range pv.rankingDocs[RankingKey(r.Year, r.Group)] {
				addDoc(d, r.Year)
			}
		}
		files = slices.Sorted(mapKeys(seen))
	} else {
		keys := p.Rankings
		if p.AllResults {
			keys = pv.allRankings // the home page: every decision
		}
		for _, k := range keys {
			year, _ := strconv.Atoi(k[:strings.IndexByte(k+"/", '/')])
			for _, d := range pv.rankingDocs[k] {
				addDoc(d, year)
			}
		}
		if len(p.Rankings) == 1 && !p.AllResults {
			files = pv.rankingFiles[p.Rankings[0]]
		}
	}
	for _, ys := range years {
		slices.Sort(ys)
	}
	slices.SortStableFunc(docs, func(a, b *par.Doc) int {
		switch {
		case a.Date.Before(b.Date):
			return -1
		case b.Date.Before(a.Date):
			return 1
		}
		return strings.Compare(a.Number, b.Number)
	})
	return docs, years, files
}

// section writes a page's "Nguồn số liệu": its decisions and workbooks,
// or "" for a page that shows no published figure. static/js/source.js
// reads it: a workbook's entry (li[data-file]) for its link and SHA-256,
// a decision's (li[data-year]) for the figures of those years.
func (pv *provenance) section(p *Page, data any) template.HTML {
	docs, years, files := pv.pageSources(p, data)
	if len(docs) == 0 && len(files) == 0 {
		return ""
	}
	l := pv.lang
	k := &markup{base: pv.base, lang: l}
	var b strings.Builder
	b.WriteString("\n<section class=\"provenance\" id=\"nguon-so-lieu\" aria-labelledby=\"nguon-so-lieu-tieu-de\" data-files=\"")
	k.url(&b, "/files/")
	b.WriteString("\">\n<h2 id=\"nguon-so-lieu-tieu-de\">" + l.T("Nguồn số liệu") + "</h2>\n<p>")
	if pv.publisher != "" {
		var pub strings.Builder
		esc(&pub, l.name(pv.publisher, pv.site.PublisherEn))
		b.WriteString(l.F("Số liệu trên trang này do %s công bố", pub.String()))
	} else {
		b.WriteString(l.T("Số liệu trên trang này được công bố"))
	}
	b.WriteString(" " + l.T("theo các quyết định dưới đây, từ các tệp bảng điểm gốc tải về được. Chạm, bấm hoặc dùng phím Tab để đến một số và xem nguồn của số đó: quyết định, tệp, trang tính, ô. Số có dấu") +
		" <sup class=\"computed\">†</sup> " + l.T("là số liệu tính toán theo quy tắc của bộ chỉ số, không in sẵn trong phụ lục công bố; các số khác là số liệu công bố.") + "</p>")
	if len(docs) > 0 {
		b.WriteString("\n<h3>" + l.T("Quyết định công bố") + "</h3>\n<ul class=\"src-decisions\">")
		for _, d := range docs {
			b.WriteString("\n<li data-year=\"")
			for i, y := range years[d] {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(strconv.Itoa(y))
			}
			b.WriteString(`">`)
			k.decisionRef(&b, d)
			b.WriteString("</li>")
		}
		b.WriteString("\n</ul>")
	}
	if len(files) > 0 {
		b.WriteString("\n<h3>" + l.T("Tệp bảng điểm gốc") + "</h3>\n<ul class=\"src-files\">")
		for _, f := range files {
			sf, ok := pv.sources[f]
			name := publicName(f)
			b.WriteString("\n<li data-file=\"")
			esc(&b, name)
			b.WriteString(`">`)
			if ok && sf.URL != "" {
				b.WriteString(`<a href="`)
				k.url(&b, sf.URL)
				b.WriteString(`" download>`)
				esc(&b, name)
				b.WriteString(`</a> (`)
				b.WriteString(sizeText(sf.Size))
				b.WriteString(`)<br><small class="sha">SHA-256: <code>`)
				b.WriteString(sf.SHA256)
				b.WriteString(`</code></small>`)
			} else {
				esc(&b, name)
			}
			b.WriteString("</li>")
		}
		b.WriteString("\n</ul>")
	}
	if fl, ok := data.(figureLister); ok {
		if figs := fl.figureSources(); len(figs) > 0 {
			b.WriteString("\n<h3>" + l.T("Nguồn từng số liệu") + "</h3>\n<ul class=\"src-figures\">")
			for _, f := range figs {
				b.WriteString("\n<li>")
				b.WriteString(f.label(l))
				b.WriteString(" ")
				var v strings.Builder
				esc(&v, f.value)
				b.WriteString(l.markVi(l.num(v.String())))
				b.WriteString(": ")
				esc(&b, publicName(f.src.File))
				if f.src.Sheet != "" {
					b.WriteString(", " + l.T("trang tính") + " ")
					var sh strings.Builder
					esc(&sh, f.src.Sheet)
					b.WriteString(l.markVi(sh.String()))
				}
				if f.src.Cell != "" {
					b.WriteString(", " + l.T("ô") + " ")
					esc(&b, f.src.Cell)
				}
				if f.origin == par.Computed {
					b.WriteString(" (" + l.T("số liệu tính toán từ ô này") + ")")
				} else {
					b.WriteString(" (" + l.T("số liệu công bố") + ")")
				}
				b.WriteString("</li>")
			}
			b.WriteString("\n</ul>")
		}
	}
	b.WriteString("\n<p class=\"note\">" + l.T("Mọi tệp bảng điểm gốc kèm mã kiểm tra SHA-256, và số liệu dạng CSV, XLSX, JSON:") + " <a href=\"")
	k.url(&b, urlData)
	b.WriteString("\">" + l.T("Dữ liệu mở") + "</a>.</p>\n</section>")
	return template.HTML(b.String())
}

// decisionRef writes a decision's name, linked to its page when it has one
// (template "decision-ref").
func (k *markup) decisionRef(b *strings.Builder, d *par.Doc) {
	if d.Slug != "" {
		b.WriteString(`<a href="`)
		k.url(b, decisionURL(d.Slug))
		b.WriteString(`">`)
	}
	esc(b, decisionRefName(d, k.lang))
	if d.Slug != "" {
		b.WriteString(`</a>`)
	}
}

// sizeText is a file size for readers: "812 byte", "45,2 KB", "1,3 MB"
// (decimal comma; 1 KB = 1024 bytes, as file managers count).
func sizeText(n int64) string {
	switch {
	case n < 1024:
		return strconv.FormatInt(n, 10) + " byte"
	case n < 1024*1024:
		return viet.DecimalComma(strconv.FormatFloat(float64(n)/1024, 'f', 1, 64)) + " KB"
	}
	return viet.DecimalComma(strconv.FormatFloat(float64(n)/(1024*1024), 'f', 1, 64)) + " MB"
}

// fullSource appends where a figure shown outside a big table comes from,
// for static/js/source.js: data-source="bang-diem/2023/so.xlsx: Phụ
// lục!F20" and data-computed when computed rather than published.
func fullSource(b *strings.Builder, o par.Origin, src par.Source) {
	s := publicSource(src)
	if s == "" {
		return
	}
	attr(b, "data-source", s)
	if o == par.Computed {
		b.WriteString(" data-computed")
	}
}
