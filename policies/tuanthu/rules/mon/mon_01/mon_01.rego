# METADATA
# scope: package
# custom:
#   id: MON-01
#   severity: critical
#   stages: [production]
#   due: "2026-06-30"
#   clauses: ["KH04:II.2.a(2)", "KH04:III.3", "KH04:V.1.d", "TB06:III.8.d(i)", "CT57:3.b"]
#   clause_items: {"KH04:V.1.d": ["2.3"]}
#   title:
#     en: Level 3+ systems connected 24/7 to the National Cybersecurity Centre
#     vi: Hệ thống cấp độ 3 trở lên kết nối 24/7 với Trung tâm An ninh mạng quốc gia
#   description:
#     en: >-
#       Civil information systems of level 3 or above on the priority-protection list (04-KH/BCĐTW
#       II.2.a(2), V.1.d) share monitoring data around the clock with the National Cybersecurity
#       Centre (Ministry of Public Security); a system declared off the list is out of scope, one that
#       does not declare it counts as listed. Military, defence and cipher systems are exempt: they
#       report to the Ministry of Defence instead (see MON-02).
#     vi: >-
#       Hệ thống thông tin dân sự từ cấp độ 3 trở lên thuộc danh mục ưu tiên bảo vệ (Kế hoạch
#       04-KH/BCĐTW II.2.a(2), V.1.d) chia sẻ dữ liệu giám sát 24/7 với Trung tâm An ninh mạng quốc gia
#       (Bộ Công an); hệ thống khai báo không thuộc danh mục thì không thuộc diện này, chưa khai báo
#       được coi là thuộc danh mục. Hệ thống quân sự, quốc phòng, cơ yếu không thuộc diện này (xem MON-02).
#   applies:
#     en: >-
#       civil systems of level 3 or above on the priority-protection list (classification.priority_protected;
#       undeclared counts as listed); military, defence and cipher systems are exempt
#     vi: >-
#       hệ thống dân sự từ cấp độ 3 trở lên thuộc danh mục ưu tiên bảo vệ (classification.priority_protected;
#       chưa khai báo được coi là thuộc danh mục); hệ thống quân sự, quốc phòng, cơ yếu không thuộc diện này
#   messages:
#     not_connected:
#       en: "A level {level} civil system must share monitoring data 24/7 with the National Cybersecurity Centre; monitoring.national_connection does not show a live connection."
#       vi: "Hệ thống dân sự cấp độ {level} phải chia sẻ dữ liệu giám sát 24/7 với Trung tâm An ninh mạng quốc gia; monitoring.national_connection chưa thể hiện kết nối."
#     no_reference:
#       en: "The connection to the National Cybersecurity Centre has no date (since) or reference; record the connection record so an inspector can verify it."
#       vi: "Kết nối với Trung tâm An ninh mạng quốc gia chưa có ngày (since) hoặc số hiệu; ghi biên bản kết nối để kiểm tra xác minh."
#   remediation:
#     en: >-
#       Agree the connection with the National Cybersecurity Centre (A05, Ministry of Public Security),
#       deploy the monitoring sensor/agent, and record it under monitoring.national_connection
#       (connected: true, since, reference).
#     vi: >-
#       Phối hợp Trung tâm An ninh mạng quốc gia (A05, Bộ Công an) triển khai kết nối, chia sẻ dữ liệu
#       giám sát và ghi vào monitoring.national_connection (connected: true, since, reference).
#   snippet: |
#     monitoring:
#       national_connection: {centre: NCSC, connected: true, since: 2026-03-15, reference: KN-2026-118}
package tuanthu.rules.mon.mon_01

import data.tuanthu.lib

conn := lib.d.monitoring.national_connection

not_applicable contains {"code": "sector", "params": {"sector": lib.d.system.sector}} if not lib.is_civil

not_applicable contains {"code": "level", "params": {"level": lib.level, "min": 3}} if lib.level < 3

# The clauses name systems on the priority-protection list; one declared off the list is out of
# scope, an undeclared membership stays in scope (unknown is not exempt).
not_applicable contains {"code": "not_priority_protected", "params": {}} if {
	lib.d.classification.priority_protected == false
}

deny contains lib.finding("/monitoring/national_connection", "not_connected", {"level": object.get(lib.d, ["classification", "level"], null)}) if {
	not conn.connected == true
}

deny contains lib.finding("/monitoring/national_connection", "no_reference", {}) if {
	conn.connected == true
	not documented
}

documented if {
	conn.since
	lib.has_text(conn, "reference")
}
