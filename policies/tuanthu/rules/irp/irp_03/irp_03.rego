# METADATA
# scope: package
# custom:
#   id: IRP-03
#   severity: high
#   stages: [pre-production, production]
#   clauses: ["TTg:1.g", "TTg:2.đ"]
#   title:
#     en: Data recovery plan with backups; restore tested within 12 months
#     vi: Có phương án khôi phục dữ liệu, sao lưu; thử khôi phục trong 12 tháng gần nhất
#   description:
#     en: >-
#       From the go-live gate on, the system has a data recovery plan with backups, and a restore has
#       been tested within the window in policies/tuanthu/thresholds/data.yaml (12 months).
#     vi: >-
#       Từ giai đoạn trước vận hành, hệ thống có phương án khôi phục dữ liệu kèm sao lưu, và đã thử khôi
#       phục trong thời hạn tại policies/tuanthu/thresholds/data.yaml (12 tháng).
#   messages:
#     no_recovery_plan:
#       en: "No data recovery plan is declared (incident_response.recovery)."
#       vi: "Chưa khai báo phương án khôi phục dữ liệu (incident_response.recovery)."
#     no_backups:
#       en: "The recovery plan does not show backups (incident_response.recovery.backups: true)."
#       vi: "Phương án khôi phục chưa thể hiện việc sao lưu (incident_response.recovery.backups: true)."
#     no_restore_test:
#       en: "No restore from backup has been tested (incident_response.recovery.last_restore_test)."
#       vi: "Chưa thử khôi phục dữ liệu từ bản sao lưu (incident_response.recovery.last_restore_test)."
#     restore_test_stale:
#       en: "The last restore test was on {tested}, {days} days ago; test a restore at least every {max_days} days."
#       vi: "Lần thử khôi phục gần nhất ngày {tested}, cách đây {days} ngày; phải thử khôi phục sau tối đa {max_days} ngày."
#   remediation:
#     en: >-
#       Back the data up, write the recovery plan (RPO, RTO), restore from backup to prove it works and
#       record it under incident_response.recovery (backups, rpo_hours, rto_hours, last_restore_test).
#     vi: >-
#       Sao lưu dữ liệu, xây dựng phương án khôi phục (RPO, RTO), thử khôi phục từ bản sao lưu và ghi vào
#       incident_response.recovery (backups, rpo_hours, rto_hours, last_restore_test).
#   snippet: |
#     incident_response:
#       recovery: {backups: true, rpo_hours: 4, rto_hours: 8, last_restore_test: 2026-05-20}
package tuanthu.rules.irp.irp_03

import data.tuanthu.lib

recovery := lib.d.incident_response.recovery

tested := recovery.last_restore_test

max_days := lib.threshold("restore_test_max_age_days")

days := lib.days_since(tested)

metrics := {"days_since_restore_test": days, "restore_test_max_days": max_days}

has_test if is_string(tested)

deny contains lib.finding("/incident_response/recovery", "no_recovery_plan", {}) if not recovery

deny contains lib.finding("/incident_response/recovery/backups", "no_backups", {}) if {
	recovery
	not recovery.backups == true
}

deny contains lib.finding("/incident_response/recovery/last_restore_test", "no_restore_test", {}) if {
	recovery
	not has_test
}

deny contains lib.finding("/incident_response/recovery/last_restore_test", "restore_test_stale", {"tested": tested, "days": days, "max_days": max_days}) if {
	days > max_days
}
