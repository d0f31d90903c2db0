# METADATA
# scope: package
# custom:
#   id: VUL-03
#   severity: medium
#   stages: [production]
#   clauses: ["KH04:V.1.m", "TTg:1.d", "TB06:III.8.a"]
#   clause_items: {"KH04:V.1.m": ["4"]}
#   title:
#     en: Comprehensive security assessment sent to the Ministry of Public Security and the Government Cipher Committee
#     vi: Kết quả đánh giá tổng thể an ninh mạng gửi Bộ Công an và Ban Cơ yếu Chính phủ
#   description:
#     en: >-
#       The comprehensive security assessment of the system's databases, systems and staff was sent
#       to the Ministry of Public Security and the Government Cipher Committee, each within its remit:
#       06-TB/CQTTBCĐ III.8.a and the Prime Minister's dispatch 1.d date the sending 11/2025, so a gap
#       is due until 30/11/2025 and a violation after it. 04-KH/BCĐTW V.1.m item 4 (6/2026) repeats
#       the review itself, with Defence for its systems, and names no recipient. Military, defence and
#       cipher systems fall outside the Ministry of Public Security's remit (57-CT/TW 2.b) and send it
#       to the Government Cipher Committee only.
#     vi: >-
#       Kết quả đánh giá tổng thể an ninh mạng đối với cơ sở dữ liệu, hệ thống và nhân lực đã gửi Bộ Công
#       an và Ban Cơ yếu Chính phủ theo chức năng, nhiệm vụ: Thông báo 06-TB/CQTTBCĐ mục III.8.a và Công
#       điện của Thủ tướng mục 1.d yêu cầu gửi trong tháng 11/2025, nên đến 30/11/2025 là việc đến hạn,
#       sau đó là vi phạm. Kế hoạch 04-KH/BCĐTW mục V.1.m gạch 4 (tháng 6/2026) nhắc lại việc rà soát,
#       có Bộ Quốc phòng theo phạm vi quản lý, và không nêu nơi nhận. Hệ thống quân sự, quốc phòng, cơ yếu
#       không thuộc phạm vi quản lý của Bộ Công an (57-CT/TW 2.b) nên chỉ gửi Ban Cơ yếu Chính phủ.
#   messages:
#     not_sent:
#       en: "The comprehensive security assessment has not been sent to: {missing} (vulnerabilities.assessment_sent_to)."
#       vi: "Kết quả đánh giá tổng thể an ninh mạng chưa gửi: {missing} (vulnerabilities.assessment_sent_to)."
#   remediation:
#     en: >-
#       Send the comprehensive assessment report to the recipients named in the message and record
#       them in vulnerabilities.assessment_sent_to (bo_cong_an, ban_co_yeu).
#     vi: >-
#       Gửi báo cáo đánh giá tổng thể cho các cơ quan nêu trong thông báo và ghi vào
#       vulnerabilities.assessment_sent_to (bo_cong_an, ban_co_yeu).
#   snippet: |
#     vulnerabilities:
#       assessment_sent_to: [bo_cong_an, ban_co_yeu]
package tuanthu.rules.vul.vul_03

import data.tuanthu.lib

sent := {r | some r in object.get(lib.d, ["vulnerabilities", "assessment_sent_to"], [])}

required := {"bo_cong_an", "ban_co_yeu"} if lib.is_civil

required := {"ban_co_yeu"} if not lib.is_civil

missing := sort([r | some r in required; not r in sent])

# The sending is due in 11/2025 (TB06 III.8.a, TTg 1.d), not with KH04 V.1.m item 4's review in 6/2026.
sending_due := "2025-11-30"

deny contains object.union(lib.finding("/vulnerabilities/assessment_sent_to", "not_sent", {"missing": missing}), {"due": sending_due}) if {
	count(missing) > 0
}
