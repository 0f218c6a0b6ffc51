// Package serve is the local preview: it builds a project into a private
// temporary directory (never the project's site/), serves it over HTTP on
// localhost under the site's base path, watches the project's inputs and
// rebuilds and reloads the browser when one changes.
//
// Input: a project directory whose data/, content/, templates/ and static/
// are watched, and a BuildFunc that brings the served directory up to date
// in place (internal/build's Session writes only the files that changed).
// Output: HTTP responses. HTML responses get a small live-reload script
// (served at /_parindex/reload.js, fed by Server-Sent Events at
// /_parindex/events) injected on the fly; the built files on disk never
// contain it. A failed rebuild keeps the last good build online, prints the
// error and shows it in an overlay on every page until the next success.
//
// The package is the only importer of fsnotify.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"parindex/internal/baseurl"
	"parindex/internal/diag"
	"parindex/internal/projfs"
)

// BuildFunc builds the site into out, the directory being served: missing
// before the first good build, then holding the last good build, which it
// updates in place. It returns the base URL the site's links were made
// for ("/", "/chi-so-cchc/" or "https://host/chi-so-cchc/"), whose path
// the preview then serves it under. On failure it returns an error (a
// *diag.ListError for input problems) and must leave out as it was: the
// preview keeps serving the previous build. It should stop early when ctx
// is done: the preview is shutting down.
type BuildFunc func(ctx context.Context, out string) (base string, err error)

// Options configures a preview server.
type Options struct {
	Root     string        // project directory
	Addr     string        // listen address; default "127.0.0.1:8080", ":0" picks a free port
	Build    BuildFunc     // required
	Log      io.Writer     // progress and build errors; default io.Discard
	Debounce time.Duration // quiet time after a change before rebuilding; default DefaultDebounce
}

// DefaultDebounce is the quiet time after a change before rebuilding. One
// save gives a burst of events, which should make one rebuild, not two.
// Measured with BenchmarkSaveSpread on the 2-core development machine
// under load (50 saves each, first event to last): a write in place
// spreads over 19 µs (median), 0.2 ms at most; a temporary file renamed
// over the original gives one event that counts; renaming the original to
// a backup and writing anew (vim) 7 µs, 0.2 ms at most. 20 ms is a
// hundred times the slowest burst, leaves room for office suites that
// save in several steps, and is a fifth of the 100 ms a narrative edit
// may take to show (the debounce was 200 ms).
const DefaultDebounce = 20 * time.Millisecond

// watchedDirs are the project directories whose changes trigger a rebuild.
// They are walked through the project's boundary (internal/projfs): links
// to folders inside the project are watched where they lead, anything the
// boundary refuses is not watched (the build reports it).
func watchedDirs() []string { return []string{"data", "content", "templates", "static"} }

const (
	reloadPath = "/_parindex/reload.js"
	eventsPath = "/_parindex/events"
)

// Server is a running preview. Create it with New, run it with Run.
type Server struct {
	opt     Options
	project *projfs.FS // the project, for walking the watched folders
	ln      net.Listener
	tmp     string // private; holds site/, the directory served
	id      string // distinguishes this server from an earlier one on the same port

	mu      sync.Mutex
	base    string // of the last good build; starts and ends with "/"
	cur     string // directory served: "" before the first good build
	gen     int    // incremented by every build, good or failed
	lastErr error  // error of the latest build, nil if it succeeded
	subs    map[chan struct{}]struct{}

	done chan struct{} // closed on shutdown, ends event streams
}

// New listens on opt.Addr and prepares the build directory; nothing is
// built or served until Run.
func New(opt Options) (*Server, error) {
	if opt.Build == nil {
		return nil, errors.New("serve: no build function")
	}
	if opt.Root == "" {
		opt.Root = "."
	}
	if opt.Addr == "" {
		opt.Addr = "127.0.0.1:8080"
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Debounce <= 0 {
		opt.Debounce = DefaultDebounce
	}
	project, err := projfs.Open(opt.Root)
	if err != nil {
		return nil, err
	}
	// What earlier previews could not finish removing (see removeBuild).
	go sweepAbandoned(os.TempDir())
	tmp, err := os.MkdirTemp("", "parindex-serve-")
	if err != nil {
		project.Close()
		return nil, err
	}
	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		os.RemoveAll(tmp)
		project.Close()
		return nil, err
	}
	return &Server{
		opt:     opt,
		project: project,
		base:    "/",
		ln:      ln,
		tmp:     tmp,
		id:      strconv.FormatInt(time.Now().UnixNano(), 36),
		subs:    map[chan struct{}]struct{}{},
		done:    make(chan struct{}),
	}, nil
}

// URL is the address of the site's home page, e.g.
// "http://127.0.0.1:8080/chi-so-cchc/".
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return "http://" + s.ln.Addr().String() + s.base
}

// Run builds the site, serves it and rebuilds on every change until ctx is
// cancelled; then it stops the server and removes the build directory. A
// failing first build is not fatal: the preview shows the errors and
// recovers as soon as the input is fixed.
func (s *Server) Run(ctx context.Context) error {
	defer s.removeBuild()
	defer s.project.Close()
	w, err := fsnotify.NewWatcher()
	if err != nil {
		s.ln.Close()
		return fmt.Errorf("watch: %w", err)
	}
	defer w.Close()
	if err := s.watchProject(w); err != nil {
		s.ln.Close()
		return fmt.Errorf("watch: %w", err)
	}

	s.rebuild(ctx)
	if ctx.Err() != nil {
		s.ln.Close()
		close(s.done)
		return nil
	}

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(s.ln) }()
	fmt.Fprintf(s.opt.Log, "serving %s (Ctrl-C to stop)\n", s.URL())

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return s.shutdown(srv)
		case err := <-serveErr:
			close(s.done)
			return err
		case ev, ok := <-w.Events:
			if !ok {
				return s.shutdown(srv)
			}
			if s.relevant(w, ev) {
				timer.Reset(s.opt.Debounce)
			}
		case err, ok := <-w.Errors:
			if ok {
				fmt.Fprintf(s.opt.Log, "watch: %v\n", err)
			}
		case <-timer.C:
			// Events that arrive while building wait in the watcher and
			// trigger one more rebuild afterwards.
			s.rebuild(ctx)
		}
	}
}

func (s *Server) shutdown(srv *http.Server) error {
	close(s.done) // event streams return, so Shutdown need not wait for them
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		srv.Close()
	}
	return nil
}

// watchProject watches the root (to notice an input directory being
// created) and every directory under the watched input directories.
func (s *Server) watchProject(w *fsnotify.Watcher) error {
	if err := w.Add(s.project.Dir()); err != nil {
		return err
	}
	for _, d := range watchedDirs() {
		if err := s.addTree(w, d); err != nil {
			return err
		}
	}
	return nil
}

// addTree watches the folder name (relative to the project) and its
// subfolders, where the project's boundary lets them lead; inotify is not
// recursive.
func (s *Server) addTree(w *fsnotify.Watcher, name string) error {
	return fs.WalkDir(s.project, name, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
				return nil // optional directory, removed meanwhile, or refused
			}
			return err
		}
		if !e.IsDir() {
			return nil
		}
		if p != name && ignoredName(e.Name()) {
			return fs.SkipDir
		}
		real, err := s.project.RealPath(p)
		if err != nil {
			return nil
		}
		return w.Add(real)
	})
}

// relevant reports whether ev should trigger a rebuild, and starts
// watching directories created under the inputs. Only the root and the
// watched folders are watched, so an event outside the root is about one
// of the input folders.
func (s *Server) relevant(w *fsnotify.Watcher, ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || ignoredName(filepath.Base(ev.Name)) {
		return false
	}
	root := s.project.Dir()
	if filepath.Dir(ev.Name) == root {
		watched := false
		for _, d := range watchedDirs() {
			watched = watched || filepath.Base(ev.Name) == d
		}
		if !watched {
			return false
		}
	}
	if ev.Has(fsnotify.Create) {
		if rel, err := filepath.Rel(root, ev.Name); err == nil && fs.ValidPath(filepath.ToSlash(rel)) {
			if st, err := fs.Stat(s.project, filepath.ToSlash(rel)); err == nil && st.IsDir() {
				if err := s.addTree(w, filepath.ToSlash(rel)); err != nil {
					fmt.Fprintf(s.opt.Log, "watch %s: %v\n", ev.Name, err)
				}
			}
		}
	}
	return true
}

// ignoredName is true for files editors and office suites write next to
// the real ones (swap, backup and lock files) and for hidden files, which
// ingest skips as well.
func ignoredName(name string) bool {
	return strings.HasPrefix(name, ".") || // .foo.swp, .#lock, .DS_Store
		strings.HasPrefix(name, "~$") || // Excel and Word lock files
		strings.HasSuffix(name, "~") || // backups
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasSuffix(name, ".tmp") ||
		name == "4913" // vim's write test
}

// rebuild brings the served directory up to date; the build function
// leaves it as it was on failure. A build cut short by the end of ctx
// changes nothing.
func (s *Server) rebuild(ctx context.Context) {
	out := filepath.Join(s.tmp, "site")
	t0 := time.Now()
	base, err := s.opt.Build(ctx, out)
	took := time.Since(t0).Round(time.Millisecond)
	if ctx.Err() != nil {
		return
	}
	var basePath string
	if err == nil {
		b, perr := baseurl.Parse(base)
		if perr != nil {
			err = perr
		}
		basePath = b.Path
	}

	s.mu.Lock()
	s.gen++
	s.lastErr = err
	if err == nil {
		s.cur = out
		s.base = basePath
	}
	s.mu.Unlock()

	if err != nil {
		fmt.Fprintf(s.opt.Log, "build failed (%s), still serving the last good build: %v\n", took, err)
	} else {
		fmt.Fprintf(s.opt.Log, "built in %s\n", took)
	}
	s.broadcast()
}

// stamp identifies the current build for the reload script.
func (s *Server) stamp() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.id + "-" + strconv.Itoa(s.gen)
}

func (s *Server) broadcast() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.subs {
		select {
		case ch <- struct{}{}:
		default: // a notification is already pending; one reload is enough
		}
	}
}

// ServeHTTP serves the reload script, the event stream and the site.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	s.mu.Lock()
	base := s.base
	s.mu.Unlock()
	switch {
	case p == reloadPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		io.WriteString(w, reloadJS)
	case p == eventsPath:
		s.serveEvents(w, r)
	case strings.HasPrefix(p, base):
		s.serveSite(w, r, strings.TrimPrefix(p, base))
	case p == "/" || p == strings.TrimSuffix(base, "/"):
		http.Redirect(w, r, base, http.StatusFound)
	default:
		http.Error(w, "404: the preview serves the site under "+base, http.StatusNotFound)
	}
}

// serveEvents streams a "build" event with the current build's stamp on
// connect and after every build; the script reloads when it differs from
// the stamp of the page it runs in.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan struct{}, 1)
	s.mu.Lock()
	s.subs[ch] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	send := func() bool {
		if _, err := fmt.Fprintf(w, "retry: 1000\nevent: build\ndata: %s\n\n", s.stamp()); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send() {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case <-ch:
			if !send() {
				return
			}
		}
	}
}

// serveSite serves a file of the current build, injecting the reload
// script (and the error overlay, if the latest build failed) into HTML.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, rel string) {
	w.Header().Set("Cache-Control", "no-cache")
	s.mu.Lock()
	dir, lastErr := s.cur, s.lastErr
	s.mu.Unlock()
	if dir == "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>parindex: build failed</title><body>"+s.injection(lastErr)+"</body></html>")
		return
	}
	name := path.Clean("/" + rel)
	fsys := http.Dir(dir)
	f, err := fsys.Open(name)
	if err != nil {
		s.notFound(w, r, fsys, lastErr)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			u := *r.URL
			u.Path += "/"
			http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		f.Close()
		if f, err = fsys.Open(name); err != nil {
			s.notFound(w, r, fsys, lastErr)
			return
		}
		defer f.Close()
		if st, err = f.Stat(); err != nil || st.IsDir() {
			s.notFound(w, r, fsys, lastErr)
			return
		}
	}
	if strings.HasSuffix(name, ".html") {
		b, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(s.inject(b, lastErr)))
		return
	}
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// notFound serves the site's own 404.html if it has one.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, fsys http.FileSystem, lastErr error) {
	f, err := fsys.Open("/404.html")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(s.inject(b, lastErr))
}

// inject puts the reload script (and the error overlay) before </body>,
// or at the end of a page without one.
func (s *Server) inject(page []byte, lastErr error) []byte {
	snippet := s.injection(lastErr)
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		return append(page, snippet...)
	}
	out := make([]byte, 0, len(page)+len(snippet))
	out = append(out, page[:i]...)
	out = append(out, snippet...)
	return append(out, page[i:]...)
}

func (s *Server) injection(lastErr error) string {
	script := `<script src="` + reloadPath + `" data-build="` + s.stamp() + `" defer></script>`
	if lastErr == nil {
		return script
	}
	// No style attribute: the pages' Content-Security-Policy would drop
	// it; the reload script styles the overlay (through the DOM, which the
	// policy allows).
	return `<div id="parindex-error" role="alert">` +
		`<strong>parindex: build failed — showing the last good build</strong><pre>` +
		html.EscapeString(errorText(lastErr)) + `</pre></div>` + script
}

// errorText lists every diagnostic of an input error, not just the first.
func errorText(err error) string {
	var le *diag.ListError
	if errors.As(err, &le) {
		var b strings.Builder
		for _, d := range le.Items {
			b.WriteString(d.String())
			b.WriteByte('\n')
		}
		return b.String()
	}
	return err.Error()
}

// reloadJS reloads the page when a build other than the page's own is
// announced: after a rebuild, and after the server restarted.
const reloadJS = `// parindex preview: live reload (not part of the built site)
(function () {
  var me = document.currentScript && document.currentScript.dataset.build;
  var box = document.getElementById("parindex-error");
  if (box) {
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1em;background:#fff4f4;color:#600;border-top:4px solid #c00;font:14px/1.4 monospace";
    var pre = box.querySelector("pre");
    if (pre) pre.style.cssText = "white-space:pre-wrap;margin:.5em 0 0";
  }
  var es = new EventSource("` + eventsPath + `");
  es.addEventListener("build", function (e) {
    if (e.data !== me) { es.close(); location.reload(); }
  });
})();
`

// abandonedSuffix marks a preview build folder whose removal an exiting
// preview left unfinished: the next preview removes it.
const abandonedSuffix = ".abandoned"

// removeBuild removes the preview's build folder, but waits for it at most
// about a second, so that the preview exits within 2 s of a signal however
// many files the site has and however slow the disk: the folder is first
// renamed (instant) as abandoned, so that if the process ends before the
// removal does, the next preview finishes it.
func (s *Server) removeBuild() {
	dir := s.tmp
	if err := os.Rename(dir, dir+abandonedSuffix); err == nil {
		dir += abandonedSuffix
	}
	done := make(chan struct{})
	go func() {
		os.RemoveAll(dir)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(time.Second):
		fmt.Fprintf(s.opt.Log, "preview: %s is still being removed; the next preview finishes the job\n", dir)
	}
}

// sweepAbandoned removes the build folders earlier previews marked
// abandoned, and nothing else.
func sweepAbandoned(tmpDir string) {
	dirs, _ := filepath.Glob(filepath.Join(tmpDir, "parindex-serve-*"+abandonedSuffix))
	for _, d := range dirs {
		os.RemoveAll(d)
	}
}
