package ingest

import (
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"time"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/xlsx"
)

// Cache keeps what Load read from workbooks and markdown documents, so
// that a preview rebuilding after every edit reads again only the files
// that changed. Reading and parsing workbooks is most of ingest (about
// 0.5 s of the example's 66); the YAML files are read again every time,
// which costs a few milliseconds. Documents are kept too, as reading the
// example's 60 took about a third of a narrative edit's ingest.
//
// An entry is keyed by the file's path, size and modification time (and
// for a workbook the limits it was read under). A workbook's entry holds
// its grids and what parsing them gave; the parse depends on
// data/site.yaml, data/units.yaml and data/frameworks/, so it is reused
// only while those files are unchanged too, and otherwise redone from the
// kept grids. A document is likewise read again when they changed.
// Entries of workbooks no longer found are dropped, so files added,
// removed or renamed are handled like in a fresh Load.
//
// A Cache is for one project and one Load at a time; the zero value is
// not usable, create it with NewCache.
type Cache struct {
	mu    sync.Mutex
	books map[string]*bookEntry
	docs  map[string]*docEntry
	seen  map[string]bool // documents met by the current load
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{books: map[string]*bookEntry{}, docs: map[string]*docEntry{}, seen: map[string]bool{}}
}

// docEntry is one markdown document as last read: the document (nil if
// it was left out) and the diagnostics reading it gave.
type docEntry struct {
	stamp fileStamp
	cfg   string
	doc   *par.Doc
	d     diag.List
}

func (c *Cache) doc(p string) *docEntry {
	c.seen[p] = true
	return c.docs[p]
}

func (c *Cache) storeDoc(p string, e *docEntry) {
	c.seen[p] = true
	c.docs[p] = e
}

// prune drops the documents the previous load did not meet (removed or
// renamed files); it runs as a load starts.
func (c *Cache) prune() {
	if len(c.seen) > 0 {
		for p := range c.docs {
			if !c.seen[p] {
				delete(c.docs, p)
			}
		}
	}
	c.seen = map[string]bool{}
}

// fileStamp identifies a version of a file without reading it.
type fileStamp struct {
	size int64
	mod  time.Time
}

func stampOf(fsys fs.FS, name string) (fileStamp, bool) {
	st, err := fs.Stat(fsys, name)
	if err != nil || !st.Mode().IsRegular() {
		return fileStamp{}, false
	}
	return fileStamp{size: st.Size(), mod: st.ModTime()}, true
}

// bookEntry is one workbook as last read. The grids and the parse result
// are shared by the loads that reuse them and never changed.
type bookEntry struct {
	stamp    fileStamp
	lim      xlsx.Limits
	weight   int64
	unzipped int64
	book     *xlsx.Book // nil when the workbook could not be read
	cfg      string     // configKey the parse below was made under
	out      fileOut    // parse result, or the read error when book is nil
}

// lookup stamps each workbook and attaches the cache's entry when the
// file is unchanged; entries of workbooks not in books are dropped.
func (c *Cache) lookup(fsys fs.FS, books []workbook, lim xlsx.Limits) {
	c.mu.Lock()
	defer c.mu.Unlock()
	seen := make(map[string]bool, len(books))
	for i := range books {
		b := &books[i]
		seen[b.path] = true
		st, ok := inputOf(fsys).stamps[b.path]
		if !ok {
			if st, ok = stampOf(fsys, b.path); !ok {
				continue // reported when read
			}
		}
		b.stamp = st
		if e := c.books[b.path]; e != nil && e.stamp == st && e.lim == lim {
			b.cached = e
		}
	}
	for p := range c.books {
		if !seen[p] {
			delete(c.books, p)
		}
	}
}

func (c *Cache) store(path string, e *bookEntry) {
	c.mu.Lock()
	c.books[path] = e
	c.mu.Unlock()
}

// configKey names the version of the files a workbook's parse depends on:
// the stamps of data/site.yaml, data/units.yaml and every file under
// data/frameworks/.
func configKey(in *input) string {
	var b strings.Builder
	add := func(p string) {
		st, _ := stampOf(in, p)
		b.WriteString(p)
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(st.size, 10))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(st.mod.UnixNano(), 10))
		b.WriteByte('\n')
	}
	add(sitePath)
	add(unitsPath)
	_ = fs.WalkDir(in, frameworksDir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			add(p)
		}
		return nil
	})
	return b.String()
}

// readCached is readWorkbook through the cache: an unchanged workbook is
// not read again, and not parsed again either while the configuration it
// was parsed under is unchanged.
func (env *scoreEnv) readCached(b workbook, t *texts, c *Cache, cfg string) fileOut {
	if c == nil {
		return env.readWorkbook(b, t)
	}
	e := b.cached
	switch {
	case e != nil && (e.book == nil || e.cfg == cfg):
		return e.out
	case e != nil:
		ne := *e
		ne.cfg, ne.out = cfg, env.parse(e.book, b, t)
		c.store(b.path, &ne)
		return ne.out
	}
	book, out := env.readBook(b)
	if env.ctx.Err() != nil {
		return out // stopped: nothing to keep
	}
	if book != nil {
		out = env.parse(book, b, t)
	}
	if b.stamp != (fileStamp{}) {
		c.store(b.path, &bookEntry{stamp: b.stamp, lim: env.limits, weight: b.weight, unzipped: b.unzipped, book: book, cfg: cfg, out: out})
	}
	return out
}
