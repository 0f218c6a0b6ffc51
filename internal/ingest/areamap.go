package ingest

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"parindex/internal/diag"
	"parindex/internal/par"
)

// loadAreaMap reads a framework's area_map: either a mapping of this
// framework's areas to the previous framework's,
//
//	area_map: {"I": "I", "VIII": "VII+VIII", "IV+V": "IV"}
//
// or a list of links,
//
//	area_map:
//	  - {area: "VIII", previous: ["VII", "VIII"]}
//
// where each side is one code, codes joined by "+", or a list of codes.
// The codes are checked against both frameworks by checkAreaMaps, once
// every framework is read.
func loadAreaMap(y *yfile, n *yaml.Node) []par.AreaLink {
	if null(n) {
		return nil
	}
	var out []par.AreaLink
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := y.deref(n.Content[i]), y.deref(n.Content[i+1])
			l := par.AreaLink{Src: y.at(k), Areas: y.codeList(k, "area_map key"), Prev: y.codeList(v, "area_map value")}
			if len(l.Areas) > 0 && len(l.Prev) > 0 {
				out = append(out, l)
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			c = y.deref(c)
			m := y.fields(c, "area_map item", "area", "previous")
			if !m.need("area") || !m.need("previous") {
				continue
			}
			l := par.AreaLink{Src: y.at(c), Areas: y.codeList(m.vals["area"], "area"), Prev: y.codeList(m.vals["previous"], "previous")}
			if len(l.Areas) > 0 && len(l.Prev) > 0 {
				out = append(out, l)
			}
		}
	default:
		y.d.Errorf(y.at(n), "area_map must be a mapping of this framework's area codes to the previous framework's (\"VIII\": \"VII+VIII\") or a list of {area, previous}")
	}
	return out
}

// codeList reads one side of an area link: "I", "VII+VIII" or a list of
// codes.
func (y *yfile) codeList(n *yaml.Node, what string) []string {
	if null(n) || n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == "" {
		y.d.Errorf(y.at(n), "%s is empty: name one or more area codes", what)
		return nil
	}
	var raw []string
	switch n.Kind {
	case yaml.ScalarNode:
		raw = strings.Split(n.Value, "+")
	case yaml.SequenceNode:
		for _, c := range n.Content {
			c = y.deref(c)
			if c == nil || c.Kind != yaml.ScalarNode {
				y.d.Errorf(y.at(c), "%s must list area codes", what)
				return nil
			}
			raw = append(raw, c.Value)
		}
	default:
		y.d.Errorf(y.at(n), "%s must be an area code, codes joined by \"+\" or a list of codes", what)
		return nil
	}
	var out []string
	for _, r := range raw {
		r = strings.TrimSpace(r)
		if r == "" {
			y.d.Errorf(y.at(n), "%s %q has an empty area code", what, n.Value)
			return nil
		}
		out = append(out, r)
	}
	return out
}

// checkAreaMaps resolves each framework's previous framework and area
// map: the previous framework must exist, score one of the same groups
// and end before this one starts; every code must be an area of its
// framework, and no area may be in two links on the same side. A bad link
// is dropped (its areas are then simply not compared); the codes kept are
// the frameworks' own spelling.
func checkAreaMaps(d *diag.List, fws []*par.Framework, prevAt, mapAt map[*par.Framework]par.Source) {
	byID := map[string]*par.Framework{}
	for _, f := range fws {
		byID[f.ID] = f
	}
	for _, f := range fws {
		if f.Previous == "" {
			if len(f.AreaMap) > 0 {
				d.Errorf(mapAt[f], "framework %q has an area_map but no previous: name the framework it replaces", f.ID)
				f.AreaMap = nil
			}
			continue
		}
		p := byID[f.Previous]
		switch {
		case f.Previous == f.ID:
			d.Errorf(prevAt[f], "framework %q names itself as previous", f.ID)
		case p == nil:
			d.Because(diag.KeyFrameworks).Errorf(prevAt[f], "previous framework %q is not a framework%s", f.Previous, closest(f.Previous, frameworkIDs(fws)))
		case !slices.ContainsFunc(f.Groups, func(g string) bool { return slices.Contains(p.Groups, g) }):
			d.Errorf(prevAt[f], "previous framework %q scores none of this framework's groups (%s)", p.ID, strings.Join(f.Groups, ", "))
		case p.From >= f.From:
			d.Errorf(prevAt[f], "previous framework %q starts in %d, not before this one (%d)", p.ID, p.From, f.From)
		default:
			f.AreaMap = resolveLinks(d, f, p)
			continue
		}
		f.Previous, f.AreaMap = "", nil
	}
}

// resolveLinks checks f's links against f's and p's areas.
func resolveLinks(d *diag.List, f, p *par.Framework) []par.AreaLink {
	var out []par.AreaLink
	seen := [2]map[string]par.Source{{}, {}}
	for _, l := range f.AreaMap {
		ok := true
		var sides [2][]string
		for side, fw := range [2]*par.Framework{f, p} {
			codes := l.Areas
			if side == 1 {
				codes = l.Prev
			}
			for _, c := range codes {
				a := areaByCode(fw, c)
				if a == "" {
					d.Errorf(l.Src, "area %q is not an area of framework %q (its areas: %s)", c, fw.ID, strings.Join(areaCodes(fw), ", "))
					ok = false
					continue
				}
				if first, dup := seen[side][a]; dup {
					d.Errorf(l.Src, "area %q of framework %q is mapped twice (first at line %d)", a, fw.ID, first.Line)
					ok = false
					continue
				}
				seen[side][a] = l.Src
				sides[side] = append(sides[side], a)
			}
		}
		if ok {
			out = append(out, par.AreaLink{Areas: sides[0], Prev: sides[1], Src: l.Src})
		}
	}
	return out
}

// areaByCode is the framework's spelling of an area code ("i" finds "I"),
// or "".
func areaByCode(fw *par.Framework, code string) string {
	for _, a := range fw.Areas {
		if normCode(a.Code) == normCode(code) {
			return a.Code
		}
	}
	return ""
}

func areaCodes(fw *par.Framework) []string {
	out := make([]string, len(fw.Areas))
	for i, a := range fw.Areas {
		out[i] = a.Code
	}
	return out
}

func frameworkIDs(fws []*par.Framework) []string {
	out := make([]string, len(fws))
	for i, f := range fws {
		out[i] = f.ID
	}
	return out
}
