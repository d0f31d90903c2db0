# METADATA
# scope: package
# custom:
#   id: SBD-01
#   severity: critical
#   stages: [design, build, pre-production, production]
#   clauses: ["CT57:2.c", "CT57:1.d", "TB06:III.3.c", "KH04:IV.3.d", "KH04:IV.3.b"]
#   title:
#     en: Cybersecurity component in the design dossier
#     vi: Hồ sơ thiết kế có hợp phần an ninh mạng
#   description:
#     en: Security is built in from the design; the design dossier carries a cybersecurity component.
#     vi: Bảo đảm an ninh mạng ngay từ thiết kế; hồ sơ thiết kế có hợp phần an ninh mạng.
#   messages:
#     missing:
#       en: "The design dossier has no cybersecurity component (design.security_component.included is not true)."
#       vi: "Hồ sơ thiết kế chưa có hợp phần an ninh mạng (design.security_component.included chưa là true)."
#   remediation:
#     en: >-
#       Add a cybersecurity component to the design (threat model, protection measures for the
#       declared level, monitoring and recovery design) and set design.security_component.included: true.
#     vi: >-
#       Bổ sung hợp phần an ninh mạng vào hồ sơ thiết kế (mô hình nguy cơ, biện pháp bảo vệ theo cấp
#       độ, thiết kế giám sát và khôi phục) và đặt design.security_component.included: true.
#   snippet: |
#     design:
#       security_component: {included: true, appraised: 2025-08-01, approved: 2025-08-15}
package tuanthu.rules.sbd.sbd_01

import data.tuanthu.lib

deny contains lib.finding("/design/security_component", "missing", {}) if {
	not lib.d.design.security_component.included == true
}
