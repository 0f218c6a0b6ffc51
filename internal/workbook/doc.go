// Package workbook lays out parindex's two workbook kinds as plain
// xlsx.WSheet specs: the per-unit scoring sheet (phiếu chấm điểm) and the
// summary annex (phụ lục), in the layouts FORMATS.md documents and ingest
// reads back.
//
// Stage: output helper, used by `parindex template` (blank fill-in
// workbooks) and by internal/example (the generated example and benchmark
// inputs).
//
// Input: par values — a framework, a unit name and year, optionally one
// unit-year's scores (par.Sheet) or annex rows (par.Summary) — and options
// that choose among the layout variants real offices produce (label
// spellings, code column or codes inside the content, titles opening with
// another numbering's codes, the word for "not applicable", one or two
// appraisal rounds, numbers as text with a decimal comma, formula
// subtotals; in annexes, area columns under a merged group header, a row
// of maxima, serial numbers, and children listed under their parents).
//
// Output: xlsx.WSheet / xlsx.WBook values; internal/xlsx writes the bytes.
// Nothing here does I/O, and the same input always gives the same spec.
package workbook
