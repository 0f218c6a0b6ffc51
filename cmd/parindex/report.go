package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"parindex/internal/build"
	"parindex/internal/report"
)

type reportOptions struct {
	Root string
	Unit string
	All  bool
	Year int
	Out  string
}

func newReportCmd(ios *streams) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report (--unit ID | --all) --year N [--out FILE.pdf | DIR]",
		Short: "Print a unit-year's report (bao-cao) to PDF with headless Chromium",
		Long: `report prints the printable report of a unit's results in a year (the site's
page /don-vi/<unit>/<year>/bao-cao/: place, band, index, points per area and
the criteria where points were lost) to an A4 PDF, through Debian's headless
chromium (apt-get install chromium; PARINDEX_CHROMIUM names another command
of the Chromium family, e.g. chromium-browser). With --all it writes one PDF per unit
scored that year into --out (a folder). The site is built into a temporary
folder for this; the project's site/ is not touched.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch {
			case opts.Year == 0:
				return usageError{errors.New("--year is required")}
			case opts.All == (opts.Unit != ""):
				return usageError{errors.New("give either --unit ID or --all")}
			case !opts.All && opts.Out != "" && !strings.EqualFold(filepath.Ext(opts.Out), ".pdf"):
				return usageError{fmt.Errorf("--out %s: the file name must end in .pdf", opts.Out)}
			}
			return runReport(cmd.Context(), ios, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Root, "root", ".", "project `dir`ectory (holds data/ and content/)")
	f.StringVar(&opts.Unit, "unit", "", "unit `id`, as in data/units.yaml")
	f.BoolVar(&opts.All, "all", false, "every unit scored in --year, one PDF each")
	f.Var(yearFlag{"year", &opts.Year}, "year", "results `year` (required)")
	f.StringVar(&opts.Out, "out", "", "PDF `file` (default bao-cao-<unit>-<year>.pdf), or with --all a folder (default bao-cao-<year>)")
	return cmd
}

func runReport(ctx context.Context, ios *streams, opts *reportOptions) error {
	if err := isProject(opts.Root); err != nil {
		return err
	}
	done, rep, err := report.Print(report.Options{
		Root: opts.Root, Year: opts.Year, Unit: opts.Unit, All: opts.All, Out: opts.Out, Context: ctx,
		// Another browser of the Chromium family, or one not on PATH.
		Chromium: os.Getenv("PARINDEX_CHROMIUM"),
		Progress: func(unit, file string, pages int) {
			line := fmt.Sprintf("wrote %s (%s, %d, %s)", filepath.ToSlash(file), unit, opts.Year, plural(pages, "A4 page"))
			if pages > 2 {
				line += "; the report is meant to fit on two pages"
			}
			fmt.Fprintln(ios.Err, line)
		},
	})
	if errors.Is(err, build.ErrInterrupted) || ctx.Err() != nil {
		if e := stopped(ctx, "report not printed"); e != nil {
			return e
		}
	}
	if err != nil && build.IsDiagnostics(err) {
		printDiagnostics(ios.Err, opts.Root, rep.Diagnostics)
		fmt.Fprintf(ios.Err, "%s; report not printed\n", counts(rep.Diagnostics))
		return errReported
	}
	if err != nil {
		return err
	}
	if opts.All {
		fmt.Fprintf(ios.Err, "printed %s for %d\n", plural(len(done), "report"), opts.Year)
	}
	return nil
}
