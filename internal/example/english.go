package example

import "parindex/internal/par"

// English titles of the example's frameworks and areas, so the English
// site shows what a province giving title_en would get. Criteria keep
// their Vietnamese titles (marked as Vietnamese on English pages), as in
// a framework file that translates only its areas.
var frameworkTitlesEn = map[string]string{
	"Bộ Chỉ số CCHC các sở, ban, ngành và cơ quan Trung ương đóng trên địa bàn tỉnh (2019–2021)": "PAR Index of provincial departments and central agencies in the province (2019–2021)",
	"Bộ Chỉ số CCHC các sở, ban, ngành và cơ quan Trung ương đóng trên địa bàn tỉnh (2022–2024)": "PAR Index of provincial departments and central agencies in the province (2022–2024)",
	"Bộ Chỉ số CCHC các cơ quan cấp tỉnh sau sắp xếp tổ chức bộ máy":                             "PAR Index of provincial agencies after the 2025 reorganisation",
	"Bộ Chỉ số CCHC UBND các huyện, thị xã, thành phố":                                           "PAR Index of district people's committees",
	"Bộ Chỉ số CCHC UBND các xã, phường, thị trấn":                                               "PAR Index of commune people's committees",
	"Bộ Chỉ số CCHC UBND các xã, phường sau sắp xếp đơn vị hành chính":                           "PAR Index of commune people's committees after the 2025 merger of administrative units",
}

var areaTitlesEn = map[string]string{
	"Chuyển đổi số": "Digital transformation",
	"Chuyển đổi số và xây dựng chính quyền số": "Digital transformation and digital government",
	"Chính quyền số":                         "Digital government",
	"Chế độ công vụ":                         "Civil service",
	"Chỉ đạo, điều hành cải cách hành chính": "Direction and management of PAR",
	"Chỉ đạo, điều hành và tổ chức thực hiện cải cách hành chính":      "Direction, management and implementation of PAR",
	"Công tác chỉ đạo, điều hành cải cách hành chính":                  "Direction and management of PAR",
	"Cải cách chế độ công vụ":                                          "Civil service reform",
	"Cải cách thể chế":                                                 "Institutional reform",
	"Cải cách thủ tục hành chính":                                      "Administrative procedure reform",
	"Cải cách tài chính công":                                          "Public finance reform",
	"Cải cách tổ chức bộ máy hành chính nhà nước":                      "Reform of the state administrative apparatus",
	"Cải cách tổ chức bộ máy và chế độ công vụ":                        "Reform of the apparatus and the civil service",
	"Hiện đại hóa hành chính":                                          "Administrative modernisation",
	"Tài chính công":                                                   "Public finance",
	"Tác động của cải cách hành chính":                                 "Impact of PAR",
	"Tác động của cải cách hành chính đến phát triển kinh tế - xã hội": "Impact of PAR on socio-economic development",
	"Tổ chức bộ máy":                                                   "Organisation of the apparatus",
	"Tổ chức bộ máy và chế độ công vụ":                                 "Organisation of the apparatus and the civil service",
	"Tổ chức thực hiện văn bản quy phạm pháp luật":                     "Implementation of legal documents",
	"Xây dựng chính quyền điện tử":                                     "Building e-government",
	"Xây dựng chính quyền điện tử, chính quyền số":                     "Building e-government and digital government",
	"Xây dựng và phát triển chính quyền điện tử":                       "Building and developing e-government",
	"Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật":         "Making and implementing legal documents",
}

// translate sets the English titles of fw and its areas where the tables
// above give one.
func translate(fw *par.Framework) {
	fw.TitleEn = frameworkTitlesEn[fw.Title]
	for _, a := range fw.Areas {
		a.TitleEn = areaTitlesEn[a.Title]
	}
}
