package serve

import (
	"bufio"
	"context"
	"errors"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"parindex/internal/diag"
	"parindex/internal/par"
)

// fakeBuild stands in for build.Build: it renders every file under
// content/ into one page, and fails, like a build with input errors, when a
// file says BROKEN.
func fakeBuild(root, base string) BuildFunc {
	return func(_ context.Context, out string) (string, error) {
		return base, build(root, out)
	}
}

func build(root, out string) error {
	{
		var lines []string
		var dl diag.List
		err := filepath.WalkDir(filepath.Join(root, "content"), func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			if strings.Contains(string(b), "BROKEN") {
				dl.Errorf(par.Source{File: rel, Line: 1}, "broken <input>")
			}
			lines = append(lines, rel+"="+strings.TrimSpace(string(b)))
			return nil
		})
		if err != nil {
			return err
		}
		if err := dl.Err(); err != nil {
			return err
		}
		sort.Strings(lines)
		page := "<!doctype html><html><body><main>" + html.EscapeString(strings.Join(lines, "\n")) + "</main></body></html>"
		if err := os.MkdirAll(filepath.Join(out, "static"), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "static", "app.css"), []byte("body{}"), 0o644); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(out, "index.html"), []byte(page), 0o644)
	}
}

// syncBuffer collects the server's log from its goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type harness struct {
	t      *testing.T
	root   string
	base   string
	srv    *Server
	log    *syncBuffer
	cancel context.CancelFunc
	ran    chan error  // Run's result, then closed
	events chan string // data of "build" events
	client *http.Client
}

func start(t *testing.T, root, base string) *harness {
	t.Helper()
	log := &syncBuffer{}
	s, err := New(Options{Root: root, Addr: "127.0.0.1:0", Build: fakeBuild(root, base), Log: log, Debounce: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{t: t, root: root, base: base, srv: s, log: log, cancel: cancel, ran: make(chan error, 1), events: make(chan string, 100),
		client: &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	go func() { h.ran <- s.Run(ctx); close(h.ran) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-h.ran:
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after cancel")
		}
	})

	// The event stream: all loopback, read until the server shuts down.
	resp, err := http.Get("http://" + s.ln.Addr().String() + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && event == "build":
				h.events <- strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return h
}

// next waits, bounded, for the next build event.
func (h *harness) next() string {
	h.t.Helper()
	select {
	case e := <-h.events:
		return e
	case <-time.After(15 * time.Second):
		h.t.Fatalf("no build event within 15s; log:\n%s", h.log)
		return ""
	}
}

// waitFor waits for build events until the page at the site's root
// contains want.
func (h *harness) waitFor(want string) string {
	h.t.Helper()
	deadline := time.After(15 * time.Second)
	for {
		if _, body := h.get(h.base); strings.Contains(body, want) {
			return body
		}
		select {
		case <-h.events:
		case <-deadline:
			_, body := h.get(h.base)
			h.t.Fatalf("page never contained %q; last:\n%s\nlog:\n%s", want, body, h.log)
		}
	}
}

func (h *harness) get(p string) (*http.Response, string) {
	h.t.Helper()
	resp, err := h.client.Get("http://" + h.srv.ln.Addr().String() + p)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp, string(b)
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Issue, "What a user can do" 4: serve previews on localhost and rebuilds
// and reloads the browser when an input file changes.
func TestReloadOnChange(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "content", "page.md"), "v1")
	h := start(t, root, "/chi-so-cchc/")
	first := h.next()

	resp, body := h.get("/chi-so-cchc/")
	if resp.StatusCode != 200 || !strings.Contains(body, "content/page.md=v1") {
		t.Fatalf("first page: %d\n%s", resp.StatusCode, body)
	}
	wantScript := `<script src="/_parindex/reload.js" data-build="` + first + `" defer></script></body>`
	if !strings.Contains(body, wantScript) {
		t.Errorf("reload script not injected before </body>:\n%s", body)
	}
	// The built files themselves never carry the script.
	h.srv.mu.Lock()
	cur := h.srv.cur
	h.srv.mu.Unlock()
	if b, _ := os.ReadFile(filepath.Join(cur, "index.html")); strings.Contains(string(b), "_parindex") {
		t.Errorf("built output contains the preview script: %s", b)
	}

	// A change: a reload event with a new stamp, then the new content.
	writeFile(t, filepath.Join(root, "content", "page.md"), "v2")
	if second := h.next(); second == first {
		t.Errorf("build stamp unchanged after rebuild: %q", second)
	}
	h.waitFor("content/page.md=v2")

	// A directory created after start is watched too.
	writeFile(t, filepath.Join(root, "content", "units", "x", "2024.md"), "nested")
	h.waitFor("content/units/x/2024.md=nested")
	writeFile(t, filepath.Join(root, "content", "units", "x", "2024.md"), "nested again")
	h.waitFor("content/units/x/2024.md=nested again")

	// A failed rebuild: the last good build stays, with the errors on top.
	writeFile(t, filepath.Join(root, "content", "page.md"), "BROKEN")
	body = h.waitFor("parindex-error")
	if !strings.Contains(body, "content/page.md=v2") {
		t.Errorf("last good build not served after a failure:\n%s", body)
	}
	if !strings.Contains(body, "content/page.md:1: error: broken &lt;input&gt;") {
		t.Errorf("overlay lacks the escaped diagnostic:\n%s", body)
	}
	if !strings.Contains(h.log.String(), "build failed") {
		t.Errorf("terminal log lacks the failure:\n%s", h.log)
	}
	writeFile(t, filepath.Join(root, "content", "page.md"), "v3")
	body = h.waitFor("content/page.md=v3")
	if strings.Contains(body, "parindex-error") {
		t.Errorf("overlay still shown after a good build:\n%s", body)
	}

	// The preview never writes into the project.
	if _, err := os.Stat(filepath.Join(root, "site")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("serve created site/: %v", err)
	}

	tmp := h.srv.tmp
	h.cancel()
	select {
	case err := <-h.ran:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel with an event stream open")
	}
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("build directory %s left behind", tmp)
	}
}

func TestRoutes(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "content", "page.md"), "v1")
	h := start(t, root, "/chi-so-cchc/")
	h.next()

	for _, tc := range []struct {
		path, status, location, contains, notContains, contentType string
	}{
		{path: "/", status: "302", location: "/chi-so-cchc/"},
		{path: "/chi-so-cchc", status: "302", location: "/chi-so-cchc/"},
		{path: "/chi-so-cchc/", status: "200", contains: "page.md=v1", contentType: "text/html; charset=utf-8"},
		{path: "/chi-so-cchc/index.html", status: "200", contains: "reload.js"},
		{path: "/chi-so-cchc/static/app.css", status: "200", contains: "body{}", notContains: "_parindex", contentType: "text/css; charset=utf-8"},
		{path: "/chi-so-cchc/static", status: "301", location: "/chi-so-cchc/static/"},
		{path: "/chi-so-cchc/missing/", status: "404"},
		{path: "/chi-so-cchc/../../etc/passwd", status: "404"},
		{path: "/other/", status: "404", contains: "under /chi-so-cchc/"},
		{path: "/_parindex/reload.js", status: "200", contains: "EventSource", contentType: "text/javascript; charset=utf-8"},
	} {
		resp, body := h.get(tc.path)
		if got := resp.Status[:3]; got != tc.status {
			t.Errorf("%s: status %s, want %s", tc.path, resp.Status, tc.status)
		}
		if tc.location != "" && resp.Header.Get("Location") != tc.location {
			t.Errorf("%s: Location %q, want %q", tc.path, resp.Header.Get("Location"), tc.location)
		}
		if !strings.Contains(body, tc.contains) {
			t.Errorf("%s: body lacks %q:\n%s", tc.path, tc.contains, body)
		}
		if tc.notContains != "" && strings.Contains(body, tc.notContains) {
			t.Errorf("%s: body contains %q", tc.path, tc.notContains)
		}
		if tc.contentType != "" && resp.Header.Get("Content-Type") != tc.contentType {
			t.Errorf("%s: Content-Type %q, want %q", tc.path, resp.Header.Get("Content-Type"), tc.contentType)
		}
	}
}

// A project that does not build at first shows its errors, then the site
// once it is fixed.
func TestFirstBuildFails(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "content", "page.md"), "BROKEN")
	h := start(t, root, "/")
	h.next()
	resp, body := h.get("/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "content/page.md:1: error: broken") || !strings.Contains(body, "reload.js") {
		t.Fatalf("before the first good build: %d\n%s", resp.StatusCode, body)
	}
	writeFile(t, filepath.Join(root, "content", "page.md"), "fixed")
	h.waitFor("page.md=fixed")
}

// Editor swap files and office lock files do not trigger rebuilds.
func TestIgnoredName(t *testing.T) {
	for name, want := range map[string]bool{
		"so-noi-vu.xlsx":      false,
		"2023.md":             false,
		"units.yaml":          false,
		"~$so-noi-vu.xlsx":    true,
		".units.yaml.swp":     true,
		"units.yaml~":         true,
		"4913":                true,
		".DS_Store":           true,
		"#autosave#.md.swx":   true,
		"excel-C3A1B2F0.tmp":  true,
		"phu-luc-2019 (1).md": false,
	} {
		if got := ignoredName(name); got != want {
			t.Errorf("ignoredName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestInject(t *testing.T) {
	s := &Server{id: "x", gen: 3}
	script := `<script src="/_parindex/reload.js" data-build="x-3" defer></script>`
	for in, want := range map[string]string{
		"<p>a</p></body></html>":          "<p>a</p>" + script + "</body></html>",
		"<p>a</p></BODY>":                 "<p>a</p>" + script + "</BODY>",
		"<p>no body":                      "<p>no body" + script,
		"<p></body>x</body>":              "<p></body>x" + script + "</body>",
		"<pre>&lt;/body&gt;</pre></body>": "<pre>&lt;/body&gt;</pre>" + script + "</body>",
	} {
		if got := string(s.inject([]byte(in), nil)); got != want {
			t.Errorf("inject(%q) = %q, want %q", in, got, want)
		}
	}
	got := string(s.inject([]byte("<p></body>"), errors.New("<b>bad</b>")))
	if !strings.Contains(got, "&lt;b&gt;bad&lt;/b&gt;") || strings.Contains(got, "<b>bad") {
		t.Errorf("overlay does not escape the error: %s", got)
	}
}
