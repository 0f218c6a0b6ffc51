package site

import (
	"slices"
	"strings"
	"testing"
)

// An English list orders by the names it shows: the English one when
// given, else the Vietnamese one, which keeps its Vietnamese place (Đ after
// every D); names shown alike fall back to their Vietnamese names.
func TestNameOrder(t *testing.T) {
	type name struct{ vi, en string }
	names := []name{
		{"Sở Xây dựng", "Department of Construction"},
		{"Sở Y tế", ""},
		{"Sở Nội vụ", "Department of Home Affairs"},
		{"Đài Phát thanh và Truyền hình", ""},
		{"Sở Tài chính", "Department of Finance"},
		{"Công an tỉnh", ""},
		{"Ban Dân tộc", "Committee for Ethnic Minority Affairs"},
		{"Sở B", "Same name"},
		{"Sở A", "Same name"},
		{"Sở Khoa học và Công nghệ", "Department of Science and Technology"},
	}
	for _, c := range []struct {
		lang string
		want []string
	}{
		{langVi, []string{"Ban Dân tộc", "Công an tỉnh", "Đài Phát thanh và Truyền hình", "Sở A", "Sở B",
			"Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng", "Sở Y tế"}},
		{langEn, []string{"Committee for Ethnic Minority Affairs", "Công an tỉnh", "Department of Construction",
			"Department of Finance", "Department of Home Affairs", "Department of Science and Technology",
			"Đài Phát thanh và Truyền hình", "Same name/Sở A", "Same name/Sở B", "Sở Y tế"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			l := newLang(c.lang, nil)
			cmp := l.nameCmp()
			got := slices.Clone(names)
			slices.SortStableFunc(got, func(a, b name) int { return cmp(a.vi, a.en, b.vi, b.en) })
			var shown []string
			for _, n := range got {
				s := l.shownName(n.vi, n.en)
				if n.en == "Same name" && c.lang == langEn {
					s += "/" + n.vi
				}
				shown = append(shown, s)
			}
			if !slices.Equal(shown, c.want) {
				t.Errorf("order\n got %q\nwant %q", shown, c.want)
			}
		})
	}
}

// sortTies keeps the order of the figure and re-orders only the ties, on
// English pages only; names shown alike keep the order given.
func TestSortTies(t *testing.T) {
	type row struct {
		rank int
		name string
	}
	in := []row{{1, "Z"}, {2, "\uE000Sở Lao động\uE001"}, {2, "Department of Home Affairs"}, {4, "A"}, {0, "Sở Y tế"}, {0, "Department of Finance"}, {0, "B"}}
	level := func(a, b row) bool { return a.rank == b.rank }
	name := func(r row) string { return r.name }
	vi := slices.Clone(in)
	sortTies(newLang(langVi, nil), vi, level, name)
	if !slices.Equal(vi, in) {
		t.Errorf("Vietnamese order changed: %v", vi)
	}
	en := slices.Clone(in)
	sortTies(newLang(langEn, nil), en, level, name)
	want := []row{{1, "Z"}, {2, "Department of Home Affairs"}, {2, "\uE000Sở Lao động\uE001"}, {4, "A"}, {0, "B"}, {0, "Department of Finance"}, {0, "Sở Y tế"}}
	if !slices.Equal(en, want) {
		t.Errorf("English order\n got %v\nwant %v", en, want)
	}
}

// The site's lists in English: "Department of Finance" (Sở Tài chính)
// before "Department of Home Affairs" (Sở Nội vụ), the reverse of the
// Vietnamese order, in every list sorted by name; a ranking's tie follows
// the English names (2022: Sở Nội vụ and Sở Lao động – Thương binh và Xã
// hội, both second).
func TestEnglishListsFollowEnglishNames(t *testing.T) {
	files, _, _ := renderEnglish(t)
	order := func(page string, first, second string) {
		t.Helper()
		s := string(files[page])
		i, j := strings.Index(s, first), strings.Index(s, second)
		if i < 0 || j < 0 {
			t.Errorf("%s: %q or %q missing", page, first, second)
			return
		}
		if i > j {
			t.Errorf("%s: %q listed after %q", page, first, second)
		}
	}
	for _, c := range []struct{ page, first, second string }{
		{"en/don-vi/index.html", ">Department of Finance<", ">Department of Home Affairs<"},
		{"don-vi/index.html", ">Sở Nội vụ<", ">Sở Tài chính<"},
		{"en/khoi/so/index.html", `<option value="so-tai-chinh">`, `<option value="so-noi-vu">`},
		{"khoi/so/index.html", `<option value="so-noi-vu">`, `<option value="so-tai-chinh">`},
		{"en/khoi/so/so-sanh-don-vi/index.html", `"name":"Department of Finance"`, `"name":"Department of Home Affairs"`},
		{"khoi/so/so-sanh-don-vi/index.html", `"name":"Sở Nội vụ"`, `"name":"Sở Tài chính"`},
		{"en/tim-kiem/index.html", ">Department of Finance<", ">Department of Home Affairs<"},
		{"tim-kiem/index.html", ">Sở Nội vụ<", ">Sở Tài chính<"},
		{"en/nam/2022/so/index.html", ">Department of Home Affairs<", "Sở Lao động - Thương binh và Xã hội<"},
		{"nam/2022/so/index.html", ">Sở Lao động - Thương binh và Xã hội<", ">Sở Nội vụ<"},
	} {
		order(c.page, c.first, c.second)
	}
	// The search page lists pages under their English titles, not marked
	// as Vietnamese.
	if s := string(files["en/tim-kiem/index.html"]); !strings.Contains(s, `">Results 2023</a>`) {
		t.Error("the English search page does not list the year page under its English title")
	}
	// The comparison page's shares in the page's number convention.
	if s := string(files["en/khoi/so/so-sanh-don-vi/index.html"]); !strings.Contains(s, `"a":["`) || strings.Contains(s, `,00"`) {
		t.Error("the English comparison page's area shares are not in English numbers")
	}
	if s := string(files["khoi/so/so-sanh-don-vi/index.html"]); !strings.Contains(s, `,00"`) {
		t.Error("the Vietnamese comparison page's area shares lost their decimal comma")
	}
}
