// Package release is the last stage of `parindex publish`: it packs a
// built site into a versioned release and records the release in the
// project.
//
// Input: the built site's folder (as internal/publish left it), the
// dataset and the results the site was built from (the figures come from
// par.Results, the values the pages show, never from the workbooks again),
// a version and a date (given by the caller: there is no clock here).
// Output, in the release folder: the site as a zip with sorted entries
// and fixed times (the same site gives the same bytes), its manifest
// (sha256sum's format, one line per file), the zip's own checksum, and a
// change list against the previous release (files added, removed and
// changed; figures changed, old → new). In the project: the release
// record data/releases/<version>.json (version, date, checksums, the
// site's files and the published figures with their checksum, the
// corrections register as it stood), which ingest reads back for the
// next build's corrections check (compute.Corrections).
package release

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"parindex/internal/compute"
	"parindex/internal/par"
)

// Options say what to release and where.
type Options struct {
	Root    string // project folder; the record goes to Root/data/releases/
	Site    string // the built site
	Out     string // release folder, created if missing
	Version string // "" = Next(releases)
	Date    par.Date
}

// Release is what Make wrote.
type Release struct {
	Record   *par.Release
	Previous *par.Release // nil for the first
	// Paths of the files written: the zip, the manifest, the zip's
	// checksum, the change list and the record.
	Zip, Manifest, ZipSum, Changes, RecordFile string
	Changed                                    Changes
}

// RecordsDir is where the records go, from the project root.
const RecordsDir = "data/releases"

var versionID = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._-]*$`)

// ValidVersion reports whether version is written as a release version
// may be: letters, digits, '.', '-' or '_', at most 64 characters.
func ValidVersion(version string) error {
	if !versionID.MatchString(version) || len(version) > 64 {
		return fmt.Errorf("version %q: use letters, digits, '.', '-' or '_' (e.g. 3 or 2026.1)", version)
	}
	return nil
}

// CheckVersion refuses a version that cannot name a file, or that is
// recorded already (in the dataset or on disk under root).
func CheckVersion(root, version string, releases []*par.Release) error {
	if err := ValidVersion(version); err != nil {
		return err
	}
	for _, r := range releases {
		if r.Version == version {
			return fmt.Errorf("release %s is recorded already (%s, %s); a release is never overwritten: publish another version", version, r.Src.File, r.Date)
		}
	}
	rec := filepath.Join(root, filepath.FromSlash(RecordsDir), version+".json")
	if _, err := os.Lstat(rec); err == nil {
		return fmt.Errorf("release %s is recorded already (%s); a release is never overwritten: publish another version", version, filepath.ToSlash(rec))
	}
	return nil
}

// Next is the default version: one more than the highest whole-number
// version recorded, "1" for the first.
func Next(releases []*par.Release) string {
	n := 0
	for _, r := range releases {
		if v, err := strconv.Atoi(r.Version); err == nil && v > n {
			n = v
		}
	}
	return strconv.Itoa(n + 1)
}

// Names of a release's files in the release folder.
func names(version string) (zipName, manifest, zipSum, changes string) {
	base := "site-" + version
	return base + ".zip", base + ".sha256", base + ".zip.sha256", base + "-changes.txt"
}

// Make packs the site in opt.Site into a release and records it. It
// refuses a version recorded already and any release file that exists,
// and writes the record last, so a failed release records nothing.
func Make(ds *par.Dataset, res *par.Results, opt Options) (*Release, error) {
	releases := ds.Releases
	if opt.Version == "" {
		opt.Version = Next(releases)
	}
	if err := CheckVersion(opt.Root, opt.Version, releases); err != nil {
		return nil, err
	}
	var prev *par.Release
	if n := len(releases); n > 0 {
		prev = releases[n-1]
		if opt.Date.ISO() < prev.Date {
			return nil, fmt.Errorf("date %s is before release %s's (%s): releases follow each other in time", opt.Date.ISO(), prev.Version, prev.Date)
		}
	}
	zipName, manName, sumName, chName := names(opt.Version)
	out := &Release{
		Previous:   prev,
		Zip:        filepath.Join(opt.Out, zipName),
		Manifest:   filepath.Join(opt.Out, manName),
		ZipSum:     filepath.Join(opt.Out, sumName),
		Changes:    filepath.Join(opt.Out, chName),
		RecordFile: filepath.Join(opt.Root, filepath.FromSlash(RecordsDir), opt.Version+".json"),
	}
	for _, p := range []string{out.Zip, out.Manifest, out.ZipSum, out.Changes} {
		if _, err := os.Lstat(p); err == nil {
			return nil, fmt.Errorf("%s exists; a release is never overwritten: publish another version, or move the file away", filepath.ToSlash(p))
		}
	}
	files, err := siteFiles(opt.Site)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, err
	}
	// The zip is written to a temporary file as it is made (a national
	// site is gigabytes), and renamed into place with the other files.
	tmpZip, zipSum, err := zipToTemp(opt.Out, opt.Site, files, opt.Date)
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmpZip) // gone once renamed
	manifest := Manifest(files)
	figs := compute.PublishedFigures(res)
	rec := &par.Release{
		Version:        opt.Version,
		Date:           opt.Date.ISO(),
		Zip:            zipName,
		ZipSHA256:      zipSum,
		ManifestSHA256: sum(manifest),
		Files:          map[string]string{},
		FiguresSHA256:  figs.Checksum(),
		Figures:        figs.Group(),
		Corrections:    []par.RecordCorrection{},
	}
	for _, f := range files {
		rec.Files[f.Path] = f.SHA256
	}
	for _, c := range ds.Corrections {
		rec.Corrections = append(rec.Corrections, c.Record())
	}
	out.Record = rec
	out.Changed = Compare(prev, rec)
	recBytes, err := Encode(rec)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out.RecordFile), 0o755); err != nil {
		return nil, err
	}
	if err := renameNew(tmpZip, out.Zip); err != nil {
		return nil, err
	}
	writes := []struct {
		path string
		b    []byte
	}{
		{out.Manifest, manifest},
		{out.ZipSum, []byte(rec.ZipSHA256 + "  " + zipName + "\n")},
		{out.Changes, []byte(out.Changed.Text(prev, rec))},
		{out.RecordFile, recBytes}, // last: a release is recorded only once its files are written
	}
	done := []string{out.Zip}
	for _, w := range writes {
		if err := writeNew(w.path, w.b); err != nil {
			for _, p := range done {
				os.Remove(p)
			}
			return nil, err
		}
		done = append(done, w.path)
	}
	return out, nil
}

// File is one file of the built site.
type File struct {
	Path   string // slash path in the site
	SHA256 string
}

// siteFiles lists the site's regular files, sorted by path, with their
// checksums.
func siteFiles(dir string) ([]File, error) {
	var out []File
	fsys := os.DirFS(dir)
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || !e.Type().IsRegular() {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out = append(out, File{Path: p, SHA256: sum(b)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the built site: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the built site %s is empty", filepath.ToSlash(dir))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// Zip packs the files (sorted) of the site in dir into w, each dated
// midnight UTC of date with mode 0644: the same site and date give the
// same bytes.
func Zip(w io.Writer, dir string, files []File, date par.Date) error {
	zw := zip.NewWriter(w)
	mod := time.Date(date.Year, time.Month(date.Month), date.Day, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			return err
		}
		if sum(b) != f.SHA256 {
			return fmt.Errorf("%s changed while the release was made", f.Path)
		}
		h := &zip.FileHeader{Name: f.Path, Method: zip.Deflate, Modified: mod}
		h.SetMode(0o644)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(b); err != nil {
			return err
		}
	}
	return zw.Close()
}

// zipToTemp writes the zip into a temporary file in dir and returns its
// path and SHA-256.
func zipToTemp(dir, site string, files []File, date par.Date) (string, string, error) {
	tmp, err := os.CreateTemp(dir, ".parindex-release-*")
	if err != nil {
		return "", "", err
	}
	h := sha256.New()
	err = Zip(io.MultiWriter(tmp, h), site, files, date)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", "", err
	}
	return tmp.Name(), hex.EncodeToString(h.Sum(nil)), nil
}

// Manifest is sha256sum's format: "<hex>  <path>" per file, sorted, so
// `sha256sum -c` run in the unpacked site checks every file.
func Manifest(files []File) []byte {
	var b strings.Builder
	for _, f := range files {
		b.WriteString(f.SHA256 + "  " + f.Path + "\n")
	}
	return []byte(b.String())
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Encode writes a record as JSON with one line per file and per
// unit-year, so that a record reads (and diffs) line by line.
func Encode(r *par.Release) ([]byte, error) {
	var b bytes.Buffer
	field := func(name string, v any, last bool) error {
		j, err := json.Marshal(v)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "  %q: %s", name, j)
		if !last {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		return nil
	}
	b.WriteString("{\n")
	for _, f := range []struct {
		k string
		v any
	}{{"version", r.Version}, {"date", r.Date}, {"zip", r.Zip}, {"zip_sha256", r.ZipSHA256}, {"manifest_sha256", r.ManifestSHA256}, {"figures_sha256", r.FiguresSHA256}} {
		if err := field(f.k, f.v, false); err != nil {
			return nil, err
		}
	}
	list := func(name string, items []json.RawMessage, open, close string, last bool) {
		fmt.Fprintf(&b, "  %q: %s", name, open)
		for i, it := range items {
			if i == 0 {
				b.WriteByte('\n')
			}
			b.WriteString("    ")
			b.Write(it)
			if i < len(items)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		if len(items) > 0 {
			b.WriteString("  ")
		}
		b.WriteString(close)
		if !last {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	paths := make([]string, 0, len(r.Files))
	for p := range r.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var items []json.RawMessage
	for _, p := range paths {
		k, _ := json.Marshal(p)
		v, _ := json.Marshal(r.Files[p])
		items = append(items, json.RawMessage(string(k)+": "+string(v)))
	}
	list("files", items, "{", "}", false)
	items = nil
	for _, f := range r.Figures {
		j, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		items = append(items, j)
	}
	list("figures", items, "[", "]", false)
	items = nil
	for _, c := range r.Corrections {
		j, err := json.Marshal(c)
		if err != nil {
			return nil, err
		}
		items = append(items, j)
	}
	list("corrections", items, "[", "]", true)
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// writeNew writes a file that must not exist, through a temporary file
// renamed into place, so a reader never sees half of it.
func writeNew(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".parindex-release-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = renameNew(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// renameNew renames tmp to path, which must not exist: a release is never
// overwritten. (A hard link refuses an existing target where a rename
// would replace it.)
func renameNew(tmp, path string) error {
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		return os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s exists; a release is never overwritten", filepath.ToSlash(path))
	}
	// No hard links here (some file systems): check, then rename.
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s exists; a release is never overwritten", filepath.ToSlash(path))
	}
	return os.Rename(tmp, path)
}
