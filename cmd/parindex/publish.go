package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"parindex/internal/build"
	"parindex/internal/par"
	"parindex/internal/release"
)

type publishOptions struct {
	Root    string
	Version string
	Date    string
	Out     string
	Site    string
	BaseURL string
	Workers int
}

func newPublishCmd(ios *streams) *cobra.Command {
	opts := &publishOptions{}
	cmd := &cobra.Command{
		Use:   "publish",
		Short: "Build the site and record it as a versioned release",
		Long: `publish builds the site like build (refusing on any error, drafts left out)
into site/ (or --site), then writes the release into dist/ (or --out):
site-<version>.zip (sorted entries, every file dated --date), its manifest
site-<version>.sha256 (sha256sum -c in the unpacked site checks every file),
site-<version>.zip.sha256 and site-<version>-changes.txt (files added,
removed and changed, and the figures that changed, since the last release).
The release is recorded in data/releases/<version>.json with the figures it
published: a later build that changes one needs a correction in
data/corrections.yaml. Versions count 1, 2, 3…; a recorded version is never
overwritten.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runPublish(cmd.Context(), ios, opts) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.Root, "root", ".", "project `dir`ectory (holds data/ and content/)")
	f.Var(versionFlag(&opts.Version), "version", "release `version` (default: one more than the highest whole-number version recorded, 1 for the first)")
	f.Var(dateFlag(&opts.Date), "date", "release date, `YYYY-MM-DD` (default today); the zip's files carry it")
	f.StringVar(&opts.Out, "out", "", "release `dir`ectory (default <root>/dist)")
	f.StringVar(&opts.Site, "site", "", "site `dir`ectory built and packed (default <root>/site)")
	f.StringVar(&opts.BaseURL, "base-url", "", "`URL` or path the site is published under, as for build")
	f.Var(workersFlag{"workers", &opts.Workers}, "workers", "pages rendered at once (0 = number of CPUs)")
	return cmd
}

func runPublish(ctx context.Context, ios *streams, opts *publishOptions) error {
	if opts.Date == "" {
		opts.Date = time.Now().Format(time.DateOnly) // the only clock: the CLI's
	}
	date, err := par.ParseDate(opts.Date)
	if err != nil {
		return usageError{fmt.Errorf("--date %s: %v", opts.Date, err)}
	}
	if err := isProject(opts.Root); err != nil {
		return err
	}
	// A version recorded already is refused before the build, not after.
	if opts.Version != "" {
		if err := release.CheckVersion(opts.Root, opts.Version, nil); err != nil {
			return err
		}
	}
	site := opts.Site
	if site == "" {
		site = filepath.Join(opts.Root, "site")
	}
	out := opts.Out
	if out == "" {
		out = filepath.Join(opts.Root, "dist")
	}
	rep, err := buildReported(ctx, ios, &buildOptions{Root: opts.Root, Out: site, BaseURL: opts.BaseURL, Workers: opts.Workers})
	if err != nil {
		if errors.Is(err, errReported) {
			fmt.Fprintln(ios.Err, "nothing released")
		}
		return err
	}
	return publishRelease(ios, opts, rep, site, out, date)
}

// publishRelease packs the site built by runPublish's build.
func publishRelease(ios *streams, opts *publishOptions, rep *build.Report, site, out string, date par.Date) error {
	rel, err := release.Make(rep.Dataset, rep.Results, release.Options{Root: opts.Root, Site: site, Out: out, Version: opts.Version, Date: date})
	if err != nil {
		return err
	}
	c := rel.Changed
	fmt.Fprintf(ios.Err, "released %s (%s): %s, %s\n", rel.Record.Version, rel.Record.Date, filepath.ToSlash(rel.Zip), filepath.ToSlash(rel.Manifest))
	fmt.Fprintf(ios.Err, "  %d files (%d added, %d removed, %d changed), %d figures changed; see %s\n",
		len(rel.Record.Files), len(c.Added), len(c.Removed), len(c.Changed), len(c.Figures), filepath.ToSlash(rel.Changes))
	fmt.Fprintf(ios.Err, "  recorded in %s\n", filepath.ToSlash(rel.RecordFile))
	return nil
}

// versionFlag is a release version (its syntax only: whether it is
// recorded already is publish's to say, against the project's records).
func versionFlag(p *string) stringFlag {
	return stringFlag{name: "version", typ: "version", p: p, check: func(s string) (string, string) {
		s = strings.TrimSpace(s)
		if release.ValidVersion(s) != nil {
			return s, "not a version (letters, digits, '.', '-' or '_', e.g. 3 or 2026.1)"
		}
		return s, ""
	}}
}

// dateFlag is a day, yyyy-mm-dd.
func dateFlag(p *string) stringFlag {
	return stringFlag{name: "date", typ: "date", p: p, check: func(s string) (string, string) {
		s = strings.TrimSpace(s)
		if _, err := par.ParseDate(s); err != nil || len(s) != 10 || s[4] != '-' {
			return s, "not a date (write YYYY-MM-DD, e.g. 2026-01-15)"
		}
		return s, ""
	}}
}
