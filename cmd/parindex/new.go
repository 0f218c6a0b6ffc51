package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"parindex"
	"parindex/internal/example"
)

type newOptions struct {
	Dir string
}

func newNewCmd(ios *streams) *cobra.Command {
	opts := &newOptions{}
	return &cobra.Command{
		Use:   "new DIR",
		Short: "Create a new site project with a small working example",
		Long: `new creates DIR (which must not exist or be empty) with data/ and content/
holding a small fictional example that builds, a README.md with next steps and
FORMATS.md, the reference of every input file (also: parindex help formats).`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = args[0]
			return runNew(ios, opts)
		},
	}
}

func runNew(ios *streams, opts *newOptions) error {
	dir := opts.Dir
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return fmt.Errorf("%s exists and is not a directory", dir)
	}
	switch es, err := os.ReadDir(dir); {
	case err == nil && len(es) > 0:
		return fmt.Errorf("%s is not empty: new only creates a project in a new or empty directory", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := example.Generate(dir, example.Options{Preset: "minimal"}); err != nil {
		return err // names the file it could not write
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte(newReadme(filepath.Base(filepath.Clean(dir)))), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "FORMATS.md"), []byte(parindex.Formats), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("/site/\n/site.tmp-*\n/site.old/\n/site.lock\n"), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(ios.Err, "created %s with a small example; next:\n  cd %s\n  parindex check\n  parindex serve\n", dir, dir)
	return nil
}

func newReadme(name string) string {
	return "# " + name + `

A parindex site project: the PAR Index (Chỉ số CCHC) results of a province,
published as a static website. It was created by ` + "`parindex new`" + ` with a small
fictional example so that it builds right away; replace the example with your
own data step by step.

## Layout

` + "```" + `
data/site.yaml           site title, province, publisher; set sample: false for real data
data/units.yaml          ranking groups and the unit registry (ids, names, lineage)
data/frameworks/*.yaml   the scoring frameworks (criteria tree, maxima, bands)
data/scores/<year>/      score workbooks (.xlsx): detail scoring sheets or summary annexes
content/                 decisions, narratives and attached files (markdown)
` + "```" + `

Every file, key and workbook layout is described, with examples, in
` + "`FORMATS.md`" + ` (the same text as ` + "`parindex help formats`" + `).

## Next steps

1. ` + "`parindex check`" + ` validates everything and prints every problem with its
   file and cell or line.
2. ` + "`parindex serve`" + ` previews the site at http://127.0.0.1:8080/ and rebuilds
   it whenever a file changes.
3. Edit ` + "`data/site.yaml`" + ` and ` + "`data/units.yaml`" + ` for your province, then the
   frameworks in ` + "`data/frameworks/`" + `.
4. ` + "`parindex template --group <group> --year <year>`" + ` writes a blank scoring
   workbook for a group's units; fill it in (or drop in the workbooks your
   scoring software exports) under ` + "`data/scores/<year>/`" + `.
5. Add each year's publication decision to ` + "`content/decisions/`" + `.
6. ` + "`parindex build`" + ` writes the site into ` + "`site/`" + `; add
   ` + "`--base-url /chi-so-cchc/`" + ` to publish it under a sub-path of a portal.
   Copy ` + "`site/`" + ` to any web server.
7. ` + "`parindex publish`" + ` builds the site and records a release: a zip with
   its SHA-256 manifest and the list of what changed in ` + "`dist/`" + `, and
   ` + "`data/releases/<version>.json`" + ` (keep it with the project). From then on a
   published figure changes only with a correction in
   ` + "`data/corrections.yaml`" + ` (đính chính).
`
}
