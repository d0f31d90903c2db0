# METADATA
# scope: package
# custom:
#   id: STF-02
#   severity: low
#   stages: [production]
#   clauses: ["TB06:III.3.c"]
#   title:
#     en: Staff who work on the system are trained in their security duties
#     vi: Cán bộ làm việc với hệ thống được bồi dưỡng về trách nhiệm an ninh mạng
#   description:
#     en: >-
#       06-TB/CQTTBCĐ III.3.c asks that the awareness and accountability of the officials who take part
#       in the work of critical systems be raised. The system records the last security awareness
#       training of the staff who operate or use it (governance.staff_training); a training dated after
#       the evaluation date has not taken place on that day (EVD-01 reports the date; this rule reads it
#       as no training). The text sets no period, so none is checked.
#     vi: >-
#       06-TB/CQTTBCĐ III.3.c yêu cầu nâng cao ý thức, trách nhiệm của cán bộ, công chức, viên chức tham
#       gia quy trình công việc liên quan đến hệ thống thông tin quan trọng. Hệ thống ghi lần bồi dưỡng
#       nhận thức an ninh mạng gần nhất cho cán bộ vận hành, sử dụng (governance.staff_training); buổi bồi
#       dưỡng ghi ngày sau ngày đánh giá thì vào ngày đó chưa diễn ra (EVD-01 báo ngày này; quy tắc này coi
#       là chưa bồi dưỡng). Văn bản không quy định chu kỳ nên không kiểm tra chu kỳ.
#   messages:
#     no_training:
#       en: "No security awareness training of the system's staff is recorded (governance.staff_training.last)."
#       vi: "Chưa ghi nhận việc bồi dưỡng nhận thức an ninh mạng cho cán bộ của hệ thống (governance.staff_training.last)."
#   remediation:
#     en: >-
#       Train the staff who operate and use the system in their security duties (state secrets,
#       passwords, phishing, incident reporting) and record the date under governance.staff_training.last.
#     vi: >-
#       Bồi dưỡng cho cán bộ vận hành, sử dụng hệ thống về trách nhiệm an ninh mạng (bí mật nhà nước, mật
#       khẩu, lừa đảo, báo cáo sự cố) và ghi ngày vào governance.staff_training.last.
#   snippet: |
#     governance:
#       staff_training: {last: 2026-09-15}
package tuanthu.rules.stf.stf_02

import data.tuanthu.lib

last := object.get(lib.d, ["governance", "staff_training", "last"], null)

deny contains lib.finding("/governance/staff_training", "no_training", {}) if not is_string(last)
