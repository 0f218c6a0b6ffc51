// Package report prints a unit-year's printable report
// (/don-vi/<unit>/<year>/bao-cao/, internal/site's report kind) to PDF:
// the last step of `parindex report`.
//
// Input: a project (data/, content/), a year and one unit or all of them.
// Output: one PDF per unit-year, printed by Debian's headless chromium
// from the report page of a site built into a temporary folder (through
// internal/build, so the report is exactly the page the site publishes)
// and served on loopback only while printing.
package report

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"parindex/internal/build"
	"parindex/internal/par"
	"parindex/internal/site"
)

// Options say what to print.
type Options struct {
	Root string // project directory
	Year int
	Unit string // one unit's id, or
	All  bool   // every unit with a result in Year
	// Out is the PDF file (one unit; default bao-cao-<unit>-<year>.pdf) or
	// the folder (All; default bao-cao-<year>), created when missing.
	Out string
	// Chromium is the browser's command (a name looked up on PATH, or a
	// path), "" = "chromium".
	Chromium string
	Context  context.Context
	// Progress, if set, is told of each PDF written.
	Progress func(unit, file string, pages int)
}

// ErrNoChromium is wrapped by the error of a run without chromium.
var ErrNoChromium = errors.New("chromium not found")

// Printed is one PDF written.
type Printed struct {
	Unit  string
	File  string
	Pages []PageSize
}

// printTimeout bounds one page's printing.
const printTimeout = 90 * time.Second

// Print builds the site into a temporary folder and prints the report of
// each unit asked for to PDF. The *build.Report, when not nil, holds the
// diagnostics of the build (the caller prints them).
func Print(opt Options) ([]Printed, *build.Report, error) {
	if opt.Context == nil {
		opt.Context = context.Background()
	}
	tmp, err := os.MkdirTemp("", "parindex-report-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "site")
	rep, err := build.Build(build.Options{Root: opt.Root, Out: out, BaseURL: "/", Context: opt.Context})
	if err != nil {
		return nil, rep, err
	}
	units, err := pick(rep.Dataset, rep.Results, opt)
	if err != nil {
		return nil, rep, err
	}
	// After the data: a wrong unit or year is said first.
	browser, err := findChromium(opt.Chromium)
	if err != nil {
		return nil, rep, err
	}
	files, err := outFiles(opt, units)
	if err != nil {
		return nil, rep, err
	}
	base, stop, err := serve(out)
	if err != nil {
		return nil, rep, err
	}
	defer stop()
	profile := filepath.Join(tmp, "chromium")
	var done []Printed
	for i, u := range units {
		pages, err := printPDF(opt.Context, browser, profile, base+strings.TrimPrefix(site.ReportURL(u, opt.Year), "/"), files[i])
		if err != nil {
			return done, rep, fmt.Errorf("report of %s, %d: %w", u, opt.Year, err)
		}
		done = append(done, Printed{Unit: u, File: files[i], Pages: pages})
		if opt.Progress != nil {
			opt.Progress(u, files[i], len(pages))
		}
	}
	return done, rep, nil
}

// findChromium finds the browser, or says how to install it.
func findChromium(name string) (string, error) {
	if name == "" {
		name = "chromium"
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("%w: parindex report prints through headless Chromium, and %q is not on PATH; install it (Debian, Ubuntu: apt-get install chromium) and run the command again", ErrNoChromium, name)
	}
	return p, nil
}

// pick lists the units to print, checking that each was scored in the
// year: a report of a year without result would have nothing to say.
func pick(ds *par.Dataset, res *par.Results, opt Options) ([]string, error) {
	scored := func(id string) (*par.Result, bool) {
		for _, r := range res.ByUnit[id] {
			if r.Year == opt.Year {
				return r, r.Scored
			}
		}
		return nil, false
	}
	if !opt.All {
		known := slices.ContainsFunc(ds.Registry.Units, func(u *par.Unit) bool { return u.ID == opt.Unit })
		if !known {
			return nil, fmt.Errorf("no unit %s in data/units.yaml", opt.Unit)
		}
		r, ok := scored(opt.Unit)
		switch {
		case r == nil:
			return nil, fmt.Errorf("unit %s has no result in %d%s", opt.Unit, opt.Year, yearsOf(res, opt.Unit))
		case !ok:
			return nil, fmt.Errorf("unit %s was not scored in %d (no total, rank or band): no report to print", opt.Unit, opt.Year)
		}
		return []string{opt.Unit}, nil
	}
	var out []string
	for _, u := range ds.Registry.Units {
		if _, ok := scored(u.ID); ok {
			out = append(out, u.ID)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no unit has a result in %d%s", opt.Year, yearsAll(res))
	}
	return out, nil
}

// yearsOf names the years a unit was scored, for the error about another.
func yearsOf(res *par.Results, unit string) string {
	var ys []string
	for _, r := range res.ByUnit[unit] {
		if r.Scored {
			ys = append(ys, strconv.Itoa(r.Year))
		}
	}
	if len(ys) == 0 {
		return " (it has no scored result in any year)"
	}
	return " (it has results in " + strings.Join(ys, ", ") + ")"
}

func yearsAll(res *par.Results) string {
	if len(res.Years) == 0 {
		return " (the data has no results)"
	}
	ys := make([]string, len(res.Years))
	for i, y := range res.Years {
		ys[i] = strconv.Itoa(y)
	}
	return " (results exist for " + strings.Join(ys, ", ") + ")"
}

// outFiles names the PDF of each unit and creates the folders they go in.
func outFiles(opt Options, units []string) ([]string, error) {
	year := strconv.Itoa(opt.Year)
	if !opt.All {
		f := opt.Out
		if f == "" {
			f = "bao-cao-" + units[0] + "-" + year + ".pdf"
		}
		if dir := filepath.Dir(f); dir != "." {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, err
			}
		}
		return []string{f}, nil
	}
	dir := opt.Out
	if dir == "" {
		dir = "bao-cao-" + year
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	files := make([]string, len(units))
	for i, u := range units {
		files[i] = filepath.Join(dir, u+"-"+year+".pdf")
	}
	return files, nil
}

// serve serves the built site on a loopback port until stop: its links
// are root-relative, so a file:// URL would miss its stylesheets.
func serve(dir string) (base string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir)), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/", func() { srv.Close() }, nil
}

// printPDF prints url to file with headless chromium and reads back the
// PDF's pages.
func printPDF(ctx context.Context, browser, profile, url, file string) ([]PageSize, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	tmp := abs + ".tmp"
	ctx, cancel := context.WithTimeout(ctx, printTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--no-pdf-header-footer", "--print-to-pdf="+tmp, url)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("%s: %w\n%s", filepath.Base(browser), err, lastLines(string(msg), 5))
	}
	b, err := os.ReadFile(tmp)
	if err != nil {
		return nil, fmt.Errorf("%s wrote no PDF: %w\n%s", filepath.Base(browser), err, lastLines(string(msg), 5))
	}
	pages, err := Pages(b)
	if err != nil {
		os.Remove(tmp)
		return nil, err
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return nil, err
	}
	return pages, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
