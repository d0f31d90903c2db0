# METADATA
# scope: package
# custom:
#   id: SUP-02
#   severity: low
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:III.4", "CT57:3.đ", "CT57:4.b", "KH04:IV.4.c"]
#   title:
#     en: Public investment projects and critical systems prefer domestic security products
#     vi: Dự án đầu tư công và hệ thống trọng yếu ưu tiên sản phẩm an ninh mạng trong nước
#   description:
#     en: >-
#       57-CT/TW 3.đ asks that the rule giving priority (ưu tiên) to domestic security products be
#       applied strictly in every public investment project, at any level; 04-KH/BCĐTW IV.4.c and
#       06-TB III.4 ask key projects and critical systems to prefer domestic products that meet the
#       standards. For the product kinds 57-CT/TW 4.b names — firewall, anti-malware, endpoint
#       protection, cloud platform and operating system — each foreign one (or one of undeclared
#       origin) is flagged so that the choice can be weighed at renewal: a preference, hence a low
#       severity. The scope is read from system.funding (public_investment) and from
#       classification.priority_protected (a critical system); a system that declares neither, and
#       has a foreign product of those kinds, is asked to declare its funding (unknown).
#     vi: >-
#       Chỉ thị 57-CT/TW 3.đ yêu cầu thực hiện nghiêm quy định ưu tiên sử dụng sản phẩm, giải pháp an
#       ninh mạng trong nước trong các dự án đầu tư công, ở mọi cấp độ; Kế hoạch 04-KH/BCĐTW IV.4.c và
#       Thông báo 06-TB III.4 yêu cầu ưu tiên sản phẩm nội địa đạt tiêu chuẩn trong các dự án, hệ thống
#       trọng yếu. Với các loại sản phẩm Chỉ thị 57-CT/TW 4.b nêu tên — tường lửa, phòng chống mã độc,
#       bảo vệ đầu cuối, nền tảng đám mây, hệ điều hành — mỗi sản phẩm nước ngoài (hoặc chưa khai báo
#       xuất xứ) được nêu để cân nhắc khi gia hạn, thay thế: là yêu cầu ưu tiên nên mức độ thấp. Phạm vi
#       xác định theo system.funding (public_investment) và classification.priority_protected (hệ thống
#       trọng yếu); hệ thống không khai báo cả hai mà có sản phẩm nước ngoài thuộc các loại trên được yêu
#       cầu khai báo nguồn kinh phí (chưa xác định).
#   applies:
#     en: public investment projects (system.funding) and critical systems (classification.priority_protected), at any level
#     vi: dự án đầu tư công (system.funding) và hệ thống trọng yếu (classification.priority_protected), ở mọi cấp độ
#   messages:
#     foreign:
#       en: "Security product \"{name}\" ({kind}) is not domestic: public investment projects and critical systems are to prefer a domestic \"Make in Vietnam\" {kind} that meets the standards."
#       vi: "Sản phẩm an ninh mạng \"{name}\" ({kind}) không phải hàng trong nước: dự án đầu tư công, hệ thống trọng yếu ưu tiên dùng sản phẩm {kind} \"Make in Vietnam\" đạt tiêu chuẩn."
#     funding_undeclared:
#       en: "Unknown: system.funding is not declared, so whether the domestic preference binds the {count} foreign product(s) is undecided; declare it."
#       vi: "Chưa xác định: chưa khai báo system.funding nên chưa biết quy định ưu tiên hàng trong nước có áp dụng cho {count} sản phẩm nước ngoài không; hãy khai báo."
#   remediation:
#     en: >-
#       Declare system.funding. At the next renewal, evaluate certified domestic products of the same
#       kind and switch where they meet the requirements; record origin: domestic.
#     vi: >-
#       Khai báo system.funding. Khi gia hạn, thay thế, đánh giá sản phẩm trong nước cùng loại đã được
#       kiểm định và chuyển đổi khi đáp ứng yêu cầu; ghi origin: domestic.
#   snippet: |
#     supply_chain:
#       security_products:
#         - {name: Tường lửa thế hệ mới nội địa, kind: firewall, origin: domestic, certified: true}
package tuanthu.rules.sup.sup_02

import data.tuanthu.lib

# Kinds the documents name (CT57 4.b): firewall, anti-malware, endpoint, cloud platform, OS.
preferred_kinds := {"firewall", "anti_malware", "endpoint", "cloud", "os"}

funding := object.get(lib.d, ["system", "funding"], null)

# 04-KH/BCĐTW IV.4.c, 06-TB III.4: critical systems, read as those on the priority-protection list.
critical if lib.d.classification.priority_protected == true

# 57-CT/TW 3.đ: every public investment project.
in_scope if funding == "public_investment"

in_scope if critical

not_applicable contains {"code": "not_public_investment", "params": {"funding": funding}} if {
	is_string(funding)
	funding != "public_investment"
	not critical
}

# Products of the named kinds not declared domestic, by index.
foreign[i] := p if {
	some i, p in object.get(lib.d, ["supply_chain", "security_products"], [])
	p.kind in preferred_kinds
	not p.origin == "domestic"
}

deny contains lib.finding(concat("/", ["/supply_chain/security_products", format_int(i, 10)]), "foreign", params) if {
	in_scope
	some i, p in foreign
	params := {"name": object.get(p, "name", "—"), "kind": p.kind}
}

# Whether the preference binds is unknown until the funding is declared; with no foreign product of
# those kinds it is met either way, so nothing is asked.
deny contains lib.unknown_finding("/system", "funding_undeclared", {"count": count(foreign)}) if {
	not is_string(funding)
	not critical
	count(foreign) > 0
}
