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
	if e, w := l.Count(); e != 3 || w != 1 { // the duplicate counts once
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

// The configuration is printed before what it configures, whatever the
// file names: causes come before their consequences.
func TestConfigurationFirst(t *testing.T) {
	var l List
	l.Errorf(par.Source{File: "content/decisions/a.md", Line: 2}, "e1")
	l.Errorf(par.Source{File: "data/scores/2024/a.xlsx", Sheet: "S", Cell: "A1"}, "e2")
	l.Errorf(par.Source{File: "data/frameworks/so.yaml", Line: 9}, "e3")
	l.Errorf(par.Source{File: "data/units.yaml", Line: 30}, "e4")
	l.Errorf(par.Source{File: "data/site.yaml", Line: 1}, "e5")
	l.Errorf(par.Source{File: "data/frameworks/huyen.yaml", Line: 1}, "e6")
	want := "data/site.yaml:1: error: e5\n" +
		"data/units.yaml:30: error: e4\n" +
		"data/frameworks/huyen.yaml:1: error: e6\n" +
		"data/frameworks/so.yaml:9: error: e3\n" +
		"content/decisions/a.md:2: error: e1\n" +
		"data/scores/2024/a.xlsx: S!A1: error: e2\n"
	if got := l.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFolded(t *testing.T) {
	units := par.Source{File: "data/units.yaml", Line: 4}
	fw := par.Source{File: "data/frameworks/so.yaml", Line: 7}
	cell := func(c string) par.Source { return par.Source{File: "data/scores/2024/so.xlsx", Sheet: "PL", Cell: c} }
	doc := par.Source{File: "content/units/so-noi-vu.md", Line: 1}
	tests := []struct {
		name string
		add  func(l *List)
		want string
	}{{
		name: "consequences fold into the file that could not be read",
		add: func(l *List) {
			l.Errorf(units, "invalid YAML: mapping values are not allowed in this context")
			l.MarkRoot(0, KeyRegistry)
			l.Because(GroupKey("so")).Errorf(fw, "unknown group %q", "so")
			l.Because(NameKey("so noi vu")).Errorf(cell("B5"), "unknown unit %q", "Sở Nội vụ")
			l.Because(NameKey("so tu phap")).Errorf(cell("B6"), "unknown unit %q", "Sở Tư pháp")
			l.Because(UnitKey("so-noi-vu")).Warnf(doc, "narrative for unknown unit")
		},
		want: "data/units.yaml:4: error: invalid YAML: mapping values are not allowed in this context (and 3 further errors and 1 warning caused by this)\n",
	}, {
		name: "references to one missing id fold into the first, configuration first",
		add: func(l *List) {
			l.Because(UnitKey("so-noi-vu")).Warnf(doc, "narrative for unknown unit %q", "so-noi-vu")
			l.Because(UnitKey("so-noi-vu")).Errorf(fw, "lead %q is not a unit", "so-noi-vu")
			l.Because(UnitKey("so-noi-vu")).Errorf(units, "unknown unit %q", "so-noi-vu")
			l.Because(UnitKey("so-tu-phap")).Errorf(cell("A1"), "unknown unit %q", "so-tu-phap")
		},
		want: "data/units.yaml:4: error: unknown unit \"so-noi-vu\" (and 1 further error and 1 warning with the same cause)\n" +
			"data/scores/2024/so.xlsx: PL!A1: error: unknown unit \"so-tu-phap\"\n",
	}, {
		name: "the first error of a cause heads it, even after a warning",
		add: func(l *List) {
			l.Because(UnitKey("x")).Warnf(doc, "narrative for unknown unit")
			l.Because(UnitKey("x")).Errorf(cell("B5"), "unknown unit")
			l.Because(UnitKey("x")).Errorf(cell("B7"), "unknown unit")
		},
		want: "data/scores/2024/so.xlsx: PL!B5: error: unknown unit (and 1 further error and 1 warning with the same cause)\n",
	}, {
		name: "a root warning takes warnings only",
		add: func(l *List) {
			l.Warnf(fw, "framework ignored")
			l.MarkRoot(0, KeyFrameworks) // marks errors only: nothing
			l.Because(FrameworkKey("so")).Errorf(cell("A1"), "no framework for group %q", "so")
			l.Because(FrameworkKey("so")).Errorf(cell("A9"), "no framework for group %q", "so")
		},
		want: "data/frameworks/so.yaml:7: warning: framework ignored\n" +
			"data/scores/2024/so.xlsx: PL!A1: error: no framework for group \"so\" (and 1 further error with the same cause)\n",
	}, {
		name: "a key covers only its own causes",
		add: func(l *List) {
			l.Errorf(fw, "invalid YAML")
			l.MarkRoot(0, FrameworkKey("so")+"|"+FrameworkKey("tw"))
			l.Because(FrameworkKey("so")).Errorf(cell("A1"), "no framework for group %q", "so")
			l.Because(FrameworkKey("tw")).Errorf(cell("A2"), "no framework for group %q", "tw")
			l.Because(FrameworkKey("huyen")).Errorf(cell("A3"), "no framework for group %q", "huyen")
			l.Because(FrameworkKey("so-2")).Errorf(cell("A4"), "no framework for group %q", "so-2")
		},
		want: "data/frameworks/so.yaml:7: error: invalid YAML (and 2 further errors caused by this)\n" +
			"data/scores/2024/so.xlsx: PL!A3: error: no framework for group \"huyen\"\n" +
			"data/scores/2024/so.xlsx: PL!A4: error: no framework for group \"so-2\"\n",
	}, {
		name: "chains end at the first cause",
		add: func(l *List) {
			l.Errorf(units, "invalid YAML")
			l.MarkRoot(0, KeyRegistry)
			l.Because(GroupKey("so")).Errorf(fw, "unknown group %q", "so")
			l.MarkRoot(1, FrameworkKey("so"))
			l.Because(FrameworkKey("so")).Errorf(cell("A1"), "no framework for group %q", "so")
		},
		want: "data/units.yaml:4: error: invalid YAML (and 2 further errors caused by this)\n",
	}, {
		name: "nothing to fold",
		add: func(l *List) {
			l.Errorf(units, "a")
			l.Warnf(units, "b")
		},
		want: "data/units.yaml:4: error: a\ndata/units.yaml:4: warning: b\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l List
			tt.add(&l)
			if got := l.String(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	var l List
	l.Errorf(par.Source{File: "data/units.yaml", Line: 1}, "invalid YAML")
	l.MarkRoot(0, KeyRegistry)
	for _, c := range []string{"A1", "A2", "A3"} {
		l.Because(UnitKey("x")).Errorf(par.Source{File: "f.xlsx", Sheet: "S", Cell: c}, "unknown unit")
	}
	l.Warnf(par.Source{File: "a.md", Line: 1}, "w")
	l.Warnf(par.Source{File: "a.md", Line: 1}, "w") // a duplicate counts once
	e, w, folded := Counts(l.Folded())
	if e != 1 || w != 1 || folded != 3 {
		t.Errorf("Counts = %d errors, %d warnings, %d folded; want 1, 1, 3", e, w, folded)
	}
	if e, w := l.Count(); e != 4 || w != 1 {
		t.Errorf("Count = %d, %d; want 4, 1", e, w)
	}
}

// The error a ListError names is an error, even when a warning sorts first.
func TestListErrorNamesAnError(t *testing.T) {
	var l List
	l.Warnf(par.Source{File: "data/site.yaml", Line: 1}, "a warning")
	l.Errorf(par.Source{File: "data/units.yaml", Line: 3}, "first error")
	l.Errorf(par.Source{File: "data/units.yaml", Line: 9}, "second error")
	want := "2 errors in input, first: data/units.yaml:3: error: first error"
	if got := l.Err().Error(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	var one List
	one.Warnf(par.Source{File: "data/site.yaml", Line: 1}, "a warning")
	one.Errorf(par.Source{File: "data/units.yaml", Line: 3}, "only error")
	if got, want := one.Err().Error(), "data/units.yaml:3: error: only error"; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestIn(t *testing.T) {
	tests := []struct {
		dir  string
		src  par.Source
		want string
	}{
		{"../proj", par.Source{File: "data/units.yaml", Line: 3}, "../proj/data/units.yaml:3: error: m"},
		{".", par.Source{File: "data/units.yaml", Line: 3}, "data/units.yaml:3: error: m"},
		{"", par.Source{File: "data/units.yaml", Line: 3}, "data/units.yaml:3: error: m"},
		{"proj/", par.Source{File: "data/a.xlsx", Sheet: "S", Cell: "B2"}, "proj/data/a.xlsx: S!B2: error: m"},
		{"proj", par.Source{}, "error: m"},
	}
	for _, tt := range tests {
		d := Diagnostic{Source: tt.src, Msg: "m"}
		if got := d.In(tt.dir).String(); got != tt.want {
			t.Errorf("In(%q) = %q, want %q", tt.dir, got, tt.want)
		}
	}
	// Project paths named in the message move too; quoted values do not.
	d := Diagnostic{Source: par.Source{File: "content/decisions/b.md", Line: 5},
		Msg: `decision 2 and decision 1 (content/decisions/a.md) both publish; no workbook under data/scores/2030/ gives any; attachment "data/x.pdf" must be inside content/`}
	want := `../proj/content/decisions/b.md:5: error: decision 2 and decision 1 (../proj/content/decisions/a.md) both publish; no workbook under ../proj/data/scores/2030/ gives any; attachment "data/x.pdf" must be inside ../proj/content/`
	if got := d.In("../proj").String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
