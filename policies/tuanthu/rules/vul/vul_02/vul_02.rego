# METADATA
# scope: package
# custom:
#   id: VUL-02
#   severity: medium
#   stages: [production]
#   due: "2026-06-30"
#   clauses: ["KH04:III.2(i)", "KH04:V.1.m", "CT57:3.c"]
#   clause_items: {"KH04:V.1.m": ["4"]}
#   title:
#     en: A vulnerability assessment within the last 12 months
#     vi: Đánh giá lỗ hổng trong vòng 12 tháng gần nhất
#   description:
#     en: >-
#       A system in operation had its vulnerabilities assessed within the period in force (12
#       months, counted as 365 days in policies/tuanthu/thresholds/data.yaml). The report shows the days
#       since the last assessment. The first one is part of the comprehensive review that 04-KH/BCĐTW
#       V.1.m dates in 6/2026: until 30/6/2026 a gap is due, from 1/7/2026 a violation.
#     vi: >-
#       Hệ thống đang vận hành được đánh giá lỗ hổng trong chu kỳ hiện hành (12 tháng, tính là 365 ngày
#       trong policies/tuanthu/thresholds/data.yaml). Báo cáo nêu số ngày kể từ lần đánh giá gần nhất.
#       Lần đầu thuộc đợt rà soát, đánh giá tổng thể mà Kế hoạch 04-KH/BCĐTW V.1.m hẹn trong tháng
#       6/2026: đến 30/6/2026 là việc đến hạn, từ 1/7/2026 là vi phạm.
#   messages:
#     missing:
#       en: "No vulnerability assessment is recorded (vulnerabilities.last_assessment)."
#       vi: "Chưa ghi nhận lần đánh giá lỗ hổng nào (vulnerabilities.last_assessment)."
#     stale:
#       en: "The last vulnerability assessment was on {last} ({age_days} days ago); at most {max_days} days may pass between assessments."
#       vi: "Lần đánh giá lỗ hổng gần nhất ngày {last} (cách đây {age_days} ngày); khoảng cách tối đa giữa hai lần đánh giá là {max_days} ngày."
#   remediation:
#     en: >-
#       Commission a vulnerability assessment (scanning and penetration testing of the system's
#       applications and infrastructure), fix what it finds, and record its date as
#       vulnerabilities.last_assessment.
#     vi: >-
#       Tổ chức đánh giá lỗ hổng (rà quét, kiểm thử xâm nhập ứng dụng và hạ tầng), khắc phục các lỗ hổng
#       phát hiện và ghi ngày đánh giá vào vulnerabilities.last_assessment.
#   snippet: |
#     vulnerabilities:
#       last_assessment: 2026-09-30
package tuanthu.rules.vul.vul_02

import data.tuanthu.lib

last := object.get(lib.d, ["vulnerabilities", "last_assessment"], null)

max_days := lib.threshold("vulnerability_assessment_max_age_days")

age := lib.days_since(last)

metrics := {
	"days_since_vulnerability_assessment": age,
	"vulnerability_assessment_max_age_days": max_days,
}

deny contains lib.finding("/vulnerabilities/last_assessment", "missing", {}) if not is_string(last)

deny contains lib.finding("/vulnerabilities/last_assessment", "stale", {"last": last, "age_days": age, "max_days": max_days}) if {
	age > max_days
}
