# METADATA
# scope: package
# custom:
#   id: HST-04
#   severity: low
#   stages: [design, build, pre-production, production]
#   clauses: ["TTg:2.a", "TTg:1.e"]
#   title:
#     en: National databases have a plan to move to the National Data Centre
#     vi: Cơ sở dữ liệu quốc gia có kế hoạch chuyển lên Trung tâm dữ liệu quốc gia
#   description:
#     en: >-
#       A system holding a national or specialised database has a plan, with a target date, to move
#       its infrastructure and data onto the National Data Centre (or is already there), following
#       the Ministry of Public Security's roadmap, and keeps its data connected with it.
#     vi: >-
#       Hệ thống có cơ sở dữ liệu quốc gia, chuyên ngành có kế hoạch (kèm thời hạn) chuyển hạ tầng và dữ
#       liệu lên Trung tâm dữ liệu quốc gia (hoặc đã ở đó) theo lộ trình của Bộ Công an, và giữ dữ liệu
#       liên thông với Trung tâm.
#   messages:
#     no_plan:
#       en: "The system holds national databases ({databases}) but has no plan to move to the National Data Centre (hosting.national_data_centre_plan.planned)."
#       vi: "Hệ thống có cơ sở dữ liệu quốc gia ({databases}) nhưng chưa có kế hoạch chuyển lên Trung tâm dữ liệu quốc gia (hosting.national_data_centre_plan.planned)."
#     no_target:
#       en: "The plan to move to the National Data Centre has no target date (hosting.national_data_centre_plan.target)."
#       vi: "Kế hoạch chuyển lên Trung tâm dữ liệu quốc gia chưa có thời hạn (hosting.national_data_centre_plan.target)."
#   remediation:
#     en: >-
#       Agree a migration plan and date with the National Data Centre under the Ministry of Public
#       Security's roadmap and record it as hosting.national_data_centre_plan (planned: true, target).
#     vi: >-
#       Thống nhất kế hoạch, thời hạn chuyển đổi với Trung tâm dữ liệu quốc gia theo lộ trình của Bộ
#       Công an và ghi vào hosting.national_data_centre_plan (planned: true, target).
#   snippet: |
#     hosting:
#       national_data_centre_plan: {planned: true, target: 2027-06-30}
package tuanthu.rules.hst.hst_04

import data.tuanthu.lib

plan := object.get(lib.d, ["hosting", "national_data_centre_plan"], {})

not_applicable contains {"code": "no_national_database", "params": {}} if not lib.holds_national_database

deny contains lib.finding("/hosting/national_data_centre_plan", "no_plan", {"databases": lib.national_databases}) if {
	not plan.planned == true
}

deny contains lib.finding("/hosting/national_data_centre_plan", "no_target", {}) if {
	plan.planned == true
	not is_string(object.get(plan, "target", null))
}
