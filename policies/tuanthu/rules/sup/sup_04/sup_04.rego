# METADATA
# scope: package
# custom:
#   id: SUP-04
#   severity: low
#   stages: [build, pre-production, production]
#   clauses: ["KH04:V.1.p"]
#   title:
#     en: Vendor contracts carry cybersecurity obligations and accountability
#     vi: Hợp đồng với nhà cung cấp có điều khoản trách nhiệm an ninh mạng
#   description:
#     en: >-
#       From the build stage on, contracts with the firms that build or run the system bind them to
#       the cybersecurity and data-protection rules and national standards, and make them answerable
#       for incidents or leaks they cause.
#     vi: >-
#       Từ giai đoạn xây dựng, hợp đồng với doanh nghiệp xây dựng, vận hành hệ thống ràng buộc doanh
#       nghiệp tuân thủ quy định an ninh mạng, bảo vệ dữ liệu, tiêu chuẩn quốc gia và chịu trách nhiệm khi
#       sự cố, rò rỉ xảy ra do lỗi của mình.
#   messages:
#     missing:
#       en: "Vendor contracts are not declared to contain cybersecurity obligations and accountability (supply_chain.vendor_contracts_security_clauses)."
#       vi: "Chưa khai báo hợp đồng với nhà cung cấp có điều khoản nghĩa vụ, trách nhiệm an ninh mạng (supply_chain.vendor_contracts_security_clauses)."
#   remediation:
#     en: >-
#       Add clauses to every build, hosting and operation contract: compliance with cybersecurity and
#       data-protection rules and national standards, incident reporting, liability for incidents
#       the vendor causes; then set supply_chain.vendor_contracts_security_clauses: true.
#     vi: >-
#       Bổ sung vào mọi hợp đồng xây dựng, thuê hạ tầng, vận hành điều khoản: tuân thủ quy định an ninh
#       mạng, bảo vệ dữ liệu và tiêu chuẩn quốc gia, báo cáo sự cố, trách nhiệm khi sự cố do nhà cung cấp
#       gây ra; đặt supply_chain.vendor_contracts_security_clauses: true.
#   snippet: |
#     supply_chain:
#       vendor_contracts_security_clauses: true
package tuanthu.rules.sup.sup_04

import data.tuanthu.lib

deny contains lib.finding("/supply_chain/vendor_contracts_security_clauses", "missing", {}) if {
	not lib.d.supply_chain.vendor_contracts_security_clauses == true
}
