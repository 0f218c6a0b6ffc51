package viet

import (
	"testing"

	"parindex/internal/par"
)

// Rule: a figure is shown at its own precision (trailing zeros kept), with
// the decimal comma; missing is a dash, never zero.
func TestFigureFormats(t *testing.T) {
	fig := func(s string, dec int) par.Figure { return par.Pub(par.MustPoints(s), dec, par.Source{}) }
	for _, tc := range []struct {
		name, got, want string
	}{
		{"figure keeps its decimals", Figure(fig("96.1", 2)), "96,10"},
		{"figure rounds to its decimals", Figure(fig("79.999", 2)), "80,00"},
		{"figure without decimals", Figure(fig("1234", 0)), "1.234"},
		{"missing figure", Figure(par.Figure{}), Missing},
		{"zero is a value", Figure(fig("0", 2)), "0,00"},
		{"fixed", Fixed(par.MustPoints("76.123456"), 2), "76,12"},
		{"fixed pads", Fixed(par.MustPoints("82.5"), 2), "82,50"},
		{"fixed negative", Fixed(par.MustPoints("-1.005"), 2), "-1,01"},
		{"exact maximum", Exact(par.MustPoints("12.5")), "12,5"},
		{"exact whole", Exact(par.MustPoints("10")), "10"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
