package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"parindex/internal/build"
)

type checkOptions struct {
	Root    string
	Workers int
	Drafts  bool
}

func newCheckCmd(ios *streams) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Read and validate all input; print every problem",
		Long: `check reads data/ and content/ and validates them without writing anything.
It prints every problem found (not just the first), each naming its file and
sheet!cell or file:line, then a summary, and exits 1 if any is an error.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runCheck(cmd.Context(), ios, opts) },
	}
	cmd.Flags().StringVar(&opts.Root, "root", ".", "project `dir`ectory (holds data/ and content/)")
	cmd.Flags().Var(workersFlag{"workers", &opts.Workers}, "workers", "workbooks read at once (0 = number of CPUs)")
	cmd.Flags().BoolVar(&opts.Drafts, "drafts", false, "check the documents marked draft: true as build --drafts would build them")
	return cmd
}

func runCheck(ctx context.Context, ios *streams, opts *checkOptions) error {
	rep, err := build.Check(build.Options{Root: opts.Root, Workers: opts.Workers, Context: ctx, Drafts: opts.Drafts})
	if errors.Is(err, build.ErrInterrupted) {
		if e := stopped(ctx, "check not finished"); e != nil {
			return e
		}
		return err
	}
	if rep != nil {
		printDiagnostics(ios.Err, opts.Root, rep.Diagnostics)
	}
	switch {
	case err != nil && !build.IsDiagnostics(err):
		return err
	case err != nil:
		fmt.Fprintln(ios.Err, counts(rep.Diagnostics))
		return errReported
	}
	line := "ok: " + counts(rep.Diagnostics)
	if s := rep.Summary(); s != "" {
		line += " — " + s
	}
	fmt.Fprintln(ios.Err, line)
	return nil
}
