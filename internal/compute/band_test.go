package compute

import (
	"testing"

	"parindex/internal/par"
)

// A band note names the child units mid-sentence: "xã" in Vietnamese, the
// group's English name as a common noun in English.
func TestChildNoun(t *testing.T) {
	for _, c := range []struct {
		in   par.Name
		want par.Name
	}{
		{par.Name{Name: "UBND cấp xã", NameEn: "Commune people's committees"}, par.Name{Name: "xã", NameEn: "commune people's committees"}},
		{par.Name{Name: "Ủy ban nhân dân cấp xã", NameEn: "PCs of communes"}, par.Name{Name: "xã", NameEn: "PCs of communes"}},
		{par.Name{Name: "Các xã, phường"}, par.Name{Name: "Các xã, phường"}},
		{par.Name{Name: "Khối xã", NameEn: "C"}, par.Name{Name: "Khối xã", NameEn: "C"}},
	} {
		if got := childNoun(c.in); got != c.want {
			t.Errorf("childNoun(%+v) = %+v, want %+v", c.in, got, c.want)
		}
	}
}
