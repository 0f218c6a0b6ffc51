// Package viet holds the Vietnamese text rules of the site: Unicode
// normalisation, whitespace cleaning, diacritic folding, matching keys,
// URL slugs, Vietnamese collation and number formatting for display.
//
// Stage: shared. Both ingest (matching province, department and unit names
// read from spreadsheets and files) and render (slugs, sorted lists,
// numbers shown to readers) call it, so that one rule gives one answer
// everywhere. It is the only package of the project that imports
// golang.org/x/text.
//
// Input: arbitrary strings, which may be in NFC or NFD (files saved on
// macOS and text from old fonts are often decomposed), may carry
// non-breaking spaces, tabs, newlines, zero-width spaces or a byte order
// mark, and may even be invalid UTF-8. [DecimalComma] takes decimal
// strings that the caller has already rounded; [Figure], [Fixed] and
// [Exact] take par values (par imports nothing of the project, so this
// cannot cycle).
//
// Output: NFC strings. [Clean] keeps the text as written, only tidied;
// [Fold] drops diacritics; [Key] gives a lower-case ASCII-ish matching key;
// [Slug] gives a URL path segment of [a-z0-9-]; [DecimalComma] gives the
// Vietnamese display form of a number, and [Figure], [Fixed] and [Exact]
// that of the domain's figures and points (the one formatter of the site
// and the charts); [Collator], [SortStrings] and [Less]
// give Vietnamese alphabetical order. Everything here is safe for
// concurrent use (a [Collator] serialises its callers with a mutex).
package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C. Vietnamese text typed on
// most systems is already NFC; text from macOS file names or legacy fonts
// may be NFD ("a" followed by combining marks), which looks the same but
// compares differently.
func NFC(s string) string {
	return norm.NFC.String(s)
}

// dropInvisible reports runes that Clean removes outright: the byte order
// mark / zero-width no-break space and the zero-width space, which creep in
// through copy and paste from office documents and web pages.
func dropInvisible(r rune) bool {
	return r == '\uFEFF' || r == '\u200B'
}

// collapse trims s and replaces each run of white space (per
// unicode.IsSpace: space, tab, newline, NBSP U+00A0, narrow NBSP U+202F,
// ideographic space, line and paragraph separators...) by one ASCII space.
// Runes for which drop returns true are removed without leaving a space.
func collapse(s string, drop func(rune) bool) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false // a space is owed before the next kept rune
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			pending = b.Len() > 0
		case drop != nil && drop(r):
		default:
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Clean normalises s to NFC, removes zero-width spaces and byte order
// marks, trims it and collapses every run of white space (including
// non-breaking spaces, tabs and newlines) to a single ASCII space. Letters,
// case and punctuation are kept as written. Clean is idempotent.
func Clean(s string) string {
	return NFC(collapse(s, dropInvisible))
}

// Fold returns Clean(s) without diacritics: tone marks and the vowel marks
// of ă â ê ô ơ ư are removed, and đ/Đ, which have no decomposition in
// Unicode, become d/D. Case is kept: Fold("Đắk Lắk") == "Dak Lak".
func Fold(s string) string {
	d := norm.NFD.String(Clean(s))
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining mark: drop it
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	// Removing a mark that stood alone after a space can leave two spaces.
	return NFC(collapse(b.String(), nil))
}

// isApostrophe reports the apostrophe-like runes found inside names such
// as "Đắk R'Lấp" or "Kơ’nia". Key drops them without a word break, so that
// "R'Lấp", "R’lấp" and "Rlấp" share one key.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2018', '\u2019', '\u02BC', '\u02BB', '`', '\u00B4':
		return true
	}
	return false
}

// Key returns the matching key of a name: Fold, lower case, then every rune
// that is neither a letter nor a digit becomes a word break (so "-", ".",
// ",", "(" ... separate words), except apostrophes and invisible format
// characters (soft hyphen, zero-width joiners...), which are dropped; runs
// of breaks collapse to one space, with none at either end.
//
//	Key("Đắk Lắk") == Key("Đăk Lăk") == Key("ĐẮK LẮK") == "dak lak"
//	Key("Thừa Thiên-Huế") == "thua thien hue"
//	Key("TP. Hồ Chí Minh") == "tp ho chi minh"
//
// Key is idempotent: Key(Key(s)) == Key(s).
func Key(s string) string {
	f := strings.ToLower(Fold(strings.ToLower(s)))
	var b strings.Builder
	b.Grow(len(f))
	pending := false
	for _, r := range f {
		switch {
		case r == utf8.RuneError:
			pending = b.Len() > 0
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteRune(r)
		case isApostrophe(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r):
			// dropped without a break
		default:
			pending = b.Len() > 0
		}
	}
	return b.String()
}

// Slug returns a URL path segment for s: Key(s) with each run of anything
// outside [a-z0-9] (spaces, and letters outside ASCII that have no
// diacritic-free form, such as Cyrillic or Chinese) turned into one "-",
// with no dash at either end. The result matches ^[a-z0-9]+(-[a-z0-9]+)*$
// or is empty (for a name with no Latin letter or ASCII digit at all);
// callers that need a non-empty slug must supply a fallback.
//
//	Slug("Sở Nội vụ") == "so-noi-vu"
//	Slug("Đắk Lắk") == "dak-lak"
//	Slug("UBND xã Tân An (cũ)") == "ubnd-xa-tan-an-cu"
func Slug(s string) string {
	k := Key(s)
	var b strings.Builder
	b.Grow(len(k))
	pending := false
	for i := 0; i < len(k); i++ {
		c := k[i]
		if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') {
			if pending {
				b.WriteByte('-')
				pending = false
			}
			b.WriteByte(c)
			continue
		}
		pending = b.Len() > 0
	}
	return b.String()
}

// KeyStartsWith reports whether a key made by Key opens with one of the
// phrases as whole words: "diem tru" opens "diem tru vi pham" but not
// "diem trung binh".
func KeyStartsWith(key string, phrases ...string) bool {
	for _, p := range phrases {
		if key == p || strings.HasPrefix(key, p+" ") {
			return true
		}
	}
	return false
}
