# METADATA
# scope: package
# custom:
#   id: IRP-04
#   severity: medium
#   stages: [production]
#   clauses: ["TTg:2.đ"]
#   outside_seeds:
#     en: >-
#       The owner's duty to drill its incident response comes from the rules on emergency incident
#       response (Decision 05/2017/QĐ-TTg, on the national system of emergency response plans), which
#       are not among the seeds; the dispatch 2.đ cited, which has the Ministry of Public Security
#       guide these plans and require periodic drills, is context.
#     vi: >-
#       Nghĩa vụ diễn tập ứng cứu sự cố của chủ quản hệ thống đến từ quy định về ứng cứu khẩn cấp
#       (Quyết định 05/2017/QĐ-TTg về hệ thống phương án ứng cứu khẩn cấp bảo đảm an toàn thông tin mạng
#       quốc gia), không thuộc các văn bản gốc; mục 2.đ của công điện, giao Bộ Công an hướng dẫn các
#       phương án và yêu cầu diễn tập định kỳ, là bối cảnh.
#   title:
#     en: Incident response drill within the last 12 months
#     vi: Diễn tập ứng cứu sự cố trong 12 tháng gần nhất
#   description:
#     en: >-
#       An incident response drill was held for the system in operation within the window in
#       policies/tuanthu/thresholds/data.yaml (12 months).
#     vi: >-
#       Hệ thống đang vận hành đã được diễn tập ứng cứu sự cố trong thời hạn tại
#       policies/tuanthu/thresholds/data.yaml (12 tháng).
#   messages:
#     no_drill:
#       en: "No incident response drill is recorded (incident_response.last_drill)."
#       vi: "Chưa ghi nhận lần diễn tập ứng cứu sự cố nào (incident_response.last_drill)."
#     stale:
#       en: "The last drill was on {drilled}, {days} days ago; hold one at least every {max_days} days."
#       vi: "Lần diễn tập gần nhất ngày {drilled}, cách đây {days} ngày; phải diễn tập sau tối đa {max_days} ngày."
#   remediation:
#     en: >-
#       Hold an incident response drill on the system (with the on-site force and, where possible, the
#       specialised force) and record the date under incident_response.last_drill.
#     vi: >-
#       Tổ chức diễn tập ứng cứu sự cố cho hệ thống (lực lượng tại chỗ và, khi có thể, lực lượng chuyên
#       trách) và ghi ngày vào incident_response.last_drill.
#   snippet: |
#     incident_response:
#       last_drill: 2026-06-01
package tuanthu.rules.irp.irp_04

import data.tuanthu.lib

drilled := lib.d.incident_response.last_drill

max_days := lib.threshold("drill_max_age_days")

days := lib.days_since(drilled)

metrics := {"days_since_drill": days, "drill_max_days": max_days}

has_drill if is_string(drilled)

deny contains lib.finding("/incident_response/last_drill", "no_drill", {}) if not has_drill

deny contains lib.finding("/incident_response/last_drill", "stale", {"drilled": drilled, "days": days, "max_days": max_days}) if {
	days > max_days
}
