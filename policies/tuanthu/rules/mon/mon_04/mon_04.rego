# METADATA
# scope: package
# custom:
#   id: MON-04
#   aliases: [PL4-04]
#   severity: high
#   stages: [production]
#   due: "2026-04-30"
#   clauses: ["KH04:V.1.m", "TB06:III.8.d(i)"]
#   clause_items: {"KH04:V.1.m": ["7", "10(4)"]}
#   title:
#     en: Information-exchange channel with the Ministry of Public Security (4-layer model, layer 4)
#     vi: Có kênh trao đổi thông tin với Bộ Công an (mô hình 4 lớp, lớp 4)
#   description:
#     en: >-
#       A civil system in operation has an information-exchange channel with the Ministry of Public
#       Security's specialised force, for monitoring data and coordinated incident response, by 30
#       April 2026. This is layer 4 of the 4-layer protection model, so it also answers PL4-04.
#       Military, defence and cipher systems are exempt (see MON-02).
#     vi: >-
#       Hệ thống dân sự đang vận hành có kênh trao đổi thông tin với lực lượng chuyên trách của Bộ Công
#       an phục vụ giám sát, điều phối ứng cứu sự cố, hạn trong tháng 4/2026. Đây là lớp 4 của mô hình
#       bảo vệ 4 lớp (PL4-04). Hệ thống quân sự, quốc phòng, cơ yếu không thuộc diện này (xem MON-02).
#   applies:
#     en: "civil systems; military, defence and cipher systems are exempt"
#     vi: "hệ thống dân sự; hệ thống quân sự, quốc phòng, cơ yếu không thuộc diện này"
#   messages:
#     not_established:
#       en: "No information-exchange channel with the Ministry of Public Security is declared (monitoring.exchange_channel)."
#       vi: "Chưa khai báo kênh trao đổi thông tin với Bộ Công an (monitoring.exchange_channel)."
#     incomplete:
#       en: "The exchange channel does not say with whom or since when (monitoring.exchange_channel: with, since)."
#       vi: "Kênh trao đổi thông tin chưa nêu đơn vị đầu mối hoặc ngày thiết lập (monitoring.exchange_channel: with, since)."
#   remediation:
#     en: >-
#       Agree an exchange channel with the Ministry of Public Security's specialised force (A05) and
#       record it under monitoring.exchange_channel (established: true, with, since).
#     vi: >-
#       Thống nhất kênh trao đổi thông tin với lực lượng chuyên trách Bộ Công an (A05) và ghi vào
#       monitoring.exchange_channel (established: true, with, since).
#   snippet: |
#     monitoring:
#       exchange_channel: {established: true, since: 2026-03-15, with: Cục A05 - Bộ Công an}
package tuanthu.rules.mon.mon_04

import data.tuanthu.lib

channel := lib.d.monitoring.exchange_channel

not_applicable contains {"code": "sector", "params": {"sector": lib.d.system.sector}} if not lib.is_civil

deny contains lib.finding("/monitoring/exchange_channel", "not_established", {}) if {
	not channel.established == true
}

deny contains lib.finding("/monitoring/exchange_channel", "incomplete", {}) if {
	channel.established == true
	not documented
}

documented if {
	lib.has_text(channel, "with")
	is_string(channel.since)
}
