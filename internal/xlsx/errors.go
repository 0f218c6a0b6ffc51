package xlsx

import (
	"errors"
	"fmt"
)

// Kinds of Read failure. Every error Read returns is an *Error whose Err is
// one of these (or, for a failing reader, the underlying I/O error), so
// callers can branch with errors.Is and still print Error() verbatim.
var (
	ErrNotXLSX       = errors.New("not an .xlsx workbook")
	ErrEncrypted     = errors.New("encrypted workbook")
	ErrFileTooLarge  = errors.New("file too large")
	ErrUnzipTooLarge = errors.New("decompressed size over limit")
	ErrTooManyRows   = errors.New("too many rows")
	ErrTooManyCols   = errors.New("too many columns")
	ErrCellTooLarge  = errors.New("cell too large")
	ErrCorrupt       = errors.New("corrupt workbook")
	ErrInvalidText   = errors.New("text is not UTF-8")
)

// Error locates a Read failure. Sheet and Cell are empty when the failure
// concerns the whole file or the whole sheet.
type Error struct {
	Sheet string // sheet name as shown on its tab
	Cell  string // A1-style cell name, e.g. "B7"
	Msg   string // human-readable, without location
	Err   error  // kind: one of the Err* values above, or an I/O error
}

// Error formats as "sheet!cell: msg", "sheet: msg" or "msg" so the caller
// only has to prefix the file name.
func (e *Error) Error() string {
	switch {
	case e.Sheet != "" && e.Cell != "":
		return e.Sheet + "!" + e.Cell + ": " + e.Msg
	case e.Sheet != "":
		return e.Sheet + ": " + e.Msg
	case e.Cell != "":
		return e.Cell + ": " + e.Msg
	}
	return e.Msg
}

// Unwrap exposes the kind for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// stopped is the error of a read given up because its context is done.
func stopped(err error) *Error {
	return &Error{Msg: "reading stopped: " + err.Error(), Err: err}
}

func newErr(kind error, sheet, cell, format string, args ...any) *Error {
	return &Error{Sheet: sheet, Cell: cell, Msg: fmt.Sprintf(format, args...), Err: kind}
}

// sizeText prints a byte limit the way a user typed it: "64 MiB", "4 KiB"
// or "1000 bytes".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
