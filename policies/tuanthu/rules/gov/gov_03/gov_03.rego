# METADATA
# scope: package
# custom:
#   id: GOV-03
#   severity: low
#   stages: [production]
#   clauses: ["KH04:V.3", "KH04:III.2(iii)"]
#   title:
#     en: Monthly report on the Resolution 57 tracking system filed before the 25th
#     vi: Báo cáo hằng tháng trên Hệ thống theo dõi thực hiện Nghị quyết 57 trước ngày 25
#   description:
#     en: >-
#       The owning agency updates its monthly report on the system that tracks the implementation of
#       Resolution 57-NQ/TW before the reporting day (the 25th; policies/tuanthu/thresholds/data.yaml).
#       The report for the last closed cycle must have been filed. governance.last_compliance_report
#       records the date of that report.
#     vi: >-
#       Cơ quan chủ quản cập nhật báo cáo hằng tháng trên Hệ thống theo dõi, đánh giá thực hiện Nghị quyết
#       57-NQ/TW trước ngày báo cáo (ngày 25; policies/tuanthu/thresholds/data.yaml). Báo cáo của kỳ đã
#       kết thúc gần nhất phải đã được cập nhật. governance.last_compliance_report ghi ngày của báo cáo đó.
#   messages:
#     never_reported:
#       en: "No monthly report on the Resolution 57 tracking system is recorded (governance.last_compliance_report); one is due every month before day {day}."
#       vi: "Chưa ghi nhận báo cáo hằng tháng nào trên Hệ thống theo dõi thực hiện Nghị quyết 57 (governance.last_compliance_report); phải cập nhật hằng tháng trước ngày {day}."
#     overdue:
#       en: "The last monthly report on the Resolution 57 tracking system was filed on {last}; the report for the cycle that closed on {deadline} is missing."
#       vi: "Báo cáo hằng tháng gần nhất trên Hệ thống theo dõi thực hiện Nghị quyết 57 cập nhật ngày {last}; chưa có báo cáo cho kỳ kết thúc ngày {deadline}."
#   remediation:
#     en: >-
#       File the monthly report on the tracking system before the 25th and record its date under
#       governance.last_compliance_report.
#     vi: >-
#       Cập nhật báo cáo hằng tháng trên hệ thống theo dõi trước ngày 25 và ghi ngày vào
#       governance.last_compliance_report.
#   snippet: |
#     governance:
#       last_compliance_report: 2026-11-20
package tuanthu.rules.gov.gov_03

import data.tuanthu.lib

last := lib.d.governance.last_compliance_report

report_day := lib.threshold("compliance_report_day_of_month")

# Months counted from year 0, so that month arithmetic needs no calendar.
month_index(date) := ((to_number(substring(date, 0, 4)) * 12) + to_number(substring(date, 5, 2))) - 1

day_of_month(date) := to_number(substring(date, 8, 2))

# Cycle m runs from day `report_day` of month m-1 to the day before `report_day` of month m.
# The last closed cycle is this month's once the reporting day has come, else last month's.
closed := month_index(lib.as_of) if day_of_month(lib.as_of) >= report_day

closed := month_index(lib.as_of) - 1 if day_of_month(lib.as_of) < report_day

# A report filed on or after the start of the closed cycle covers it.
covered if (month_index(last) * 100) + day_of_month(last) >= ((closed - 1) * 100) + report_day

pad(n) := sprintf("0%d", [n]) if n < 10

pad(n) := sprintf("%d", [n]) if n >= 10

deadline := sprintf("%d-%s-%s", [floor(closed / 12), pad((closed % 12) + 1), pad(report_day - 1)])

has_report if is_string(last)

metrics := {"days_since_compliance_report": lib.days_since(last)}

deny contains lib.finding("/governance/last_compliance_report", "never_reported", {"day": report_day}) if not has_report

deny contains lib.finding("/governance/last_compliance_report", "overdue", {"last": last, "deadline": deadline}) if {
	has_report
	not covered
}
