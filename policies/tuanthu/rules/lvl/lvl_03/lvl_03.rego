# METADATA
# scope: package
# custom:
#   id: LVL-03
#   severity: high
#   stages: [production]
#   due: "2026-04-30"
#   clauses: ["KH04:V.1.m"]
#   clause_items: {"KH04:V.1.m": ["6"]}
#   title:
#     en: Systems in operation have their level appraised and approved
#     vi: Hệ thống đang vận hành được thẩm định, phê duyệt cấp độ
#   description:
#     en: >-
#       A system already in operation has had its security level appraised and approved (an
#       appraisal record and an approval decision), by 30 April 2026.
#     vi: >-
#       Hệ thống đang vận hành phải được rà soát, thẩm định và phê duyệt cấp độ (có hồ sơ thẩm định và
#       quyết định phê duyệt), hạn trong tháng 4/2026.
#   messages:
#     not_appraised:
#       en: "The system is in operation but its level has no appraisal record (classification.appraisal: by, date)."
#       vi: "Hệ thống đang vận hành nhưng chưa có hồ sơ thẩm định cấp độ (classification.appraisal: by, date)."
#     not_approved:
#       en: "The system is in operation but its level has no approval decision (classification.approval: decision, date)."
#       vi: "Hệ thống đang vận hành nhưng chưa có quyết định phê duyệt cấp độ (classification.approval: decision, date)."
#   remediation:
#     en: >-
#       Review the level of the running system, submit the proposal for appraisal, obtain the approval
#       decision and record both under classification.appraisal and classification.approval.
#     vi: >-
#       Rà soát cấp độ của hệ thống đang vận hành, trình thẩm định hồ sơ đề xuất cấp độ, ban hành quyết
#       định phê duyệt và ghi vào classification.appraisal, classification.approval.
#   snippet: |
#     classification:
#       level: 3
#       appraisal: {by: Cục An ninh mạng, date: 2026-01-20, reference: 12/TĐ-A05}
#       approval: {decision: 345/QĐ-BTC, by: Bộ trưởng Bộ Tài chính, date: 2026-02-10}
package tuanthu.rules.lvl.lvl_03

import data.tuanthu.lib

cls := object.get(lib.d, "classification", {})

appraised if {
	lib.has_text(cls.appraisal, "by")
	is_string(cls.appraisal.date)
}

approved if {
	lib.has_text(cls.approval, "decision")
	is_string(cls.approval.date)
}

deny contains lib.finding("/classification/appraisal", "not_appraised", {}) if not appraised

deny contains lib.finding("/classification/approval", "not_approved", {}) if not approved
