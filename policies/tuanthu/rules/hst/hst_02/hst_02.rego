# METADATA
# scope: package
# custom:
#   id: HST-02
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["CT57:3.d", "TB06:III.3.c"]
#   title:
#     en: Personal, state-secret and national-database data hosted in Vietnam
#     vi: Dữ liệu cá nhân, bí mật nhà nước, cơ sở dữ liệu quốc gia được lưu trữ tại Việt Nam
#   description:
#     en: >-
#       A system holding personal, state-secret or national-database data declares only data
#       centres located in Vietnam. None of the four documents literally requires hosting in
#       Vietnam: the rule reads it from CT57 3.d (servers consolidated into standards-compliant data
#       centres, national data flows kept safe in all circumstances) and TB06 III.3.c (national
#       databases fully protected); the data-localisation duty itself comes from the cybersecurity
#       laws (context). This rule checks the descriptor only; a contradiction between the descriptor
#       and what the infrastructure code deploys is reported, at critical, by the IaC rule IAC-X-01.
#     vi: >-
#       Hệ thống lưu dữ liệu cá nhân, bí mật nhà nước hoặc cơ sở dữ liệu quốc gia chỉ khai báo trung tâm
#       dữ liệu đặt tại Việt Nam. Cả bốn văn bản đều không ghi nguyên văn yêu cầu lưu trữ tại Việt Nam:
#       quy tắc suy ra từ CT57 3.d (dồn máy chủ về trung tâm dữ liệu đạt chuẩn, giữ an toàn luồng dữ
#       liệu quốc gia trong mọi tình huống) và TB06 III.3.c (bảo vệ tuyệt đối cơ sở dữ liệu quốc gia);
#       nghĩa vụ lưu trữ trong nước xuất phát từ pháp luật về an ninh mạng (tham khảo). Quy tắc này chỉ
#       kiểm tra hồ sơ mô tả; mâu thuẫn giữa hồ sơ và mã hạ tầng do quy tắc IAC-X-01 báo (mức critical).
#   messages:
#     no_data_centre:
#       en: "The system holds protected data but declares no data centre (hosting.data_centres), so its hosting country is unknown."
#       vi: "Hệ thống lưu dữ liệu cần bảo vệ nhưng chưa khai báo trung tâm dữ liệu (hosting.data_centres) nên không rõ nơi lưu trữ."
#     abroad:
#       en: "Data centre \"{name}\" is in {country}: personal, state-secret and national-database data must be hosted in Vietnam (VN)."
#       vi: "Trung tâm dữ liệu \"{name}\" đặt tại {country}: dữ liệu cá nhân, bí mật nhà nước, cơ sở dữ liệu quốc gia phải lưu trữ tại Việt Nam (VN)."
#   remediation:
#     en: >-
#       Move the data and its backups to data centres in Vietnam (the National Data Centre, a
#       certified domestic provider, or a cloud region located in Vietnam) and declare their country
#       as VN.
#     vi: >-
#       Chuyển dữ liệu và bản sao lưu về trung tâm dữ liệu tại Việt Nam (Trung tâm dữ liệu quốc gia,
#       nhà cung cấp trong nước đạt chuẩn hoặc vùng đám mây đặt tại Việt Nam) và khai báo country: VN.
#   snippet: |
#     hosting:
#       data_centres:
#         - {name: Trung tâm dữ liệu quốc gia, country: VN, certified: true}
package tuanthu.rules.hst.hst_02

import data.tuanthu.lib

centres := object.get(lib.d, ["hosting", "data_centres"], [])

not_applicable contains {"code": "no_protected_data", "params": {}} if not lib.holds_protected_data

deny contains lib.finding("/hosting/data_centres", "no_data_centre", {}) if count(centres) == 0

deny contains lib.finding(concat("/", ["/hosting/data_centres", format_int(i, 10), "country"]), "abroad", params) if {
	some i, dc in centres
	not dc.country == "VN"
	params := {"name": object.get(dc, "name", ""), "country": object.get(dc, "country", "—")}
}

# Where IAC-X-01 (infrastructure code) will plug in: it compares these declared countries with the
# regions the IaC deploys to and reports a contradiction at critical; this rule stays descriptor-only.
