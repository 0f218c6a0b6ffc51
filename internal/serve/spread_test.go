package serve

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// BenchmarkSaveSpread measures how long the burst of watcher events of one
// save lasts, from its first event to its last that the preview does not
// ignore, for the ways editors save: the debounce must cover it (see
// DefaultDebounce). It reports the median and the slowest spread.
//
//	go test -run '^$' -bench SaveSpread -benchtime 50x ./internal/serve/
func BenchmarkSaveSpread(b *testing.B) {
	for _, style := range []struct {
		name string
		save func(p string, data []byte) error
	}{
		{"in-place", func(p string, data []byte) error { return os.WriteFile(p, data, 0o644) }},
		{"temp-rename", func(p string, data []byte) error {
			tmp := p + ".tmp"
			if err := os.WriteFile(tmp, data, 0o644); err != nil {
				return err
			}
			return os.Rename(tmp, p)
		}},
		{"backup-rename", func(p string, data []byte) error { // vim's default
			if err := os.Rename(p, p+"~"); err != nil {
				return err
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				return err
			}
			return os.Remove(p + "~")
		}},
	} {
		b.Run(style.name, func(b *testing.B) {
			dir := b.TempDir()
			p := filepath.Join(dir, "2024.md")
			if err := os.WriteFile(p, []byte("v0"), 0o644); err != nil {
				b.Fatal(err)
			}
			w, err := fsnotify.NewWatcher()
			if err != nil {
				b.Fatal(err)
			}
			defer w.Close()
			if err := w.Add(dir); err != nil {
				b.Fatal(err)
			}
			var spreads []time.Duration
			for i := 0; i < b.N; i++ {
				if err := style.save(p, []byte("narrative, version "+time.Now().String())); err != nil {
					b.Fatal(err)
				}
				var first, last time.Time
				quiet := time.NewTimer(100 * time.Millisecond)
			collect:
				for {
					select {
					case ev := <-w.Events:
						if ev.Op == fsnotify.Chmod || ignoredName(filepath.Base(ev.Name)) {
							continue
						}
						now := time.Now()
						if first.IsZero() {
							first = now
						}
						last = now
						quiet.Reset(100 * time.Millisecond)
					case err := <-w.Errors:
						b.Fatal(err)
					case <-quiet.C:
						break collect
					}
				}
				if first.IsZero() {
					b.Fatal("no event")
				}
				spreads = append(spreads, last.Sub(first))
			}
			slices.Sort(spreads)
			b.ReportMetric(float64(spreads[len(spreads)/2].Microseconds()), "median-µs")
			b.ReportMetric(float64(spreads[len(spreads)-1].Microseconds()), "max-µs")
		})
	}
}
