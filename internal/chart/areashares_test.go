package chart

import (
	"slices"
	"testing"
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
