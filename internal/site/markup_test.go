package site

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"parindex/internal/baseurl"
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
		(&markup{base: baseurl.Root}).url(&b, "/"+s)
		b.WriteString(`">x</a><a href="/d/#`)
		fragment(&b, "/"+s)
		b.WriteString(`">y</a>`)
		if b.String() != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, b.String(), want.String())
		}
	}
}
