// Command echarts builds the ECharts bundle the site vendors under
// static/vendor/echarts: a tool of the repository, not a stage of the site
// generator, and its own Go module so that esbuild never enters the
// generator's dependency graph.
//
// Input: the npm registry's tarballs of echarts (version pinned below) and
// of the exact zrender and tslib versions its package metadata requires,
// each checked against the registry's dist.integrity before it is
// unpacked. Output, in -out: echarts.min.js (only the chart types,
// components and renderer listed in modules, bundled and minified with
// esbuild's Go API; no Node needed), the licence files of the bundled code,
// and manifest.json recording the versions, the tarballs' integrity, the
// modules and the output's SHA-256 (a test of the site checks the vendored
// file against it).
//
// Run it from this directory: go run . -out ../../static/vendor/echarts
// (or `make echarts` at the repository root). The output is deterministic:
// the same versions and module list give the same bytes.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"time"
)

func main() {
	out := flag.String("out", "", "directory to write echarts.min.js, its licences and manifest.json into (required)")
	registry := flag.String("registry", "https://registry.npmjs.org/", "npm registry to download the packages from")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run . -out DIR [-registry URL]")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	reg := &npmRegistry{base: *registry, client: &http.Client{Timeout: 2 * time.Minute}}
	m, err := run(ctx, reg, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "echarts:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s/%s: echarts %s, %d bytes, sha256 %s\n", *out, m.File, m.Echarts, m.Bytes, m.SHA256)
}
