# METADATA
# scope: package
# custom:
#   id: HST-03
#   severity: info
#   stages: [design, build, pre-production, production]
#   clauses: ["KH04:V.1.d", "CT57:4.b"]
#   clause_items: {"KH04:V.1.d": ["2.7"]}
#   title:
#     en: A domestic ("Make in Vietnam") cloud platform is preferred
#     vi: Ưu tiên nền tảng điện toán đám mây trong nước ("Make in Vietnam")
#   description:
#     en: >-
#       Civil systems are encouraged to run on a Vietnamese-controlled cloud platform (for example
#       the National Data Centre's cloud or a certified domestic provider). Informational only.
#       Military, defence and cipher systems use the defence infrastructure and are out of scope.
#     vi: >-
#       Hệ thống dân sự được khuyến khích chạy trên nền tảng đám mây do Việt Nam làm chủ (ví dụ nền
#       tảng đám mây của Trung tâm dữ liệu quốc gia hoặc nhà cung cấp trong nước đạt chuẩn). Chỉ mang
#       tính thông tin. Hệ thống quân sự, quốc phòng, cơ yếu dùng hạ tầng quốc phòng nên không thuộc phạm vi.
#   messages:
#     no_domestic_cloud:
#       en: "None of the declared data centres is a domestic cloud platform (domestic_cloud: true); consider one when the system is next re-hosted."
#       vi: "Chưa có trung tâm dữ liệu nào là nền tảng đám mây trong nước (domestic_cloud: true); cân nhắc chuyển khi tái cấu trúc hạ tầng."
#   remediation:
#     en: >-
#       When planning hosting, evaluate the National Data Centre cloud or a certified domestic cloud
#       provider first, and record domestic_cloud: true for the data centre that uses one.
#     vi: >-
#       Khi lập phương án hạ tầng, ưu tiên đánh giá nền tảng đám mây của Trung tâm dữ liệu quốc gia hoặc
#       nhà cung cấp đám mây trong nước đạt chuẩn; ghi domestic_cloud: true cho trung tâm dữ liệu sử dụng.
#   snippet: |
#     hosting:
#       data_centres:
#         - {name: Trung tâm dữ liệu quốc gia, country: VN, certified: true, domestic_cloud: true}
package tuanthu.rules.hst.hst_03

import data.tuanthu.lib

not_applicable contains {"code": "sector", "params": {"sector": lib.d.system.sector}} if not lib.is_civil

deny contains lib.finding("/hosting/data_centres", "no_domestic_cloud", {}) if not on_domestic_cloud

on_domestic_cloud if {
	some dc in lib.d.hosting.data_centres
	dc.domestic_cloud == true
}
