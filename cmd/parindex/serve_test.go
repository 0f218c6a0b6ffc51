package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Issue, "What a user can do" 4, with the real build: `parindex serve`
// previews a new project under its base path, and a change to an input
// file brings a reload event and the rebuilt page, without touching site/.
func TestServeRebuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "proj")
	if err := runNew(&streams{Out: io.Discard, Err: io.Discard}, &newOptions{Dir: dir}); err != nil {
		t.Fatal(err)
	}

	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, &streams{Out: io.Discard, Err: pw}, &serveOptions{Root: dir, Addr: "127.0.0.1:0", BaseURL: "/chi-so-cchc/"})
		pw.Close()
	}()
	lines := make(chan string, 1000)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default: // never block the server's log
			}
		}
	}()
	var site string
	for site == "" {
		select {
		case l := <-lines:
			if m := regexp.MustCompile(`^serving (http://\S+)`).FindStringSubmatch(l); m != nil {
				site = m[1]
			}
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not report its address")
		}
	}
	if !strings.HasSuffix(site, "/chi-so-cchc/") {
		t.Fatalf("serving %s, want the base path /chi-so-cchc/", site)
	}
	origin := strings.TrimSuffix(site, "/chi-so-cchc/")

	body := get(t, site)
	if !strings.Contains(body, `href="/chi-so-cchc/`) || !strings.Contains(body, "/_parindex/reload.js") {
		t.Fatalf("home page lacks base-path links or the reload script:\n%s", body)
	}

	events := sse(t, ctx, origin+"/_parindex/events")
	first := next(t, events)

	// Change the site title in data/site.yaml.
	sitePath := filepath.Join(dir, "data", "site.yaml")
	b, err := os.ReadFile(sitePath)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^title:.*$`)
	if !re.Match(b) {
		t.Fatalf("no title in site.yaml:\n%s", b)
	}
	b = re.ReplaceAll(b, []byte(`title: "Tiêu đề mới <b>"`))
	if err := os.WriteFile(sitePath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(30 * time.Second)
	for {
		if stamp := next(t, events); stamp == first {
			t.Fatalf("build event with the old stamp %q", stamp)
		}
		if body = get(t, site); strings.Contains(body, "Tiêu đề mới &lt;b&gt;") {
			break
		}
		select {
		case <-deadline:
			t.Fatalf("new title never served:\n%s", body)
		default:
		}
	}

	if _, err := os.Stat(filepath.Join(dir, "site")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("serve wrote into the project's site/: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after cancel")
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s\n%s", url, resp.Status, b)
	}
	return string(b)
}

// sse streams the data of "build" events.
func sse(t *testing.T, ctx context.Context, url string) <-chan string {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan string, 100)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		event := ""
		for sc.Scan() {
			switch l := sc.Text(); {
			case strings.HasPrefix(l, "event: "):
				event = strings.TrimPrefix(l, "event: ")
			case strings.HasPrefix(l, "data: ") && event == "build":
				ch <- strings.TrimPrefix(l, "data: ")
			}
		}
	}()
	return ch
}

func next(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case s := <-ch:
		return s
	case <-time.After(30 * time.Second):
		t.Fatal("no build event within 30s")
		return ""
	}
}
