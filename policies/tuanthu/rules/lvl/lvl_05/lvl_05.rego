# METADATA
# scope: package
# custom:
#   id: LVL-05
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:III.3.c"]
#   outside_seeds:
#     en: >-
#       06-TB III.3.c asks that critical systems and national databases be fully protected; the
#       criteria that set the minimum level (state secrets, personal data, online public services,
#       national databases) are those of Decree 85/2016/NĐ-CP (Art. 7–11), which is not among the
#       seeds.
#     vi: >-
#       Thông báo 06-TB mục III.3.c yêu cầu bảo vệ toàn diện hệ thống quan trọng và cơ sở dữ liệu
#       quốc gia; tiêu chí xác định cấp độ tối thiểu (bí mật nhà nước, dữ liệu cá nhân, dịch vụ công
#       trực tuyến, cơ sở dữ liệu quốc gia) là của Nghị định 85/2016/NĐ-CP (Điều 7–11), không thuộc
#       các văn bản nguồn.
#   title:
#     en: Declared level not below what the data and services imply
#     vi: Cấp độ khai báo không thấp hơn mức dữ liệu và dịch vụ đòi hỏi
#   description:
#     en: >-
#       The declared level is at least the minimum implied by what the system holds and offers:
#       state secrets, personal data of many subjects, online public services of a high level and
#       national databases each raise the minimum (criteria of Decree 85/2016/NĐ-CP Art. 7–11, kept
#       with their effective dates in policies/tuanthu/thresholds/data.yaml).
#     vi: >-
#       Cấp độ khai báo không thấp hơn mức tối thiểu suy ra từ dữ liệu và dịch vụ của hệ thống: bí mật
#       nhà nước, dữ liệu cá nhân của nhiều chủ thể, dịch vụ công trực tuyến mức độ cao và cơ sở dữ liệu
#       quốc gia đều nâng mức tối thiểu (tiêu chí Điều 7–11 Nghị định 85/2016/NĐ-CP, lưu kèm ngày hiệu
#       lực trong policies/tuanthu/thresholds/data.yaml).
#   messages:
#     state_secret:
#       en: "Declared level {level} is below level {minimum}: the system holds state secrets (data.state_secret: {value}), which requires at least level {minimum}."
#       vi: "Cấp độ khai báo {level} thấp hơn cấp độ {minimum}: hệ thống xử lý bí mật nhà nước (data.state_secret: {value}) nên tối thiểu phải cấp độ {minimum}."
#     personal_data:
#       en: "Declared level {level} is below level {minimum}: the system holds personal data of {value} subjects (≥ {at_least} requires at least level {minimum})."
#       vi: "Cấp độ khai báo {level} thấp hơn cấp độ {minimum}: hệ thống xử lý dữ liệu cá nhân của {value} chủ thể (từ {at_least} chủ thể trở lên tối thiểu cấp độ {minimum})."
#     online_public_service:
#       en: "Declared level {level} is below level {minimum}: the system offers online public services of level {value} (level {at_least} or above requires at least level {minimum})."
#       vi: "Cấp độ khai báo {level} thấp hơn cấp độ {minimum}: hệ thống cung cấp dịch vụ công trực tuyến mức độ {value} (từ mức độ {at_least} trở lên tối thiểu cấp độ {minimum})."
#     national_database:
#       en: "Declared level {level} is below level {minimum}: the system holds national databases ({value}), which requires at least level {minimum}."
#       vi: "Cấp độ khai báo {level} thấp hơn cấp độ {minimum}: hệ thống chứa cơ sở dữ liệu quốc gia ({value}) nên tối thiểu phải cấp độ {minimum}."
#   remediation:
#     en: >-
#       Raise the declared level to the minimum and have it appraised and approved again, or correct the
#       data and service declarations if they overstate what the system holds.
#     vi: >-
#       Nâng cấp độ khai báo lên mức tối thiểu và trình thẩm định, phê duyệt lại; hoặc sửa khai báo dữ
#       liệu, dịch vụ nếu khai báo vượt quá thực tế.
#   snippet: |
#     classification: {level: 3, rationale: Hơn 10.000 chủ thể dữ liệu cá nhân}
#     data: {personal_subjects: 2500000, state_secret: none, national_databases: []}
package tuanthu.rules.lvl.lvl_05

import data.tuanthu.lib

criteria := lib.threshold("level_criteria")

facts := object.get(lib.d, "data", {})

# A missing level counts as 0, so every raising criterion reports against it (LVL-01 asks for the level).
declared := object.get(lib.d, ["classification", "level"], 0)

# Each criterion the descriptor meets, with the minimum level it implies.
raised contains {"criterion": "state_secret", "minimum": criteria.state_secret.min_level, "value": grade} if {
	grade := object.get(facts, "state_secret", "none")
	grade != "none"
}

raised contains {"criterion": "personal_data", "minimum": c.min_level, "value": n, "at_least": c.subjects_at_least} if {
	c := criteria.personal_data
	n := object.get(facts, "personal_subjects", 0)
	n >= c.subjects_at_least
}

raised contains {"criterion": "online_public_service", "minimum": c.min_level, "value": n, "at_least": c.service_level_at_least} if {
	c := criteria.online_public_service
	n := object.get(lib.d, ["system", "online_public_service_level"], 0)
	n >= c.service_level_at_least
}

raised contains {"criterion": "national_database", "minimum": lib.threshold("national_database_min_level"), "value": dbs} if {
	dbs := object.get(facts, "national_databases", [])
	count(dbs) > 0
}

minimum := max({r.minimum | some r in raised})

metrics := {
	"level_declared": object.get(lib.d, ["classification", "level"], null),
	"level_minimum": minimum,
	"level_minimum_criteria": sort([r.criterion | some r in raised; r.minimum == minimum]),
} if count(raised) > 0

deny contains lib.finding("/classification/level", r.criterion, params) if {
	some r in raised
	declared < r.minimum
	params := object.union(r, {"level": object.get(lib.d, ["classification", "level"], null)})
}
