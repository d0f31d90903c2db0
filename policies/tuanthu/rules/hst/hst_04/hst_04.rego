# METADATA
# scope: package
# custom:
#   id: HST-04
#   severity: low
#   kind: recommendation
#   stages: [design, build, pre-production, production]
#   clauses: ["TTg:2.a", "TTg:1.e"]
#   recommendation:
#     en: >-
#       Neither cited item asks the system owner for a migration plan: the Prime Minister's dispatch
#       gives the master plan and the detailed roadmap for moving ministries' and provinces' systems
#       and databases onto the National Data Centre to the Ministry of Public Security (2.a), and asks
#       the owner only to keep its data connected and shared with the national databases and the
#       Centre (1.e, checked by DAT-02). Preparing the system's own plan is our recommendation, so
#       that the owner is ready when the roadmap reaches it; it never fails a run at the default
#       threshold.
#     vi: >-
#       Hai điểm được dẫn không yêu cầu chủ quản hệ thống lập kế hoạch chuyển đổi: Công điện của Thủ
#       tướng giao Bộ Công an ban hành Kế hoạch tổng thể và lộ trình chi tiết chuyển dịch hệ thống, cơ
#       sở dữ liệu của bộ, ngành, địa phương lên Trung tâm dữ liệu quốc gia (2.a), và chỉ yêu cầu chủ
#       quản bảo đảm kết nối, chia sẻ, liên thông dữ liệu với Cơ sở dữ liệu quốc gia và Trung tâm (1.e,
#       do DAT-02 kiểm tra). Việc chủ quản chuẩn bị kế hoạch cho hệ thống của mình là khuyến nghị của
#       chúng tôi để sẵn sàng khi lộ trình tới lượt; không làm một lần kiểm tra không đạt ở ngưỡng mặc
#       định.
#   title:
#     en: National databases have a plan to move to the National Data Centre
#     vi: Cơ sở dữ liệu quốc gia có kế hoạch chuyển lên Trung tâm dữ liệu quốc gia
#   description:
#     en: >-
#       Recommendation, not a duty of the directives: a system holding a national or specialised
#       database has a plan, with a target date, to move its infrastructure and data onto the National
#       Data Centre (or is already there), following the Ministry of Public Security's roadmap (TTg 2.a,
#       the Ministry's duty). Keeping the data connected and shared with the Centre is the owner's duty
#       (TTg 1.e) and DAT-02 checks it.
#     vi: >-
#       Khuyến nghị, không phải nghĩa vụ trong văn bản: hệ thống có cơ sở dữ liệu quốc gia, chuyên ngành
#       có kế hoạch (kèm thời hạn) chuyển hạ tầng và dữ liệu lên Trung tâm dữ liệu quốc gia (hoặc đã ở
#       đó) theo lộ trình của Bộ Công an (Công điện 2.a, nhiệm vụ của Bộ). Việc bảo đảm kết nối, chia sẻ
#       dữ liệu với Trung tâm là nghĩa vụ của chủ quản (Công điện 1.e), do DAT-02 kiểm tra.
#   messages:
#     no_plan:
#       en: "The system holds national databases ({databases}) but has no plan to move to the National Data Centre (hosting.national_data_centre_plan.planned): preparing one is recommended."
#       vi: "Hệ thống có cơ sở dữ liệu quốc gia ({databases}) nhưng chưa có kế hoạch chuyển lên Trung tâm dữ liệu quốc gia (hosting.national_data_centre_plan.planned): nên chuẩn bị kế hoạch."
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
