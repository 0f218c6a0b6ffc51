package ingest

import (
	"strings"
	"testing"
	"testing/fstest"

	"parindex/internal/viet"
)

// nfdTable decomposes the letters the tests use, as macOS file names and
// old fonts do (x/text stays behind internal/viet, which has no NFD).
var nfdTable = strings.NewReplacer(
	"ơ", "o\u031b", "ở", "o\u031b\u0309", "ộ", "o\u0323\u0302", "ụ", "u\u0323", "Ụ", "U\u0323",
	"ư", "u\u031b", "á", "a\u0301", "ị", "i\u0323", "ủ", "u\u0309", "ì", "i\u0300",
)

func nfd(s string) string {
	d := nfdTable.Replace(s)
	if d == s || viet.NFC(d) != s {
		panic("nfd: no or wrong decomposition of " + s)
	}
	return d
}

// Rule: names resolve after folding case, diacritics and normal form:
// NFD input, "Đăk Lăk" for "Đắk Lắk", an alias, a past name.
func TestDetailNameVariants(t *testing.T) {
	for _, c := range []struct{ unitLine, sheetName, file, want string }{
		{nfd("Đơn vị: Sở Tư pháp"), "S", "a.xlsx", "so-tu-phap"},
		{"BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP ĐĂK LĂK", "S", "a.xlsx", "ban-qlkcn"},
		{"", "BQL KCN", "a.xlsx", "ban-qlkcn"},
		{"Đơn vị: Sở Khoa học và Công nghệ", "S", "a.xlsx", "so-kh-cn"},
		{"", "Sheet1", "so-kh-cn.xlsx", "so-kh-cn"},
		{"", "Sheet1", "Sở Tư pháp.xlsx", "so-tu-phap"},
	} {
		fsys := withBook(t, "data/scores/2023/"+c.file, stdSheet(c.sheetName, c.unitLine))
		if c.unitLine == "" {
			// no unit in the title block: the issuer line must not count either
			rows := append([][]any{{"PHIẾU CHẤM ĐIỂM"}, {}}, stdHeader)
			rows = append(rows, stdBody()...)
			fsys = withBook(t, "data/scores/2023/"+c.file, sheet(c.sheetName, nil, rows...))
		}
		ds, diags := load(t, fsys)
		wantDiags(t, diags)
		if s := oneSheet(t, ds); s.Unit != c.want {
			t.Errorf("%q/%q/%q: unit %q, want %q", c.unitLine, c.sheetName, c.file, s.Unit, c.want)
		}
	}
}

// Rule: one workbook may hold a sheet per unit, and a folder may hold a
// workbook per unit; results come in path and sheet order.
func TestDetailSheetPerUnitAndFilePerUnit(t *testing.T) {
	fsys := withBook(t, "data/scores/2023/so/tong-hop.xlsx",
		stdSheet("Sở Nội vụ", ""), stdSheet("Sở Tư pháp", ""))
	fsys["data/scores/2023/so/tung-don-vi/so-kh-cn.xlsx"] = &fstest.MapFile{Data: book(t, stdSheet("Sheet1", ""))}
	fsys["data/scores/2023/so/tung-don-vi/ban-qlkcn.xlsx"] = &fstest.MapFile{Data: book(t, stdSheet("Sheet1", ""))}
	fsys["data/scores/2023/so/~$tong-hop.xlsx"] = &fstest.MapFile{Data: []byte("lock")}
	fsys["data/scores/2023/so/ghi-chu.txt"] = &fstest.MapFile{Data: []byte("notes")}
	ds, diags := load(t, fsys)
	wantDiags(t, diags, "data/scores/2023/so/ghi-chu.txt: warning: not an .xlsx workbook; ignored")
	var got []string
	for _, s := range ds.Sheets {
		got = append(got, s.Unit+"@"+s.Src.String())
	}
	want := []string{
		"so-noi-vu@data/scores/2023/so/tong-hop.xlsx: Sở Nội vụ",
		"so-tu-phap@data/scores/2023/so/tong-hop.xlsx: Sở Tư pháp",
		"ban-qlkcn@data/scores/2023/so/tung-don-vi/ban-qlkcn.xlsx: Sheet1",
		"so-kh-cn@data/scores/2023/so/tung-don-vi/so-kh-cn.xlsx: Sheet1",
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sheet %d: %s, want %s", i, got[i], want[i])
		}
	}
}
