# METADATA
# scope: package
# custom:
#   id: GOV-01
#   severity: medium
#   stages: [design, build, pre-production, production]
#   clauses: ["CT57:1.đ", "KH04:V.1.n", "KH04:III.2(iv)", "TB06:II.2.a"]
#   title:
#     en: Accountable head of agency named
#     vi: Xác định người đứng đầu chịu trách nhiệm
#   description:
#     en: >-
#       The descriptor names the head of agency who is directly accountable for the system's
#       cybersecurity (name and title).
#     vi: >-
#       Khai báo người đứng đầu chịu trách nhiệm trực tiếp về an ninh mạng của hệ thống (họ tên, chức vụ).
#   messages:
#     missing:
#       en: "No accountable head of agency is named (system.accountable_head.name)."
#       vi: "Chưa xác định người đứng đầu chịu trách nhiệm (system.accountable_head.name)."
#     no_title:
#       en: "The accountable head {name} has no title (system.accountable_head.title)."
#       vi: "Người đứng đầu chịu trách nhiệm {name} chưa có chức vụ (system.accountable_head.title)."
#   remediation:
#     en: >-
#       Record the head of the owning agency who answers for the system's cybersecurity under
#       system.accountable_head (name, title).
#     vi: >-
#       Ghi người đứng đầu cơ quan chủ quản chịu trách nhiệm về an ninh mạng của hệ thống vào
#       system.accountable_head (name, title).
#   snippet: |
#     system:
#       accountable_head: {name: Nguyễn Văn An, title: Thứ trưởng}
package tuanthu.rules.gov.gov_01

import data.tuanthu.lib

head := object.get(lib.d, ["system", "accountable_head"], {})

deny contains lib.finding("/system/accountable_head", "missing", {}) if not lib.has_text(head, "name")

deny contains lib.finding("/system/accountable_head", "no_title", {"name": head.name}) if {
	lib.has_text(head, "name")
	not lib.has_text(head, "title")
}
