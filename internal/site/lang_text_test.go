package site

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"parindex/internal/par"
)

// A composed sentence is said in the page's language: Vietnamese exactly
// as its String, English through the catalog, clause by clause, with
// names in English where the data give them and marked Vietnamese where
// not, numbers and codes as they are.
func TestLangText(t *testing.T) {
	tot, kha := par.Name{Name: "Tốt", NameEn: "Good"}, par.Name{Name: "Khá"}
	xa := par.Name{Name: "xã", NameEn: "Commune people's committees"}
	share := par.Textf("%d/%d %s đạt từ %s trở lên (cần ít nhất %d/%d)", 5, 11, xa, tot, 2, 3)
	tests := []struct {
		name   string
		t      par.Text
		vi, en string
	}{
		{"zero", par.Text{}, "", ""},
		{"no args", par.Textf("không có điểm lĩnh vực"), "không có điểm lĩnh vực", "no area score"},
		{"year", par.Textf("năm %d không có điểm lĩnh vực này", 2021),
			"năm 2021 không có điểm lĩnh vực này", "no score for this area in 2021"},
		{"codes", par.Textf("bộ chỉ số đổi từ %s sang %s, không có bảng đối chiếu lĩnh vực giữa hai bộ", "so-2019", "so-2022"),
			"bộ chỉ số đổi từ so-2019 sang so-2022, không có bảng đối chiếu lĩnh vực giữa hai bộ",
			"the framework changed from so-2019 to so-2022, with no mapping of areas between the two"},
		{"names, nested", par.Textf("hạ từ %s xuống %s: %s", tot, kha, share),
			"hạ từ Tốt xuống Khá: 5/11 xã đạt từ Tốt trở lên (cần ít nhất 2/3)",
			"lowered from Good to " + foreign("Khá") + ": 5/11 Commune people's committees reached Good or better (at least 2/3 needed)"},
		{"nested with a code", par.Textf("không đối chiếu được tiêu chí giữa bộ %s và bộ %s: %s", "so-2022", "so-2025",
			par.Textf("lĩnh vực không có trong bảng đối chiếu với bộ %s", "so-2022")),
			"không đối chiếu được tiêu chí giữa bộ so-2022 và bộ so-2025: lĩnh vực không có trong bảng đối chiếu với bộ so-2022",
			"criteria cannot be matched between frameworks so-2022 and so-2025: the area is not in the mapping to framework so-2022"},
		{"group without English", par.Textf("không xếp loại: chưa có kết quả %s năm %d", par.Name{Name: "UBND cấp xã"}, 2024),
			"không xếp loại: chưa có kết quả UBND cấp xã năm 2024",
			"not banded: no results of " + foreign("UBND cấp xã") + " in 2024 yet"},
	}
	for _, tc := range tests {
		var missed []string
		vi, en := newLang(langVi, nil), newLang(langEn, func(k string) { missed = append(missed, k) })
		if got := vi.text(tc.t); got != tc.vi || got != tc.t.String() {
			t.Errorf("%s: vi %q, want %q (String %q)", tc.name, got, tc.vi, tc.t.String())
		}
		if got := en.text(tc.t); got != tc.en {
			t.Errorf("%s: en %q, want %q", tc.name, got, tc.en)
		}
		if len(missed) > 0 {
			t.Errorf("%s: no English for %q", tc.name, missed)
		}
	}
	// Several notes are said one after the other.
	en := newLang(langEn, nil)
	ns := []par.Text{par.Textf("năm %d không có phiếu chấm chi tiết theo tiêu chí", 2021), par.Textf("không có bộ chỉ số")}
	if got, want := en.texts(ns), "no detailed score sheet by criterion in 2021; no framework"; got != want {
		t.Errorf("texts: %q, want %q", got, want)
	}
	// A format without an English entry is recorded and said in Vietnamese.
	var missed []string
	en = newLang(langEn, func(k string) { missed = append(missed, k) })
	if got := en.text(par.Textf("câu chưa dịch %d", 1)); got != "câu chưa dịch 1" || !slices.Equal(missed, []string{"câu chưa dịch %d"}) {
		t.Errorf("untranslated: %q, missed %q", got, missed)
	}
}

// Every sentence format the model and compute stages compose (a literal
// format given to par.Textf) has an English entry that takes the same
// arguments: the fixture's pages cannot reach every such sentence, so the
// sources are read.
func TestTextFormatsTranslated(t *testing.T) {
	var formats []string
	fset := token.NewFileSet()
	for _, dir := range []string{"../par", "../compute"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				var name string
				switch fn := call.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				if name != "Textf" {
					return true
				}
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Errorf("%s: par.Textf with a format that is not a literal: the catalog cannot be checked", fset.Position(call.Pos()))
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				if got := len(call.Args) - 1; got != len(fmtVerbs(s)) && !call.Ellipsis.IsValid() {
					t.Errorf("%s: %q takes %d arguments, given %d", fset.Position(call.Pos()), s, len(fmtVerbs(s)), got)
				}
				formats = append(formats, s)
				return true
			})
		}
	}
	if len(formats) < 25 {
		t.Fatalf("found %d formats given to par.Textf; the scan is broken", len(formats))
	}
	for _, f := range formats {
		en, ok := catalogEn[f]
		if !ok {
			t.Errorf("no English for %q (add it to lang_en.go)", f)
			continue
		}
		if vv, ev := fmtVerbs(f), fmtVerbs(en); !slices.Equal(vv, ev) {
			t.Errorf("%q takes %q, its English %q takes %q", f, vv, en, ev)
		}
	}
}

var fmtVerb = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// fmtVerbs are the verbs of a format by the argument each formats, so that
// a translation may reorder them with explicit indexes (%[2]s).
func fmtVerbs(format string) []string {
	var out []string
	i := 0
	for _, m := range fmtVerb.FindAllStringSubmatch(format, -1) {
		if m[4] == "%" {
			continue
		}
		if m[2] != "" {
			n, _ := strconv.Atoi(m[2])
			i = n - 1
		}
		for len(out) <= i {
			out = append(out, "")
		}
		out[i] = m[4]
		i++
	}
	return out
}
