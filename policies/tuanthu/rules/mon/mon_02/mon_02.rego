# METADATA
# scope: package
# custom:
#   id: MON-02
#   severity: medium
#   stages: [production]
#   clauses: ["KH04:V.1.đ"]
#   clause_items: {"KH04:V.1.đ": ["3.1"]}
#   outside_seeds:
#     en: >-
#       The duty of a military, defence or cipher system's owner to be monitored by the Ministry of
#       Defence comes from that ministry's own regulations, which are not among the seeds; 04-KH/BCĐTW
#       V.1.đ item 3.1 cited, a task of the Central Military Commission, is context.
#     vi: >-
#       Nghĩa vụ của chủ quản hệ thống quân sự, quốc phòng, cơ yếu được Bộ Quốc phòng giám sát đến từ quy
#       định riêng của Bộ Quốc phòng, không thuộc các văn bản gốc; mục V.1.đ tiểu mục 3.1 của 04-KH/BCĐTW,
#       nhiệm vụ của Quân ủy Trung ương, là bối cảnh.
#   title:
#     en: Military, defence and cipher systems monitored by the Ministry of Defence
#     vi: Hệ thống quân sự, quốc phòng, cơ yếu được Bộ Quốc phòng giám sát
#   description:
#     en: >-
#       Military, defence and cipher systems are monitored by the Ministry of Defence's cyberspace
#       monitoring centre. They are not required to connect to the civil National Cybersecurity
#       Centre (MON-01 does not apply to them).
#     vi: >-
#       Hệ thống quân sự, quốc phòng, cơ yếu được Trung tâm giám sát không gian mạng của Bộ Quốc phòng
#       giám sát; không bắt buộc kết nối Trung tâm An ninh mạng quốc gia (MON-01 không áp dụng).
#   applies:
#     en: "military, defence and cipher systems"
#     vi: "hệ thống quân sự, quốc phòng, cơ yếu"
#   messages:
#     not_connected:
#       en: "This {sector} system shows no live connection to the Ministry of Defence's monitoring centre (monitoring.defence_connection)."
#       vi: "Hệ thống lĩnh vực {sector} chưa thể hiện kết nối với Trung tâm giám sát của Bộ Quốc phòng (monitoring.defence_connection)."
#   remediation:
#     en: >-
#       Connect the system to the Ministry of Defence's cyberspace monitoring centre and record it under
#       monitoring.defence_connection (centre, connected: true, since).
#     vi: >-
#       Kết nối hệ thống với Trung tâm giám sát không gian mạng của Bộ Quốc phòng và ghi vào
#       monitoring.defence_connection (centre, connected: true, since).
#   snippet: |
#     system: {sector: defence}
#     monitoring:
#       defence_connection: {centre: Trung tâm giám sát không gian mạng - BQP, connected: true, since: 2026-02-01}
package tuanthu.rules.mon.mon_02

import data.tuanthu.lib

not_applicable contains {"code": "sector", "params": {"sector": "civil"}} if lib.is_civil

deny contains lib.finding("/monitoring/defence_connection", "not_connected", {"sector": object.get(lib.d, ["system", "sector"], null)}) if {
	not lib.d.monitoring.defence_connection.connected == true
}
