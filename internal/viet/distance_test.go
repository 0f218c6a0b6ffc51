package viet

import "testing"

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"name", "name", 0},
		{"nmae", "name", 1}, // a swap of neighbours is one edit
		{"so-noi-vuu", "so-noi-vu", 1},
		{"1070 qd ubnd", "1007 qd ubnd", 1},
		{"", "abc", 3},
		{"sở", "so", 1}, // runes, not bytes
		{"kitten", "sitting", 3},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
