package build

import (
	"bytes"
	"encoding/json"
	"testing"

	"parindex/internal/baseurl"
	"parindex/internal/compute"
	"parindex/internal/diag"
	"parindex/internal/ingest"
	"parindex/internal/projfs"
)

// The dataset is read only after ingest: the docs and compute stages
// return their own values and change nothing in it, so a preview can keep
// one dataset between rebuilds and stages can read it from several
// goroutines. Checked on the example, whose dataset holds every kind of
// input, by comparing its JSON form before and after.
func TestStagesLeaveTheDatasetAlone(t *testing.T) {
	project, err := projfs.Open(repoRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	defer project.Close()
	ds, dl := ingest.Load(project, ingest.Options{})
	if err := dl.Err(); err != nil {
		t.Fatal(err)
	}
	if len(ds.Sheets) == 0 || len(ds.Summaries) == 0 || len(ds.Docs) == 0 {
		t.Fatal("the example has no sheets, annexes or documents")
	}
	before, err := json.Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	renderDocs(t.Context(), ds, baseurl.Root, &diag.List{}, nil)
	res, _ := compute.Run(ds)
	compute.Reconcile(ds, res, &diag.List{})
	after, err := json.Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		i := 0
		for i < len(before) && i < len(after) && before[i] == after[i] {
			i++
		}
		t.Errorf("the dataset changed after docs and compute, first at byte %d:\nbefore …%s…\nafter  …%s…",
			i, before[max(0, i-200):min(len(before), i+100)], after[max(0, i-200):min(len(after), i+100)])
	}
}
