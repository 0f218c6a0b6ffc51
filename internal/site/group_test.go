package site

import (
	"encoding/json"
	"strings"
	"testing"

	"parindex/internal/compute"
	"parindex/internal/par"
)

// fixtureHistories gives the fixture's rankings their group histories as
// the compute stage does.
func fixtureHistories(reg *par.Registry, rks []*par.Ranking) []*par.History {
	return compute.Histories(reg, rks)
}

// The group page names every ranking of its group (the preview re-renders
// it when one of them changes), links each year's ranking, the year pairs
// and the unit comparison, and offers the bump chart's units.
func TestGroupPage(t *testing.T) {
	in := newFixture("").input("/")
	pages := Plan(in)
	var gp, cp *Page
	for i := range pages {
		switch pages[i].URL {
		case "/khoi/so/":
			gp = &pages[i]
		case "/khoi/so/so-sanh-don-vi/":
			cp = &pages[i]
		}
	}
	if gp == nil || cp == nil {
		t.Fatalf("no group or compare page for so")
	}
	for _, p := range []*Page{gp, cp} {
		if strings.Join(p.Rankings, " ") != "2022/so 2023/so" {
			t.Errorf("%s: Rankings %v", p.URL, p.Rankings)
		}
	}
	files := build(t, in, 1)
	page := string(files["khoi/so/index.html"])
	for _, want := range []string{
		`href="/nam/2022/so/"`, `href="/nam/2023/so/"`, `href="/khoi/so/so-sanh-don-vi/"`,
		`<option value="so-noi-vu">`, `data-bump-picker="chart-group-so-ranks"`, `/static/js/group.js`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("group page lacks %s", want)
		}
	}
	// The year-pair pages (kind_pair.go) are linked, as planned.
	if !strings.Contains(page, `href="/khoi/so/2022-2023/"`) {
		t.Errorf("group page does not link its year pair")
	}
	for _, p := range []string{"index.html", "nam/index.html", "nam/2023/so/index.html"} {
		if !strings.Contains(string(files[p]), `href="/khoi/so/"`) {
			t.Errorf("%s does not link the group page", p)
		}
	}
}

// The compare page works without JavaScript: a table of every unit's
// index per year; the data island holds figures as the tables print them
// and names only as JSON data.
func TestComparePageHostile(t *testing.T) {
	const hostile = `<script>alert(1)</script>`
	files := build(t, newFixture(hostile).input("/"), 1)
	page := string(files["khoi/so/so-sanh-don-vi/index.html"])
	if page == "" {
		t.Fatal("no compare page")
	}
	if strings.Contains(page, hostile) {
		t.Errorf("raw markup from a name reached the compare page")
	}
	if !strings.Contains(page, `id="so-sanh-du-lieu"`) || !strings.Contains(page, "Bộ chọn đơn vị cần JavaScript") {
		t.Errorf("compare page lacks its data or its no-JS note")
	}
}

// A year pair is linked when its page is planned.
func TestGroupPageLinksPlannedPairs(t *testing.T) {
	in := newFixture("").input("/")
	m := newModel(in, newLang(langVi, nil))
	m.plan()
	m.planned["/khoi/so/2022-2023/"] = true
	h := in.Results.Histories[0]
	p := m.group(h, m.byGroup[h.Group.ID])
	if !p.Pairs || len(p.Years) != 2 || p.Years[1].Pair.URL != "/khoi/so/2022-2023/" || p.Years[1].Pair.Title != "2022–2023" {
		t.Errorf("pairs %v %+v", p.Pairs, p.Years)
	}
	if len(p.FwChanges) != 1 {
		t.Errorf("framework changes %v", p.FwChanges)
	}
}

func TestThresholdNotes(t *testing.T) {
	a := &par.Framework{ID: "so-2019"}
	b := &par.Framework{ID: "so-2022"}
	c := &par.Framework{ID: "so-2024", Basis: par.BasisPoints}
	got := (&model{lang: newLang(langVi, nil)}).thresholdNotes([]par.ThresholdChange{
		{Key: "tot", Name: "Tốt", Year: 2022, From: a, To: b, FromMin: pt("80"), ToMin: pt("90")},
		{Key: "kha", Name: "Khá", Year: 2022, From: a, To: b, FromMin: pt("50"), ToMin: pt("65.5")},
		{Key: "tot", Name: "Tốt", Year: 2024, From: b, To: c, FromMin: pt("90"), ToMin: pt("85")},
	})
	want := []string{
		"Ngưỡng mức Tốt: từ 80 % (so-2019) → từ 90 % (so-2022, từ năm 2022) → từ 85 điểm (so-2024, từ năm 2024)",
		"Ngưỡng mức Khá: từ 50 % (so-2019) → từ 65,5 % (so-2022, từ năm 2022)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The comparison's data: figures as the tables print them, a year
// without a result is null (never 0), a unit not scored says so, and a
// merged unit and its predecessors are separate units.
func TestCompareData(t *testing.T) {
	in := newFixture("").input("/")
	m := newModel(in, newLang(langVi, nil))
	m.plan()
	p, err := m.compare(m.groupByID["xa"], m.byGroup["xa"])
	if err != nil {
		t.Fatal(err)
	}
	var d compareData
	if err := json.Unmarshal(p.Data, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Years) != 2 || d.Years[0].Year != 2022 || d.Years[1].Ranked != 1 || d.Min != 2 || d.Max != 10 {
		t.Errorf("years %+v min %d max %d", d.Years, d.Min, d.Max)
	}
	units := map[string]compareUnit{}
	for _, u := range d.Units {
		units[u.ID] = u
	}
	tanAn, tanPhu, binhMinh := units["xa-tan-an"], units["xa-tan-phu"], units["xa-binh-minh"]
	if len(tanAn.Res) != 2 || tanAn.Res[0] == nil || tanAn.Res[0].Index != "88,00" || tanAn.Res[0].Rank != 1 || tanAn.Res[1] != nil {
		t.Errorf("Tân An (merged into Tân Phú in 2023): %+v", tanAn.Res)
	}
	if len(tanPhu.Res) != 2 || tanPhu.Res[0] != nil || tanPhu.Res[1] == nil || tanPhu.Res[1].Index != "80,50" {
		t.Errorf("Tân Phú: %+v", tanPhu.Res)
	}
	if r := binhMinh.Res[1]; r == nil || r.Scored || r.Index != "" || r.Rank != 0 {
		t.Errorf("Bình Minh not scored in 2023: %+v", r)
	}
	// The table for readers without JavaScript: every unit, each year.
	if len(p.Rows) != len(d.Units) || len(p.Rows[0].Cells) != 2 {
		t.Errorf("rows %+v", p.Rows)
	}
}
