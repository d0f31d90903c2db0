# METADATA
# scope: package
# custom:
#   id: LVL-04
#   severity: medium
#   stages: [pre-production, production]
#   clauses: ["KH04:V.1.m"]
#   clause_items: {"KH04:V.1.m": ["6"]}
#   outside_seeds:
#     en: >-
#       04-KH/BCĐTW V.1.m item 6 carries the duty to have the level appraised and approved; that the
#       appraisal comes before the approval and is made by a body independent of the operator
#       follows Decree 85/2016/NĐ-CP (Art. 12), which is not among the seeds.
#     vi: >-
#       Kế hoạch 04-KH/BCĐTW mục V.1.m gạch 6 đặt nghĩa vụ thẩm định, phê duyệt cấp độ; việc thẩm
#       định trước phê duyệt và do đơn vị độc lập với đơn vị vận hành thực hiện theo Nghị định
#       85/2016/NĐ-CP (Điều 12), không thuộc các văn bản nguồn.
#   title:
#     en: Level appraised before approval, by a body independent of the operator
#     vi: Cấp độ được thẩm định trước khi phê duyệt, bởi đơn vị độc lập với đơn vị vận hành
#   description:
#     en: >-
#       For a level 3 or higher system, the level proposal is appraised (thẩm định) before it is
#       approved, and the appraising body is not the unit that operates the system (Decree 85/2016/NĐ-CP
#       Art. 12 assigns appraisal to a specialised body, as context).
#     vi: >-
#       Với hệ thống từ cấp độ 3 trở lên, hồ sơ đề xuất cấp độ được thẩm định trước khi phê duyệt, và
#       đơn vị thẩm định không phải đơn vị vận hành hệ thống (tham khảo Điều 12 Nghị định 85/2016/NĐ-CP).
#   applies:
#     en: "systems of level 3 or above (a missing level counts as in scope)"
#     vi: "hệ thống từ cấp độ 3 trở lên (chưa khai báo cấp độ vẫn thuộc phạm vi)"
#   messages:
#     not_appraised:
#       en: "A level {level} system needs an appraisal of its level proposal (classification.appraisal: by, date) before approval."
#       vi: "Hệ thống cấp độ {level} cần được thẩm định hồ sơ đề xuất cấp độ (classification.appraisal: by, date) trước khi phê duyệt."
#     after_approval:
#       en: "The level was appraised on {appraised}, after it was approved on {approved}: appraisal must come first."
#       vi: "Cấp độ được thẩm định ngày {appraised}, sau ngày phê duyệt {approved}: phải thẩm định trước."
#     not_independent:
#       en: "The appraisal by \"{by}\" is not shown to be independent of the operator \"{operator}\" (classification.appraisal.independent_of_operator)."
#       vi: "Việc thẩm định của \"{by}\" chưa thể hiện độc lập với đơn vị vận hành \"{operator}\" (classification.appraisal.independent_of_operator)."
#   remediation:
#     en: >-
#       Have the level proposal appraised by the competent specialised body (not the operating unit)
#       before the approval decision; record by, date, reference and independent_of_operator: true.
#     vi: >-
#       Trình đơn vị chuyên trách có thẩm quyền (không phải đơn vị vận hành) thẩm định hồ sơ đề xuất cấp
#       độ trước khi phê duyệt; ghi by, date, reference và independent_of_operator: true.
#   snippet: |
#     classification:
#       level: 3
#       appraisal: {by: Cục An ninh mạng, date: 2026-01-20, reference: 12/TĐ-A05, independent_of_operator: true}
#       approval: {decision: 345/QĐ-BTC, by: Bộ trưởng Bộ Tài chính, date: 2026-02-10}
package tuanthu.rules.lvl.lvl_04

import data.tuanthu.lib

cls := object.get(lib.d, "classification", {})

appraisal := object.get(cls, "appraisal", {})

operator := object.get(lib.d, ["system", "operator"], "")

not_applicable contains {"code": "level", "params": {"level": lib.level, "min": 3}} if lib.level < 3

appraised if {
	lib.has_text(appraisal, "by")
	is_string(appraisal.date)
}

independent if {
	appraisal.independent_of_operator == true
	not lib.same_name(appraisal.by, operator)
}

deny contains lib.finding("/classification/appraisal", "not_appraised", {"level": object.get(cls, "level", null)}) if not appraised

deny contains lib.finding("/classification/appraisal/date", "after_approval", {"appraised": appraisal.date, "approved": cls.approval.date}) if {
	appraisal.date > cls.approval.date
}

deny contains lib.finding("/classification/appraisal", "not_independent", {"by": appraisal.by, "operator": operator}) if {
	appraised
	not independent
}
