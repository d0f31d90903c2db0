# METADATA
# scope: package
# custom:
#   id: IDN-01
#   severity: medium
#   stages: [design, build, pre-production, production]
#   clauses: ["TTg:2.e", "CT57:1.g"]
#   outside_seeds:
#     en: >-
#       The duty of a public service to authenticate citizens through VNeID comes from the rules on
#       electronic identification (Decree 69/2024/NĐ-CP), which are not among the seeds; the clauses
#       cited (the dispatch 2.e, 57-CT/TW 1.g) give the Ministry of Public Security the VNeID
#       platform and national identification, and are context.
#     vi: >-
#       Nghĩa vụ dịch vụ công xác thực người dân qua VNeID đến từ quy định về định danh và xác thực
#       điện tử (Nghị định 69/2024/NĐ-CP), không thuộc các văn bản nguồn; các điều được dẫn (Công
#       điện mục 2.e, Chỉ thị 57-CT/TW mục 1.g) giao Bộ Công an nền tảng VNeID và định danh quốc
#       gia, là bối cảnh.
#   title:
#     en: Citizen-facing services authenticate through VNeID
#     vi: Dịch vụ phục vụ người dân xác thực qua VNeID
#   description:
#     en: >-
#       A system that serves citizens or businesses (system.citizen_facing, or an online public service)
#       authenticates them through VNeID, the national electronic identification.
#     vi: >-
#       Hệ thống phục vụ người dân, doanh nghiệp (system.citizen_facing hoặc có dịch vụ công trực tuyến)
#       xác thực người dùng qua VNeID (định danh điện tử quốc gia).
#   applies:
#     en: "systems serving citizens or businesses (system.citizen_facing, or an online public service)"
#     vi: "hệ thống phục vụ người dân, doanh nghiệp (system.citizen_facing hoặc có dịch vụ công trực tuyến)"
#   messages:
#     not_vneid:
#       en: "Citizens log in with \"{login}\", not VNeID (identity.citizen_login)."
#       vi: "Người dân đăng nhập bằng \"{login}\", không qua VNeID (identity.citizen_login)."
#   remediation:
#     en: >-
#       Integrate citizen login with VNeID (through the national public service portal or the VNeID
#       platform) and declare identity.citizen_login: vneid.
#     vi: >-
#       Tích hợp đăng nhập của người dân với VNeID (qua Cổng dịch vụ công quốc gia hoặc nền tảng VNeID)
#       và khai báo identity.citizen_login: vneid.
#   snippet: |
#     system: {citizen_facing: true}
#     identity: {citizen_login: vneid}
package tuanthu.rules.idn.idn_01

import data.tuanthu.lib

sys := object.get(lib.d, "system", {})

# In scope unless the descriptor says it serves no citizens and offers no online public service.
serves_citizens if sys.citizen_facing == true

serves_citizens if sys.online_public_service_level > 0

not_applicable contains {"code": "no_citizen_service", "params": {}} if {
	sys.citizen_facing == false
	not serves_citizens
}

login := object.get(lib.d, ["identity", "citizen_login"], "none")

deny contains lib.finding("/identity/citizen_login", "not_vneid", {"login": login}) if login != "vneid"
