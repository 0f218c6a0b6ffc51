package build

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"parindex/internal/example"
)

// BenchmarkExample builds the bundled example (target: under 1 s).
func BenchmarkExample(b *testing.B) {
	root := repoRoot(b)
	out := b.TempDir()
	for i := 0; i < b.N; i++ {
		rep, err := Build(Options{Root: root, Out: filepath.Join(out, "site")})
		if err != nil {
			b.Fatal(err)
		}
		if i == b.N-1 {
			report(b, "example", rep, 0)
		}
	}
}

// benchUnits is the size of BenchmarkLarge's input: `make bench
// UNITS=10000` passes it as `-args -units 10000`.
var benchUnits = flag.Int("units", 3000, "BenchmarkLarge: number of units (× 10 years, full detail sheets)")

// BenchmarkLarge generates -units units (default about 3,000) × 10 years
// with full detail sheets and builds them (target: 1,000 pages/s or more
// on 2 cores). It prints each stage's time, heap allocations and peak
// heap, and the process's peak RSS. Set PARINDEX_BENCH_DIR to keep the
// generated input between runs (in a folder per number of units), and
// PARINDEX_BENCH_OUT to write the site somewhere else than a temporary
// directory (creating 33,000 files and directories costs what the file
// system makes it cost: on some machines /tmp is many times slower).
func BenchmarkLarge(b *testing.B) {
	dir, gen := benchInput(b, *benchUnits)
	out := b.TempDir()
	if o := os.Getenv("PARINDEX_BENCH_OUT"); o != "" {
		out = o
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := Build(Options{Root: dir, Out: filepath.Join(out, "site")})
		if err != nil {
			b.Fatal(err)
		}
		if i == b.N-1 {
			report(b, fmt.Sprintf("large (%d units)", *benchUnits), rep, gen)
		}
	}
}

// benchInput is the large preset at units units × 10 years, generated
// into PARINDEX_BENCH_DIR/units-N (kept between runs) or a temporary
// folder; gen is the time it took to generate, 0 when it was kept.
func benchInput(b *testing.B, units int) (dir string, gen time.Duration) {
	dir = os.Getenv("PARINDEX_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	} else {
		dir = filepath.Join(dir, fmt.Sprintf("units-%d", units))
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "units.yaml")); err != nil {
		t0 := time.Now()
		if err := example.Generate(dir, example.Options{Preset: "large", Units: units}); err != nil {
			b.Fatal(err)
		}
		gen = time.Since(t0)
	}
	return dir, gen
}

func report(b *testing.B, name string, rep *Report, gen time.Duration) {
	var total time.Duration
	var peak, allocs, allocBytes uint64
	fmt.Printf("\n%s: %d pages, %d files, %d workers\n", name, rep.Pages, rep.Files, runtime.NumCPU())
	if gen > 0 {
		fmt.Printf("  %-10s %10s\n", "generate", gen.Round(time.Millisecond))
	}
	fmt.Printf("  %-10s %10s %12s %12s %12s\n", "stage", "time", "allocated", "allocations", "peak heap")
	for _, s := range rep.Stages {
		total += s.Duration
		peak = max(peak, s.PeakHeapBytes)
		allocs += s.Allocs
		allocBytes += s.AllocBytes
		fmt.Printf("  %-10s %10s %8.1f MiB %12d %8.1f MiB\n", s.Name, s.Duration.Round(time.Millisecond), mib(s.AllocBytes), s.Allocs, mib(s.PeakHeapBytes))
	}
	pps := float64(rep.Pages) / total.Seconds()
	fmt.Printf("  %-10s %10s %8.1f MiB %12d %8.1f MiB   %.0f pages/s\n", "total", total.Round(time.Millisecond), mib(allocBytes), allocs, mib(peak), pps)
	if rss := peakRSS(); rss > 0 {
		fmt.Printf("  process peak RSS %.1f MiB\n", mib(rss))
	}
	b.ReportMetric(pps, "pages/s")
	b.ReportMetric(mib(peak), "peak-heap-MiB")
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }

// peakRSS reads the process's high-water resident set size (Linux only).
func peakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	var kb uint64
	for _, line := range splitLines(string(b)) {
		if _, err := fmt.Sscanf(line, "VmHWM: %d kB", &kb); err == nil {
			return kb << 10
		}
	}
	return 0
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

func repoRoot(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// BenchmarkPreview measures what the preview does after an edit of the
// example: the session's Update from the write to the last file written
// (targets: a narrative edit under 100 ms, a workbook edit under 500 ms,
// with serve's 20 ms debounce on top). Run with -benchtime 5x; it reports
// the median and the slowest of the runs.
//
//	go test -run '^$' -bench Preview -benchtime 5x ./internal/build/
func BenchmarkPreview(b *testing.B) {
	for _, kind := range []struct {
		name string
		edit func(b *testing.B, root string, i int)
	}{
		{"narrative", func(b *testing.B, root string, i int) {
			const at = "Kết quả năm 2024 được công bố"
			editFile(b, root, "content/years/2024.md", at, fmt.Sprintf("%s (lần sửa %d)", at, i))
		}},
		{"workbook", func(b *testing.B, root string, i int) {
			const remark = "Một số thủ tục chưa được công khai đầy đủ, kịp thời"
			editZip(b, root, "data/scores/2024/so-ban-nganh.xlsx", "xl/sharedStrings.xml", remark, fmt.Sprintf("%s (lần sửa %d)", remark, i))
		}},
	} {
		b.Run(kind.name, func(b *testing.B) {
			root := copyExample(b)
			out := filepath.Join(b.TempDir(), "served")
			s := NewSession(Options{Root: root})
			ctx := context.Background()
			if rep, err := s.Update(ctx, out); err != nil {
				b.Fatalf("%v\n%s", err, rep.Diagnostics)
			}
			var took []time.Duration
			var rep *Report
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				kind.edit(b, root, i)
				b.StartTimer()
				t0 := time.Now()
				var err error
				if rep, err = s.Update(ctx, out); err != nil {
					b.Fatalf("%v\n%s", err, rep.Diagnostics)
				}
				took = append(took, time.Since(t0))
			}
			slices.Sort(took)
			fmt.Printf("\npreview, %s edit: median %s, slowest %s over %d runs; last: %d of %d pages rendered, %d files written\n",
				kind.name, took[len(took)/2].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond), len(took), rep.Rendered, rep.Pages, rep.Written)
			for _, st := range rep.Stages {
				fmt.Printf("  %-8s %8s\n", st.Name, st.Duration.Round(100*time.Microsecond))
			}
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "median-ms")
		})
	}
}
