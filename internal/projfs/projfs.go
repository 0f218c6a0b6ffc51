// Package projfs is the boundary of a project: the only way parindex reads
// its input. Stage: under ingest, build (theme overrides, attachments) and
// serve (the watcher). Input: a project directory. Output: an fs.FS rooted
// at it that serves only regular files and folders inside it.
//
// A symbolic link is followed only when every link on the way resolves
// inside the project and ends at a regular file or a folder. Anything else
// — a link leading outside (to /etc/passwd, /proc/self/environ, /dev/zero),
// a link loop, a link to nothing, a device, a named pipe, a socket — is an
// *Error naming the path and what it points to, and nothing of it is opened:
// the type is checked before opening, and the file is opened without
// blocking and checked again, so a named pipe never hangs a build. A link to
// a folder that contains it (a loop for a tree walk) is refused as well.
//
// Reading goes through os.Root, so even a link swapped in between the
// check and the open cannot reach outside the project.
package projfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// maxHops bounds link resolution, as the kernel's own limit (40) does.
const maxHops = 40

// Kind says what is wrong with a path.
type Kind uint8

const (
	Outside   Kind = iota + 1 // a symbolic link resolves outside the project
	Loop                      // symbolic links that never reach a file
	Dangling                  // a symbolic link to nothing
	Device                    // a device file
	Pipe                      // a named pipe (FIFO)
	Socket                    // a Unix socket
	Irregular                 // anything else that is not a file or folder
	Ancestor                  // a link to a folder that contains the link
)

// Error is a path the boundary refuses. Its message reads after the path,
// as in "content/pages/x.md: error: <message>".
type Error struct {
	Path   string // slash path asked for, relative to the project
	Link   string // the symbolic link that is refused or leads to the problem; "" if none
	Target string // what Link points to, as written in the link
	Kind   Kind
}

func (e *Error) Error() string {
	via := ""
	if e.Link != "" && e.Link != e.Path {
		via = " " + e.Link
	}
	switch e.Kind {
	case Outside:
		return fmt.Sprintf("symbolic link%s to %s, outside the project: not read (only files inside the project are)", via, e.Target)
	case Loop:
		return fmt.Sprintf("symbolic link%s to %s is a loop (never reaches a file): not read", via, e.Target)
	case Dangling:
		return fmt.Sprintf("symbolic link%s to %s, which does not exist", via, e.Target)
	case Ancestor:
		return fmt.Sprintf("symbolic link%s to %s, a folder that contains the link (a loop): not read", via, e.Target)
	}
	what := map[Kind]string{Device: "a device file", Pipe: "a named pipe (FIFO)", Socket: "a socket", Irregular: "not a regular file or folder"}[e.Kind]
	if e.Link != "" {
		return fmt.Sprintf("symbolic link%s to %s, %s: not read (only regular files and folders are)", via, e.Target, what)
	}
	return fmt.Sprintf("%s: not read (only regular files and folders are)", what)
}

// Is makes errors.Is(err, fs.ErrPermission) true: the path exists but is
// off limits.
func (e *Error) Is(target error) bool { return target == fs.ErrPermission }

// Refused reports whether err (or what it wraps) is the boundary's refusal,
// and returns it.
func Refused(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// FS is a project directory as an fs.FS that enforces the boundary. It
// implements fs.StatFS, fs.ReadDirFS and fs.ReadFileFS. Close releases it.
type FS struct {
	root  *os.Root
	dir   string // the project's real path (links resolved), for link targets
	given string // the project's absolute path as given, which may run through links
}

// Open opens the project directory dir.
func Open(dir string) (*FS, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(real)
	if err != nil {
		return nil, err
	}
	return &FS{root: r, dir: real, given: abs}, nil
}

// Dir is the project's real path.
func (f *FS) Dir() string { return f.dir }

// Close releases the project directory.
func (f *FS) Close() error { return f.root.Close() }

// resolved is a path after following its links: rel is slash-separated,
// relative to the project and free of links.
type resolved struct {
	rel  string
	info fs.FileInfo
	link bool // a link was followed
}

// resolve follows name's links inside the project and checks what it ends
// at. It never opens anything.
func (f *FS) resolve(op, name string) (resolved, error) {
	if !fs.ValidPath(name) {
		return resolved{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	fail := func(e *Error) (resolved, error) {
		e.Path = name
		return resolved{}, &fs.PathError{Op: op, Path: name, Err: e}
	}
	// comp is a path component still to resolve; link and target say
	// which symbolic link it came from, if any.
	type comp struct{ name, link, target string }
	var todo []comp
	if name != "." {
		for _, c := range strings.Split(name, "/") {
			todo = append(todo, comp{name: c})
		}
	}
	cur := "." // resolved so far, relative to the root, free of links
	hops := 0
	var lastLink, lastTarget string
	for len(todo) > 0 {
		c := todo[0]
		todo = todo[1:]
		next := path.Join(cur, c.name)
		fi, err := f.root.Lstat(filepath.FromSlash(next))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && c.link != "" {
				return fail(&Error{Link: c.link, Target: c.target, Kind: Dangling})
			}
			return resolved{}, &fs.PathError{Op: op, Path: name, Err: unwrap(err)}
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		target, err := f.root.Readlink(filepath.FromSlash(next))
		if err != nil {
			return resolved{}, &fs.PathError{Op: op, Path: name, Err: unwrap(err)}
		}
		lastLink, lastTarget = next, target
		hops++
		if hops > maxHops {
			return fail(&Error{Link: next, Target: target, Kind: Loop})
		}
		abs := target
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(f.dir, filepath.FromSlash(cur), target)
		}
		rel, ok := f.inside(abs)
		if !ok {
			return fail(&Error{Link: next, Target: target, Kind: Outside})
		}
		// Start again from the root with the link's target in front of
		// what is left, so every link on the way is checked too.
		var parts []comp
		if rel != "." {
			for _, p := range strings.Split(rel, "/") {
				parts = append(parts, comp{name: p, link: next, target: target})
			}
		}
		todo = append(parts, todo...)
		cur = "."
	}
	fi, err := f.root.Lstat(filepath.FromSlash(cur))
	if err != nil {
		return resolved{}, &fs.PathError{Op: op, Path: name, Err: unwrap(err)}
	}
	if k := kindOf(fi.Mode()); k != 0 {
		e := &Error{Kind: k}
		if lastLink != "" {
			e.Link, e.Target = lastLink, lastTarget
		}
		return fail(e)
	}
	return resolved{rel: cur, info: fi, link: hops > 0}, nil
}

// inside returns abs relative to the project, slash-separated, if it is
// inside it.
// An absolute link may name the project by its real path or by the path
// it was opened under.
func (f *FS) inside(abs string) (string, bool) {
	for _, root := range []string{f.dir, f.given} {
		rel, err := filepath.Rel(root, filepath.Clean(abs))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			continue
		}
		return filepath.ToSlash(rel), true
	}
	return "", false
}

// kindOf is the refusal for a file mode, 0 for a regular file or folder.
func kindOf(m fs.FileMode) Kind {
	switch {
	case m.IsRegular() || m.IsDir():
		return 0
	case m&fs.ModeSymlink != 0:
		return Loop
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return Device
	case m&fs.ModeNamedPipe != 0:
		return Pipe
	case m&fs.ModeSocket != 0:
		return Socket
	}
	return Irregular
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Stat returns what name resolves to, under name's base name.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	r, err := f.resolve("stat", name)
	if err != nil {
		return nil, err
	}
	return renamed{r.info, path.Base(name)}, nil
}

// Open opens a regular file or a folder. Named pipes are never opened: the
// type is checked first, and the open does not block.
func (f *FS) Open(name string) (fs.File, error) {
	r, err := f.resolve("open", name)
	if err != nil {
		return nil, err
	}
	file, err := f.root.OpenFile(filepath.FromSlash(r.rel), openFlags, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrap(err)}
	}
	st, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrap(err)}
	}
	if k := kindOf(st.Mode()); k != 0 || st.IsDir() != r.info.IsDir() {
		// Replaced between the check and the open.
		file.Close()
		if k == 0 {
			k = Irregular
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: &Error{Path: name, Kind: k}}
	}
	if st.IsDir() {
		return &dir{File: file, fsys: f, name: name}, nil
	}
	return &regular{File: file, name: path.Base(name)}, nil
}

// ReadFile reads a whole regular file.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if _, ok := file.(*dir); ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a directory")}
	}
	return io.ReadAll(file)
}

// ReadDir lists a folder. A link among the entries is reported as what it
// resolves to (a file or a folder, under the link's name), so a walk goes
// through links that stay inside the project; a refused link, and a
// device, pipe or socket, is reported as an irregular entry whose Info
// returns the *Error.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	r, err := f.resolve("readdir", name)
	if err != nil {
		return nil, err
	}
	if !r.info.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	file, err := f.root.Open(filepath.FromSlash(r.rel))
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrap(err)}
	}
	defer file.Close()
	es, err := file.ReadDir(-1)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrap(err)}
	}
	out := make([]fs.DirEntry, 0, len(es))
	for _, e := range es {
		out = append(out, f.entry(name, r.rel, e))
	}
	// os.File.ReadDir returns directory order; fs.ReadDir promises names.
	sortEntries(out)
	return out, nil
}

// entry checks one directory entry.
func (f *FS) entry(dirName, dirRel string, e fs.DirEntry) fs.DirEntry {
	p := path.Join(dirName, e.Name())
	t := e.Type()
	if t.IsRegular() || t.IsDir() {
		return e
	}
	r, err := f.resolve("stat", p)
	if err != nil {
		return badEntry{name: e.Name(), err: err}
	}
	if r.info.IsDir() {
		// A folder that holds the link would make a walk go round forever.
		if r.rel == "." || r.rel == dirRel || strings.HasPrefix(dirRel+"/", r.rel+"/") {
			target, _ := f.root.Readlink(filepath.FromSlash(path.Join(dirRel, e.Name())))
			return badEntry{name: e.Name(), err: &fs.PathError{Op: "stat", Path: p, Err: &Error{Path: p, Link: p, Target: target, Kind: Ancestor}}}
		}
	}
	return goodEntry{renamed{r.info, e.Name()}}
}

// Walkable reports whether name is a folder a walk may enter: for a
// folder reached through a link, that the link does not lead back to a
// folder containing it.
func (f *FS) Walkable(name string) error {
	_, err := f.resolve("stat", name)
	return err
}

// RealPath is the path on disk of name after its links, for a watcher that
// must watch what is read. It applies the same checks as Open.
func (f *FS) RealPath(name string) (string, error) {
	r, err := f.resolve("stat", name)
	if err != nil {
		return "", err
	}
	return filepath.Join(f.dir, filepath.FromSlash(r.rel)), nil
}

type renamed struct {
	fs.FileInfo
	name string
}

func (r renamed) Name() string { return r.name }

type goodEntry struct{ info renamed }

func (e goodEntry) Name() string               { return e.info.name }
func (e goodEntry) IsDir() bool                { return e.info.IsDir() }
func (e goodEntry) Type() fs.FileMode          { return e.info.Mode().Type() }
func (e goodEntry) Info() (fs.FileInfo, error) { return e.info, nil }

// badEntry is a refused entry: irregular, and Info says why.
type badEntry struct {
	name string
	err  error
}

func (e badEntry) Name() string               { return e.name }
func (e badEntry) IsDir() bool                { return false }
func (e badEntry) Type() fs.FileMode          { return fs.ModeIrregular }
func (e badEntry) Info() (fs.FileInfo, error) { return nil, e.err }
func (e badEntry) String() string             { return fs.FormatDirEntry(e) }

type regular struct {
	*os.File
	name string
}

func (r *regular) Stat() (fs.FileInfo, error) {
	st, err := r.File.Stat()
	if err != nil {
		return nil, err
	}
	return renamed{st, r.name}, nil
}

// ReadAt and Seek come from *os.File, so workbooks can be read in place.

type dir struct {
	*os.File
	fsys *FS
	name string
	rest []fs.DirEntry // entries not yet returned by ReadDir(n > 0)
	read bool
}

func (d *dir) Stat() (fs.FileInfo, error) {
	st, err := d.File.Stat()
	if err != nil {
		return nil, err
	}
	return renamed{st, path.Base(d.name)}, nil
}

// ReadDir lists the folder with the same checks as FS.ReadDir.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	if !d.read {
		es, err := d.fsys.ReadDir(d.name)
		if err != nil {
			return nil, err
		}
		d.rest, d.read = es, true
	}
	if n <= 0 {
		es := d.rest
		d.rest = nil
		return es, nil
	}
	if len(d.rest) == 0 {
		return nil, io.EOF
	}
	k := min(n, len(d.rest))
	es := d.rest[:k]
	d.rest = d.rest[k:]
	return es, nil
}

var _ fs.ReadDirFile = (*dir)(nil)

func sortEntries(es []fs.DirEntry) {
	slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
}
