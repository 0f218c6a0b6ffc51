package site

import (
	"bytes"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"parindex/internal/baseurl"
	"parindex/internal/par"
)

// The Go writers escape exactly as html/template does in text, in a quoted
// attribute, in an href and in an href's fragment: the goldens could only
// show this for the strings the fixture has.
func TestMarkupEscapesLikeHTMLTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<p title="{{.}}">{{.}}</p><a href="{{.}}">x</a><a href="/d/#{{.}}">y</a>`))
	for _, s := range []string{
		"", "plain", `<script>alert(1)</script>`, `" onmouseover="x`, "it's & +1 > 0", "a\x00b",
		"Sở Nội vụ", "Se\u0301", "\xff\xfe bad utf-8", "/nam/2023/so/", "/a b/c?d=e&f=g#h", "%zz %41 100%",
		"javascript:alert(1)", "/x:y", "~!#$*,/:;=?@[]'()", "tab\there\nnew",
	} {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, "/"+s); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		b.WriteString(`<p title="`)
		esc(&b, "/"+s)
		b.WriteString(`">`)
		esc(&b, "/"+s)
		b.WriteString(`</p><a href="`)
		(&markup{base: baseurl.Root, lang: newLang(langVi, nil)}).url(&b, "/"+s)
		b.WriteString(`">x</a><a href="/d/#`)
		fragment(&b, "/"+s)
		b.WriteString(`">y</a>`)
		if b.String() != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, b.String(), want.String())
		}
	}
}

// A figure's source key, read back as site.js reads it (sourceText), gives
// the text the title attribute had.
func TestSourceKeys(t *testing.T) {
	var srcs sources
	annex := func(cell string) par.Source {
		return par.Source{File: "data/scores/2023/phu-luc.xlsx", Sheet: "Khối xã", Cell: cell}
	}
	for _, tc := range []struct {
		row     []par.Source // the table row's figures (startRow), nil = same row as before
		o       par.Origin
		src     par.Source
		key     string
		rowAttr string
	}{
		{row: []par.Source{{File: "data/scores/2023/so/a.xlsx", Sheet: "Phiếu chấm", Cell: "F20"}}, rowAttr: "0!20",
			o: par.Published, src: par.Source{File: "data/scores/2023/so/a.xlsx", Sheet: "Phiếu chấm", Cell: "F20"}, key: "F"},
		{o: par.Computed, src: par.Source{File: "data/scores/2023/so/a.xlsx", Sheet: "Phiếu chấm", Cell: "F21"}, key: "c0!F21"},
		{o: par.Published, src: annex("A5"), key: "1!A5"},
		{row: []par.Source{{}, annex("A5")}, rowAttr: "1!5", o: par.Published, src: annex("C5"), key: "C"},
		{o: par.Computed, src: annex("AB5"), key: "cAB"},
		{o: par.Published, src: par.Source{File: "data/scores/2023/phu-luc.xlsx", Sheet: "Khối xã"}, key: "1"},
		{o: par.Published, src: par.Source{File: "data/reconciliation.yaml", Line: 6}, key: "2"},
		{o: par.Computed, src: par.Source{File: "data/x.xlsx"}, key: "c3"},
		{o: par.Published, src: annex("$C$5"), key: "1!$C$5"},
		{row: []par.Source{}, o: par.Published, src: annex("C5"), key: "1!C5"},
		{o: par.Published, src: par.Source{}},
	} {
		if tc.row != nil {
			if got := srcs.startRow(tc.row...); got != tc.rowAttr {
				t.Errorf("startRow(%v) = %q, want %q", tc.row, got, tc.rowAttr)
			}
		}
		key := srcs.key(tc.o, tc.src)
		if key != tc.key {
			t.Errorf("key of %v = %q, want %q", tc.src, key, tc.key)
		}
		if got, want := readKey(key, srcs.row, srcs.list), srcTitle(tc.src, tc.o, newLang(langVi, nil)); got != want {
			t.Errorf("key %q of %v reads %q, want %q", key, tc.src, got, want)
		}
	}
	if len(srcs.list) != 4 {
		t.Errorf("list = %q: a file and sheet is listed once", srcs.list)
	}
}

// readKey is site.js's sourceText.
func readKey(key string, row rowRef, places []string) string {
	m := regexp.MustCompile(`^(c?)(?:(\d+)(?:!(.+))?|([A-Z]+))$`).FindStringSubmatch(key)
	if m == nil {
		return ""
	}
	place, cell := m[2], m[3]
	if m[4] != "" {
		place, cell = strconv.Itoa(row.place), m[4]+row.row
	}
	i, _ := strconv.Atoi(place)
	text := places[i]
	if cell != "" {
		text += "!" + cell
	}
	if m[1] != "" {
		return "Số liệu tính toán, dữ liệu gốc: " + text
	}
	return "Nguồn: " + text
}
