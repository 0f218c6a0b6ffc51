// Package publish is the last stage of a build: it writes the rendered site
// into a temporary directory next to the final one and swaps it in only when
// everything has been written, so a failed build never leaves a half-written
// or missing site behind.
//
// Input: files as (slash path, bytes) pairs from the render workers, and
// trees to copy verbatim (static assets, attachments) as fs.FS.
// Output: the final output directory, replaced as a whole by Commit, or left
// exactly as it was by Abort.
//
// Rebuilding with nothing changed rewrites no file: a file whose bytes
// equal the file at the same path in the site being replaced is that file,
// hard-linked into the temporary directory (or, where links are refused,
// copied with its modification time), so after the swap unchanged files
// keep their inode and modification time and a sync to the portal (rsync)
// moves only what changed.
//
// One build at a time writes into an output: NewDir takes a lock
// ("site.lock" next to "site", released by Commit or Abort, and by the
// system when the process dies), so a second build gets ErrBusy instead of
// tripping over the first one's files. Holding the lock, NewDir removes
// what killed builds left next to the output: "site.tmp-<digits>" folders
// and "site.old" (put back as the site if the kill came halfway through a
// swap). Nothing else next to the output is touched.
package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Dir is a temporary output directory that becomes the final directory on
// Commit. WriteFile and CopyFS are safe for concurrent use; Commit and Abort
// end its life and must not race with writes.
type Dir struct {
	final string // the directory the site ends up in
	tmp   string // sibling of final, same file system, so the swap is a rename
	lock  *lock  // held from NewDir to Commit or Abort

	mu   sync.Mutex
	done bool // committed or aborted

	// prev is the site being replaced ("" if none): files with the same
	// bytes are taken from it rather than written again.
	prev string
	// dirs are the directories already created in tmp. Creating each one
	// once matters: a MkdirAll per file was about 0.45 s of a 1,076-page
	// build on a file system where mkdir and stat are slow.
	dirMu sync.Mutex
	dirs  map[string]bool
}

// NewDir creates a temporary sibling of final ("site.tmp-1234") to build
// into. The parent of final is created if missing; final itself is not
// touched until Commit.
func NewDir(final string) (*Dir, error) {
	if final == "" {
		return nil, errors.New("empty output directory")
	}
	final = filepath.Clean(final)
	if st, err := os.Stat(final); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("output %s exists and is not a directory", final)
	}
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lk, err := acquire(final + ".lock")
	if err != nil {
		if errors.Is(err, ErrBusy) {
			return nil, busyError{final}
		}
		return nil, fmt.Errorf("lock %s: %w", final, err)
	}
	if err := removeLeftovers(final); err != nil {
		lk.release()
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, filepath.Base(final)+".tmp-")
	if err != nil {
		lk.release()
		return nil, err
	}
	// MkdirTemp makes 0700; a published site should be readable by a web
	// server running as another user.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		lk.release()
		return nil, err
	}
	d := &Dir{final: final, tmp: tmp, lock: lk, dirs: map[string]bool{tmp: true}}
	if st, err := os.Lstat(final); err == nil && st.IsDir() {
		d.prev = final
	}
	return d, nil
}

// ErrBusy is returned by NewDir when another build holds the output.
var ErrBusy = errors.New("output is busy")

type busyError struct{ final string }

func (e busyError) Error() string {
	return fmt.Sprintf("another build is running into %s (it holds %s); wait for it to finish", e.final, e.final+".lock")
}

func (e busyError) Is(target error) bool { return target == ErrBusy }

// removeLeftovers removes what interrupted builds left next to final:
// "<final>.tmp-<digits>" folders (MkdirTemp's names) and "<final>.old",
// which is put back as final if final is missing (a swap cut short). The
// caller holds the lock, so none of them belongs to a running build.
func removeLeftovers(final string) error {
	old := final + ".old"
	if _, err := os.Lstat(final); errors.Is(err, fs.ErrNotExist) {
		if st, err := os.Lstat(old); err == nil && st.IsDir() {
			if err := os.Rename(old, final); err != nil {
				return fmt.Errorf("restore the previous site from %s: %w", old, err)
			}
		}
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("remove %s left by an interrupted build: %w", old, err)
	}
	es, err := os.ReadDir(filepath.Dir(final))
	if err != nil {
		return err
	}
	prefix := filepath.Base(final) + ".tmp-"
	for _, e := range es {
		n := e.Name()
		if !e.IsDir() || !strings.HasPrefix(n, prefix) || !digits(n[len(prefix):]) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(filepath.Dir(final), n)); err != nil {
			return fmt.Errorf("remove %s left by an interrupted build: %w", n, err)
		}
	}
	return nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Path is the temporary directory being written.
func (d *Dir) Path() string { return d.tmp }

// Final is the directory Commit swaps the site into.
func (d *Dir) Final() string { return d.final }

// local turns a slash-separated relative path into a path inside the
// temporary directory, refusing anything that could escape it.
func (d *Dir) local(p string) (string, error) {
	if p == "" || p == "." || !fs.ValidPath(p) || strings.Contains(p, `\`) {
		return "", fmt.Errorf("invalid output path %q: must be a relative slash path without . or .. elements", p)
	}
	return filepath.Join(d.tmp, filepath.FromSlash(p)), nil
}

func (d *Dir) live() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		return errors.New("output directory already committed or aborted")
	}
	return nil
}

// WriteFile writes one file, creating its parent directories. It is safe
// for concurrent use by the render workers. When the site being replaced
// holds the same bytes at p, that file is kept instead (see the package
// comment).
func (d *Dir) WriteFile(p string, data []byte) error {
	if err := d.live(); err != nil {
		return err
	}
	full, err := d.local(p)
	if err != nil {
		return err
	}
	if err := d.mkdirs(filepath.Dir(full)); err != nil {
		return err
	}
	if prev := d.prevFile(p, int64(len(data))); prev != "" {
		if same, err := equalFile(prev, bytes.NewReader(data)); err == nil && same {
			return keep(prev, full)
		}
	}
	f, err := createNew(full)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	return errors.Join(werr, f.Close())
}

// createNew creates the file full for writing. A file already there (the
// same path written twice) is removed first rather than truncated: it may
// be a hard link to the previous site's file, which must not change.
func createNew(full string) (*os.File, error) {
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if err := os.Remove(full); err != nil {
			return nil, err
		}
		f, err = os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	return f, err
}

// mkdirs creates dir and its parents inside the temporary directory, each
// at most once per build.
func (d *Dir) mkdirs(dir string) error {
	d.dirMu.Lock()
	done := d.dirs[dir]
	d.dirMu.Unlock()
	if done {
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := d.mkdirs(parent); err != nil {
			return err
		}
	}
	// Another worker may have created it meanwhile.
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.dirMu.Lock()
	d.dirs[dir] = true
	d.dirMu.Unlock()
	return nil
}

// prevFile is the path of p in the site being replaced when it is a
// regular file of the given size, else "".
func (d *Dir) prevFile(p string, size int64) string {
	if d.prev == "" {
		return ""
	}
	full := filepath.Join(d.prev, filepath.FromSlash(p))
	st, err := os.Lstat(full)
	if err != nil || !st.Mode().IsRegular() || st.Size() != size {
		return ""
	}
	return full
}

// equalFile reports whether the file at name holds exactly what r reads.
func equalFile(name string, r io.Reader) (bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	var a, b [32 << 10]byte
	for {
		n, errA := io.ReadFull(f, a[:])
		m, errB := io.ReadFull(r, b[:n])
		if m != n || !bytes.Equal(a[:n], b[:m]) {
			return false, nil
		}
		endA := errA == io.EOF || errA == io.ErrUnexpectedEOF
		if errA != nil && !endA {
			return false, errA
		}
		if errB != nil && errB != io.EOF && errB != io.ErrUnexpectedEOF {
			return false, errB
		}
		if endA {
			// r must end here too.
			var one [1]byte
			k, _ := r.Read(one[:])
			return k == 0, nil
		}
	}
}

// keep puts the previous site's file prev at full: a hard link, so it
// keeps its inode and modification time, or where the file system refuses
// links a copy with the same modification time.
func keep(prev, full string) error {
	err := os.Link(prev, full)
	if errors.Is(err, fs.ErrExist) {
		// Written before in this build: replace it, never truncate it.
		if err := os.Remove(full); err != nil {
			return err
		}
		err = os.Link(prev, full)
	}
	if err == nil {
		return nil
	}
	in, err := os.Open(prev)
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := createNew(full)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chtimes(full, st.ModTime(), st.ModTime())
}

// CopyFS copies the tree at root in fsys (a file or a directory) to dest in
// the output, e.g. CopyFS(theme, "static", "static"). Only regular files are
// copied; a missing root is not an error, so optional trees need no check.
// Like WriteFile, it keeps the previous site's file where the bytes are
// the same.
func (d *Dir) CopyFS(fsys fs.FS, root, dest string) error {
	if err := d.live(); err != nil {
		return err
	}
	if _, err := d.local(dest); err != nil {
		return err
	}
	err := fs.WalkDir(fsys, root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.Type().IsRegular() {
			return nil // directories are made on demand; links and devices are skipped
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		target := dest
		if rel != "" {
			target = path.Join(dest, rel)
		}
		return d.copyFile(fsys, p, target)
	})
	if errors.Is(err, fs.ErrNotExist) {
		if _, statErr := fs.Stat(fsys, root); errors.Is(statErr, fs.ErrNotExist) {
			return nil
		}
	}
	return err
}

func (d *Dir) copyFile(fsys fs.FS, src, dest string) error {
	full, err := d.local(dest)
	if err != nil {
		return err
	}
	in, err := fsys.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := d.mkdirs(filepath.Dir(full)); err != nil {
		return err
	}
	if st, err := in.Stat(); err == nil {
		if prev := d.prevFile(dest, st.Size()); prev != "" {
			same, err := equalFile(prev, in)
			if err == nil && same {
				return keep(prev, full)
			}
			// Read part of the source: start again.
			in.Close()
			if in, err = fsys.Open(src); err != nil {
				return err
			}
			defer in.Close()
		}
	}
	out, err := createNew(full)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return out.Close()
}

// Commit swaps the temporary directory in as the final one: final is
// renamed aside, the new tree renamed into place, and the old tree removed.
// If a rename fails the previous site is put back, so on any error the
// final directory holds the previous site (or nothing, if there was none).
func (d *Dir) Commit() error {
	return d.CommitContext(context.Background())
}

// CommitContext is Commit that stops waiting for the previous site to be
// deleted when ctx is done (the process is being stopped): the new site is
// in place by then, and what is left of "<final>.old" goes on being
// removed in the background, holding the lock, or by the next build.
func (d *Dir) CommitContext(ctx context.Context) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		return errors.New("output directory already committed or aborted")
	}
	d.done = true
	release := true
	defer func() {
		if release {
			d.lock.release()
		}
	}()
	old := d.final + ".old"
	// NewDir removed leftovers; one may still appear if a build without
	// the lock (an older parindex) was interrupted meanwhile.
	if _, err := os.Stat(d.final); errors.Is(err, fs.ErrNotExist) {
		if st, err := os.Stat(old); err == nil && st.IsDir() {
			_ = os.Rename(old, d.final)
		}
	}
	if err := os.RemoveAll(old); err != nil {
		os.RemoveAll(d.tmp)
		return fmt.Errorf("remove stale %s: %w", old, err)
	}
	hadFinal := true
	if err := os.Rename(d.final, old); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			os.RemoveAll(d.tmp)
			return fmt.Errorf("move previous site aside: %w", err)
		}
		hadFinal = false
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		if hadFinal {
			if rerr := os.Rename(old, d.final); rerr != nil {
				return fmt.Errorf("swap in new site: %w (and restoring the previous site failed: %v; it is in %s)", err, rerr, old)
			}
		}
		os.RemoveAll(d.tmp)
		return fmt.Errorf("swap in new site: %w", err)
	}
	if hadFinal {
		// The new site is in place; failing to delete the old one only
		// wastes space, so it is reported but does not fail the build.
		// If the process dies meanwhile, the next build removes the rest.
		release = false
		done := make(chan error, 1)
		go func() {
			err := removeTree(old)
			d.lock.release()
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				return fmt.Errorf("site published, but removing the previous one failed: %w", err)
			}
		case <-ctx.Done():
		}
	}
	return nil
}

// Abort removes the temporary directory, leaving the final one untouched.
// It is a no-op after Commit, so `defer d.Abort()` is safe.
func (d *Dir) Abort() error {
	return d.AbortWithin(0)
}

// ErrSlowRemove is returned by AbortWithin when the temporary directory
// was not removed in time.
var ErrSlowRemove = errors.New("temporary folder not removed in time")

// AbortWithin is Abort that returns after at most limit (0: no limit): an
// interrupted build must exit promptly even where deleting thousands of
// files is slow. What is not removed by then goes on being removed in the
// background, holding the lock, and is a leftover the next build removes
// if the process ends first; the error then wraps ErrSlowRemove and names
// the folder.
func (d *Dir) AbortWithin(limit time.Duration) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		return nil
	}
	d.done = true
	done := make(chan error, 1)
	go func() {
		err := removeTree(d.tmp)
		d.lock.release()
		done <- err
	}()
	if limit <= 0 {
		return <-done
	}
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		return fmt.Errorf("%w: %s (the next build removes it)", ErrSlowRemove, d.tmp)
	}
}

// removeTree removes dir like os.RemoveAll, deleting its files from
// several goroutines: on a busy disk, or a file system that discards
// blocks on delete, one file at a time is several times slower.
func removeTree(dir string) error {
	var files []string
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) > 64 {
		jobs := make(chan string)
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range jobs {
					_ = os.Remove(p) // RemoveAll below reports what is left
				}
			}()
		}
		for _, f := range files {
			jobs <- f
		}
		close(jobs)
		wg.Wait()
	}
	return os.RemoveAll(dir)
}
