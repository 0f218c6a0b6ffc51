package ingest

import (
	"slices"
	"strings"
	"testing"
)

// newerFramework replaces so-2023 (which then ends in 2024) from 2025,
// with the given previous/area_map lines after its header.
func newerFramework(mapping string) map[string]string {
	return map[string]string{
		"data/frameworks/so-2023.yaml": strings.Replace(frameworkYAML, "from: 2023\n", "from: 2023\nto: 2024\n", 1),
		"data/frameworks/so-2025.yaml": `id: so-2025
title: Bộ chỉ số mới
groups: [so]
from: 2025
` + mapping + `areas:
  - {code: I, title: Chỉ đạo, max: 10}
  - {code: II, title: Thủ tục, max: 10}
  - {code: III, title: Chuyển đổi số, max: 10}
`,
	}
}

// Rule "comparisons across a framework change": a framework may name the
// one it replaces and map its areas to that one's: one to one, renamed,
// merged or split, as a mapping or as a list.
func TestAreaMapLoads(t *testing.T) {
	for name, mapping := range map[string]string{
		"mapping": "previous: so-2023\narea_map: {\"I\": \"I+II\", \"ii\": [\"II\"]}\n",
		"list":    "previous: so-2023\narea_map:\n  - {area: I, previous: I+II}\n  - {area: [II], previous: \"ii\"}\n",
	} {
		t.Run(name, func(t *testing.T) {
			if name == "list" {
				// II cannot be merged into I and be II's too: use a split.
				mapping = "previous: so-2023\narea_map:\n  - {area: I+II, previous: I}\n  - {area: [III], previous: \"ii\"}\n"
			}
			ds, diags := load(t, yamlFS(newerFramework(mapping)))
			if name == "mapping" {
				wantDiags(t, diags, "data/frameworks/so-2025.yaml:6: error: area \"II\" of framework \"so-2023\" is mapped twice (first at line 6)")
				return
			}
			wantDiags(t, diags)
			var f = ds.Frameworks[0]
			if f.ID != "so-2025" {
				f = ds.Frameworks[1]
			}
			if f.Previous != "so-2023" || len(f.AreaMap) != 2 {
				t.Fatalf("previous %q, map %+v", f.Previous, f.AreaMap)
			}
			l := f.AreaMap[0]
			if !slices.Equal(l.Areas, []string{"I", "II"}) || !slices.Equal(l.Prev, []string{"I"}) || l.Src.Line != 7 {
				t.Errorf("first link %+v", l)
			}
			if l := f.AreaMap[1]; !slices.Equal(l.Areas, []string{"III"}) || !slices.Equal(l.Prev, []string{"II"}) {
				t.Errorf("second link %+v (codes in the frameworks' own spelling)", l)
			}
		})
	}
}

// Rule: a bad mapping is an error at its line naming the file: an unknown
// previous framework, an unknown area on either side, an area mapped
// twice, a map without previous, a previous that scores other groups.
func TestAreaMapErrors(t *testing.T) {
	const f = "data/frameworks/so-2025.yaml:"
	for _, tc := range []struct{ mapping, want string }{
		{"previous: so-2032\n", f + "5: error: previous framework \"so-2032\" is not a framework (did you mean \"so-2023\" or \"so-2025\"?)"},
		{"previous: so-2023\narea_map: {\"IV\": \"I\"}\n", f + "6: error: area \"IV\" is not an area of framework \"so-2025\" (its areas: I, II, III)"},
		{"previous: so-2023\narea_map:\n  I: I\n  II: VII\n", f + "8: error: area \"VII\" is not an area of framework \"so-2023\" (its areas: I, II)"},
		{"previous: so-2023\narea_map:\n  I: I\n  II+III: I\n", f + "8: error: area \"I\" of framework \"so-2023\" is mapped twice (first at line 7)"},
		{"area_map: {\"I\": \"I\"}\n", f + "5: error: framework \"so-2025\" has an area_map but no previous: name the framework it replaces"},
		{"previous: so-2025\n", f + "5: error: framework \"so-2025\" names itself as previous"},
		{"previous: so-2023\narea_map: {\"I\": \"\"}\n", f + "6: error: area_map value is empty: name one or more area codes"},
	} {
		_, diags := load(t, yamlFS(newerFramework(tc.mapping)))
		wantDiags(t, diags, tc.want)
	}
}
