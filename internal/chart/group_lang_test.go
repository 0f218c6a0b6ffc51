package chart

import (
	"slices"
	"testing"

	"parindex/internal/par"
)

// AreaShares speaks the page's language: the shares in its number
// convention (the comparison page's data island prints them as they are)
// and the areas under their titles in it.
func TestAreaSharesLanguage(t *testing.T) {
	r := unitYear("Sở Nội vụ", "9.5", "11.25", "")
	r.Framework.Areas[0].TitleEn = "Direction and management of PAR"
	r.Framework.Index()
	for _, c := range []struct {
		name   string
		l      Lang
		labels []string
		texts  []string
	}{
		{"vi", Vietnamese(),
			[]string{"I. Công tác chỉ đạo, điều hành CCHC", "II. Cải cách thủ tục hành chính", "III. Chính quyền số"},
			[]string{"95,00", "90,00", ""}},
		{"en", testEnglish{t},
			[]string{"I. Direction and management of PAR", "II. [vi]Cải cách thủ tục hành chính", "III. [vi]Chính quyền số"},
			[]string{"95.00", "90.00", ""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := AreaShares(c.l, r, stats())
			var labels, texts []string
			for _, a := range got {
				labels, texts = append(labels, a.Label), append(texts, a.Text)
			}
			if !slices.Equal(labels, c.labels) {
				t.Errorf("labels %q, want %q", labels, c.labels)
			}
			if !slices.Equal(texts, c.texts) {
				t.Errorf("shares %q, want %q", texts, c.texts)
			}
		})
	}
}

// The bump chart lists units tied at their last rank by the name the chart
// shows: in English "Department of Health" (Sở Y tế) before "Department of
// Home Affairs" (Sở Nội vụ), the reverse of the Vietnamese order.
func TestBumpTiesByShownName(t *testing.T) {
	fw := framework("fw2022")
	nv, yt := unit("so-noi-vu", "Sở Nội vụ"), unit("so-y-te", "Sở Y tế")
	nv.Names[0].NameEn, yt.Names[0].NameEn = "Department of Home Affairs", "Department of Health"
	rk := &par.Ranking{Group: &par.Group{ID: "so", Name: "Sở, ban, ngành"}, Year: 2023, Framework: fw,
		Results: []*par.Result{result(nv, fw, 2023, "90", 1, "xs"), result(yt, fw, 2023, "90", 1, "xs")}}
	h := &par.History{Group: rk.Group, Years: []par.YearStat{{Year: 2023, Framework: fw}}}
	for _, c := range []struct {
		l    Lang
		want []string
	}{
		{Vietnamese(), []string{"so-noi-vu", "so-y-te"}},
		{testEnglish{t}, []string{"so-y-te", "so-noi-vu"}},
	} {
		var got []string
		for _, u := range gatherBump(c.l, h, []*par.Ranking{rk}).units {
			got = append(got, u.id)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: order %v, want %v", c.l.Tag(), got, c.want)
		}
	}
}
