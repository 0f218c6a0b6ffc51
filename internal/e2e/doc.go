// Package e2e holds the browser tests. Stage: none — they check the output
// of all the stages together. Input: the bundled example (data/ and
// content/ at the repository root), built with build.Build under the base
// path /chi-so-cchc/ and served on loopback; and a minimal generated
// project previewed with internal/serve. Output: test results, and
// screenshots of the pages visited in $PARINDEX_SCREENSHOTS if set.
//
// They drive Debian's chromium (/usr/bin/chromium) with chromedp, of which
// this package is the only importer. TestBrowser visits one page of every
// template and variant (home, years, a year, a ranking, units, a unit, a
// full and an annex-only unit-year, decisions, a decision, methodology, a
// free page, 404), the pages with wide tables also on a phone's viewport,
// and checks that every chart container holds a rendered svg or canvas,
// that the console shows no error or exception, that no request leaves the
// site, that a phone never scrolls the page sideways, and that axe-core
// (vendored for tests only in testdata/axe) finds no serious or critical
// accessibility violation; TestAxeCatches checks that axe-core reports a
// page built to fail. TestPreviewReloads
// checks that the preview reloads an open page after an input changes and
// shows a failed rebuild's errors. Without chromium both are skipped,
// unless CI is set, when they fail.
package e2e
