package ingest

import (
	"testing"

	"parindex/internal/par"
)

func sumByUnit(ds *par.Dataset) map[string]*par.Summary {
	m := map[string]*par.Summary{}
	for _, s := range ds.Summaries {
		m[s.Unit] = s
	}
	return m
}

// Rule: an annex sheet may hold several tables (one per ranking group),
// each with its header, section title rows, an average row; a unit row
// with a blank total and index is kept as not scored.
func TestSummarySeveralTables(t *testing.T) {
	sh := sheet("PL1", []string{"A1:H1", "A4:H4", "A11:E11"},
		[]any{"PHỤ LỤC: KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"},
		[]any{"(Kèm theo Quyết định số 1007/QĐ-UBND ngày 20/02/2024)"},
		[]any{"STT", "Tên cơ quan, đơn vị", "Tổng điểm", "Điểm thẩm định", "Điểm điều tra XHH", "Chỉ số CCHC (%)", "Xếp loại", "Thứ tự xếp hạng"},
		[]any{"I. KHỐI SỞ, BAN, NGÀNH"},
		[]any{1, "Sở Nội vụ", "85,50", 60, "25,5", 85.5, "Tốt", 1},
		[]any{2, "SỞ TƯ PHÁP", 80, 58, 22, 80, "Tốt", 2},
		[]any{3, "Sở Khoa học và Công nghệ", nil, nil, nil, nil, nil, nil},
		[]any{nil, "Trung bình", 82.75, nil, nil, 82.75},
		[]any{},
		[]any{"STT", "Đơn vị", "Tổng điểm", "Chỉ số (%)", "Xếp hạng"},
		[]any{"Khối huyện"},
		[]any{1, "UBND huyện An Lâm", 70, "70%", 1},
	)
	ds, diags := load(t, withBook(t, "data/scores/2023/phu-luc.xlsx", sh))
	wantDiags(t, diags)
	if len(ds.Summaries) != 4 {
		t.Fatalf("summaries: %d", len(ds.Summaries))
	}
	m := sumByUnit(ds)
	s := m["so-noi-vu"]
	if s.Total.Value != pts("85.5") || s.Total.Decimals != 2 || s.Appraised.Value != pts("60") || s.Survey.Value != pts("25.5") ||
		s.Index.Value != pts("85.5") || s.Rank.N != 1 || s.Band.Name != "Tốt" || s.Band.ID != "tot" || s.Group != "so" || s.Year != 2023 {
		t.Errorf("so-noi-vu: %+v", s)
	}
	if s.Src.String() != "data/scores/2023/phu-luc.xlsx: PL1!B5" || s.Rank.Src.Cell != "H5" || s.Band.Origin != par.Published {
		t.Errorf("src: %v %v", s.Src, s.Rank.Src)
	}
	if m["so-tu-phap"].Name != "SỞ TƯ PHÁP" {
		t.Errorf("name as printed: %q", m["so-tu-phap"].Name)
	}
	if k := m["so-kh-cn"]; k.Total.Known() || k.Index.Known() || k.Rank.N != 0 || k.Band.Origin != par.Missing {
		t.Errorf("not scored: %+v", k)
	}
	if h := m["huyen-an-lam"]; h.Group != "huyen" || h.Index.Value != pts("70") || h.Rank.N != 1 {
		t.Errorf("huyen: %+v", h)
	}
}

// Rule: area columns are recognised by code ("I", "Lĩnh vực II") or by
// the area's title; indices stored as fractions of 1 (percent format) are
// scaled to percent.
func TestSummaryAreaColumns(t *testing.T) {
	for _, hdr := range [][]any{
		{"TT", "Tên đơn vị", "I", "II", "Tổng điểm", "Chỉ số"},
		{"TT", "Tên đơn vị", "Lĩnh vực I", "Lĩnh vực II: Cải cách thủ tục hành chính", "Tổng điểm", "Chỉ số"},
		{"TT", "Tên đơn vị", "Công tác chỉ đạo, điều hành", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Tổng điểm", "Chỉ số"},
	} {
		sh := sheet("Sheet1", nil, hdr,
			[]any{1, "Sở Nội vụ", 3.5, 4, 7.5, 0.8333},
			[]any{2, "Sở Tư pháp", 3, "4,25", 7.25, 0.8056},
		)
		ds, diags := load(t, withBook(t, "data/scores/2023/pl.xlsx", sh))
		wantDiags(t, diags)
		m := sumByUnit(ds)
		s := m["so-tu-phap"]
		if s == nil || s.Areas["I"].Value != pts("3") || s.Areas["II"].Value != pts("4.25") || s.Areas["II"].Src.Cell != "D3" {
			t.Errorf("%v: areas %+v", hdr[2], s)
			continue
		}
		if s.Index.Value != pts("80.56") || s.Index.Decimals != 2 {
			t.Errorf("index %+v", s.Index)
		}
	}
}

// Rule: the national-style table names provinces; name variants resolve.
func TestSummaryNameVariants(t *testing.T) {
	sh := sheet("Sheet1", nil,
		[]any{"Xếp hạng", "Tỉnh, thành phố", "Chỉ số (%)"},
		[]any{1, "Ban Quản lý các khu công nghiệp Đăk Lăk", 90.1},
		[]any{2, nfd("Sở Nội Vụ"), 88.2},
		[]any{3, "ỦY BAN NHÂN DÂN HUYỆN AN LÂM", 80},
	)
	ds, diags := load(t, withBook(t, "data/scores/2023/pl.xlsx", sh))
	wantDiags(t, diags, "data/scores/2023/pl.xlsx: Sheet1!B4: error: unit \"huyen-an-lam\" is in group \"huyen\", but this table is for group \"so\" (from B2)")
	m := sumByUnit(ds)
	if m["ban-qlkcn"] == nil || m["so-noi-vu"] == nil || m["so-noi-vu"].Name != "Sở Nội Vụ" {
		t.Errorf("got %v", m)
	}
}
