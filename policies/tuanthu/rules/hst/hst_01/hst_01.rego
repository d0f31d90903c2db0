# METADATA
# scope: package
# custom:
#   id: HST-01
#   severity: high
#   stages: [build, pre-production, production]
#   due: "2026-06-30"
#   clauses: ["TB06:III.8.đ", "CT57:3.d", "KH04:III.7", "KH04:V.1.e", "TTg:4"]
#   clause_items: {"KH04:V.1.e": ["1"]}
#   title:
#     en: Servers in a standards-compliant data centre
#     vi: Máy chủ đặt tại trung tâm dữ liệu đạt chuẩn
#   description:
#     en: >-
#       From the build stage on, the system runs in data centres that meet the standards
#       (đạt chuẩn) and can apply every required protection measure. Which centres qualify follows
#       from the IT infrastructure master plan that 04-KH/BCĐTW V.1.e dates in 6/2026: until
#       30/6/2026 a gap is due, from 1/7/2026 a violation.
#     vi: >-
#       Từ giai đoạn xây dựng, hệ thống đặt tại trung tâm dữ liệu đạt chuẩn, đủ điều kiện áp dụng đầy
#       đủ các biện pháp bảo vệ an ninh mạng. Trung tâm nào đạt chuẩn căn cứ quy hoạch hạ tầng công nghệ
#       thông tin mà Kế hoạch 04-KH/BCĐTW V.1.e hẹn trong tháng 6/2026: đến 30/6/2026 là việc đến hạn,
#       từ 1/7/2026 là vi phạm.
#   messages:
#     no_data_centre:
#       en: "No data centre is declared (hosting.data_centres), so it cannot be shown that the servers are in a standards-compliant data centre."
#       vi: "Chưa khai báo trung tâm dữ liệu (hosting.data_centres) nên không thể hiện được máy chủ đặt tại trung tâm dữ liệu đạt chuẩn."
#     uncertified:
#       en: "Data centre \"{name}\" is not declared standards-compliant (certified: true)."
#       vi: "Trung tâm dữ liệu \"{name}\" chưa được khai báo là đạt chuẩn (certified: true)."
#   remediation:
#     en: >-
#       Move the servers into a certified data centre (for example the National Data Centre or a
#       certified provincial or commercial one) in line with the approved IT infrastructure plan,
#       or have the current one assessed and certified; then record certified: true.
#     vi: >-
#       Chuyển máy chủ về trung tâm dữ liệu đạt chuẩn (ví dụ Trung tâm dữ liệu quốc gia, trung tâm
#       dữ liệu tỉnh hoặc thương mại đã được chứng nhận) theo quy hoạch hạ tầng được duyệt, hoặc đánh
#       giá, chứng nhận trung tâm hiện tại; sau đó ghi certified: true.
#   snippet: |
#     hosting:
#       data_centres:
#         - {name: Trung tâm dữ liệu quốc gia, country: VN, certified: true}
package tuanthu.rules.hst.hst_01

import data.tuanthu.lib

centres := object.get(lib.d, ["hosting", "data_centres"], [])

deny contains lib.finding("/hosting/data_centres", "no_data_centre", {}) if count(centres) == 0

deny contains lib.finding(concat("/", ["/hosting/data_centres", format_int(i, 10)]), "uncertified", {"name": dc.name}) if {
	some i, dc in centres
	not dc.certified == true
}
