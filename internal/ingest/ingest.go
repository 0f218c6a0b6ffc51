// Package ingest is the first stage of parindex: it reads a project folder
// and turns it into domain values.
//
// Input: an fs.FS rooted at the project (data/site.yaml, data/units.yaml,
// data/frameworks/*.yaml, data/scores/<year>/**/*.xlsx and content/**, in the
// formats FORMATS.md defines). Output: a *par.Dataset and a
// *diag.List holding every problem found, each located by file and line or
// by file, sheet and cell. Ingest never stops at the first problem and never
// panics on bad input: a broken file costs its own values, not the build.
//
// It is the only importer of go.yaml.in/yaml/v3. Workbooks are read through
// internal/xlsx and names are matched through internal/viet.
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"unicode/utf8"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/projfs"
	"parindex/internal/xlsx"
)

// Options tune Load.
type Options struct {
	// Limits bound each workbook; zero fields take the value of
	// data/site.yaml's limits, else xlsx.DefaultLimits.
	Limits  xlsx.Limits
	Workers int // workbooks read at once; 0 = runtime.NumCPU()
	// Context stops the load between files (and inside a workbook);
	// nil never stops. After a cancel the dataset is incomplete and the
	// diagnostics are to be discarded: check Context.Err().
	Context context.Context
	// Cache, when not nil, keeps workbooks between loads of the same
	// project (see Cache); nil reads everything.
	Cache *Cache
	// Drafts keeps the documents marked `draft: true` (the preview, and
	// build --drafts); without it they are left out as if absent.
	Drafts bool
}

// Paths of the project files, relative to the project root.
const (
	sitePath      = "data/site.yaml"
	unitsPath     = "data/units.yaml"
	frameworksDir = "data/frameworks"
	scoresDir     = "data/scores"
	contentDir    = "content"
	filesDir      = contentDir + "/files"
)

// Load reads the project in fsys. The dataset is always non-nil and holds
// everything that could be read; the list holds every problem found.
//
// Give it a projfs.FS to keep reads inside the project: Load reports the
// boundary's refusals (links leaving the project, devices, pipes, sockets,
// loops) as errors at their paths and reads nothing of them.
func Load(fsys fs.FS, opt Options) (*par.Dataset, *diag.List) {
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	if opt.Context == nil {
		opt.Context = context.Background()
	}
	in := &input{FS: fsys, ctx: opt.Context, lim: DefaultLimits()}
	if opt.Cache != nil {
		in.cache, in.stamps = opt.Cache, map[string]fileStamp{}
		// Before the configuration is read: should it change meanwhile,
		// the key is older than what was read and the next load reads
		// again, rather than trusting a parse under the newer key.
		in.cfg = configKey(in)
		in.cache.prune()
	}
	d := &diag.List{}
	ds := &par.Dataset{}
	ds.Site = loadSite(in, d)
	in.lim = ds.Site.Limits
	opt.Limits = in.workbookLimits(opt.Limits)
	if in.stopped() {
		return ds, d
	}
	ds.Registry = loadUnits(in, d)
	ds.Registry.Index()
	ds.Frameworks = loadFrameworks(in, ds.Registry, d)
	for _, f := range ds.Frameworks {
		f.Index() // before the workbook workers share the frameworks
	}
	if in.stopped() {
		return ds, d
	}
	ds.Sheets, ds.Summaries = loadScores(in, ds, opt, d)
	if in.stopped() {
		return ds, d
	}
	ds.Docs, ds.Assets = loadContent(in, ds.Registry, d)
	if !opt.Drafts {
		ds.Docs, ds.Assets = dropDrafts(ds.Docs, ds.Assets)
	}
	ds.Reconciliations = loadReconciliations(in, d)
	ds.Releases = loadReleases(in, d)
	ds.Corrections = loadCorrections(in, ds.Registry, d)
	return ds, d
}

// input is the project as the loaders see it: the file system, plus the
// limits (from data/site.yaml) and the context that every read honours.
// It travels as the loaders' fs.FS, so their signatures stay those of
// plain file readers.
type input struct {
	fs.FS
	ctx context.Context
	lim par.Limits
	// stamps are the regular files walkFiles listed, when Load has a
	// Cache; nil otherwise. cfg is then the configuration's configKey.
	stamps map[string]fileStamp
	cache  *Cache
	cfg    string
}

func (in *input) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(in.FS, name) }
func (in *input) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(in.FS, name) }
func (in *input) stopped() bool                              { return in.ctx.Err() != nil }
func (in *input) workbookLimits(l xlsx.Limits) xlsx.Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = in.lim.Workbook
	}
	if l.MaxUnzipBytes <= 0 {
		l.MaxUnzipBytes = in.lim.WorkbookUnzipped
	}
	return l
}

// inputOf returns the load's input, or defaults for a bare fs.FS.
func inputOf(fsys fs.FS) *input {
	if in, ok := fsys.(*input); ok {
		return in
	}
	return &input{FS: fsys, ctx: context.Background(), lim: DefaultLimits()}
}

// DefaultLimits are the limits data/site.yaml's `limits:` adjusts. Real
// YAML and markdown files are a few KiB and real workbooks a few MiB; the
// defaults leave room for a hundred times that while keeping a hostile or
// mistaken file to a bounded cost.
func DefaultLimits() par.Limits {
	x := xlsx.DefaultLimits()
	return par.Limits{
		Markdown:          2 << 20,
		YAML:              8 << 20,
		Attachment:        256 << 20,
		Workbook:          x.MaxFileBytes,
		WorkbookUnzipped:  x.MaxUnzipBytes,
		WorkbooksUnzipped: 8 << 30,
		WorkbookMemory:    512 << 20,
	}
}

// textLimit is the size limit of a YAML or markdown file and the key that
// sets it.
func textLimit(lim par.Limits, name string) (int64, string) {
	if strings.HasSuffix(strings.ToLower(name), ".md") {
		return lim.Markdown, "markdown"
	}
	return lim.YAML, "yaml"
}

// readText reads a YAML or markdown file within its size limit, checks that
// it is UTF-8 (a byte-order mark is dropped) and reports problems at the
// file. After a cancel it reads nothing and reports nothing.
func readText(fsys fs.FS, name string, d *diag.List) ([]byte, bool) {
	in := inputOf(fsys)
	if in.stopped() {
		return nil, false
	}
	limit, key := textLimit(in.lim, name)
	b, err := readLimited(in, name, limit)
	if err != nil {
		if err == errTooLarge {
			d.Errorf(par.Source{File: name}, "file too large (over %s; limits.%s in %s raises the limit)", sizeText(limit), key, sitePath)
		} else {
			d.Errorf(par.Source{File: name}, "%s", readErr(err))
		}
		return nil, false
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if line, bad, ok := invalidUTF8(b); !ok {
		d.Errorf(par.Source{File: name, Line: line}, "invalid UTF-8 (byte %s): save the file as UTF-8", bad)
		return nil, false
	}
	return b, true
}

var errTooLarge = errors.New("too large")

// readLimited reads a whole file if it is at most limit bytes, checking
// the size before reading and while reading.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, errTooLarge
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, errTooLarge
	}
	return b, nil
}

// invalidUTF8 finds the first byte that is not UTF-8: its line and the
// offending bytes in hex.
func invalidUTF8(b []byte) (line int, bad string, ok bool) {
	if utf8.Valid(b) {
		return 0, "", true
	}
	line = 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			end := i + 1
			for end < len(b) && end < i+4 && !utf8.RuneStart(b[end]) {
				end++
			}
			return line, fmt.Sprintf("% X", b[i:end]), false
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	return line, "", false
}

// readErr is the message for a file that cannot be read: the boundary's
// refusal as it stands, other errors after "cannot read file".
func readErr(err error) string {
	if e, ok := projfs.Refused(err); ok {
		return e.Error()
	}
	return "cannot read file: " + fsErr(err)
}

// sizeText prints a limit: "8 MiB", "512 KiB" or "1000 bytes".
func sizeText(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// fsErr shortens an fs error to its cause; the path is already in the
// diagnostic's location.
func fsErr(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// walkFiles lists the regular files under dir (slash paths from the root)
// in lexical order; a missing dir gives none. Anything else found there —
// a refused link, a device, a pipe, a socket — is an error at its path,
// unless its name marks it as hidden (then it is not input at all).
func walkFiles(fsys fs.FS, dir string, d *diag.List) []string {
	var out []string
	in := inputOf(fsys)
	if _, err := fs.Stat(fsys, dir); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			d.Errorf(par.Source{File: dir}, "%s", readErr(err))
		}
		return nil
	}
	err := fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if in.stopped() {
			return fs.SkipAll
		}
		if err != nil {
			d.Errorf(par.Source{File: p}, "%s", strings.Replace(readErr(err), "cannot read file", "cannot read", 1))
			if e != nil && e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			if p != dir && strings.HasPrefix(e.Name(), ".") {
				return fs.SkipDir // .git and friends
			}
			return nil
		}
		if e.Type().IsRegular() {
			out = append(out, p)
			if in.stamps != nil {
				// From the listing: cheaper than a Stat by path.
				if st, err := e.Info(); err == nil {
					in.stamps[p] = fileStamp{size: st.Size(), mod: st.ModTime()}
				}
			}
			return nil
		}
		if hidden(p) {
			return nil
		}
		// Not a regular file: a plain fs.FS may still resolve a link to
		// one; the project's boundary says why it refuses anything else.
		st, err := fs.Stat(fsys, p)
		switch {
		case err != nil:
			d.Errorf(par.Source{File: p}, "%s", readErr(err))
		case st.Mode().IsRegular():
			out = append(out, p)
		case !st.IsDir():
			d.Errorf(par.Source{File: p}, "not a regular file (%s): not read", st.Mode().Type())
		}
		return nil
	})
	if err != nil {
		d.Errorf(par.Source{File: dir}, "cannot read: %s", fsErr(err))
	}
	sort.Strings(out)
	return out
}

// checkAttachment reports an attachment (a file under content/files/) over
// its size limit.
func checkAttachment(fsys fs.FS, p string, d *diag.List) bool {
	in := inputOf(fsys)
	st, err := fs.Stat(fsys, p)
	if err != nil {
		d.Errorf(par.Source{File: p}, "%s", readErr(err))
		return false
	}
	if st.Size() > in.lim.Attachment {
		d.Errorf(par.Source{File: p}, "attachment too large (over %s; limits.attachment in %s raises the limit)", sizeText(in.lim.Attachment), sitePath)
		return false
	}
	return true
}

// hidden reports files that tools leave behind and users never mean as input:
// dot files (.DS_Store, .gitkeep) and Excel's lock files (~$name.xlsx).
func hidden(p string) bool {
	b := path.Base(p)
	return strings.HasPrefix(b, ".") || strings.HasPrefix(b, "~$")
}
