package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"parindex/internal/build"
	"parindex/internal/diag"
)

type buildOptions struct {
	Root    string
	Out     string
	BaseURL string
	Workers int
	Timings bool
	Drafts  bool
}

func newBuildCmd(ios *streams) *cobra.Command {
	opts := &buildOptions{}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Check the input and build the site",
		Long: `build checks the input like check, then writes the site into site/ (or --out).
The site is built in a temporary directory next to the output and swapped in
only on success: a failed build leaves the previous site untouched and exits 1.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runBuild(cmd.Context(), ios, opts) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.Root, "root", ".", "project `dir`ectory (holds data/ and content/)")
	f.StringVar(&opts.Out, "out", "", "output `dir`ectory (default <root>/site)")
	f.StringVar(&opts.BaseURL, "base-url", "", "`URL` or path the site is published under, e.g. /chi-so-cchc/ or https://portal.example.gov.vn/chi-so-cchc/ (default: base_url in data/site.yaml, else /)")
	f.Var(workersFlag{"workers", &opts.Workers}, "workers", "pages rendered at once (0 = number of CPUs)")
	f.BoolVar(&opts.Timings, "timings", false, "print each stage's time and peak heap")
	f.BoolVar(&opts.Drafts, "drafts", false, "include the documents marked draft: true (each page showing one says so)")
	return cmd
}

func runBuild(ctx context.Context, ios *streams, opts *buildOptions) error {
	_, err := buildReported(ctx, ios, opts)
	return err
}

// buildReported builds, prints what build prints and returns the report
// of a successful build (publish packs its site).
func buildReported(ctx context.Context, ios *streams, opts *buildOptions) (*build.Report, error) {
	t0 := time.Now()
	rep, err := build.Build(build.Options{Root: opts.Root, Out: opts.Out, BaseURL: opts.BaseURL, Workers: opts.Workers, Context: ctx, Drafts: opts.Drafts})
	took := time.Since(t0)
	if errors.Is(err, build.ErrInterrupted) {
		out := opts.Out
		if out == "" {
			out = filepath.Join(opts.Root, "site")
		}
		what := "site not built, " + filepath.ToSlash(filepath.Clean(out)) + "/ left as it was"
		if rep != nil && rep.Leftover != "" {
			what += "; " + filepath.ToSlash(rep.Leftover) + " is still being removed (the next build removes what is left)"
		}
		if e := stopped(ctx, what); e != nil {
			return nil, e
		}
		return nil, err
	}
	if rep != nil {
		printDiagnostics(ios.Err, opts.Root, rep.Diagnostics)
		if opts.Timings {
			printTimings(ios.Out, rep.Stages, took)
		}
	}
	switch {
	case err != nil && !build.IsDiagnostics(err):
		return nil, err
	case err != nil:
		fmt.Fprintf(ios.Err, "%s; site not built\n", counts(rep.Diagnostics))
		return nil, errReported
	}
	out := rep.Out
	if out == "" {
		out = opts.Out
	}
	line := fmt.Sprintf("built %d pages in %s/ (%dms)", rep.Pages, filepath.ToSlash(filepath.Clean(out)), took.Milliseconds())
	if _, w, _ := diag.Counts(rep.Diagnostics.Folded()); w > 0 {
		line += ", " + plural(w, "warning")
	}
	fmt.Fprintln(ios.Err, line)
	return rep, nil
}

// printTimings prints the per-stage table: name, wall time, peak heap.
func printTimings(w io.Writer, stages []build.Stage, total time.Duration) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\ttime\tpeak heap\t")
	var peak uint64
	for _, s := range stages {
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", s.Name, ms(s.Duration), mib(s.PeakHeapBytes))
		peak = max(peak, s.PeakHeapBytes)
	}
	fmt.Fprintf(tw, "total\t%s\t%s\t\n", ms(total), mib(peak))
	tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func mib(b uint64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
