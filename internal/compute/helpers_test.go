package compute

import (
	"strings"
	"testing"

	"parindex/internal/diag"
	"parindex/internal/par"
)

// Fixtures are built in code: small frameworks, registries, sheets and
// annex rows, with sources shaped like ingest's.

func P(s string) par.Points { return par.MustPoints(s) }

func leaf(code, maxV string, m par.Method) *par.Node {
	return &par.Node{Code: code, Title: "Tiêu chí " + code, Max: P(maxV), Method: m}
}

func inner(code string, kids ...*par.Node) *par.Node {
	n := &par.Node{Code: code, Title: "Mục " + code, Children: kids}
	for _, k := range kids {
		n.Max += k.Max
	}
	return n
}

// indexBands are Bắc Kạn's bands on the index.
func indexBands() []par.Band {
	return []par.Band{
		{ID: "xuat-sac", Name: "Xuất sắc", Min: P("90")},
		{ID: "tot", Name: "Tốt", Min: P("80")},
		{ID: "kha", Name: "Khá", Min: P("50")},
		{ID: "trung-binh", Name: "Trung bình", Min: P("0")},
	}
}

func framework(id string, groups []string, from, to int, areas ...*par.Node) *par.Framework {
	f := &par.Framework{
		ID: id, Title: "Bộ chỉ số " + id, Groups: groups, From: from, To: to,
		Basis: par.BasisIndex, Decimals: 2, Bands: indexBands(), Areas: areas,
		Src: par.Source{File: "data/frameworks/" + id + ".yaml", Line: 1},
	}
	f.Index()
	return f
}

// flatFW is a one-area framework of n self-assessed leaves "1".."n" with
// the given maxima, for ranking tests.
func flatFW(id, group string, maxima ...string) *par.Framework {
	var kids []*par.Node
	for i, m := range maxima {
		kids = append(kids, leaf(itoa(i+1), m, ""))
	}
	return framework(id, []string{group}, 2000, 0, inner("I", kids...))
}

func itoa(i int) string {
	const d = "0123456789"
	if i < 10 {
		return d[i : i+1]
	}
	return itoa(i/10) + d[i%10:i%10+1]
}

func unit(id, group, name string, events ...par.Event) *par.Unit {
	return &par.Unit{ID: id, Group: group, Names: []par.Name{{Name: name}}, Events: events,
		Src: par.Source{File: "data/units.yaml", Line: 10}}
}

func registry(groups []*par.Group, units ...*par.Unit) *par.Registry {
	r := &par.Registry{Groups: groups, Units: units}
	r.Index()
	return r
}

func groups(ids ...string) []*par.Group {
	var gs []*par.Group
	for i, id := range ids {
		gs = append(gs, &par.Group{ID: id, Name: "Khối " + id, Order: i})
	}
	return gs
}

func date(s string) par.Date {
	d, err := par.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// cellFig is a figure read from a cell, with the decimals as typed.
func cellFig(v string, src par.Source) par.Figure {
	p, d, err := par.ParsePoints(v)
	if err != nil {
		panic(err)
	}
	return par.Pub(p, d, src)
}

// sheetOf builds a detail sheet: rows as "key=appraised" ("key=na" for not
// applicable, "key=" for blank), self-assessed equal to appraised.
func sheetOf(unitID string, year int, file string, rows ...string) *par.Sheet {
	sh := &par.Sheet{Unit: unitID, Year: year, Src: par.Source{File: file, Sheet: unitID, Cell: "A1"}}
	for i, r := range rows {
		key, v, _ := strings.Cut(r, "=")
		line := itoa(i + 8)
		row := &par.Row{Key: key, Src: par.Source{File: file, Sheet: unitID, Cell: "B" + line}}
		switch v {
		case "na":
			row.NA = true
		case "":
		default:
			row.Appraised = cellFig(v, par.Source{File: file, Sheet: unitID, Cell: "F" + line})
			row.Self = cellFig(v, par.Source{File: file, Sheet: unitID, Cell: "D" + line})
		}
		sh.Rows = append(sh.Rows, row)
	}
	return sh
}

// annex builds a summary row on sheet "Phụ lục" at the given row number.
func annex(unitID string, year, row int, total, index string) *par.Summary {
	file := "data/scores/" + itoa(year) + "/phu-luc.xlsx"
	src := func(col string) par.Source {
		return par.Source{File: file, Sheet: "Phụ lục", Cell: col + itoa(row)}
	}
	s := &par.Summary{Unit: unitID, Year: year, Src: src("B")}
	if total != "" {
		s.Total = cellFig(total, src("C"))
	}
	if index != "" {
		s.Index = cellFig(index, src("G"))
	}
	return s
}

func mustRun(t *testing.T, ds *par.Dataset) (*par.Results, *diag.List) {
	t.Helper()
	res, dl := Run(ds)
	if res == nil || dl == nil {
		t.Fatal("Run returned nil")
	}
	return res, dl
}

func find(res *par.Results, unitID string, year int) *par.Result {
	for _, r := range res.ByUnit[unitID] {
		if r.Year == year {
			return r
		}
	}
	return nil
}

func rankingOf(res *par.Results, group string, year int) *par.Ranking {
	for _, rk := range res.Rankings {
		if rk.Group.ID == group && rk.Year == year {
			return rk
		}
	}
	return nil
}

// order lists "id:rank" of a ranking's results in order.
func order(rk *par.Ranking) string {
	var b []string
	for _, r := range rk.Results {
		b = append(b, r.Unit.ID+":"+itoa(r.Rank.N))
	}
	return strings.Join(b, " ")
}

func diags(dl *diag.List) string { return strings.TrimSuffix(dl.String(), "\n") }

func wantDiags(t *testing.T, dl *diag.List, want ...string) {
	t.Helper()
	got := diags(dl)
	w := strings.Join(want, "\n")
	if got != w {
		t.Errorf("diagnostics:\n got:\n%s\nwant:\n%s", got, w)
	}
}
