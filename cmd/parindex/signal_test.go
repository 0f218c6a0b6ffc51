//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parindex/internal/example"
)

// Issue 10, "Stopping works", with the real command on a generated input
// large enough for a build to take seconds: SIGTERM and SIGINT stop a
// build within 2 s with a message and status 128+n, leaving the previous
// site as it was and no temporary folder; a second build into the same
// output is told another is running; a build after a killed one removes
// the killed one's leftovers.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and builds a large input")
	}
	bin, err := exec.LookPath("parindex") // installed in PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if err := example.Generate(root, example.Options{Preset: "large", Units: 200, Years: 3}); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(root, "site")
	if out, err := exec.Command(bin, "build", "--root", root).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := treeHash(t, site)

	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sigName(sig), func(t *testing.T) {
			cmd, stderr := start(t, bin, "build", "--root", root)
			waitRendering(t, root, cmd)

			// Meanwhile a second build into the same output is refused.
			out, err := exec.Command(bin, "build", "--root", root).CombinedOutput()
			if err == nil || !strings.Contains(string(out), "another build is running into "+site+" (it holds "+site+".lock); wait for it to finish") {
				t.Errorf("second build: %v\n%s", err, out)
			}

			t0 := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			took := time.Since(t0)
			t.Logf("%s: exited %.0f ms after the signal", sigName(sig), took.Seconds()*1000)
			if took > 2*time.Second {
				t.Errorf("exited %s after %s, want within 2 s", took, sigName(sig))
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
				t.Errorf("exit: %v, want status %d", err, 128+int(sig))
			}
			want := "parindex: stopped by " + sigName(sig) + "; site not built, " + filepath.ToSlash(site) + "/ left as it was\n"
			if got := stderr.String(); got != want {
				t.Errorf("stderr:\n got %q\nwant %q", got, want)
			}
			if after := treeHash(t, site); after != before {
				t.Error("the previous site changed")
			}
			if l := leftovers(t, root); len(l) != 0 {
				t.Errorf("left behind: %v", l)
			}
		})
	}

	// The other long-running commands stop the same way.
	for _, c := range []struct {
		name  string
		args  []string
		ready func(t *testing.T, stderr *bytes.Buffer)
		want  string
	}{
		{"check", []string{"check", "--root", root}, nil, "parindex: stopped by SIGTERM; check not finished\n"},
		{"template", []string{"template", "--root", root, "--group", "xa", "--year", "2025", "--out", filepath.Join(t.TempDir(), "t.xlsx")}, nil,
			"parindex: stopped by SIGTERM; no workbook written\n"},
		{"serve", []string{"serve", "--root", root, "--addr", "127.0.0.1:0"}, func(t *testing.T, stderr *bytes.Buffer) {
			// Wait until it serves: the signal then stops a running preview.
			deadline := time.Now().Add(60 * time.Second)
			for !strings.Contains(stderr.String(), "serving http://") {
				if time.Now().After(deadline) {
					t.Fatalf("serve did not start: %s", stderr)
				}
				time.Sleep(20 * time.Millisecond)
			}
		}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd, stderr := start(t, bin, c.args...)
			if c.ready != nil {
				c.ready(t, stderr)
			} else {
				waitReading(t, cmd)
			}
			t0 := time.Now()
			cmd.Process.Signal(syscall.SIGTERM)
			err := cmd.Wait()
			took := time.Since(t0)
			t.Logf("exited %.0f ms after the signal", took.Seconds()*1000)
			if took > 2*time.Second {
				t.Errorf("exited %s after SIGTERM, want within 2 s", took)
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 143 {
				t.Errorf("exit: %v, want status 143\n%s", err, stderr)
			}
			if c.want != "" && stderr.String() != c.want {
				t.Errorf("stderr:\n got %q\nwant %q", stderr.String(), c.want)
			}
			if c.name == "serve" && !strings.HasSuffix(stderr.String(), "parindex: stopped by SIGTERM; preview closed\n") {
				t.Errorf("stderr: %q", stderr.String())
			}
		})
	}

	t.Run("after a killed build", func(t *testing.T) {
		cmd, _ := start(t, bin, "build", "--root", root)
		waitRendering(t, root, cmd)
		cmd.Process.Kill()
		cmd.Wait()
		if l := leftovers(t, root); len(l) == 0 {
			t.Fatal("the killed build left nothing to clean up; the test proves nothing")
		}
		// A kill in the middle of a swap leaves site.old as well.
		if err := os.MkdirAll(filepath.Join(root, "site.old", "nam"), 0o755); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bin, "build", "--root", root).CombinedOutput(); err != nil {
			t.Fatalf("build after the kill: %v\n%s", err, out)
		}
		if l := leftovers(t, root); len(l) != 0 {
			t.Errorf("leftovers not removed: %v", l)
		}
		if after := treeHash(t, site); after != before {
			t.Error("the rebuilt site differs from the first build")
		}
	})
}

// start runs the command with its stderr collected.
func start(t *testing.T, bin string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return cmd, &stderr
}

// waitRendering waits until the build has written pages into its
// temporary folder: it is in the middle of rendering.
func waitRendering(t *testing.T, root string, cmd *exec.Cmd) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		tmps, _ := filepath.Glob(filepath.Join(root, "site.tmp-*", "don-vi"))
		if len(tmps) > 0 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the build did not start rendering within 60 s")
}

// waitReading waits until the command has a workbook open: it is reading
// the input (and so has long set up its signal handling). Without /proc it
// waits a moment instead.
func waitReading(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	fds := fmt.Sprintf("/proc/%d/fd", cmd.Process.Pid)
	if _, err := os.Stat(fds); err != nil {
		time.Sleep(200 * time.Millisecond)
		return
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		es, _ := os.ReadDir(fds)
		for _, e := range es {
			if l, err := os.Readlink(filepath.Join(fds, e.Name())); err == nil && strings.Contains(l, string(filepath.Separator)+"scores"+string(filepath.Separator)) {
				return
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("the command did not open a workbook within 60 s")
}

// leftovers lists what a build may leave next to the output.
func leftovers(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"site.tmp-*", "site.old", "site.lock"} {
		m, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			out = append(out, filepath.Base(p))
		}
	}
	return out
}

// treeHash is a hash of every file's path and content under dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	n := 0
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(b))
		h.Write(b)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("%s is empty", dir)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
