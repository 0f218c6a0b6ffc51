package build

import (
	"errors"
	"io/fs"
	"sort"
	"strings"

	"parindex/internal/projfs"
)

// overlay serves the project's own templates/ and static/ files in front of
// the embedded default theme, so a site can override one template or one
// stylesheet by file name without copying the whole theme.
type overlay struct {
	top, base fs.FS
	dirs      []string // only these top-level dirs are taken from top
}

func (o overlay) fromTop(name string) bool {
	for _, d := range o.dirs {
		if name == d || strings.HasPrefix(name, d+"/") {
			return true
		}
	}
	return false
}

// Open takes name from the top layer if it is there, else from the base;
// a file the project's boundary refuses is an error, never replaced by
// the base's file of the same name.
func (o overlay) Open(name string) (fs.File, error) {
	if o.fromTop(name) {
		f, err := o.top.Open(name)
		if err == nil {
			return f, nil
		}
		if _, refused := projfs.Refused(err); refused {
			return nil, err
		}
	}
	return o.base.Open(name)
}

// ReadDir merges both layers; the top layer wins on equal names.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	var errTop error = fs.ErrNotExist
	if o.fromTop(name) {
		var es []fs.DirEntry
		es, errTop = fs.ReadDir(o.top, name)
		for _, e := range es {
			seen[e.Name()] = e
		}
	}
	es, errBase := fs.ReadDir(o.base, name)
	for _, e := range es {
		if _, ok := seen[e.Name()]; !ok {
			seen[e.Name()] = e
		}
	}
	if errTop != nil && errBase != nil {
		if errors.Is(errBase, fs.ErrNotExist) {
			return nil, errTop
		}
		return nil, errBase
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
