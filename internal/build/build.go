// Package build is the orchestrator: it runs the stages in order — ingest
// (data/ and content/ → par.Dataset), docs (markdown → safe HTML), compute
// (→ par.Results), site (page plan and render) and publish (temporary
// directory swapped in atomically) — and records each stage's time and peak
// heap. Input: build Options naming a project directory. Output: a Report
// with every diagnostic, and on success the site in Options.Out. `check` is
// the same run without the render and write stages. A Session (the
// preview's) runs the same stages again and again into one directory,
// keeping what did not change and writing only what did.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"time"

	"parindex"
	"parindex/internal/baseurl"
	"parindex/internal/compute"
	"parindex/internal/diag"
	"parindex/internal/docs"
	"parindex/internal/ingest"
	"parindex/internal/par"
	"parindex/internal/projfs"
	"parindex/internal/publish"
	"parindex/internal/site"
)

// Options says what to build and where.
type Options struct {
	Root    string // project dir: data/, content/, optional templates/ and static/ overrides
	Out     string // output dir, default Root/site
	BaseURL string // a path or http(s) URL (see internal/baseurl); "" = site.yaml's base_url, else "/"
	Workers int    // 0 = runtime.NumCPU()
	// Context stops the run: ingest between files, render between pages.
	// A stopped Build leaves the previous site untouched and removes its
	// temporary folder; the error then wraps ErrInterrupted. nil never
	// stops.
	Context context.Context
	// Drafts builds the documents marked `draft: true` too (the preview
	// always does); their pages carry a banner.
	Drafts bool
}

// ErrInterrupted is wrapped by the error of a run whose Context was done.
var ErrInterrupted = errors.New("interrupted")

// interrupted is the error of a stopped run: ErrInterrupted with the
// context's cause (e.g. the signal).
func interrupted(ctx context.Context) error {
	return fmt.Errorf("%w: %w", ErrInterrupted, context.Cause(ctx))
}

// Stage is one stage's measurement.
type Stage struct {
	Name          string
	Duration      time.Duration
	PeakHeapBytes uint64
	// AllocBytes and Allocs are what the stage allocated on the heap
	// (the whole process's, so other goroutines' too): the cost the
	// garbage collector pays for it.
	AllocBytes, Allocs uint64
}

// Report is what a run found and did.
type Report struct {
	Diagnostics *diag.List
	// Dataset is what ingest read. After a Build (not a Check) its Sheets
	// and Summaries are nil: Results hold copies of every figure the site
	// shows, and releasing the raw rows before rendering keeps one copy,
	// not two, on the heap (about 500 MiB for the benchmark input).
	Dataset *par.Dataset
	Results *par.Results
	Pages   int // HTML pages written
	Files   int // all files written, pages included
	// Rendered and Written are a Session's: the pages it rendered and the
	// files it wrote or removed (those whose bytes changed).
	Rendered, Written int
	Stages            []Stage
	Out               string
	// Leftover is the temporary folder an interrupted Build could not
	// remove in time (see abortLimit); the next build removes it.
	Leftover string
}

// abortLimit bounds the removal of the temporary folder when a build is
// interrupted, so the process exits within 2 s of a signal.
const abortLimit = 1200 * time.Millisecond

// Summary is one line about the input, for `check`.
func (r *Report) Summary() string {
	if r.Dataset == nil || r.Dataset.Registry == nil {
		return ""
	}
	years := 0
	if r.Results != nil {
		years = len(r.Results.Years)
	}
	return strings.Join([]string{
		count(years, "year"), count(len(r.Dataset.Registry.Groups), "group"), count(len(r.Dataset.Registry.Units), "unit"),
		count(len(r.Dataset.Frameworks), "framework"), count(len(r.Dataset.Docs), "document"),
	}, ", ")
}

// count says "1 group" or "3 groups".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Check reads and validates all input without writing anything. The error
// is a *diag.ListError when the diagnostics hold errors.
func Check(opt Options) (*Report, error) {
	project, base, err := openProject(&opt)
	if err != nil {
		return &Report{Diagnostics: &diag.List{}}, err
	}
	defer project.Close()
	rep, _, err := analyse(&opt, project, base)
	return rep, err
}

// Build checks the input and writes the site. On any error, and when
// Context is done, the previous site in Out is left untouched.
func Build(opt Options) (*Report, error) {
	project, base, err := openProject(&opt)
	if err != nil {
		return &Report{Diagnostics: &diag.List{}}, err
	}
	defer project.Close()
	out := opt.Out
	if out == "" {
		out = filepath.Join(opt.Root, "site")
	}
	// The output is locked before any work, so a second build into it is
	// refused at once rather than after reading everything.
	dir, err := publish.NewDir(out)
	if err != nil {
		return &Report{Diagnostics: &diag.List{}}, fmt.Errorf("publish: %w", err)
	}
	defer dir.Abort() // a no-op after Commit
	rep, in, err := analyse(&opt, project, base)
	rep.Out = out
	ctx := opt.Context
	if err != nil {
		if ctx.Err() != nil {
			if err := dir.AbortWithin(abortLimit); errors.Is(err, publish.ErrSlowRemove) {
				rep.Leftover = dir.Path()
			}
		}
		return rep, err
	}
	in.Dataset.Sheets, in.Dataset.Summaries = nil, nil
	// Collect now: the next cycle's goal is otherwise set from a live heap
	// that still held the rows, letting render grow the heap to twice that.
	runtime.GC()
	theme := projectTheme(in.project)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}

	var pages []site.Page
	rep.stage("plan", func() error {
		pages = site.Plan(in.Input)
		return nil
	})
	cw := &countingWriter{w: dir, ctx: ctx}
	committed := false
	err = rep.stage("sources", func() error {
		var err error
		in.Sources, err = publishSources(ctx, in.project, in.Dataset, in.Results, cw)
		return err
	})
	if err != nil {
		return rep, err
	}
	// Pages are written to the temporary directory as they are rendered,
	// so "render" includes writing them; "publish" copies the assets and
	// attachments and swaps the directory in.
	err = rep.stage("render", func() error {
		return site.Render(in.Input, theme, pages, workers, cw)
	})
	if err == nil {
		err = rep.stage("publish", func() error {
			if err := dir.CopyFS(theme, "static", "static"); err != nil {
				return fmt.Errorf("copy static: %w", err)
			}
			for _, a := range in.Dataset.Assets {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				// Through the project's boundary, as ingest read it.
				if err := dir.CopyFS(in.project, path.Join("content", a), a); err != nil {
					return fmt.Errorf("copy attachment: %w", err)
				}
				cw.mu.Lock()
				cw.n++
				cw.mu.Unlock()
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := dir.CommitContext(ctx); err != nil {
				return err
			}
			committed = true
			return nil
		})
	}
	// Once the new site is in place, a late signal changes nothing.
	if ctx.Err() != nil && !committed {
		// The process is about to exit: bound the clean-up, and say what
		// is left for the next build to remove.
		if err := dir.AbortWithin(abortLimit); errors.Is(err, publish.ErrSlowRemove) {
			rep.Leftover = dir.Path()
		}
		return rep, interrupted(ctx)
	}
	if err != nil {
		return rep, err
	}
	rep.Pages = len(pages)
	rep.Files = cw.n
	return rep, nil
}

// input is what analyse hands to Build: the render stage's input and the
// open project.
type input struct {
	*site.Input
	project *projfs.FS
}

// openProject fills in opt's defaults, checks a base URL given on the
// command line (one in site.yaml is a diagnostic at its line) and opens
// the project, which must hold data/.
func openProject(opt *Options) (*projfs.FS, baseurl.Base, error) {
	if opt.Root == "" {
		opt.Root = "."
	}
	if opt.Context == nil {
		opt.Context = context.Background()
	}
	var base baseurl.Base
	if opt.BaseURL != "" {
		b, err := baseurl.Parse(opt.BaseURL)
		if err != nil {
			return nil, base, err
		}
		base = b
	}
	project, err := projfs.Open(opt.Root)
	if err != nil {
		return nil, base, fmt.Errorf("%s is not a parindex project: %w", opt.Root, unwrapPath(err))
	}
	if st, err := fs.Stat(project, "data"); err != nil || !st.IsDir() {
		project.Close()
		if e, ok := projfs.Refused(err); ok {
			return nil, base, fmt.Errorf("%s: data: %w", opt.Root, e)
		}
		return nil, base, fmt.Errorf("%s is not a parindex project: no data/ directory (create one with `parindex new DIR`)", opt.Root)
	}
	return project, base, nil
}

// analyse runs ingest, docs and compute on the open project. base is the
// command line's base URL, or zero to take site.yaml's.
func analyse(opt *Options, project *projfs.FS, base baseurl.Base) (*Report, *input, error) {
	rep := &Report{Diagnostics: &diag.List{}}
	ctx := opt.Context
	in := &input{project: project}
	ds, themeOK := loadStage(rep, opt, project, nil)
	if ctx.Err() != nil {
		return rep, in, interrupted(ctx)
	}
	base = baseOf(base, ds)
	var html map[string]string
	rep.stage("docs", func() error {
		html = renderDocs(ctx, ds, base, rep.Diagnostics, nil)
		return nil
	})
	if ctx.Err() != nil {
		return rep, in, interrupted(ctx)
	}
	res := computeStage(rep, ds)
	if ctx.Err() != nil {
		return rep, in, interrupted(ctx)
	}
	checkStage(rep.Diagnostics, project, ds, res, themeOK)
	if err := rep.Diagnostics.Err(); err != nil {
		return rep, in, err
	}
	in.Input = &site.Input{Dataset: ds, Results: res, BaseURL: base.String(), HTML: html}
	return rep, in, nil
}

// loadStage is the ingest stage: the dataset, with ingest's and the theme
// overrides' diagnostics in rep. It reports whether the overrides are
// readable.
func loadStage(rep *Report, opt *Options, project *projfs.FS, cache *ingest.Cache) (*par.Dataset, bool) {
	var ds *par.Dataset
	themeOK := true
	rep.stage("ingest", func() error {
		var dl *diag.List
		ds, dl = ingest.Load(project, ingest.Options{Workers: opt.Workers, Context: opt.Context, Cache: cache, Drafts: opt.Drafts})
		rep.Diagnostics.Merge(dl)
		themeOK = checkTheme(project, rep.Diagnostics)
		return nil
	})
	rep.Dataset = ds
	return ds, themeOK
}

// baseOf is the command line's base URL, else site.yaml's; ingest checked
// the latter (an invalid one is an error there, and "/" here).
func baseOf(base baseurl.Base, ds *par.Dataset) baseurl.Base {
	if base.Path == "" {
		base, _ = baseurl.Parse(ds.Site.BaseURL)
	}
	return base
}

// computeStage is the compute stage; its diagnostics go to rep.
func computeStage(rep *Report, ds *par.Dataset) *par.Results {
	var res *par.Results
	rep.stage("compute", func() error {
		var dl *diag.List
		res, dl = compute.Run(ds)
		rep.Diagnostics.Merge(dl)
		return nil
	})
	rep.Results = res
	return res
}

// checkStage applies the reconciliation register to the diagnostics in dl
// and checks the project's own templates.
func checkStage(dl *diag.List, project *projfs.FS, ds *par.Dataset, res *par.Results, themeOK bool) {
	compute.Reconcile(ds, res, dl)
	compute.Corrections(ds, res, dl)
	if themeOK { // a refused override is one error, not also a broken template
		dl.Merge(site.CheckTheme(projectTheme(project), project)) // the project's own templates/
	}
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// renderDocs turns every document's markdown into safe HTML, keyed by the
// document's path; the documents themselves are not changed. What the docs
// stage changed (raw HTML dropped, images from other sites shown as links,
// unsafe links removed) is a warning at its line of the file. cache, when
// not nil, keeps each document's output between calls (a preview's
// rebuilds): a document whose body and base path are unchanged is not
// rendered again.
func renderDocs(ctx context.Context, ds *par.Dataset, base baseurl.Base, dl *diag.List, cache map[string]*docOut) map[string]string {
	out := map[string]string{}
	if ds == nil {
		return out
	}
	seen := map[string]bool{}
	for _, d := range ds.Docs {
		if ctx.Err() != nil {
			return out
		}
		prefix := "n-" + string(d.Kind) + "-"
		seen[d.Path] = true
		r := cache[d.Path]
		if r == nil || r.body != string(d.Body) || r.prefix != prefix || r.base != base.Path {
			r = &docOut{body: string(d.Body), prefix: prefix, base: base.Path}
			r.html, r.notes, r.err = docs.RenderNotes(d.Body, docs.Options{IDPrefix: prefix, BasePath: base.Path})
			if cache != nil {
				cache[d.Path] = r
			}
		}
		if r.err != nil {
			dl.Errorf(par.Source{File: d.Path, Line: d.BodyLine}, "%v", r.err) // "markdown: …"
			continue
		}
		for _, n := range r.notes {
			dl.Warnf(par.Source{File: d.Path, Line: d.BodyLine + n.Line - 1}, "%s", n.Msg)
		}
		out[d.Path] = r.html
	}
	for p := range cache {
		if !seen[p] {
			delete(cache, p)
		}
	}
	return out
}

// docOut is one document's docs-stage output, for the cache of renderDocs.
type docOut struct {
	body, prefix, base string // what it was rendered from
	html               string
	notes              []docs.Note
	err                error
}

// stage runs fn, recording its duration and peak heap.
func (r *Report) stage(name string, fn func() error) error {
	stop := startPeak()
	alloc := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}, {Name: "/gc/heap/allocs:objects"}}
	metrics.Read(alloc)
	b0, n0 := metricUint(alloc[0]), metricUint(alloc[1])
	t0 := time.Now()
	err := fn()
	st := Stage{Name: name, Duration: time.Since(t0), PeakHeapBytes: stop()}
	metrics.Read(alloc)
	st.AllocBytes, st.Allocs = metricUint(alloc[0])-b0, metricUint(alloc[1])-n0
	r.Stages = append(r.Stages, st)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func metricUint(s metrics.Sample) uint64 {
	if s.Value.Kind() == metrics.KindUint64 {
		return s.Value.Uint64()
	}
	return 0
}

// startPeak samples the heap every few milliseconds until stopped and
// returns the highest value seen. It reads runtime/metrics, which unlike
// runtime.ReadMemStats does not stop the world at every sample.
func startPeak() func() uint64 {
	done := make(chan struct{})
	res := make(chan uint64)
	go func() {
		// Live and not yet swept objects: the same figure as
		// MemStats.HeapAlloc.
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		read := func() {
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				peak = max(peak, sample[0].Value.Uint64())
			}
		}
		read()
		for {
			select {
			case <-tick.C:
				read()
			case <-done:
				read()
				res <- peak
				return
			}
		}
	}()
	return func() uint64 {
		close(done)
		return <-res
	}
}

// countingWriter counts files written by concurrent render workers. It is
// site.Transient: publish.Dir.WriteFile writes the bytes to a file before
// it returns and keeps nothing.
//
// It also stops the render stage when the run is interrupted: a write
// after the context is done fails, and site.Render stops at its first
// failure, so no further page is rendered.
type countingWriter struct {
	w   *publish.Dir
	ctx context.Context
	mu  sync.Mutex
	n   int
}

func (c *countingWriter) Transient() {}

func (c *countingWriter) WriteFile(path string, b []byte) error {
	if err := c.ctx.Err(); err != nil {
		return err
	}
	if err := c.w.WriteFile(path, b); err != nil {
		return err
	}
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	return nil
}

// IsDiagnostics reports whether err carries input diagnostics (already
// printed from the Report) rather than an I/O failure.
func IsDiagnostics(err error) bool {
	var le *diag.ListError
	return errors.As(err, &le)
}

// Theme is the default theme embedded in the binary, overridden file by
// file by the project's own templates/ and static/, read through the
// project's boundary. If root cannot be opened, only the embedded theme
// is served.
func Theme(root string) fs.FS {
	p, err := projfs.Open(root)
	if err != nil {
		return parindex.Theme
	}
	return projectTheme(p)
}

func projectTheme(p *projfs.FS) fs.FS {
	return overlay{top: p, base: parindex.Theme, dirs: themeDirs}
}

// themeDirs are the project folders that override the embedded theme.
var themeDirs = []string{"templates", "static"}

// checkTheme reports what the project's boundary refuses in the theme
// overrides (links leaving the project, devices, pipes…), each at its
// path, so `check` reports them and a build never falls back silently to
// the embedded file of the same name. It reports whether it found none.
func checkTheme(project fs.FS, dl *diag.List) bool {
	ok := true
	for _, dir := range themeDirs {
		err := fs.WalkDir(project, dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) || p != dir {
					dl.Errorf(par.Source{File: p}, "%s", themeErr(err))
					ok = false
				}
				if e != nil && e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if e.IsDir() || e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
				return nil
			}
			if _, err := fs.Stat(project, p); err != nil {
				dl.Errorf(par.Source{File: p}, "%s", themeErr(err))
				ok = false
			}
			return nil
		})
		_ = err // reported per path above
	}
	return ok
}

func themeErr(err error) string {
	if e, ok := projfs.Refused(err); ok {
		return e.Error()
	}
	return "cannot read: " + unwrapPath(err).Error()
}
