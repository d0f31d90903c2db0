# METADATA
# scope: package
# custom:
#   id: GOV-02
#   severity: low
#   stages: [design, build, pre-production, production]
#   clauses: ["KH04:V.1.m", "TB06:III.8.b"]
#   clause_items: {"KH04:V.1.m": ["3"]}
#   title:
#     en: Dedicated security unit named
#     vi: Xác định đơn vị chuyên trách an ninh mạng
#   description:
#     en: >-
#       The descriptor names the dedicated cybersecurity unit responsible for the system, with a contact.
#     vi: >-
#       Khai báo đơn vị chuyên trách an ninh mạng phụ trách hệ thống, kèm đầu mối liên hệ.
#   messages:
#     missing:
#       en: "No dedicated security unit is named (system.security_unit.name)."
#       vi: "Chưa xác định đơn vị chuyên trách an ninh mạng (system.security_unit.name)."
#     no_contact:
#       en: "The security unit {name} has no contact (system.security_unit.contact)."
#       vi: "Đơn vị chuyên trách {name} chưa có đầu mối liên hệ (system.security_unit.contact)."
#   remediation:
#     en: >-
#       Assign the dedicated cybersecurity unit of the owning agency to the system and record it under
#       system.security_unit (name, contact).
#     vi: >-
#       Giao đơn vị chuyên trách an ninh mạng của cơ quan chủ quản phụ trách hệ thống và ghi vào
#       system.security_unit (name, contact).
#   snippet: |
#     system:
#       security_unit: {name: Phòng An toàn thông tin, contact: attt@mof.example.gov.vn}
package tuanthu.rules.gov.gov_02

import data.tuanthu.lib

unit := object.get(lib.d, ["system", "security_unit"], {})

deny contains lib.finding("/system/security_unit", "missing", {}) if not lib.has_text(unit, "name")

deny contains lib.finding("/system/security_unit", "no_contact", {"name": unit.name}) if {
	lib.has_text(unit, "name")
	not lib.has_text(unit, "contact")
}
