package ingest

import (
	"testing"

	"parindex/internal/viet"
)

// Rule: header labels are recognised whatever their case, diacritics,
// punctuation or wording among the variants offices use, abbreviations
// included (TĐG = tự đánh giá, HĐTĐ = Hội đồng thẩm định).
func TestDetailRoleVariants(t *testing.T) {
	tests := []struct {
		label string
		want  role
		round int
	}{
		{"Nội dung", roleContent, 0},
		{"NỘI DUNG TIÊU CHÍ", roleContent, 0},
		{"Lĩnh vực/tiêu chí/tiêu chí thành phần", roleContent, 0},
		{"Điểm chuẩn", roleMax, 0},
		{"Điểm tối đa", roleMax, 0},
		{"Diem toi da", roleMax, 0},
		{"Thang điểm", roleMax, 0},
		{"Tự chấm", roleSelf, 0},
		{"Điểm tự đánh giá", roleSelf, 0},
		{"Điểm TĐG", roleSelf, 0},
		{"Tự ĐG", roleSelf, 0},
		{"Tài liệu kiểm chứng/Giải trình", roleEvidence, 0},
		{"Điểm chấm thực tế", roleAppraised, 0},
		{"Điểm thẩm định", roleAppraised, 0},
		{"Điểm HĐTĐ", roleAppraised, 0},
		{"Thẩm định lần 2", roleAppraised, 2},
		{"Điểm đạt được", roleAppraised, 0},
		{"Ý kiến", roleRemark, 0},
		{"Ý kiến của Hội đồng thẩm định", roleRemark, 0},
		{"Ghi chú", roleRemark, 0},
		{"STT", roleCode, 0},
		{"TT", roleCode, 0},
	}
	for _, tt := range tests {
		r, round := detailRole(viet.Key(tt.label))
		if r != tt.want || round != tt.round {
			t.Errorf("detailRole(%q) = %d, %d; want %d, %d", tt.label, r, round, tt.want, tt.round)
		}
	}
}
