// Command genexample regenerates a parindex project with the deterministic
// generator of internal/example: the bundled example (committed as data/
// and content/ at the repository root), the minimal project `parindex new`
// scaffolds, or the large benchmark input `make bench` builds.
//
//	go run ./cmd/genexample -preset example -out .
//	go run ./cmd/genexample -preset large -units 3000 -years 10 -out /tmp/bench
//
// It first deletes the data/ and content/ folders under -out (and nothing
// else), so files the generator no longer makes do not linger.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"parindex/internal/example"
)

func main() {
	preset := flag.String("preset", "example", "what to generate: example, minimal or large")
	out := flag.String("out", ".", "project folder to write data/ and content/ into")
	seed := flag.Uint64("seed", 0, "random seed (0: the preset's own)")
	units := flag.Int("units", 0, "large preset: number of units (default 3000)")
	years := flag.Int("years", 0, "large preset: number of results years (default 10)")
	keep := flag.Bool("keep", false, "do not delete data/ and content/ first")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "genexample: unexpected argument %q\n", flag.Arg(0))
		os.Exit(2)
	}
	if err := run(*out, example.Options{Preset: *preset, Seed: *seed, Units: *units, Years: *years}, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "genexample:", err)
		os.Exit(1)
	}
}

func run(out string, opt example.Options, keep bool) error {
	start := time.Now()
	if !keep {
		for _, d := range []string{"data", "content"} {
			if err := os.RemoveAll(filepath.Join(out, d)); err != nil {
				return err
			}
		}
	}
	if err := example.Generate(out, opt); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genexample: %s preset written to %s in %s\n", presetName(opt.Preset), out, time.Since(start).Round(time.Millisecond))
	return nil
}

func presetName(p string) string {
	if p == "" {
		return "example"
	}
	return p
}
