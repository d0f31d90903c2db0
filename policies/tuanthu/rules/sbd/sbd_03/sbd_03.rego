# METADATA
# scope: package
# custom:
#   id: SBD-03
#   severity: medium
#   stages: [production]
#   due: "2026-12-31"
#   clauses: ["KH04:III.2(i)", "TTg:2.g", "KH04:IV.3.b(iii)"]
#   title:
#     en: Reviewed against TCVN 14423:2025 within the last 12 months, findings remediated
#     vi: Rà soát theo TCVN 14423:2025 trong 12 tháng gần nhất và đã khắc phục
#   description:
#     en: >-
#       The system in operation was reviewed against TCVN 14423:2025 within the review window (12
#       months; policies/tuanthu/thresholds/data.yaml) and the latest review passed or its findings were
#       remediated. 04-KH/BCĐTW III.2(i) makes the review a 2026 task: until 31/12/2026 a gap is due,
#       from 1/1/2027 a violation.
#     vi: >-
#       Hệ thống đang vận hành được rà soát theo TCVN 14423:2025 trong thời hạn quy định (12 tháng;
#       policies/tuanthu/thresholds/data.yaml) và lần rà soát gần nhất đạt hoặc đã khắc phục hết tồn tại.
#       Kế hoạch 04-KH/BCĐTW III.2(i) giao việc rà soát là nhiệm vụ năm 2026: đến 31/12/2026 là việc đến
#       hạn, từ 1/1/2027 là vi phạm.
#   messages:
#     no_review:
#       en: "No review against {standard} is recorded (design.standard_reviews)."
#       vi: "Chưa ghi nhận lần rà soát nào theo {standard} (design.standard_reviews)."
#     stale:
#       en: "The last review against {standard} was on {date}, {days} days ago; it must be repeated every {max_days} days."
#       vi: "Lần rà soát theo {standard} gần nhất ngày {date}, cách đây {days} ngày; phải rà soát lại sau tối đa {max_days} ngày."
#     not_remediated:
#       en: "The last review against {standard} ({date}) has result \"{result}\": remediate its findings and record the result."
#       vi: "Lần rà soát theo {standard} ngày {date} có kết quả \"{result}\": khắc phục các tồn tại và ghi lại kết quả."
#   remediation:
#     en: >-
#       Review the system against TCVN 14423:2025, remediate what the review finds, and record the
#       review (standard, date, result: pass or remediated) under design.standard_reviews; repeat yearly.
#     vi: >-
#       Rà soát hệ thống theo TCVN 14423:2025, khắc phục các tồn tại phát hiện được và ghi vào
#       design.standard_reviews (standard, date, result: pass hoặc remediated); rà soát lại hằng năm.
#   snippet: |
#     design:
#       standard_reviews:
#         - {standard: TCVN 14423:2025, date: 2026-02-01, result: remediated}
package tuanthu.rules.sbd.sbd_03

import data.tuanthu.lib

standard := lib.threshold("standard_review_standard")

max_days := lib.threshold("standard_review_max_age_days")

reviews := object.get(lib.d, ["design", "standard_reviews"], [])

# Dated reviews against the standard, by index in the descriptor.
dated[i] := r if {
	some i, r in reviews
	contains(object.get(r, "standard", ""), standard)
	is_string(r.date)
}

latest_date := max({r.date | some r in dated})

latest_index := max({i | some i, r in dated; r.date == latest_date})

days := lib.days_since(latest_date)

metrics := {"days_since_standard_review": days, "standard_review_max_days": max_days}

deny contains lib.finding("/design/standard_reviews", "no_review", {"standard": standard}) if count(dated) == 0

deny contains lib.finding(sprintf("/design/standard_reviews/%d/date", [latest_index]), "stale", params) if {
	days > max_days
	params := {"standard": standard, "date": latest_date, "days": days, "max_days": max_days}
}

deny contains lib.finding(sprintf("/design/standard_reviews/%d/result", [latest_index]), "not_remediated", params) if {
	result := object.get(dated[latest_index], "result", "unknown")
	not result in {"pass", "remediated"}
	params := {"standard": standard, "date": latest_date, "result": result}
}
