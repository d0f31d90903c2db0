# METADATA
# scope: package
# custom:
#   id: SUP-01
#   severity: medium
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:III.2.b(i)", "CT57:4.b"]
#   title:
#     en: Security products in use are certified
#     vi: Sản phẩm an ninh mạng được sử dụng đã được kiểm định, chứng nhận
#   description:
#     en: >-
#       Every security product the system uses — listed in supply_chain.security_products, or bought
#       on a security budget line — has passed testing and conformity certification (kiểm định, hợp
#       chuẩn/hợp quy). A system that lists no security products is asked to declare them.
#     vi: >-
#       Mọi sản phẩm an ninh mạng hệ thống sử dụng (khai báo ở supply_chain.security_products hoặc mua
#       qua hạng mục kinh phí security) đã được kiểm định, chứng nhận hợp chuẩn/hợp quy. Hệ thống chưa
#       khai báo sản phẩm an ninh mạng phải khai báo.
#   messages:
#     no_inventory:
#       en: "No security products are declared (supply_chain.security_products), so their certification cannot be checked."
#       vi: "Chưa khai báo sản phẩm an ninh mạng (supply_chain.security_products) nên không kiểm tra được việc kiểm định."
#     uncertified:
#       en: "Security product \"{name}\" is not declared certified (certified: true)."
#       vi: "Sản phẩm an ninh mạng \"{name}\" chưa được khai báo là đã kiểm định, chứng nhận (certified: true)."
#   remediation:
#     en: >-
#       List the firewalls, anti-malware, endpoint protection, SIEM and similar products in use;
#       replace any that lack testing and conformity certification with certified ones, and record
#       the certificate reference.
#     vi: >-
#       Liệt kê tường lửa, phòng chống mã độc, bảo vệ đầu cuối, SIEM và các sản phẩm tương tự đang dùng;
#       thay sản phẩm chưa được kiểm định, chứng nhận hợp chuẩn/hợp quy và ghi số giấy chứng nhận.
#   snippet: |
#     supply_chain:
#       security_products:
#         - {name: Tường lửa thế hệ mới nội địa, kind: firewall, origin: domestic, certified: true, certificate: HQ-2025-0142}
package tuanthu.rules.sup.sup_01

import data.tuanthu.lib

inventory := object.get(lib.d, ["supply_chain", "security_products"], null)

lines := object.get(lib.d, ["budget", "lines"], [])

# Every product with the JSON pointer to it: the inventory, then products bought on security lines.
products contains [concat("/", ["/supply_chain/security_products", format_int(i, 10)]), p] if {
	some i, p in inventory
}

products contains [concat("/", ["/budget/lines", format_int(i, 10), "product"]), l.product] if {
	some i, l in lines
	l.category == "security"
	is_object(l.product)
}

deny contains lib.finding("/supply_chain/security_products", "no_inventory", {}) if not is_array(inventory)

deny contains lib.finding(path, "uncertified", {"name": object.get(p, "name", "—")}) if {
	some [path, p] in products
	not p.certified == true
}
