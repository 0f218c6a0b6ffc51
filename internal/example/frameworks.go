package example

import (
	"fmt"
	"strings"

	"parindex/internal/par"
)

// The frameworks are written as indented outlines, one node a line:
//
//	<code> | <title> | <max, leaves only> | <flags: survey, satisfaction, lead=unit-id>
//
// two spaces of indentation per level. Inner maxima are the sums of their
// items. The texts paraphrase the areas every provincial framework shares
// (the national 2021–2030 programme); they are not copied from any one.

// Departments and central agencies, 2019–2021: 7 areas, 74 self-assessed
// points + 26 survey points.
const outlineSo2019 = `
I | Công tác chỉ đạo, điều hành cải cách hành chính | | lead=so-noi-vu
  1 | Kế hoạch cải cách hành chính năm
    1.1 | Ban hành kế hoạch CCHC năm đúng thời hạn | 1
    1.2 | Mức độ hoàn thành các nhiệm vụ của kế hoạch | 2
  2 | Báo cáo cải cách hành chính
    2.1 | Gửi đủ số lượng báo cáo định kỳ | 0.5
    2.2 | Gửi báo cáo đúng thời hạn | 0.5
  3 | Kiểm tra công tác cải cách hành chính
    3.1 | Ban hành kế hoạch kiểm tra CCHC | 0.5
    3.2 | Mức độ thực hiện kế hoạch kiểm tra | 1
    3.3 | Xử lý những tồn tại phát hiện qua kiểm tra | 1
  4 | Tuyên truyền cải cách hành chính
    4.1 | Ban hành kế hoạch tuyên truyền | 0.5
    4.2 | Mức độ thực hiện kế hoạch tuyên truyền | 1
  5 | Sáng kiến, giải pháp mới trong cải cách hành chính | 2
  6 | Đánh giá của người dân, tổ chức về công tác chỉ đạo, điều hành | 3 | survey
II | Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật | | lead=so-tu-phap
  7 | Tham mưu xây dựng văn bản quy phạm pháp luật
    7.1 | Thực hiện chương trình xây dựng văn bản được giao | 1.5
    7.2 | Chất lượng dự thảo văn bản do cơ quan chủ trì soạn thảo | 1
  8 | Rà soát, hệ thống hóa văn bản quy phạm pháp luật
    8.1 | Ban hành kế hoạch rà soát đúng thời hạn | 0.5
    8.2 | Xử lý kết quả rà soát theo thẩm quyền | 1
  9 | Tổ chức thực hiện và kiểm tra việc thi hành pháp luật
    9.1 | Mức độ hoàn thành kế hoạch theo dõi thi hành pháp luật | 1.5
    9.2 | Xử lý kết quả kiểm tra, theo dõi thi hành pháp luật | 1.5
  10 | Đánh giá về chất lượng văn bản quy phạm pháp luật | 3 | survey
III | Cải cách thủ tục hành chính | | lead=van-phong-ubnd
  11 | Rà soát, đơn giản hóa thủ tục hành chính
    11.1 | Ban hành kế hoạch rà soát thủ tục hành chính | 1
    11.2 | Mức độ hoàn thành kế hoạch rà soát | 1.5
    11.3 | Phương án đơn giản hóa được cấp có thẩm quyền thông qua | 1.5
  12 | Công bố, công khai thủ tục hành chính
    12.1 | Tham mưu công bố danh mục thủ tục hành chính đúng thời hạn | 1.5
    12.2 | Công khai đầy đủ thủ tục hành chính trên Cổng Dịch vụ công | 1.5
  13 | Thực hiện cơ chế một cửa, một cửa liên thông
    13.1 | Đưa thủ tục hành chính ra tiếp nhận tại Trung tâm Phục vụ hành chính công | 2
    13.2 | Tỷ lệ hồ sơ giải quyết đúng hạn | 4
    13.3 | Xin lỗi tổ chức, cá nhân khi giải quyết hồ sơ trễ hạn | 1
  14 | Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính | 2
  15 | Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính | 2
  16 | Sự hài lòng về giải quyết thủ tục hành chính | 7 | survey
IV | Cải cách tổ chức bộ máy hành chính nhà nước | | lead=so-noi-vu
  17 | Sắp xếp tổ chức bộ máy
    17.1 | Thực hiện quy định về cơ cấu tổ chức | 1.5
    17.2 | Số lượng phòng, đơn vị trực thuộc đúng quy định | 1.5
  18 | Quản lý biên chế
    18.1 | Sử dụng biên chế được giao | 1.5
    18.2 | Thực hiện tinh giản biên chế theo lộ trình | 1.5
  19 | Thực hiện phân cấp, ủy quyền | 1
  20 | Đánh giá về tổ chức bộ máy | 3 | survey
V | Cải cách chế độ công vụ | | lead=so-noi-vu
  21 | Vị trí việc làm và cơ cấu ngạch công chức
    21.1 | Phê duyệt, điều chỉnh vị trí việc làm | 1.5
    21.2 | Bố trí công chức theo vị trí việc làm | 1.5
  22 | Tuyển dụng, sử dụng và quản lý công chức
    22.1 | Tuyển dụng đúng quy định | 1
    22.2 | Bổ nhiệm lãnh đạo đúng quy định | 1
  23 | Đào tạo, bồi dưỡng cán bộ, công chức | 2
  24 | Chấp hành kỷ luật, kỷ cương hành chính
    24.1 | Không có cán bộ, công chức bị kỷ luật | 2
    24.2 | Thực hiện quy định về văn hóa công sở | 0.5
  25 | Đánh giá, xếp loại công chức đúng quy định | 0.5
  26 | Đánh giá về tinh thần, thái độ phục vụ của công chức | 4 | survey
VI | Cải cách tài chính công | | lead=so-tai-chinh
  27 | Thực hiện công tác tài chính, ngân sách
    27.1 | Giải ngân vốn đầu tư công đúng tiến độ | 2
    27.2 | Thực hiện kiến nghị của thanh tra, kiểm toán | 1.5
  28 | Quy chế chi tiêu nội bộ và tự chủ tài chính
    28.1 | Ban hành, cập nhật quy chế chi tiêu nội bộ | 1
    28.2 | Thực hiện cơ chế tự chủ tại đơn vị sự nghiệp | 1.5
  29 | Quản lý, sử dụng tài sản công đúng quy định | 2
  30 | Đánh giá về công khai tài chính | 3 | survey
VII | Xây dựng và phát triển chính quyền điện tử | | lead=so-thong-tin-truyen-thong
  31 | Ứng dụng công nghệ thông tin trong nội bộ
    31.1 | Gửi, nhận văn bản điện tử trên hệ thống | 2
    31.2 | Sử dụng chữ ký số | 1.5
    31.3 | Họp trực tuyến, hội nghị truyền hình | 1
  32 | Cung cấp dịch vụ công trực tuyến
    32.1 | Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến toàn trình | 2.5
    32.2 | Tỷ lệ hồ sơ nộp trực tuyến | 3
  33 | Thanh toán trực tuyến nghĩa vụ tài chính | 1.5
  34 | Trang thông tin điện tử của cơ quan | 1.5
  35 | Áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001 | 1
  36 | Đánh giá về dịch vụ công trực tuyến | 3 | survey
`

// Departments and central agencies, 2022–2024: 8 areas (the eighth being
// the impact of reform), 70 self-assessed + 30 survey points, one level
// deeper in area III, a bonus and a penalty.
const outlineSo2022 = `
I | Công tác chỉ đạo, điều hành cải cách hành chính | | lead=so-noi-vu
  1 | Kế hoạch cải cách hành chính
    1.1 | Ban hành kế hoạch CCHC năm kịp thời | 1
    1.2 | Mức độ thực hiện kế hoạch | 2
  2 | Chế độ báo cáo định kỳ về cải cách hành chính | 1
  3 | Kiểm tra, tự kiểm tra cải cách hành chính
    3.1 | Tỷ lệ cơ quan, đơn vị trực thuộc được kiểm tra | 1
    3.2 | Khắc phục tồn tại sau kiểm tra | 1
  4 | Tuyên truyền cải cách hành chính
    4.1 | Mức độ thực hiện kế hoạch tuyên truyền | 0.5
    4.2 | Đa dạng hóa hình thức tuyên truyền | 0.5
  5 | Gắn kết quả cải cách hành chính với thi đua, khen thưởng | 1
  6 | Thực hiện nhiệm vụ được Ủy ban nhân dân tỉnh giao | 1
  7 | Tác động của công tác chỉ đạo, điều hành | 3 | survey
II | Cải cách thể chế | | lead=so-tu-phap
  8 | Xây dựng văn bản quy phạm pháp luật
    8.1 | Hoàn thành chương trình xây dựng văn bản | 1.5
    8.2 | Lấy ý kiến đối tượng chịu tác động | 1
  9 | Rà soát văn bản quy phạm pháp luật
    9.1 | Rà soát kịp thời và công bố kết quả | 1
    9.2 | Xử lý văn bản sau rà soát | 1
  10 | Theo dõi thi hành pháp luật
    10.1 | Ban hành kế hoạch theo dõi thi hành pháp luật | 0.5
    10.2 | Xử lý kết quả theo dõi thi hành pháp luật | 1
  11 | Phổ biến, giáo dục pháp luật | 1
  12 | Chất lượng thể chế thuộc phạm vi quản lý | 3 | survey
III | Cải cách thủ tục hành chính | | lead=van-phong-ubnd
  13 | Kiểm soát thủ tục hành chính
    13.1 | Công bố danh mục thủ tục hành chính đúng hạn | 1.5
    13.2 | Rà soát, đơn giản hóa thủ tục hành chính
      13.2.1 | Ban hành kế hoạch rà soát | 0.5
      13.2.2 | Phương án đơn giản hóa được thông qua | 1
  14 | Công khai thủ tục hành chính | 1.5
  15 | Giải quyết thủ tục hành chính theo cơ chế một cửa
    15.1 | Tỷ lệ hồ sơ giải quyết đúng hạn | 4
    15.2 | Cập nhật tiến độ xử lý hồ sơ trên hệ thống | 1.5
    15.3 | Xin lỗi tổ chức, cá nhân khi hồ sơ trễ hạn | 1
  16 | Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính | 2.5
  17 | Xử lý phản ánh, kiến nghị của tổ chức, cá nhân | 2.5
  18 | Mức độ hài lòng khi giải quyết thủ tục hành chính | 7 | survey
IV | Cải cách tổ chức bộ máy hành chính nhà nước | | lead=so-noi-vu
  19 | Thực hiện quy định về tổ chức bộ máy
    19.1 | Cơ cấu tổ chức đúng quy định | 1.5
    19.2 | Sắp xếp đơn vị sự nghiệp công lập | 1.5
  20 | Quản lý, sử dụng biên chế | 2
  21 | Thực hiện phân cấp quản lý | 1
  22 | Đánh giá về tổ chức bộ máy | 3 | survey
V | Cải cách chế độ công vụ | | lead=so-noi-vu
  23 | Xác định và thực hiện vị trí việc làm | 1.5
  24 | Tuyển dụng và bố trí công chức
    24.1 | Tuyển dụng đúng quy định | 1
    24.2 | Bổ nhiệm, bổ nhiệm lại đúng quy định | 1
  25 | Đào tạo, bồi dưỡng cán bộ, công chức | 1.5
  26 | Kỷ luật, kỷ cương hành chính
    26.1 | Không có công chức bị xử lý kỷ luật | 2
    26.2 | Thực hiện văn hóa công vụ | 1
  27 | Tinh thần, thái độ phục vụ của công chức | 4 | survey
VI | Cải cách tài chính công | | lead=so-tai-chinh
  28 | Giải ngân vốn đầu tư công | 2
  29 | Thực hiện kết luận thanh tra, kiểm toán | 1.5
  30 | Thực hiện cơ chế tự chủ tài chính
    30.1 | Quy chế chi tiêu nội bộ | 1
    30.2 | Tự chủ của đơn vị sự nghiệp công lập | 1
  31 | Quản lý, sử dụng tài sản công | 1.5
  32 | Công khai tài chính, ngân sách | 2 | survey
VII | Xây dựng chính quyền điện tử, chính quyền số | | lead=so-thong-tin-truyen-thong
  33 | Hạ tầng và ứng dụng nội bộ
    33.1 | Văn bản điện tử có chữ ký số | 2
    33.2 | Kết nối hệ thống quản lý văn bản liên thông | 1
  34 | Dịch vụ công trực tuyến
    34.1 | Tỷ lệ dịch vụ công trực tuyến toàn trình | 2.5
    34.2 | Tỷ lệ hồ sơ nộp trực tuyến | 2.5
    34.3 | Thanh toán trực tuyến | 1.5
  35 | Kết nối, chia sẻ dữ liệu | 1.5
  36 | Bảo đảm an toàn thông tin mạng | 1
  37 | Cổng, trang thông tin điện tử | 1
  38 | Chất lượng dịch vụ công trực tuyến | 3 | survey
VIII | Tác động của cải cách hành chính | | lead=so-noi-vu
  39 | Tác động đến phát triển kinh tế - xã hội của ngành, lĩnh vực
    39.1 | Mức độ hoàn thành chỉ tiêu kế hoạch được giao | 2
    39.2 | Hỗ trợ doanh nghiệp, thu hút đầu tư thuộc lĩnh vực quản lý | 2
  40 | Sự hài lòng của người dân, doanh nghiệp | 5 | survey
`

// Departments and central agencies after the 2025 reorganisation: 6 areas,
// with satisfaction (SIPAS) points for the first time.
const outlineSo2025 = `
I | Chỉ đạo, điều hành và tổ chức thực hiện cải cách hành chính | | lead=so-noi-vu
  1 | Kế hoạch và báo cáo cải cách hành chính
    1.1 | Ban hành kế hoạch CCHC năm | 1
    1.2 | Hoàn thành nhiệm vụ trong kế hoạch | 3
    1.3 | Báo cáo định kỳ đúng thời hạn | 1
  2 | Kiểm tra và tuyên truyền cải cách hành chính
    2.1 | Kiểm tra CCHC tại đơn vị trực thuộc | 1.5
    2.2 | Tuyên truyền cải cách hành chính | 1
  3 | Vận hành tổ chức bộ máy sau sắp xếp | 3.5
  4 | Đánh giá của người dân về chỉ đạo, điều hành | 3 | survey
II | Cải cách thể chế | | lead=so-tu-phap
  5 | Xây dựng, rà soát văn bản quy phạm pháp luật
    5.1 | Tham mưu ban hành văn bản theo phân cấp mới | 2
    5.2 | Rà soát văn bản sau sắp xếp đơn vị hành chính | 2
  6 | Tổ chức thi hành pháp luật
    6.1 | Theo dõi thi hành pháp luật | 1.5
    6.2 | Phổ biến, giáo dục pháp luật | 1.5
  7 | Kiểm tra, xử lý văn bản | 2
  8 | Chất lượng thể chế | 3 | survey
III | Cải cách thủ tục hành chính | | lead=van-phong-ubnd
  9 | Kiểm soát thủ tục hành chính
    9.1 | Công bố, công khai thủ tục hành chính | 2
    9.2 | Rà soát, cắt giảm thủ tục hành chính | 2
  10 | Giải quyết thủ tục hành chính
    10.1 | Tỷ lệ hồ sơ giải quyết đúng hạn | 4
    10.2 | Giải quyết thủ tục không phụ thuộc địa giới hành chính | 3
    10.3 | Số hóa hồ sơ, kết quả giải quyết | 3
  11 | Xử lý phản ánh, kiến nghị | 2
  12 | Chỉ số hài lòng của người dân, doanh nghiệp (SIPAS) | 8 | satisfaction
IV | Cải cách tổ chức bộ máy và chế độ công vụ | | lead=so-noi-vu
  13 | Sắp xếp tổ chức bộ máy
    13.1 | Kiện toàn tổ chức theo quy định mới | 2.5
    13.2 | Bố trí cán bộ, công chức sau sắp xếp | 2.5
  14 | Quản lý biên chế, vị trí việc làm | 3
  15 | Kỷ luật, kỷ cương công vụ | 3
  16 | Đào tạo, bồi dưỡng cán bộ, công chức | 3
  17 | Tinh thần phục vụ của công chức | 4 | survey
V | Cải cách tài chính công | | lead=so-tai-chinh
  18 | Giải ngân vốn đầu tư công | 3
  19 | Quản lý tài chính, tài sản sau sắp xếp | 3
  20 | Thực hiện kiến nghị của thanh tra, kiểm toán | 2
  21 | Công khai tài chính | 2 | survey
VI | Chuyển đổi số và xây dựng chính quyền số | | lead=so-khoa-hoc-cong-nghe
  22 | Hạ tầng số và ứng dụng dùng chung
    22.1 | Văn bản điện tử, chữ ký số | 2.5
    22.2 | Kết nối, chia sẻ dữ liệu với cơ sở dữ liệu quốc gia | 2.5
  23 | Dịch vụ công trực tuyến
    23.1 | Tỷ lệ hồ sơ trực tuyến toàn trình | 3
    23.2 | Thanh toán trực tuyến | 2
  24 | Bảo đảm an toàn thông tin | 2.5
  25 | Phát triển dữ liệu số của ngành | 2.5
  26 | Chất lượng dịch vụ công trực tuyến | 3 | survey
  27 | Mức độ hài lòng với dịch vụ số | 4 | satisfaction
`

// Districts, 2019–2024: 8 areas, 66 self-assessed + 34 survey points.
const outlineHuyen2019 = `
I | Công tác chỉ đạo, điều hành cải cách hành chính | | lead=so-noi-vu
  1 | Kế hoạch cải cách hành chính
    1.1 | Ban hành kế hoạch đúng thời hạn | 1
    1.2 | Mức độ hoàn thành kế hoạch | 2
  2 | Báo cáo cải cách hành chính
    2.1 | Đầy đủ số lượng báo cáo | 0.5
    2.2 | Báo cáo đúng thời hạn | 0.5
  3 | Kiểm tra CCHC đối với phòng chuyên môn và UBND cấp xã
    3.1 | Tỷ lệ đơn vị được kiểm tra trong năm | 1
    3.2 | Xử lý tồn tại phát hiện qua kiểm tra | 1
  4 | Tuyên truyền cải cách hành chính | 1
  5 | Chỉ đạo UBND cấp xã thực hiện cải cách hành chính | 2
  6 | Đánh giá của người dân về chỉ đạo, điều hành | 4 | survey
II | Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật | | lead=so-tu-phap
  7 | Ban hành văn bản quy phạm pháp luật theo thẩm quyền | 1.5
  8 | Rà soát văn bản quy phạm pháp luật | 1.5
  9 | Kiểm tra, theo dõi thi hành pháp luật | 2
  10 | Đánh giá tính kịp thời, khả thi của văn bản | 4 | survey
III | Cải cách thủ tục hành chính | | lead=van-phong-ubnd
  11 | Công khai thủ tục hành chính
    11.1 | Niêm yết thủ tục tại Bộ phận một cửa | 1.5
    11.2 | Công khai trên trang thông tin điện tử | 1
  12 | Thực hiện cơ chế một cửa, một cửa liên thông
    12.1 | Tỷ lệ hồ sơ cấp huyện giải quyết đúng hạn | 3
    12.2 | Tỷ lệ hồ sơ cấp xã giải quyết đúng hạn | 3
    12.3 | Xin lỗi khi giải quyết hồ sơ trễ hạn | 1
  13 | Số hóa hồ sơ, kết quả giải quyết | 2
  14 | Tiếp nhận, xử lý phản ánh, kiến nghị | 1.5
  15 | Rà soát, đơn giản hóa thủ tục hành chính | 2
  16 | Hài lòng về giải quyết thủ tục hành chính | 9 | survey
IV | Cải cách tổ chức bộ máy hành chính nhà nước | | lead=so-noi-vu
  17 | Tổ chức các phòng chuyên môn đúng quy định | 2
  18 | Quản lý, sử dụng biên chế | 2
  19 | Thực hiện phân cấp quản lý | 1
  20 | Đánh giá về tổ chức bộ máy | 3 | survey
V | Cải cách chế độ công vụ | | lead=so-noi-vu
  21 | Thực hiện vị trí việc làm | 1.5
  22 | Tuyển dụng, bố trí công chức | 1.5
  23 | Đào tạo, bồi dưỡng cán bộ, công chức | 1.5
  24 | Kỷ luật, kỷ cương hành chính | 2.5
  25 | Thái độ, trách nhiệm của cán bộ, công chức | 6 | survey
VI | Cải cách tài chính công | | lead=so-tai-chinh
  26 | Giải ngân vốn đầu tư công | 2
  27 | Thực hiện dự toán thu ngân sách | 2
  28 | Quản lý tài sản công | 2
  29 | Công khai ngân sách | 2 | survey
VII | Xây dựng chính quyền điện tử | | lead=so-thong-tin-truyen-thong
  30 | Ứng dụng công nghệ thông tin trong nội bộ
    30.1 | Gửi, nhận văn bản điện tử | 2
    30.2 | Sử dụng chữ ký số | 1.5
  31 | Dịch vụ công trực tuyến
    31.1 | Tỷ lệ hồ sơ nộp trực tuyến | 3
    31.2 | Thanh toán trực tuyến | 2
  32 | Hệ thống một cửa điện tử | 2
  33 | Áp dụng hệ thống quản lý chất lượng ISO 9001 | 1.5
  34 | Chất lượng dịch vụ công trực tuyến | 3 | survey
VIII | Tác động của cải cách hành chính đến phát triển kinh tế - xã hội | | lead=so-ke-hoach-dau-tu
  35 | Thu hút đầu tư trên địa bàn | 2.5
  36 | Phát triển doanh nghiệp | 2
  37 | Thực hiện chỉ tiêu phát triển kinh tế - xã hội | 2.5
  38 | Sự hài lòng chung của người dân | 3 | survey
`

// Communes, 2019–2024: 7 areas, 100 self-assessed points, sub-criteria
// lettered a), b), c).
const outlineXa2019 = `
I | Chỉ đạo, điều hành cải cách hành chính
  1 | Kế hoạch cải cách hành chính năm
    a | Ban hành kế hoạch kịp thời | 1
    b | Hoàn thành kế hoạch | 3
  2 | Báo cáo cải cách hành chính đúng quy định | 2
  3 | Tuyên truyền cải cách hành chính
    a | Tuyên truyền trên hệ thống truyền thanh cơ sở | 1.5
    b | Lồng ghép tuyên truyền trong các hội nghị | 1.5
  4 | Tự kiểm tra cải cách hành chính | 2
  5 | Thực hiện nhiệm vụ cấp trên giao | 3
II | Tổ chức thực hiện văn bản quy phạm pháp luật
  6 | Ban hành văn bản theo thẩm quyền | 3
  7 | Tự kiểm tra, rà soát văn bản | 3
  8 | Phổ biến, giáo dục pháp luật
    a | Kế hoạch phổ biến, giáo dục pháp luật | 2
    b | Hoạt động hòa giải ở cơ sở | 2
III | Cải cách thủ tục hành chính
  9 | Công khai thủ tục hành chính
    a | Niêm yết đầy đủ, đúng quy định | 3
    b | Công khai địa chỉ tiếp nhận phản ánh, kiến nghị | 2
  10 | Bộ phận tiếp nhận và trả kết quả
    a | Bố trí Bộ phận một cửa đúng quy định | 2
    b | Tỷ lệ hồ sơ giải quyết đúng hạn | 6
    c | Xin lỗi khi giải quyết hồ sơ trễ hạn | 2
  11 | Số hóa hồ sơ, kết quả giải quyết | 5
  12 | Xử lý phản ánh, kiến nghị | 4
  13 | Liên thông đăng ký khai sinh, thường trú, bảo hiểm y tế | 4
IV | Tổ chức bộ máy
  14 | Bố trí cán bộ, công chức đúng số lượng | 4
  15 | Thực hiện quy chế làm việc | 4
V | Chế độ công vụ
  16 | Chuẩn hóa cán bộ, công chức
    a | Đạt chuẩn về trình độ | 3
    b | Tham gia bồi dưỡng | 3
  17 | Kỷ luật, kỷ cương hành chính | 6
VI | Tài chính công
  18 | Thực hiện dự toán ngân sách xã | 5
  19 | Công khai tài chính, ngân sách xã | 5
VII | Hiện đại hóa hành chính
  20 | Ứng dụng công nghệ thông tin
    a | Sử dụng phần mềm quản lý văn bản | 3
    b | Sử dụng chữ ký số | 3
  21 | Dịch vụ công trực tuyến
    a | Tỷ lệ hồ sơ nộp trực tuyến | 4
    b | Thanh toán trực tuyến | 3
  22 | Trang thiết bị Bộ phận một cửa | 2
  23 | Áp dụng ISO 9001 | 3
`

// New communes after 1 July 2025: 6 areas, 85 self-assessed points and 15
// satisfaction points.
const outlineXa2025 = `
I | Chỉ đạo, điều hành cải cách hành chính
  1 | Kế hoạch và báo cáo
    1.1 | Ban hành kế hoạch CCHC sau khi thành lập xã mới | 2
    1.2 | Hoàn thành nhiệm vụ trong kế hoạch | 4
    1.3 | Báo cáo đúng thời hạn | 2
  2 | Vận hành chính quyền địa phương hai cấp | 4
  3 | Tuyên truyền cải cách hành chính | 3
II | Cải cách thể chế
  4 | Ban hành văn bản theo thẩm quyền mới | 4
  5 | Rà soát văn bản của các xã trước sắp xếp | 3
  6 | Phổ biến, giáo dục pháp luật | 3
III | Cải cách thủ tục hành chính
  7 | Điểm phục vụ hành chính công của xã
    7.1 | Bố trí trụ sở, trang thiết bị | 3
    7.2 | Công khai thủ tục hành chính | 3
  8 | Tỷ lệ hồ sơ giải quyết đúng hạn | 6
  9 | Số hóa hồ sơ, kết quả giải quyết | 4
  10 | Xử lý phản ánh, kiến nghị | 4
  11 | Mức độ hài lòng của người dân (SIPAS) | 10 | satisfaction
IV | Tổ chức bộ máy và chế độ công vụ
  12 | Kiện toàn bộ máy sau sắp xếp | 5
  13 | Bố trí cán bộ, công chức theo vị trí việc làm | 5
  14 | Kỷ luật, kỷ cương hành chính | 5
V | Tài chính công
  15 | Lập và thực hiện dự toán ngân sách xã | 5
  16 | Bàn giao, quản lý tài sản công sau sắp xếp | 5
VI | Chuyển đổi số
  17 | Dịch vụ công trực tuyến
    17.1 | Tỷ lệ hồ sơ trực tuyến toàn trình | 5
    17.2 | Thanh toán trực tuyến | 3
  18 | Văn bản điện tử, chữ ký số | 4
  19 | Cập nhật dữ liệu dân cư, đất đai | 3
  20 | Hài lòng với dịch vụ công trực tuyến | 5 | satisfaction
`

// A compact framework for the minimal project: 3 areas, 50 points.
const outlineMinimal = `
I | Chỉ đạo, điều hành cải cách hành chính
  1 | Kế hoạch cải cách hành chính
    1.1 | Ban hành kế hoạch đúng thời hạn | 2
    1.2 | Mức độ hoàn thành kế hoạch | 4
  2 | Báo cáo cải cách hành chính đúng hạn | 4
II | Cải cách thủ tục hành chính
  3 | Tỷ lệ hồ sơ giải quyết đúng hạn | 10
  4 | Công khai thủ tục hành chính | 5
  5 | Sự hài lòng của người dân | 10 | survey
III | Chính quyền số
  6 | Tỷ lệ hồ sơ nộp trực tuyến | 8
  7 | Chất lượng dịch vụ công trực tuyến | 7 | survey
`

// bandsBacKan are Bắc Kạn's classes, used by many provinces.
func bandsBacKan() []par.Band {
	return []par.Band{
		{ID: "xuat-sac", Name: "Xuất sắc", NameEn: "Excellent", Min: par.FromInt(90)},
		{ID: "tot", Name: "Tốt", NameEn: "Good", Min: par.FromInt(80)},
		{ID: "kha", Name: "Khá", NameEn: "Fair", Min: par.FromInt(50)},
		{ID: "trung-binh", Name: "Trung bình", NameEn: "Average", Min: 0},
	}
}

// bandsCaoBang are Cao Bằng's classes (tốt from 90).
func bandsCaoBang() []par.Band {
	return []par.Band{
		{ID: "tot", Name: "Tốt", NameEn: "Good", Min: par.FromInt(90)},
		{ID: "kha", Name: "Khá", NameEn: "Fair", Min: par.FromInt(70)},
		{ID: "trung-binh", Name: "Trung bình", NameEn: "Average", Min: par.FromInt(50)},
		{ID: "kem", Name: "Kém", NameEn: "Poor", Min: 0},
	}
}

// bands2025 are the post-reform classes, with a cut-off that is not a round
// ten.
func bands2025() []par.Band {
	return []par.Band{
		{ID: "xuat-sac", Name: "Xuất sắc", NameEn: "Excellent", Min: par.FromInt(90)},
		{ID: "tot", Name: "Tốt", NameEn: "Good", Min: par.FromInt(80)},
		{ID: "kha", Name: "Khá", NameEn: "Fair", Min: par.FromInt(65)},
		{ID: "trung-binh", Name: "Trung bình", NameEn: "Average", Min: 0},
	}
}

// parseOutline builds a framework's areas from an outline. It panics on a
// malformed outline: the outlines are constants of this package, checked by
// its tests.
func parseOutline(text string) []*par.Node {
	var areas []*par.Node
	var stack []*par.Node
	for i, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if indent%2 != 0 {
			panic(fmt.Sprintf("outline line %d: odd indentation", i+1))
		}
		depth := indent / 2
		f := strings.Split(strings.TrimSpace(line), "|")
		for k := range f {
			f[k] = strings.TrimSpace(f[k])
		}
		n := &par.Node{Code: strings.TrimSpace(f[0]), Title: strings.TrimSpace(f[1])}
		if len(f) > 2 && strings.TrimSpace(f[2]) != "" {
			n.Max = par.MustPoints(f[2])
		}
		for _, flag := range f[min(3, len(f)):] {
			flag = strings.TrimSpace(flag)
			switch {
			case flag == "survey":
				n.Method = par.MethodSurvey
			case flag == "satisfaction":
				n.Method = par.MethodSatisfaction
			case strings.HasPrefix(flag, "lead="):
				n.Lead = strings.TrimPrefix(flag, "lead=")
			case flag == "":
			default:
				panic(fmt.Sprintf("outline line %d: unknown flag %q", i+1, flag))
			}
		}
		if depth > len(stack) {
			panic(fmt.Sprintf("outline line %d: indented too deep", i+1))
		}
		stack = stack[:depth]
		if depth == 0 {
			areas = append(areas, n)
		} else {
			p := stack[depth-1]
			p.Children = append(p.Children, n)
		}
		stack = append(stack, n)
	}
	for _, a := range areas {
		sumMax(a)
	}
	return areas
}

// sumMax sets inner maxima to the sums of their items.
func sumMax(n *par.Node) par.Points {
	if n.Leaf() {
		return n.Max
	}
	var s par.Points
	for _, c := range n.Children {
		s += sumMax(c)
	}
	n.Max = s
	return s
}

// newFramework assembles and indexes a framework.
func newFramework(id, title string, groups []string, from, to int, basis par.Basis, bands []par.Band, outline string) *par.Framework {
	fw := &par.Framework{
		ID: id, Title: title, Groups: groups, From: from, To: to,
		Basis: basis, Decimals: 2, Bands: bands, Areas: parseOutline(outline),
	}
	translate(fw)
	fw.Index()
	return fw
}

// areaMaps declares, for each framework that replaces another, the areas
// that carry on (rule "comparisons across a framework change"): one to one,
// renumbered (so-2025's V is so-2022's VI) and merged (IV ← IV+V). Areas
// left out (so-2022's new VIII) are not compared across the change.
var areaMaps = map[string]struct {
	previous string
	links    [][2]string // this framework's areas, the previous one's ("+" joins)
}{
	"so-2022": {"so-2019", [][2]string{{"I", "I"}, {"II", "II"}, {"III", "III"}, {"IV", "IV"}, {"V", "V"}, {"VI", "VI"}, {"VII", "VII"}}},
	"so-2025": {"so-2022", [][2]string{{"I", "I"}, {"II", "II"}, {"III", "III"}, {"IV", "IV+V"}, {"V", "VI"}, {"VI", "VII"}}},
	"xa-2025": {"xa-2019", [][2]string{{"I", "I"}, {"II", "II"}, {"III", "III"}, {"IV", "IV+V"}, {"V", "VI"}, {"VI", "VII"}}},
}

// linkFrameworks sets Previous and AreaMap from areaMaps.
func linkFrameworks(fws []*par.Framework) {
	for _, f := range fws {
		m, ok := areaMaps[f.ID]
		if !ok {
			continue
		}
		f.Previous = m.previous
		for _, l := range m.links {
			f.AreaMap = append(f.AreaMap, par.AreaLink{Areas: strings.Split(l[0], "+"), Prev: strings.Split(l[1], "+")})
		}
	}
}
