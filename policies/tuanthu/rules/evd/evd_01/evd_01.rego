# METADATA
# scope: package
# custom:
#   id: EVD-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["CT57:1.d", "TB06:III.3.c"]
#   title:
#     en: No evidence dated after the evaluation date
#     vi: Không có bằng chứng ghi ngày sau ngày đánh giá
#   description:
#     en: >-
#       A date that records something already done (an approval, an appraisal, a review, a drill, a
#       restore test, a switch-over test, an assessment, a report, a connection, a data-sharing link)
#       may not lie after --as-of: on that day it is not evidence yet. It is a finding, not an input
#       error, because the descriptor is well formed and may be re-checked with a later --as-of (or an
#       earlier one, to audit the past). This rule alone reports such a date: every other rule judges
#       the system as it stood on --as-of, as if what the date records had not been done (a drill not
#       held, a connection not made), and reports that in its own words; a vulnerability found "in the
#       future" stays open for VUL-01. Planned dates (lifecycle
#       dates of a system not yet at that stage, a migration target) are not evidence and are not
#       checked. The list of dates is policies/tuanthu/evidence/data.yaml.
#     vi: >-
#       Ngày ghi nhận một việc đã làm (phê duyệt, thẩm định, rà soát, diễn tập, thử khôi phục, thử chuyển
#       đổi dự phòng, đánh giá, báo cáo, kết nối, chia sẻ dữ liệu) không được sau ngày --as-of: vào ngày đó
#       nó chưa là bằng chứng. Đây là phát hiện, không phải lỗi đầu vào, vì hồ sơ vẫn hợp lệ và có thể
#       được kiểm tra lại với --as-of muộn hơn (hoặc sớm hơn, để rà soát quá khứ). Chỉ quy tắc này báo ngày
#       đó: mọi quy tắc khác đánh giá hệ thống như vào ngày --as-of, coi việc mà ngày đó ghi nhận là chưa
#       làm (chưa diễn tập, chưa kết nối) và nêu bằng lời của mình; lỗ hổng ghi ngày phát hiện "trong tương
#       lai" vẫn được VUL-01 tính là đang mở. Ngày dự kiến (mốc vòng đời chưa tới,
#       hạn chuyển đổi) không phải bằng chứng và không bị kiểm tra. Danh sách các ngày ở
#       policies/tuanthu/evidence/data.yaml.
#   messages:
#     future:
#       en: "{field} is dated {date}, after the evaluation date {as_of}: it is not evidence on that day; correct the date or check again once it has passed."
#       vi: "{field} ghi ngày {date}, sau ngày đánh giá {as_of}: vào ngày đó chưa là bằng chứng; sửa lại ngày hoặc kiểm tra lại khi đã qua ngày này."
#   remediation:
#     en: >-
#       Record the date on which the approval, review, drill or report actually took place. A planned
#       date belongs in a plan field (e.g. hosting.national_data_centre_plan.target), not in evidence.
#     vi: >-
#       Ghi đúng ngày phê duyệt, rà soát, diễn tập hoặc báo cáo đã thực hiện. Ngày dự kiến ghi vào trường
#       kế hoạch (ví dụ hosting.national_data_centre_plan.target), không ghi vào bằng chứng.
#   snippet: |
#     incident_response:
#       last_drill: 2026-06-01   # a drill that took place, not one that is planned
package tuanthu.rules.evd.evd_01

import data.tuanthu.lib

pointer(path) := concat("", [sprintf("/%v", [seg]) | some seg in path])

field(path) := concat(".", [sprintf("%v", [seg]) | some seg in path])

# The dates of things done are policies/tuanthu/evidence/data.yaml's; lib.future_dates reads them
# from the descriptor as given, where every other rule reads it without them (lib/evidence.rego).
deny contains lib.finding(pointer(path), "future", {"field": field(path), "date": date, "as_of": lib.as_of}) if {
	some [path, date] in lib.future_dates
}
