package ingest

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"parindex/internal/par"
)

// loadFolded runs Load and returns the diagnostics as printed: sorted,
// consequences folded into their cause.
func loadFolded(t testing.TB, fsys fstest.MapFS) (*par.Dataset, []string) {
	t.Helper()
	ds, d := Load(fsys, Options{Workers: 2})
	var out []string
	for _, x := range d.Folded() {
		out = append(out, x.String())
	}
	return ds, out
}

const oneGroup = "groups:\n  - id: so\n    name: Sở\nunits:\n"

// Rule (FORMATS.md, "Renaming"): a rename is a name with its from date; a
// renamed event is optional and must agree with a name's from; every name
// takes effect within the unit's life. Each disagreement is an error at
// its line; a rename written only in names gets its event.
func TestRenames(t *testing.T) {
	tests := []struct {
		name   string
		unit   string // one unit entry, from line 5
		want   []string
		events string // the unit's events after loading: "kind date" …
	}{{
		name: "names only: the rename gets its event",
		unit: `  - id: so-a
    group: so
    names:
      - {name: Sở A}
      - {name: Sở A mới, from: 2024-01-15}
`,
		events: "renamed 2024-01-15",
	}, {
		name: "names and a renamed event that agree",
		unit: `  - id: so-a
    group: so
    names:
      - {name: Sở A}
      - {name: Sở A mới, from: 2024-01-15}
    events:
      - {date: 2024-01-15, type: renamed}
`,
		events: "renamed 2024-01-15",
	}, {
		name: "the derived event goes in date order among the others",
		unit: `  - id: so-a
    group: so
    names:
      - {name: Sở A}
      - {name: Sở A mới, from: 2022-02-01}
    events:
      - {date: 2019-01-01, type: created}
      - {date: 2025-03-01, type: dissolved}
`,
		events: "created 2019-01-01, renamed 2022-02-01, dissolved 2025-03-01",
	}, {
		name: "a renamed event on a day no name starts",
		unit: `  - id: so-a
    group: so
    names:
      - {name: Sở A}
      - {name: Sở A mới, from: 2024-01-15}
    events:
      - {date: 2024-01-16, type: renamed}
`,
		want: []string{
			`data/units.yaml:11: error: renamed event on 2024-01-16, but no name of unit "so-a" takes effect that day (its names take effect on 2024-01-15); a rename's date is the from of its new name`,
		},
		events: "renamed 2024-01-15, renamed 2024-01-16",
	}, {
		name: "a renamed event on a unit with one name",
		unit: `  - id: so-a
    group: so
    name: Sở A
    events:
      - {date: 2024-01-15, type: renamed}
`,
		want: []string{
			`data/units.yaml:9: error: renamed event on 2024-01-15, but unit "so-a" has only one name: record the rename in names, the old name first, then {name: <new name>, from: 2024-01-15}`,
		},
		events: "renamed 2024-01-15",
	}, {
		name: "two renamed events on one day",
		unit: `  - id: so-a
    group: so
    names:
      - {name: Sở A}
      - {name: Sở A mới, from: 2024-01-15}
    events:
      - {date: 2024-01-15, type: renamed}
      - {date: 2024-01-15, type: renamed, note: again}
`,
		want:   []string{`data/units.yaml:12: error: unit "so-a" has two renamed events on 2024-01-15`},
		events: "renamed 2024-01-15, renamed 2024-01-15",
	}, {
		name: "a name taking effect before the unit was created",
		unit: `  - id: so-a
    group: so
    names:
      - {name: Sở A}
      - {name: Sở A mới, from: 2018-06-01}
    events:
      - {date: 2019-01-01, type: created}
`,
		want:   []string{`data/units.yaml:9: error: name "Sở A mới" takes effect on 2018-06-01, before unit "so-a" was created on 2019-01-01`},
		events: "renamed 2018-06-01, created 2019-01-01",
	}, {
		name: "a name taking effect after the unit ceased",
		unit: `  - id: so-a
    group: so
    names:
      - {name: Sở A}
      - {name: Sở A mới, from: 2025-03-01}
    events:
      - {date: 2025-03-01, type: dissolved}
`,
		want:   []string{`data/units.yaml:9: error: name "Sở A mới" takes effect on 2025-03-01, when unit "so-a" had already ceased on 2025-03-01`},
		events: "dissolved 2025-03-01, renamed 2025-03-01",
	}, {
		name: "renamed takes no units",
		unit: `  - id: so-a
    group: so
    names:
      - {name: Sở A}
      - {name: Sở A mới, from: 2024-01-15}
    events:
      - {date: 2024-01-15, type: renamed, units: [so-a]}
`,
		want: []string{
			`data/units.yaml:11: error: event refers to the unit itself`,
			`data/units.yaml:11: error: renamed takes no units (a rename is recorded in names: the new name with its from date)`,
		},
		events: "renamed 2024-01-15",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, diags := load(t, yamlFS(map[string]string{"data/units.yaml": oneGroup + tt.unit, "data/frameworks/so-2023.yaml": ""}))
			wantDiags(t, diags, tt.want...)
			u := ds.Registry.Unit("so-a")
			if u == nil {
				t.Fatal("unit so-a not loaded")
			}
			var got []string
			for _, e := range u.Events {
				got = append(got, string(e.Kind)+" "+e.Date.ISO())
			}
			if g := strings.Join(got, ", "); g != tt.events {
				t.Errorf("events: %s, want %s", g, tt.events)
			}
		})
	}
}

// A derived renamed event points at the name that records the rename.
func TestDerivedRenameSource(t *testing.T) {
	ds, diags := load(t, yamlFS(map[string]string{"data/units.yaml": oneGroup + `  - id: so-a
    group: so
    names:
      - {name: Sở A}
      - {name: Sở A mới, from: 2024-01-15}
`, "data/frameworks/so-2023.yaml": ""}))
	wantDiags(t, diags)
	e := ds.Registry.Unit("so-a").Events[0]
	if e.Src.String() != "data/units.yaml:9" {
		t.Errorf("derived event at %s, want data/units.yaml:9 (the from of the new name)", e.Src)
	}
}

// Rule: an id the registry lacks gets a "did you mean" from the registry:
// the id of a unit or group written by its name, or ids a few edits away.
func TestUnknownIDHints(t *testing.T) {
	units := strings.Replace(unitsYAML, "    parent: huyen-an-lam\n", "    parent: Huyện An Lâm\n", 1) + `  - id: so-moi
    group: so
    name: Sở Mới
    events:
      - {date: 2025-03-01, type: created, units: [so-tu-phapp, so-noi-vu]}
      - {date: 2025-03-01, type: merged-from, units: [SO-NOI-VU]}
  - id: xa-2
    group: Xã
    name: Xã Hai
`
	fw := strings.Replace(frameworkYAML, "    title: Công tác chỉ đạo, điều hành\n", "    title: Công tác chỉ đạo, điều hành\n    lead: so-noi-vuu\n", 1)
	decision := "---\nnumber: 1/QĐ-UBND\ndate: 2024-02-01\nyear: 2023\ntitle: T\ngroups: [so, huyenn]\n---\n"
	_, diags := load(t, yamlFS(map[string]string{
		"data/units.yaml":              units,
		"data/frameworks/so-2023.yaml": fw,
		"content/decisions/qd-1.md":    decision,
		"content/units/so-noi-vu1.md":  "x",
		"content/years/2023/so-.md":    "x",
	}))
	wantDiags(t, diags,
		`data/units.yaml:33: error: unknown unit "Huyện An Lâm" (did you mean "huyen-an-lam", the id of UBND huyện An Lâm? units are named by their id here)`,
		`data/units.yaml:39: error: unknown unit "so-tu-phapp" (did you mean "so-tu-phap"?)`,
		`data/units.yaml:40: error: unknown unit "SO-NOI-VU" (did you mean "so-noi-vu", the id of Sở Nội vụ? units are named by their id here)`,
		`data/units.yaml:42: error: unknown group "Xã" (did you mean "xa"?)`,
		`data/frameworks/so-2023.yaml:12: error: lead "so-noi-vuu" is not a unit (did you mean "so-noi-vu"?)`,
		`content/decisions/qd-1.md:6: error: unknown group "huyenn" (did you mean "huyen"?)`,
		`content/units/so-noi-vu1.md:1: warning: narrative for unit "so-noi-vu1", which is not in data/units.yaml (did you mean "so-noi-vu"?); it is not shown`,
		`content/years/2023/so-.md:1: warning: narrative for group "so-", which is not in data/units.yaml (did you mean "so"?); it is not shown`,
	)
}

// One fault gives one error at its cause: each case breaks one thing in a
// project with workbooks and content, and exactly one error is printed,
// with every consequence folded into it.
func TestOneFaultOneError(t *testing.T) {
	annex := func() []byte {
		return book(t, sheet("PL", nil,
			[]any{"STT", "Tên cơ quan, đơn vị", "Tổng điểm", "Chỉ số CCHC (%)", "Xếp hạng"},
			[]any{1, "Sở Nội vụ", 90, 90, 1},
			[]any{2, "Sở Tư pháp", 80, 80, 2},
			[]any{3, "Sở Khoa học và Công nghệ", 70, 70, 3},
		))
	}
	project := func(files map[string]string) fstest.MapFS {
		fsys := yamlFS(files)
		for _, y := range []string{"2023", "2024"} {
			fsys["data/scores/"+y+"/phu-luc.xlsx"] = &fstest.MapFile{Data: annex()}
			fsys["data/scores/"+y+"/so-noi-vu.xlsx"] = &fstest.MapFile{Data: book(t, stdSheet("Sở Nội vụ", ""))}
		}
		fsys["content/units/so-tu-phap.md"] = &fstest.MapFile{Data: []byte("Sở Tư pháp")}
		fsys["content/years/2023/so.md"] = &fstest.MapFile{Data: []byte("Khối sở")}
		return fsys
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{{
		name:  "units.yaml does not parse",
		files: map[string]string{"data/units.yaml": "groups:\n  - id: so\n    name: [Sở\n"},
		want:  `data/units.yaml:3: error: invalid YAML: did not find expected ',' or ']' (and 9 further errors and 2 warnings caused by this)`,
	}, {
		name:  "units.yaml is missing",
		files: map[string]string{"data/units.yaml": ""},
		want:  `data/units.yaml: error: cannot read file: file does not exist (and 9 further errors and 2 warnings caused by this)`,
	}, {
		name:  "units.yaml has no units",
		files: map[string]string{"data/units.yaml": "groups:\n  - id: so\n    name: Sở\n"},
		want:  `data/units.yaml:1: error: missing key "units" in units.yaml (and 8 further errors and 1 warning caused by this)`,
	}, {
		name:  "a framework does not parse",
		files: map[string]string{"data/frameworks/so-2023.yaml": "id: so-2023\ngroups: [so\n"},
		want:  `data/frameworks/so-2023.yaml:2: error: invalid YAML: did not find expected ',' or ']' (and 2 further errors caused by this)`,
	}, {
		name:  "a framework names a group that does not exist",
		files: map[string]string{"data/frameworks/so-2023.yaml": strings.Replace(frameworkYAML, "groups: [so]", "groups: [sox]", 1)},
		want:  `data/frameworks/so-2023.yaml:3: error: unknown group "sox" (did you mean "so"?) (and 2 further errors caused by this)`,
	}, {
		name:  "a unit's name misspelt in units.yaml",
		files: map[string]string{"data/units.yaml": strings.Replace(unitsYAML, "name: Sở Tư pháp", "name: Sở Tư phát", 1)},
		want:  `data/scores/2023/phu-luc.xlsx: PL!B3: error: unknown unit "Sở Tư pháp" (did you mean "Sở Tư phát"?) (and 1 further error with the same cause)`,
	}, {
		name: "a duplicate unit id drops the second unit and its name",
		files: map[string]string{"data/units.yaml": strings.Replace(unitsYAML, "  - id: so-tu-phap\n", "  - id: so-noi-vu\n", 1) +
			"  - id: so-tu-phap-2\n    group: huyen\n    name: Huyện Tư\n"},
		want: `data/units.yaml:16: error: duplicate unit id "so-noi-vu" (first at line 11) (and 2 further errors caused by this)`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := loadFolded(t, project(tt.files))
			var errs []string
			for _, g := range got {
				if strings.Contains(g, ": error: ") {
					errs = append(errs, g)
				}
			}
			wantDiags(t, errs, tt.want)
		})
	}
}

// check prints paths from where it runs: a cell copied from `check --root
// proj` output into the reconciliation register names the same workbook.
func TestReconciliationCellAsPrintedElsewhere(t *testing.T) {
	for _, cell := range []string{
		"data/scores/2023/phu-luc.xlsx: Phụ lục I!I12",
		"proj/data/scores/2023/phu-luc.xlsx: Phụ lục I!I12",
		"../du-an/data/scores/2023/phu-luc.xlsx: Phụ lục I!I12",
		`..\du-an\data\scores\2023\phu-luc.xlsx: Phụ lục I!I12`,
	} {
		reg := "differences:\n  - cells: [" + strconv.Quote(cell) + "]\n    published: Khá\n    rule: Tốt\n    reason: in nhầm\n    recorded_by: A\n    date: 2024-03-02\n"
		ds, _ := load(t, yamlFS(map[string]string{"data/reconciliation.yaml": reg}))
		if len(ds.Reconciliations) != 1 || len(ds.Reconciliations[0].Cells) != 1 {
			t.Fatalf("%s: not read: %+v", cell, ds.Reconciliations)
		}
		if got := ds.Reconciliations[0].Cells[0].String(); got != "data/scores/2023/phu-luc.xlsx: Phụ lục I!I12" {
			t.Errorf("%s: read as %s", cell, got)
		}
	}
}
