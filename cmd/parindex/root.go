package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"parindex/internal/diag"
)

// streams are where a command writes: results to Out, diagnostics and
// progress to Err.
type streams struct {
	Out, Err io.Writer
}

// errReported ends a command that has already told the user why (its
// diagnostics and summary), so nothing more is printed; the exit code is 1.
var errReported = errors.New("reported")

// run executes the command line and returns the exit code: 0 on success,
// 1 on input errors or failures, 2 on usage errors, 128+n when stopped by
// signal n (130 for Ctrl-C, 143 for SIGTERM).
func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signalContext()
	defer stop()
	ios := &streams{Out: stdout, Err: stderr}
	root := newRootCmd(ios)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteContextC(ctx)
	var stopped stoppedError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &stopped):
		fmt.Fprintf(stderr, "parindex: %v\n", err)
		return 128 + int(stopped.sig)
	case errors.Is(err, errReported):
		return 1
	case isUsage(err):
		if cmd == nil {
			cmd = root
		}
		fmt.Fprintf(stderr, "parindex: %v\nRun '%s --help' for usage.\n", err, cmd.CommandPath())
		return 2
	}
	fmt.Fprintf(stderr, "parindex: %v\n", err)
	return 1
}

// signalContext is cancelled by the first SIGINT or SIGTERM, with a
// signalCause; a second one ends the process at once, as if parindex did
// not catch signals.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			signal.Stop(sigs) // the next one kills
			cancel(signalCause{sig.(syscall.Signal)})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// signalCause is the cause of a context cancelled by a signal.
type signalCause struct{ sig syscall.Signal }

func (c signalCause) Error() string { return "received " + sigName(c.sig) }

func sigName(s syscall.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}

// stoppedError ends a command cut short by a signal: run prints it and
// exits 128+signal.
type stoppedError struct {
	sig  syscall.Signal
	what string // what was (not) done, e.g. "site/ left as it was"
}

func (e stoppedError) Error() string {
	if e.what == "" {
		return "stopped by " + sigName(e.sig)
	}
	return "stopped by " + sigName(e.sig) + "; " + e.what
}

// stopped returns a stoppedError if ctx was cancelled by a signal, else nil.
func stopped(ctx context.Context, what string) error {
	var c signalCause
	if errors.As(context.Cause(ctx), &c) {
		return stoppedError{sig: c.sig, what: what}
	}
	return nil
}

// usageError marks a wrong command line (as opposed to a failure).
type usageError struct{ error }

func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

func newRootCmd(ios *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "parindex",
		Short: "Publish a province's PAR Index (Chỉ số CCHC) as a static site",
		Long: `parindex reads finalized PAR Index score workbooks (data/) and decision
documents (content/), checks them, and builds a static transparency site.`,
		SilenceErrors: true, // run prints errors once, as "parindex: …"
		SilenceUsage:  true,
		// A root that runs (showing help) makes cobra validate its
		// arguments, so an unknown command is a usage error, not help.
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		// --version prints what the version command prints.
		Version: version(),
	}
	root.SetVersionTemplate("parindex {{.Version}}\n")
	root.Flags().BoolP("version", "v", false, "print the version")
	root.CompletionOptions.HiddenDefaultCmd = true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{plainFlagError(err)} })
	root.AddCommand(
		newCheckCmd(ios),
		newBuildCmd(ios),
		newServeCmd(ios),
		newTemplateCmd(ios),
		newReportCmd(ios),
		newPublishCmd(ios),
		newNewCmd(ios),
		newVersionCmd(ios),
		newFormatsTopic(),
	)
	wrapArgs(root)
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	return root
}

// wrapArgs makes a command's argument validation errors usage errors.
func wrapArgs(c *cobra.Command) {
	if c.Args == nil {
		return
	}
	check := c.Args
	c.Args = func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// printDiagnostics writes every diagnostic, sorted, consequences folded
// into their cause, one per line, with paths as seen from the current
// directory (root is the project directory as given on the command line).
func printDiagnostics(w io.Writer, root string, l *diag.List) {
	if l == nil {
		return
	}
	dir := displayDir(root)
	for _, d := range l.Folded() {
		fmt.Fprintln(w, d.In(dir).String())
	}
}

// displayDir is how printed paths name the project directory: a relative
// root as given ("../proj"), an absolute one relative to the current
// directory when it lies below it, else absolute. Either way an editor
// started here opens the printed path.
func displayDir(root string) string {
	if root == "" {
		return "."
	}
	if !filepath.IsAbs(root) {
		return filepath.Clean(root)
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, root); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return rel
		}
	}
	return filepath.Clean(root)
}

// counts is "2 errors, 1 warning": what printDiagnostics printed, then
// how many consequences it folded into them.
func counts(l *diag.List) string {
	var e, w, folded int
	if l != nil {
		e, w, folded = diag.Counts(l.Folded())
	}
	s := plural(e, "error") + ", " + plural(w, "warning")
	if folded > 0 {
		s += fmt.Sprintf(" (%d more folded into their causes)", folded)
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// isProject checks that root holds a project before a command that does
// not go through build reads it, with build's wording.
func isProject(root string) error {
	if st, err := os.Stat(filepath.Join(root, "data")); err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a parindex project: no data/ directory (create one with `parindex new DIR`)", root)
	}
	return nil
}
