package parindex

import _ "embed"

// Formats is FORMATS.md, the reference of every input file, key and
// workbook layout. It is embedded so a webmaster who has only the binary
// can read it (`parindex help formats`), and `parindex new` writes it into
// each new project.
//
//go:embed FORMATS.md
var Formats string
