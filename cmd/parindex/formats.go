package main

import (
	"github.com/spf13/cobra"

	"parindex"
)

// newFormatsTopic is the help topic `parindex help formats`: FORMATS.md,
// embedded, so the input formats can be read without the source tree.
func newFormatsTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "formats",
		Short: "Input formats: every file, key and workbook layout, with examples",
		Long:  parindex.Formats,
	}
}
