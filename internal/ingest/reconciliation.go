package ingest

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"parindex/internal/diag"
	"parindex/internal/par"
)

// reconciliationPath is the register of differences the publication
// decisions printed (rule "the decision is the law").
const reconciliationPath = "data/reconciliation.yaml"

// cellRef reads a cell as check prints it: "file: sheet!cell".
var cellRef = regexp.MustCompile(`^(.+?): (.+)!([A-Z]{1,3}[0-9]{1,7})$`)

// loadReconciliations reads data/reconciliation.yaml, if present:
//
//	differences:
//	  - cells: ["data/scores/2023/phu-luc.xlsx: Phụ lục I!J5"]
//	    published: "3"
//	    rule: "2"
//	    reason: …
//	    recorded_by: …
//	    date: 2024-03-02
//	    decision: 1420/QĐ-UBND
//
// Whether each entry matches a difference in the data is checked once
// every stage has run (compute.Reconcile).
func loadReconciliations(fsys fs.FS, d *diag.List) []*par.Reconciliation {
	y, root := optionalYAML(fsys, reconciliationPath, d)
	if root == nil {
		return nil
	}
	top := y.fields(root, "reconciliation.yaml", "differences")
	var out []*par.Reconciliation
	for i, n := range top.seq("differences") {
		m := y.fields(n, "difference", "cells", "cell", "published", "rule", "reason", "recorded_by", "date", "decision")
		r := &par.Reconciliation{ID: fmt.Sprintf("dc-%d", i+1), Src: y.at(n)}
		cells, nodes := m.strs("cells")
		if m.has("cell") {
			cells = append(cells, m.str("cell"))
			nodes = append(nodes, m.vals["cell"])
		}
		if len(cells) == 0 {
			d.Errorf(r.Src, "a recorded difference needs its cells (cells: [\"file: sheet!cell\"], as check prints them)")
		}
		for j, c := range cells {
			mm := cellRef.FindStringSubmatch(strings.TrimSpace(c))
			if mm == nil {
				d.Errorf(y.at(nodes[j]), "cell %q is not written as check prints it (\"data/scores/2023/phu-luc.xlsx: Phụ lục I!J5\")", c)
				continue
			}
			r.Cells = append(r.Cells, par.Source{File: projectFile(mm[1]), Sheet: mm[2], Cell: mm[3]})
		}
		if m.need("published") {
			r.Published = m.str("published")
		}
		if m.need("rule") {
			r.Rule = m.str("rule")
		}
		if m.need("reason") {
			r.Reason = m.str("reason")
		}
		if m.need("recorded_by") {
			r.RecordedBy = m.str("recorded_by")
		}
		if m.need("date") {
			r.Date, _ = m.date("date")
		}
		r.Decision = m.str("decision")
		out = append(out, r)
	}
	return out
}

// projectFile is a workbook path from the project folder. check prints
// paths from where it was run ("proj/data/scores/…" for --root proj), and
// a cell copied from there names the same workbook.
func projectFile(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	if !strings.HasPrefix(p, scoresDir+"/") {
		if i := strings.LastIndex(p, "/"+scoresDir+"/"); i >= 0 {
			return p[i+1:]
		}
	}
	return p
}
