# METADATA
# scope: package
# custom:
#   id: DAT-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   clauses: ["TB06:III.3.c", "KH04:IV.3.d"]
#   title:
#     en: National databases are level 3 or above and meet MON-01, CRY-02 and HST-02
#     vi: Cơ sở dữ liệu quốc gia đạt cấp độ 3 trở lên và đáp ứng MON-01, CRY-02, HST-02
#   description:
#     en: >-
#       A system holding a national database (population, land, finance, health, education,
#       insurance, justice…) is fully protected: it is at least level 3 (threshold in
#       policies/tuanthu/thresholds/data.yaml) and meets the national monitoring connection (MON-01, when it
#       applies and is past due), encryption at rest (CRY-02) and hosting in Vietnam (HST-02).
#     vi: >-
#       Hệ thống có cơ sở dữ liệu quốc gia (dân cư, đất đai, tài chính, y tế, giáo dục, bảo hiểm, tư
#       pháp…) phải được bảo vệ tuyệt đối: tối thiểu cấp độ 3 (ngưỡng trong policies/tuanthu/thresholds/data.yaml)
#       và đáp ứng kết nối giám sát quốc gia (MON-01, khi áp dụng và đã đến hạn), mã hoá khi lưu trữ
#       (CRY-02) và lưu trữ tại Việt Nam (HST-02).
#   messages:
#     level_below:
#       en: "The system holds national databases ({databases}) but is declared level {level}; at least level {min} is required."
#       vi: "Hệ thống có cơ sở dữ liệu quốc gia ({databases}) nhưng khai báo cấp độ {level}; yêu cầu tối thiểu cấp độ {min}."
#     requirement_unmet:
#       en: "The system holds national databases ({databases}) and does not meet {requirement}; see that rule's finding."
#       vi: "Hệ thống có cơ sở dữ liệu quốc gia ({databases}) và chưa đáp ứng {requirement}; xem phát hiện của quy tắc đó."
#   remediation:
#     en: >-
#       Re-classify the system at level 3 or above and fix the findings of the rules named in the
#       message; national databases get no exemption.
#     vi: >-
#       Xác định lại cấp độ từ 3 trở lên và khắc phục các phát hiện của quy tắc được nêu; cơ sở dữ liệu
#       quốc gia không có ngoại lệ.
#   snippet: |
#     classification: {level: 4}
#     data: {national_databases: [population]}
#     crypto: {at_rest: {encrypted: true}}
#     hosting:
#       data_centres: [{name: Trung tâm dữ liệu quốc gia, country: VN, certified: true}]
#     monitoring:
#       national_connection: {centre: NCSC, connected: true, since: 2026-03-15, reference: KN-2026-118}
package tuanthu.rules.dat.dat_01

import data.tuanthu.lib

catalogue := data.tuanthu.catalogue

min_level := lib.threshold("national_database_min_level")

not_applicable contains {"code": "no_national_database", "params": {}} if not lib.holds_national_database

deny contains lib.finding("/classification/level", "level_below", params) if {
	not level_ok
	params := {"databases": lib.national_databases, "level": object.get(lib.d, ["classification", "level"], null), "min": min_level}
}

deny contains lib.finding("/monitoring/national_connection", "requirement_unmet", {"databases": lib.national_databases, "requirement": "MON-01"}) if {
	in_force(catalogue.mon_01)
	count(data.tuanthu.rules.mon.mon_01.not_applicable) == 0
	count(data.tuanthu.rules.mon.mon_01.deny) > 0
}

deny contains lib.finding("/crypto/at_rest", "requirement_unmet", {"databases": lib.national_databases, "requirement": "CRY-02"}) if {
	in_force(catalogue.cry_02)
	count(data.tuanthu.rules.cry.cry_02.deny) > 0
}

deny contains lib.finding("/hosting/data_centres", "requirement_unmet", {"databases": lib.national_databases, "requirement": "HST-02"}) if {
	in_force(catalogue.hst_02)
	count(data.tuanthu.rules.hst.hst_02.deny) > 0
}

# A helper rule, so that a missing level (undefined) still counts as too low in the Wasm too.
level_ok if lib.level >= min_level

# The other rule applies at this stage and, if it has a deadline, the deadline has passed.
in_force(meta) if {
	lib.stage in meta.stages
	not lib.as_of <= object.get(meta, "due", "")
}
