package par

import "testing"

// A Text says in Vietnamese exactly what the plain string said before:
// names by their Vietnamese name, nested clauses in place, numbers and
// codes as they are.
func TestTextString(t *testing.T) {
	tot, kha := Name{Name: "Tốt", NameEn: "Good"}, Name{Name: "Khá"}
	tests := []struct {
		name string
		t    Text
		want string
	}{
		{"zero", Text{}, ""},
		{"no args", Textf("chưa chấm điểm"), "chưa chấm điểm"},
		{"number", Textf("năm %d không có điểm lĩnh vực này", 2021), "năm 2021 không có điểm lĩnh vực này"},
		{"codes", Textf("bộ chỉ số đổi từ %s sang %s", "so-2019", "so-2022"), "bộ chỉ số đổi từ so-2019 sang so-2022"},
		{"names and nested", Textf("hạ từ %s xuống %s: %s", tot, kha,
			Textf("%d/%d %s đạt từ %s trở lên (cần ít nhất %d/%d)", 5, 11, Name{Name: "xã", NameEn: "Communes"}, tot, 2, 3)),
			"hạ từ Tốt xuống Khá: 5/11 xã đạt từ Tốt trở lên (cần ít nhất 2/3)"},
		{"nested twice", Textf("a: %s", Textf("b: %s", Textf("c %d", 1))), "a: b: c 1"},
	}
	for _, tc := range tests {
		if got := tc.t.String(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		if tc.t.IsZero() != (tc.want == "") {
			t.Errorf("%s: IsZero %v", tc.name, tc.t.IsZero())
		}
	}
}

// In turns every format, nested ones too, and says names its own way.
func TestTextIn(t *testing.T) {
	tx := Textf("giữ loại %s: %s", Name{Name: "Tốt", NameEn: "Good"}, Textf("%d/%d %s", 3, 4, Name{Name: "xã"}))
	got := tx.In(func(n Name) string { return "<" + n.NameEn + ">" }, func(f string) string { return "[" + f + "]" })
	if want := "[giữ loại <Good>: [3/4 <>]]"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
