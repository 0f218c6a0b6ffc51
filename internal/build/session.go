package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"parindex/internal/baseurl"
	"parindex/internal/diag"
	"parindex/internal/ingest"
	"parindex/internal/par"
	"parindex/internal/projfs"
	"parindex/internal/site"
)

// Session is a series of builds of one project into one directory, as the
// preview makes them after every edit. It keeps what does not change
// between builds: the workbooks ingest read (ingest.Cache, keyed by path,
// size and modification time), each document's rendered HTML (by path
// and body), the last good build's dataset and results, and the digest of
// every file the directory holds. An Update then
//
//   - when nothing but the bodies of documents changed (same front matter,
//     same data, same theme), reuses the results without computing them
//     again and renders only the pages that show those bodies
//     (site.Affected);
//   - when nothing but workbooks under data/scores/ (and document bodies)
//     changed, computes the results again from the cached workbooks and
//     renders only the pages that show a ranking whose results changed
//     (rankingDigests, site.ShowingRankings) or a changed body, provided
//     the plan has the same pages and the register of recorded
//     differences is the same;
//   - otherwise computes and renders everything again;
//
// and in all cases renders into memory first and then writes into the
// directory, in place, only the files whose bytes changed, removing those
// the site no longer has. A failed or stopped Update leaves the directory
// as the last good build left it. The output is byte-identical to a
// Build of the same input into an empty directory.
//
// It holds the cell grids of every workbook, and what was parsed from
// them, for as long as it lives. A Session is for one goroutine at a
// time.
type Session struct {
	opt   Options // Root, BaseURL and Workers; Out and Context are not used
	cache *ingest.Cache
	docs  map[string]*docOut

	last *snapshot // the last good build, in dir
	dir  string    // the directory last written
	// files is what dir holds: path → digest. maphash rather than a
	// cryptographic hash: it tells a changed file from an unchanged one
	// (a miss is a 2⁻⁶⁴ chance per changed file) at memory speed, where
	// SHA-256 of the example's 20 MB took tens of milliseconds of every
	// full update. The seed is the session's own.
	files map[string]uint64
	seed  maphash.Seed
	dirs  map[string]bool // directories known to exist in dir
}

// snapshot is what a later Update compares its input with.
type snapshot struct {
	stamps map[string]stamp // every input file, taken before reading
	ds     *par.Dataset
	res    *par.Results
	base   baseurl.Base
	ingest string            // ingest's diagnostics, as text
	other  *diag.List        // final diagnostics but the docs stage's
	urls   []string          // the planned pages
	ranks  map[string]uint64 // rankingDigests of res
	recon  uint64            // reconDigest of res
	// sources are the published source workbooks' URLs (publishSources),
	// sorted: a narrowed update cannot remove one that is gone.
	sources []string
}

// stamp identifies a version of a file without reading it.
type stamp struct {
	size int64
	mod  time.Time
}

// NewSession prepares builds of opt.Root; nothing is read until Update.
func NewSession(opt Options) *Session {
	return &Session{opt: opt, cache: ingest.NewCache(), docs: map[string]*docOut{}, seed: maphash.MakeSeed()}
}

// Update builds the site into dir (created if missing), changing only the
// files whose bytes differ from what dir holds. On any error, and when ctx
// is done, dir is left as it was; the error then is as Build's.
//
// Report.Rendered counts the pages rendered and Report.Written the files
// written or removed.
func (s *Session) Update(ctx context.Context, dir string) (*Report, error) {
	opt := s.opt
	opt.Context = ctx
	project, base, err := openProject(&opt)
	if err != nil {
		return &Report{Diagnostics: &diag.List{}}, err
	}
	defer project.Close()
	// Taken before anything is read: a file saved during the build is
	// newer than its stamp, so the next Update sees it changed.
	stamps := inputStamps(project)

	rep := &Report{Diagnostics: &diag.List{}, Out: dir}
	ds, themeOK := loadStage(rep, &opt, project, s.cache)
	if ctx.Err() != nil {
		return rep, interrupted(ctx)
	}
	ingestText := rep.Diagnostics.String()
	base = baseOf(base, ds)
	docDL := &diag.List{}
	var html map[string]string
	rep.stage("docs", func() error {
		html = renderDocs(ctx, ds, base, docDL, s.docs)
		return nil
	})
	if ctx.Err() != nil {
		return rep, interrupted(ctx)
	}

	changed, bodyOnly := s.bodiesOnly(dir, stamps, ds, base, ingestText)
	var scoresOnly bool
	if !bodyOnly {
		changed, scoresOnly = s.scoresOnly(dir, stamps, ds, base)
	}
	var res *par.Results
	other := rep.Diagnostics
	if bodyOnly {
		// Same data, same front matter, same theme: the results and every
		// other diagnostic are the last build's.
		res = s.last.res
		rep.Results = res
		other = s.last.other
	} else {
		res = computeStage(rep, ds)
		if ctx.Err() != nil {
			return rep, interrupted(ctx)
		}
		checkStage(other, project, ds, res, themeOK)
	}
	rep.Diagnostics = &diag.List{}
	rep.Diagnostics.Merge(other)
	rep.Diagnostics.Merge(docDL)
	if err := rep.Diagnostics.Err(); err != nil {
		return rep, err
	}

	in := &site.Input{Dataset: ds, Results: res, BaseURL: base.String(), HTML: html}
	if s.files == nil || s.dir != dir {
		if err := s.scan(dir); err != nil {
			return rep, err
		}
	}
	mem := &memWriter{ctx: ctx, seed: s.seed, known: s.files, files: map[string]memFile{}}
	err = rep.stage("sources", func() error {
		var err error
		in.Sources, err = publishSources(ctx, project, ds, res, mem)
		return err
	})
	if ctx.Err() != nil {
		return rep, interrupted(ctx)
	}
	if err != nil {
		return rep, err
	}
	theme := projectTheme(project)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var pages, todo []site.Page
	var ranks map[string]uint64
	var recon uint64
	narrowed := bodyOnly
	rep.stage("plan", func() error {
		pages = site.Plan(in)
		todo = pages
		if bodyOnly {
			todo = withAncestors(pages, site.Affected(pages, changed))
			ranks, recon = s.last.ranks, s.last.recon
			return nil
		}
		ranks, recon = rankingDigests(res, s.seed), reconDigest(res, s.seed)
		mixSources(ranks, res, in.Sources, s.seed)
		if scoresOnly {
			if keys, ok := s.last.changedRankings(pages, ranks, recon); ok {
				todo = withAncestors(pages, slices.Concat(site.ShowingRankings(pages, keys), site.Affected(pages, changed)))
				narrowed = true
			}
		}
		return nil
	})
	err = rep.stage("render", func() error {
		if len(todo) == 0 {
			return nil
		}
		return site.Render(in, theme, todo, workers, mem)
	})
	if err == nil && !narrowed {
		err = rep.stage("assets", func() error { return s.readAssets(ctx, project, theme, ds, mem) })
	}
	if ctx.Err() != nil {
		return rep, interrupted(ctx)
	}
	if err != nil {
		return rep, err
	}
	err = rep.stage("publish", func() error {
		n, err := s.sync(dir, mem.files, !narrowed)
		rep.Written = n
		if err == nil && narrowed && s.last != nil {
			// A narrowed update writes only what it rendered: a source
			// workbook no longer cited (renamed, removed) goes here.
			var gone []string
			for _, u := range s.last.sources {
				if !slices.Contains(sourceURLs(in.Sources), u) {
					gone = append(gone, site.OutputPath(u))
				}
			}
			n, err = s.remove(dir, gone)
			rep.Written += n
		}
		return err
	})
	if err != nil {
		// dir holds part of this build: the next one starts afresh.
		s.last = nil
		return rep, err
	}
	rep.Pages, rep.Rendered, rep.Files = len(pages), len(todo), len(s.files)
	urls := make([]string, len(pages))
	for i, p := range pages {
		urls[i] = p.URL
	}
	s.last = &snapshot{stamps: stamps, ds: ds, res: res, base: base, ingest: ingestText, other: other, urls: urls, ranks: ranks, recon: recon,
		sources: sourceURLs(in.Sources)}
	return rep, nil
}

// bodiesOnly reports whether the input differs from the last good build's
// in nothing but the bodies of documents, and which documents (their
// paths) those are. The stamps say which files changed: all must be
// markdown documents (not attachments), none added or removed; the
// dataset then says the documents differ in their bodies only, and
// ingest's diagnostics must be the same.
func (s *Session) bodiesOnly(dir string, stamps map[string]stamp, ds *par.Dataset, base baseurl.Base, ingestText string) ([]string, bool) {
	last := s.last
	if last == nil || s.dir != dir || last.base != base || len(stamps) != len(last.stamps) || ingestText != last.ingest {
		return nil, false
	}
	for p, st := range stamps {
		old, ok := last.stamps[p]
		if !ok {
			return nil, false
		}
		if old != st && !isDocFile(p) {
			return nil, false
		}
	}
	return docBodiesChanged(ds, last.ds)
}

// scoresOnly reports whether the input differs from the last good build's
// in nothing but workbooks under data/scores/ (changed, added or removed)
// and the bodies of documents, and which documents (their paths) changed.
// The results are then computed again, and changedRankings says which
// pages they change.
func (s *Session) scoresOnly(dir string, stamps map[string]stamp, ds *par.Dataset, base baseurl.Base) ([]string, bool) {
	last := s.last
	if last == nil || s.dir != dir || last.base != base {
		return nil, false
	}
	scores := func(p string) bool { return strings.HasPrefix(p, "data/scores/") }
	for p, st := range stamps {
		if old, ok := last.stamps[p]; (!ok || old != st) && !scores(p) && !isDocFile(p) {
			return nil, false
		}
	}
	for p := range last.stamps {
		if _, ok := stamps[p]; !ok && !scores(p) {
			return nil, false
		}
	}
	return docBodiesChanged(ds, last.ds)
}

// isDocFile reports whether a project path is a markdown document (not an
// attachment under content/files/).
func isDocFile(p string) bool {
	return strings.HasPrefix(p, "content/") && !strings.HasPrefix(p, "content/files/") && strings.HasSuffix(strings.ToLower(p), ".md")
}

// docBodiesChanged lists the documents whose body differs between two
// datasets, or reports false when the documents differ in anything else
// (a document added, removed or with other front matter).
func docBodiesChanged(ds, old *par.Dataset) ([]string, bool) {
	if len(ds.Docs) != len(old.Docs) {
		return nil, false
	}
	var changed []string
	for i, d := range ds.Docs {
		o := old.Docs[i]
		if d.Path != o.Path {
			return nil, false
		}
		a, b := *d, *o
		a.Body, b.Body = nil, nil
		if !reflect.DeepEqual(a, b) {
			return nil, false // front matter
		}
		if !bytes.Equal(d.Body, o.Body) {
			changed = append(changed, d.Path)
		}
	}
	return changed, true
}

// changedRankings names the rankings whose results differ from the
// snapshot's, or reports false when the change reaches further: other
// pages planned, rankings added or removed, or the register of recorded
// differences changed (every kind of page marks those).
func (last *snapshot) changedRankings(pages []site.Page, ranks map[string]uint64, recon uint64) ([]string, bool) {
	if len(pages) != len(last.urls) || recon != last.recon || len(ranks) != len(last.ranks) {
		return nil, false
	}
	for i, p := range pages {
		if p.URL != last.urls[i] {
			return nil, false
		}
	}
	var keys []string
	for k, d := range ranks {
		old, ok := last.ranks[k]
		if !ok {
			return nil, false
		}
		if old != d {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys, true
}

// withAncestors adds to some pages those of pages whose URL is a folder
// above one of them: the render stage takes breadcrumb labels from the
// pages it is given, so a page is rendered as in a full build only along
// with the pages above it.
func withAncestors(pages, some []site.Page) []site.Page {
	want := map[string]bool{}
	for _, p := range some {
		want[p.URL] = true
		u := strings.TrimSuffix(p.URL, "/")
		for {
			i := strings.LastIndex(u, "/")
			if i < 0 {
				break
			}
			u = u[:i]
			want[u+"/"] = true
		}
	}
	var out []site.Page
	for _, p := range pages {
		if want[p.URL] {
			out = append(out, p)
		}
	}
	return out
}

// inputStamps stamps every file under the folders a build reads, through
// the project's boundary.
func inputStamps(project *projfs.FS) map[string]stamp {
	out := map[string]stamp{}
	for _, d := range []string{"data", "content", "templates", "static"} {
		_ = fs.WalkDir(project, d, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil // what cannot be walked is reported by ingest
			}
			// A regular file's entry has its size and time from the
			// directory listing, without resolving its path again
			// through the boundary (a stat per component): 117 files of
			// the example took 15–40 ms by path, 4 ms by entry.
			var st fs.FileInfo
			if e.Type().IsRegular() {
				st, err = e.Info()
			} else {
				st, err = fs.Stat(project, p)
			}
			if err == nil {
				out[p] = stamp{size: st.Size(), mod: st.ModTime()}
			} else {
				out[p] = stamp{size: -1}
			}
			return nil
		})
	}
	return out
}

// readAssets reads the theme's static files and the attachments into mem,
// at the paths a Build copies them to.
func (s *Session) readAssets(ctx context.Context, project *projfs.FS, theme fs.FS, ds *par.Dataset, mem *memWriter) error {
	read := func(fsys fs.FS, root, dest string) error {
		err := fs.WalkDir(fsys, root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.Type().IsRegular() {
				return nil
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			target := dest
			if rel != "" {
				target = path.Join(dest, rel)
			}
			return mem.WriteFile(target, b)
		})
		if errors.Is(err, fs.ErrNotExist) {
			if _, serr := fs.Stat(fsys, root); errors.Is(serr, fs.ErrNotExist) {
				return nil
			}
		}
		return err
	}
	if err := read(theme, "static", "static"); err != nil {
		return fmt.Errorf("copy static: %w", err)
	}
	for _, a := range ds.Assets {
		if err := read(project, path.Join("content", a), a); err != nil {
			return fmt.Errorf("copy attachment: %w", err)
		}
	}
	return nil
}

// sync writes into dir the files whose bytes differ from what dir holds
// and, when all is true (files is the whole site), removes the files the
// site no longer has. It returns the number of files written or removed.
// Each file is written beside its place and renamed over it, so a request
// served meanwhile reads the old file or the new one, never half of one.
func (s *Session) sync(dir string, files map[string]memFile, all bool) (int, error) {
	names := make([]string, 0, len(files))
	for p, f := range files {
		if f.write {
			names = append(names, p)
		}
	}
	sort.Strings(names)
	n := 0
	for _, p := range names {
		if err := s.writeFile(dir, p, files[p].data); err != nil {
			return n, err
		}
		s.files[p] = files[p].sum
		n++
	}
	if !all {
		return n, nil
	}
	var gone []string
	for p := range s.files {
		if _, ok := files[p]; !ok {
			gone = append(gone, p)
		}
	}
	sort.Strings(gone)
	m, err := s.remove(dir, gone)
	return n + m, err
}

// remove deletes the files at paths from dir, and the folders they leave
// empty, and returns how many it removed.
func (s *Session) remove(dir string, paths []string) (int, error) {
	n := 0
	for _, p := range paths {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return n, err
		}
		delete(s.files, p)
		n++
		// Empty folders go too, as a fresh build would not have them.
		for d := filepath.Dir(full); d != dir && strings.HasPrefix(d, dir); d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break
			}
			delete(s.dirs, d)
		}
	}
	return n, nil
}

// scan learns what dir holds when the session first writes into it.
func (s *Session) scan(dir string) error {
	s.dir, s.files, s.dirs, s.last = dir, map[string]uint64{}, map[string]bool{}, nil
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	s.dirs[dir] = true
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			s.dirs[p] = true
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		s.files[filepath.ToSlash(rel)] = maphash.Bytes(s.seed, b)
		return nil
	})
}

func (s *Session) writeFile(dir, p string, b []byte) error {
	full := filepath.Join(dir, filepath.FromSlash(p))
	if err := s.mkdirs(filepath.Dir(full)); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(full), ".parindex-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if err := errors.Join(werr, cerr, os.Chmod(f.Name(), 0o644)); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), full); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

func (s *Session) mkdirs(d string) error {
	if s.dirs[d] {
		return nil
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	for ; !s.dirs[d] && d != filepath.Dir(d); d = filepath.Dir(d) {
		s.dirs[d] = true
	}
	return nil
}

// memWriter keeps rendered files in memory until the whole site is
// rendered, so a failed render leaves the directory untouched. It keeps
// the bytes of changed files only: a file the directory already holds
// (same digest) is only noted, which spares copying the whole site on
// every update. A write after ctx is done fails, which stops the render
// stage.
type memWriter struct {
	ctx   context.Context
	seed  maphash.Seed
	known map[string]uint64 // what the directory holds; read only here
	mu    sync.Mutex
	files map[string]memFile
}

// memFile is one file of the new site.
type memFile struct {
	sum   uint64
	write bool   // the directory does not hold these bytes
	data  []byte // when write
}

// Transient: WriteFile copies what it keeps, so Render may reuse its
// buffer.
func (m *memWriter) Transient() {}

func (m *memWriter) WriteFile(p string, b []byte) error {
	if err := m.ctx.Err(); err != nil {
		return err
	}
	f := memFile{sum: maphash.Bytes(m.seed, b)}
	if old, ok := m.known[p]; !ok || old != f.sum {
		f.write, f.data = true, bytes.Clone(b)
	}
	m.mu.Lock()
	m.files[p] = f
	m.mu.Unlock()
	return nil
}
