// Package e2e holds the browser tests. Stage: none — they check the output
// of all the stages together. Input: the bundled example (data/ and
// content/ at the repository root), built with build.Build under the base
// path /chi-so-cchc/ and served on loopback; and a minimal generated
// project previewed with internal/serve. Output: test results, and
// screenshots of the pages visited in $PARINDEX_SCREENSHOTS if set.
//
// They drive Debian's chromium (/usr/bin/chromium) with chromedp, of which
// this package is the only importer. TestBrowser checks on the home page, a
// ranking, a unit, a unit-year and the methodology page that every chart
// container holds a rendered svg or canvas, that the console shows no error
// or exception, and that no request leaves the site. TestPreviewReloads
// checks that the preview reloads an open page after an input changes and
// shows a failed rebuild's errors. Without chromium both are skipped,
// unless CI is set, when they fail.
package e2e
