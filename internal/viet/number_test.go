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

func TestPlainNumber(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"96,10", "96.10", true},
		{"1.234,5", "1234.5", true},
		{"1.234", "1234", true},
		{"−3,25", "-3.25", true},
		{"-3", "-3", true},
		{"+0,50", "0.50", true},
		{"12", "12", true},
		{"5/20", "", false},
		{"—", "", false},
		{"", "", false},
		{"1.23", "", false},     // not a thousands group: text
		{"1234.567", "", false}, // first group too long
		{"12,5 %", "", false},
		{"=1+2", "", false},
		{"Sở Tư pháp", "", false},
	} {
		got, ok := PlainNumber(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("PlainNumber(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	// Round trip with DecimalComma.
	for _, s := range []string{"0.5", "1234567.89", "-12.00", "7"} {
		if got, ok := PlainNumber(DecimalComma(s)); !ok || got != s {
			t.Errorf("PlainNumber(DecimalComma(%q)) = %q, %v", s, got, ok)
		}
	}
}

func TestYearSpan(t *testing.T) {
	for _, c := range []struct {
		in   []int
		want string
	}{
		{nil, ""},
		{[]int{2023}, "2023"},
		{[]int{2019, 2020, 2021, 2023}, "2019–2021, 2023"},
		{[]int{2019, 2021, 2022}, "2019, 2021–2022"},
	} {
		if got := YearSpan(c.in); got != c.want {
			t.Errorf("YearSpan(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
