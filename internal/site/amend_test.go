package site

import (
	"strings"
	"testing"

	"parindex/internal/par"
)

// Rule "decisions match their rankings": a decision amending another is
// shown with it, in order, on the ranking; each decision's page links the
// decision it amends and the ones that change it.
func TestAmendingDecisionShown(t *testing.T) {
	f := newFixture("")
	var qd2023 *par.Doc
	for _, d := range f.ds.Docs {
		if d.Kind == par.DocDecision && d.Year == 2023 {
			qd2023 = d
		}
	}
	amend := &par.Doc{Kind: par.DocDecision, Path: "content/decisions/2023-sua-doi.md", Slug: "2023-sua-doi",
		Title: "Sửa đổi, bổ sung Quyết định số 1007/QĐ-UBND", Year: 2023, Number: "88/QĐ-UBND", Date: par.Date{Year: 2024, Month: 4, Day: 2},
		Groups: []string{"so"}, Amends: []string{"1007/QD-UBND"}}
	f.ds.Docs = append(f.ds.Docs, amend)
	for _, rk := range f.res.Rankings {
		if rk.Year == 2023 && rk.Group.ID == "so" {
			rk.Amendments = []*par.Doc{amend}
		}
	}
	files := build(t, f.input("/"), 1)

	rk := string(files["nam/2023/so/index.html"])
	want := `Công bố theo <a href="/quyet-dinh/1007-qd-ubnd-2024/">Quyết định số 1007/QĐ-UBND ngày 20/02/2024</a>, được sửa đổi, bổ sung bởi <a href="/quyet-dinh/2023-sua-doi/">Quyết định số 88/QĐ-UBND ngày 02/04/2024</a>.`
	if !strings.Contains(rk, want) {
		t.Errorf("ranking page lacks\n%s", want)
	}
	if other := string(files["nam/2023/huyen/index.html"]); strings.Contains(other, "88/QĐ-UBND") {
		t.Error("the amendment shown on a ranking it does not amend")
	}

	am := string(files["quyet-dinh/2023-sua-doi/index.html"])
	if want := `<tr><th scope="row">Sửa đổi, bổ sung</th><td><a href="/quyet-dinh/1007-qd-ubnd-2024/">Quyết định số 1007/QĐ-UBND ngày 20/02/2024</a></td></tr>`; !strings.Contains(am, want) {
		t.Errorf("amending decision's page lacks\n%s", want)
	}
	orig := string(files["quyet-dinh/"+qd2023.Slug+"/index.html"])
	if want := `<tr><th scope="row">Được sửa đổi, thay thế bởi</th><td><a href="/quyet-dinh/2023-sua-doi/">Quyết định số 88/QĐ-UBND ngày 02/04/2024</a></td></tr>`; !strings.Contains(orig, want) {
		t.Errorf("amended decision's page lacks\n%s", want)
	}

	// Replacing is said as such.
	amend.Amends, amend.Replaces = nil, []string{"1007/QĐ-UBND"}
	files = build(t, f.input("/"), 1)
	if rk := string(files["nam/2023/so/index.html"]); !strings.Contains(rk, `, được thay thế bởi <a href="/quyet-dinh/2023-sua-doi/">`) {
		t.Error("ranking page does not say the decision was replaced")
	}
	if am := string(files["quyet-dinh/2023-sua-doi/index.html"]); !strings.Contains(am, `<tr><th scope="row">Thay thế</th>`) {
		t.Error("replacing decision's page does not say what it replaces")
	}
}
