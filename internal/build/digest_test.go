package build

import (
	"hash/maphash"
	"testing"

	"parindex/internal/par"
)

// A ranking's digest changes with any figure of its results, down to a
// criterion's remark, and with nothing else.
func TestRankingDigests(t *testing.T) {
	seed := maphash.MakeSeed()
	mk := func(remark string, total int64) *par.Results {
		u := &par.Unit{ID: "a"}
		node := &par.Node{Key: "I"}
		r := &par.Result{Unit: u, Group: "so", Year: 2023, Scored: true,
			Total: par.Figure{Value: par.Points(total), Decimals: 2, Origin: par.Published, Src: par.Source{File: "f.xlsx", Sheet: "S", Cell: "F9"}},
			Tree:  []*par.NodeResult{{Node: node, Remark: remark}}}
		return &par.Results{Rankings: []*par.Ranking{{Group: &par.Group{ID: "so"}, Year: 2023, Results: []*par.Result{r}}}}
	}
	base := rankingDigests(mk("ok", 9000), seed)["2023/so"]
	if again := rankingDigests(mk("ok", 9000), seed)["2023/so"]; again != base {
		t.Error("the same results give another digest")
	}
	if d := rankingDigests(mk("sửa", 9000), seed)["2023/so"]; d == base {
		t.Error("a remark changed, the digest did not")
	}
	if d := rankingDigests(mk("ok", 9010), seed)["2023/so"]; d == base {
		t.Error("a total changed, the digest did not")
	}
}
