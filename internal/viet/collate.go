package viet

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator compares strings in Vietnamese alphabetical order, as in
// Vietnamese dictionaries and official lists of provinces:
//
//	a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
//
// Letters differ at the primary level, so "Ân Thi" sorts after "Azin" and
// "Đà Nẵng" after every name in plain "D". Tones only break ties between
// strings that are otherwise equal (secondary level), in the order
// ngang < huyền < hỏi < ngã < sắc < nặng (a à ả ã á ạ); case breaks the
// remaining ties (lower case first). Spaces count, so names sort word by
// word: "Ba Vì" comes before "Bạc Liêu". Runs of digits compare by their
// numeric value, so "Quận 2" comes before "Quận 10". NFC and NFD input
// compare equal.
//
// It wraps collate.New(language.Vietnamese, collate.Numeric) (CLDR
// collation data). The
// x/text collator keeps iteration state inside itself and is not safe for
// concurrent use, so Collator guards it with a mutex: one Collator may be
// shared by goroutines, at the cost of serialising them. The zero value is
// not usable; call NewCollator.
type Collator struct {
	mu sync.Mutex
	c  *collate.Collator
}

// NewCollator returns a Vietnamese Collator.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Vietnamese, collate.Numeric)}
}

// Compare returns -1, 0 or +1 as a sorts before, equal to, or after b in
// Vietnamese order. Strings that differ only in normalisation (NFC versus
// NFD) compare equal.
func (c *Collator) Compare(a, b string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.c.CompareString(a, b)
}

// order is Compare with a deterministic tie-break on the bytes, so that a
// sort never depends on the input order of strings the collation sees as
// equal.
func (c *Collator) order(a, b string) int {
	if r := c.Compare(a, b); r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

// Sort sorts ss in place in Vietnamese order, breaking collation ties by
// byte order so that the result is deterministic.
func (c *Collator) Sort(ss []string) {
	slices.SortStableFunc(ss, c.order)
}

var (
	defaultOnce     sync.Once
	defaultCollator *Collator
)

func shared() *Collator {
	defaultOnce.Do(func() { defaultCollator = NewCollator() })
	return defaultCollator
}

// SortStrings sorts ss in place in Vietnamese order (see Collator), with
// byte order as the final tie-break. It is safe for concurrent use.
func SortStrings(ss []string) {
	NewCollator().Sort(ss)
}

// Less reports whether a sorts strictly before b in Vietnamese order, with
// byte order as the final tie-break (the order SortStrings uses). It uses
// one shared Collator, so concurrent callers are serialised; for large
// sorts in parallel, give each goroutine its own Collator.
func Less(a, b string) bool {
	return shared().order(a, b) < 0
}
