package chart

import (
	"fmt"
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
	"chưa có kết quả.":                        "no results yet.",
	"Tỷ lệ đơn vị theo xếp loại qua các năm":  "Share of units by band over the years",
	"%d chưa xếp loại":                        "%d not banded",
	"%d chưa chấm điểm":                       "%d not scored",
	" (ngoài ra %s)":                          " (plus %s)",
	"Tỷ lệ trong số đơn vị được xếp loại (%)": "Share of the banded units (%)",
	"Biểu đồ cột ngang chồng tỷ lệ đơn vị theo xếp loại khối %s qua các năm": "Stacked horizontal bar chart of the share of units by band of group %s over the years",
	"không đơn vị nào được xếp loại":                                         "no unit banded",
	", chưa xếp loại %d":           ", not banded %d",
	", chưa chấm điểm %d":          ", not scored %d",
	"Xếp hạng qua các năm":         "Rank over the years",
	"Năm (nét đứt: đổi bộ chỉ số)": "Year (dashed line: framework changed)",
	labelRank:     "Rank",
	" (1 ở trên)": " (1 at the top)",
	"Biểu đồ đường xếp hạng (hạng 1 ở trên) của %d đơn vị khối %s": "Line chart of the ranks (rank 1 at the top) of %d units of group %s",
	" các năm %s": ", %s",
	"; năm đơn vị không có mặt hoặc không được xếp hạng để trống": "; a year the unit was absent or not ranked is left empty",
	"; đổi bộ chỉ số năm %s (nét đứt)":                            "; framework changed in %s (dashed line)",
	labelFramework: "framework changed",
	"Phân bố chỉ số CCHC qua các năm": "Distribution of the PAR Index over the years",
	"Số đơn vị có chỉ số":             "Units with an index",
	"Thấp nhất":                       "Lowest",
	"Tứ phân vị thứ nhất":             "First quartile",
	"Trung vị":                        "Median",
	"Tứ phân vị thứ ba":               "Third quartile",
	"Cao nhất":                        "Highest",
	"thấp nhất %s; tứ phân vị 1: %s; trung vị %s; tứ phân vị 3: %s; cao nhất %s":  "lowest %s; quartile 1: %s; median %s; quartile 3: %s; highest %s",
	"Phân bố (thấp nhất, tứ phân vị, trung vị, cao nhất)":                         "Distribution (lowest, quartiles, median, highest)",
	"Biểu đồ hộp phân bố chỉ số CCHC khối %s qua các năm, mỗi chấm là một đơn vị": "Box plot of the PAR Index of group %s over the years, each dot a unit",
	" chưa có chỉ số":                    " no index yet",
	" trung vị %s %% (%s–%s, %d đơn vị)": " median %s %% (%s–%s, %d units)",
	"; trục bắt đầu từ %d":               "; axis from %d",
	labelArea:                            "Area",
	"Tỷ lệ điểm đạt theo lĩnh vực":       "Share of points by area",
	" (% điểm tối đa áp dụng)":           " (% of the applicable maximum)",
	"%s – lĩnh vực %s":                   "%s – area %s",
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
		"group-ranks-en": func() Chart {
			h, rks := groupFixture(nil)
			c, _, _ := GroupHistory(en, h, rks)
			return c
		},
		"group-bands-en": func() Chart {
			h, rks := groupFixture(nil)
			_, c, _ := GroupHistory(en, h, rks)
			return c
		},
		"group-index-en": func() Chart {
			h, rks := groupFixture(nil)
			_, _, c := GroupHistory(en, h, rks)
			return c
		},
		"pair-slope-en": func() Chart { return PairSlope(en, pairFixture("Sở Nội vụ")) },
	} {
		t.Run(name, func(t *testing.T) {
			got := checkGolden(t, name, fn())
			if strings.ContainsAny(string(got), "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ") && !strings.Contains(string(got), "[vi]") {
				t.Errorf("%s: Vietnamese text in an English chart", name)
			}
		})
	}
}
