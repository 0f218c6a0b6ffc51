package ingest

import (
	"sort"
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// nameKey is the key names are matched on: viet.Key (case, diacritics and
// punctuation folded) with the long forms of common prefixes shortened, so
// "ỦY BAN NHÂN DÂN HUYỆN AN LÂM" = "UBND huyện An Lâm" and
// "Thành phố Hòa Lâm" = "TP. Hòa Lâm".
func nameKey(s string) string { return canonKey(viet.Key(s)) }

// canonKey shortens the prefixes in a key made by viet.Key.
func canonKey(k string) string {
	if !strings.Contains(k, "uy ban nhan dan") && !strings.Contains(k, "thanh pho") {
		return k
	}
	k = " " + k + " "
	k = strings.ReplaceAll(k, " uy ban nhan dan ", " ubnd ")
	k = strings.ReplaceAll(k, " thanh pho ", " tp ")
	return strings.TrimSpace(k)
}

// resolver finds units by any name or alias they ever had.
type resolver struct {
	byKey    map[string][]nameEntry
	first    map[string]bool // first words of keys: most words start no name
	keys     []string        // distinct keys, sorted, for suggestions
	maxWords int
}

func newResolver(reg *par.Registry) *resolver {
	r := &resolver{byKey: map[string][]nameEntry{}, first: map[string]bool{}}
	add := func(e nameEntry) {
		if e.key == "" {
			return
		}
		r.byKey[e.key] = append(r.byKey[e.key], e)
		w, _, _ := strings.Cut(e.key, " ")
		r.first[w] = true
		if n := strings.Count(e.key, " ") + 1; n > r.maxWords {
			r.maxWords = n
		}
	}
	for _, u := range reg.Units {
		for _, e := range unitNameEntries(u) {
			add(e)
			// Title blocks often drop the "UBND" of a district or commune.
			if rest, ok := strings.CutPrefix(e.key, "ubnd "); ok {
				e.key = rest
				add(e)
			}
		}
	}
	for k := range r.byKey {
		r.keys = append(r.keys, k)
	}
	sort.Strings(r.keys)
	return r
}

// lookup resolves a matching key for a results year. A name used by
// several units at different times goes to the unit that bore it during
// the year, preferring the one in existence on 31 December.
func (r *resolver) lookup(key string, year int) (u *par.Unit, text string, ambiguous []*par.Unit) {
	es := r.byKey[key]
	if len(es) == 0 {
		return nil, "", nil
	}
	if us := distinctUnits(es); len(us) == 1 {
		return us[0], es[0].text, nil
	}
	jan1, next := par.Date{Year: year, Month: 1, Day: 1}, par.Date{Year: year + 1, Month: 1, Day: 1}
	var inYear []nameEntry
	for _, e := range es {
		if overlaps(e.from, e.to, jan1, next) {
			inYear = append(inYear, e)
		}
	}
	if us := distinctUnits(inYear); len(us) == 1 {
		return us[0], inYear[0].text, nil
	}
	if len(inYear) == 0 {
		inYear = es
	}
	dec31 := par.Date{Year: year, Month: 12, Day: 31}
	var atEnd []nameEntry
	for _, e := range inYear {
		if (e.from.IsZero() || !dec31.Before(e.from)) && (e.to.IsZero() || dec31.Before(e.to)) {
			atEnd = append(atEnd, e)
		}
	}
	if us := distinctUnits(atEnd); len(us) == 1 {
		return us[0], atEnd[0].text, nil
	}
	return nil, "", distinctUnits(inYear)
}

func distinctUnits(es []nameEntry) []*par.Unit {
	var out []*par.Unit
	for _, e := range es {
		dup := false
		for _, u := range out {
			dup = dup || u == e.unit
		}
		if !dup {
			out = append(out, e.unit)
		}
	}
	return out
}

// found is a unit name located inside a longer text.
type found struct {
	unit      *par.Unit
	text      string // the registry spelling that matched
	words     int    // length of the match in words
	exact     bool   // the whole text is the name
	ambiguous []*par.Unit
}

// search finds the longest registry name contained, word for word, in s
// (a title cell such as "PHIẾU CHẤM ĐIỂM CỦA SỞ NỘI VỤ").
func (r *resolver) search(s string, year int) (found, bool) {
	return r.searchKey(nameKey(s), year)
}

// searchKey is search on a name key.
func (r *resolver) searchKey(k string, year int) (found, bool) {
	if k == "" {
		return found{}, false
	}
	words := strings.Split(k, " ")
	if len(words) > 60 {
		words = words[:60] // a paragraph, not a title; bound the work
	}
	for n := min(r.maxWords, len(words)); n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			if !r.first[words[i]] {
				continue
			}
			key := strings.Join(words[i:i+n], " ")
			if _, ok := r.byKey[key]; !ok {
				continue
			}
			u, text, amb := r.lookup(key, year)
			return found{unit: u, text: text, words: n, exact: n == len(words), ambiguous: amb}, true
		}
	}
	return found{}, false
}

// suggest lists up to three registry spellings close to an unknown name.
func (r *resolver) suggest(s string) []string {
	k := nameKey(s)
	type cand struct {
		text string
		dist int
	}
	limit := max(2, len(k)/5)
	var cs []cand
	for _, key := range r.keys {
		if abs(len(key)-len(k)) > limit {
			continue
		}
		if dd := distance(k, key); dd <= limit {
			cs = append(cs, cand{r.byKey[key][0].text, dd})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].dist < cs[j].dist })
	var out []string
	for _, c := range cs {
		if len(out) == 3 {
			break
		}
		if !contains(out, c.text) {
			out = append(out, c.text)
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
