// Command parindex builds the static transparency site of a province's PAR
// Index (Chỉ số CCHC) from score workbooks and decision documents. The
// commands only wire the stages under internal/; see README.md.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
