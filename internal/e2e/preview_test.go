package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"parindex/internal/build"
	"parindex/internal/example"
	"parindex/internal/serve"
)

// logWriter sends the preview server's terminal output to the test log.
type logWriter struct{ t *testing.T }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// Issue, "What a user can do" 4, in a real browser: the preview reloads
// the open page after an input file changes, shows a failed rebuild's
// errors over the last good build, and clears them once fixed.
func TestPreviewReloads(t *testing.T) {
	requireChromium(t)
	root := t.TempDir()
	if err := example.Generate(root, example.Options{Preset: "minimal"}); err != nil {
		t.Fatal(err)
	}
	// As `parindex serve` does: one session, updating the served folder.
	session := build.NewSession(build.Options{Root: root, BaseURL: basePath})
	s, err := serve.New(serve.Options{
		Root: root, Addr: "127.0.0.1:0", Debounce: 100 * time.Millisecond, Log: logWriter{t},
		Build: func(ctx context.Context, out string) (string, error) {
			_, err := session.Update(ctx, out)
			return basePath, err
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.HasSuffix(s.URL(), basePath) {
		if time.Now().After(deadline) {
			t.Fatal("first build did not finish in 30s")
		}
		time.Sleep(50 * time.Millisecond)
	}

	pageCtx, cancelPage := context.WithTimeout(browser(t), pageDeadline)
	defer cancelPage()
	tab, closeTab := chromedp.NewContext(pageCtx)
	defer closeTab()
	defer checks.ran(t)
	if err := chromedp.Do(tab, chromedp.Navigate(s.URL())); err != nil {
		t.Fatal(err)
	}
	// A marker that survives only as long as the page is not reloaded.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.parindexTestMarker = true`)); err != nil {
		t.Fatal(err)
	}

	setTitle := func(title string) {
		t.Helper()
		p := filepath.Join(root, "data", "site.yaml")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b = regexp.MustCompile(`(?m)^title:.*$`).ReplaceAll(b, []byte("title: "+title))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// waitFor evaluates cond until it is true; a reload in between makes
	// an evaluation fail, which is retried.
	waitFor := func(what, cond string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](cond))
			if err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 30s (last error: %v)", what, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	setTitle("Tiêu đề đã sửa")
	waitFor("reload with the new title", `!window.parindexTestMarker && document.title.includes("Tiêu đề đã sửa")`)

	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.parindexTestMarker = true`)); err != nil {
		t.Fatal(err)
	}
	setTitle("[unclosed")
	waitFor("error overlay after a failed rebuild", `!window.parindexTestMarker &&
		(document.getElementById("parindex-error") || {textContent: ""}).textContent.includes("data/site.yaml:") &&
		(document.getElementById("parindex-error") || {textContent: ""}).textContent.includes("invalid YAML") &&
		document.title.includes("Tiêu đề đã sửa")`)

	setTitle("Tiêu đề lần ba")
	waitFor("overlay gone after the fix", `!document.getElementById("parindex-error") && document.title.includes("Tiêu đề lần ba")`)
}
