# METADATA
# scope: package
# custom:
#   id: IAC-LOC-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [HST-02]
#   clauses: ["CT57:3.d", "TB06:III.3.c"]
#   title:
#     en: "Resources are placed in Vietnam"
#     vi: "Tài nguyên đặt tại Việt Nam"
#   description:
#     en: "Every resource that holds or processes data is in a region or zone in Vietnam (policies/tuanthu/locations/data.yaml): e.g. the AWS Hanoi Local Zone, or a Vietnamese cloud."
#     vi: "Mọi tài nguyên lưu trữ hoặc xử lý dữ liệu nằm ở vùng hoặc zone tại Việt Nam (policies/tuanthu/locations/data.yaml): ví dụ AWS Local Zone Hà Nội hoặc đám mây Việt Nam."
#   messages:
#     outside:
#       en: "{address} is placed in {place} {place_name} ({country}), outside Vietnam."
#       vi: "{address} được đặt tại {place} {place_name} ({country}), ngoài lãnh thổ Việt Nam."
#     unknown:
#       en: "The location of {address} is unknown until apply (no region configured, or set by an expression: {expression})."
#       vi: "Vị trí của {address} chỉ biết sau khi apply (chưa cấu hình vùng, hoặc vùng được đặt bằng biểu thức: {expression})."
#     undeclared:
#       en: >-
#         Where {address} is cannot be told from the code: region {expression} of the {provider} private cloud is
#         named by its operator. Declare where it is: list it in the cloud_regions of its data centre in
#         hosting.data_centres.
#       vi: >-
#         Không thể biết {address} đặt ở đâu từ mã: vùng {expression} của đám mây riêng {provider} do đơn vị vận
#         hành tự đặt tên. Khai báo vùng này ở đâu: liệt kê nó trong cloud_regions của trung tâm dữ liệu tương
#         ứng trong hosting.data_centres.
#   remediation:
#     en: >-
#       Place the resource in a Vietnamese location: a subnet in the Hanoi Local Zone
#       (ap-southeast-1-han-1a) for compute and volumes, or a Vietnamese cloud (VNG Cloud, FPT Cloud,
#       Bizfly, CMC, Viettel IDC) or the National Data Centre. A resource that holds none of the system
#       data may say so with tag tuanthu:data = none.
#     vi: >-
#       Đặt tài nguyên tại Việt Nam: mạng con trong Local Zone Hà Nội (ap-southeast-1-han-1a) cho máy
#       chủ và ổ đĩa, hoặc đám mây Việt Nam (VNG Cloud, FPT Cloud, Bizfly, CMC, Viettel IDC) hay Trung
#       tâm dữ liệu quốc gia. Tài nguyên không chứa dữ liệu của hệ thống có thể khai báo bằng tag
#       tuanthu:data = none.
#   snippet: |
#     resource "aws_subnet" "hanoi" {
#       availability_zone = "ap-southeast-1-han-1a"
#     }
package tuanthu.rules.iac.iac_loc_01

import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(p.resource.address, "outside", params) if {
	some p in iac.outside_vietnam
	params := {"address": p.resource.address, "place": p.where.place, "place_name": p.where.place_name, "country": iac.country_of(p)}
}

deny contains lib.unknown_finding(p.resource.address, "unknown", {"address": p.resource.address, "expression": iac.location_expression(p.resource)}) if {
	some p in iac.placements
	iac.location_unknown(p)
}

deny contains lib.unknown_finding(p.resource.address, "undeclared", params) if {
	some p in iac.placements
	iac.region_undeclared(p)
	params := {"address": p.resource.address, "provider": p.resource.provider, "expression": p.resource.region}
}
