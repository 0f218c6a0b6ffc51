package viet

import (
	"strconv"
	"strings"

	"parindex/internal/par"
)

// DecimalComma rewrites a plain decimal string, already rounded by the
// caller, into Vietnamese display form: the decimal point becomes a comma
// and the integer part gets "." as thousands separator.
//
//	"12.5"      → "12,5"
//	"1234.5"    → "1.234,5"
//	"1234"      → "1.234"
//	"-3.25"     → "-3,25"      (the ASCII hyphen-minus is kept)
//	"1234.5678" → "1.234,5678" (digits after the comma are not grouped)
//
// The accepted input is an optional "+" or "-", one or more ASCII digits,
// and optionally "." followed by one or more ASCII digits. Anything else
// (empty, "NaN", "1e6", "1,5", ".5", padded with spaces...) is returned
// unchanged, so a caller may pass placeholders such as "—" straight
// through.
func DecimalComma(s string) string {
	sign, rest := "", s
	if rest != "" && (rest[0] == '-' || rest[0] == '+') {
		sign, rest = rest[:1], rest[1:]
	}
	intPart, frac, hasFrac := strings.Cut(rest, ".")
	if !allDigits(intPart) || (hasFrac && !allDigits(frac)) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(intPart)/3)
	b.WriteString(sign)
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Missing is what the site shows for a figure without a value: a dash,
// never a zero.
const Missing = "—"

// Figure is a figure as the site shows it, tables and chart descriptions
// alike: at its own precision with the decimal comma ("96,10", never
// "96,1", so a column of figures lines up and a published figure reads as
// printed), or [Missing].
func Figure(f par.Figure) string {
	if !f.Known() {
		return Missing
	}
	return DecimalComma(f.Text())
}

// Fixed is p rounded to decimals, shown with exactly that many ("96,10"):
// a computed value (a share, an average, points lost) at the precision of
// the figures it derives from.
func Fixed(p par.Points, decimals int) string { return DecimalComma(p.Format(decimals)) }

// Exact is p in its shortest exact form ("10", "12,5"): maxima and band
// limits are definitions, not measured figures with a precision.
func Exact(p par.Points) string { return DecimalComma(p.String()) }

// PlainNumber reads back a number as the site displays it ("1.234,5",
// "−3,25", "+0,50", "96,10") into the plain form a spreadsheet reads in
// any locale ("1234.5", "-3.25", "0.50", "96.10"), digits kept. The sign
// may be "+", "-" or the true minus sign U+2212. ok is false for anything
// else — text, a rank out of a size ("5/20"), [Missing] — which a caller
// keeps as text.
func PlainNumber(s string) (plain string, ok bool) {
	sign, rest := "", s
	switch {
	case strings.HasPrefix(rest, "−"):
		sign, rest = "-", strings.TrimPrefix(rest, "−")
	case strings.HasPrefix(rest, "-"):
		sign, rest = "-", rest[1:]
	case strings.HasPrefix(rest, "+"):
		rest = rest[1:]
	}
	intPart, frac, hasFrac := strings.Cut(rest, ",")
	if hasFrac && !allDigits(frac) {
		return "", false
	}
	groups := strings.Split(intPart, ".")
	for i, g := range groups {
		// Thousands groups: the first of one to three digits, the others
		// of exactly three.
		if !allDigits(g) || (i > 0 && len(g) != 3) || (i == 0 && len(groups) > 1 && len(g) > 3) {
			return "", false
		}
	}
	out := sign + strings.Join(groups, "")
	if hasFrac {
		out += "." + frac
	}
	return out, true
}

// YearSpan writes years (ascending) compactly, runs of consecutive years
// as a range: "2019–2021, 2023".
func YearSpan(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(years[i]))
		} else {
			parts = append(parts, strconv.Itoa(years[i])+"–"+strconv.Itoa(years[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
