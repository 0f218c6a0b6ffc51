package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"parindex/internal/baseurl"
	"parindex/internal/build"
	"parindex/internal/serve"
)

type serveOptions struct {
	Root    string
	Addr    string
	BaseURL string
	Workers int
}

func newServeCmd(ios *streams) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site on localhost, rebuilding and reloading on changes",
		Long: `serve builds the site into a temporary directory (site/ is never touched),
serves it on localhost and watches data/, content/, templates/ and static/:
on a change it rebuilds and reloads the browser. A failed rebuild keeps the
last good build online and shows the errors in the terminal and on the page.
Drafts (draft: true) are shown, each page showing one under a banner.
Ctrl-C stops it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd.Context(), ios, opts) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.Root, "root", ".", "project `dir`ectory (holds data/ and content/)")
	opts.Addr = "127.0.0.1:8080"
	f.Var(addrFlag(&opts.Addr), "addr", "`host:port` to listen on")
	f.StringVar(&opts.BaseURL, "base-url", "", "`URL` or path whose path the site is served under, e.g. /chi-so-cchc/ (default: base_url in data/site.yaml, else /)")
	f.Var(workersFlag{"workers", &opts.Workers}, "workers", "pages rendered at once (0 = number of CPUs)")
	return cmd
}

func runServe(ctx context.Context, ios *streams, opts *serveOptions) error {
	if opts.BaseURL != "" {
		// Refused before serving, not on every rebuild.
		if _, err := baseurl.Parse(opts.BaseURL); err != nil {
			return err
		}
	}
	// One session for all rebuilds: it keeps the parsed inputs and the
	// results, and writes only the files an edit changed.
	session := build.NewSession(build.Options{Root: opts.Root, BaseURL: opts.BaseURL, Workers: opts.Workers, Drafts: true}) // the preview shows drafts, marked
	rebuild := func(ctx context.Context, out string) (string, error) {
		rep, err := session.Update(ctx, out)
		if errors.Is(err, build.ErrInterrupted) {
			return "", err
		}
		if rep != nil {
			printDiagnostics(ios.Err, opts.Root, rep.Diagnostics)
		}
		if err == nil {
			// What the session did, before serve's "built in …".
			fmt.Fprintf(ios.Err, "%d of %d pages rendered, %d files changed\n", rep.Rendered, rep.Pages, rep.Written)
		}
		base := opts.BaseURL
		if base == "" && rep != nil && rep.Dataset != nil {
			base = rep.Dataset.Site.BaseURL
		}
		return base, err
	}
	s, err := serve.New(serve.Options{Root: opts.Root, Addr: opts.Addr, Build: rebuild, Log: ios.Err})
	if err != nil {
		return err
	}
	if err := s.Run(ctx); err != nil {
		return err
	}
	return stopped(ctx, "preview closed")
}
