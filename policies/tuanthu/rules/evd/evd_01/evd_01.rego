# METADATA
# scope: package
# custom:
#   id: EVD-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["CT57:1.d", "TB06:III.3.c"]
#   title:
#     en: No evidence dated after the evaluation date
#     vi: Không có bằng chứng ghi ngày sau ngày đánh giá
#   description:
#     en: >-
#       A date that records something already done (an approval, an appraisal, a review, a drill, a
#       restore test, an assessment, a report, a connection) may not lie after --as-of: on that day
#       it is not evidence yet. It is a finding, not an input error, because the descriptor is well
#       formed and may be re-checked with a later --as-of (or an earlier one, to audit the past).
#       Planned dates (lifecycle dates of a system not yet at that stage, a migration target) are not
#       evidence and are not checked.
#     vi: >-
#       Ngày ghi nhận một việc đã làm (phê duyệt, thẩm định, rà soát, diễn tập, thử khôi phục, đánh giá,
#       báo cáo, kết nối) không được sau ngày --as-of: vào ngày đó nó chưa là bằng chứng. Đây là phát
#       hiện, không phải lỗi đầu vào, vì hồ sơ vẫn hợp lệ và có thể được kiểm tra lại với --as-of muộn
#       hơn (hoặc sớm hơn, để rà soát quá khứ). Ngày dự kiến (mốc vòng đời chưa tới, hạn chuyển đổi)
#       không phải bằng chứng và không bị kiểm tra.
#   messages:
#     future:
#       en: "{field} is dated {date}, after the evaluation date {as_of}: it is not evidence on that day; correct the date or check again once it has passed."
#       vi: "{field} ghi ngày {date}, sau ngày đánh giá {as_of}: vào ngày đó chưa là bằng chứng; sửa lại ngày hoặc kiểm tra lại khi đã qua ngày này."
#   remediation:
#     en: >-
#       Record the date on which the approval, review, drill or report actually took place. A planned
#       date belongs in a plan field (e.g. hosting.national_data_centre_plan.target), not in evidence.
#     vi: >-
#       Ghi đúng ngày phê duyệt, rà soát, diễn tập hoặc báo cáo đã thực hiện. Ngày dự kiến ghi vào trường
#       kế hoạch (ví dụ hosting.national_data_centre_plan.target), không ghi vào bằng chứng.
#   snippet: |
#     incident_response:
#       last_drill: 2026-06-01   # a drill that took place, not one that is planned
package tuanthu.rules.evd.evd_01

import data.tuanthu.lib

# Dates of things done, as paths into the descriptor. Arrays are expanded below.
evidence := [
	["classification", "appraisal", "date"],
	["classification", "approval", "date"],
	["design", "security_component", "appraised"],
	["design", "security_component", "approved"],
	["monitoring", "soc_24x7", "since"],
	["monitoring", "national_connection", "since"],
	["monitoring", "defence_connection", "since"],
	["monitoring", "exchange_channel", "since"],
	["monitoring", "consolidated", "reviewed"],
	["monitoring", "central_soc", "since"],
	["protection_layers", "independent_assessment", "last"],
	["incident_response", "plan_updated"],
	["incident_response", "last_drill"],
	["incident_response", "recovery", "last_restore_test"],
	["vulnerabilities", "last_assessment"],
	["governance", "last_compliance_report"],
	["governance", "internal_regulations", "issued"],
	["governance", "staff_training", "last"],
]

# Lifecycle dates are evidence once the system has reached that stage.
started := {"build", "pre-production", "production"}

lifecycle contains ["lifecycle", "build_start"] if lib.stage in started

lifecycle contains ["lifecycle", "go_live"] if lib.stage == "production"

dated contains [path, date] if {
	some path in evidence
	date := object.get(lib.d, path, null)
	is_string(date)
}

dated contains [path, date] if {
	some path in lifecycle
	date := object.get(lib.d, path, null)
	is_string(date)
}

dated contains [["design", "standard_reviews", i, "date"], r.date] if {
	some i, r in object.get(lib.d, ["design", "standard_reviews"], [])
	is_string(r.date)
}

dated contains [["vulnerabilities", "open", i, "found"], v.found] if {
	some i, v in object.get(lib.d, ["vulnerabilities", "open"], [])
	is_string(v.found)
}

pointer(path) := concat("", [sprintf("/%v", [seg]) | some seg in path])

field(path) := concat(".", [sprintf("%v", [seg]) | some seg in path])

deny contains lib.finding(pointer(path), "future", {"field": field(path), "date": date, "as_of": lib.as_of}) if {
	some [path, date] in dated
	date > lib.as_of
}
