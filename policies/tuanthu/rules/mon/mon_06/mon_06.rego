# METADATA
# scope: package
# custom:
#   id: MON-06
#   severity: medium
#   stages: [production]
#   due: "2026-05-31"
#   clauses: ["KH04:V.1.m"]
#   clause_items: {"KH04:V.1.m": ["3"]}
#   title:
#     en: Systems in the agency's own data centre are watched by its central SOC, which shares with national monitoring
#     vi: Hệ thống đặt tại trung tâm dữ liệu riêng của cơ quan được Trung tâm giám sát tập trung theo dõi, có chia sẻ với hệ thống giám sát quốc gia
#   description:
#     en: >-
#       A ministry, agency or province that runs its own data centre and operates critical systems sets up
#       a central security operations centre by May 2026, able to share monitoring data with the national
#       monitoring system (04-KH/BCĐTW V.1.m, item 3; military, defence and cipher systems excepted).
#       A level 3+ system hosted in the agency's own data centre names that centre and shows it shares
#       with national monitoring. Whether the agency runs its own data centre must be declared
#       (hosting.own_data_centre): undeclared, the rule asks for it rather than passing. A centre dated
#       (since) after the evaluation date is not in operation on that day (EVD-01 reports the date; this
#       rule reads it as no centre).
#     vi: >-
#       Bộ, ngành, địa phương có trung tâm dữ liệu dùng riêng, trực tiếp vận hành hệ thống thông tin trọng
#       yếu xây dựng Trung tâm giám sát an ninh mạng tập trung, có thể chia sẻ dữ liệu giám sát với hệ
#       thống giám sát quốc gia, hoàn thành trong tháng 5/2026 (04-KH/BCĐTW V.1.m, gạch thứ 3; trừ hệ thống
#       quân sự, quốc phòng, cơ yếu). Hệ thống từ cấp độ 3 đặt tại trung tâm dữ liệu riêng của cơ quan nêu
#       tên trung tâm giám sát tập trung và thể hiện việc chia sẻ với hệ thống quốc gia. Việc cơ quan có
#       trung tâm dữ liệu riêng hay không phải được khai báo (hosting.own_data_centre): chưa khai báo thì
#       quy tắc yêu cầu khai báo, không coi là đạt. Trung tâm ghi ngày (since) sau ngày đánh giá thì vào
#       ngày đó chưa hoạt động (EVD-01 báo ngày này; quy tắc này coi là chưa có trung tâm).
#   applies:
#     en: >-
#       civil systems of level 3 or above hosted in the agency's own data centre (hosting.own_data_centre;
#       undeclared is asked for); military, defence and cipher systems are exempt
#     vi: >-
#       hệ thống dân sự từ cấp độ 3 đặt tại trung tâm dữ liệu riêng của cơ quan (hosting.own_data_centre;
#       chưa khai báo thì phải khai báo); hệ thống quân sự, quốc phòng, cơ yếu không thuộc diện này
#   messages:
#     undeclared:
#       en: "hosting.own_data_centre is not declared: state whether the system runs in the agency's own data centre."
#       vi: "Chưa khai báo hosting.own_data_centre: nêu rõ hệ thống có đặt tại trung tâm dữ liệu riêng của cơ quan hay không."
#     no_central_soc:
#       en: "The system runs in the agency's own data centre but monitoring.central_soc names no central security operations centre."
#       vi: "Hệ thống đặt tại trung tâm dữ liệu riêng của cơ quan nhưng monitoring.central_soc chưa nêu Trung tâm giám sát an ninh mạng tập trung."
#     not_sharing:
#       en: "The central security operations centre does not share monitoring data with the national monitoring system (monitoring.central_soc.shares_with_national)."
#       vi: "Trung tâm giám sát tập trung chưa chia sẻ dữ liệu giám sát với hệ thống giám sát quốc gia (monitoring.central_soc.shares_with_national)."
#   remediation:
#     en: >-
#       Set up the agency's central security operations centre, connect it to the national monitoring
#       system and record it under monitoring.central_soc (name, since, shares_with_national: true);
#       declare hosting.own_data_centre.
#     vi: >-
#       Xây dựng Trung tâm giám sát an ninh mạng tập trung của cơ quan, kết nối với hệ thống giám sát quốc
#       gia và ghi vào monitoring.central_soc (name, since, shares_with_national: true); khai báo
#       hosting.own_data_centre.
#   snippet: |
#     hosting:
#       own_data_centre: true
#     monitoring:
#       central_soc: {name: Trung tâm giám sát an ninh mạng tập trung, since: 2026-05-15, shares_with_national: true}
package tuanthu.rules.mon.mon_06

import data.tuanthu.lib

soc := object.get(lib.d, ["monitoring", "central_soc"], {})

own_data_centre := object.get(lib.d, ["hosting", "own_data_centre"], null)

not_applicable contains {"code": "sector", "params": {"sector": lib.d.system.sector}} if not lib.is_civil

not_applicable contains {"code": "level", "params": {"level": lib.level, "min": 3}} if lib.level < 3

not_applicable contains {"code": "no_own_data_centre", "params": {}} if own_data_centre == false

deny contains lib.finding("/hosting/own_data_centre", "undeclared", {}) if not is_boolean(own_data_centre)

deny contains lib.finding("/monitoring/central_soc", "no_central_soc", {}) if {
	own_data_centre == true
	not lib.has_text(soc, "name")
}

deny contains lib.finding("/monitoring/central_soc/shares_with_national", "not_sharing", {}) if {
	own_data_centre == true
	lib.has_text(soc, "name")
	not soc.shares_with_national == true
}
