package site

// dictionaryPage is what templates/data-dictionary.html shows: every
// column of the ranking tables (CSV, XLSX) and every field of the JSON
// files, in the page's language (the names stay those of the files). A test checks that every column written and every
// property of the schemas is explained here.
type dictionaryPage struct {
	meta
	Columns    []dataCol // ranking CSV/XLSX columns, in file order
	AreaCol    dataCol   // the area columns' pattern
	AfterAreas []dataCol
	Ranking    []dataCol // fields of <year>/<group>.json
	Result     []dataCol // fields of a result (a ranking's row, a unit's year)
	Figure     []dataCol // fields of a figure object
	Source     []dataCol // fields of a source object
	Unit       []dataCol // fields of don-vi/<unit>.json
	UnitYear   []dataCol // fields a unit's year adds to a result
	Criterion  []dataCol // fields of a criterion
	Statuses   []dataCol // values of trang_thai
	Decision   []dataCol // fields of a decision
	Nested     []dataCol // fields of the other nested objects
	SchemaRank sharedURL
	SchemaUnit sharedURL
	DataURL    string
	ReadmeURL  sharedURL
}

// dictTable is one table of the dictionary page.
type dictTable struct {
	ID, Caption string
	Cols        []dataCol
}

func dictionary(lg *lang) *dictionaryPage {
	return dictionaryVi().in(lg)
}

// in is the dictionary with its types and descriptions in lg.
func (d *dictionaryPage) in(lg *lang) *dictionaryPage {
	if lg.vi() {
		return d
	}
	tr := func(cs []dataCol) []dataCol {
		out := make([]dataCol, len(cs))
		for i, c := range cs {
			out[i] = dataCol{Key: c.Key, Type: lg.T(c.Type), Desc: lg.T(c.Desc)}
		}
		return out
	}
	e := *d
	e.Columns, e.AfterAreas = tr(d.Columns), tr(d.AfterAreas)
	e.AreaCol = tr([]dataCol{d.AreaCol})[0]
	e.AreaCol.Key = lg.T(d.AreaCol.Key) // a pattern: "<mã>" stands for a code
	e.Ranking, e.Result, e.Figure, e.Source = tr(d.Ranking), tr(d.Result), tr(d.Figure), tr(d.Source)
	e.Unit, e.UnitYear, e.Criterion = tr(d.Unit), tr(d.UnitYear), tr(d.Criterion)
	e.Statuses, e.Decision, e.Nested = tr(d.Statuses), tr(d.Decision), tr(d.Nested)
	return &e
}

// dictionaryVi is the dictionary in Vietnamese, the catalog's keys.
func dictionaryVi() *dictionaryPage {
	return &dictionaryPage{
		Columns:    rankingCols,
		AreaCol:    dataCol{"linh_vuc_<mã>", "số", "Điểm của đơn vị ở từng lĩnh vực, mỗi lĩnh vực một cột theo mã trong bộ chỉ số (ví dụ linh_vuc_I, linh_vuc_II); trống nếu không có."},
		AfterAreas: decisionCols,
		Ranking: []dataCol{
			{"luoc_do", "văn bản", "Địa chỉ lược đồ JSON Schema của tệp."},
			{"thu_muc_tep", "văn bản", "Địa chỉ thư mục /files/ của trang, nơi tải các tệp bảng điểm gốc mà trường tep của nguồn số liệu nêu."},
			{"nam", "số nguyên", "Năm kết quả."},
			{"khoi", "đối tượng", "Khối xếp hạng: ma (mã), ten (tên)."},
			{"xep_hang", "true/false", "false: khối được chấm điểm, công bố nhưng không xếp hạng."},
			{"bo_chi_so", "đối tượng hoặc null", "Bộ chỉ số áp dụng: ma, ten, diem_toi_da (điểm tối đa), so_chu_so_thap_phan (số chữ số thập phân của số liệu công bố)."},
			{"quyet_dinh", "đối tượng hoặc null", "Quyết định công bố: so (số), ngay (yyyy-mm-dd), tieu_de (trích yếu), duong_dan (trang của quyết định)."},
			{"quyet_dinh_sua_doi", "danh sách", "Các quyết định sửa đổi, bổ sung hoặc thay thế quyết định trên, theo thứ tự ngày."},
			{"ket_qua", "danh sách", "Kết quả từng đơn vị, theo thứ tự của bảng xếp hạng (các trường dưới đây)."},
		},
		Result: []dataCol{
			{"ma_don_vi", "văn bản", "Mã đơn vị."},
			{"ten_don_vi", "văn bản", "Tên đơn vị trong năm kết quả."},
			{"don_vi_cap_tren", "đối tượng hoặc null", "Đơn vị cấp trên: ma, ten."},
			{"duoc_cham_diem", "true/false", "Đơn vị có được chấm điểm năm đó không."},
			{"hang", "đối tượng", "Thứ hạng: gia_tri (số nguyên hoặc null), dong_hang (true khi đồng hạng), nguon_goc, nguon."},
			{"hang_trong_cap_tren", "đối tượng hoặc null", "Thứ hạng giữa các đơn vị cùng cấp trên: gia_tri, so_don_vi."},
			{"tong_diem", "số liệu", "Tổng điểm."},
			{"diem_toi_da_ap_dung", "số hoặc null", "Điểm tối đa áp dụng cho đơn vị."},
			{"chi_so", "số liệu", "Chỉ số cải cách hành chính (%)."},
			{"xep_loai", "đối tượng", "Xếp loại: gia_tri (tên xếp loại hoặc null), nguon_goc, nguon."},
			{"diem_tham_dinh", "số liệu", "Điểm thẩm định."},
			{"diem_dieu_tra_xhh", "số liệu", "Điểm điều tra xã hội học."},
			{"chi_so_hai_long", "số liệu", "Chỉ số hài lòng (SIPAS)."},
			{"diem_thuong", "số liệu", "Điểm thưởng."},
			{"diem_tru", "số liệu", "Điểm trừ."},
			{"linh_vuc", "danh sách", "Điểm từng lĩnh vực: ma, ten, diem_toi_da, diem (số liệu)."},
		},
		Figure: []dataCol{
			{"gia_tri", "số hoặc null", "Giá trị, đúng số chữ số thập phân đã công bố (hoặc của bộ chỉ số); null khi không có số liệu — không bao giờ thay bằng 0."},
			{"nguon_goc", "cong_bo / tinh_toan / null", "cong_bo: số liệu công bố (in trong phụ lục hoặc phiếu chấm); tinh_toan: số liệu tính toán theo quy tắc của bộ chỉ số."},
			{"nguon", "đối tượng hoặc null", "Nơi lấy số liệu (các trường dưới đây)."},
		},
		Source: []dataCol{
			{"tep", "văn bản", "Tệp bảng điểm gốc, dạng bang-diem/<năm>/<tệp>.xlsx; tải tại địa chỉ thu_muc_tep + tep (ví dụ …/files/bang-diem/2023/phu-luc.xlsx)."},
			{"trang_tinh", "văn bản", "Tên trang tính (sheet)."},
			{"o", "văn bản", "Ô chứa số liệu, ví dụ F20."},
			{"dong", "số nguyên", "Dòng, khi nguồn là một tệp văn bản."},
		},
		Unit: []dataCol{
			{"luoc_do", "văn bản", "Địa chỉ lược đồ JSON Schema của tệp."},
			{"thu_muc_tep", "văn bản", "Địa chỉ thư mục /files/ của trang, nơi tải các tệp bảng điểm gốc mà trường tep của nguồn số liệu nêu."},
			{"ma_don_vi", "văn bản", "Mã đơn vị."},
			{"ten", "văn bản", "Tên hiện nay."},
			{"ten_goi", "danh sách", "Các tên qua thời gian: ten, tu_ngay (yyyy-mm-dd, null nếu từ đầu)."},
			{"ma_khoi", "văn bản", "Khối xếp hạng hiện nay."},
			{"don_vi_cap_tren", "đối tượng hoặc null", "Đơn vị cấp trên: ma, ten."},
			{"trang", "văn bản", "Địa chỉ trang của đơn vị."},
			{"cac_nam", "danh sách", "Kết quả từng năm: các trường của một kết quả (như trên) và các trường dưới đây."},
		},
		UnitYear: []dataCol{
			{"nam", "số nguyên", "Năm kết quả."},
			{"ma_khoi", "văn bản", "Khối xếp hạng năm đó."},
			{"ma_bo_chi_so", "văn bản", "Bộ chỉ số áp dụng năm đó."},
			{"co_phieu_cham", "true/false", "Có phiếu chấm điểm chi tiết (khi đó có tieu_chi)."},
			{"phieu_cham_chua_du", "true/false", "Phiếu chấm còn thiếu điểm thẩm định ở tiêu chí áp dụng: kết quả là số liệu công bố."},
			{"quyet_dinh", "đối tượng hoặc null", "Quyết định công bố kết quả của khối năm đó."},
			{"tieu_chi", "danh sách", "Cây tiêu chí: lĩnh vực, tiêu chí, tiêu chí thành phần (các trường dưới đây); rỗng khi chỉ có phụ lục tổng hợp."},
		},
		Criterion: []dataCol{
			{"ma", "văn bản", "Mã như in trên phiếu chấm (I, 1, 1.1, a…)."},
			{"ten", "văn bản", "Tên lĩnh vực, tiêu chí."},
			{"diem_toi_da", "số hoặc null", "Điểm tối đa theo bộ chỉ số."},
			{"trang_thai", "văn bản", "Tình trạng của tiêu chí (xem bảng dưới)."},
			{"tu_cham", "số liệu", "Điểm đơn vị tự chấm."},
			{"tham_dinh", "số liệu", "Điểm thẩm định."},
			{"diem_bi_mat", "số hoặc null", "Điểm bị mất = điểm tối đa − điểm thẩm định; null khi chưa có điểm thẩm định hoặc không áp dụng."},
			{"y_kien", "văn bản hoặc null", "Ý kiến thẩm định."},
			{"nguon", "đối tượng hoặc null", "Dòng của tiêu chí trên phiếu chấm (tệp, trang tính, ô)."},
			{"tieu_chi", "danh sách", "Các tiêu chí con."},
		},
		Statuses: []dataCol{
			{"co_diem", "", "Tiêu chí áp dụng và có điểm thẩm định."},
			{"khong_ap_dung", "", "Tiêu chí không áp dụng cho đơn vị (không tính vào điểm tối đa)."},
			{"khong_danh_gia", "", "Tiêu chí không đánh giá năm đó (không tính vào điểm tối đa)."},
			{"thieu_diem", "", "Tiêu chí áp dụng nhưng phiếu chấm chưa có điểm thẩm định: không có số liệu, không phải 0."},
		},
		Decision: []dataCol{
			{"so", "văn bản", "Số quyết định, ví dụ 1007/QĐ-UBND."},
			{"ngay", "ngày (yyyy-mm-dd)", "Ngày ký."},
			{"tieu_de", "văn bản", "Trích yếu của quyết định."},
			{"duong_dan", "văn bản", "Địa chỉ trang của quyết định trên trang này (kèm văn bản đã ký)."},
		},
		Nested: []dataCol{
			{"so_chu_so_thap_phan", "số nguyên", "Trong bo_chi_so: số chữ số thập phân của số liệu công bố."},
			{"so_don_vi", "số nguyên", "Trong hang_trong_cap_tren: số đơn vị cùng cấp trên được xếp hạng."},
			{"diem", "số liệu", "Trong mỗi phần tử của linh_vuc: điểm của đơn vị ở lĩnh vực đó."},
			{"tu_ngay", "ngày (yyyy-mm-dd) hoặc null", "Trong mỗi phần tử của ten_goi: ngày tên có hiệu lực; null nếu từ đầu."},
		},
		SchemaRank: schemaRankingURL,
		SchemaUnit: schemaUnitURL,
		DataURL:    urlData,
		ReadmeURL:  urlDataReadme,
	}
}
