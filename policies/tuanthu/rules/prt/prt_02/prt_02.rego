# METADATA
# scope: package
# custom:
#   id: PRT-02
#   severity: medium
#   stages: [production]
#   due: "2030-12-31"
#   clauses: ["KH04:IV.3.b(iii)", "TB06:III.3.b"]
#   title:
#     en: Applications are protected (a web application firewall in use)
#     vi: Ứng dụng được bảo vệ (có tường lửa ứng dụng web)
#   description:
#     en: >-
#       Protection of applications and services is one of the five protection groups that 04-KH/BCĐTW
#       IV.3.b(iii) asks to deploy by 2030 (06-TB/CQTTBCĐ III.3.b names the same groups). The system
#       lists a web application firewall among the security products in use
#       (supply_chain.security_products, kind waf). Until 31/12/2030 a gap is reported as due.
#     vi: >-
#       Bảo vệ ứng dụng, dịch vụ là một trong năm nhóm giải pháp mà 04-KH/BCĐTW IV.3.b(iii) yêu cầu
#       triển khai đến năm 2030 (06-TB/CQTTBCĐ III.3.b nêu cùng các nhóm này). Hệ thống liệt kê tường
#       lửa ứng dụng web trong các sản phẩm an ninh mạng đang dùng (supply_chain.security_products, kind
#       waf). Đến hết 31/12/2030, thiếu sót được báo là đến hạn.
#   messages:
#     missing:
#       en: "No web application firewall is listed among the security products in use (supply_chain.security_products)."
#       vi: "Chưa có tường lửa ứng dụng web trong danh sách sản phẩm an ninh mạng đang dùng (supply_chain.security_products)."
#   remediation:
#     en: >-
#       Put the system's web applications and services behind a web application firewall (preferably a
#       certified domestic product) and list it under supply_chain.security_products with kind waf.
#     vi: >-
#       Đặt ứng dụng, dịch vụ web của hệ thống sau tường lửa ứng dụng web (ưu tiên sản phẩm trong nước
#       đã kiểm định) và liệt kê trong supply_chain.security_products với kind waf.
#   snippet: |
#     supply_chain:
#       security_products:
#         - {name: WAF nội địa, kind: waf, origin: domestic, certified: true}
package tuanthu.rules.prt.prt_02

import data.tuanthu.lib

products := object.get(lib.d, ["supply_chain", "security_products"], [])

kinds := {"waf"}

protected if {
	some p in products
	p.kind in kinds
}

deny contains lib.finding("/supply_chain/security_products", "missing", {}) if not protected
