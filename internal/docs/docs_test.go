package docs

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"parindex/internal/viet"
)

var update = flag.Bool("update", false, "rewrite the want.html section of testdata/*.txtar from the current output")

// A case file in testdata is a txtar archive: an optional comment, where a
// line "prefix: X" sets Options.IDPrefix, then the sections "-- in.md --"
// and "-- want.html --".
//
// The txtar format is read and written by the small helpers at the end of
// this file: github.com/rogpeppe/go-internal/txtar is only a wrapper around
// golang.org/x/tools/txtar, which this module does not require.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar cases")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := parseTxtar(data)
			in, ok := ar.get("in.md")
			if !ok {
				t.Fatalf("%s: no -- in.md -- section", file)
			}
			opt := Options{IDPrefix: commentValue(ar.comment, "prefix"), BasePath: commentValue(ar.comment, "base")}
			got, notes, err := RenderNotes(in, opt)
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			var nb strings.Builder
			for _, n := range notes {
				fmt.Fprintf(&nb, "%d: %s\n", n.Line, n.Msg)
			}
			checkSafe(t, got)
			if again, _ := Render(in, opt); again != got {
				t.Errorf("output not deterministic")
			}
			if *update {
				ar.set("want.html", []byte(got))
				if nb.Len() > 0 {
					ar.set("notes.txt", []byte(nb.String()))
				}
				if err := os.WriteFile(file, ar.format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, ok := ar.get("want.html")
			if !ok {
				t.Fatalf("%s: no -- want.html -- section (run go test -update)", file)
			}
			if got != string(want) {
				t.Errorf("%s: output differs (go test -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", file, got, want)
			}
			// The notes (raw HTML dropped, images from other sites shown as
			// links, links removed) with their lines.
			if wantNotes, _ := ar.get("notes.txt"); nb.String() != string(wantNotes) {
				t.Errorf("%s: notes differ (go test -update rewrites them)\n--- got ---\n%s--- want ---\n%s", file, nb.String(), wantNotes)
			}
		})
	}
}

// badTags may run script, load other documents or restyle the page.
var badTags = map[string]bool{
	"script": true, "iframe": true, "frame": true, "object": true, "embed": true,
	"style": true, "svg": true, "math": true, "form": true, "meta": true,
	"link": true, "base": true, "template": true, "noscript": true,
}

// checkSafe asserts the properties promised to callers for every output,
// reading it with a real HTML tokenizer (as a browser would), so attribute
// values are decoded before they are judged.
func checkSafe(t *testing.T, out string) {
	t.Helper()
	for _, p := range problems(out) {
		t.Error(p)
	}
}

// problems lists what makes out unsafe, if anything.
func problems(out string) []string {
	var ps []string
	errorf := func(format string, args ...any) { ps = append(ps, fmt.Sprintf(format, args...)) }
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				errorf("tokenizer: %v", z.Err())
			}
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if badTags[tok.Data] {
			errorf("dangerous tag <%s> in output", tok.Data)
		}
		for _, a := range tok.Attr {
			name := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(name, "on"):
				errorf("event handler %s=%q on <%s>", a.Key, a.Val, tok.Data)
			case name == "style":
				// Even table alignment: a strict CSP (style-src 'self')
				// would drop it.
				errorf("style attribute on <%s>", tok.Data)
			case name == "href" && !linkAllowed([]byte(a.Val)):
				errorf("dangerous href %q", a.Val)
			case name == "src" && !imageAllowed([]byte(a.Val)):
				errorf("dangerous src %q", a.Val)
			case name == "src" && offSite([]byte(html.UnescapeString(a.Val))):
				errorf("<%s> loads from outside the site: %q", tok.Data, a.Val)
			}
		}
	}
	if viet.NFC(out) != out {
		errorf("output is not NFC")
	}
	if !utf8.ValidString(out) {
		errorf("output is not valid UTF-8")
	}
	return ps
}

func TestProblemsCatchesUnsafeHTML(t *testing.T) {
	for _, bad := range []string{
		`<script>alert(1)</script>`,
		`<p><img src="x" onerror="alert(1)"></p>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a href=" JAVASCRIPT:alert(1)">x</a>`,
		`<img src="data:image/png;base64,AAAA">`,
		`<p style="position:fixed">x</p>`,
		`<td style="text-align:right">1</td>`,
		`<svg><circle/></svg>`,
		"<p>" + "e\u0301" + "</p>",
	} {
		if len(problems(bad)) == 0 {
			t.Errorf("problems(%q) found nothing", bad)
		}
	}
	good := `<p><a href="https://a.vn/">a</a> <img src="b.png" alt="x&quot; onerror=y"></p>`
	if ps := problems(good); len(ps) != 0 {
		t.Errorf("problems(%q) = %q, want none", good, ps)
	}
}

func TestNFDCaseIsReallyNFD(t *testing.T) {
	// Editors like to normalise files on save: make sure the fixture still
	// holds decomposed text, or the nfd case proves nothing.
	data, err := os.ReadFile(filepath.Join("testdata", "nfd.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	in, _ := parseTxtar(data).get("in.md")
	if viet.NFC(string(in)) == string(in) {
		t.Fatal("testdata/nfd.txtar in.md is already NFC; regenerate it in NFD")
	}
}

func TestPrefixesKeepDocumentsApart(t *testing.T) {
	src := []byte("# Tổng quan\n\nMột ghi chú[^1].\n\n[^1]: Nguồn: Bộ Nội vụ.\n")
	a, err := Render(src, Options{IDPrefix: "n-a-"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(src, Options{IDPrefix: "n-b-"})
	if err != nil {
		t.Fatal(err)
	}
	ids := regexp.MustCompile(`id="([^"]*)"`)
	seen := map[string]bool{}
	for _, m := range ids.FindAllStringSubmatch(a, -1) {
		seen[m[1]] = true
	}
	n := 0
	for _, m := range ids.FindAllStringSubmatch(b, -1) {
		n++
		if seen[m[1]] {
			t.Errorf("id %q appears in both documents", m[1])
		}
	}
	if n < 3 { // heading, footnote reference, footnote
		t.Errorf("expected at least 3 ids, got %d in %s", n, b)
	}
}

func TestBadPrefix(t *testing.T) {
	for _, p := range []string{`x"y`, "a b", "<", "đ-"} {
		if _, err := Render([]byte("# A"), Options{IDPrefix: p}); err == nil {
			t.Errorf("IDPrefix %q accepted", p)
		}
	}
	if _, err := Render([]byte("# A"), Options{IDPrefix: "n-unit_2-"}); err != nil {
		t.Errorf("valid prefix refused: %v", err)
	}
}

func TestLinkPolicy(t *testing.T) {
	tests := []struct {
		url         string
		link, image bool
	}{
		{"https://parindex.gov.vn/", true, true},
		{"http://example.com", true, true},
		{"HTTPS://EXAMPLE.COM", true, true},
		{"mailto:ban@example.vn", true, false},
		{"tel:+84241234567", true, false},
		{"/tinh/dak-lak/", true, true},
		{"../phuong-phap.html#chi-so", true, true},
		{"#muc-1", true, true},
		{"?nam=2024", true, true},
		{"//cdn.example.com/a.png", true, true},
		{"anh/bieu-do.png", true, true},
		{"javascript:alert(1)", false, false},
		{"JavaScript:alert(1)", false, false},
		{" \tjavascript:alert(1)", false, false},
		{"java\tscript:alert(1)", false, false},
		{"java\nscript:alert(1)", false, false},
		{"vbscript:msgbox", false, false},
		{"data:text/html,<script>alert(1)</script>", false, false},
		{"data:image/png;base64,iVBORw0KGgo=", false, false},
		{"file:///etc/passwd", false, false},
		{"ftp://example.com/", false, false},
		{"java%09script:alert(1)", false, false},
	}
	for _, tt := range tests {
		if got := linkAllowed([]byte(tt.url)); got != tt.link {
			t.Errorf("linkAllowed(%q) = %v, want %v", tt.url, got, tt.link)
		}
		if got := imageAllowed([]byte(tt.url)); got != tt.image {
			t.Errorf("imageAllowed(%q) = %v, want %v", tt.url, got, tt.image)
		}
	}
}

func TestEmpty(t *testing.T) {
	got, err := Render(nil, Options{})
	if err != nil || got != "" {
		t.Errorf("Render(nil) = %q, %v; want empty", got, err)
	}
}

// ---- minimal txtar ----

type txtarFile struct {
	name string
	data []byte
}

type txtarArchive struct {
	comment []byte
	files   []txtarFile
}

// parseTxtar reads the txtar format: a comment, then files, each starting
// with a line "-- NAME --".
func parseTxtar(data []byte) *txtarArchive {
	ar := &txtarArchive{}
	var cur *txtarFile
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		if name, ok := txtarMarker(line); ok {
			ar.files = append(ar.files, txtarFile{name: name})
			cur = &ar.files[len(ar.files)-1]
			continue
		}
		if cur == nil {
			ar.comment = append(ar.comment, line...)
		} else {
			cur.data = append(cur.data, line...)
		}
	}
	return ar
}

func txtarMarker(line []byte) (string, bool) {
	s := strings.TrimRight(string(line), "\r\n")
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < 7 {
		return "", false
	}
	name := strings.TrimSpace(s[3 : len(s)-3])
	return name, name != ""
}

func (ar *txtarArchive) get(name string) ([]byte, bool) {
	for _, f := range ar.files {
		if f.name == name {
			return f.data, true
		}
	}
	return nil, false
}

func (ar *txtarArchive) set(name string, data []byte) {
	for i := range ar.files {
		if ar.files[i].name == name {
			ar.files[i].data = data
			return
		}
	}
	ar.files = append(ar.files, txtarFile{name: name, data: data})
}

func (ar *txtarArchive) format() []byte {
	var b bytes.Buffer
	b.Write(fixNL(ar.comment))
	for _, f := range ar.files {
		b.WriteString("-- " + f.name + " --\n")
		b.Write(fixNL(f.data))
	}
	return b.Bytes()
}

func fixNL(b []byte) []byte {
	if len(b) == 0 || b[len(b)-1] == '\n' {
		return b
	}
	return append(b[:len(b):len(b)], '\n')
}

// commentValue returns the value of the first "key: value" line of the
// comment, or "".
func commentValue(comment []byte, key string) string {
	for _, line := range strings.Split(string(comment), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), key+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// FuzzRender checks the safety promises on arbitrary input. The seeds are
// the in.md sections of the golden cases plus a few hostile snippets.
func FuzzRender(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			if in, ok := parseTxtar(data).get("in.md"); ok {
				f.Add(in)
			}
		}
	}
	for _, s := range []string{
		"```\"><script>alert(1)</script>\nx\n```\n",
		"# <b onclick=x>Tiêu đề</b>\n",
		"[a](javascript&colon;alert(1))",
		"[a](  javascript:alert(1)  )",
		"![x\" onerror=\"alert(1)](y.png)",
		"[a](b \"t\\\" onmouseover=alert(1)\")",
		"<svg/onload=alert(1)>",
		"www.example.com/<script>",
		"[^1]\n\n[^1]: <script>x</script>",
	} {
		f.Add([]byte(s))
	}
	for _, s := range []string{
		"caf\xe9 \xff\xfe ![a\xc3](https://x.vn/\xff.png)",
		"# Ti\xeau \xc3\x28\n\n| a\xa0 | b |\n|---|---|\n| \xf0\x28\x8c\x28 | x |\n",
		"[^1]\n\n[^1]: \xed\xa0\x80 surrogate",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, notes, err := RenderNotes(src, Options{IDPrefix: "n-", BasePath: "/chi-so-cchc/"})
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		checkSafe(t, got)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, n := range notes {
			if n.Line < 1 || n.Line > lines {
				t.Errorf("note at line %d of %d: %s", n.Line, lines, n.Msg)
			}
			if !utf8.ValidString(n.Msg) {
				t.Errorf("note is not valid UTF-8: %q", n.Msg)
			}
		}
	})
}
