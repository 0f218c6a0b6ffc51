// Package example generates complete fictional parindex projects: the
// bundled example that `make site` builds, the minimal project `parindex
// new` scaffolds, and the large benchmark input `make bench` builds.
//
// Stage: tooling, outside the build pipeline. Input: Options (a preset, a
// seed, optional sizes). Output: a project folder's data/ (site.yaml,
// units.yaml, frameworks/*.yaml, scores/<year>/**/*.xlsx) and content/
// (index, decisions, narratives, attachments), in the formats FORMATS.md
// defines.
//
// Everything is deterministic: the random numbers come from a small
// SplitMix64 generator keyed by the seed, the unit and the year (never
// math/rand, never the clock), workbooks are written by internal/xlsx, which
// fixes every timestamp, and the PDF attachments are composed byte by byte.
// Generating twice gives identical bytes.
//
// The "example" preset is the province of Hòa Lâm (fictional), results
// years 2019–2025: 20 departments and 5 central agencies, 9 districts and
// 100 communes until the reform of 1 July 2025 (districts dissolved,
// communes merged into 34 new ones; departments merged on 1 March 2025),
// six framework versions, detail scoring sheets for 2022–2025 and summary
// annexes for every year, one publication decision per year with its
// signed PDF and annex, and narratives. Its workbooks plant the quirks the
// importer must tolerate: label variants between years, codes inside the
// content, numbers typed as text with a decimal comma, formula subtotals
// with cached values, a two-round appraisal header, old names, aliases and
// decomposed (NFD) text, a district annex with area columns under a merged
// header above a row of maxima (2022), communes listed under their
// districts' headings with ranks within the district (2023) or under the
// districts' own rows (2024), department sheets whose titles open with
// another numbering than their STT column and a "Không đánh giá" criterion
// (2025). Every figure is consistent except one the 2021 decision printed
// against the rules (a band its index does not give), which the generated
// data/reconciliation.yaml records: `parindex check` finds no error, and
// warns of that recorded difference.
//
// To regenerate the committed example after changing this package:
//
//	go run ./cmd/genexample -preset example -out .
package example

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"parindex/internal/xlsx"
)

// Options choose what Generate makes.
type Options struct {
	Preset string // "example" (default), "minimal" or "large"
	Seed   uint64 // 0: the preset's own seed
	Units  int    // large only: number of units (default 3000)
	Years  int    // large only: number of results years (default 10)
}

// DefaultSeed is the seed of the committed example.
const DefaultSeed = 20250701

// Generate writes the preset's data/ and content/ under dir. It does not
// remove anything already there.
func Generate(dir string, opt Options) error {
	if opt.Seed == 0 {
		opt.Seed = DefaultSeed
	}
	var files []file
	switch opt.Preset {
	case "", "example":
		p := exampleProject(opt.Seed)
		files = p.exampleFiles()
	case "minimal":
		p := minimalProject(opt.Seed)
		files = p.minimalFiles()
	case "large":
		if opt.Units <= 0 {
			opt.Units = 3000
		}
		if opt.Years <= 0 {
			opt.Years = 10
		}
		p := largeProject(opt.Seed, opt.Units, opt.Years)
		files = p.largeFiles()
	default:
		return fmt.Errorf("unknown preset %q (want example, minimal or large)", opt.Preset)
	}
	return writeFiles(dir, files)
}

// file is one output file: fixed bytes, or a workbook built when written
// (so the large preset never holds every workbook in memory at once).
// A workbook may go to several paths (an annex is both read as data and
// attached to its decision).
type file struct {
	paths []string // slash paths relative to the project root
	data  []byte
	book  func() xlsx.WBook
}

func textFile(path, text string) file { return file{paths: []string{path}, data: []byte(text)} }

// writeFiles writes the files with one worker per CPU.
func writeFiles(dir string, files []file) error {
	seen := map[string]bool{}
	for _, f := range files {
		for _, p := range f.paths {
			if seen[p] {
				return fmt.Errorf("example: %s generated twice", p)
			}
			seen[p] = true
		}
	}
	jobs := make(chan file)
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if err := writeFile(dir, f); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return errors.Join(errs...)
}

func writeFile(dir string, f file) error {
	data := f.data
	if f.book != nil {
		var buf bytes.Buffer
		if err := xlsx.Write(&buf, f.book()); err != nil {
			return fmt.Errorf("%s: %w", f.paths[0], err)
		}
		data = buf.Bytes()
	}
	for _, p := range f.paths {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
