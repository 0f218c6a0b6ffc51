package ingest

import (
	"fmt"
	"sort"
	"strings"

	"parindex/internal/par"
	"parindex/internal/viet"
)

// Did-you-mean hints for ids that the registry lacks: a unit or group
// written by its name instead of its id, or an id with a typo. The closest
// ids by edit distance are offered, never applied: a guess is shown, not
// taken.

// unitHint is " (did you mean "so-noi-vu"?)" for an unknown unit id, or ""
// when nothing is close.
func unitHint(reg *par.Registry, id string) string {
	if reg == nil {
		return ""
	}
	ids := make([]string, len(reg.Units))
	for i, u := range reg.Units {
		ids[i] = u.ID
	}
	// An id with a typo is closest to an id; a name in place of an id
	// ("Huyện An Lâm") is found among the names.
	if slugID.MatchString(id) {
		if h := closest(id, ids); h != "" {
			return h
		}
	}
	// Title blocks and people drop the "UBND" of a district or commune.
	bare := func(k string) string { return strings.TrimPrefix(k, "ubnd ") }
	k := bare(nameKey(id))
	for _, u := range reg.Units {
		for _, e := range unitNameEntries(u) {
			if k != "" && bare(e.key) == k {
				return fmt.Sprintf(" (did you mean %q, the id of %s? units are named by their id here)", u.ID, u.Current().Name)
			}
		}
	}
	return closest(id, ids)
}

// groupHint is unitHint for ranking group ids.
func groupHint(reg *par.Registry, id string) string {
	if reg == nil {
		return ""
	}
	k := nameKey(id)
	ids := groupIDs(reg)
	for _, g := range reg.Groups {
		if k != "" && (nameKey(g.Name) == k || nameKey(g.NameEn) == k) {
			return fmt.Sprintf(" (did you mean %q, the id of %s? groups are named by their id here)", g.ID, g.Name)
		}
	}
	if h := closest(id, ids); h != "" {
		return h
	}
	if len(ids) > 0 && len(ids) <= 8 {
		return " (groups: " + strings.Join(ids, ", ") + ")"
	}
	return ""
}

// suggestedID is the single closest id closest would name, or "".
func suggestedID(id string, ids []string) string {
	if c := candidates(id, ids); len(c) == 1 || (len(c) > 1 && distance(viet.Slug(id), c[0]) < distance(viet.Slug(id), c[1])) {
		return c[0]
	}
	return ""
}

// closest names up to three ids within a few edits of id (after making it
// a slug, so "So-Noi-Vu" finds so-noi-vu).
func closest(id string, ids []string) string {
	c := candidates(id, ids)
	if len(c) == 0 {
		return ""
	}
	return " (did you mean " + orList(c) + "?)"
}

func candidates(id string, ids []string) []string {
	s := viet.Slug(id)
	if s == "" {
		s = id
	}
	// Short ids are all a couple of edits apart: allow fewer edits there.
	limit := 1
	switch {
	case len(s) >= 15:
		limit = len(s) / 5
	case len(s) > 4:
		limit = 2
	}
	type cand struct {
		id string
		d  int
	}
	var cs []cand
	for _, x := range ids {
		if x == id || abs(len(x)-len(s)) > limit {
			continue
		}
		if d := distance(s, x); d <= limit {
			cs = append(cs, cand{x, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].id < cs[j].id
	})
	var out []string
	for _, c := range cs {
		if len(out) == 3 {
			break
		}
		out = append(out, c.id)
	}
	return out
}

// orList is `"a", "b" or "c"`.
func orList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

func groupIDs(reg *par.Registry) []string {
	ids := make([]string, len(reg.Groups))
	for i, g := range reg.Groups {
		ids[i] = g.ID
	}
	return ids
}
