# METADATA
# scope: package
# custom:
#   id: VUL-03
#   severity: medium
#   stages: [production]
#   due: "2026-06-30"
#   clauses: ["KH04:V.1.m", "TTg:1.d", "TB06:III.8.a"]
#   clause_items: {"KH04:V.1.m": ["4"]}
#   title:
#     en: Comprehensive security assessment sent to the Ministry of Public Security and the Government Cipher Committee
#     vi: Kết quả đánh giá tổng thể an ninh mạng gửi Bộ Công an và Ban Cơ yếu Chính phủ
#   description:
#     en: >-
#       The comprehensive security assessment of the system (04-KH/BCĐTW V.1.m, item 4, due
#       30/6/2026) was sent to the Ministry of Public Security and the Government Cipher Committee.
#       Military, defence and cipher systems fall outside the Ministry of Public Security's remit
#       (57-CT/TW 2.b) and send it to the Government Cipher Committee only.
#     vi: >-
#       Kết quả đánh giá tổng thể an ninh mạng của hệ thống (04-KH/BCĐTW V.1.m, gạch thứ 4, hạn
#       30/6/2026) đã gửi Bộ Công an và Ban Cơ yếu Chính phủ. Hệ thống quân sự, quốc phòng, cơ yếu không
#       thuộc phạm vi quản lý của Bộ Công an (57-CT/TW 2.b) nên chỉ gửi Ban Cơ yếu Chính phủ.
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

deny contains lib.finding("/vulnerabilities/assessment_sent_to", "not_sent", {"missing": missing}) if count(missing) > 0
