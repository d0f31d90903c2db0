# METADATA
# scope: package
# custom:
#   id: LVL-02
#   severity: critical
#   stages: [pre-production, production]
#   clauses: ["KH04:V.1.m", "CT57:1.d"]
#   clause_items: {"KH04:V.1.m": ["6"]}
#   title:
#     en: Security level approved before go-live
#     vi: Cấp độ được phê duyệt trước khi đưa vào vận hành
#   description:
#     en: >-
#       From the go-live gate on, the system's security level must have been approved by a
#       decision (number, approver, date) dated no later than the go-live date.
#     vi: >-
#       Từ giai đoạn trước vận hành, cấp độ an toàn của hệ thống phải được phê duyệt bằng quyết
#       định (số, người phê duyệt, ngày), ký không muộn hơn ngày đưa vào vận hành.
#   messages:
#     missing:
#       en: "No approval decision for the security level: the system may not go live without one."
#       vi: "Chưa có quyết định phê duyệt cấp độ: hệ thống không được đưa vào vận hành khi chưa có."
#     missing_in_use:
#       en: "The system has been in use since {go_live} without an approved security level: 04-KH/BCĐTW V.1.m gives systems already in use until 30/4/2026 to complete the approval."
#       vi: "Hệ thống đã vận hành từ ngày {go_live} nhưng chưa được phê duyệt cấp độ: Kế hoạch 04-KH/BCĐTW mục V.1.m yêu cầu hệ thống đang sử dụng hoàn thành phê duyệt trong tháng 4/2026."
#     incomplete:
#       en: "The level approval lacks {missing}: record the decision number, the approver and the date."
#       vi: "Thông tin phê duyệt cấp độ thiếu {missing}: ghi đủ số quyết định, người phê duyệt và ngày."
#     after_go_live:
#       en: "The level was approved on {approved}, after the system went live on {go_live}."
#       vi: "Cấp độ được phê duyệt ngày {approved}, sau ngày đưa vào vận hành {go_live}."
#   remediation:
#     en: >-
#       Submit the level proposal for appraisal and approval under Decree 85/2016/NĐ-CP, then record
#       the decision under classification.approval (decision, by, date). Do not go live before it.
#     vi: >-
#       Lập hồ sơ đề xuất cấp độ, trình thẩm định và phê duyệt theo Nghị định 85/2016/NĐ-CP, sau đó
#       ghi quyết định vào classification.approval (decision, by, date). Không vận hành trước khi có.
#   snippet: |
#     classification:
#       level: 3
#       approval: {decision: 345/QĐ-BTC, by: Bộ trưởng Bộ Tài chính, date: 2026-02-10}
package tuanthu.rules.lvl.lvl_02

import data.tuanthu.lib

approval := lib.d.classification.approval

# 04-KH/BCĐTW V.1.m item 6: the plan's date, and the deadline it gives systems already in use then.
plan_issued := "2026-01-05"

in_use_deadline := "2026-04-30"

# Live on or before the plan's date: "already in use" in the item's words. A system with no
# go-live date is held to the rule for new systems (approval before go-live).
in_use_before_plan if lib.d.lifecycle.go_live <= plan_issued

# A finding of a system in use before the plan carries the plan's deadline (main.rego: due until then).
dated(f) := object.union(f, {"due": in_use_deadline}) if in_use_before_plan

else := f

deny contains lib.finding("/classification/approval", "missing", {}) if {
	not approval
	not in_use_before_plan
}

deny contains dated(lib.finding("/classification/approval", "missing_in_use", {"go_live": lib.d.lifecycle.go_live})) if {
	not approval
	in_use_before_plan
}

deny contains dated(lib.finding("/classification/approval", "incomplete", {"missing": missing})) if {
	approval
	missing := [f | some f in ["decision", "by", "date"]; not lib.has_text(approval, f)]
	count(missing) > 0
}

deny contains lib.finding("/classification/approval/date", "after_go_live", {"approved": approval.date, "go_live": go_live}) if {
	go_live := lib.d.lifecycle.go_live
	not in_use_before_plan
	approval.date > go_live
}
