package site_test

import (
	"runtime"
	"testing"

	"parindex"
	"parindex/internal/compute"
	"parindex/internal/ingest"
	"parindex/internal/projfs"
	"parindex/internal/site"
)

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// BenchmarkRenderExample plans and renders the bundled example (data/ of
// the repository, about 1,100 pages) on 2 workers into a writer that
// discards the pages: the render stage's CPU without the file system,
// which internal/build's BenchmarkExample includes. The narratives' HTML
// is left out (the docs stage's output is copied into pages as is).
//
//	go test ./internal/site -run '^$' -bench RenderExample -benchtime 10x
func BenchmarkRenderExample(b *testing.B) {
	project, err := projfs.Open("../..")
	if err != nil {
		b.Fatal(err)
	}
	defer project.Close()
	ds, dl := ingest.Load(project, ingest.Options{})
	res, cl := compute.Run(ds)
	dl.Merge(cl)
	compute.Reconcile(ds, res, dl)
	if err := dl.Err(); err != nil {
		b.Fatal(err)
	}
	in := &site.Input{Dataset: ds, Results: res, BaseURL: "/"}
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	n := 0
	for b.Loop() {
		pages := site.Plan(in)
		if err := site.Render(in, parindex.Theme, pages, 2, discard{}); err != nil {
			b.Fatal(err)
		}
		n += len(pages)
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/page")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(n), "allocs/page")
}
