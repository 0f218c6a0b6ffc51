# parindex workflow. `make site` and `make test` are the two commands README
# starts with; the others are for working on parindex itself.

GO ?= go

.PHONY: site test check serve golden example bench weight echarts fmt vet clean

# site: build the bundled example (data/ + content/) into site/.
site:
	$(GO) run ./cmd/parindex build

# test: the whole suite — unit, golden, CLI (testscript) and browser
# (headless chromium) tests. The browser test skips without chromium unless
# CI=true, when a missing chromium fails it. The last line says how many
# browser checks ran or were skipped (go test hides a passing package's
# output; the browser tests write the line to .browser-checks). The ECharts
# bundler (tools/echarts) is a module of its own, so ./... leaves it out:
# its tests (no network) run first. The browser tests alone take 5–11
# minutes on a busy 2-core machine, past go test's default 10-minute limit:
# -timeout 30m.
test:
	$(GO) vet ./...
	cd tools/echarts && $(GO) vet . && $(GO) test .
	@PARINDEX_BROWSER_SUMMARY=$(CURDIR)/.browser-checks $(GO) test -timeout 30m ./...; status=$$?; \
	if [ -f .browser-checks ]; then cat .browser-checks; else echo "browser checks: no summary (internal/e2e did not run)"; fi; \
	exit $$status

# check: validate the bundled example's input and print every problem.
check:
	$(GO) run ./cmd/parindex check

# serve: preview the example on http://127.0.0.1:8080/, rebuilding and
# reloading the browser on every change under data/, content/, templates/
# and static/.
serve:
	$(GO) run ./cmd/parindex serve

# golden: regenerate the golden files of the page, chart and markdown tests;
# review the diff before committing.
golden:
	$(GO) test ./internal/site ./internal/chart ./internal/docs -update

# example: regenerate the bundled example's inputs (deterministic; commit
# the result).
example:
	$(GO) run ./cmd/genexample -preset example -out .

# bench: generate the large input (UNITS units × 10 years, full detail
# sheets; `make bench UNITS=10000` for national size), build it and print
# pages/s and, per stage, time, heap allocations and peak heap, then the
# process's peak RSS; also the example, the preview's rebuilds and the
# workbooks at the size limits. A benchmark, not a timed test.
UNITS ?= 3000
bench:
	$(GO) test -run '^$$' -bench . -benchtime 1x -timeout 60m ./internal/build/ -args -units $(UNITS)

# weight: build the example and print what the portal serves: the whole
# site by file type, its largest page, and per page kind the HTML and the
# scripts and style sheets it loads, before and after gzip.
weight:
	$(GO) test ./internal/e2e -run '^TestSiteWeight$$' -count=1 -v | grep -v '^=== '

# echarts: rebuild the vendored ECharts bundle (static/vendor/echarts) from
# the npm registry's packages with esbuild. tools/echarts is a module of its
# own, so esbuild stays out of parindex's dependencies; commit the result
# (its manifest.json records versions, modules and the SHA-256).
echarts:
	cd tools/echarts && $(GO) run . -out ../../static/vendor/echarts

# fmt: format all Go code.
fmt:
	gofmt -w .

# vet: static checks.
vet:
	$(GO) vet ./...

# clean: remove the built site and leftovers of interrupted builds.
clean:
	rm -rf site site.tmp-* site.old site.lock coverage.out .browser-checks
