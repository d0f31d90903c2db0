# METADATA
# scope: package
# custom:
#   id: PRT-01
#   severity: medium
#   stages: [production]
#   due: "2030-12-31"
#   clauses: ["KH04:IV.3.b(ii)", "TB06:III.3.b"]
#   title:
#     en: Endpoints are protected (anti-malware or endpoint protection in use)
#     vi: Thiết bị đầu cuối được bảo vệ (có phần mềm phòng, chống mã độc hoặc bảo vệ đầu cuối)
#   description:
#     en: >-
#       Endpoint protection is one of the five protection groups that 04-KH/BCĐTW IV.3.b(ii) asks to
#       deploy by 2030 (06-TB/CQTTBCĐ III.3.b names the same groups). The system lists an endpoint-
#       protection or anti-malware product among the security products in use
#       (supply_chain.security_products, kind endpoint or anti_malware). Until 31/12/2030 a gap is
#       reported as due.
#     vi: >-
#       Bảo vệ thiết bị đầu cuối là một trong năm nhóm giải pháp mà 04-KH/BCĐTW IV.3.b(ii) yêu cầu triển
#       khai đến năm 2030 (06-TB/CQTTBCĐ III.3.b nêu cùng các nhóm này). Hệ thống liệt kê sản phẩm bảo
#       vệ đầu cuối hoặc phòng, chống mã độc trong các sản phẩm an ninh mạng đang dùng
#       (supply_chain.security_products, kind endpoint hoặc anti_malware). Đến hết 31/12/2030, thiếu sót
#       được báo là đến hạn.
#   messages:
#     missing:
#       en: "No endpoint-protection or anti-malware product is listed among the security products in use (supply_chain.security_products)."
#       vi: "Chưa có sản phẩm bảo vệ đầu cuối hoặc phòng, chống mã độc trong danh sách sản phẩm an ninh mạng đang dùng (supply_chain.security_products)."
#   remediation:
#     en: >-
#       Deploy endpoint protection (EDR or anti-malware, preferably certified domestic products) on the
#       system's servers and workstations and list it under supply_chain.security_products with kind
#       endpoint.
#     vi: >-
#       Triển khai giải pháp bảo vệ đầu cuối (EDR hoặc phòng, chống mã độc, ưu tiên sản phẩm trong nước
#       đã kiểm định) trên máy chủ, máy trạm của hệ thống và liệt kê trong
#       supply_chain.security_products với kind endpoint.
#   snippet: |
#     supply_chain:
#       security_products:
#         - {name: Phần mềm bảo vệ đầu cuối nội địa, kind: endpoint, origin: domestic, certified: true}
package tuanthu.rules.prt.prt_01

import data.tuanthu.lib

products := object.get(lib.d, ["supply_chain", "security_products"], [])

kinds := {"endpoint", "anti_malware"}

protected if {
	some p in products
	p.kind in kinds
}

deny contains lib.finding("/supply_chain/security_products", "missing", {}) if not protected
