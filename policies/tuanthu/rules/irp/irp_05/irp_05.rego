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
#       (incident_response.continuity.standby_site); a switch-over test, when recorded, must not be
#       dated after the evaluation date. The data recovery plan itself is IRP-03.
#     vi: >-
#       57-CT/TW 3.d yêu cầu duy trì ổn định, thông suốt, an toàn các luồng dữ liệu quốc gia và kết nối
#       trong mọi tình huống, kể cả thảm hoạ, chiến tranh. Hệ thống từ cấp độ 3, mang các luồng dữ liệu
#       này, nêu nơi dự phòng tiếp quản khi mất nơi vận hành chính (incident_response.continuity.standby_site);
#       lần thử chuyển đổi, nếu có ghi, không được sau ngày đánh giá. Phương án khôi phục dữ liệu là IRP-03.
#   applies:
#     en: systems of level 3 or above
#     vi: hệ thống từ cấp độ 3 trở lên
#   messages:
#     no_standby:
#       en: "No standby site is named to keep the system running if its primary site is lost (incident_response.continuity.standby_site)."
#       vi: "Chưa nêu nơi dự phòng để duy trì hoạt động khi mất nơi vận hành chính (incident_response.continuity.standby_site)."
#     test_after_as_of:
#       en: "The switch-over test is dated {tested}, after the evaluation date {as_of}: it is not evidence yet."
#       vi: "Lần thử chuyển đổi ghi ngày {tested}, sau ngày đánh giá {as_of}: chưa phải là bằng chứng."
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

tested := object.get(continuity, "tested", null)

not_applicable contains {"code": "level", "params": {"level": lib.level, "min": 3}} if lib.level < 3

deny contains lib.finding("/incident_response/continuity", "no_standby", {}) if {
	not lib.has_text(continuity, "standby_site")
}

deny contains lib.finding("/incident_response/continuity/tested", "test_after_as_of", {"tested": tested, "as_of": lib.as_of}) if {
	is_string(tested)
	tested > lib.as_of
}
