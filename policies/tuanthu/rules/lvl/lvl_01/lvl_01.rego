# METADATA
# scope: package
# custom:
#   id: LVL-01
#   severity: medium
#   stages: [design, build, pre-production, production]
#   clauses: ["KH04:V.1.m", "TB06:III.3.c"]
#   clause_items: {"KH04:V.1.m": ["6"]}
#   title:
#     en: Security level declared with its rationale
#     vi: Xác định cấp độ an toàn kèm căn cứ
#   description:
#     en: >-
#       The system declares its security level (1 to 5, Decree 85/2016/NĐ-CP) and the rationale for
#       it, so that the level can be appraised, approved and checked against what the system holds.
#     vi: >-
#       Hệ thống khai báo cấp độ an toàn (từ 1 đến 5, Nghị định 85/2016/NĐ-CP) và căn cứ xác định cấp
#       độ, để cấp độ được thẩm định, phê duyệt và đối chiếu với dữ liệu, dịch vụ của hệ thống.
#   messages:
#     no_level:
#       en: "No security level (1–5) is declared under classification.level."
#       vi: "Chưa khai báo cấp độ an toàn (1–5) tại classification.level."
#     no_rationale:
#       en: "Level {level} is declared without a rationale (classification.rationale): say which criteria set it."
#       vi: "Cấp độ {level} được khai báo nhưng thiếu căn cứ (classification.rationale): nêu tiêu chí xác định cấp độ."
#   remediation:
#     en: >-
#       Determine the level from the criteria of Decree 85/2016/NĐ-CP (data held, services offered,
#       impact of a breach) and record it with its rationale under classification.
#     vi: >-
#       Xác định cấp độ theo tiêu chí của Nghị định 85/2016/NĐ-CP (dữ liệu xử lý, dịch vụ cung cấp,
#       mức độ ảnh hưởng khi bị xâm phạm) và ghi cấp độ cùng căn cứ vào classification.
#   snippet: |
#     classification:
#       level: 3
#       rationale: Dịch vụ công trực tuyến; hơn 10.000 chủ thể dữ liệu cá nhân
package tuanthu.rules.lvl.lvl_01

import data.tuanthu.lib

cls := object.get(lib.d, "classification", {})

valid_level if {
	is_number(cls.level)
	cls.level >= 1
	cls.level <= 5
}

deny contains lib.finding("/classification/level", "no_level", {}) if not valid_level

deny contains lib.finding("/classification/rationale", "no_rationale", {"level": object.get(cls, "level", null)}) if {
	not lib.has_text(cls, "rationale")
}
