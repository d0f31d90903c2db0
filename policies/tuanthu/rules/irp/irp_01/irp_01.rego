# METADATA
# scope: package
# custom:
#   id: IRP-01
#   severity: high
#   stages: [pre-production, production]
#   clauses: ["TTg:1.g", "KH04:V.1.m"]
#   clause_items: {"KH04:V.1.m": ["3"]}
#   title:
#     en: Incident response plan in place and updated within 12 months
#     vi: Có phương án ứng phó sự cố, cập nhật trong 12 tháng gần nhất
#   description:
#     en: >-
#       From the go-live gate on, the system has an incident response plan, updated within the window
#       in policies/tuanthu/thresholds/data.yaml (12 months).
#     vi: >-
#       Từ giai đoạn trước vận hành, hệ thống có phương án ứng phó sự cố, được cập nhật trong thời hạn
#       quy định tại policies/tuanthu/thresholds/data.yaml (12 tháng).
#   messages:
#     no_plan:
#       en: "No incident response plan is recorded (incident_response.plan_updated)."
#       vi: "Chưa ghi nhận phương án ứng phó sự cố (incident_response.plan_updated)."
#     stale:
#       en: "The incident response plan was last updated on {updated}, {days} days ago; update it at least every {max_days} days."
#       vi: "Phương án ứng phó sự cố cập nhật lần cuối ngày {updated}, cách đây {days} ngày; phải cập nhật sau tối đa {max_days} ngày."
#   remediation:
#     en: >-
#       Write or update the incident response plan with the Ministry of Public Security's guidance, have
#       it approved, and record the date under incident_response.plan_updated.
#     vi: >-
#       Xây dựng hoặc cập nhật phương án ứng phó sự cố theo hướng dẫn của Bộ Công an, trình phê duyệt và
#       ghi ngày vào incident_response.plan_updated.
#   snippet: |
#     incident_response:
#       plan_updated: 2026-01-10
package tuanthu.rules.irp.irp_01

import data.tuanthu.lib

updated := lib.d.incident_response.plan_updated

max_days := lib.threshold("incident_plan_max_age_days")

days := lib.days_since(updated)

metrics := {"days_since_incident_plan_update": days, "incident_plan_max_days": max_days}

has_plan if is_string(updated)

deny contains lib.finding("/incident_response/plan_updated", "no_plan", {}) if not has_plan

deny contains lib.finding("/incident_response/plan_updated", "stale", {"updated": updated, "days": days, "max_days": max_days}) if {
	days > max_days
}
