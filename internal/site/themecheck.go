package site

import (
	"errors"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"text/template/parse"

	"parindex/internal/baseurl"
	"parindex/internal/diag"
	"parindex/internal/par"
)

// CheckTheme parses the theme's templates as Render would — the shared
// layout with each page template — and has html/template check every
// context (an unclosed attribute, a missing "content"), so a mistake in
// the project's own templates/ is a located diagnostic from `check`, not
// a failed render. own is the project: a problem in a file it does not
// hold is in the built-in theme, reached through one of its own.
func CheckTheme(theme, own fs.FS) *diag.List {
	dl := &diag.List{}
	report := func(file string, line int, msg string) {
		if _, err := fs.Stat(own, file); err == nil {
			dl.Errorf(par.Source{File: file, Line: line}, "%s", msg)
			return
		}
		// A built-in template broken by the project's own: one cause,
		// however many built-in pages it breaks.
		at := file
		if line > 0 {
			at += ":" + strconv.Itoa(line)
		}
		dl.Because("theme:own").Errorf(par.Source{}, "built-in template %s: %s", at, msg)
	}
	shared, err := fs.Glob(theme, sharedGlob)
	if err != nil || len(shared) == 0 {
		dl.Errorf(par.Source{File: "templates/layout"}, "the theme has no layout templates (%s)", sharedGlob)
		return dl
	}
	common := template.New("").Funcs(funcs(baseurl.Root, nil, nil, nil, newLang(langVi, nil))).Funcs(dataFuncs(baseurl.Root, &provenance{}))
	for _, name := range shared {
		if err := parseFile(common, theme, name); err != nil {
			report(templateErr(name, err))
			return dl // every page needs the layout
		}
	}
	pages, _ := fs.Glob(theme, path.Join(themeDir, "*.html"))
	for _, name := range pages {
		t, err := common.Clone()
		if err != nil {
			report(templateErr(name, err))
			continue
		}
		if err := parseFile(t, theme, name); err != nil {
			report(templateErr(name, err))
			continue
		}
		// The embed page is a document of its own, "embed"; every other
		// page fills the layout's "content".
		entry := "content"
		if name == path.Join(themeDir, embedTemplate+".html") {
			entry = embedTemplate
		}
		if t.Lookup(entry) == nil {
			report(name, 1, `a page template must define "`+entry+`" ({{define "`+entry+`"}}…{{end}})`)
			continue
		}
		// Escaping happens on first execution, before anything runs; with
		// no data the execution then fails, which is not the theme's fault.
		// The page's own "content" first, alone, so a mistake in it is
		// found in its file, not where the layout goes on.
		if file, line, msg, bad := escapeCheck(t, entry); bad {
			report(file, line, msg)
		} else if entry == embedTemplate {
			continue
		} else if file, line, msg, bad := escapeCheck(t, "base"); bad {
			report(file, line, msg)
		}
	}
	return dl
}

// escapeCheck executes name in a copy of t with no data, for
// html/template to check the contexts of everything it reaches, and
// locates an escaping problem: at its node, else its line, else where
// the template it is in starts.
func escapeCheck(t *template.Template, name string) (file string, line int, msg string, bad bool) {
	c, err := t.Clone()
	if err != nil {
		return "", 0, "", false
	}
	// A failed escape leaves the set unusable: keep the parse trees first.
	trees := map[string]*parse.Tree{}
	for _, x := range c.Templates() {
		if x.Tree != nil {
			trees[x.Name()] = x.Tree
		}
	}
	var te *template.Error
	if err := c.ExecuteTemplate(io.Discard, name, nil); !errors.As(err, &te) || te.ErrorCode == template.ErrorCode(0) {
		return "", 0, "", false
	}
	tree := trees[te.Name]
	if tree == nil {
		tree = trees[name]
	}
	line = te.Line
	if tree != nil {
		file = tree.ParseName
		node, below := te.Node, 0
		if node == nil && line == 0 && te.ErrorCode == template.ErrEndContext {
			node, below = openQuote(tree)
		}
		if node == nil && line == 0 {
			node = tree.Root // where the template starts
		}
		if node != nil {
			if loc, _ := tree.ErrorContext(node); loc != "" {
				if f, l, ok := splitLoc(loc); ok {
					file, line = f, l+below
				}
			}
		}
	}
	return file, line, escapeMsg(te), true
}

// parseLoc is html/template's "template: file:line: message".
var parseLoc = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:\d+:)? ?(.*)$`)

// templateErr locates a parse error in the file it names.
func templateErr(name string, err error) (string, int, string) {
	msg := err.Error()
	if m := parseLoc.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[2])
		return m[1], n, m[3]
	}
	return name, 0, strings.TrimPrefix(msg, "template: ")
}

// openQuote finds the text where a template that ends inside an
// attribute opened its last unclosed quote, and how many lines below the
// start of that text the quote is; nil if there is none.
func openQuote(tree *parse.Tree) (parse.Node, int) {
	var last parse.Node
	lines := 0
	open := byte(0)
	for _, n := range tree.Root.Nodes {
		t, ok := n.(*parse.TextNode)
		if !ok {
			continue
		}
		for i, c := range t.Text {
			switch {
			case open == 0 && (c == '"' || c == '\''):
				open, last, lines = c, n, strings.Count(string(t.Text[:i]), "\n")
			case c == open:
				open = 0
			}
		}
	}
	if open == 0 {
		return nil, 0
	}
	return last, lines
}

// splitLoc reads "file:line:col" as text/template's ErrorContext gives it.
func splitLoc(loc string) (string, int, bool) {
	parts := strings.Split(loc, ":")
	if len(parts) < 3 {
		return "", 0, false
	}
	n, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil {
		return "", 0, false
	}
	return strings.Join(parts[:len(parts)-2], ":"), n, true
}

// escapeMsg is an escaping error without its "html/template:name:line:"
// prefix, which the location already says.
func escapeMsg(e *template.Error) string {
	msg := e.Description
	if msg == "" {
		msg = e.Error()
	}
	if e.ErrorCode == template.ErrEndContext {
		switch {
		case strings.Contains(msg, "delimDoubleQuote"):
			msg = `ends inside an attribute value: a closing " is missing`
		case strings.Contains(msg, "delimSingleQuote"):
			msg = "ends inside an attribute value: a closing ' is missing"
		case strings.Contains(msg, "stateComment"):
			msg = "ends inside an HTML comment: a closing --> is missing"
		case strings.Contains(msg, "stateTag") || strings.Contains(msg, "stateAttr"):
			msg = "ends inside a tag: a closing > is missing"
		}
	}
	if e.ErrorCode == template.ErrNoSuchTemplate {
		msg += ": the layout (templates/layout/) must define every template the pages use"
	}
	return msg
}
