package par

import "fmt"

// Text is a sentence for the reader that the program composes (why a
// figure is missing, why a band was kept or lowered), kept as its parts
// rather than as finished Vietnamese, so that each page says it in its
// own language. Format is the Vietnamese fmt format, which is also the
// key of its translation (the site's catalog); Args are its arguments:
//
//   - int: a number said as is (a year, a count);
//   - string: said as is in every language (a code, a framework id);
//   - Name: a name from the data (a band, a group), said in the page's
//     language where the data give it (Name.NameEn);
//   - Text: a clause composed the same way.
//
// String is the Vietnamese sentence: open data, diagnostics and the
// Vietnamese pages use it as they used the plain string before.
type Text struct {
	Format string
	Args   []any
}

// Textf is the Text of a format and its arguments (see Text).
func Textf(format string, args ...any) Text {
	return Text{Format: format, Args: args}
}

// IsZero reports a text that says nothing.
func (t Text) IsZero() bool { return t.Format == "" }

// String is the Vietnamese sentence.
func (t Text) String() string {
	return t.In(func(n Name) string { return n.Name }, func(format string) string { return format })
}

// In is the sentence with its format and every nested format turned by
// format (a translation) and its names said by name: how a page in
// another language says it.
func (t Text) In(name func(Name) string, format func(string) string) string {
	if t.Format == "" {
		return ""
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		switch v := a.(type) {
		case Name:
			args[i] = name(v)
		case Text:
			args[i] = v.In(name, format)
		default:
			args[i] = v
		}
	}
	return fmt.Sprintf(format(t.Format), args...)
}
