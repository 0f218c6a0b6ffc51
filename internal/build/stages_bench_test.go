package build

import (
	"context"
	"sync"
	"testing"

	"parindex/internal/baseurl"
	"parindex/internal/compute"
	"parindex/internal/diag"
	"parindex/internal/ingest"
	"parindex/internal/par"
	"parindex/internal/projfs"
	"parindex/internal/publish"
	"parindex/internal/site"
)

// BenchmarkStages measures each stage alone on the large preset at 1,000
// units × 10 years (11,057 pages): ingest, docs, compute, plan, render (to
// memory) and write (the rendered pages into a new site, swapped in). Each
// sub-benchmark reports time and allocations per run; together they show
// where a build's time goes without the other stages' garbage in the way.
// `go test -run '^$' -bench Stages -benchtime 3x ./internal/build/`.
func BenchmarkStages(b *testing.B) {
	dir, _ := benchInput(b, 1000)
	project, err := projfs.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer project.Close()
	var ds *par.Dataset
	b.Run("ingest", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var dl *diag.List
			ds, dl = ingest.Load(project, ingest.Options{})
			if err := dl.Err(); err != nil {
				b.Fatal(err)
			}
		}
	})
	if ds == nil {
		b.Skip("ingest did not run")
	}
	var html map[string]string
	b.Run("docs", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			html = renderDocs(context.Background(), ds, baseurl.Root, &diag.List{}, nil)
		}
	})
	var res *par.Results
	b.Run("compute", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			res, _ = compute.Run(ds)
		}
	})
	in := &site.Input{Dataset: ds, Results: res, BaseURL: "/", HTML: html}
	theme := projectTheme(project)
	var pages []site.Page
	b.Run("plan", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			pages = site.Plan(in)
		}
	})
	mem := &memSite{files: map[string][]byte{}}
	b.Run("render", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			clear(mem.files)
			if err := site.Render(in, theme, pages, 0, mem); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
	})
	out := b.TempDir() + "/site"
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			d, err := publish.NewDir(out)
			if err != nil {
				b.Fatal(err)
			}
			for p, data := range mem.files {
				if err := d.WriteFile(p, data); err != nil {
					b.Fatal(err)
				}
			}
			if err := d.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// memSite keeps rendered pages in memory (site.Render copies each page for
// a Writer that is not Transient).
type memSite struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memSite) WriteFile(p string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[p] = data
	return nil
}
