package build

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
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

// BenchmarkLarge generates about 3,000 units × 10 years with full detail
// sheets and builds them (target: 1,000 pages/s or more on 2 cores). Set
// PARINDEX_BENCH_DIR to keep the generated input between runs, and
// PARINDEX_BENCH_OUT to write the site somewhere else than a temporary
// directory (creating 33,000 files and directories costs what the file
// system makes it cost: on some machines /tmp is many times slower).
func BenchmarkLarge(b *testing.B) {
	dir := os.Getenv("PARINDEX_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	var gen time.Duration
	if _, err := os.Stat(filepath.Join(dir, "data", "units.yaml")); err != nil {
		t0 := time.Now()
		if err := example.Generate(dir, example.Options{Preset: "large"}); err != nil {
			b.Fatal(err)
		}
		gen = time.Since(t0)
	}
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
			report(b, "large", rep, gen)
		}
	}
}

func report(b *testing.B, name string, rep *Report, gen time.Duration) {
	var total time.Duration
	var peak uint64
	fmt.Printf("\n%s: %d pages, %d files, %d workers\n", name, rep.Pages, rep.Files, runtime.NumCPU())
	if gen > 0 {
		fmt.Printf("  %-10s %10s\n", "generate", gen.Round(time.Millisecond))
	}
	fmt.Printf("  %-10s %10s %12s\n", "stage", "time", "peak heap")
	for _, s := range rep.Stages {
		total += s.Duration
		if s.PeakHeapBytes > peak {
			peak = s.PeakHeapBytes
		}
		fmt.Printf("  %-10s %10s %9.1f MiB\n", s.Name, s.Duration.Round(time.Millisecond), float64(s.PeakHeapBytes)/(1<<20))
	}
	pps := float64(rep.Pages) / total.Seconds()
	fmt.Printf("  %-10s %10s %9.1f MiB   %.0f pages/s\n", "total", total.Round(time.Millisecond), float64(peak)/(1<<20), pps)
	if rss := peakRSS(); rss > 0 {
		fmt.Printf("  process peak RSS %.1f MiB\n", float64(rss)/(1<<20))
	}
	b.ReportMetric(pps, "pages/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

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
