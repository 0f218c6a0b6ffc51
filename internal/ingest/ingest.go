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
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// Options tune Load.
type Options struct {
	Limits  xlsx.Limits // bounds on each workbook; zero fields take xlsx.DefaultLimits
	Workers int         // workbooks read at once; 0 = runtime.NumCPU()
}

// Paths of the project files, relative to the project root.
const (
	sitePath       = "data/site.yaml"
	unitsPath      = "data/units.yaml"
	frameworksDir  = "data/frameworks"
	scoresDir      = "data/scores"
	contentDir     = "content"
	maxTextFileLen = 8 << 20 // YAML and markdown files; real ones are a few KiB
)

// Load reads the project in fsys. The dataset is always non-nil and holds
// everything that could be read; the list holds every problem found.
func Load(fsys fs.FS, opt Options) (*par.Dataset, *diag.List) {
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	d := &diag.List{}
	ds := &par.Dataset{}
	ds.Site = loadSite(fsys, d)
	ds.Registry = loadUnits(fsys, d)
	ds.Registry.Index()
	ds.Frameworks = loadFrameworks(fsys, ds.Registry, d)
	for _, f := range ds.Frameworks {
		f.Index() // before the workbook workers share the frameworks
	}
	ds.Sheets, ds.Summaries = loadScores(fsys, ds, opt, d)
	ds.Docs, ds.Assets = loadContent(fsys, ds.Registry, d)
	ds.Reconciliations = loadReconciliations(fsys, d)
	return ds, d
}

// readText reads a YAML or markdown file with a size guard, reporting
// problems at the file.
func readText(fsys fs.FS, name string, d *diag.List) ([]byte, bool) {
	if st, err := fs.Stat(fsys, name); err == nil && st.Size() > maxTextFileLen {
		d.Errorf(par.Source{File: name}, "file too large (over %d MiB)", maxTextFileLen>>20)
		return nil, false
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		d.Errorf(par.Source{File: name}, "cannot read file: %s", fsErr(err))
		return nil, false
	}
	return b, true
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
// in lexical order; a missing dir gives none.
func walkFiles(fsys fs.FS, dir string, d *diag.List) []string {
	var out []string
	if _, err := fs.Stat(fsys, dir); err != nil {
		return nil
	}
	err := fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			d.Errorf(par.Source{File: p}, "cannot read: %s", fsErr(err))
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
		if e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0 {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		d.Errorf(par.Source{File: dir}, "cannot read: %s", fsErr(err))
	}
	sort.Strings(out)
	return out
}

// hidden reports files that tools leave behind and users never mean as input:
// dot files (.DS_Store, .gitkeep) and Excel's lock files (~$name.xlsx).
func hidden(p string) bool {
	b := path.Base(p)
	return strings.HasPrefix(b, ".") || strings.HasPrefix(b, "~$")
}
