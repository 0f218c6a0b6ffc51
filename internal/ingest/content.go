package ingest

import (
	"io/fs"
	"path"
	"strconv"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/projfs"
	"parindex/internal/viet"
)

// loadContent reads content/**: markdown documents with their front matter
// (the markdown itself is rendered by the docs stage) and the attachment
// files under content/files/.
func loadContent(fsys fs.FS, reg *par.Registry, d *diag.List) ([]*par.Doc, []string) {
	var docs []*par.Doc
	var assets []string
	for _, p := range walkFiles(fsys, contentDir, d) {
		rel := strings.TrimPrefix(p, contentDir+"/")
		if strings.HasPrefix(rel, "files/") {
			if !hidden(p) && checkAttachment(fsys, p, d) {
				assets = append(assets, rel)
			}
			continue
		}
		if hidden(p) {
			continue
		}
		if strings.ToLower(path.Ext(p)) != ".md" {
			d.Warnf(par.Source{File: p}, "not a markdown document and not under %s/files/; ignored", contentDir)
			continue
		}
		if doc := cachedDoc(fsys, p, rel, reg, d); doc != nil {
			docs = append(docs, doc)
		}
	}
	return docs, assets
}

// cachedDoc reads one document: placed by its path, then its front matter
// and body. Through a Cache, a document whose file and configuration are
// unchanged since the last load is that load's, with its diagnostics.
func cachedDoc(fsys fs.FS, p, rel string, reg *par.Registry, d *diag.List) *par.Doc {
	in := inputOf(fsys)
	st, stamped := in.stamps[p]
	if in.cache != nil && stamped {
		if e := in.cache.doc(p); e != nil && e.stamp == st && e.cfg == in.cfg {
			d.Merge(&e.d)
			return e.doc
		}
	}
	e := &docEntry{stamp: st, cfg: in.cfg}
	doc := placeDoc(p, rel, reg, &e.d)
	if doc != nil && readDoc(fsys, doc, reg, &e.d) {
		e.doc = doc
	}
	d.Merge(&e.d)
	if in.cache != nil && stamped && !in.stopped() {
		in.cache.storeDoc(p, e)
	}
	return e.doc
}

// placeDoc tells a document's kind from its path.
func placeDoc(p, rel string, reg *par.Registry, d *diag.List) *par.Doc {
	src := par.Source{File: p, Line: 1}
	doc := &par.Doc{Path: p, Lang: "vi", Src: src}
	parts := strings.Split(strings.TrimSuffix(rel, path.Ext(rel)), "/")
	// "years/2023.en.md" is the English version of "years/2023.md",
	// shown on the English pages (internal/site, lang.go).
	if last, ok := strings.CutSuffix(parts[len(parts)-1], ".en"); ok {
		parts[len(parts)-1] = last
		doc.Lang = "en"
	}
	doc.Slug = parts[len(parts)-1]
	year := func(s string) (int, bool) {
		y, err := strconv.Atoi(s)
		if err != nil || y < 1900 || y > 2200 {
			d.Errorf(src, "year %q is not a year number", s)
			return 0, false
		}
		return y, true
	}
	ok := true
	switch {
	case len(parts) == 1 && parts[0] == "index":
		doc.Kind = par.DocSite
	case len(parts) == 2 && parts[0] == "decisions":
		doc.Kind = par.DocDecision
	case len(parts) == 2 && parts[0] == "pages":
		doc.Kind = par.DocPage
	case len(parts) == 2 && parts[0] == "years":
		doc.Kind = par.DocYear
		doc.Year, ok = year(parts[1])
	case len(parts) == 3 && parts[0] == "years":
		doc.Kind = par.DocGroupYear
		doc.Year, ok = year(parts[1])
		doc.Group = parts[2]
		if reg.Group(doc.Group) == nil {
			// A narrative is not data: it is not shown, the build goes on.
			d.Because(diag.GroupKey(doc.Group)).Warnf(src, "narrative for group %q, which is not in data/units.yaml%s; it is not shown", doc.Group, groupHint(reg, doc.Group))
			ok = false
		}
	case len(parts) == 2 && parts[0] == "units":
		doc.Kind = par.DocUnit
		doc.Unit = parts[1]
	case len(parts) == 3 && parts[0] == "units":
		doc.Kind = par.DocUnitYear
		doc.Unit = parts[1]
		doc.Year, ok = year(parts[2])
	default:
		d.Warnf(src, "not a known place for a document (see FORMATS.md, \"content/\"); ignored")
		return nil
	}
	if doc.Lang == "en" && doc.Kind == par.DocDecision {
		d.Warnf(src, "a decision is published as issued, in Vietnamese: its English version is not shown")
		return nil
	}
	if doc.Unit != "" && reg.Unit(doc.Unit) == nil {
		d.Because(diag.UnitKey(doc.Unit)).Warnf(src, "narrative for unit %q, which is not in data/units.yaml%s; it is not shown", doc.Unit, unitHint(reg, doc.Unit))
		ok = false
	}
	if doc.Slug == "" || (!slugID.MatchString(doc.Slug) && (doc.Kind == par.DocDecision || doc.Kind == par.DocPage)) {
		d.Errorf(src, "file name %q is not a slug (use a-z, 0-9 and \"-\"); it becomes the page's address", doc.Slug)
		ok = false
	}
	if !ok {
		return nil
	}
	return doc
}

// readDoc splits front matter from body and decodes the front matter.
func readDoc(fsys fs.FS, doc *par.Doc, reg *par.Registry, d *diag.List) bool {
	data, ok := readText(fsys, doc.Path, d)
	if !ok {
		return false
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	fm, body, bodyLine, ok := splitFrontMatter(text)
	if !ok {
		d.Errorf(doc.Src, "front matter is not closed by a \"---\" line")
		return false
	}
	doc.Body = []byte(viet.NFC(body))
	doc.BodyLine = bodyLine
	y := &yfile{path: doc.Path, lineOff: 1, d: d}
	root, _ := y.parse([]byte(fm))
	if doc.Kind != par.DocDecision {
		m := y.fields(root, "front matter", "title", "lang", "draft")
		doc.Title = m.str("title")
		doc.Draft = m.has("draft") && m.boolean("draft")
		readLang(m, doc)
		return true
	}
	m := y.fields(root, "decision front matter", "number", "date", "issuer", "signer", "signer_title", "year", "groups", "title", "attachments", "lang", "amends", "replaces", "draft")
	doc.Draft = m.has("draft") && m.boolean("draft")
	doc.KeySrc = map[string]par.Source{}
	for k := range m.vals {
		doc.KeySrc[k] = m.src(k)
	}
	if m.need("number") {
		doc.Number = m.str("number")
	}
	if m.need("date") {
		doc.Date, _ = m.date("date")
	}
	if m.need("year") {
		doc.Year, _ = m.integer("year")
		if doc.Year != 0 && (doc.Year < 1900 || doc.Year > 2200) {
			d.Errorf(m.src("year"), "year %d is not plausible", doc.Year)
		}
	}
	if m.need("title") {
		doc.Title = m.str("title")
	}
	doc.Issuer = m.str("issuer")
	doc.Signer = m.str("signer")
	doc.SignerTitle = m.str("signer_title")
	readLang(m, doc)
	groups, nodes := m.strs("groups")
	for i, g := range groups {
		if reg.Group(g) == nil {
			d.Because(diag.GroupKey(g)).Errorf(y.at(nodes[i]), "unknown group %q%s", g, groupHint(reg, g))
			continue
		}
		doc.Groups = append(doc.Groups, g)
	}
	// Which decision these numbers name is checked with all decisions
	// read (compute), where a second decision for a ranking needs one.
	doc.Amends, _ = m.strs("amends")
	doc.Replaces, _ = m.strs("replaces")
	for _, an := range m.seq("attachments") {
		am := y.fields(an, "attachment", "title", "file")
		a := par.Attachment{Title: am.str("title")}
		if !am.need("file") {
			continue
		}
		a.File = am.str("file")
		clean := path.Clean(a.File)
		switch {
		case strings.HasPrefix(a.File, "/") || clean == ".." || strings.HasPrefix(clean, "../"):
			d.Errorf(am.src("file"), "attachment %q must be a path inside %s/, such as files/2023/qd.pdf", a.File, contentDir)
			continue
		case !strings.HasPrefix(clean, "files/"):
			d.Errorf(am.src("file"), "attachment %q is not under %s/files/ (only those files are published)", a.File, contentDir)
			continue
		}
		if st, err := fs.Stat(fsys, contentDir+"/"+clean); err != nil || st.IsDir() {
			if _, refused := projfs.Refused(err); !refused { // else reported at the file
				d.Errorf(am.src("file"), "attachment %q not found under %s/", a.File, contentDir)
			}
			continue
		}
		a.File = clean
		if a.Title == "" {
			a.Title = path.Base(clean)
		}
		doc.Attachments = append(doc.Attachments, a)
	}
	return true
}

func readLang(m *ymap, doc *par.Doc) {
	if !m.has("lang") {
		return
	}
	switch l := m.str("lang"); l {
	case "vi", "en":
		doc.Lang = l
	default:
		m.y.d.Errorf(m.src("lang"), "lang %q must be vi or en", l)
	}
}

// splitFrontMatter cuts "---\n…\n---\n" off the top. bodyLine is the file
// line the body starts on. ok is false for an unclosed front matter.
func splitFrontMatter(text string) (fm, body string, bodyLine int, ok bool) {
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, "\r \t") != "---" {
		return "", text, 1, true
	}
	line := 2
	var b strings.Builder
	for rest != "" {
		l, after, found := strings.Cut(rest, "\n")
		if t := strings.TrimRight(l, "\r \t"); t == "---" || t == "..." {
			return b.String(), after, line + 1, true
		}
		b.WriteString(strings.TrimRight(l, "\r"))
		b.WriteByte('\n')
		rest = after
		line++
		if !found {
			break
		}
	}
	return "", "", 0, false
}
