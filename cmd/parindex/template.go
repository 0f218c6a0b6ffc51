package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"parindex/internal/diag"
	"parindex/internal/ingest"
	"parindex/internal/par"
	"parindex/internal/projfs"
	"parindex/internal/workbook"
	"parindex/internal/xlsx"
)

type templateOptions struct {
	Root      string
	Framework string
	Group     string
	Year      int
	Units     []string
	Out       string
	Force     bool
}

func newTemplateCmd(ios *streams) *cobra.Command {
	opts := &templateOptions{}
	cmd := &cobra.Command{
		Use:   "template --group G --year Y [--framework ID] [--units id,id] [--out file.xlsx]",
		Short: "Write a blank fill-in scoring workbook for a framework and units",
		Long: `template writes a blank scoring workbook (phiếu chấm điểm): one sheet per unit
with the framework's criteria rows, maximum points, data validation so a score
cannot exceed its maximum, and total formulas. The framework is the one for
--group in --year unless --framework names one; the units are all units of the
group that exist at the end of --year unless --units lists them. --out may name
a file in folders that do not exist yet; an existing file is only replaced
with --force.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Group == "" || opts.Year == 0 {
				return usageError{errors.New("--group and --year are required")}
			}
			return runTemplate(cmd.Context(), ios, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Root, "root", ".", "project `dir`ectory (holds data/)")
	f.StringVar(&opts.Framework, "framework", "", "framework `id` (default: the one covering --group in --year)")
	f.StringVar(&opts.Group, "group", "", "ranking group `id`, e.g. so (required)")
	f.Var(yearFlag{"year", &opts.Year}, "year", "results `year` (required)")
	f.StringSliceVar(&opts.Units, "units", nil, "unit `ids`, comma-separated (default: all units of the group that year)")
	f.StringVar(&opts.Out, "out", "", "output `file` (default phieu-cham-diem-<group>-<year>.xlsx)")
	f.BoolVar(&opts.Force, "force", false, "replace the --out file if it exists")
	return cmd
}

func runTemplate(ctx context.Context, ios *streams, opts *templateOptions) error {
	out := opts.Out
	if out == "" {
		out = fmt.Sprintf("phieu-cham-diem-%s-%d.xlsx", opts.Group, opts.Year)
	}
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return usageError{fmt.Errorf("--out %s: the file name must end in .xlsx (parindex reads only .xlsx workbooks)", out)}
	}
	if err := writable(out, opts.Force); err != nil {
		return err
	}
	if err := isProject(opts.Root); err != nil {
		return err
	}
	project, err := projfs.Open(opts.Root)
	if err != nil {
		return err
	}
	defer project.Close()
	ds, dl := ingest.Load(project, ingest.Options{Context: ctx})
	if e := stopped(ctx, "no workbook written"); e != nil {
		return e
	}
	// Only the registry and the frameworks matter for a blank workbook;
	// problems in score workbooks or content are for `check`.
	var relevant diag.List
	for _, d := range dl.Sorted() {
		if d.File == "data/units.yaml" || d.File == "data/site.yaml" || strings.HasPrefix(d.File, "data/frameworks/") {
			relevant.Add(d)
		}
	}
	if relevant.HasErrors() {
		printDiagnostics(ios.Err, opts.Root, &relevant)
		fmt.Fprintf(ios.Err, "%s in the registry or frameworks; fix them first\n", counts(&relevant))
		return errReported
	}
	if ds.Registry == nil || ds.Registry.Group(opts.Group) == nil {
		return fmt.Errorf("unknown ranking group %q (groups are defined in data/units.yaml: %s)", opts.Group, groupIDs(ds.Registry))
	}
	fw, err := pickFramework(ds, opts)
	if err != nil {
		return err
	}
	units, err := pickUnits(ds.Registry, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, workbook.Template(fw, units, opts.Year)); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if e := stopped(ctx, "no workbook written"); e != nil {
		return e
	}
	if err := writeFile(out, buf.Bytes()); err != nil {
		return err
	}
	if len(units) == 0 {
		fmt.Fprintf(ios.Err, "wrote %s: one blank form (no unit of group %s exists in %d; framework %s)\n", out, opts.Group, opts.Year, fw.ID)
		return nil
	}
	fmt.Fprintf(ios.Err, "wrote %s: %s, one per unit of group %s (framework %s, %d)\n", out, plural(len(units), "sheet"), opts.Group, fw.ID, opts.Year)
	return nil
}

// writable checks that the workbook may be written to path: not a
// directory, and not an existing file unless force.
func writable(path string, force bool) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case st.IsDir():
		return fmt.Errorf("%s is a directory; --out names the workbook file, e.g. %s", path, filepath.Join(path, "phieu-cham-diem.xlsx"))
	case !force:
		return fmt.Errorf("%s exists; it is left as it is (add --force to replace it)", path)
	}
	return nil
}

// writeFile writes b to path, creating missing folders. The bytes go to a
// temporary file renamed into place, so an interrupted write never leaves
// half a workbook where a good one was.
func writeFile(path string, b []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".parindex-*.xlsx")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

func pickFramework(ds *par.Dataset, opts *templateOptions) (*par.Framework, error) {
	if opts.Framework == "" {
		fw := ds.Framework(opts.Group, opts.Year)
		if fw == nil {
			return nil, fmt.Errorf("no framework covers group %s in %d (see data/frameworks/)", opts.Group, opts.Year)
		}
		return fw, nil
	}
	var ids []string
	for _, fw := range ds.Frameworks {
		if fw.ID == opts.Framework {
			if !fw.Covers(opts.Group, opts.Year) {
				return nil, fmt.Errorf("framework %s does not cover group %s in %d", fw.ID, opts.Group, opts.Year)
			}
			return fw, nil
		}
		ids = append(ids, fw.ID)
	}
	return nil, fmt.Errorf("unknown framework %q (known: %s)", opts.Framework, strings.Join(ids, ", "))
}

func pickUnits(reg *par.Registry, opts *templateOptions) ([]*par.Unit, error) {
	if len(opts.Units) == 0 {
		var us []*par.Unit
		for _, u := range reg.Units {
			if u.Group == opts.Group && u.ExistedAt(opts.Year) {
				us = append(us, u)
			}
		}
		return us, nil
	}
	us := make([]*par.Unit, 0, len(opts.Units))
	for _, id := range opts.Units {
		u := reg.Unit(strings.TrimSpace(id))
		switch {
		case u == nil:
			return nil, fmt.Errorf("unknown unit %q (unit ids are in data/units.yaml)", id)
		case u.Group != opts.Group:
			return nil, fmt.Errorf("unit %s is in group %s, not %s", u.ID, u.Group, opts.Group)
		}
		us = append(us, u)
	}
	return us, nil
}

func groupIDs(reg *par.Registry) string {
	if reg == nil || len(reg.Groups) == 0 {
		return "none"
	}
	ids := make([]string, len(reg.Groups))
	for i, g := range reg.Groups {
		ids[i] = g.ID
	}
	return strings.Join(ids, ", ")
}
