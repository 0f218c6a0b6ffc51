// Package build is the orchestrator: it runs the stages in order — ingest
// (data/ and content/ → par.Dataset), docs (markdown → safe HTML), compute
// (→ par.Results), site (page plan and render) and publish (temporary
// directory swapped in atomically) — and records each stage's time and peak
// heap. Input: build Options naming a project directory. Output: a Report
// with every diagnostic, and on success the site in Options.Out. `check` is
// the same run without the render and write stages.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"time"

	"parindex"
	"parindex/internal/compute"
	"parindex/internal/diag"
	"parindex/internal/docs"
	"parindex/internal/ingest"
	"parindex/internal/par"
	"parindex/internal/publish"
	"parindex/internal/site"
)

// Options says what to build and where.
type Options struct {
	Root    string // project dir: data/, content/, optional templates/ and static/ overrides
	Out     string // output dir, default Root/site
	BaseURL string // "" = site.yaml's base_url, else "/"
	Workers int    // 0 = runtime.NumCPU()
}

// Stage is one stage's measurement.
type Stage struct {
	Name          string
	Duration      time.Duration
	PeakHeapBytes uint64
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
	Stages  []Stage
	Out     string
}

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
	rep, _, err := analyse(opt)
	return rep, err
}

// Build checks the input and writes the site. On any error the previous
// site in Out is left untouched.
func Build(opt Options) (*Report, error) {
	rep, in, err := analyse(opt)
	if err != nil {
		return rep, err
	}
	in.Dataset.Sheets, in.Dataset.Summaries = nil, nil
	// Collect now: the next cycle's goal is otherwise set from a live heap
	// that still held the rows, letting render grow the heap to twice that.
	runtime.GC()
	out := opt.Out
	if out == "" {
		out = filepath.Join(opt.Root, "site")
	}
	rep.Out = out
	theme := Theme(opt.Root)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}

	var pages []site.Page
	rep.stage("plan", func() error {
		pages = site.Plan(in)
		return nil
	})
	dir, err := publish.NewDir(out)
	if err != nil {
		return rep, fmt.Errorf("publish: %w", err)
	}
	cw := &countingWriter{w: dir}
	// Pages are written to the temporary directory as they are rendered,
	// so "render" includes writing them; "publish" copies the assets and
	// attachments and swaps the directory in.
	err = rep.stage("render", func() error {
		return site.Render(in, theme, pages, workers, cw)
	})
	if err == nil {
		err = rep.stage("publish", func() error {
			if err := dir.CopyFS(theme, "static", "static"); err != nil {
				return fmt.Errorf("copy static: %w", err)
			}
			for _, a := range in.Dataset.Assets {
				b, err := fs.ReadFile(os.DirFS(filepath.Join(opt.Root, "content")), a)
				if err != nil {
					return fmt.Errorf("copy attachment: %w", err)
				}
				if err := cw.WriteFile(a, b); err != nil {
					return err
				}
			}
			return dir.Commit()
		})
	}
	if err != nil {
		_ = dir.Abort()
		return rep, err
	}
	rep.Pages = len(pages)
	rep.Files = cw.n
	return rep, nil
}

// analyse runs ingest, docs and compute.
func analyse(opt Options) (*Report, *site.Input, error) {
	rep := &Report{Diagnostics: &diag.List{}}
	if opt.Root == "" {
		opt.Root = "."
	}
	if st, err := os.Stat(filepath.Join(opt.Root, "data")); err != nil || !st.IsDir() {
		return rep, nil, fmt.Errorf("%s is not a parindex project: no data/ directory (create one with `parindex new DIR`)", opt.Root)
	}
	fsys := os.DirFS(opt.Root)
	var ds *par.Dataset
	rep.stage("ingest", func() error {
		var dl *diag.List
		ds, dl = ingest.Load(fsys, ingest.Options{Workers: opt.Workers})
		rep.Diagnostics.Merge(dl)
		return nil
	})
	rep.Dataset = ds
	rep.stage("docs", func() error {
		renderDocs(ds, rep.Diagnostics)
		return nil
	})
	var res *par.Results
	rep.stage("compute", func() error {
		var dl *diag.List
		res, dl = compute.Run(ds)
		rep.Diagnostics.Merge(dl)
		return nil
	})
	rep.Results = res
	compute.Reconcile(ds, res, rep.Diagnostics)
	rep.Diagnostics.Merge(site.CheckTheme(Theme(opt.Root), fsys)) // the project's own templates/
	if err := rep.Diagnostics.Err(); err != nil {
		return rep, nil, err
	}
	base := opt.BaseURL
	if base == "" {
		base = ds.Site.BaseURL
	}
	in := &site.Input{Dataset: ds, Results: res, BaseURL: normaliseBase(base)}
	return rep, in, nil
}

// renderDocs turns every document's markdown into safe HTML.
func renderDocs(ds *par.Dataset, dl *diag.List) {
	if ds == nil {
		return
	}
	for _, d := range ds.Docs {
		prefix := "n-" + string(d.Kind) + "-"
		h, err := docs.Render(d.Body, docs.Options{IDPrefix: prefix})
		if err != nil {
			dl.Errorf(par.Source{File: d.Path, Line: d.BodyLine}, "%v", err) // "markdown: …"
			continue
		}
		d.HTML = h
	}
}

// normaliseBase makes a base path start and end with "/".
func normaliseBase(b string) string {
	b = strings.TrimSpace(b)
	if b == "" {
		return "/"
	}
	if !strings.HasPrefix(b, "/") {
		b = "/" + b
	}
	if !strings.HasSuffix(b, "/") {
		b += "/"
	}
	return b
}

// stage runs fn, recording its duration and peak heap.
func (r *Report) stage(name string, fn func() error) error {
	stop := startPeak()
	t0 := time.Now()
	err := fn()
	r.Stages = append(r.Stages, Stage{Name: name, Duration: time.Since(t0), PeakHeapBytes: stop()})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
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
type countingWriter struct {
	w  *publish.Dir
	mu sync.Mutex
	n  int
}

func (c *countingWriter) Transient() {}

func (c *countingWriter) WriteFile(path string, b []byte) error {
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
// file by the project's own templates/ and static/.
func Theme(root string) fs.FS {
	return overlay{top: os.DirFS(root), base: parindex.Theme, dirs: []string{"templates", "static"}}
}
