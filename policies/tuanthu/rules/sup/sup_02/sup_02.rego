# METADATA
# scope: package
# custom:
#   id: SUP-02
#   severity: low
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:III.4", "CT57:3.đ", "CT57:4.b", "KH04:IV.4.c"]
#   title:
#     en: Public investment projects prefer domestic security products
#     vi: Dự án đầu tư công ưu tiên sản phẩm an ninh mạng trong nước
#   description:
#     en: >-
#       For the product kinds the directives name — firewall, anti-malware, endpoint protection,
#       cloud platform and operating system — a system built by a public investment project, at any
#       level (57-CT/TW 3.đ), uses domestic ("Make in Vietnam") products. Each foreign one is flagged
#       so the choice can be reviewed at renewal.
#     vi: >-
#       Với các loại sản phẩm được văn bản nêu tên — tường lửa, phòng chống mã độc, bảo vệ đầu cuối, nền
#       tảng đám mây, hệ điều hành — hệ thống thuộc dự án đầu tư công, ở mọi cấp độ (Chỉ thị 57-CT/TW
#       3.đ), dùng sản phẩm trong nước ("Make in Vietnam").
#       Mỗi sản phẩm nước ngoài được nêu để xem xét khi gia hạn, thay thế.
#   messages:
#     foreign:
#       en: "Security product \"{name}\" ({kind}) is not domestic; public investment projects must prefer a \"Make in Vietnam\" {kind} product."
#       vi: "Sản phẩm an ninh mạng \"{name}\" ({kind}) không phải sản phẩm trong nước; dự án đầu tư công phải ưu tiên sản phẩm {kind} \"Make in Vietnam\"."
#   remediation:
#     en: >-
#       At the next renewal, evaluate certified domestic products of the same kind and switch where
#       they meet the requirements; record origin: domestic.
#     vi: >-
#       Khi gia hạn, thay thế, đánh giá sản phẩm trong nước cùng loại đã được kiểm định và chuyển đổi khi
#       đáp ứng yêu cầu; ghi origin: domestic.
#   snippet: |
#     supply_chain:
#       security_products:
#         - {name: Tường lửa thế hệ mới nội địa, kind: firewall, origin: domestic, certified: true}
package tuanthu.rules.sup.sup_02

import data.tuanthu.lib

# Kinds the documents name (CT57 4.b): firewall, anti-malware, endpoint, cloud platform, OS.
preferred_kinds := {"firewall", "anti_malware", "endpoint", "cloud", "os"}

deny contains lib.finding(concat("/", ["/supply_chain/security_products", format_int(i, 10)]), "foreign", params) if {
	some i, p in object.get(lib.d, ["supply_chain", "security_products"], [])
	p.kind in preferred_kinds
	not p.origin == "domestic"
	params := {"name": object.get(p, "name", "—"), "kind": p.kind}
}
