package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// echartsVersion is pinned: the 5.x line is what go-echarts v2.7.2 writes
// options for (6.x changes default styles). zrender's and tslib's versions
// are the exact ones its package metadata names.
const echartsVersion = "5.6.0"

// outFile keeps the name of the full build it replaces, so the page
// templates' script tag stays as it is.
const outFile = "echarts.min.js"

// module is one export of echarts' ES module entry points that the bundle
// registers with echarts.use.
type module struct {
	From string `json:"from"` // echarts/charts, echarts/components or echarts/renderers
	Name string `json:"name"`
	For  string `json:"for"` // which of the site's charts needs it
}

// modules is everything the site's charts use (the options internal/chart
// writes, and static/js/charts.js's echarts.init with renderer 'svg'),
// and the charts of the comparison pages being built. The options' empty "title" and
// "toolbox" objects (go-echarts always writes them) draw nothing, so their
// components are left out: ECharts keeps an option of an unregistered
// component as a plain setting. No option sets "aria" (the pages give the
// chart box its own aria-label) or "dataset".
var modules = []module{
	{"echarts/charts", "BarChart", "ranking index, band distribution, area points; area profile with fewer than three areas or a gap"},
	{"echarts/charts", "LineChart", "unit history (index and rank), bump and slope charts"},
	{"echarts/charts", "BoxplotChart", "index distribution per year (five-number summary computed in Go)"},
	{"echarts/charts", "HeatmapChart", "heatmaps of units × areas"},
	{"echarts/charts", "ScatterChart", "ranking index as a dot plot on a zoomed value axis"},
	{"echarts/components", "GridComponent", "the cartesian axes of every bar and line chart"},
	{"echarts/components", "TooltipComponent", "tooltips (charts.js installs their formatter)"},
	{"echarts/components", "LegendComponent", "legends, plain and scroll"},
	{"echarts/components", "MarkLineComponent", "framework-change lines on the unit history and bump charts"},
	{"echarts/components", "VisualMapComponent", "the colour scale of heatmaps"},
	{"echarts/features", "LabelLayout", "labelLayout: the names at the lines' ends of bump and slope charts moved apart where they overlap"},
	{"echarts/renderers", "SVGRenderer", "charts.js draws with renderer 'svg' (no canvas renderer)"},
}

// licence is a file of a bundled package copied next to the bundle.
type licence struct{ pkg, from, to string }

var licences = []licence{
	{"echarts", "LICENSE", "LICENSE"},
	{"echarts", "NOTICE", "NOTICE"},
	{"echarts", "licenses/LICENSE-d3", "LICENSE-d3"}, // code derived from d3 is in echarts' core (util/number)
	{"zrender", "LICENSE", "LICENSE-zrender"},
	{"tslib", "LICENSE.txt", "LICENSE-tslib"},
}

// Manifest is manifest.json: what the vendored bundle is made of.
type Manifest struct {
	Echarts  string   `json:"echarts"`
	Packages []pkgRef `json:"packages"`
	Bundler  string   `json:"bundler"`
	Renderer string   `json:"renderer"`
	Modules  []module `json:"modules"`
	Planned  string   `json:"planned"`
	File     string   `json:"file"`
	Bytes    int      `json:"bytes"`
	SHA256   string   `json:"sha256"`
	Licences []string `json:"licences"`
	Rebuild  string   `json:"rebuild"`
	Global   string   `json:"global"`
	Entry    []string `json:"entry"`
}

type pkgRef struct {
	Name      string `json:"name"`
	Version   string `json:"version"`
	Integrity string `json:"integrity"`
}

// entry is the bundle's entry module: register the modules and export
// echarts/core's API, which esbuild assigns to the global `echarts` that
// static/js/charts.js expects.
func entry() []string {
	byFrom := map[string][]string{}
	var froms []string
	for _, m := range modules {
		if byFrom[m.From] == nil {
			froms = append(froms, m.From)
		}
		byFrom[m.From] = append(byFrom[m.From], m.Name)
	}
	lines := []string{"import { use } from 'echarts/core';"}
	var all []string
	for _, f := range froms {
		lines = append(lines, fmt.Sprintf("import { %s } from '%s';", strings.Join(byFrom[f], ", "), f))
		all = append(all, byFrom[f]...)
	}
	lines = append(lines,
		fmt.Sprintf("use([%s]);", strings.Join(all, ", ")),
		"export * from 'echarts/core';",
	)
	return lines
}

// run downloads and checks the packages, bundles them and writes the
// output into out.
func run(ctx context.Context, reg *npmRegistry, out string) (*Manifest, error) {
	pkgs, err := resolve(ctx, reg, "echarts", echartsVersion)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "echarts-build-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	nm := filepath.Join(tmp, "node_modules")
	m := &Manifest{
		Echarts:  echartsVersion,
		Bundler:  "esbuild " + esbuildVersion(),
		Renderer: "svg",
		Modules:  modules,
		Planned:  "none: every module is used by a chart of the site",
		File:     outFile,
		Global:   "echarts (echarts/core's exports: init, use, …)",
		Entry:    entry(),
		Rebuild:  "make echarts (cd tools/echarts && go run . -out ../../static/vendor/echarts)",
	}
	for _, p := range pkgs {
		b, err := reg.tarball(ctx, p)
		if err != nil {
			return nil, err
		}
		if err := unpack(b, filepath.Join(nm, p.Name)); err != nil {
			return nil, fmt.Errorf("%s@%s: %w", p.Name, p.Version, err)
		}
		m.Packages = append(m.Packages, pkgRef{p.Name, p.Version, p.Dist.Integrity})
	}

	js, err := bundle(tmp, strings.Join(m.Entry, "\n")+"\n", m)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(js)
	m.Bytes, m.SHA256 = len(js), hex.EncodeToString(sum[:])

	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	for _, l := range licences {
		b, err := os.ReadFile(filepath.Join(nm, l.pkg, filepath.FromSlash(l.from)))
		if err != nil {
			return nil, fmt.Errorf("licence of %s: %w", l.pkg, err)
		}
		if err := os.WriteFile(filepath.Join(out, l.to), b, 0o644); err != nil {
			return nil, err
		}
		m.Licences = append(m.Licences, l.to)
	}
	if err := os.WriteFile(filepath.Join(out, outFile), js, 0o644); err != nil {
		return nil, err
	}
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(out, "manifest.json"), append(mj, '\n'), 0o644); err != nil {
		return nil, err
	}
	return m, nil
}

// bundle runs esbuild over the entry with dir/node_modules as the only
// place imports resolve from.
func bundle(dir, src string, m *Manifest) ([]byte, error) {
	var pk []string
	for _, p := range m.Packages {
		if p.Name != "echarts" {
			pk = append(pk, p.Name+" "+p.Version)
		}
	}
	var mods []string
	for _, x := range modules {
		mods = append(mods, x.Name)
	}
	res := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   src,
			ResolveDir: dir,
			Sourcefile: "parindex-echarts-entry.js",
			Loader:     api.LoaderJS,
		},
		Bundle:     true,
		Format:     api.FormatIIFE,
		GlobalName: "echarts",
		Platform:   api.PlatformBrowser,
		// echarts' ES modules are ES5 already, like the full build the
		// bundle replaces; ES5 keeps esbuild's own wrapper ES5 too.
		Target: api.ES5,
		// Drops the development-only warnings and checks, as the
		// published echarts.min.js does.
		Define: map[string]string{"process.env.NODE_ENV": `"production"`},
		// Tree-shaking honours echarts' package.json sideEffects list.
		TreeShaking:       api.TreeShakingTrue,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		// The licences are files next to the bundle; the banner names them.
		LegalComments: api.LegalCommentsNone,
		Banner: map[string]string{"js": "/*! Apache ECharts " + echartsVersion + " (Apache-2.0, see LICENSE and NOTICE; d3-derived code: LICENSE-d3) with " +
			strings.Join(pk, ", ") + " (LICENSE-zrender, LICENSE-tslib); custom build: " + strings.Join(mods, ", ") + "; see manifest.json */"},
		Charset:  api.CharsetASCII,
		Write:    false,
		LogLevel: api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		var msgs []string
		for _, e := range api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage}) {
			msgs = append(msgs, strings.TrimSpace(e))
		}
		return nil, fmt.Errorf("esbuild:\n%s", strings.Join(msgs, "\n"))
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("esbuild wrote %d files, want 1", len(res.OutputFiles))
	}
	return res.OutputFiles[0].Contents, nil
}

// esbuildVersion is the esbuild module version this program was built
// with, from go.mod via the binary's build information.
func esbuildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/evanw/esbuild" {
				return d.Version
			}
		}
	}
	return "(unknown version)"
}
