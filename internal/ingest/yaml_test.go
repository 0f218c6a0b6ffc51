package ingest

import (
	"testing"
	"testing/fstest"
)

func yamlFS(files map[string]string) fstest.MapFS {
	fsys := baseFS()
	for k, v := range files {
		if v == "" {
			delete(fsys, k)
			continue
		}
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

// Rule: units.yaml problems are errors at their line: unknown keys
// (typos), duplicate ids, unknown groups, units and event types, bad dates,
// parents outside the parent group, ambiguous names; a merger described
// from one side only is a warning.
func TestUnitsYAMLMalformed(t *testing.T) {
	const units = `groups:
  - id: so
    name: Sở, ban, ngành
  - id: so
    name: Trùng
  - id: huyen
    name: Huyện
  - id: xa
    name: Xã
    parent_group: huyen
    unranked: maybe
units:
  - id: so-a
    group: so
    nmae: typo
    name: Sở A
    events:
      - {date: 2025-03-01, type: merged-into, unit: so-b}
  - id: so-b
    group: so
    name: Sở B
  - id: so-a
    group: so
    name: Sở A khác
  - id: so-c
    group: sox
    name: SỞ A
    events:
      - {date: 2025-02-30, type: merge, units: [so-z]}
  - id: xa-1
    group: xa
    parent: so-b
    name: Xã 1
  - id: Xa 2
    group: xa
    names:
      - {name: Xã Hai}
      - {name: Xã Hai Mới}
`
	_, diags := load(t, yamlFS(map[string]string{"data/units.yaml": units}))
	wantDiags(t, diags,
		"data/units.yaml:4: error: duplicate group id \"so\" (first at line 2)",
		"data/units.yaml:11: error: unranked must be true or false, not \"maybe\"",
		"data/units.yaml:15: error: unknown key \"nmae\" in unit (did you mean \"name\"?)",
		"data/units.yaml:18: warning: merged into \"so-b\", but \"so-b\" has no merged-from event listing \"so-a\"",
		"data/units.yaml:22: error: duplicate unit id \"so-a\" (first at line 13)",
		"data/units.yaml:26: error: unknown group \"sox\" (did you mean \"so\"?)",
		"data/units.yaml:27: error: name \"SỞ A\" is ambiguous: unit \"so-a\" has the same name (line 16) at the same time",
		"data/units.yaml:29: error: invalid date \"2025-02-30\" (want yyyy-mm-dd or dd/mm/yyyy)",
		"data/units.yaml:29: error: unknown event type \"merge\" (want created, renamed, merged-into, merged-from, dissolved)",
		"data/units.yaml:29: error: unknown unit \"so-z\" (did you mean \"so-a\", \"so-b\" or \"so-c\"?)",
		"data/units.yaml:32: error: parent \"so-b\" is in group \"so\", not in \"huyen\" (the parent_group of \"xa\")",
		"data/units.yaml:34: error: unit id \"Xa 2\" is not a slug (use a-z, 0-9 and \"-\")",
		"data/units.yaml:38: error: name \"Xã Hai Mới\" needs a from date (only the first name may omit it)",
	)
}

// Rule: a YAML syntax error is reported with its line; the other files
// are still read.
func TestYAMLSyntaxError(t *testing.T) {
	_, diags := load(t, yamlFS(map[string]string{
		"data/site.yaml":  "title: A\nprovince: [Hòa Lâm\n",
		"data/units.yaml": "groups:\n  - id: so\n    name: Sở\n   bad: indent\n",
	}))
	wantDiags(t, diags,
		"data/site.yaml:2: error: invalid YAML: did not find expected ',' or ']'",
		"data/units.yaml:2: error: invalid YAML: did not find expected '-' indicator",
		"data/frameworks/so-2023.yaml:3: error: unknown group \"so\"",
	)
}

// Rule: framework problems are errors at their line: leaves without max,
// inner max not the sum of its items, duplicate sibling codes, unknown
// method, basis and groups, bands not descending or repeated, a bad share,
// a lead that is not a unit, overlapping frameworks.
func TestFrameworkYAMLMalformed(t *testing.T) {
	const fw = `id: so-2024
title: Bộ chỉ số mới
groups: [so, tw]
from: 2023
basis: percent
decimals: 9
bands:
  - {id: tot, name: Tốt, min: 80}
  - {id: kha, name: Khá, min: 85}
  - {id: tot, name: Tốt lại, min: 10}
rules:
  - {kind: child-band-share, child_group: xa, share: "2:3"}
  - {kind: doi-loai}
areas:
  - code: I
    title: Chỉ đạo
    lead: so-khong-co
    items:
      - {code: "1", title: Một, max: 2}
      - {code: "1", title: Một lặp, max: 1}
      - {code: "2", title: Hai}
      - code: "3"
        title: Ba
        max: 5
        method: xhh
        items:
          - {code: "3.1", title: Ba một, max: 2}
          - {code: "3.2", title: Ba hai, max: "1,5", note: x}
bonus:
  - {code: T1, title: Sáng kiến}
`
	const f = "data/frameworks/so-2024.yaml:"
	_, diags := load(t, yamlFS(map[string]string{"data/frameworks/so-2024.yaml": fw}))
	wantDiags(t, diags,
		f+"1: error: framework \"so-2024\" overlaps \"so-2023\" (data/frameworks/so-2023.yaml:1) for group \"so\" in 2023",
		f+"3: error: unknown group \"tw\" (groups: so, huyen, xa)",
		f+"5: error: unknown basis \"percent\" (want index or points)",
		f+"6: error: decimals 9 out of range (0 to 6)",
		f+"9: error: bands must go from the highest to the lowest: \"kha\" (min 85) is not below \"tot\" (min 80)",
		f+"10: error: duplicate band id \"tot\"",
		f+"12: error: invalid share \"2:3\" (want a fraction such as 2/3)",
		f+"13: error: unknown rule kind \"doi-loai\" (want child-band-share)",
		f+"17: error: lead \"so-khong-co\" is not a unit",
		f+"20: error: duplicate code \"1\" in I (first at line 19)",
		f+"21: error: item \"I/2\" has no max (a criterion without items needs one)",
		f+"24: error: max 5 of I/3 differs from the sum of its items 3.5",
		f+"25: error: unknown method \"xhh\" (want self, survey or satisfaction)",
		f+"28: error: unknown key \"note\" in item (known keys: code, title, title_en, max, method, lead, required, items)",
		f+"30: error: missing key \"max\" in bonus item",
	)
}

// Rule: a comma inside an unquoted value of a {…} mapping splits it; the
// message says so.
func TestYAMLFlowComma(t *testing.T) {
	units := unitsYAML + "  - id: so-x\n    group: so\n    names:\n      - {name: Sở A, B và C, from: 2024-01-15}\n"
	_, diags := load(t, yamlFS(map[string]string{"data/units.yaml": units}))
	wantDiags(t, diags, "data/units.yaml:38: error: unknown key \"B và C\" in name entry (a comma inside a value in {…}? put the value in quotes)")
}
