// Package parindex holds the default theme of the site generator: the
// html/template files under templates/ and the static assets under static/
// (stylesheet, scripts, vendored ECharts). Embedding them makes `go install`
// alone give a working tool; a site project's own templates/ override these
// by file name.
package parindex

import "embed"

// Theme is the default theme: templates/*.html and static/**.
//
//go:embed templates static
var Theme embed.FS
