package site

import "parindex/internal/par"

type decisionsPage struct {
	meta
	Docs []*par.Doc
}
