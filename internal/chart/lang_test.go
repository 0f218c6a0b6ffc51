package chart

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testEnglish is an English Lang for the tests, with the texts the
// translated charts use (the site's catalog lives in internal/site); a
// text without an entry fails the test that renders it.
type testEnglish struct {
	t *testing.T
}

var testCatalog = map[string]string{
	"%s năm %d":               "%s %d",
	", khối %s":               ", group %s",
	"năm %d":                  "%d",
	"Chỉ số CCHC":             "PAR Index",
	"Số đơn vị theo xếp loại": "Units by band",
	"Hạng":                    "Rank",
	"Đơn vị":                  "Unit",
	"Xếp loại":                "Band",
	labelIndex:                "Index (%)",
	labelUnits:                "Units",
	labelUnranked:             "Not banded",
	labelUnscored:             "Not scored",
	", trục bắt đầu từ %d":    ", axis from %d",
	"Biểu đồ chấm chỉ số CCHC (trục bắt đầu từ %d) ": "Dot plot of the PAR Index (axis from %d) ",
	"Biểu đồ cột ngang chỉ số CCHC ":                 "Horizontal bar chart of the PAR Index ",
	": chưa có đơn vị nào có chỉ số.":                ": no unit has an index yet.",
	"%d đơn vị":    "%d units",
	"; cao nhất ":  "; highest ",
	", thấp nhất ": ", lowest ",
	"Biểu đồ cột ngang số đơn vị theo xếp loại ": "Horizontal bar chart of the units by band ",
	"chưa có kết quả.": "no results yet.",
	labelArea:          "Area",
	"Tỷ lệ điểm đạt theo lĩnh vực": "Share of points by area",
	" (% điểm tối đa áp dụng)":     " (% of the applicable maximum)",
	"%s – lĩnh vực %s":             "%s – area %s",
	"Bản đồ nhiệt tỷ lệ điểm đạt so với điểm tối đa áp dụng của %d đơn vị trên %d lĩnh vực, %s, màu càng đậm tỷ lệ càng cao (thang màu từ %d đến 100 %%)": "Heatmap of the share of the applicable maximum scored by %d units in %d areas, %s, the darker the higher (colour scale from %d to 100 %%)",
	"; trung bình cao nhất ở lĩnh vực %s (%s %%), thấp nhất ở lĩnh vực %s (%s %%)":                                                                        "; highest average in area %s (%s %%), lowest in area %s (%s %%)",
	"; %d ô để trống vì không có điểm lĩnh vực hoặc mọi tiêu chí không áp dụng":                                                                           "; %d cells empty: no area score, or no criterion applies",
	"Tiêu chí":   "Criterion",
	" trở xuống": " and below",
	labelShare:   "Share of points (%)",
	"Tỷ lệ điểm đạt theo tiêu chí":           "Share of points by criterion",
	" (tiêu chí nhiều đơn vị mất điểm nhất)": " (criteria the most units lost points on)",
	"Bản đồ nhiệt tỷ lệ điểm đạt của %d đơn vị có phiếu chấm chi tiết đầy đủ trên %d tiêu chí nhiều đơn vị mất điểm nhất, %s, màu càng đậm tỷ lệ càng cao (thang màu từ %d đến 100 %%); ô trống: tiêu chí không áp dụng cho đơn vị": "Heatmap of the share of points scored by %d units with a complete detailed scoring sheet on the %d criteria the most units lost points on, %s, the darker the higher (colour scale from %d to 100 %%); empty cell: the criterion does not apply to the unit",
	"; nhiều đơn vị mất điểm nhất: %s %s (%d/%d đơn vị).": "; most often lost: %s %s (%d/%d units).",
	"Chỉ số CCHC năm %d và năm %d":                        "PAR Index %d and %d",
	"năm %d là kết quả của %s (đơn vị tiền thân)":         "%d is the result of %s (predecessor unit)",
	"chỉ có năm %d":     "%d only",
	"Thay đổi (điểm %)": "Change (percentage points)",
	"Ghi chú":           "Note",
	"Năm":               "Year",
	"Biểu đồ độ dốc chỉ số CCHC": "Slope chart of the PAR Index",
	" (trục bắt đầu từ %d)":      " (axis from %d)",
	" khối %s":                   ", group %s,",
	" năm %d và năm %d":          " %d and %d",
	": %d đơn vị tăng (đường xanh), %d giảm (đường đỏ), %d không đổi": ": %d units rose (blue lines), %d fell (red lines), %d unchanged",
	"; %d đơn vị chỉ có chỉ số một năm (một chấm)":                    "; %d units have an index in one year only (one dot)",
	"; hai năm theo hai bộ chỉ số khác nhau, chỉ so sánh chỉ số":      "; the two years follow different frameworks, only the indexes are compared",
	"; tên đơn vị hiện khi di chuột lên đường":                        "; a unit's name shows on hovering its line",
}

func (testEnglish) Tag() string { return "en" }
func (e testEnglish) T(s string) string {
	if v, ok := testCatalog[s]; ok {
		return v
	}
	e.t.Errorf("no English for %q", s)
	return s
}
func (e testEnglish) F(f string, args ...any) string { return fmt.Sprintf(e.T(f), args...) }
func (testEnglish) Num(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ',':
			return '.'
		case '.':
			return ','
		}
		return r
	}, s)
}
func (testEnglish) Name(vi, en string) string {
	if en != "" {
		return en
	}
	return "[vi]" + vi
}

// The ranking charts in English: titles, axis, series, labels, table and
// description (goldens testdata/*-en.json).
func TestEnglishGolden(t *testing.T) {
	en := testEnglish{t}
	for name, fn := range map[string]func() Chart{
		"ranking-index-en":     func() Chart { return RankingIndex(en, ranking(framework("fw2022"), nil)) },
		"band-distribution-en": func() Chart { return BandDistribution(en, ranking(framework("fw2022"), nil)) },
		"criteria-heatmap-en":  func() Chart { return CriteriaHeatmap(en, criteriaFixture()) },
		"area-heatmap-en":      func() Chart { return AreaHeatmap(en, heatComparison()) },
		"pair-slope-en":        func() Chart { return PairSlope(en, pairFixture("Sở Nội vụ")) },
	} {
		t.Run(name, func(t *testing.T) {
			got := golden(t, fn())
			path := filepath.Join("testdata", name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/chart -update)", err)
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from %s; rerun with -update and review the diff", name, path)
			}
			if strings.ContainsAny(string(got), "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ") && !strings.Contains(string(got), "[vi]") {
				t.Errorf("%s: Vietnamese text in an English chart", name)
			}
		})
	}
}
