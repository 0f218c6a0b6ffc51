package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"

	"parindex/internal/diag"
	"parindex/internal/par"
	"parindex/internal/viet"
	"parindex/internal/xlsx"
)

// scoreEnv is the read-only context the workbook workers share.
type scoreEnv struct {
	fsys   fs.FS
	ds     *par.Dataset
	fx     map[*par.Framework]*fwIndex
	res    *resolver
	limits xlsx.Limits
	ctx    context.Context
	na     *vocab
}

type workbook struct {
	path     string
	year     int
	weight   int64 // bytes it takes while read: file plus twice the decompressed parts
	unzipped int64 // decompressed size its zip directory declares (0: over a limit, or unknown)
	// stamp and cached are set when Load has a Cache: cached is the
	// cache's entry for the same file, size and modification time, or nil.
	stamp  fileStamp
	cached *bookEntry
}

// fileOut is one workbook's harvest, kept per file so results merge in
// path order whatever order the workers finish in.
type fileOut struct {
	sheets []*par.Sheet
	sums   []*par.Summary
	d      diag.List
}

// loadScores reads data/scores/<year>/**/*.xlsx with a pool of workers.
func loadScores(fsys fs.FS, ds *par.Dataset, opt Options, d *diag.List) ([]*par.Sheet, []*par.Summary) {
	var books []workbook
	badYear := map[string]bool{}
	for _, p := range walkFiles(fsys, scoresDir, d) {
		if hidden(p) {
			continue
		}
		rel := strings.TrimPrefix(p, scoresDir+"/")
		dir, _, nested := strings.Cut(rel, "/")
		ext := strings.ToLower(path.Ext(p))
		switch {
		case !nested:
			d.Warnf(par.Source{File: p}, "file outside a year directory (%s/<year>/); ignored", scoresDir)
			continue
		case ext == ".xls":
			d.Warnf(par.Source{File: p}, "old .xls workbook is not read; save it as .xlsx")
			continue
		case ext != ".xlsx":
			d.Warnf(par.Source{File: p}, "not an .xlsx workbook; ignored")
			continue
		}
		year, err := strconv.Atoi(dir)
		if err != nil || year < 1900 || year > 2200 {
			if !badYear[dir] {
				badYear[dir] = true
				d.Errorf(par.Source{File: scoresDir + "/" + dir}, "year directory %q is not a year number", dir)
			}
			continue
		}
		books = append(books, workbook{path: p, year: year})
	}
	in := inputOf(fsys)
	cfg := in.cfg
	if opt.Cache != nil {
		// Before the return below: entries of removed workbooks go.
		opt.Cache.lookup(in, books, opt.Limits)
	}
	if len(books) == 0 {
		return nil, nil
	}
	if !sizeBooks(in, books, opt.Limits, d) {
		return nil, nil
	}

	env := &scoreEnv{fsys: fsys, ds: ds, fx: map[*par.Framework]*fwIndex{}, res: newResolver(ds.Registry), limits: opt.Limits, ctx: in.ctx, na: newVocab(ds.Site.NotApplicable)}
	for _, f := range ds.Frameworks {
		env.fx[f] = newFwIndex(f)
	}
	// Workbooks in memory at once are bounded by their decompressed size,
	// not by the number of workers: a worker waits for room before reading.
	mem := newBudget(in.lim.WorkbookMemory)
	outs := make([]fileOut, len(books))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(opt.Workers, len(books)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := newTexts() // per worker: no locking
			for i := range jobs {
				w := books[i].weight
				if !mem.acquire(in.ctx, w) {
					continue
				}
				outs[i] = env.readCached(books[i], t, opt.Cache, cfg)
				mem.release(w)
			}
		}()
	}
	for i := range books {
		if in.stopped() {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if in.stopped() {
		return nil, nil
	}

	var sheets []*par.Sheet
	var sums []*par.Summary
	type unitYear struct {
		unit string
		year int
	}
	sheetAt := map[unitYear]par.Source{}
	sumAt := map[unitYear]par.Source{}
	for i := range outs {
		o := &outs[i]
		d.Merge(&o.d)
		for _, s := range o.sheets {
			k := unitYear{s.Unit, s.Year}
			if first, dup := sheetAt[k]; dup {
				d.Errorf(s.Src, "unit %q already has a scoring sheet for %d at %s", s.Unit, s.Year, first)
				continue
			}
			sheetAt[k] = s.Src
			sheets = append(sheets, s)
		}
		for _, s := range o.sums {
			k := unitYear{s.Unit, s.Year}
			if first, dup := sumAt[k]; dup {
				d.Errorf(s.Src, "unit %q already has an annex row for %d at %s", s.Unit, s.Year, first)
				continue
			}
			sumAt[k] = s.Src
			sums = append(sums, s)
		}
	}
	applyParents(ds.Registry, sums, d)
	return sheets, sums
}

// sizeBooks sets each workbook's weight from its size and the decompressed
// size its zip directory declares, and checks the project's total against
// limits.workbooks_unzipped. A workbook too large on its own is left to
// xlsx.Read, which says so at the file. It reports false when the total is
// over the limit: then no workbook is read.
func sizeBooks(in *input, books []workbook, lim xlsx.Limits, d *diag.List) bool {
	var total int64
	for i := range books {
		if in.stopped() {
			return false
		}
		b := &books[i]
		if e := b.cached; e != nil {
			// Sized when it was first read; its file has not changed.
			total += e.unzipped
			b.weight, b.unzipped = e.weight, e.unzipped
			continue
		}
		f, err := in.Open(b.path)
		if err != nil {
			continue // reported when read
		}
		st, err := f.Stat()
		if err == nil {
			size := st.Size()
			unzipped := size * 8 // a guess where the zip cannot be sized
			if ra, ok := f.(io.ReaderAt); ok && size <= lim.MaxFileBytes {
				if n, err := xlsx.UnzippedSize(ra, size); err == nil {
					unzipped = n
				}
			}
			if size <= lim.MaxFileBytes && unzipped <= lim.MaxUnzipBytes {
				total += unzipped
				b.unzipped = unzipped
			}
			// Reading holds the file, the parts excelize keeps and the
			// grid of cell texts: about twice the decompressed size
			// (measured: 160 MiB of heap for an 83 MiB workbook).
			b.weight = min(size+2*unzipped, in.lim.WorkbookMemory)
		}
		f.Close()
	}
	if total > in.lim.WorkbooksUnzipped {
		d.Errorf(par.Source{File: scoresDir}, "the workbooks decompress to %s in all, over the limit of %s for one build (limits.workbooks_unzipped in %s raises it)",
			approxSize(total), sizeText(in.lim.WorkbooksUnzipped), sitePath)
		return false
	}
	return true
}

// approxSize prints a size to one decimal: "8.3 GiB".
func approxSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// budget is a weighted semaphore: the bytes of workbooks being read.
type budget struct {
	mu    sync.Mutex
	cond  *sync.Cond
	free  int64
	total int64
}

func newBudget(n int64) *budget {
	b := &budget{free: n, total: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes are free (n is at most the total) or ctx is
// done; it reports whether it got them.
func (b *budget) acquire(ctx context.Context, n int64) bool {
	n = min(n, b.total)
	stop := context.AfterFunc(ctx, func() {
		b.mu.Lock()
		b.cond.Broadcast()
		b.mu.Unlock()
	})
	defer stop()
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.free < n {
		if ctx.Err() != nil {
			return false
		}
		b.cond.Wait()
	}
	if ctx.Err() != nil {
		return false
	}
	b.free -= n
	return true
}

func (b *budget) release(n int64) {
	n = min(n, b.total)
	b.mu.Lock()
	b.free += n
	b.cond.Broadcast()
	b.mu.Unlock()
}

// applyParents gives a unit listed under a heading in an annex (a commune
// under its district) that heading as its parent when the registry names
// none; a registry parent that differs, or headings that disagree, are
// errors.
func applyParents(reg *par.Registry, sums []*par.Summary, d *diag.List) {
	first := map[string]*par.Summary{}
	for _, s := range sums {
		if s.Parent == "" {
			continue
		}
		u := reg.Unit(s.Unit)
		if u == nil {
			continue
		}
		if f, ok := first[s.Unit]; ok {
			if f.Parent != s.Parent {
				d.Errorf(s.Src, "%s is listed under %s here but under %s at %s", s.Name, s.Parent, f.Parent, f.Src)
			}
			continue
		}
		first[s.Unit] = s
		switch {
		case u.Parent == "":
			u.Parent = s.Parent
		case u.Parent != s.Parent:
			d.Errorf(s.Src, "%s is listed under %s, but its parent in %s is %s", s.Name, s.Parent, unitsPath, u.Parent)
		}
	}
}

// readWorkbook reads one workbook and parses each sheet by its layout.
func (env *scoreEnv) readWorkbook(b workbook, t *texts) fileOut {
	book, out := env.readBook(b)
	if book != nil {
		out = env.parse(book, b, t)
	}
	return out
}

// parse parses a workbook that was read, recovering from a parser bug.
func (env *scoreEnv) parse(book *xlsx.Book, b workbook, t *texts) (out fileOut) {
	defer func() {
		if p := recover(); p != nil {
			out = fileOut{}
			out.d.Errorf(par.Source{File: b.path}, "internal error while reading the workbook (please report): %v", p)
		}
	}()
	env.parseBook(book, b, &out, t)
	floorPrecision(env.ds, out.sheets, out.sums)
	return out
}

// readBook reads one workbook into grids; when it cannot, out holds the
// error at the file (or its sheet and cell).
func (env *scoreEnv) readBook(b workbook) (book *xlsx.Book, out fileOut) {
	defer func() {
		// A parser bug on some odd sheet must cost that file, not the
		// build; the message asks for a report.
		if p := recover(); p != nil {
			book, out = nil, fileOut{}
			out.d.Errorf(par.Source{File: b.path}, "internal error while reading the workbook (please report): %v", p)
		}
	}()
	f, err := env.fsys.Open(b.path)
	if err != nil {
		out.d.Errorf(par.Source{File: b.path}, "%s", readErr(err))
		return nil, out
	}
	book, err = xlsx.ReadContext(env.ctx, f, env.limits)
	f.Close()
	if err != nil {
		book = nil
		var xe *xlsx.Error
		if errors.As(err, &xe) {
			msg := xe.Msg
			switch {
			case errors.Is(err, xlsx.ErrFileTooLarge):
				msg += "; limits.workbook in " + sitePath + " raises the limit"
			case errors.Is(err, xlsx.ErrUnzipTooLarge):
				msg += "; limits.workbook_unzipped in " + sitePath + " raises the limit"
			}
			out.d.Errorf(par.Source{File: b.path, Sheet: xe.Sheet, Cell: xe.Cell}, "%s", msg)
		} else {
			out.d.Errorf(par.Source{File: b.path}, "cannot read workbook: %v", err)
		}
		return nil, out
	}
	return book, out
}

// parseBook parses each sheet of a workbook by its layout. A sheet that
// holds figures but no table the importers know is an error (its scores
// would otherwise be lost silently), and so is a workbook with no table.
func (env *scoreEnv) parseBook(book *xlsx.Book, b workbook, out *fileOut, t *texts) {
	tables, reported := 0, false
	for i := range book.Sheets {
		sh := &book.Sheets[i]
		g := newGrid(b.path, sh, t, env.na)
		if len(g.rows) == 0 {
			continue
		}
		sc := &sheetCtx{env: env, g: g, year: b.year, d: &out.d, path: b.path}
		if h, ok := g.detectDetail(); ok {
			tables++
			if sh.Hidden {
				out.d.Warnf(g.sheetSrc(), "hidden sheet with a scoring table; ignored")
				continue
			}
			if s := sc.parseDetail(h); s != nil {
				out.sheets = append(out.sheets, s)
			}
			continue
		}
		if hs := g.detectSummary(); len(hs) > 0 {
			tables++
			if sh.Hidden {
				out.d.Warnf(g.sheetSrc(), "hidden sheet with an annex table; ignored")
				continue
			}
			out.sums = append(out.sums, sc.parseSummary(hs)...)
			sc.reportNoValue()
			continue
		}
		if !sh.Hidden && hasNumbers(g) {
			out.d.Errorf(g.sheetSrc(), "%s", g.noHeader())
			reported = true
		}
	}
	if tables == 0 && !reported {
		if len(book.Sheets) == 0 || allEmpty(book) {
			out.d.Errorf(par.Source{File: b.path}, "the workbook is empty: no sheet holds a score table")
		} else {
			out.d.Errorf(par.Source{File: b.path}, "no sheet holds a score table (a header row with content and maximum columns, or with unit names and totals); move files that are not score workbooks out of %s/", scoresDir)
		}
	}
}

// hasNumbers reports a sheet with at least one number in it: a sheet of
// text only (instructions, notes) cannot hold scores.
func hasNumbers(g *grid) bool {
	for r := range g.rows {
		for c := range g.rows[r] {
			if s := g.raw(r, c); s != "" {
				if _, _, err := par.ParsePoints(strings.TrimSpace(s)); err == nil {
					return true
				}
			}
		}
	}
	return false
}

func allEmpty(book *xlsx.Book) bool {
	for i := range book.Sheets {
		for _, row := range book.Sheets[i].Rows {
			for _, c := range row {
				if strings.TrimSpace(c) != "" {
					return false
				}
			}
		}
	}
	return true
}

// sheetCtx is one sheet being parsed.
type sheetCtx struct {
	env    *scoreEnv
	g      *grid
	year   int
	path   string
	d      *diag.List
	layout *detailLayout // detail sheets, once the header is read
	// noValue are the formula cells read without a saved result; they are
	// one fault of the whole sheet, reported once (reportNoValue).
	noValue []par.Source
}

// reportNoValue reports the sheet's formulas without a saved result, once.
func (sc *sheetCtx) reportNoValue() {
	if len(sc.noValue) == 0 {
		return
	}
	cells := make([]string, len(sc.noValue))
	for i, s := range sc.noValue {
		cells[i] = s.Cell
	}
	sc.d.Errorf(sc.noValue[0], "%s without a saved result (%s): the workbook was saved by a program that does not calculate, so its formulas have no values; open it in a spreadsheet program (Excel, LibreOffice Calc) and save it", count(len(cells), "formula", "formulas"), list(cells, 8))
	sc.noValue = nil
}

// unitFromTitle finds the unit of a detail sheet. In the title block a
// cell that says whose sheet it is ("… CỦA SỞ NỘI VỤ", "Đơn vị: …") is
// decisive. Otherwise the sheet name, then the file name, then any other
// name in the title block: a bare "SỞ NỘI VỤ" at the top is often the
// issuing (appraising) body, while a sheet or file named after a unit was
// named so on purpose. Within the title block the cell nearest the header
// wins, then the longest name.
func (sc *sheetCtx) unitFromTitle(h *header) (*par.Unit, string, bool) {
	type cand struct {
		f      found
		src    par.Source
		cell   string
		marker bool
		row    int
	}
	var best *cand
	better := func(a, b *cand) bool {
		if a.marker != b.marker {
			return a.marker
		}
		if a.row != b.row {
			return a.row > b.row
		}
		return a.f.words > b.f.words
	}
	for r := 0; r < h.row; r++ {
		for c := 0; c < sc.g.width(r); c++ {
			s := sc.g.t.Clean(sc.g.raw(r, c))
			if s == "" {
				continue
			}
			k := canonKey(sc.g.t.Key(s))
			f, ok := sc.env.res.searchKey(k, sc.year)
			if !ok {
				continue
			}
			cd := &cand{f: f, src: sc.g.src(r, c), cell: s, row: r,
				marker: has(k, "cua", "don vi", "ten don vi", "co quan", "ten co quan")}
			if best == nil || better(cd, best) {
				best = cd
			}
		}
	}
	fromTitle := func() (*par.Unit, string, bool) {
		if best.f.unit == nil {
			sc.d.Errorf(best.src, "name %q matches several units: %s", best.cell, sortedIDs(best.f.ambiguous))
			return nil, "", false
		}
		name := best.f.text
		if best.f.exact {
			name = best.cell
		}
		return best.f.unit, name, true
	}
	if best != nil && best.marker {
		return fromTitle()
	}
	base := strings.TrimSuffix(path.Base(sc.path), path.Ext(sc.path))
	for _, s := range []string{sc.g.sheet, base} {
		if f, ok := sc.env.res.search(s, sc.year); ok && f.unit != nil {
			return f.unit, f.text, true
		}
		if u := sc.env.ds.Registry.Unit(viet.Slug(s)); u != nil {
			return u, u.NameAt(sc.year).Name, true
		}
	}
	if best != nil {
		return fromTitle()
	}
	// Did you mean: the closest registry names to the title block's
	// lines, the sheet name and the file name ("Sở Ngoại vụ" for "Sở Nội
	// vụ" is a typo to point at, not a unit to guess).
	var sug []string
	try := func(s string) {
		if s = sc.g.t.Clean(s); s != "" && len([]rune(s)) <= 120 {
			for _, x := range sc.env.res.suggest(s) {
				if !contains(sug, x) {
					sug = append(sug, x)
				}
			}
		}
	}
	for r := 0; r < h.row; r++ {
		for c := 0; c < sc.g.width(r); c++ {
			s := sc.g.raw(r, c)
			try(s)
			if _, rest, ok := strings.Cut(s, ":"); ok {
				try(rest) // "Đơn vị: Sở Ngoại vụ"
			}
		}
	}
	try(sc.g.sheet)
	try(base)
	hint := ""
	if len(sug) > 0 {
		hint = " (did you mean " + quoteList(sug[:min(len(sug), 3)]) + "?)"
	}
	unitOfSheetUnknown(sc.d, sc.g.sheetSrc()).Errorf(sc.g.sheetSrc(), "cannot tell which unit this sheet scores: no registry name or alias in the title block, the sheet name %q or the file name %q%s", sc.g.sheet, base, hint)
	return nil, "", false
}

// figure makes a published figure of a number cell, reporting text at
// once and a formula without a saved result with the sheet's others.
func (sc *sheetCtx) figure(r, c int, what, of string, percent bool) (par.Figure, cellKind) {
	v := sc.readCell(r, c, percent)
	switch v.kind {
	case cellText:
		sc.d.Errorf(v.src, "%s %q%s is not a number", what, short(v.raw), of)
	case cellNoValue:
		sc.noValue = append(sc.noValue, v.src) // never blank, never zero
	}
	return v.fig, v.kind
}

// short trims a quoted cell for a message.
func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}
