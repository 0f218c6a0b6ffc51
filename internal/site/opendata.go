package site

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"parindex/internal/baseurl"
	"parindex/internal/par"
	"parindex/internal/viet"
	"parindex/internal/xlsx"
)

// Open data (issue 13, item 2). The figures of every ranking and of every
// unit are published as files a program can read, built from the same
// results as the pages (never from the workbooks again):
//
//	/du-lieu/<year>/<group>.csv   a ranking, one row per unit (UTF-8 with BOM)
//	/du-lieu/<year>/<group>.xlsx  the same rows as a workbook
//	/du-lieu/<year>/<group>.json  the same, with each figure's origin and source
//	/du-lieu/don-vi/<unit>.json   a unit: every year, every criterion
//	/du-lieu/schema/*.json        JSON Schema (draft 2020-12) of the JSON files
//	/du-lieu/README.txt           what the files are, licence, citation
//	/du-lieu/chi-so-cchc-<province>.zip  all of the above in one file
//
// Both languages' /du-lieu/ pages list each file with its size and
// SHA-256 (filer): the first of them rendered makes and writes the files,
// once per Render, before it renders, and both list what it made. The
// files are generated one at a time in path order and only the zip
// (compressed) grows in memory.

const (
	urlData                     = "/du-lieu/"
	urlDataDictionary           = "/du-lieu/tu-dien/"
	urlDataSchema               = "/du-lieu/schema/"
	urlDataReadme     sharedURL = "/du-lieu/README.txt"
	schemaRankingURL  sharedURL = urlDataSchema + "xep-hang.schema.json"
	schemaUnitURL     sharedURL = urlDataSchema + "don-vi.schema.json"
	// scriptSource opens a figure's source on tap, click or focus.
	scriptSource = "/static/js/source.js"
)

// zipTime is every zip entry's modification time: a fixed date, so that
// two builds give the same bytes.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func rankingDataURL(year int, group, ext string) sharedURL {
	return sharedURL(urlData + strconv.Itoa(year) + "/" + group + "." + ext)
}

func unitDataURL(id string) sharedURL { return sharedURL(urlData + "don-vi/" + id + ".json") }

// zipURL is the whole dataset's zip, named for the province.
func zipURL(province string) sharedURL {
	name := "chi-so-cchc"
	if s := viet.Slug(province); s != "" {
		name += "-" + s
	}
	return sharedURL(urlData + name + ".zip")
}

// filer is implemented by views that publish files both languages share
// (the open data) and list them. Render has the first such page it
// renders publish them, once (openData), before the page renders, and
// gives their list to every such page.
type filer interface {
	publish(base baseurl.Base, write func(path string, b []byte) error) ([]dataFile, error)
	listFiles(base baseurl.Base, files []dataFile)
}

// openData is the open data files of one Render, made by the first page
// that needs them; the others wait for them and read the same list.
type openData struct {
	once  sync.Once
	files []dataFile
	err   error
}

// get returns the files publish made, calling it the first time.
func (d *openData) get(publish func() ([]dataFile, error)) ([]dataFile, error) {
	d.once.Do(func() { d.files, d.err = publish() })
	return d.files, d.err
}

// dataFile is one published file, listed on /du-lieu/.
type dataFile struct {
	URL    sharedURL
	Name   string // file name
	Title  string
	Format string // "CSV", "XLSX", "JSON", "ZIP", "TXT"
	Size   int64
	SHA256 string
}

// SizeText is the size for readers.
func (f dataFile) SizeText() string { return sizeText(f.Size) }

// mimeType is a format's media type (schema.org encodingFormat).
func mimeType(format string) string {
	switch format {
	case "CSV":
		return "text/csv"
	case "XLSX":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "JSON":
		return "application/json"
	case "ZIP":
		return "application/zip"
	}
	return "text/plain"
}

// --- Cells of the ranking tables (CSV, XLSX) -----------------------------

// dcell is one cell of a ranking table: a plain number ("85.25", "-3") or
// text; "" is an empty cell (missing, never 0).
type dcell struct {
	s   string
	num bool
}

func dtext(s string) dcell { return dcell{s: s} }
func dnum(s string) dcell  { return dcell{s: s, num: s != ""} }

// dataCol is a column of the ranking tables, as the dictionary page
// explains it.
type dataCol struct {
	Key, Type, Desc string
}

// originCode is how data files say where a figure comes from.
func originCode(o par.Origin) string {
	switch o {
	case par.Published:
		return "cong_bo"
	case par.Computed:
		return "tinh_toan"
	}
	return ""
}

// rankingCols are the columns of a ranking's CSV and XLSX, in order; the
// areas' columns (areaCol) follow the figures and precede the decision.
var rankingCols = []dataCol{
	{"nam", "số nguyên", "Năm kết quả (năm được đánh giá)."},
	{"ma_khoi", "văn bản", "Mã khối xếp hạng (nhóm đơn vị được xếp hạng cùng nhau)."},
	{"ma_don_vi", "văn bản", "Mã đơn vị, ổn định qua các năm; cũng là địa chỉ trang của đơn vị (/don-vi/<mã>/)."},
	{"ten_don_vi", "văn bản", "Tên đơn vị trong năm kết quả."},
	{"ma_don_vi_cap_tren", "văn bản", "Mã đơn vị cấp trên (ví dụ huyện của một xã); trống nếu không có."},
	{"ten_don_vi_cap_tren", "văn bản", "Tên đơn vị cấp trên trong năm kết quả; trống nếu không có."},
	{"duoc_cham_diem", "true/false", "true: đơn vị được chấm điểm năm này; false: không được chấm điểm (các số liệu để trống)."},
	{"hang", "số nguyên", "Thứ hạng trong khối; trống nếu không xếp hạng (khối không xếp hạng, hoặc đơn vị không có kết quả)."},
	{"dong_hang", "true/false", "true: đơn vị đồng hạng với ít nhất một đơn vị khác; trống nếu không có thứ hạng."},
	{"hang_nguon_goc", "cong_bo / tinh_toan", "Thứ hạng là số liệu công bố (cong_bo) hay số liệu tính toán theo quy tắc của bộ chỉ số (tinh_toan); trống nếu không có thứ hạng."},
	{"hang_nguon", "văn bản", "Nơi lấy thứ hạng: tệp bảng điểm (đường dẫn sau /files/), trang tính và ô, dạng “bang-diem/2023/phu-luc.xlsx: Phụ lục!F20”."},
	{"hang_trong_cap_tren", "số nguyên", "Thứ hạng giữa các đơn vị cùng đơn vị cấp trên được xếp hạng năm đó; trống nếu không có."},
	{"so_don_vi_cap_tren", "số nguyên", "Số đơn vị cùng đơn vị cấp trên được xếp hạng năm đó (mẫu số của cột trên)."},
	{"tong_diem", "số", "Tổng điểm theo bộ chỉ số (các thành phần và điểm thưởng, điểm trừ như phương pháp của bộ chỉ số quy định); trống nếu không có số liệu."},
	{"tong_diem_nguon_goc", "cong_bo / tinh_toan", "Tổng điểm là số liệu công bố hay số liệu tính toán."},
	{"tong_diem_nguon", "văn bản", "Nơi lấy tổng điểm (tệp, trang tính, ô)."},
	{"diem_toi_da_ap_dung", "số", "Điểm tối đa áp dụng cho đơn vị: điểm tối đa của bộ chỉ số trừ các tiêu chí không áp dụng, không đánh giá."},
	{"chi_so", "số", "Chỉ số cải cách hành chính (%), trên thang 100; trống nếu không có số liệu."},
	{"chi_so_nguon_goc", "cong_bo / tinh_toan", "Chỉ số là số liệu công bố hay số liệu tính toán (tổng điểm ÷ điểm tối đa áp dụng × 100)."},
	{"chi_so_nguon", "văn bản", "Nơi lấy chỉ số (tệp, trang tính, ô)."},
	{"xep_loai", "văn bản", "Xếp loại (ví dụ Tốt, Khá); trống nếu không có."},
	{"xep_loai_nguon_goc", "cong_bo / tinh_toan", "Xếp loại là số liệu công bố hay xếp loại theo ngưỡng và quy tắc của bộ chỉ số."},
	{"xep_loai_nguon", "văn bản", "Nơi lấy xếp loại (tệp, trang tính, ô)."},
	{"diem_tham_dinh", "số", "Điểm thẩm định (đánh giá trực tiếp); trống nếu không có."},
	{"diem_dieu_tra_xhh", "số", "Điểm điều tra xã hội học; trống nếu không có."},
	{"chi_so_hai_long", "số", "Điểm chỉ số hài lòng (SIPAS); trống nếu không có."},
	{"diem_thuong", "số", "Điểm thưởng; trống nếu không có."},
	{"diem_tru", "số", "Điểm trừ, như trang web hiển thị; trống nếu không có."},
}

// areaCol is the column of an area's points ("linh_vuc_I"): its code as
// the framework prints it.
func areaCol(code string) string { return "linh_vuc_" + code }

// decisionCols close every ranking row.
var decisionCols = []dataCol{
	{"quyet_dinh_so", "văn bản", "Số quyết định công bố kết quả của khối năm đó; trống nếu chưa có quyết định."},
	{"quyet_dinh_ngay", "ngày (yyyy-mm-dd)", "Ngày ký quyết định công bố."},
}

// figCells are a figure's value, origin and source.
func figCells(f par.Figure) []dcell {
	if !f.Known() {
		return []dcell{{}, {}, {}}
	}
	return []dcell{dnum(f.Text()), dtext(originCode(f.Origin)), dtext(publicSource(f.Src))}
}

func boolCell(b bool) dcell { return dtext(strconv.FormatBool(b)) }

// tied reports results sharing their rank, by rank.
func tiedRanks(rk *par.Ranking) map[int]bool {
	n := map[int]int{}
	for _, r := range rk.Results {
		if r.Rank.N > 0 {
			n[r.Rank.N]++
		}
	}
	out := map[int]bool{}
	for k, c := range n {
		if c > 1 {
			out[k] = true
		}
	}
	return out
}

// areaCodes are the area codes of a ranking's framework, in order.
func areaCodes(rk *par.Ranking) []*par.Node {
	if rk.Framework == nil {
		return nil
	}
	return rk.Framework.Areas
}

// rankingTable is a ranking as rows of cells, header first.
func (m *model) rankingTable(rk *par.Ranking) [][]dcell {
	areas := areaCodes(rk)
	var head []dcell
	for _, c := range rankingCols {
		head = append(head, dtext(c.Key))
	}
	for _, a := range areas {
		head = append(head, dtext(areaCol(a.Code)))
	}
	for _, c := range decisionCols {
		head = append(head, dtext(c.Key))
	}
	out := [][]dcell{head}
	ties := tiedRanks(rk)
	var decNo, decDate string
	if d := rk.Decision; d != nil {
		decNo, decDate = d.Number, d.Date.ISO()
	}
	for _, r := range rk.Results {
		row := []dcell{dnum(strconv.Itoa(rk.Year)), dtext(rk.Group.ID), dtext(r.Unit.ID), dtext(r.Name)}
		if id := r.Unit.Parent; id != "" {
			row = append(row, dtext(id), dtext(m.parentNameVi(id, r.Year)))
		} else {
			row = append(row, dcell{}, dcell{})
		}
		row = append(row, boolCell(r.Scored))
		if r.Rank.N > 0 {
			row = append(row, dnum(strconv.Itoa(r.Rank.N)), boolCell(ties[r.Rank.N]), dtext(originCode(r.Rank.Origin)), dtext(publicSource(r.Rank.Src)))
		} else {
			row = append(row, dcell{}, dcell{}, dcell{}, dcell{})
		}
		if r.ParentRank.N > 0 {
			row = append(row, dnum(strconv.Itoa(r.ParentRank.N)), dnum(strconv.Itoa(r.ParentOf)))
		} else {
			row = append(row, dcell{}, dcell{})
		}
		row = append(row, figCells(r.Total)...)
		row = append(row, dnum(maxText(r)))
		row = append(row, figCells(r.Index)...)
		if r.Band.Name != "" {
			row = append(row, dtext(r.Band.Name), dtext(originCode(r.Band.Origin)), dtext(publicSource(r.Band.Src)))
		} else {
			row = append(row, dcell{}, dcell{}, dcell{})
		}
		for _, f := range []par.Figure{r.Appraised, r.Survey, r.Satisfaction, r.Bonus, r.Penalty} {
			row = append(row, dnum(f.Text()))
		}
		for _, a := range areas {
			row = append(row, dnum(areaFigure(r, a.Code).Text()))
		}
		row = append(row, dtext(decNo), dtext(decDate))
		out = append(out, row)
	}
	return out
}

// maxText is a scored result's applicable maximum, "" when unknown.
func maxText(r *par.Result) string {
	if !r.Scored || r.Max <= 0 {
		return ""
	}
	return r.Max.String()
}

// areaFigure is a result's points in the area of code, missing if none.
func areaFigure(r *par.Result, code string) par.Figure {
	for _, a := range r.Areas {
		if a.Code == code {
			return a.Points
		}
	}
	return par.Figure{}
}

// tableCSVData writes a table as CSV the way the charts' CSVs are
// written (csv.go): BOM, CRLF, plain numbers, formula-leading text
// neutralised.
func tableCSVData(rows [][]dcell) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	for _, row := range rows {
		out := make([]string, len(row))
		for i, c := range row {
			if c.num {
				out[i] = c.s
			} else {
				out[i] = csvCell(c.s, false)
			}
		}
		_ = w.Write(out) // a bytes.Buffer does not fail
	}
	w.Flush()
	return b.Bytes()
}

// tableXLSX writes a table as a workbook: the table on the first sheet
// (numbers as numbers, the header row frozen) and a sheet of notes.
func tableXLSX(title string, rows [][]dcell, notes []string) ([]byte, error) {
	data := xlsx.WSheet{Name: "Dữ liệu", FreezeRows: 1, ColWidths: map[int]float64{}}
	for i, row := range rows {
		for j, c := range row {
			cell := xlsx.WCell{Row: i + 1, Col: j + 1}
			switch {
			case i == 0:
				cell.Text, cell.Style = c.s, xlsx.StyleBold
			case c.num:
				v, err := strconv.ParseFloat(c.s, 64)
				if err != nil {
					return nil, fmt.Errorf("%s: %q is not a number", title, c.s)
				}
				cell.Num = xlsx.Float(v)
			case c.s == "":
				continue
			default:
				cell.Text = c.s
			}
			data.Cells = append(data.Cells, cell)
		}
	}
	for j := range rows[0] {
		data.ColWidths[j+1] = 14
	}
	note := xlsx.WSheet{Name: "Ghi chú", ColWidths: map[int]float64{1: 120}}
	for i, n := range notes {
		note.Cells = append(note.Cells, xlsx.WCell{Row: i + 1, Col: 1, Text: n})
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, xlsx.WBook{Title: title, Sheets: []xlsx.WSheet{data, note}}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// --- JSON -------------------------------------------------------------------

type jSource struct {
	File  string `json:"tep"`
	Sheet string `json:"trang_tinh,omitempty"`
	Cell  string `json:"o,omitempty"`
	Line  int    `json:"dong,omitempty"`
}

type jFig struct {
	Value  *json.Number `json:"gia_tri"`
	Origin *string      `json:"nguon_goc"`
	Source *jSource     `json:"nguon"`
}

type jRank struct {
	Value  *int     `json:"gia_tri"`
	Tied   *bool    `json:"dong_hang"`
	Origin *string  `json:"nguon_goc"`
	Source *jSource `json:"nguon"`
}

type jBand struct {
	Value  *string  `json:"gia_tri"`
	Origin *string  `json:"nguon_goc"`
	Source *jSource `json:"nguon"`
}

type jRankWithin struct {
	Value int `json:"gia_tri"`
	Of    int `json:"so_don_vi"`
}

type jRef struct {
	ID   string `json:"ma"`
	Name string `json:"ten"`
}

type jArea struct {
	Code   string       `json:"ma"`
	Title  string       `json:"ten"`
	Max    *json.Number `json:"diem_toi_da"`
	Points jFig         `json:"diem"`
}

type jDecision struct {
	Number string `json:"so"`
	Date   string `json:"ngay"`
	Title  string `json:"tieu_de"`
	URL    string `json:"duong_dan"`
}

// jResult is a unit's result in a year: a ranking's row, and a year of a
// unit's file.
type jResult struct {
	UnitID       string       `json:"ma_don_vi"`
	Name         string       `json:"ten_don_vi"`
	Parent       *jRef        `json:"don_vi_cap_tren"`
	Scored       bool         `json:"duoc_cham_diem"`
	Rank         jRank        `json:"hang"`
	ParentRank   *jRankWithin `json:"hang_trong_cap_tren"`
	Total        jFig         `json:"tong_diem"`
	Max          *json.Number `json:"diem_toi_da_ap_dung"`
	Index        jFig         `json:"chi_so"`
	Band         jBand        `json:"xep_loai"`
	Appraised    jFig         `json:"diem_tham_dinh"`
	Survey       jFig         `json:"diem_dieu_tra_xhh"`
	Satisfaction jFig         `json:"chi_so_hai_long"`
	Bonus        jFig         `json:"diem_thuong"`
	Penalty      jFig         `json:"diem_tru"`
	Areas        []jArea      `json:"linh_vuc"`
}

type jFramework struct {
	ID       string       `json:"ma"`
	Title    string       `json:"ten"`
	Max      *json.Number `json:"diem_toi_da"`
	Decimals int          `json:"so_chu_so_thap_phan"`
}

type jRanking struct {
	Schema     string      `json:"luoc_do"`
	Files      string      `json:"thu_muc_tep"`
	Year       int         `json:"nam"`
	Group      jRef        `json:"khoi"`
	Ranked     bool        `json:"xep_hang"`
	Framework  *jFramework `json:"bo_chi_so"`
	Decision   *jDecision  `json:"quyet_dinh"`
	Amendments []jDecision `json:"quyet_dinh_sua_doi"`
	Results    []jResult   `json:"ket_qua"`
}

type jName struct {
	Name string  `json:"ten"`
	From *string `json:"tu_ngay"`
}

type jNode struct {
	Code      string       `json:"ma"`
	Title     string       `json:"ten"`
	Max       *json.Number `json:"diem_toi_da"`
	Status    string       `json:"trang_thai"`
	Self      jFig         `json:"tu_cham"`
	Appraised jFig         `json:"tham_dinh"`
	Lost      *json.Number `json:"diem_bi_mat"`
	Remark    *string      `json:"y_kien"`
	Source    *jSource     `json:"nguon"`
	Children  []jNode      `json:"tieu_chi"`
}

type jUnitYear struct {
	Year       int    `json:"nam"`
	Group      string `json:"ma_khoi"`
	Framework  string `json:"ma_bo_chi_so"`
	Detail     bool   `json:"co_phieu_cham"`
	Incomplete bool   `json:"phieu_cham_chua_du"`
	jResult
	Decision *jDecision `json:"quyet_dinh"`
	Criteria []jNode    `json:"tieu_chi"`
}

type jUnit struct {
	Schema string      `json:"luoc_do"`
	Files  string      `json:"thu_muc_tep"`
	ID     string      `json:"ma_don_vi"`
	Name   string      `json:"ten"`
	Names  []jName     `json:"ten_goi"`
	Group  string      `json:"ma_khoi"`
	Parent *jRef       `json:"don_vi_cap_tren"`
	Page   string      `json:"trang"`
	Years  []jUnitYear `json:"cac_nam"`
}

// dataLinks makes the URLs inside data files: absolute when the base URL
// names a host, else under the base path.
type dataLinks struct{ base baseurl.Base }

func (l dataLinks) url(u string) string {
	if a := l.base.Abs(u); a != "" {
		return a
	}
	return l.base.Path + strings.TrimPrefix(u, "/")
}

func (l dataLinks) source(s par.Source) *jSource {
	if s.File == "" {
		return nil
	}
	return &jSource{File: publicName(s.File), Sheet: s.Sheet, Cell: s.Cell, Line: s.Line}
}

func strp(s string) *string { return &s }

func nump(s string) *json.Number {
	if s == "" {
		return nil
	}
	n := json.Number(s)
	return &n
}

func (l dataLinks) fig(f par.Figure) jFig {
	if !f.Known() {
		return jFig{}
	}
	return jFig{Value: nump(f.Text()), Origin: strp(originCode(f.Origin)), Source: l.source(f.Src)}
}

func (l dataLinks) decision(d *par.Doc) *jDecision {
	if d == nil {
		return nil
	}
	j := &jDecision{Number: d.Number, Date: d.Date.ISO(), Title: d.Title}
	if d.Slug != "" {
		j.URL = l.url(decisionURL(d.Slug))
	}
	return j
}

func (m *model) jsonResult(l dataLinks, r *par.Result, tied bool) jResult {
	j := jResult{UnitID: r.Unit.ID, Name: r.Name, Scored: r.Scored, Max: nump(maxText(r)),
		Total: l.fig(r.Total), Index: l.fig(r.Index), Appraised: l.fig(r.Appraised), Survey: l.fig(r.Survey),
		Satisfaction: l.fig(r.Satisfaction), Bonus: l.fig(r.Bonus), Penalty: l.fig(r.Penalty), Areas: []jArea{}}
	if id := r.Unit.Parent; id != "" {
		j.Parent = &jRef{ID: id, Name: m.parentNameVi(id, r.Year)}
	}
	if r.Rank.N > 0 {
		n := r.Rank.N
		j.Rank = jRank{Value: &n, Tied: &tied, Origin: strp(originCode(r.Rank.Origin)), Source: l.source(r.Rank.Src)}
	}
	if r.ParentRank.N > 0 {
		j.ParentRank = &jRankWithin{Value: r.ParentRank.N, Of: r.ParentOf}
	}
	if r.Band.Name != "" {
		j.Band = jBand{Value: strp(r.Band.Name), Origin: strp(originCode(r.Band.Origin)), Source: l.source(r.Band.Src)}
	}
	var maxOf map[string]par.Points
	if r.Framework != nil {
		maxOf = map[string]par.Points{}
		for _, a := range r.Framework.Areas {
			maxOf[a.Code] = a.Max
		}
	}
	for _, a := range r.Areas {
		ja := jArea{Code: a.Code, Title: a.Title, Points: l.fig(a.Points)}
		mx := a.Max
		if mx <= 0 {
			mx = maxOf[a.Code]
		}
		if mx > 0 {
			ja.Max = nump(mx.String())
		}
		j.Areas = append(j.Areas, ja)
	}
	return j
}

func (m *model) rankingJSON(l dataLinks, rk *par.Ranking) ([]byte, error) {
	j := jRanking{Schema: l.url(string(schemaRankingURL)), Files: l.url("/files/"), Year: rk.Year, Group: jRef{ID: rk.Group.ID, Name: rk.Group.Name},
		Ranked: !rk.Group.Unranked, Decision: l.decision(rk.Decision), Amendments: []jDecision{}, Results: []jResult{}}
	if f := rk.Framework; f != nil {
		j.Framework = &jFramework{ID: f.ID, Title: f.Title, Max: nump(f.Max().String()), Decimals: f.Decimals}
	}
	for _, d := range rk.Amendments {
		j.Amendments = append(j.Amendments, *l.decision(d))
	}
	ties := tiedRanks(rk)
	for _, r := range rk.Results {
		j.Results = append(j.Results, m.jsonResult(l, r, ties[r.Rank.N]))
	}
	return marshalData(j)
}

// nodeStatus says how a criterion stands: scored, not applicable, not
// evaluated, or missing (applicable, no appraised score: never 0).
func nodeStatus(n *par.NodeResult) string {
	switch {
	case n.NA && n.NotEvaluated:
		return "khong_danh_gia"
	case n.NA:
		return "khong_ap_dung"
	case n.Appraised.Known():
		return "co_diem"
	}
	return "thieu_diem"
}

func (l dataLinks) nodes(ns []*par.NodeResult) []jNode {
	out := []jNode{}
	for _, n := range ns {
		j := jNode{Status: nodeStatus(n), Self: l.fig(n.Self), Appraised: l.fig(n.Appraised), Source: l.source(n.Src),
			Children: l.nodes(n.Children)}
		if n.Node != nil {
			j.Code, j.Title = n.Node.Code, n.Node.Title
			j.Max = nump(n.Node.Max.String())
		}
		// The self-assessed points' cell is the appraised one's row: its
		// source would only repeat the row's (nguon) in every criterion.
		j.Self.Source = nil
		if n.NA {
			j.Self, j.Appraised = jFig{}, jFig{}
		} else if n.Appraised.Known() {
			j.Lost = nump(n.Lost.Format(n.Appraised.Decimals))
		}
		if n.Remark != "" {
			j.Remark = strp(n.Remark)
		}
		out = append(out, j)
	}
	return out
}

func (m *model) unitJSON(l dataLinks, u *par.Unit) ([]byte, error) {
	cur := u.Current()
	j := jUnit{Schema: l.url(string(schemaUnitURL)), Files: l.url("/files/"), ID: u.ID, Name: cur.Name, Group: u.Group, Page: l.url(unitURL(u.ID)),
		Names: []jName{}, Years: []jUnitYear{}}
	for _, n := range u.Names {
		jn := jName{Name: n.Name}
		if !n.From.IsZero() {
			jn.From = strp(n.From.ISO())
		}
		j.Names = append(j.Names, jn)
	}
	if u.Parent != "" {
		name := u.Parent
		if p := m.unitByID[u.Parent]; p != nil {
			name = p.Current().Name
		}
		j.Parent = &jRef{ID: u.Parent, Name: name}
	}
	for _, r := range m.res.ByUnit[u.ID] {
		rk := m.rankings[rkKey{r.Year, r.Group}]
		tied := false
		var dec *par.Doc
		if rk != nil {
			tied = tiedRanks(rk)[r.Rank.N] && r.Rank.N > 0
			dec = rk.Decision
		}
		y := jUnitYear{Year: r.Year, Group: r.Group, Detail: r.Detail, Incomplete: r.Incomplete,
			jResult: m.jsonResult(l, r, tied), Decision: l.decision(dec), Criteria: l.nodes(r.Tree)}
		if r.Framework != nil {
			y.Framework = r.Framework.ID
		}
		j.Years = append(j.Years, y)
	}
	return marshalData(j)
}

// marshalData is JSON with one value a line, not indented (a unit's
// criteria trees nest deep: indentation doubled the files), ending in a
// newline. encoding/json escapes <, > and & inside strings, so the files
// are safe to show anywhere.
func marshalData(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// --- The whole dataset --------------------------------------------------------

// dataJob is one file of the dataset, generated when its turn comes.
type dataJob struct {
	url    sharedURL
	title  string
	format string
	gen    func() ([]byte, error)
}

// dataJobs lists every file of the dataset but the zip, by URL.
func (m *model) dataJobs(l dataLinks) []dataJob {
	var jobs []dataJob
	site := m.ds.Site
	for _, rk := range m.res.Rankings {
		rk := rk
		name := rk.Group.Name + " năm " + strconv.Itoa(rk.Year)
		table := func() [][]dcell { return m.rankingTable(rk) }
		jobs = append(jobs,
			dataJob{rankingDataURL(rk.Year, rk.Group.ID, "csv"), name, "CSV", func() ([]byte, error) { return tableCSVData(table()), nil }},
			dataJob{rankingDataURL(rk.Year, rk.Group.ID, "xlsx"), name, "XLSX", func() ([]byte, error) {
				return tableXLSX(name, table(), m.xlsxNotes(l, rk))
			}},
			dataJob{rankingDataURL(rk.Year, rk.Group.ID, "json"), name, "JSON", func() ([]byte, error) { return m.rankingJSON(l, rk) }},
		)
	}
	for _, u := range m.reg.Units {
		u := u
		jobs = append(jobs, dataJob{unitDataURL(u.ID), u.Current().Name, "JSON", func() ([]byte, error) { return m.unitJSON(l, u) }})
	}
	jobs = append(jobs,
		dataJob{schemaRankingURL, "Lược đồ JSON của tệp một bảng xếp hạng", "JSON", func() ([]byte, error) { return []byte(schemaRanking), nil }},
		dataJob{schemaUnitURL, "Lược đồ JSON của tệp một đơn vị", "JSON", func() ([]byte, error) { return []byte(schemaUnit), nil }},
		dataJob{urlDataReadme, "Giới thiệu bộ dữ liệu, giấy phép, cách trích dẫn", "TXT", func() ([]byte, error) { return []byte(m.readme(l, site)), nil }},
	)
	slices.SortFunc(jobs, func(a, b dataJob) int { return strings.Compare(string(a.url), string(b.url)) })
	return jobs
}

// xlsxNotes is the notes sheet of a ranking's workbook.
func (m *model) xlsxNotes(l dataLinks, rk *par.Ranking) []string {
	s := m.ds.Site
	notes := []string{
		titleOr(s.Title) + " — " + rk.Group.Name + ", năm " + strconv.Itoa(rk.Year),
	}
	if d := rk.Decision; d != nil {
		notes = append(notes, "Công bố theo "+decisionRefName(d, m.lang.set.vi)+".")
	}
	notes = append(notes,
		"Mỗi dòng là một đơn vị; ý nghĩa từng cột: "+l.url(urlDataDictionary),
		"Ô trống: không có số liệu (không phải số 0).",
		"Nguồn: "+l.url(rankingURL(rk.Year, rk.Group.ID)),
		licenceLine(s),
	)
	return notes
}

// parentNameVi is a parent unit's name in the data files: Vietnamese,
// whichever language's /du-lieu/ page makes them (openData).
func (m *model) parentNameVi(id string, year int) string {
	if u := m.unitByID[id]; u != nil {
		return u.NameAt(year).Name
	}
	return id
}

func titleOr(t string) string {
	if t == "" {
		return "Chỉ số cải cách hành chính"
	}
	return t
}

// licenceLine states the licence of the data, or that none is stated.
func licenceLine(s par.Site) string {
	if s.DataLicense == "" {
		return "Giấy phép: đơn vị công bố chưa nêu giấy phép sử dụng lại dữ liệu này; hãy hỏi đơn vị công bố trước khi sử dụng lại."
	}
	line := "Giấy phép: " + s.DataLicense
	if s.DataLicenseURL != "" {
		line += " (" + s.DataLicenseURL + ")"
	}
	return line + "."
}

// citation is the suggested citation of the dataset, in the language lg
// (README.txt's is Vietnamese): an English page cites the English title
// when given, and marks what it can only give in Vietnamese.
func (m *model) citation(l dataLinks, lg *lang) string {
	s := m.ds.Site
	var b strings.Builder
	if !lg.vi() && s.PublisherEn != "" {
		b.WriteString(s.PublisherEn + ". ")
	} else if s.Publisher != "" {
		b.WriteString(lg.markVi(s.Publisher))
		b.WriteString(". ")
	}
	if !lg.vi() && s.TitleEn != "" {
		b.WriteString(s.TitleEn)
	} else {
		b.WriteString(lg.markVi(titleOr(s.Title)))
	}
	if ys := m.res.Years; len(ys) > 0 {
		years := strconv.Itoa(ys[0])
		if ys[len(ys)-1] != ys[0] {
			years += "–" + strconv.Itoa(ys[len(ys)-1])
		}
		b.WriteString(lg.F(", dữ liệu các năm %s", years))
	}
	b.WriteString(". " + l.url(urlData))
	if s.DataLicense != "" {
		b.WriteString(". " + lg.F("Giấy phép %s", lg.markVi(s.DataLicense)))
	}
	b.WriteString(". " + lg.T("Truy cập ngày …"))
	return b.String()
}

// readme is README.txt, inside the zip and beside the downloads.
func (m *model) readme(l dataLinks, s par.Site) string {
	var b strings.Builder
	line := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteString("\r\n")
	}
	title := titleOr(s.Title)
	line(title, " — dữ liệu mở")
	line(strings.Repeat("=", len([]rune(title))+13))
	line()
	if s.Sample {
		line("DỮ LIỆU MINH HỌA — KHÔNG PHẢI KẾT QUẢ CHÍNH THỨC. Mọi tên và số liệu là giả định.")
		line()
	}
	if s.Publisher != "" {
		line("Đơn vị công bố: ", s.Publisher)
	}
	if s.Province != "" {
		line("Địa bàn: tỉnh ", s.Province)
	}
	if ys := m.res.Years; len(ys) > 0 {
		line("Các năm kết quả: ", strconv.Itoa(ys[0]), "–", strconv.Itoa(ys[len(ys)-1]))
	}
	line("Trang dữ liệu: ", l.url(urlData))
	line("Từ điển dữ liệu (ý nghĩa từng cột, từng trường): ", l.url(urlDataDictionary))
	line()
	line("Các tệp")
	line("-------")
	line("<năm>/<khối>.csv   Bảng xếp hạng của một khối trong một năm: mỗi dòng một đơn vị.")
	line("                   UTF-8 có BOM, dấu phẩy ngăn cột, số viết dạng 85.25 (dấu chấm thập phân).")
	line("<năm>/<khối>.xlsx  Cùng bảng ấy dạng bảng tính Excel, kèm trang “Ghi chú”.")
	line("<năm>/<khối>.json  Cùng bảng ấy dạng JSON, mỗi số liệu kèm nguồn gốc (công bố hay tính toán)")
	line("                   và nơi lấy (tệp bảng điểm, trang tính, ô).")
	line("don-vi/<mã>.json   Một đơn vị: mọi năm, mọi tiêu chí (điểm tối đa, tự chấm, thẩm định, điểm bị mất, ý kiến).")
	line("schema/*.json      Lược đồ JSON Schema (bản 2020-12) của hai loại tệp JSON trên.")
	line()
	line("Quy ước")
	line("-------")
	line("- Ô trống (CSV, XLSX) hoặc null (JSON): không có số liệu. Không bao giờ thay bằng số 0.")
	line("- nguon_goc = cong_bo: số liệu in trong phụ lục kèm quyết định công bố;")
	line("  tinh_toan: số liệu tính từ phiếu chấm điểm hoặc từ các số đã công bố theo quy tắc của bộ chỉ số.")
	line("- Tiêu chí: trang_thai = co_diem (có điểm), khong_ap_dung (không áp dụng), khong_danh_gia")
	line("  (không đánh giá) hoặc thieu_diem (áp dụng nhưng phiếu chấm chưa có điểm thẩm định).")
	line("- Tệp bảng điểm gốc được công bố tại ", l.url("/files/bang-diem/"), "…; mã SHA-256 của từng tệp")
	line("  (bảng điểm gốc và các tệp dữ liệu này) liệt kê tại ", l.url(urlData), ".")
	line("- Văn bản trong CSV bắt đầu bằng =, +, -, @ được thêm dấu ' phía trước để bảng tính không coi là công thức.")
	line()
	line("Giấy phép")
	line("---------")
	line(licenceLine(s))
	line()
	line("Trích dẫn đề nghị")
	line("-----------------")
	line(m.citation(l, m.lang.set.vi))
	return b.String()
}

// publishData generates every file of the dataset in URL order, writes
// each, and the zip of them all; it returns the files listed, the zip
// last.
func (m *model) publishData(l dataLinks, write func(string, []byte) error) ([]dataFile, error) {
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	var files []dataFile
	for _, j := range m.dataJobs(l) {
		b, err := j.gen()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", j.url, err)
		}
		// Hashed and zipped before it is written: a Transient writer
		// may reuse the bytes once WriteFile returns.
		files = append(files, newDataFile(j.url, j.title, j.format, b))
		h := &zip.FileHeader{Name: strings.TrimPrefix(string(j.url), urlData), Method: zip.Deflate, Modified: zipTime}
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(b); err != nil {
			return nil, err
		}
		if err := write(OutputPath(string(j.url)), b); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	zu := zipURL(m.ds.Site.Province)
	files = append(files, newDataFile(zu, "Toàn bộ dữ liệu (một tệp nén)", "ZIP", zb.Bytes()))
	if err := write(OutputPath(string(zu)), zb.Bytes()); err != nil {
		return nil, err
	}
	return files, nil
}

func newDataFile(url sharedURL, title, format string, b []byte) dataFile {
	sum := sha256.Sum256(b)
	return dataFile{URL: url, Name: path.Base(string(url)), Title: title, Format: format, Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:])}
}
