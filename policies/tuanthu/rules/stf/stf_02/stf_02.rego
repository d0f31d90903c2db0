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
#       training of the staff who operate or use it (governance.staff_training); a date after the
#       evaluation date is not evidence yet. The text sets no period, so none is checked.
#     vi: >-
#       06-TB/CQTTBCĐ III.3.c yêu cầu nâng cao ý thức, trách nhiệm của cán bộ, công chức, viên chức tham
#       gia quy trình công việc liên quan đến hệ thống thông tin quan trọng. Hệ thống ghi lần bồi dưỡng
#       nhận thức an ninh mạng gần nhất cho cán bộ vận hành, sử dụng (governance.staff_training); ngày sau
#       ngày đánh giá chưa phải là bằng chứng. Văn bản không quy định chu kỳ nên không kiểm tra chu kỳ.
#   messages:
#     no_training:
#       en: "No security awareness training of the system's staff is recorded (governance.staff_training.last)."
#       vi: "Chưa ghi nhận việc bồi dưỡng nhận thức an ninh mạng cho cán bộ của hệ thống (governance.staff_training.last)."
#     after_as_of:
#       en: "The staff training is dated {last}, after the evaluation date {as_of}: it is not evidence yet."
#       vi: "Buổi bồi dưỡng ghi ngày {last}, sau ngày đánh giá {as_of}: chưa phải là bằng chứng."
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

deny contains lib.finding("/governance/staff_training/last", "after_as_of", {"last": last, "as_of": lib.as_of}) if {
	is_string(last)
	last > lib.as_of
}
