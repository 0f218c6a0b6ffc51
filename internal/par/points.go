// Package par is the domain model of parindex: fixed-point points, frameworks,
// ranking groups, units and their lineage, one unit-year's scores, and the
// computed results. It sits between the ingest stage (which produces these
// values from data/ and content/) and the compute and render stages (which
// consume them). It does no I/O and imports nothing outside the standard
// library, so every stage can depend on it.
package par

import (
	"errors"
	"math/bits"
	"strconv"
	"strings"
)

// Scale is the number of Points units in one point. Published figures carry 2
// or 3 decimals; real index data (PCI, PAPI) carry more, and ranks are decided
// at full precision, so six decimals are kept.
const Scale = 1_000_000

// ScaleDigits is log10(Scale).
const ScaleDigits = 6

// Points is a fixed-point decimal: value × Scale. All arithmetic on scores is
// integer arithmetic on Points, never float accumulation.
type Points int64

// ErrNumber reports text that is not a decimal number.
var ErrNumber = errors.New("not a number")

// ParsePoints reads a decimal typed by a person or stored by a spreadsheet:
// "12", "12.5", "12,5" (decimal comma), " -0,25 ", "1.5E-2", "7.0000000000000007"
// (a float artefact, rounded half away from zero to 6 decimals). It returns
// the value and the number of decimals written (capped at what was typed,
// so "91.651" → 3), which is the precision of a published figure.
// Thousands separators are not accepted: "1.234,5" is an error rather than a
// guess, because scores never reach a thousand points.
func ParsePoints(s string) (Points, int, error) {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "\u00a0", "")
	if s == "" {
		return 0, 0, ErrNumber
	}
	neg := false
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "\u2212"): // the typographic minus sign
		neg, s = true, s[len("\u2212"):]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	exp := 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > 30 || e < -30 {
			return 0, 0, ErrNumber
		}
		exp = e
		s = s[:i]
	}
	intPart, frac := s, ""
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
		if strings.ContainsAny(frac, ".,") {
			return 0, 0, ErrNumber
		}
	}
	if intPart == "" && frac == "" {
		return 0, 0, ErrNumber
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return 0, 0, ErrNumber
		}
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	// value = digits × 10^(exp - len(frac)); shift so the scale is 10^-6.
	shift := exp - len(frac) + ScaleDigits
	decimals := len(frac) - exp
	if decimals < 0 {
		decimals = 0
	}
	if decimals > ScaleDigits {
		decimals = ScaleDigits
	}
	if digits == "" {
		return 0, decimals, nil
	}
	var v uint64
	roundUp := false
	if shift >= 0 {
		if len(digits)+shift > 18 {
			return 0, 0, ErrNumber
		}
		d, err := strconv.ParseUint(digits, 10, 64)
		if err != nil {
			return 0, 0, ErrNumber
		}
		v = d
		for i := 0; i < shift; i++ {
			v *= 10
		}
	} else {
		cut := len(digits) + shift // digits kept
		if cut <= 0 {
			// Everything is below 10^-6; round.
			roundUp = cut == 0 && digits[0] >= '5'
		} else {
			if cut > 18 {
				return 0, 0, ErrNumber
			}
			d, err := strconv.ParseUint(digits[:cut], 10, 64)
			if err != nil {
				return 0, 0, ErrNumber
			}
			v = d
			roundUp = digits[cut] >= '5'
		}
	}
	if roundUp {
		v++
	}
	if v > 1<<62 {
		return 0, 0, ErrNumber
	}
	p := Points(v)
	if neg {
		p = -p
	}
	return p, decimals, nil
}

// MustPoints parses s or panics; for tests and literals in code.
func MustPoints(s string) Points {
	p, _, err := ParsePoints(s)
	if err != nil {
		panic("par.MustPoints(" + strconv.Quote(s) + "): " + err.Error())
	}
	return p
}

// FromInt returns n whole points.
func FromInt(n int) Points { return Points(n) * Scale }

// Round rounds half away from zero to the given number of decimals (0..6).
func (p Points) Round(decimals int) Points {
	if decimals >= ScaleDigits {
		return p
	}
	if decimals < 0 {
		decimals = 0
	}
	unit := Points(1)
	for i := decimals; i < ScaleDigits; i++ {
		unit *= 10
	}
	half := unit / 2
	if p >= 0 {
		return (p + half) / unit * unit
	}
	return -((-p + half) / unit * unit)
}

// Format renders p rounded to exactly `decimals` decimals with a point as
// separator ("12.50"); the display layer swaps in the decimal comma.
func (p Points) Format(decimals int) string {
	if decimals < 0 {
		decimals = 0
	}
	if decimals > ScaleDigits {
		decimals = ScaleDigits
	}
	r := p.Round(decimals)
	neg := r < 0
	if neg {
		r = -r
	}
	whole := int64(r) / Scale
	frac := int64(r) % Scale
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString(strconv.FormatInt(whole, 10))
	if decimals > 0 {
		fs := strconv.FormatInt(frac+Scale, 10)[1:] // zero-padded to 6 digits
		b.WriteByte('.')
		b.WriteString(fs[:decimals])
	}
	return b.String()
}

// String is the shortest exact decimal form ("12.5", "3", "0.125").
func (p Points) String() string {
	s := p.Format(ScaleDigits)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

// Float is for chart data and CSV only, never for arithmetic.
func (p Points) Float() float64 { return float64(p) / Scale }

// Abs returns |p|.
func (p Points) Abs() Points {
	if p < 0 {
		return -p
	}
	return p
}

// Sum adds points exactly.
func Sum(ps ...Points) Points {
	var s Points
	for _, p := range ps {
		s += p
	}
	return s
}

// Ratio is an exact fraction Num/Den of two Points values, used for the
// index (points ÷ applicable maximum) so that ranking compares exact values
// rather than rounded percentages.
type Ratio struct {
	Num, Den Points
}

// Valid reports whether the ratio has a positive denominator.
func (r Ratio) Valid() bool { return r.Den > 0 }

// Cmp compares two ratios exactly (−1, 0, +1) using 128-bit products.
// Both denominators must be positive.
func (r Ratio) Cmp(o Ratio) int {
	return cmp128(mul128(int64(r.Num), int64(o.Den)), mul128(int64(o.Num), int64(r.Den)))
}

// Percent returns Num/Den × 100 as Points, rounded half away from zero at
// Points precision (6 decimals).
func (r Ratio) Percent() Points {
	if r.Den <= 0 {
		return 0
	}
	neg := r.Num < 0
	n := uint64(r.Num)
	if neg {
		n = uint64(-r.Num)
	}
	// n × 100 × Scale / Den, in 128 bits.
	hi, lo := bits.Mul64(n, 100*Scale)
	d := uint64(r.Den)
	if hi >= d {
		return 0 // overflow: impossible for real scores
	}
	q, rem := bits.Div64(hi, lo, d)
	if rem*2 >= d {
		q++
	}
	if neg {
		return -Points(q)
	}
	return Points(q)
}

type i128 struct {
	neg    bool
	hi, lo uint64
}

func mul128(a, b int64) i128 {
	neg := (a < 0) != (b < 0)
	ua, ub := uint64(a), uint64(b)
	if a < 0 {
		ua = uint64(-a)
	}
	if b < 0 {
		ub = uint64(-b)
	}
	hi, lo := bits.Mul64(ua, ub)
	if hi == 0 && lo == 0 {
		neg = false
	}
	return i128{neg, hi, lo}
}

func cmp128(a, b i128) int {
	if a.neg != b.neg {
		if a.neg {
			return -1
		}
		return 1
	}
	c := 0
	switch {
	case a.hi != b.hi:
		c = cmpU(a.hi, b.hi)
	default:
		c = cmpU(a.lo, b.lo)
	}
	if a.neg {
		return -c
	}
	return c
}

func cmpU(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
