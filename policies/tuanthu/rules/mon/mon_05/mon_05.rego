# METADATA
# scope: package
# custom:
#   id: MON-05
#   severity: medium
#   stages: [production]
#   due: "2026-03-31"
#   clauses: ["KH04:V.1.m"]
#   clause_items: {"KH04:V.1.m": ["2"]}
#   title:
#     en: Monitoring belongs to the agency's consolidated monitoring system
#     vi: Giám sát thuộc hệ thống giám sát an ninh mạng đã được củng cố của cơ quan
#   description:
#     en: >-
#       Each ministry, agency and province reviews, assesses and consolidates its cybersecurity
#       monitoring system by March 2026 (04-KH/BCĐTW V.1.m, item 2). The system names the consolidated
#       monitoring system that covers it and the date of that review; a review dated after the
#       evaluation date has not taken place on that day (EVD-01 reports the date; this rule reads it as
#       no review). Military, defence and cipher systems are monitored by the
#       Ministry of Defence instead (see MON-02).
#     vi: >-
#       Các bộ, ngành, địa phương rà soát, đánh giá và củng cố hệ thống giám sát an ninh mạng, hoàn thành
#       trong tháng 3/2026 (04-KH/BCĐTW V.1.m, gạch thứ 2). Hệ thống nêu tên hệ thống giám sát đã củng cố
#       bao quát nó và ngày rà soát; ngày rà soát sau ngày đánh giá thì vào ngày đó chưa diễn ra (EVD-01
#       báo ngày này; quy tắc này coi là chưa rà soát). Hệ thống quân
#       sự, quốc phòng, cơ yếu do Bộ Quốc phòng giám sát (xem MON-02).
#   applies:
#     en: civil systems; military, defence and cipher systems are monitored by the Ministry of Defence
#     vi: hệ thống dân sự; hệ thống quân sự, quốc phòng, cơ yếu do Bộ Quốc phòng giám sát
#   messages:
#     not_consolidated:
#       en: "monitoring.consolidated does not name the agency's consolidated monitoring system that covers this system."
#       vi: "monitoring.consolidated chưa nêu hệ thống giám sát an ninh mạng đã củng cố của cơ quan bao quát hệ thống này."
#     not_reviewed:
#       en: "The consolidated monitoring system has no review date (monitoring.consolidated.reviewed)."
#       vi: "Hệ thống giám sát đã củng cố chưa có ngày rà soát, đánh giá (monitoring.consolidated.reviewed)."
#   remediation:
#     en: >-
#       Review and consolidate the agency's monitoring system with the bodies concerned (locally, the
#       provincial police and the Department of Science and Technology), bring this system under it and
#       record it under monitoring.consolidated (system, reviewed).
#     vi: >-
#       Rà soát, củng cố hệ thống giám sát an ninh mạng của cơ quan cùng các đơn vị liên quan (ở địa
#       phương: công an tỉnh và Sở Khoa học và Công nghệ), đưa hệ thống này vào phạm vi giám sát và ghi vào
#       monitoring.consolidated (system, reviewed).
#   snippet: |
#     monitoring:
#       consolidated: {system: Hệ thống giám sát an ninh mạng Bộ Tài chính, reviewed: 2026-03-20}
package tuanthu.rules.mon.mon_05

import data.tuanthu.lib

consolidated := object.get(lib.d, ["monitoring", "consolidated"], {})

not_applicable contains {"code": "sector", "params": {"sector": lib.d.system.sector}} if not lib.is_civil

deny contains lib.finding("/monitoring/consolidated", "not_consolidated", {}) if {
	not lib.has_text(consolidated, "system")
}

deny contains lib.finding("/monitoring/consolidated", "not_reviewed", {}) if {
	lib.has_text(consolidated, "system")
	not is_string(object.get(consolidated, "reviewed", null))
}
