package par

import (
	"math/rand"
	"testing"
)

// Rule: fixed-point arithmetic throughout; values with 2 or 3 decimals keep
// their precision; numbers may be typed with a decimal comma.
func TestParsePoints(t *testing.T) {
	tests := []struct {
		in   string
		want Points
		dec  int
		err  bool
	}{
		{"12", 12_000000, 0, false},
		{"12.5", 12_500000, 1, false},
		{"12,5", 12_500000, 1, false},
		{" 91.651 ", 91_651000, 3, false},
		{"-0,25", -250000, 2, false},
		{"\u22120,25", -250000, 2, false},
		{"+3", 3_000000, 0, false},
		{".5", 500000, 1, false},
		{"7.0000000000000007", 7_000000, 6, false},
		{"68.335212707519531", 68_335213, 6, false},
		{"1.2641100000000001", 1_264110, 6, false},
		{"1.5E-2", 15000, 3, false},
		{"2e1", 20_000000, 0, false},
		{"0.0000005", 1, 6, false},
		{"0.0000004", 0, 6, false},
		{"0", 0, 0, false},
		{"1.234,5", 0, 0, true},
		{"abc", 0, 0, true},
		{"", 0, 0, true},
		{"-", 0, 0, true},
		{"1 2", 0, 0, true},
		{"99999999999999999999", 0, 0, true},
	}
	for _, tt := range tests {
		got, dec, err := ParsePoints(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("ParsePoints(%q) err = %v, want err %v", tt.in, err, tt.err)
			continue
		}
		if err == nil && (got != tt.want || dec != tt.dec) {
			t.Errorf("ParsePoints(%q) = %d, %d; want %d, %d", tt.in, got, dec, tt.want, tt.dec)
		}
	}
}

func FuzzParsePoints(f *testing.F) {
	for _, s := range []string{"12,5", "1e3", "-0.001", "7.0000000000000007", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, _, err := ParsePoints(s)
		if err != nil {
			return
		}
		// Whatever parses must print and parse back to itself.
		q, _, err := ParsePoints(p.String())
		if err != nil || q != p {
			t.Fatalf("%q → %d → %q → %d, %v", s, p, p.String(), q, err)
		}
	})
}

// Rule: published figures have two decimals, rounded half away from zero.
func TestFormatAndRound(t *testing.T) {
	tests := []struct {
		p    Points
		dec  int
		want string
	}{
		{MustPoints("81.335"), 2, "81.34"},
		{MustPoints("81.334999"), 2, "81.33"},
		{MustPoints("-1.005"), 2, "-1.01"},
		{MustPoints("91.651"), 3, "91.651"},
		{MustPoints("7"), 2, "7.00"},
		{MustPoints("0.5"), 0, "1"},
	}
	for _, tt := range tests {
		if got := tt.p.Format(tt.dec); got != tt.want {
			t.Errorf("%d.Format(%d) = %q, want %q", tt.p, tt.dec, got, tt.want)
		}
	}
	if s := MustPoints("12.50").String(); s != "12.5" {
		t.Errorf("String = %q", s)
	}
}

// Rule: index = points ÷ applicable maximum × 100 (Thanh Hóa 2023: 68.32
// points of an applicable 84 = 81.33 %; Tuyên Quang 2022: 62.62 of 66.27 = 94.49 %).
func TestRatioPercent(t *testing.T) {
	tests := []struct {
		num, den string
		want     string
	}{
		{"68.32", "84", "81.33"},
		{"62.62", "66.27", "94.49"},
		{"100", "100", "100.00"},
		{"0", "100", "0.00"},
	}
	for _, tt := range tests {
		r := Ratio{MustPoints(tt.num), MustPoints(tt.den)}
		if got := r.Percent().Format(2); got != tt.want {
			t.Errorf("%s/%s = %s, want %s", tt.num, tt.den, got, tt.want)
		}
	}
}

// Rule: ranks are decided at full precision; exact comparison of ratios.
func TestRatioCmp(t *testing.T) {
	a := Ratio{MustPoints("1"), MustPoints("3")}
	b := Ratio{MustPoints("2"), MustPoints("6")}
	c := Ratio{MustPoints("1.000001"), MustPoints("3")}
	if a.Cmp(b) != 0 || a.Cmp(c) != -1 || c.Cmp(a) != 1 {
		t.Error("exact ratio comparison failed")
	}
	// Large values must not overflow.
	big := Ratio{FromInt(99_999), FromInt(100_000)}
	big2 := Ratio{FromInt(99_998), FromInt(99_999)}
	if big.Cmp(big2) != 1 {
		t.Error("99999/100000 should exceed 99998/99999")
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 1000; i++ {
		x := Ratio{Points(rng.Int63n(1e9)), Points(rng.Int63n(1e9) + 1)}
		y := Ratio{Points(rng.Int63n(1e9)), Points(rng.Int63n(1e9) + 1)}
		if x.Cmp(y) != -y.Cmp(x) {
			t.Fatalf("Cmp not antisymmetric for %v %v", x, y)
		}
	}
}

func TestDates(t *testing.T) {
	d, err := ParseDate("2024-02-29")
	if err != nil || d.String() != "29/02/2024" || d.ISO() != "2024-02-29" {
		t.Errorf("got %v %v", d, err)
	}
	if _, err := ParseDate("2023-02-29"); err == nil {
		t.Error("2023-02-29 accepted")
	}
	if d, _ := ParseDate("14/10/2025"); d != (Date{2025, 10, 14}) {
		t.Errorf("dd/mm/yyyy: %v", d)
	}
}
