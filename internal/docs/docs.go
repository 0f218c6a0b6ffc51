// Package docs turns the Markdown narratives and decision texts of the site
// (province commentaries, methodology notes, quoted decisions) into HTML.
//
// Stage: render. It is the only package of the project that imports
// goldmark.
//
// Input: the Markdown body of one document as bytes, with any front matter
// already removed by the caller, plus Options. The text may be NFC or NFD;
// Render normalises it to NFC first, so the output is always NFC. The
// Markdown dialect is CommonMark plus GitHub Flavored Markdown (tables,
// strikethrough, autolinks of bare URLs and e-mail addresses, task lists)
// and footnotes ("[^1]"). There is no typographer and no attribute syntax.
//
// Output: an HTML fragment as a string, deterministic for a given input,
// that is safe to embed in a page without further escaping:
//
//   - raw HTML, block or inline, is never passed through: each piece becomes
//     the comment "<!-- raw HTML omitted -->", and a Note names its line;
//   - a link whose URL has a scheme other than http, https, mailto or tel
//     (javascript:, vbscript:, data:, file:, ...) is unwrapped into plain
//     text, so no clickable element is produced; an image whose URL has a
//     scheme other than http and https (data: included) is replaced by its
//     alt text;
//   - nothing is loaded from outside the site: an image on another site
//     (http:, https:, or protocol-relative "//host/…") becomes a plain link
//     to it, with its alt text as the link's text (or just the text inside
//     another link), and a Note says so; relative images load from the
//     site itself;
//   - root-relative URLs ("/files/2023/qd.pdf", "/nam/2023/") are put
//     under Options.BasePath, so they work under any base path;
//   - bytes that are not UTF-8 become U+FFFD, so the output is always
//     valid UTF-8 (ingest refuses such files first, naming the line);
//   - headings get ids made of Options.IDPrefix and an ASCII slug of the
//     heading text (viet.Slug), with "-1", "-2", ... added to repeats;
//     footnote ids ("fn:1", "fnref:1") carry the same prefix, so two
//     documents rendered with different prefixes can share a page;
//   - each table is wrapped in a focusable <div class="table-wrap"
//     role="region">, so a wide table scrolls, by keyboard too
//     to make wide tables scroll sideways on phones.
package docs

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"parindex/internal/viet"
)

// Options control one call of Render.
type Options struct {
	// IDPrefix starts every id attribute that Render generates: heading
	// ids and footnote ids. Give each document on a page its own prefix,
	// for example "n-unit-". It may be empty, and may contain only ASCII
	// letters, digits, "-" and "_".
	IDPrefix string
	// BasePath is the site's base path ("/" or e.g. "/chi-so-cchc/");
	// root-relative link and image URLs are put under it. "" means "/".
	BasePath string
}

// Note is something Render changed that the author should know about, at
// a 1-based line of the source.
type Note struct {
	Line int
	Msg  string
}

// fallbackID is the heading id used when the heading text has no letter or
// digit that a slug can keep (for example an empty heading or one made of
// emoji only).
const fallbackID = "muc"

// Render converts the Markdown src into a safe HTML fragment; see the
// package documentation for what safe means here. It returns an error only
// for an invalid Options.IDPrefix or if goldmark fails. Render is safe for
// concurrent use: every call builds its own goldmark instance.
func Render(src []byte, opt Options) (string, error) {
	h, _, err := RenderNotes(src, opt)
	return h, err
}

// RenderNotes is Render that also returns the notes: raw HTML dropped,
// images from other sites shown as links, unsafe links removed, each with
// its line, in source order.
func RenderNotes(src []byte, opt Options) (string, []Note, error) {
	if err := checkPrefix(opt.IDPrefix); err != nil {
		return "", nil, err
	}
	src = []byte(viet.NFC(strings.ToValidUTF8(string(src), "\uFFFD")))
	base := opt.BasePath
	if base == "" {
		base = "/"
	}
	st := &safeTransformer{prefix: opt.IDPrefix, base: base}

	md := goldmark.New(
		goldmark.WithExtensions(
			// GFM without its default table cell alignment, which is a
			// style attribute a strict Content-Security-Policy blocks:
			// aligned cells get a class instead (see the transformer).
			extension.Linkify,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.TaskList,
			extension.NewFootnote(extension.WithFootnoteIDPrefix(opt.IDPrefix)),
		),
		goldmark.WithParserOptions(
			parser.WithASTTransformers(
				// After the footnote transformer (999), so that headings
				// inside footnotes are seen where they will be rendered.
				util.Prioritized(st, 1000),
			),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(tableWrapRenderer{}, 500)),
			// html.WithUnsafe is deliberately NOT set.
		),
	)
	var buf bytes.Buffer
	if err := md.Convert(src, &buf); err != nil {
		return "", nil, fmt.Errorf("markdown: %w", err)
	}
	return buf.String(), st.notes, nil
}

func checkPrefix(p string) error {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') || c == '-' || c == '_' {
			continue
		}
		return fmt.Errorf("docs: IDPrefix %q: only ASCII letters, digits, '-' and '_' are allowed", p)
	}
	return nil
}

// safeTransformer rewrites the parsed document before rendering: heading
// ids, removal of unsafe links and images, table wrappers. It keeps state
// for one document only, so Render makes a new one for each call.
type safeTransformer struct {
	prefix string
	base   string // base path for root-relative URLs
	used   map[string]bool
	notes  []Note
}

func (t *safeTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	t.used = map[string]bool{}

	// Collect first, change afterwards: the walk must not see a tree that
	// is being rearranged under it.
	var (
		headings []*ast.Heading
		unwrap   []ast.Node
		outside  []*ast.Image // images on other sites: become links
		autolink []*ast.AutoLink
		tables   []*extast.Table
		rawLines = map[int][]string{} // line → raw HTML dropped there
	)
	raw := func(line int, seg []byte) {
		s := strings.Join(strings.Fields(string(seg)), " ")
		if r := []rune(s); len(r) > 40 {
			s = string(r[:39]) + "…"
		}
		if s != "" {
			rawLines[line] = append(rawLines[line], s)
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
		case *ast.Link:
			dest := util.URLEscape(n.Destination, true)
			if !linkAllowed(dest) {
				unwrap = append(unwrap, n)
				t.note(lineOf(n, source), "link to %s removed, its text kept: only http, https, mailto and tel links are published", shortURL(n.Destination))
			} else {
				n.Destination = t.underBase(n.Destination)
			}
		case *ast.Image:
			dest := util.URLEscape(n.Destination, true)
			switch {
			case !imageAllowed(dest):
				unwrap = append(unwrap, n)
				t.note(lineOf(n, source), "image %s not shown, its text kept: only images of the site itself are shown", shortURL(n.Destination))
			case offSite(dest) || offSite(n.Destination):
				outside = append(outside, n)
			default:
				n.Destination = t.underBase(n.Destination)
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL && !linkAllowed(util.URLEscape(n.URL(source), false)) {
				autolink = append(autolink, n)
			}
		case *extast.Table:
			tables = append(tables, n)
		case *extast.TableCell:
			if n.Alignment != extast.AlignNone {
				n.SetAttributeString("class", []byte("align-"+n.Alignment.String()))
			}
		case *ast.HTMLBlock:
			// One note per block, at its first line.
			if n.Lines().Len() > 0 {
				seg := n.Lines().At(0)
				text := seg.Value(source)
				if n.Lines().Len() > 1 || n.HasClosure() {
					text = append(append([]byte{}, text...), " …"...)
				}
				raw(lineAt(source, seg.Start), text)
			}
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				raw(lineAt(source, seg.Start), seg.Value(source))
			}
		}
		return ast.WalkContinue, nil
	})

	for _, h := range headings {
		h.SetAttributeString("id", []byte(t.headingID(h, source)))
	}
	for _, n := range unwrap {
		replaceWithChildren(n)
	}
	for _, img := range outside {
		line := lineOf(img, source)
		if insideLink(img) {
			// A link cannot hold another one: keep the alt text.
			replaceWithChildren(img)
			t.note(line, "image from another site (%s) not shown, its text kept: the site loads nothing from outside itself; copy the image under content/files/ to show it", shortURL(img.Destination))
			continue
		}
		l := ast.NewLink()
		l.Destination = img.Destination
		l.Title = img.Title
		if img.ChildCount() == 0 {
			s := ast.NewString(img.Destination)
			s.SetRaw(true)
			l.AppendChild(l, s)
		}
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			l.AppendChild(l, c)
			c = next
		}
		img.Parent().ReplaceChild(img.Parent(), img, l)
		t.note(line, "image from another site (%s) shown as a link, not loaded: the site loads nothing from outside itself; copy the image under content/files/ to show it", shortURL(img.Destination))
	}
	for _, n := range autolink {
		s := ast.NewString(n.Label(source))
		s.SetRaw(true) // label shown as written, HTML-escaped
		n.Parent().ReplaceChild(n.Parent(), n, s)
	}
	for _, tb := range tables {
		w := &tableWrap{}
		tb.Parent().ReplaceChild(tb.Parent(), tb, w)
		w.AppendChild(w, tb)
	}
	for line, pieces := range rawLines {
		t.notes = append(t.notes, Note{Line: line, Msg: "raw HTML dropped (not published): " + strings.Join(pieces, " ")})
	}
	slices.SortStableFunc(t.notes, func(a, b Note) int { return a.Line - b.Line })
}

func (t *safeTransformer) note(line int, format string, args ...any) {
	t.notes = append(t.notes, Note{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// underBase puts a root-relative URL ("/files/a.pdf") under the base path.
func (t *safeTransformer) underBase(dest []byte) []byte {
	if t.base == "/" || len(dest) == 0 || dest[0] != '/' || len(dest) > 1 && (dest[1] == '/' || dest[1] == '\\') {
		return dest
	}
	return append([]byte(t.base), dest[1:]...)
}

// offSite reports a URL that loads from another host: one with a scheme
// (http, https: the others are refused before), or protocol-relative
// ("//host/a.png"; browsers read a backslash as a slash).
func offSite(u []byte) bool {
	if _, ok := scheme(u); ok {
		return true
	}
	u = bytes.TrimLeftFunc(u, func(r rune) bool { return r <= ' ' })
	return len(u) >= 2 && (u[0] == '/' || u[0] == '\\') && (u[1] == '/' || u[1] == '\\')
}

// insideLink reports whether n has a link above it.
func insideLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.Link); ok {
			return true
		}
	}
	return false
}

// shortURL quotes a URL for a note, shortened.
func shortURL(u []byte) string {
	s := string(u)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return strconv.Quote(s)
}

// lineOf is the line an inline node starts on: its first text segment, or
// its block's first line.
func lineOf(n ast.Node, source []byte) int {
	var found = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || found >= 0 {
			return ast.WalkStop, nil
		}
		if tx, ok := c.(*ast.Text); ok {
			found = tx.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found >= 0 {
		return lineAt(source, found)
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines() != nil && p.Lines().Len() > 0 {
			return lineAt(source, p.Lines().At(0).Start)
		}
	}
	return 1
}

// lineAt is the 1-based line of a byte offset.
func lineAt(source []byte, off int) int {
	return bytes.Count(source[:min(off, len(source))], []byte("\n")) + 1
}

// headingID returns the unique id for h: prefix + slug of its text, then
// "-1", "-2", ... when that id is already taken in this document.
func (t *safeTransformer) headingID(h *ast.Heading, source []byte) string {
	slug := viet.Slug(plainText(h, source))
	if slug == "" {
		slug = fallbackID
	}
	base := t.prefix + slug
	id := base
	for i := 1; t.used[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	t.used[id] = true
	return id
}

// plainText returns the text a reader sees in n: text, code spans, link
// texts, image alt texts and autolink labels, with entities and backslash
// escapes resolved; raw HTML is left out.
func plainText(n ast.Node, source []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(source))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	v := util.UnescapePunctuations(b.Bytes())
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	return string(v)
}

// replaceWithChildren puts the children of n where n was and removes n, so
// that a link becomes its text and an image its alt text.
func replaceWithChildren(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c) // also detaches c from n
		c = next
	}
	parent.RemoveChild(parent, n)
}

// scheme returns the lower-cased scheme of u, and whether u has one. Like a
// browser it ignores leading and trailing spaces and control characters and
// any tab or newline. Anything before a ':' that comes ahead of every '/',
// '?' and '#' counts as a scheme, even if it is not a syntactically valid
// one: an odd string is then refused rather than guessed about.
func scheme(u []byte) (string, bool) {
	u = bytes.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = bytes.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	i := bytes.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return "", false
	}
	return string(bytes.ToLower(u[:i])), true
}

// linkAllowed reports whether a link to u may be clickable: relative URLs,
// http, https, mailto and tel.
func linkAllowed(u []byte) bool {
	s, ok := scheme(u)
	if !ok {
		return true
	}
	switch s {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// imageAllowed reports whether an image may load from u: relative URLs,
// http and https. data: URLs are refused too.
func imageAllowed(u []byte) bool {
	s, ok := scheme(u)
	return !ok || s == "http" || s == "https"
}

// kindTableWrap is the node kind of tableWrap.
var kindTableWrap = ast.NewNodeKind("TableWrap")

// tableWrap is a block that holds one table and renders as
// <div class="table-wrap">.
type tableWrap struct {
	ast.BaseBlock
}

func (n *tableWrap) Kind() ast.NodeKind { return kindTableWrap }

func (n *tableWrap) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

type tableWrapRenderer struct{}

func (tableWrapRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTableWrap, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			// A wide table scrolls sideways on a phone; the wrapper is
			// focusable so the keyboard can scroll it too.
			_, _ = w.WriteString("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng\">\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}
