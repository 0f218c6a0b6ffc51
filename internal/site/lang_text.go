package site

import (
	"strings"

	"parindex/internal/par"
)

// text is a sentence the compute stage composed (par.Text) in the
// language: its format and those of its clauses translated through the
// catalog (keyed by the Vietnamese format, as lang.F), names from the data
// said as lang.name says them, numbers and codes as they are. In
// Vietnamese it is the Text's String, byte for byte.
func (l *lang) text(t par.Text) string {
	if l.vi() {
		return t.String()
	}
	return t.In(func(n par.Name) string { return l.name(n.Name, n.NameEn) }, l.T)
}

// texts are sentences said one after the other, separated by "; ".
func (l *lang) texts(ts []par.Text) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = l.text(t)
	}
	return strings.Join(s, "; ")
}
