package parindex

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// firstViewJSBudget is what a page with charts may load of JavaScript,
// gzipped, on its first view (issue 14): the vendored ECharts plus every
// script of the site's own. Kilobytes of 1,000 bytes, the smaller reading.
const firstViewJSBudget = 230 * 1000

// gzipSize is len(b) gzipped at the default level, about what a web
// server sends.
func gzipSize(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// The vendored ECharts is the custom build its manifest describes (made by
// `make echarts`), and a page with charts stays within the JavaScript
// budget.
func TestVendoredECharts(t *testing.T) {
	const dir = "static/vendor/echarts"
	raw, err := fs.ReadFile(Theme, dir+"/manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Echarts  string   `json:"echarts"`
		File     string   `json:"file"`
		Bytes    int      `json:"bytes"`
		SHA256   string   `json:"sha256"`
		Licences []string `json:"licences"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if m.File != "echarts.min.js" {
		t.Errorf("manifest file = %q; templates/layout/base.html loads echarts.min.js", m.File)
	}
	js, err := fs.ReadFile(Theme, path.Join(dir, m.File))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(js)
	if got := hex.EncodeToString(sum[:]); got != m.SHA256 || len(js) != m.Bytes {
		t.Errorf("%s is %d bytes, sha256 %s; manifest.json says %d bytes, sha256 %s: rebuild with `make echarts`, never edit it by hand",
			m.File, len(js), got, m.Bytes, m.SHA256)
	}
	for _, l := range m.Licences {
		if _, err := fs.Stat(Theme, path.Join(dir, l)); err != nil {
			t.Errorf("licence %s named in the manifest: %v", l, err)
		}
	}

	echarts := gzipSize(t, js)
	own := 0
	// The scripts every page with a chart loads besides ECharts (the
	// layout's); a page's own script (compare.js, pair.js, tree.js…) comes
	// on top of them, and what each page kind really loads is measured
	// against the same budget on the built example (internal/e2e
	// TestSiteWeight).
	scripts := []string{"static/js/charts.js", "static/js/site.js", "static/js/search.js", "static/js/source.js"}
	for _, s := range scripts {
		b, err := fs.ReadFile(Theme, s)
		if err != nil {
			t.Fatal(err)
		}
		own += gzipSize(t, b)
	}
	t.Logf("gzipped: echarts %d + site scripts %d = %d bytes (budget %d)", echarts, own, echarts+own, firstViewJSBudget)
	if echarts > firstViewJSBudget-own {
		t.Errorf("gzipped, echarts %s is %d bytes and the site's scripts %d: %d in all, over the first-view budget of %d bytes",
			m.Echarts, echarts, own, echarts+own, firstViewJSBudget)
	}
}

// Every series type and component the chart stage's options use is in the
// custom build: an option naming a chart type the bundle lacks draws
// nothing, without an error. The golden options of internal/chart cover
// every chart function; a new one must be added to tools/echarts' modules.
func TestVendoredEChartsCoversCharts(t *testing.T) {
	raw, err := fs.ReadFile(Theme, "static/vendor/echarts/manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Modules []struct {
			Name string `json:"name"`
		} `json:"modules"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, mod := range m.Modules {
		have[mod.Name] = true
	}
	goldens, err := filepath.Glob(filepath.Join("internal", "chart", "testdata", "*.json"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden options in internal/chart/testdata: %v", err)
	}
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		var c struct {
			Option map[string]json.RawMessage
		}
		if err := json.Unmarshal(b, &c); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		need := map[string]bool{}
		for key, v := range c.Option {
			switch key {
			case "animation", "color", "series":
			case "xAxis", "yAxis":
				need["GridComponent"] = true
			case "radar":
				need["RadarChart"] = true // RadarChart brings the radar coordinate
			case "title", "toolbox":
				// go-echarts always writes them; empty, they draw nothing.
				if string(v) != "{}" {
					need[title(key)+"Component"] = true
				}
			default:
				need[title(key)+"Component"] = true
			}
		}
		var series []map[string]json.RawMessage
		if err := json.Unmarshal(c.Option["series"], &series); err != nil {
			t.Fatalf("%s: series: %v", g, err)
		}
		for _, s := range series {
			var typ string
			if err := json.Unmarshal(s["type"], &typ); err != nil {
				t.Fatalf("%s: series type: %v", g, err)
			}
			need[title(typ)+"Chart"] = true
			for _, mark := range []string{"markLine", "markPoint", "markArea"} {
				if _, ok := s[mark]; ok {
					need[title(mark)+"Component"] = true
				}
			}
		}
		for n := range need {
			if !have[n] {
				t.Errorf("%s uses %s, which the vendored ECharts does not include: add it to tools/echarts' modules and run make echarts", g, n)
			}
		}
	}
}
