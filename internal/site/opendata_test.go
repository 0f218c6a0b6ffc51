package site

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// dataFiles builds the fixture's site and returns its open data files
// (path under du-lieu/ → bytes) and all files.
func dataFiles(t *testing.T, in *Input) (data, all map[string][]byte) {
	t.Helper()
	all = build(t, in, 2)
	data = map[string][]byte{}
	for p, b := range all {
		if rest, ok := strings.CutPrefix(p, "du-lieu/"); ok && !strings.HasSuffix(p, ".html") {
			data[rest] = b
		}
	}
	if len(data) == 0 {
		t.Fatal("no open data file written")
	}
	return data, all
}

// schemaCheck is a small structural validator for the subset of JSON
// Schema draft 2020-12 the published schemas use: type (one or a list),
// enum, properties, required, additionalProperties false,
// unevaluatedProperties false (over properties and $ref), items and $ref
// into $defs. No well-kept JSON Schema library is on the project's list,
// so the check is by hand; it fails on any keyword it does not know, so a
// schema cannot outgrow it silently.
type schemaCheck struct {
	root map[string]any
	errs []string
}

var knownKeywords = map[string]bool{
	"$schema": true, "title": true, "description": true, "type": true, "enum": true, "properties": true,
	"required": true, "additionalProperties": true, "unevaluatedProperties": true, "items": true, "$ref": true, "$defs": true,
}

func (c *schemaCheck) resolve(s map[string]any) map[string]any {
	ref, ok := s["$ref"].(string)
	if !ok {
		return nil
	}
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok {
		c.errs = append(c.errs, "unsupported $ref "+ref)
		return nil
	}
	d, _ := c.root["$defs"].(map[string]any)[name].(map[string]any)
	if d == nil {
		c.errs = append(c.errs, "no $defs/"+name)
	}
	return d
}

// props are the properties a schema evaluates, its own and its $ref's.
func (c *schemaCheck) props(s map[string]any) map[string]any {
	out := map[string]any{}
	if r := c.resolve(s); r != nil {
		maps.Copy(out, c.props(r))
	}
	if p, ok := s["properties"].(map[string]any); ok {
		maps.Copy(out, p)
	}
	return out
}

func typeOK(want string, v any) bool {
	switch want {
	case "null":
		return v == nil
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		return ok && !strings.ContainsAny(string(n), ".eE")
	}
	return false
}

func (c *schemaCheck) check(at string, s map[string]any, v any) {
	for k := range s {
		if !knownKeywords[k] {
			c.errs = append(c.errs, at+": schema keyword "+k+" unknown to the check")
		}
	}
	if r := c.resolve(s); r != nil {
		c.check(at, r, v)
	}
	switch ty := s["type"].(type) {
	case string:
		if !typeOK(ty, v) {
			c.errs = append(c.errs, fmt.Sprintf("%s: %v is not %s", at, v, ty))
			return
		}
	case []any:
		if !slices.ContainsFunc(ty, func(x any) bool { return typeOK(x.(string), v) }) {
			c.errs = append(c.errs, fmt.Sprintf("%s: %v is none of %v", at, v, ty))
			return
		}
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if e == nil && v == nil || e != nil && fmt.Sprint(e) == fmt.Sprint(v) && v != nil {
				found = true
			}
		}
		if !found {
			c.errs = append(c.errs, fmt.Sprintf("%s: %v not in %v", at, v, enum))
		}
	}
	if obj, ok := v.(map[string]any); ok {
		req, _ := s["required"].([]any)
		for _, r := range req {
			if _, ok := obj[r.(string)]; !ok {
				c.errs = append(c.errs, at+": required "+r.(string)+" missing")
			}
		}
		own, _ := s["properties"].(map[string]any)
		all := c.props(s)
		for k, x := range obj {
			if sub, ok := own[k].(map[string]any); ok {
				c.check(at+"."+k, sub, x)
			}
			if s["additionalProperties"] == false && own[k] == nil {
				c.errs = append(c.errs, at+": property "+k+" not allowed")
			}
			if s["unevaluatedProperties"] == false && all[k] == nil {
				c.errs = append(c.errs, at+": property "+k+" not evaluated")
			}
		}
	}
	if arr, ok := v.([]any); ok {
		if items, ok := s["items"].(map[string]any); ok {
			for i, x := range arr {
				c.check(at+"["+strconv.Itoa(i)+"]", items, x)
			}
		}
	}
}

func decode(t *testing.T, name string, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// Every JSON file of the open data validates against the schema it names
// (luoc_do), which is itself published beside it.
func TestDataMatchesSchema(t *testing.T) {
	data, _ := dataFiles(t, newFixture("").input("/"))
	n := 0
	for _, p := range slices.Sorted(maps.Keys(data)) {
		if !strings.HasSuffix(p, ".json") || strings.HasPrefix(p, "schema/") {
			continue
		}
		v := decode(t, p, data[p]).(map[string]any)
		ref := strings.TrimPrefix(v["luoc_do"].(string), "/du-lieu/")
		sb, ok := data[ref]
		if !ok {
			t.Fatalf("%s: its schema %s is not published", p, ref)
		}
		root := decode(t, ref, sb).(map[string]any)
		if root["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: not a draft 2020-12 schema", ref)
		}
		c := &schemaCheck{root: root}
		c.check(p, root, v)
		for _, e := range c.errs {
			t.Error(e)
		}
		n++
	}
	if n < 10 {
		t.Errorf("only %d JSON files checked", n)
	}
	// The check itself catches a figure written as 0 text, an unknown
	// field and a missing one.
	bad := decode(t, "bad", []byte(`{"ma_don_vi": 1, "extra": true}`))
	root := decode(t, "schema", []byte(schemaUnit)).(map[string]any)
	c := &schemaCheck{root: root}
	c.check("bad", root, bad)
	if len(c.errs) < 3 {
		t.Errorf("the schema check misses errors: %v", c.errs)
	}
}

// readCSV parses a data CSV: BOM first, then RFC 4180 records.
func readCSV(t *testing.T, name string, b []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(b, []byte("\ufeff"))
	if !ok {
		t.Fatalf("%s: no byte-order mark", name)
	}
	rows, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

// Every ranking's workbook reads back, through internal/xlsx, to the
// values of its CSV: same header, same cells, numbers as numbers.
func TestDataXLSXMatchesCSV(t *testing.T) {
	data, _ := dataFiles(t, newFixture("").input("/"))
	n := 0
	for _, p := range slices.Sorted(maps.Keys(data)) {
		base, ok := strings.CutSuffix(p, ".xlsx")
		if !ok {
			continue
		}
		rows := readCSV(t, base+".csv", data[base+".csv"])
		book, err := xlsx.Read(bytes.NewReader(data[p]), xlsx.DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		sh := &book.Sheets[0]
		if sh.Name != "Dữ liệu" || len(book.Sheets) != 2 {
			t.Errorf("%s: sheets %q…, want Dữ liệu and Ghi chú", p, sh.Name)
		}
		for r, row := range rows {
			for c, want := range row {
				got := sh.Cell(r+1, c+1)
				if rest, ok := strings.CutPrefix(want, "'"); ok && r > 0 {
					want = rest // neutralised in the CSV only
				}
				if got == want {
					continue
				}
				fg, e1 := strconv.ParseFloat(got, 64)
				fw, e2 := strconv.ParseFloat(want, 64)
				if e1 != nil || e2 != nil || fg != fw {
					t.Errorf("%s: row %d column %s: xlsx %q, csv %q", p, r+1, rows[0][c], got, want)
				}
			}
		}
		n++
	}
	if n == 0 {
		t.Fatal("no ranking workbook")
	}
}

// A ranking's CSV and JSON hold the same values as its page, and a
// missing figure is an empty cell and null, never 0.
func TestDataMissingIsEmpty(t *testing.T) {
	data, all := dataFiles(t, newFixture("").input("/"))
	rows := readCSV(t, "2023/so.csv", data["2023/so.csv"])
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var unscored, first []string
	for _, r := range rows[1:] {
		switch r[col["ma_don_vi"]] {
		case "so-xay-dung":
			unscored = r
		case "so-noi-vu":
			first = r
		}
	}
	if unscored == nil || first == nil {
		t.Fatal("2023/so.csv lacks so-xay-dung or so-noi-vu")
	}
	for _, k := range []string{"hang", "tong_diem", "chi_so", "xep_loai", "diem_toi_da_ap_dung"} {
		if unscored[col[k]] != "" {
			t.Errorf("unscored unit: %s = %q, want empty", k, unscored[col[k]])
		}
	}
	if unscored[col["duoc_cham_diem"]] != "false" {
		t.Errorf("unscored unit: duoc_cham_diem = %q", unscored[col["duoc_cham_diem"]])
	}
	// The page's figures, in plain form.
	page := string(all["nam/2023/so/index.html"])
	for k, shown := range map[string]string{"hang": ">1<", "tong_diem": ">18,50<", "chi_so": ">92,50<"} {
		if !strings.Contains(page, shown) {
			t.Errorf("ranking page lacks %s", shown)
		}
		if got := first[col[k]]; strings.ReplaceAll(shown[1:len(shown)-1], ",", ".") != got {
			t.Errorf("so-noi-vu: %s = %q, the page shows %s", k, got, shown)
		}
	}
	if !strings.Contains(first[col["tong_diem_nguon"]], "bang-diem/2023/so/so-noi-vu.xlsx: ") || first[col["tong_diem_nguon_goc"]] != "cong_bo" {
		t.Errorf("so-noi-vu: total's source %q, origin %q", first[col["tong_diem_nguon"]], first[col["tong_diem_nguon_goc"]])
	}
	v := decode(t, "2023/so.json", data["2023/so.json"]).(map[string]any)
	for _, r := range v["ket_qua"].([]any) {
		res := r.(map[string]any)
		if res["ma_don_vi"] != "so-xay-dung" {
			continue
		}
		for _, k := range []string{"tong_diem", "chi_so", "diem_tham_dinh"} {
			f := res[k].(map[string]any)
			if f["gia_tri"] != nil || f["nguon_goc"] != nil {
				t.Errorf("unscored unit: %s = %v, want null", k, f)
			}
		}
	}
	unit := string(data["don-vi/xa-tan-phu.json"])
	if !strings.Contains(unit, "\"phieu_cham_chua_du\": true") {
		t.Error("xa-tan-phu.json: the incomplete sheet is not said so")
	}
	for _, p := range slices.Sorted(maps.Keys(data)) {
		if strings.Contains(string(data[p]), "data/scores") {
			t.Errorf("%s names a project path", p)
		}
	}
}

// The zip holds every other data file, in name order, with one fixed
// modification time; two builds give the same bytes; its SHA-256 and
// size on /du-lieu/ are those of its bytes, and so are every file's.
func TestDataZip(t *testing.T) {
	data, all := dataFiles(t, newFixture("").input("/"))
	again, _ := dataFiles(t, newFixture("").input("/"))
	const name = "chi-so-cchc-thu-nghiem.zip"
	z, ok := data[name]
	if !ok {
		t.Fatalf("no %s among %v", name, slices.Sorted(maps.Keys(data)))
	}
	if !bytes.Equal(z, again[name]) {
		t.Error("two builds give different zips")
	}
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s: modified %v", f.Name, f.Modified)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.Equal(b, data[f.Name]) {
			t.Errorf("%s in the zip differs from the published file", f.Name)
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("zip entries not sorted: %v", names)
	}
	if len(names) != len(data)-1 || !slices.Contains(names, "README.txt") || !slices.Contains(names, "schema/xep-hang.schema.json") {
		t.Errorf("zip holds %d files, %d published besides it", len(names), len(data)-1)
	}
	page := string(all["du-lieu/index.html"])
	for _, p := range slices.Sorted(maps.Keys(data)) {
		sum := sha256.Sum256(data[p])
		if !strings.Contains(page, hex.EncodeToString(sum[:])) {
			t.Errorf("/du-lieu/ lacks the SHA-256 of %s", p)
		}
	}
	if !strings.Contains(page, `href="/du-lieu/`+name+`"`) || !strings.Contains(page, sizeText(int64(len(z)))) {
		t.Errorf("/du-lieu/ does not link the zip with its size %s", sizeText(int64(len(z))))
	}
	ld := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if ld == nil {
		t.Fatal("/du-lieu/ has no JSON-LD")
	}
	var d struct {
		Type         string `json:"@type"`
		Distribution []struct {
			URL    string `json:"contentUrl"`
			Format string `json:"encodingFormat"`
		} `json:"distribution"`
	}
	if err := json.Unmarshal([]byte(ld[1]), &d); err != nil {
		t.Fatal(err)
	}
	if d.Type != "Dataset" || len(d.Distribution) != len(data) {
		t.Errorf("JSON-LD: %s with %d distributions, want Dataset with %d", d.Type, len(d.Distribution), len(data))
	}
}

// The licence: stated where the publisher gives one, and where it does
// not, the README and the page say so rather than assume one.
func TestDataLicence(t *testing.T) {
	data, all := dataFiles(t, newFixture("").input("/"))
	if !strings.Contains(string(data["README.txt"]), "chưa nêu giấy phép") || !strings.Contains(string(all["du-lieu/index.html"]), "chưa nêu giấy phép") {
		t.Error("without data_license, the README and /du-lieu/ must say no licence is stated")
	}
	f := newFixture("")
	f.ds.Site.DataLicense, f.ds.Site.DataLicenseURL = "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"
	data, all = dataFiles(t, f.input("https://cong.example.gov.vn/cchc/"))
	readme := string(data["README.txt"])
	for _, want := range []string{"Giấy phép: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)", "Trích dẫn đề nghị", "https://cong.example.gov.vn/cchc/du-lieu/"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README lacks %q", want)
		}
	}
	page := string(all["du-lieu/index.html"])
	if !strings.Contains(page, `<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>`) || !strings.Contains(page, `"license":"https://creativecommons.org/licenses/by/4.0/"`) {
		t.Error("/du-lieu/ does not state the licence (text and JSON-LD)")
	}
	if !strings.Contains(string(data["2023/so.json"]), `"luoc_do": "https://cong.example.gov.vn/cchc/du-lieu/schema/xep-hang.schema.json"`) {
		t.Error("with a host, the data files' links are absolute")
	}
}

// A text cell a spreadsheet would run as a formula is neutralised in the
// CSV, and kept as text in the workbook.
func TestDataFormulaNeutralised(t *testing.T) {
	data, _ := dataFiles(t, newFixture("=HYPERLINK(\"http://x\")").input("/"))
	rows := readCSV(t, "2023/so.csv", data["2023/so.csv"])
	found := false
	for _, r := range rows[1:] {
		for _, c := range r {
			if strings.HasPrefix(c, "=") {
				t.Errorf("formula-leading cell %q", c)
			}
			found = found || strings.HasPrefix(c, "'=HYPERLINK")
		}
	}
	if !found {
		t.Error("the hostile name is not in the CSV, neutralised")
	}
}

// Every column the CSV writes and every property of the schemas is
// explained on the dictionary page.
func TestDictionaryExplainsEveryField(t *testing.T) {
	data, all := dataFiles(t, newFixture("").input("/"))
	page := string(all["du-lieu/tu-dien/index.html"])
	explained := func(k string) bool { return strings.Contains(page, "<code>"+k+"</code>") }
	for _, h := range readCSV(t, "2023/so.csv", data["2023/so.csv"])[0] {
		if strings.HasPrefix(h, "linh_vuc_") {
			h = "linh_vuc_&lt;mã&gt;"
		}
		if !explained(h) {
			t.Errorf("CSV column %s not in the dictionary", h)
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if p, ok := x["properties"].(map[string]any); ok {
				for k := range p {
					if !explained(k) {
						t.Errorf("schema property %s not in the dictionary", k)
					}
				}
			}
			for _, y := range x {
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(decode(t, "rank", []byte(schemaRanking)))
	walk(decode(t, "unit", []byte(schemaUnit)))
}

// Sources are named publicly: a project path becomes the workbook's
// address under /files/bang-diem/.
func TestSourceURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"data/scores/2023/so.xlsx", "/files/bang-diem/2023/so.xlsx"},
		{"data/scores/2023/Xã/Huyện An Lâm.XLSX", "/files/bang-diem/2023/xa/huyen-an-lam.xlsx"},
		{"content/files/x.pdf", ""},
	} {
		if got := SourceURL(tc.in); got != tc.want {
			t.Errorf("SourceURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := publicSource(par.Source{File: "data/scores/2023/so.xlsx", Sheet: "Phụ lục", Cell: "F20"}); got != "bang-diem/2023/so.xlsx: Phụ lục!F20" {
		t.Errorf("publicSource = %q", got)
	}
}

// A criterion's status keeps apart scored, not applicable, not evaluated
// and missing (applicable, no appraised score: null, never 0).
func TestDataCriterionStatus(t *testing.T) {
	src := par.Source{File: "data/scores/2023/so.xlsx", Sheet: "Phiếu", Cell: "F9"}
	leaf := func(code string, f func(n *par.NodeResult)) *par.NodeResult {
		n := &par.NodeResult{Node: &par.Node{Code: code, Title: "Tiêu chí " + code, Max: par.Points(2 * par.Scale)}, Max: par.Points(2 * par.Scale), Src: src}
		f(n)
		return n
	}
	nodes := []*par.NodeResult{
		leaf("1", func(n *par.NodeResult) {
			n.Appraised = par.Pub(par.Points(15*par.Scale/10), 1, src)
			n.Lost = par.Points(5 * par.Scale / 10)
		}),
		leaf("2", func(n *par.NodeResult) { n.NA, n.Max = true, 0 }),
		leaf("3", func(n *par.NodeResult) { n.NA, n.NotEvaluated, n.Max = true, true, 0 }),
		leaf("4", func(n *par.NodeResult) {}),
	}
	got := dataLinks{}.nodes(nodes)
	b, err := marshalData(got)
	if err != nil {
		t.Fatal(err)
	}
	var out []struct {
		Status    string `json:"trang_thai"`
		Appraised struct {
			Value *json.Number `json:"gia_tri"`
		} `json:"tham_dinh"`
		Lost *json.Number `json:"diem_bi_mat"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	want := []string{"co_diem", "khong_ap_dung", "khong_danh_gia", "thieu_diem"}
	for i, o := range out {
		if o.Status != want[i] {
			t.Errorf("criterion %d: %s, want %s", i+1, o.Status, want[i])
		}
		if (o.Appraised.Value != nil) != (i == 0) || (o.Lost != nil) != (i == 0) {
			t.Errorf("criterion %d: appraised %v, lost %v", i+1, o.Appraised.Value, o.Lost)
		}
	}
	if *out[0].Appraised.Value != "1.5" || *out[0].Lost != "0.5" {
		t.Errorf("criterion 1: %s lost %s, want 1.5 and 0.5 at the published precision", *out[0].Appraised.Value, *out[0].Lost)
	}
}
