package viet

import "strings"

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
