# METADATA
# scope: package
# custom:
#   id: IRP-02
#   severity: high
#   stages: [pre-production, production]
#   clauses: ["KH04:V.1.m"]
#   clause_items: {"KH04:V.1.m": ["7"]}
#   title:
#     en: Incidents reported to the Ministry of Public Security within 24 hours
#     vi: Báo cáo sự cố cho Bộ Công an trong vòng 24 giờ
#   description:
#     en: >-
#       The system owner commits to report every incident to the Ministry of Public Security within the
#       time limit in policies/tuanthu/thresholds/data.yaml (24 hours). Military, defence and cipher
#       systems are excepted (04-KH/BCĐTW V.1.m item 7): they report within the Ministry of Defence.
#     vi: >-
#       Chủ quản hệ thống cam kết báo cáo mọi sự cố cho Bộ Công an trong thời hạn tại
#       policies/tuanthu/thresholds/data.yaml (24 giờ). Hệ thống quân sự, quốc phòng, cơ yếu không thuộc
#       diện này (Kế hoạch 04-KH/BCĐTW V.1.m, gạch đầu dòng 7): báo cáo trong hệ thống Bộ Quốc phòng.
#   applies:
#     en: "civil systems; military, defence and cipher systems are exempt"
#     vi: "hệ thống dân sự; hệ thống quân sự, quốc phòng, cơ yếu không thuộc diện này"
#   messages:
#     undeclared:
#       en: "No incident reporting time is declared (incident_response.report_within_hours); the limit is {max_hours} hours."
#       vi: "Chưa khai báo thời hạn báo cáo sự cố (incident_response.report_within_hours); thời hạn tối đa {max_hours} giờ."
#     too_slow:
#       en: "Incidents are reported within {hours} hours; the limit is {max_hours} hours."
#       vi: "Sự cố được báo cáo trong vòng {hours} giờ; thời hạn tối đa {max_hours} giờ."
#   remediation:
#     en: >-
#       Set the incident procedure to report to the Ministry of Public Security (through the exchange
#       channel) within 24 hours, and declare incident_response.report_within_hours: 24 or less.
#     vi: >-
#       Quy định quy trình báo cáo sự cố cho Bộ Công an (qua kênh trao đổi thông tin) trong vòng 24 giờ
#       và khai báo incident_response.report_within_hours: 24 hoặc ít hơn.
#   snippet: |
#     incident_response:
#       report_within_hours: 24
package tuanthu.rules.irp.irp_02

import data.tuanthu.lib

hours := lib.d.incident_response.report_within_hours

max_hours := lib.threshold("incident_report_max_hours")

declared if is_number(hours)

not_applicable contains {"code": "sector", "params": {"sector": lib.d.system.sector}} if not lib.is_civil

deny contains lib.finding("/incident_response/report_within_hours", "undeclared", {"max_hours": max_hours}) if not declared

deny contains lib.finding("/incident_response/report_within_hours", "too_slow", {"hours": hours, "max_hours": max_hours}) if {
	hours > max_hours
}
