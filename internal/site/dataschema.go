package site

// The JSON Schemas (draft 2020-12) of the open data's JSON files,
// published under /du-lieu/schema/ and explained field by field on the
// data dictionary page (dictionary.go). A test validates every JSON file
// of the example against them.

// schemaDefs are the definitions both schemas share.
const schemaDefs = `
    "nguon": {
      "description": "Nơi lấy số liệu: tệp bảng điểm gốc (đường dẫn công khai), trang tính và ô.",
      "type": ["object", "null"],
      "required": ["tep"],
      "additionalProperties": false,
      "properties": {
        "tep": {"type": "string", "description": "Tên tệp, dạng bang-diem/<năm>/<tệp>.xlsx; tải tại thu_muc_tep + tep."},
        "trang_tinh": {"type": "string"},
        "o": {"type": "string", "description": "Ô, ví dụ F20."},
        "dong": {"type": "integer", "description": "Dòng, với tệp văn bản."}
      }
    },
    "nguon_goc": {
      "description": "cong_bo: số liệu công bố; tinh_toan: số liệu tính toán; null: không có số liệu.",
      "enum": ["cong_bo", "tinh_toan", null]
    },
    "so_lieu": {
      "description": "Một số liệu: giá trị (null khi không có, không bao giờ thay bằng 0), nguồn gốc và nơi lấy.",
      "type": "object",
      "required": ["gia_tri", "nguon_goc", "nguon"],
      "additionalProperties": false,
      "properties": {
        "gia_tri": {"type": ["number", "null"]},
        "nguon_goc": {"$ref": "#/$defs/nguon_goc"},
        "nguon": {"$ref": "#/$defs/nguon"}
      }
    },
    "quyet_dinh": {
      "type": ["object", "null"],
      "required": ["so", "ngay", "tieu_de", "duong_dan"],
      "additionalProperties": false,
      "properties": {
        "so": {"type": "string"},
        "ngay": {"type": "string", "description": "yyyy-mm-dd"},
        "tieu_de": {"type": "string"},
        "duong_dan": {"type": "string"}
      }
    },
    "ket_qua": {
      "description": "Kết quả của một đơn vị trong một năm.",
      "type": "object",
      "required": ["ma_don_vi", "ten_don_vi", "don_vi_cap_tren", "duoc_cham_diem", "hang", "hang_trong_cap_tren", "tong_diem", "diem_toi_da_ap_dung", "chi_so", "xep_loai", "diem_tham_dinh", "diem_dieu_tra_xhh", "chi_so_hai_long", "diem_thuong", "diem_tru", "linh_vuc"],
      "properties": {
        "ma_don_vi": {"type": "string"},
        "ten_don_vi": {"type": "string"},
        "don_vi_cap_tren": {
          "type": ["object", "null"],
          "required": ["ma", "ten"],
          "additionalProperties": false,
          "properties": {"ma": {"type": "string"}, "ten": {"type": "string"}}
        },
        "duoc_cham_diem": {"type": "boolean"},
        "hang": {
          "type": "object",
          "required": ["gia_tri", "dong_hang", "nguon_goc", "nguon"],
          "additionalProperties": false,
          "properties": {
            "gia_tri": {"type": ["integer", "null"]},
            "dong_hang": {"type": ["boolean", "null"]},
            "nguon_goc": {"$ref": "#/$defs/nguon_goc"},
            "nguon": {"$ref": "#/$defs/nguon"}
          }
        },
        "hang_trong_cap_tren": {
          "type": ["object", "null"],
          "required": ["gia_tri", "so_don_vi"],
          "additionalProperties": false,
          "properties": {"gia_tri": {"type": "integer"}, "so_don_vi": {"type": "integer"}}
        },
        "tong_diem": {"$ref": "#/$defs/so_lieu"},
        "diem_toi_da_ap_dung": {"type": ["number", "null"]},
        "chi_so": {"$ref": "#/$defs/so_lieu"},
        "xep_loai": {
          "type": "object",
          "required": ["gia_tri", "nguon_goc", "nguon"],
          "additionalProperties": false,
          "properties": {
            "gia_tri": {"type": ["string", "null"]},
            "nguon_goc": {"$ref": "#/$defs/nguon_goc"},
            "nguon": {"$ref": "#/$defs/nguon"}
          }
        },
        "diem_tham_dinh": {"$ref": "#/$defs/so_lieu"},
        "diem_dieu_tra_xhh": {"$ref": "#/$defs/so_lieu"},
        "chi_so_hai_long": {"$ref": "#/$defs/so_lieu"},
        "diem_thuong": {"$ref": "#/$defs/so_lieu"},
        "diem_tru": {"$ref": "#/$defs/so_lieu"},
        "linh_vuc": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["ma", "ten", "diem_toi_da", "diem"],
            "additionalProperties": false,
            "properties": {
              "ma": {"type": "string"},
              "ten": {"type": "string"},
              "diem_toi_da": {"type": ["number", "null"]},
              "diem": {"$ref": "#/$defs/so_lieu"}
            }
          }
        }
      }
    }`

// schemaRanking is /du-lieu/schema/xep-hang.schema.json.
const schemaRanking = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Bảng xếp hạng Chỉ số cải cách hành chính của một khối trong một năm",
  "type": "object",
  "required": ["luoc_do", "thu_muc_tep", "nam", "khoi", "xep_hang", "bo_chi_so", "quyet_dinh", "quyet_dinh_sua_doi", "ket_qua"],
  "additionalProperties": false,
  "properties": {
    "luoc_do": {"type": "string", "description": "Địa chỉ của lược đồ này."},
    "thu_muc_tep": {"type": "string", "description": "Địa chỉ thư mục /files/ của trang: tệp bảng điểm gốc tep tải tại thu_muc_tep + tep."},
    "nam": {"type": "integer"},
    "khoi": {
      "type": "object",
      "required": ["ma", "ten"],
      "additionalProperties": false,
      "properties": {"ma": {"type": "string"}, "ten": {"type": "string"}}
    },
    "xep_hang": {"type": "boolean"},
    "bo_chi_so": {
      "type": ["object", "null"],
      "required": ["ma", "ten", "diem_toi_da", "so_chu_so_thap_phan"],
      "additionalProperties": false,
      "properties": {
        "ma": {"type": "string"},
        "ten": {"type": "string"},
        "diem_toi_da": {"type": ["number", "null"]},
        "so_chu_so_thap_phan": {"type": "integer"}
      }
    },
    "quyet_dinh": {"$ref": "#/$defs/quyet_dinh"},
    "quyet_dinh_sua_doi": {"type": "array", "items": {"$ref": "#/$defs/quyet_dinh"}},
    "ket_qua": {
      "type": "array",
      "items": {"$ref": "#/$defs/ket_qua_dong"}
    }
  },
  "$defs": {` + schemaDefs + `,
    "ket_qua_dong": {
      "$ref": "#/$defs/ket_qua",
      "unevaluatedProperties": false
    }
  }
}
`

// schemaUnit is /du-lieu/schema/don-vi.schema.json.
const schemaUnit = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Kết quả Chỉ số cải cách hành chính của một đơn vị qua các năm",
  "type": "object",
  "required": ["luoc_do", "thu_muc_tep", "ma_don_vi", "ten", "ten_goi", "ma_khoi", "don_vi_cap_tren", "trang", "cac_nam"],
  "additionalProperties": false,
  "properties": {
    "luoc_do": {"type": "string"},
    "thu_muc_tep": {"type": "string"},
    "ma_don_vi": {"type": "string"},
    "ten": {"type": "string"},
    "ten_goi": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["ten", "tu_ngay"],
        "additionalProperties": false,
        "properties": {"ten": {"type": "string"}, "tu_ngay": {"type": ["string", "null"]}}
      }
    },
    "ma_khoi": {"type": "string"},
    "don_vi_cap_tren": {
      "type": ["object", "null"],
      "required": ["ma", "ten"],
      "additionalProperties": false,
      "properties": {"ma": {"type": "string"}, "ten": {"type": "string"}}
    },
    "trang": {"type": "string"},
    "cac_nam": {
      "type": "array",
      "items": {
        "type": "object",
        "$ref": "#/$defs/ket_qua",
        "required": ["nam", "ma_khoi", "ma_bo_chi_so", "co_phieu_cham", "phieu_cham_chua_du", "quyet_dinh", "tieu_chi"],
        "properties": {
          "nam": {"type": "integer"},
          "ma_khoi": {"type": "string"},
          "ma_bo_chi_so": {"type": "string"},
          "co_phieu_cham": {"type": "boolean"},
          "phieu_cham_chua_du": {"type": "boolean"},
          "quyet_dinh": {"$ref": "#/$defs/quyet_dinh"},
          "tieu_chi": {"type": "array", "items": {"$ref": "#/$defs/tieu_chi"}}
        },
        "unevaluatedProperties": false
      }
    }
  },
  "$defs": {` + schemaDefs + `,
    "tieu_chi": {
      "type": "object",
      "required": ["ma", "ten", "diem_toi_da", "trang_thai", "tu_cham", "tham_dinh", "diem_bi_mat", "y_kien", "nguon", "tieu_chi"],
      "additionalProperties": false,
      "properties": {
        "ma": {"type": "string"},
        "ten": {"type": "string"},
        "diem_toi_da": {"type": ["number", "null"]},
        "trang_thai": {"enum": ["co_diem", "khong_ap_dung", "khong_danh_gia", "thieu_diem"]},
        "tu_cham": {"$ref": "#/$defs/so_lieu"},
        "tham_dinh": {"$ref": "#/$defs/so_lieu"},
        "diem_bi_mat": {"type": ["number", "null"]},
        "y_kien": {"type": ["string", "null"]},
        "nguon": {"$ref": "#/$defs/nguon"},
        "tieu_chi": {"type": "array", "items": {"$ref": "#/$defs/tieu_chi"}}
      }
    }
  }
}
`
