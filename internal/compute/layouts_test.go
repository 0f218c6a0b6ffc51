package compute_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"parindex/internal/compute"
	"parindex/internal/ingest"
	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// The office layouts suite: the same results of one province, laid out the
// ways real offices lay out their scoring sheets and annexes, each read
// through ingest and compute and checked figure by figure (total,
// applicable maximum, index, rank, band) and diagnostic by diagnostic.
// The workbooks are drawn by the small renderer below, not by parindex's
// own writer, so reader and writer share no assumption.

const layoutUnits = `groups:
  - id: so
    name: Sở, ban, ngành
  - id: huyen
    name: UBND cấp huyện
  - id: xa
    name: UBND cấp xã
    parent_group: huyen
units:
  - {id: so-noi-vu, group: so, name: Sở Nội vụ}
  - {id: so-tu-phap, group: so, name: Sở Tư pháp}
  - {id: so-tai-chinh, group: so, name: Sở Tài chính}
  - {id: so-xay-dung, group: so, name: Sở Xây dựng}
  - {id: huyen-an-lam, group: huyen, name: Huyện An Lâm}
  - {id: huyen-bach-thuy, group: huyen, name: Huyện Bạch Thủy}
  - {id: xa-tan-an, group: xa, name: Xã Tân An, parent: huyen-an-lam}
  - {id: xa-tan-binh, group: xa, name: Xã Tân Bình}
  - {id: xa-bach-son, group: xa, name: Xã Bạch Sơn}
  - {id: xa-bach-ha, group: xa, name: Xã Bạch Hà}
`

const layoutSoFW = `id: so-2023
title: Bộ Chỉ số CCHC các sở
groups: [so]
from: 2023
bands:
  - {id: tot, name: Tốt, min: 80}
  - {id: kha, name: Khá, min: 50}
  - {id: tb, name: Trung bình, min: 0}
areas:
  - code: I
    title: Công tác chỉ đạo, điều hành
    items:
      - code: "1"
        title: Kế hoạch cải cách hành chính
        items:
          - {code: "1.1", title: Ban hành kế hoạch, max: 1}
          - {code: "1.2", title: Mức độ hoàn thành kế hoạch, max: 2}
      - {code: "2", title: Báo cáo cải cách hành chính, max: 1, required: true}
  - code: II
    title: Cải cách thủ tục hành chính
    items:
      - code: "1"
        title: Công khai thủ tục hành chính
        items:
          - {code: a, title: Cập nhật thủ tục, max: 1}
          - {code: b, title: Niêm yết thủ tục, max: 1}
      - {code: "2", title: Giải quyết thủ tục hành chính, max: 3, method: survey}
bonus:
  - {code: T1, title: Sáng kiến trong cải cách hành chính, max: 2}
penalty:
  - {code: P1, title: Vi phạm kỷ luật hành chính, max: 3}
`

const layoutLocalFW = `id: dp-2023
title: Bộ Chỉ số CCHC cấp huyện, cấp xã
groups: [huyen, xa]
from: 2023
bands:
  - {id: tot, name: Tốt, min: 80}
  - {id: kha, name: Khá, min: 50}
  - {id: tb, name: Trung bình, min: 0}
areas:
  - {code: I, title: "Công tác chỉ đạo, điều hành", max: 20}
  - {code: II, title: Cải cách thủ tục hành chính, max: 30}
  - {code: III, title: Chính quyền số, max: 50}
`

// lnode is one row of the so-2023 tree as a sheet prints it.
type lnode struct {
	code, title string
	max         string
	leaf        bool
	depth       int
}

var layoutTree = []lnode{
	{"I", "Công tác chỉ đạo, điều hành", "4", false, 1},
	{"1", "Kế hoạch cải cách hành chính", "3", false, 2},
	{"1.1", "Ban hành kế hoạch", "1", true, 3},
	{"1.2", "Mức độ hoàn thành kế hoạch", "2", true, 3},
	{"2", "Báo cáo cải cách hành chính", "1", true, 2},
	{"II", "Cải cách thủ tục hành chính", "5", false, 1},
	{"1", "Công khai thủ tục hành chính", "2", false, 2},
	{"a", "Cập nhật thủ tục", "1", true, 3},
	{"b", "Niêm yết thủ tục", "1", true, 3},
	{"2", "Giải quyết thủ tục hành chính", "3", true, 2},
}

// lunit is a unit's appraised (and self-assessed) leaf scores in tree
// order: 1.1, 1.2, I/2, II/1/a, II/1/b, II/2; "na" marks not applicable.
type lunit struct {
	name        string
	appr, self  [6]string
	bonus, pen  string
	round1      [6]string // first appraisal round, for two-round sheets
	wantTotal   string    // published figures the suite expects
	wantMax     string
	wantIndex   string
	wantRank    int
	wantBand    string
	naWord      string // how "na" is written
	naSelfOnly  bool   // the mark stands in the self-assessed cell only
	sheetName   string
	fileName    string
	titleInCaps bool
}

// layoutResults are the province's results. Sở Tư pháp's "Niêm yết thủ
// tục" does not apply to it ("Không đánh giá"): its index is 6.5 of 8, not
// of 9, which puts it second, above Sở Tài chính with the same points.
func layoutResults() []lunit {
	return []lunit{
		{name: "Sở Nội vụ", appr: [6]string{"1", "1.5", "1", "1", "1", "2.5"}, self: [6]string{"1", "2", "1", "1", "1", ""},
			bonus: "0.5", pen: "0", wantTotal: "8.50", wantMax: "9", wantIndex: "94.44", wantRank: 1, wantBand: "tot"},
		{name: "Sở Tư pháp", appr: [6]string{"1", "2", "0.5", "1", "na", "2"}, self: [6]string{"1", "2", "1", "1", "na", ""},
			bonus: "0", pen: "0", wantTotal: "6.50", wantMax: "8", wantIndex: "81.25", wantRank: 2, wantBand: "tot", naWord: "Không đánh giá"},
		{name: "Sở Tài chính", appr: [6]string{"0.5", "1", "1", "1", "1", "2"}, self: [6]string{"1", "1.5", "1", "1", "1", ""},
			bonus: "0", pen: "0", wantTotal: "6.50", wantMax: "9", wantIndex: "72.22", wantRank: 3, wantBand: "kha"},
		{name: "Sở Xây dựng", appr: [6]string{"1", "1", "1", "0", "1", "2"}, self: [6]string{"1", "1", "1", "0.5", "1", ""},
			bonus: "0", pen: "0.5", wantTotal: "5.50", wantMax: "9", wantIndex: "61.11", wantRank: 4, wantBand: "kha"},
	}
}

// codeStyle is where a layout prints codes.
type codeStyle int

const (
	codeColumn          codeStyle = iota // STT column: I, 1, 1.1, a
	codeTitles                           // no code column: "1.1. Ban hành…"
	codeCounter                          // STT counts rows; "1.1. …" in the titles
	codeColumnMisleads                   // STT has the codes; titles open with other code-like phrases
	codeColumnDotted                     // "I.", "1.", "1.1", "a)" in the code column
	codeColumnNoLetters                  // letters only in the titles ("a) Cập nhật…"), code cell blank
)

// lopt is one layout.
type lopt struct {
	code        codeStyle
	labels      [7]string // code, content, max, self, evidence, appraised, remark
	twoRounds   bool      // "Điểm thẩm định" merged over "Lần 1 | Lần 2"
	textNumbers bool      // numbers typed as text with a decimal comma
	mergedTitle bool      // a long title block merged across the table
	perFile     bool      // one workbook per unit
}

var stdLabels = [7]string{"STT", "Nội dung", "Điểm tối đa", "Tự chấm", "Tài liệu kiểm chứng/Giải trình", "Điểm chấm thực tế", "Ý kiến"}

func num(s string, text bool) any {
	if s == "" {
		return nil
	}
	if text {
		return strings.ReplaceAll(s, ".", ",")
	}
	return par.MustPoints(s).Float()
}

// sums of a subtree of leaves (indexes into the six leaves) as text.
func sumOf(vals [6]string, idx ...int) string {
	var s par.Points
	for _, i := range idx {
		if v := vals[i]; v != "" && v != "na" {
			s += par.MustPoints(v)
		}
	}
	return s.String()
}

// layoutSheet draws one unit's scoring sheet in layout o.
func layoutSheet(o lopt, u lunit) xlsx.WSheet {
	var rows [][]any
	var merges []string
	title := []any{"PHIẾU CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"}
	unitLine := []any{"Đơn vị: " + u.name}
	if o.mergedTitle {
		rows = append(rows, []any{"ỦY BAN NHÂN DÂN TỈNH HÒA LÂM"}, []any{"HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC"}, []any{},
			[]any{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, []any{"Độc lập - Tự do - Hạnh phúc"}, []any{},
			[]any{"KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA " + strings.ToUpper(u.name)}, []any{})
		for r := 1; r <= 7; r++ {
			if r != 3 && r != 6 {
				merges = append(merges, fmt.Sprintf("A%d:H%d", r, r))
			}
		}
	} else {
		rows = append(rows, title, unitLine, []any{})
	}
	hasCode := o.code != codeTitles
	labels := o.labels
	if labels[0] == "" {
		labels = stdLabels
	}
	head := []any{}
	if hasCode {
		head = append(head, labels[0])
	}
	head = append(head, labels[1], labels[2], labels[3], labels[4])
	apprCol := len(head) + 1
	if o.twoRounds {
		head = append(head, labels[5], nil, labels[6])
		hr := len(rows) + 1
		rows = append(rows, head)
		sub := make([]any, len(head))
		sub[apprCol-1], sub[apprCol] = "Lần 1", "Lần 2"
		rows = append(rows, sub)
		for c := 1; c <= len(head); c++ {
			col := string(rune('A' + c - 1))
			switch {
			case c == apprCol:
				merges = append(merges, fmt.Sprintf("%s%d:%s%d", col, hr, string(rune('A'+c)), hr))
			case c == apprCol+1:
			default:
				merges = append(merges, fmt.Sprintf("%s%d:%s%d", col, hr, col, hr+1))
			}
		}
	} else {
		head = append(head, labels[5], labels[6])
		rows = append(rows, head)
	}
	leafIdx := map[int]int{2: 0, 3: 1, 4: 2, 7: 3, 8: 4, 9: 5}
	under := map[int][]int{0: {0, 1, 2}, 1: {0, 1}, 5: {3, 4, 5}, 6: {3, 4}}
	counter := 0
	for i, n := range layoutTree {
		code := n.code
		label := n.title
		switch o.code {
		case codeTitles, codeCounter:
			sep := ". "
			if len(code) == 1 && code[0] >= 'a' {
				sep = ") "
			}
			label = code + sep + label
		case codeColumnMisleads:
			// Each title opens with the code of a sibling: only the code
			// column tells which criterion the row is.
			other := map[string]string{"1.1": "Tiêu chí 1.2 ", "1.2": "Tiêu chí 1.1 ", "1": "2. ", "2": "1. ", "a": "b) ", "b": "a) "}
			label = other[code] + label
		case codeColumnDotted:
			switch {
			case len(code) == 1 && code[0] >= 'a':
				code += ")"
			case !strings.Contains(code, "."):
				code += "."
			}
		case codeColumnNoLetters:
			if len(code) == 1 && code[0] >= 'a' {
				label, code = code+") "+label, ""
			}
		}
		row := []any{}
		if hasCode {
			counter++
			switch o.code {
			case codeCounter:
				row = append(row, counter)
			default:
				if code == "" {
					row = append(row, nil)
				} else {
					row = append(row, code)
				}
			}
		}
		var self, appr, r1 any
		if li, ok := leafIdx[i]; ok {
			self, appr, r1 = cell(u.self[li], u, o), cell(u.appr[li], u, o), cell(u.round1[li], u, o)
			if u.appr[li] == "na" && u.naSelfOnly {
				appr = nil
			}
		} else {
			self, appr = num(sumOf(u.self, under[i]...), o.textNumbers), num(sumOf(u.appr, under[i]...), o.textNumbers)
			r1 = appr
		}
		row = append(row, label, num(n.max, o.textNumbers), self, nil)
		if o.twoRounds {
			if r1 == nil {
				r1 = appr
			}
			row = append(row, r1)
		}
		row = append(row, appr)
		rows = append(rows, row)
	}
	pad := []any{}
	if hasCode {
		pad = append(pad, nil)
	}
	extra := func(label, v, maxV string) {
		r := append(append([]any{}, pad...), label, num(maxV, o.textNumbers), nil, nil)
		if o.twoRounds {
			r = append(r, num(v, o.textNumbers))
		}
		rows = append(rows, append(r, num(v, o.textNumbers)))
	}
	extra("Điểm thưởng", u.bonus, "2")
	extra("Điểm trừ", u.pen, "3")
	total := par.MustPoints(sumOf(u.appr, 0, 1, 2, 3, 4, 5)) + par.MustPoints(u.bonus) - par.MustPoints(u.pen)
	tr := append(append([]any{}, pad...), "Tổng điểm", num("9", o.textNumbers), nil, nil)
	if o.twoRounds {
		tr = append(tr, num(total.String(), o.textNumbers))
	}
	rows = append(rows, append(tr, num(total.String(), o.textNumbers)), []any{}, append(append([]any{}, pad...), "NGƯỜI LẬP BIỂU", nil, "THỦ TRƯỞNG ĐƠN VỊ"))
	name := u.sheetName
	if name == "" {
		name = u.name
	}
	return drawSheet(name, merges, rows)
}

func cell(v string, u lunit, o lopt) any {
	switch v {
	case "":
		return nil
	case "na":
		if u.naWord != "" {
			return u.naWord
		}
		return "Không áp dụng"
	}
	return num(v, o.textNumbers)
}

func drawSheet(name string, merges []string, rows [][]any) xlsx.WSheet {
	s := xlsx.WSheet{Name: name, Merges: merges}
	for r, row := range rows {
		for c, v := range row {
			cl := xlsx.WCell{Row: r + 1, Col: c + 1}
			switch v := v.(type) {
			case nil:
				continue
			case string:
				if v == "" {
					continue
				}
				cl.Text = v
			case int:
				cl.Num = xlsx.Float(float64(v))
			case float64:
				cl.Num = xlsx.Float(v)
			case formula:
				cl.Formula = string(v)
			default:
				panic(fmt.Sprintf("cell type %T", v))
			}
			s.Cells = append(s.Cells, cl)
		}
	}
	return s
}

// formula is a formula cell with no saved result.
type formula string

func drawBook(t testing.TB, sheets ...xlsx.WSheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, xlsx.WBook{Sheets: sheets}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func layoutFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{
		"data/site.yaml":               {Data: []byte("title: Chỉ số CCHC tỉnh Hòa Lâm\n")},
		"data/units.yaml":              {Data: []byte(layoutUnits)},
		"data/frameworks/so-2023.yaml": {Data: []byte(layoutSoFW)},
		"data/frameworks/dp-2023.yaml": {Data: []byte(layoutLocalFW)},
	}
	for p, b := range files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// runLayout reads a project through ingest and compute and returns the
// results and every diagnostic, sorted.
func runLayout(t *testing.T, fsys fstest.MapFS) (*par.Results, []string) {
	t.Helper()
	ds, dl := ingest.Load(fsys, ingest.Options{Workers: 2})
	res, cdl := compute.Run(ds)
	dl.Merge(cdl)
	compute.Reconcile(ds, res, dl)
	var out []string
	for _, d := range dl.Sorted() {
		out = append(out, d.String())
	}
	return res, out
}

func resultOf(res *par.Results, id string, year int) *par.Result {
	for _, r := range res.ByUnit[id] {
		if r.Year == year {
			return r
		}
	}
	return nil
}

func unitIDOf(name string) string {
	return map[string]string{"Sở Nội vụ": "so-noi-vu", "Sở Tư pháp": "so-tu-phap", "Sở Tài chính": "so-tai-chinh", "Sở Xây dựng": "so-xay-dung"}[name]
}

// checkResults asserts every unit's published-style figures.
func checkResults(t *testing.T, res *par.Results, us []lunit) {
	t.Helper()
	for _, u := range us {
		r := resultOf(res, unitIDOf(u.name), 2023)
		if r == nil {
			t.Errorf("%s: no result", u.name)
			continue
		}
		got := fmt.Sprintf("total %s max %s index %s rank %d band %s", r.Total.Text(), r.Max, r.Index.Text(), r.Rank.N, r.Band.ID)
		want := fmt.Sprintf("total %s max %s index %s rank %d band %s", u.wantTotal, u.wantMax, u.wantIndex, u.wantRank, u.wantBand)
		if got != want {
			t.Errorf("%s: %s, want %s", u.name, got, want)
		}
	}
}

func sameDiags(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestOfficeDetailLayouts: the detail-sheet layouts offices send, each
// giving the same results exactly and no diagnostic.
func TestOfficeDetailLayouts(t *testing.T) {
	caps := [7]string{"TT", "NOI DUNG TIEU CHI", "DIEM CHUAN", "DIEM TU DANH GIA", "GIAI TRINH", "KET QUA THAM DINH", "GHI CHU"}
	for _, c := range []struct {
		name string
		o    lopt
		edit func(*lunit)
	}{
		{name: "code column with titles carrying other code-like phrases", o: lopt{code: codeColumnMisleads}},
		{name: "codes only in the titles", o: lopt{code: codeTitles}},
		{name: "row-counter STT beside codes in the titles", o: lopt{code: codeCounter}},
		{name: "Roman, arabic and letter codes with dots and brackets", o: lopt{code: codeColumnDotted}},
		{name: "letters only in the titles, code cell blank", o: lopt{code: codeColumnNoLetters}},
		{name: "merged title block over a two-row header, appraisal in two rounds", o: lopt{mergedTitle: true, twoRounds: true},
			edit: func(u *lunit) {
				// the first round was lower; the second round counts
				for i, v := range u.appr {
					u.round1[i] = v
					if v != "na" && v != "" && par.MustPoints(v) >= par.MustPoints("0.5") {
						u.round1[i] = (par.MustPoints(v) - par.MustPoints("0.5")).String()
					}
				}
			}},
		{name: "label variants in capitals without diacritics", o: lopt{labels: caps}},
		{name: "numbers as text with a decimal comma", o: lopt{textNumbers: true}},
		{name: "one sheet per unit under short sheet names", o: lopt{}, edit: func(u *lunit) { u.sheetName = "Trang " + u.name[len(u.name)-3:] }},
		{name: "one workbook per unit", o: lopt{perFile: true}},
		{name: "not applicable written KĐG in the self-assessed cell only", o: lopt{}, edit: func(u *lunit) {
			if u.naWord != "" {
				u.naWord, u.naSelfOnly = "KĐG", true
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			us := layoutResults()
			files := map[string][]byte{}
			var sheets []xlsx.WSheet
			for i := range us {
				if c.edit != nil {
					c.edit(&us[i])
				}
				sh := layoutSheet(c.o, us[i])
				if c.o.perFile {
					files[fmt.Sprintf("data/scores/2023/so/%s.xlsx", unitIDOf(us[i].name))] = drawBook(t, sh)
					continue
				}
				sheets = append(sheets, sh)
			}
			if !c.o.perFile {
				files["data/scores/2023/so.xlsx"] = drawBook(t, sheets...)
			}
			res, diags := runLayout(t, layoutFS(files))
			sameDiags(t, diags)
			checkResults(t, res, us)
		})
	}
}

// setCells changes cells of a drawn sheet: "F12" → value (nil clears).
func setCells(sh *xlsx.WSheet, cells map[string]any) {
	for ref, v := range cells {
		col := int(ref[0]-'A') + 1
		row := 0
		fmt.Sscanf(ref[1:], "%d", &row)
		kept := sh.Cells[:0]
		for _, c := range sh.Cells {
			if c.Row != row || c.Col != col {
				kept = append(kept, c)
			}
		}
		sh.Cells = kept
		if v != nil {
			one := drawSheet("", nil, [][]any{{v}}).Cells[0]
			one.Row, one.Col = row, col
			sh.Cells = append(sh.Cells, one)
		}
	}
}

// TestOfficeLayoutFaults: each fault in one sheet gives one error at its
// cause, never a cascade; the faulty unit is not ranked and the others
// rank as if it were absent. The standard layout puts the header on row 4,
// the tree on rows 5–14 (I, 1, 1.1, 1.2, 2, II, 1, a, b, 2), bonus,
// penalty and total on rows 15–17; appraised scores are in column F.
func TestOfficeLayoutFaults(t *testing.T) {
	const f = "data/scores/2023/so.xlsx: "
	for _, c := range []struct {
		name  string
		unit  string
		cells map[string]any
		want  []string
		ranks string // so-noi-vu, so-tu-phap, so-tai-chinh, so-xay-dung
	}{
		{"a code repeated where the next was meant", "Sở Xây dựng", map[string]any{"A8": "1.1"},
			[]string{f + "Sở Xây dựng!A8: error: code 1.1 appears on rows 7 and 8 under I/1; row 8 is left out (criterion 1.2 has no row: is row 8 meant to be it?)"},
			"1 2 3 0"},
		{"a code and a title the framework does not have", "Sở Tài chính", map[string]any{"A13": "c", "B13": "Niêm yết thông tin"},
			[]string{f + `Sở Tài chính!B13: error: row "c Niêm yết thông tin" matches no criterion of framework so-2023 (criterion II/1/b has no row: is row 13 meant to be it?)`},
			"1 2 0 3"},
		{"a blank appraised score", "Sở Tài chính", map[string]any{"F12": nil},
			[]string{f + `Sở Tài chính!F12: error: appraised score missing for 1 applicable criterion: F12 (II/1/a); the result is incomplete, so it is not totalled, ranked or classified: enter 0 where no points were earned, or "Không áp dụng" where the criterion does not apply`},
			"1 2 0 3"},
		{"formulas without a saved result", "Sở Nội vụ", map[string]any{"F14": formula("2+0.5"), "F17": formula("F5+F10+F15-F16")},
			[]string{f + "Sở Nội vụ!F14: error: 2 formulas without a saved result (F14, F17): the workbook was saved by a program that does not calculate, so its formulas have no values; open it in a spreadsheet program (Excel, LibreOffice Calc) and save it"},
			"0 1 2 3"},
		{"a criterion every unit must be scored on marked not applicable", "Sở Nội vụ", map[string]any{"F9": "Không áp dụng"},
			[]string{f + "Sở Nội vụ!F9: error: criterion I/2 applies to every unit (framework so-2023 says required), so it cannot be marked not applicable; enter its score"},
			"0 1 2 3"},
		{"a required criterion marked not applicable by the unit only", "Sở Nội vụ", map[string]any{"D9": "KĐG", "F9": nil},
			[]string{f + "Sở Nội vụ!B9: error: criterion I/2 applies to every unit (framework so-2023 says required), so it cannot be marked not applicable; enter its score"},
			"0 1 2 3"},
		{"an unreadable appraised score", "Sở Tư pháp", map[string]any{"F7": "#VALUE!"},
			[]string{f + `Sở Tư pháp!F7: error: appraised "#VALUE!" of 1.1 is not a number (nor a mark of "not applicable"; words of your own for it go in not_applicable in data/site.yaml)`},
			"1 0 2 3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			us := layoutResults()
			var sheets []xlsx.WSheet
			for _, u := range us {
				sh := layoutSheet(lopt{}, u)
				if u.name == c.unit {
					setCells(&sh, c.cells)
				}
				sheets = append(sheets, sh)
			}
			res, diags := runLayout(t, layoutFS(map[string][]byte{"data/scores/2023/so.xlsx": drawBook(t, sheets...)}))
			sameDiags(t, diags, c.want...)
			var got []string
			for _, u := range us {
				r := resultOf(res, unitIDOf(u.name), 2023)
				got = append(got, fmt.Sprint(r.Rank.N))
				if u.name == c.unit && (r.Scored || r.Total.Known() || r.Band.ID != "") {
					t.Errorf("%s: scored %v total %q band %q, want not scored", u.name, r.Scored, r.Total.Text(), r.Band.ID)
				}
			}
			if g := strings.Join(got, " "); g != c.ranks {
				t.Errorf("ranks %s, want %s", g, c.ranks)
			}
		})
	}
}

// districtAnnex is a district annex with the areas' points in columns
// under a merged "Điểm đạt được của từng lĩnh vực", their codes on a second
// header row, and, when maxima is set, a row of the areas' maxima beneath.
func districtAnnex(maxima bool) xlsx.WSheet {
	rows := [][]any{
		{"PHỤ LỤC II"},
		{"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA UBND CÁC HUYỆN"},
		{},
		{"STT", "Tên đơn vị", "Điểm đạt được của từng lĩnh vực", nil, nil, "Tổng điểm", "Chỉ số CCHC (%)", "Xếp loại", "Xếp hạng"},
		{nil, nil, "I", "II", "III"},
	}
	if maxima {
		rows = append(rows, []any{nil, "Điểm tối đa", 20, 30, 50, 100})
	}
	rows = append(rows,
		[]any{1, "UBND huyện An Lâm", 16, 24, 40, 80, 80, "Tốt", 1},
		[]any{2, "UBND huyện Bạch Thủy", 15, 20, 35, 70, 70, "Khá", 2},
	)
	return drawSheet("Phụ lục II", []string{"A1:I1", "A2:I2", "A4:A5", "B4:B5", "C4:E4", "F4:F5", "G4:G5", "H4:H5", "I4:I5"}, rows)
}

// TestOfficeAnnexAreaColumns: per-area columns under a merged header are
// area scores, the total is the column labelled so (not the group's first
// column), and a row of maxima is read as the maxima, never as a unit.
func TestOfficeAnnexAreaColumns(t *testing.T) {
	for _, maxima := range []bool{true, false} {
		t.Run(fmt.Sprintf("maxima row %v", maxima), func(t *testing.T) {
			res, diags := runLayout(t, layoutFS(map[string][]byte{"data/scores/2023/phu-luc.xlsx": drawBook(t, districtAnnex(maxima))}))
			sameDiags(t, diags)
			for _, c := range []struct {
				id, want string
			}{
				{"huyen-an-lam", "total 80.00 index 80.00 rank 1 band Tốt areas I=16.00 II=24.00 III=40.00"},
				{"huyen-bach-thuy", "total 70.00 index 70.00 rank 2 band Khá areas I=15.00 II=20.00 III=35.00"},
			} {
				r := resultOf(res, c.id, 2023)
				got := fmt.Sprintf("total %s index %s rank %d band %s areas", r.Total.Text(), r.Index.Text(), r.Rank.N, r.Band.Name)
				for _, a := range r.Areas {
					got += " " + a.Code + "=" + a.Points.Text()
				}
				if got != c.want {
					t.Errorf("%s: %s, want %s", c.id, got, c.want)
				}
			}
		})
	}
	// Maxima that are not the framework's are an error at their cell.
	sh := districtAnnex(true)
	setCells(&sh, map[string]any{"D6": 25})
	_, diags := runLayout(t, layoutFS(map[string][]byte{"data/scores/2023/phu-luc.xlsx": drawBook(t, sh)}))
	sameDiags(t, diags, "data/scores/2023/phu-luc.xlsx: Phụ lục II!D6: error: maximum 25 of area II differs from framework dp-2023 (30)")
}

// TestOfficeAnnexCommunesUnderDistricts: one sheet lists each district,
// then its communes under it. A district's own row is its result and a
// heading; a district named without figures is only a heading; each
// commune gets its district as parent; ranks restarting under each
// district are ranks within it, so the province's commune ranking is
// computed.
func TestOfficeAnnexCommunesUnderDistricts(t *testing.T) {
	sh := drawSheet("Phụ lục III", []string{"A1:F1", "B8:F8"}, [][]any{
		{"KẾT QUẢ CHỈ SỐ CCHC NĂM 2023 CỦA UBND CẤP HUYỆN VÀ UBND CẤP XÃ"},
		{},
		{"STT", "Tên đơn vị", "Tổng điểm", "Chỉ số CCHC", "Xếp hạng", "Xếp loại"},
		{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)"},
		{"I", "UBND huyện An Lâm", 80, 80, 1, "Tốt"},
		{1, "Xã Tân An", 90, 90, 1, "Tốt"},
		{2, "Xã Tân Bình", 75, 75, 2, "Khá"},
		{"II", "HUYỆN BẠCH THỦY"},
		{1, "Xã Bạch Hà", 85, 85, 1, "Tốt"},
		{2, "Xã Bạch Sơn", 60, 60, 2, "Khá"},
	})
	res, diags := runLayout(t, layoutFS(map[string][]byte{"data/scores/2023/phu-luc.xlsx": drawBook(t, sh)}))
	// The heading-only district has no result; the registry does not say
	// it did not exist yet.
	sameDiags(t, diags,
		"data/units.yaml:15: warning: Huyện Bạch Thủy (huyen-bach-thuy) has no result in any year, though by the registry it existed in 2023 (it has no created event), so it is shown as not scored in that year; if it did not exist yet, add its creation to its events: {date: yyyy-mm-dd, type: created}")
	for _, c := range []struct{ id, want string }{
		{"huyen-an-lam", "scored true total 80.00 rank 1 parent "},
		{"huyen-bach-thuy", "scored false total  rank 0 parent "},
		{"xa-tan-an", "scored true total 90.00 rank 1 parent huyen-an-lam"},
		{"xa-bach-ha", "scored true total 85.00 rank 2 parent huyen-bach-thuy"},
		{"xa-tan-binh", "scored true total 75.00 rank 3 parent huyen-an-lam"},
		{"xa-bach-son", "scored true total 60.00 rank 4 parent huyen-bach-thuy"},
	} {
		r := resultOf(res, c.id, 2023)
		if r == nil {
			t.Errorf("%s: no result", c.id)
			continue
		}
		got := fmt.Sprintf("scored %v total %s rank %d parent %s", r.Scored, r.Total.Text(), r.Rank.N, r.Unit.Parent)
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.id, got, c.want)
		}
	}
}

// soAnnex is the departments' annex of layoutResults, with every
// component: appraised, survey, bonus, penalty, total, index, band, rank.
// Rows 4–7 hold Nội vụ, Tư pháp, Tài chính, Xây dựng.
func soAnnex() xlsx.WSheet {
	return drawSheet("Phụ lục I", []string{"A1:J1"}, [][]any{
		{"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CÁC SỞ, BAN, NGÀNH"},
		{},
		{"STT", "Tên cơ quan, đơn vị", "Điểm thẩm định", "Điểm điều tra XHH", "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Chỉ số CCHC (%)", "Xếp loại", "Xếp hạng"},
		{1, "Sở Nội vụ", 5.5, 2.5, 0.5, 0, 8.5, 94.44, "Tốt", 1},
		{2, "Sở Tư pháp", 4.5, 2, 0, 0, 6.5, 81.25, "Tốt", 2},
		{3, "Sở Tài chính", 4.5, 2, 0, 0, 6.5, 72.22, "Khá", 3},
		{4, "Sở Xây dựng", 4, 2, 0, 0.5, 5.5, 61.11, "Khá", 4},
	})
}

// TestOfficeAnnexContradictions: an annex is checked against itself and
// its framework; each contradiction is one error naming both cells, and
// one wrong cell is one error even when two checks see it.
func TestOfficeAnnexContradictions(t *testing.T) {
	const f = "data/scores/2023/phu-luc.xlsx: Phụ lục I!"
	for _, c := range []struct {
		name  string
		cells map[string]any
		want  []string
	}{
		{"consistent", nil, nil},
		{"a rank out of line with the indices", map[string]any{"J5": 3, "J6": 2},
			[]string{f + "J5: error: published rank 3 of Sở Tư pháp (index 81.25) contradicts the published indices: it is ranked below Sở Tài chính (rank 2) with a higher index than its 72.22 (H6); by the indices it would rank 2"}},
		{"an index contradicting its rank and its band", map[string]any{"H7": 91.11},
			[]string{f + "H7: error: published index 91.11 of Sở Xây dựng contradicts both its published rank 4 (J7) and its band Khá (I7): with that index it would rank 2 and be Tốt"}},
		{"components that do not add up", map[string]any{"G6": 7.5},
			[]string{f + "G6: error: published total 7.50 of Sở Tài chính differs from its published components 6.50 (appraised 4.50 + survey 2.00 + bonus 0.00 − penalty 0.00)"}},
		{"an index above 100", map[string]any{"H4": 104.44},
			[]string{f + "H4: error: published index 104.44 of Sở Nội vụ is above 100%: an index is a share of the maximum"}},
		{"a band its index does not give", map[string]any{"I6": "Tốt"},
			[]string{f + "I6: error: published band Tốt of Sở Tài chính contradicts its index 72.22 (H6): framework so-2023 gives Khá (from 50)"}},
		{"totals as formulas without a saved result", map[string]any{"G5": formula("C5+D5+E5-F5"), "G6": formula("C6+D6+E6-F6")},
			[]string{f + "G5: error: 2 formulas without a saved result (G5, G6): the workbook was saved by a program that does not calculate, so its formulas have no values; open it in a spreadsheet program (Excel, LibreOffice Calc) and save it"}},
		{"ranks that skip a place", map[string]any{"J7": 5},
			[]string{f + "J7: error: published rank 5 follows rank 3: under competition ranking (framework so-2023) it would be 4"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sh := soAnnex()
			setCells(&sh, c.cells)
			_, diags := runLayout(t, layoutFS(map[string][]byte{"data/scores/2023/phu-luc.xlsx": drawBook(t, sh)}))
			sameDiags(t, diags, c.want...)
		})
	}
}

// TestReconciliation: a contradiction the decision really printed is
// published as printed once it is recorded: its error becomes a warning
// citing the record, and the record is located at its unit, year and
// figure for the site. A record whose figures are not the cell's, or that
// matches no contradiction, is an error.
func TestReconciliation(t *testing.T) {
	const f = "data/scores/2023/phu-luc.xlsx: Phụ lục I!"
	record := func(cell, published, rule string) string {
		return fmt.Sprintf(`differences:
  - cells: ["%s%s"]
    published: "%s"
    rule: "%s"
    reason: Quyết định số 12/QĐ-UBND in xếp loại Tốt; theo chỉ số là Khá.
    recorded_by: Nguyễn Văn A, Sở Nội vụ
    date: 2024-03-02
    decision: 12/QĐ-UBND
`, f, cell, published, rule)
	}
	sh := soAnnex()
	setCells(&sh, map[string]any{"I6": "Tốt"})
	book := drawBook(t, sh)
	for _, c := range []struct {
		name, yaml string
		want       []string
		recorded   bool
	}{
		{"recorded", record("I6", "Tốt", "Khá"), []string{
			f + "I6: warning: published band Tốt of Sở Tài chính contradicts its index 72.22 (H6): framework so-2023 gives Khá (from 50) (recorded at data/reconciliation.yaml:2: published as printed)"}, true},
		{"recorded with another printed figure", record("I6", "Xuất sắc", "Khá"), []string{
			"data/reconciliation.yaml:2: error: the recorded figure as printed (Xuất sắc) is not the one at " + f + "I6 (Tốt): correct the record, or the workbook",
			f + "I6: error: published band Tốt of Sở Tài chính contradicts its index 72.22 (H6): framework so-2023 gives Khá (from 50)"}, false},
		{"recorded where nothing differs", record("I5", "Tốt", "Tốt") + record("I6", "Tốt", "Khá")[len("differences:\n"):], []string{
			"data/reconciliation.yaml:2: error: no difference is found at " + f + "I5 any more: remove this record, or correct its cells",
			f + "I6: warning: published band Tốt of Sở Tài chính contradicts its index 72.22 (H6): framework so-2023 gives Khá (from 50) (recorded at data/reconciliation.yaml:9: published as printed)"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := layoutFS(map[string][]byte{"data/scores/2023/phu-luc.xlsx": book, "data/reconciliation.yaml": []byte(c.yaml)})
			ds, dl := ingest.Load(fsys, ingest.Options{Workers: 1})
			res, cdl := compute.Run(ds)
			dl.Merge(cdl)
			compute.Reconcile(ds, res, dl)
			var got []string
			for _, d := range dl.Sorted() {
				got = append(got, d.String())
			}
			sameDiags(t, got, c.want...)
			if !c.recorded {
				return
			}
			if len(res.Reconciled) != 1 {
				t.Fatalf("reconciled: %d", len(res.Reconciled))
			}
			r := res.Reconciled[0]
			if r.Unit != "so-tai-chinh" || r.Year != 2023 || r.Figure != "band" || r.Kind != "band" || r.Decision != "12/QĐ-UBND" {
				t.Errorf("record: %+v", r)
			}
			if b := resultOf(res, "so-tai-chinh", 2023).Band; b.Name != "Tốt" || b.Origin != par.Published {
				t.Errorf("band shown: %+v, want Tốt as published", b)
			}
		})
	}
}

// FuzzDetailMatcher reads scoring sheets with random code columns, titles
// and cells: the importer never panics, a sheet it calls complete has a
// readable score or a not-applicable mark on every leaf, and a unit whose
// sheet is incomplete is never ranked, classified or totalled.
func FuzzDetailMatcher(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte("\x00\x02\x02\x05\x07\x01\x03\x03\x09\x0b\x0c"))
	f.Add([]byte("codes and titles in random order, blanks and marks"))
	f.Fuzz(fuzzDetailMatcher)
}

var (
	fuzzCodes  = []string{"I", "II", "1", "2", "1.1", "1.2", "a", "b", "", "c", "1.10", "II.1", "a)", "2."}
	fuzzTitles = []string{"Công tác chỉ đạo, điều hành", "Kế hoạch cải cách hành chính", "Ban hành kế hoạch", "Mức độ hoàn thành kế hoạch",
		"Báo cáo cải cách hành chính", "Cải cách thủ tục hành chính", "Công khai thủ tục hành chính", "Cập nhật thủ tục",
		"Niêm yết thủ tục", "Giải quyết thủ tục hành chính", "", "Tiêu chí 1.2 của lĩnh vực", "Điểm thưởng", "Nội dung khác"}
	fuzzCells = []any{nil, 0.0, 0.5, 1.0, 2.0, 3.0, "Không đánh giá", "KAD", "abc", "1,5", -1.0, formula("1+1")}
)

func fuzzDetailMatcher(t *testing.T, data []byte) {
	if len(data) > 240 {
		data = data[:240]
	}
	rows := [][]any{{"Đơn vị: Sở Nội vụ"}, {}, {"STT", "Nội dung", "Điểm tối đa", "Tự chấm", "Giải trình", "Điểm thẩm định", "Ý kiến"}}
	for i := 0; i+3 < len(data); i += 4 {
		rows = append(rows, []any{
			fuzzCodes[int(data[i])%len(fuzzCodes)], fuzzTitles[int(data[i+1])%len(fuzzTitles)],
			fuzzCells[int(data[i+2])%len(fuzzCells)], nil, nil, fuzzCells[int(data[i+3])%len(fuzzCells)],
		})
	}
	rows = append(rows, []any{nil, "Tổng điểm", 9.0, nil, nil, 5.0})
	book := drawBook(t, drawSheet("Sở Nội vụ", nil, rows))
	fsys := layoutFS(map[string][]byte{"data/scores/2023/so.xlsx": book})
	ds, _ := ingest.Load(fsys, ingest.Options{Workers: 1})
	res, _ := compute.Run(ds)
	for _, sh := range ds.Sheets {
		r := resultOf(res, sh.Unit, sh.Year)
		if r == nil {
			t.Fatalf("no result for %s", sh.Unit)
		}
		if sh.Incomplete && (r.Scored || r.Rank.N != 0 || r.Band.ID != "" || r.Total.Known()) {
			t.Fatalf("incomplete sheet (missing %v) but scored %v rank %d band %q total %q", sh.Missing, r.Scored, r.Rank.N, r.Band.ID, r.Total.Text())
		}
		if sh.Incomplete {
			continue
		}
		byKey := map[string]*par.Row{}
		for _, row := range sh.Rows {
			if _, ok := byKey[row.Key]; !ok {
				byKey[row.Key] = row
			}
		}
		for _, l := range ds.Framework(sh.Group, sh.Year).Leaves() {
			na := false
			for k := l.Key; ; {
				if row := byKey[k]; row != nil && row.NA {
					na = true
				}
				i := strings.LastIndex(k, "/")
				if i < 0 {
					break
				}
				k = k[:i]
			}
			if row := byKey[l.Key]; !na && (row == nil || !row.Appraised.Known()) {
				t.Fatalf("sheet called complete, but leaf %s has no appraised score", l.Key)
			}
		}
	}
}

// TestOfficeLayoutForeignFramework: a sheet scored against another
// framework (every maximum differs) is one error, not one per row, per
// subtotal and per score over its maximum.
func TestOfficeLayoutForeignFramework(t *testing.T) {
	us := layoutResults()
	var sheets []xlsx.WSheet
	for _, u := range us {
		sh := layoutSheet(lopt{}, u)
		if u.name == "Sở Nội vụ" {
			setCells(&sh, map[string]any{"C5": 8, "C6": 6, "C7": 2, "C8": 4, "C9": 2, "C10": 10, "C11": 4, "C12": 2, "C13": 2, "C14": 6,
				"F7": 1.5, "F6": 3, "F5": 4})
		}
		sheets = append(sheets, sh)
	}
	_, diags := runLayout(t, layoutFS(map[string][]byte{"data/scores/2023/so.xlsx": drawBook(t, sheets...)}))
	sameDiags(t, diags, "data/scores/2023/so.xlsx: Sở Nội vụ!C5: error: the maxima of 10 of 10 rows differ from framework so-2023 (I 8 ≠ 4, I/1 6 ≠ 3, 1.1 2 ≠ 1, 1.2 4 ≠ 2, I/2 2 ≠ 1, …): is the sheet scored against another framework?")
}
