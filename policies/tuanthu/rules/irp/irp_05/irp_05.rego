# METADATA
# scope: package
# custom:
#   id: IRP-05
#   severity: medium
#   stages: [pre-production, production]
#   clauses: ["CT57:3.d"]
#   title:
#     en: Level 3+ systems can keep running through a disaster at a standby site
#     vi: Hệ thống từ cấp độ 3 có nơi dự phòng để duy trì hoạt động khi xảy ra thảm hoạ
#   description:
#     en: >-
#       57-CT/TW 3.d asks that the national data flows and connections stay stable, uninterrupted and
#       safe in every circumstance, disaster and war included. A system of level 3 or above, which
#       carries such flows, names a standby site that takes over when its primary site is lost
#       (incident_response.continuity.standby_site). The text asks for no switch-over test, so none is
#       required; one dated after the evaluation date is reported by EVD-01. The data recovery plan itself is IRP-03.
#     vi: >-
#       57-CT/TW 3.d yêu cầu duy trì ổn định, thông suốt, an toàn các luồng dữ liệu quốc gia và kết nối
#       trong mọi tình huống, kể cả thảm hoạ, chiến tranh. Hệ thống từ cấp độ 3, mang các luồng dữ liệu
#       này, nêu nơi dự phòng tiếp quản khi mất nơi vận hành chính (incident_response.continuity.standby_site);
#       văn bản không yêu cầu thử chuyển đổi nên không bắt buộc; lần thử ghi ngày sau ngày đánh giá do
#       EVD-01 báo. Phương án khôi phục dữ liệu là IRP-03.
#   applies:
#     en: systems of level 3 or above
#     vi: hệ thống từ cấp độ 3 trở lên
#   messages:
#     no_standby:
#       en: "No standby site is named to keep the system running if its primary site is lost (incident_response.continuity.standby_site)."
#       vi: "Chưa nêu nơi dự phòng để duy trì hoạt động khi mất nơi vận hành chính (incident_response.continuity.standby_site)."
#   remediation:
#     en: >-
#       Prepare a standby site (a second data centre, in another region where possible) able to take over
#       the system and its connections, and record it under incident_response.continuity (standby_site,
#       tested).
#     vi: >-
#       Chuẩn bị nơi dự phòng (trung tâm dữ liệu thứ hai, nếu được thì ở vùng khác) có thể tiếp quản hệ
#       thống và các kết nối, ghi vào incident_response.continuity (standby_site, tested).
#   snippet: |
#     incident_response:
#       continuity: {standby_site: Trung tâm dữ liệu dự phòng phía Nam, tested: 2026-08-30}
package tuanthu.rules.irp.irp_05

import data.tuanthu.lib

continuity := object.get(lib.d, ["incident_response", "continuity"], {})

not_applicable contains {"code": "level", "params": {"level": lib.level, "min": 3}} if lib.level < 3

deny contains lib.finding("/incident_response/continuity", "no_standby", {}) if {
	not lib.has_text(continuity, "standby_site")
}
