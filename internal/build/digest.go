package build

import (
	"cmp"
	"encoding/binary"
	"hash/maphash"
	"math"
	"reflect"
	"slices"

	"parindex/internal/par"
	"parindex/internal/site"
)

// rankingDigests fingerprints the results of every ranking, by
// site.RankingKey, so a preview can tell which rankings a workbook edit
// changed. The digest walks every field of the results (so a field added
// later is covered without a change here); values shared by the whole
// site — units, groups, frameworks and their criteria, documents — count
// by their identity (id, key, path), since a change to them is a change to
// a configuration or document file, which re-renders everything anyway.
func rankingDigests(res *par.Results, seed maphash.Seed) map[string]uint64 {
	out := make(map[string]uint64, len(res.Rankings))
	for _, rk := range res.Rankings {
		var h maphash.Hash
		h.SetSeed(seed)
		digest(&h, reflect.ValueOf(rk).Elem())
		out[site.RankingKey(rk.Year, rk.Group.ID)] = h.Sum64()
	}
	return out
}

// reconDigest fingerprints the register of recorded differences, which
// every kind of page marks (‡).
func reconDigest(res *par.Results, seed maphash.Seed) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	digest(&h, reflect.ValueOf(res.Reconciled))
	return h.Sum64()
}

var (
	unitType      = reflect.TypeFor[par.Unit]()
	groupType     = reflect.TypeFor[par.Group]()
	frameworkType = reflect.TypeFor[par.Framework]()
	nodeType      = reflect.TypeFor[par.Node]()
	docType       = reflect.TypeFor[par.Doc]()
)

func digest(h *maphash.Hash, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteByte(1)
		switch v.Type().Elem() {
		case unitType:
			h.WriteString(v.Interface().(*par.Unit).ID)
		case groupType:
			h.WriteString(v.Interface().(*par.Group).ID)
		case frameworkType:
			h.WriteString(v.Interface().(*par.Framework).ID)
		case nodeType:
			h.WriteString(v.Interface().(*par.Node).Key)
		case docType:
			h.WriteString(v.Interface().(*par.Doc).Path)
		default:
			digest(h, v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				digest(h, v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		writeInt(h, int64(v.Len()))
		for i := range v.Len() {
			digest(h, v.Index(i))
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return compareKeys(a, b) })
		writeInt(h, int64(v.Len()))
		for _, k := range keys {
			digest(h, k)
			digest(h, v.MapIndex(k))
		}
	case reflect.String:
		writeInt(h, int64(v.Len()))
		h.WriteString(v.String())
	case reflect.Bool:
		if v.Bool() {
			h.WriteByte(1)
		} else {
			h.WriteByte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		writeInt(h, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		writeInt(h, int64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		writeInt(h, int64(math.Float64bits(v.Float())))
	case reflect.Interface:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		digest(h, v.Elem())
	default:
		// Functions, channels: results hold none. Say so loudly rather
		// than skip a field a preview would then miss.
		panic("digest: unexpected " + v.Kind().String() + " in the results")
	}
}

// writeInt writes n as 8 bytes, so that no two sequences of values hash
// the same text.
func writeInt(h *maphash.Hash, n int64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

// compareKeys orders map keys of one type: strings and numbers.
func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	}
	return 0 // other key kinds: order as found (results have none)
}
