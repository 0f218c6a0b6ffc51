// Package xlsx is the project's only importer of excelize: every other
// package sees workbooks as plain grids of strings or plain write specs.
//
// Stage: ingest helper (Read) and write helper (Write).
//
// Input of Read: the bytes of an untrusted .xlsx file (uploaded scoring
// sheets, published annexes) plus Limits. Output: a Book of Sheets, each a
// grid of raw cell texts with merges, formula flags, the decimals the
// number format of each numeric cell shows, and visibility, or a
// typed *Error that says which sheet and cell failed and why. Read guards
// against files that are too large, zip bombs, huge sheets and huge cells,
// never panics and never recalculates formulas (it returns cached values).
//
// Input of Write: a WBook spec (cells, styles, merges, column widths,
// data validations, frozen rows). Output: a byte-deterministic .xlsx, so
// generated workbooks can be committed and builds compared byte for byte.
package xlsx
