# METADATA
# scope: package
# custom:
#   id: MON-03
#   aliases: [PL4-02]
#   severity: high
#   stages: [production]
#   due: "2026-04-30"
#   clauses: ["KH04:V.1.m", "KH04:III.2(ii)", "TTg:2.b"]
#   clause_items: {"KH04:V.1.m": ["10(2)", "9"]}
#   title:
#     en: 24/7 security monitoring in place (4-layer model, layer 2)
#     vi: Có giám sát an ninh mạng 24/7 (mô hình 4 lớp, lớp 2)
#   description:
#     en: >-
#       A system in operation is watched around the clock by a monitoring system or service (an
#       in-house SOC or a provider), by 30 April 2026. This is layer 2 of the 4-layer protection
#       model, so it also answers PL4-02.
#     vi: >-
#       Hệ thống đang vận hành được giám sát 24/7 bởi hệ thống hoặc dịch vụ giám sát (SOC nội bộ hoặc
#       nhà cung cấp), hạn trong tháng 4/2026. Đây là lớp 2 của mô hình bảo vệ 4 lớp (PL4-02).
#   messages:
#     missing:
#       en: "No 24/7 monitoring system or service is declared (monitoring.soc_24x7)."
#       vi: "Chưa khai báo hệ thống hoặc dịch vụ giám sát 24/7 (monitoring.soc_24x7)."
#     no_provider:
#       en: "The 24/7 monitoring does not name who runs it (monitoring.soc_24x7.provider)."
#       vi: "Giám sát 24/7 chưa nêu đơn vị thực hiện (monitoring.soc_24x7.provider)."
#     no_since:
#       en: "The 24/7 monitoring has no start date (monitoring.soc_24x7.since)."
#       vi: "Giám sát 24/7 chưa có ngày bắt đầu (monitoring.soc_24x7.since)."
#   remediation:
#     en: >-
#       Set up an in-house security operations centre or contract a 24/7 monitoring service, and record
#       it under monitoring.soc_24x7 (provider, since).
#     vi: >-
#       Thiết lập trung tâm giám sát an ninh mạng nội bộ hoặc thuê dịch vụ giám sát 24/7, ghi vào
#       monitoring.soc_24x7 (provider, since).
#   snippet: |
#     monitoring:
#       soc_24x7: {provider: Trung tâm giám sát an toàn thông tin, since: 2026-02-20}
package tuanthu.rules.mon.mon_03

import data.tuanthu.lib

soc := lib.d.monitoring.soc_24x7

deny contains lib.finding("/monitoring/soc_24x7", "missing", {}) if not soc

deny contains lib.finding("/monitoring/soc_24x7", "no_provider", {}) if {
	soc
	not lib.has_text(soc, "provider")
}

deny contains lib.finding("/monitoring/soc_24x7", "no_since", {}) if {
	soc
	not started
}

started if is_string(soc.since)
