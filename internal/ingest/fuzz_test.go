package ingest

import (
	"strings"
	"testing"
	"testing/fstest"

	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// fuzzEnv is the environment of the base project, for parsing sheets
// without going through files.
func fuzzEnv(t testing.TB) *scoreEnv {
	ds, d := Load(baseFS(), Options{Workers: 1})
	if d.Len() != 0 {
		t.Fatal(d.String())
	}
	env := &scoreEnv{ds: ds, fx: map[*par.Framework]*fwIndex{}, res: newResolver(ds.Registry)}
	for _, f := range ds.Frameworks {
		env.fx[f] = newFwIndex(f)
	}
	return env
}

// gridOf turns text into a sheet: lines are rows, "|" separates cells,
// and a line "merge A1:B2" adds a merge.
func gridOf(s string) xlsx.Sheet {
	sh := xlsx.Sheet{Name: "F"}
	for _, line := range strings.Split(s, "\n") {
		if ref, ok := strings.CutPrefix(line, "merge "); ok {
			var m xlsx.Merge
			if a, b, ok := strings.Cut(ref, ":"); ok && len(a) >= 2 && len(b) >= 2 {
				m.FirstCol, m.LastCol = int(a[0]-'A')+1, int(b[0]-'A')+1
				m.FirstRow, m.LastRow = int(a[1]-'0'), int(b[1]-'0')
				if m.FirstRow >= 1 && m.FirstCol >= 1 && m.LastRow >= m.FirstRow && m.LastCol >= m.FirstCol {
					m.Value = sh.Cell(m.FirstRow, m.FirstCol)
					sh.Merges = append(sh.Merges, m)
				}
			}
			continue
		}
		sh.Rows = append(sh.Rows, strings.Split(line, "|"))
	}
	return sh
}

// Rule: no sheet content makes the parser panic or loop.
func FuzzSheet(f *testing.F) {
	f.Add("STT|Nội dung|Điểm tối đa|Tự chấm|Điểm thẩm định\nI|Công tác|4|3|3\n1.1|Ban hành|1|1|1,5\n|Tổng điểm|9|8|x")
	f.Add("Điểm thẩm định\nSTT|Nội dung|Điểm tối đa|Lần 1|Lần 2\n||||\n(1)|(2)|(3)\na)|KAD|N/A|-\nmerge A1:B2")
	f.Add("STT|Tên đơn vị|Tổng điểm|Chỉ số (%)|Xếp hạng|I|II\nKhối sở\n1|Sở Nội vụ|85|0,85|1|3|4\n|Trung bình|80\nSTT|Đơn vị|Tổng điểm\n1|Sở Tư pháp|")
	f.Add("Nội dung|Thang điểm|Điểm thưởng\nĐiểm thưởng||3\nT1. Sáng kiến|2|5\nĐiểm trừ||-1\nTổng cộng||")
	env := fuzzEnv(f)
	tx := newTexts()
	f.Fuzz(func(t *testing.T, s string) {
		book := &xlsx.Book{Sheets: []xlsx.Sheet{gridOf(s)}}
		var out fileOut
		env.parseBook(book, workbook{path: "f.xlsx", year: 2023}, &out, tx)
	})
}

// Rule: numbers in cells: decimal comma, percent, "not applicable",
// blanks and dashes (missing), text.
func TestParseCell(t *testing.T) {
	for _, c := range []struct {
		in      string
		percent bool
		kind    cellKind
		v       string
		dec     int
	}{
		{"1,5", false, cellNumber, "1.5", 1},
		{" 12.50 ", false, cellNumber, "12.5", 2},
		{"0.30000000000000004", false, cellNumber, "0.3", 1},
		{"85,5%", true, cellNumber, "85.5", 1},
		{"85,5%", false, cellText, "0", 0},
		{"", false, cellBlank, "0", 0},
		{"-", false, cellBlank, "0", 0},
		{"KĐG", false, cellNA, "0", 0},
		{"Không đánh giá", false, cellNA, "0", 0},
		{"chưa chấm", false, cellBlank, "0", 0},
		{"Không áp dụng", false, cellNA, "0", 0},
		{"KAD", false, cellNA, "0", 0},
		{"N/A", false, cellNA, "0", 0},
		{"x", false, cellText, "0", 0},
		{"1.234,5", false, cellText, "0", 0},
	} {
		k, v, dec := parseCell(c.in, c.percent)
		if k != c.kind || v != pts(c.v) || dec != c.dec {
			t.Errorf("parseCell(%q) = %v %v %d, want %v %s %d", c.in, k, v, dec, c.kind, c.v, c.dec)
		}
	}
}

// Rule: codes at the start of a content cell.
func TestSplitCode(t *testing.T) {
	for _, c := range []struct{ in, code, rest string }{
		{"I. Công tác chỉ đạo", "I", "Công tác chỉ đạo"},
		{"II - Cải cách", "II", "Cải cách"},
		{"IV.Tổ chức bộ máy", "IV", "Tổ chức bộ máy"},
		{"1. Kế hoạch", "1", "Kế hoạch"},
		{"1.1 Ban hành", "1.1", "Ban hành"},
		{"1.1. Ban hành", "1.1", "Ban hành"},
		{"2.3.1: Tỷ lệ", "2.3.1", "Tỷ lệ"},
		{"a) Cập nhật", "a", "Cập nhật"},
		{"b. Niêm yết", "b", "Niêm yết"},
		{"(c) Công khai", "c", "Công khai"},
		{"- Gạch đầu dòng", "", "Gạch đầu dòng"},
		{"+ Dấu cộng", "", "Dấu cộng"},
		{"XÂY DỰNG CHÍNH QUYỀN SỐ", "", "XÂY DỰNG CHÍNH QUYỀN SỐ"},
		{"VIỆC THỰC HIỆN", "", "VIỆC THỰC HIỆN"},
		{"Ban hành kế hoạch", "", "Ban hành kế hoạch"},
		{"Lĩnh vực I: Chỉ đạo", "I", "Chỉ đạo"},
		{"Tiêu chí 3.2 - Tỷ lệ", "3.2", "Tỷ lệ"},
	} {
		code, rest := splitCode(c.in)
		if code != c.code || rest != c.rest {
			t.Errorf("splitCode(%q) = %q, %q; want %q, %q", c.in, code, rest, c.code, c.rest)
		}
	}
}

// Rule: no YAML or markdown content makes Load panic or loop (aliases,
// odd node kinds, deep nesting).
func FuzzYAML(f *testing.F) {
	f.Add(unitsYAML, frameworkYAML, decisionMD)
	f.Add("a: &x [*x]\nb: *x", "areas: &a\n  - code: I\n    items: *a", "---\ntitle: &t [*t, *t]\n---\n")
	f.Add("groups: [1, [2], {id: {x: y}}]\nunits: {}", "id: [x]\nbands: {a: b}\nareas: [[], ~, 3]", "---\n---")
	f.Fuzz(func(t *testing.T, units, fw, md string) {
		fsys := baseFS()
		fsys["data/units.yaml"] = &fstest.MapFile{Data: []byte(units)}
		fsys["data/frameworks/f.yaml"] = &fstest.MapFile{Data: []byte(fw)}
		fsys["content/decisions/d.md"] = &fstest.MapFile{Data: []byte(md)}
		Load(fsys, Options{Workers: 1})
	})
}
