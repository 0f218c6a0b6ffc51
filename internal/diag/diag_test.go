package diag

import (
	"testing"

	"parindex/internal/par"
)

func TestSortedByPlace(t *testing.T) {
	var l List
	l.Errorf(par.Source{File: "b.xlsx", Sheet: "S", Cell: "B10"}, "third")
	l.Errorf(par.Source{File: "b.xlsx", Sheet: "S", Cell: "C2"}, "second")
	l.Warnf(par.Source{File: "a.md", Line: 4}, "first")
	l.Errorf(par.Source{File: "b.xlsx", Sheet: "S", Cell: "AA10"}, "fourth")
	l.Errorf(par.Source{File: "b.xlsx", Sheet: "S", Cell: "AA10"}, "fourth")
	want := "a.md:4: warning: first\n" +
		"b.xlsx: S!C2: error: second\n" +
		"b.xlsx: S!B10: error: third\n" +
		"b.xlsx: S!AA10: error: fourth\n"
	if got := l.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if e, w := l.Count(); e != 4 || w != 1 {
		t.Errorf("count = %d, %d", e, w)
	}
	if l.Err() == nil {
		t.Error("Err() = nil with errors")
	}
}

func TestWarningsAreNotErrors(t *testing.T) {
	var l List
	l.Warnf(par.Source{File: "x"}, "w")
	if l.Err() != nil {
		t.Error("warnings only must not fail")
	}
}
