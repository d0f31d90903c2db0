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
#     en: >-
#       Security is built in from the design; the design dossier carries a cybersecurity component.
#       06-TB/CQTTBCĐ (27/9/2025) first asks this of designs; a system whose investment decision (or,
#       without one, build start) came before it and whose dossier has no such component is not judged
#       on a design it could not have made: its security is reviewed and remediated instead (SBD-03,
#       04-KH/BCĐTW III.2(i)). One that has the component passes.
#     vi: >-
#       Bảo đảm an ninh mạng ngay từ thiết kế; hồ sơ thiết kế có hợp phần an ninh mạng. Văn bản
#       06-TB/CQTTBCĐ (27/9/2025) lần đầu yêu cầu điều này với thiết kế; hệ thống có quyết định đầu tư
#       (hoặc, nếu không có, ngày bắt đầu xây dựng) trước đó mà hồ sơ chưa có hợp phần này không bị đánh
#       giá theo thiết kế nó không thể có: an ninh của nó được rà soát, khắc phục (SBD-03, 04-KH/BCĐTW
#       III.2(i)). Hệ thống đã có hợp phần thì đạt.
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

# The first document that asks security of the design (06-TB/CQTTBCĐ III.3.c).
by_design_from := "2025-09-27"

missing if not lib.d.design.security_component.included == true

not_applicable contains {"code": "designed_before_directive", "params": {"designed": lib.designed_on, "directive": by_design_from, "document": "06-TB/CQTTBCĐ"}} if {
	lib.designed_before(by_design_from)
	missing
}

deny contains lib.finding("/design/security_component", "missing", {}) if missing
