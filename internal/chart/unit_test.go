package chart

import (
	"strings"
	"testing"
)

// The points-lost chart puts first the area losing the largest share of
// its own maximum (not the most points), areas without a score last.
func TestAreaPointsSortedByShare(t *testing.T) {
	// I loses 1 of 10 (10 %), II 2 of 12.5 (16 %), III unknown, and an
	// area losing more points but a smaller share would come after.
	c := AreaPoints(Vietnamese(), unitYear("Sở Nội vụ", "9", "", "12"))
	var got []string
	for _, row := range c.Table.Rows {
		got = append(got, strings.SplitN(row[0], ".", 2)[0]+"="+row[3])
	}
	// III loses 3 of 15 (20 %) > I's 10 %; II has no score.
	if s := strings.Join(got, " "); s != "III=3,00 I=1,00 II=—" {
		t.Errorf("order: %s", s)
	}
	if !strings.Contains(c.Desc, "mất nhiều điểm nhất ở lĩnh vực III.") {
		t.Errorf("desc: %s", c.Desc)
	}
}
