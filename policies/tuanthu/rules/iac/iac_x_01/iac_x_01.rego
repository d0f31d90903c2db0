# METADATA
# scope: package
# custom:
#   id: IAC-X-01
#   severity: critical
#   stages: [design, build, pre-production, production]
#   supports: [HST-02, CRY-02, MON-03]
#   clauses: ["CT57:3.d", "TB06:III.3.c", "KH04:II.2.a", "TB06:III.3.b", "KH04:V.1.m"]
#   clause_items: {"KH04:II.2.a": ["6"], "KH04:V.1.m": ["9"]}
#   title:
#     en: "The descriptor agrees with the infrastructure code"
#     vi: "Hồ sơ mô tả khớp với mã hạ tầng"
#   description:
#     en: "What the descriptor declares (hosting in Vietnam, encryption at rest, 24/7 monitoring) is not contradicted by what the infrastructure code deploys."
#     vi: "Điều hồ sơ mô tả khai báo (lưu trữ tại Việt Nam, mã hoá khi lưu trữ, giám sát 24/7) không mâu thuẫn với điều mã hạ tầng triển khai."
#   messages:
#     hosting:
#       en: "The descriptor says the system is hosted in Vietnam ({declared}), but {address} is placed in {place} {place_name} ({country})."
#       vi: "Hồ sơ mô tả khai báo hệ thống lưu trữ tại Việt Nam ({declared}), nhưng {address} được đặt tại {place} {place_name} ({country})."
#     at_rest:
#       en: "The descriptor says data at rest is encrypted (crypto.at_rest.encrypted: true), but {address} is not encrypted."
#       vi: "Hồ sơ mô tả khai báo dữ liệu lưu trữ được mã hoá (crypto.at_rest.encrypted: true), nhưng {address} không được mã hoá."
#     monitoring:
#       en: "The descriptor declares 24/7 monitoring ({provider}), but the AWS infrastructure code has neither CloudTrail nor GuardDuty to feed it."
#       vi: "Hồ sơ mô tả khai báo giám sát 24/7 ({provider}), nhưng mã hạ tầng AWS không có CloudTrail hay GuardDuty để cung cấp dữ liệu."
#     hosting_unknown:
#       en: "The descriptor says the system is hosted in Vietnam ({declared}); where {address} is placed is unknown until apply ({expression})."
#       vi: "Hồ sơ mô tả khai báo hệ thống lưu trữ tại Việt Nam ({declared}); vị trí của {address} chỉ biết sau khi apply ({expression})."
#     hosting_undeclared:
#       en: >-
#         The descriptor says the system is hosted in Vietnam ({declared}), but no data centre it lists
#         runs region {expression} of the {provider} private cloud, where {address} is: add the region to the
#         cloud_regions of its data centre.
#       vi: >-
#         Hồ sơ mô tả khai báo hệ thống lưu trữ tại Việt Nam ({declared}), nhưng không trung tâm dữ liệu nào
#         được liệt kê chạy vùng {expression} của đám mây riêng {provider}, nơi đặt {address}: thêm vùng này vào
#         cloud_regions của trung tâm dữ liệu tương ứng.
#     at_rest_unknown:
#       en: "The descriptor says data at rest is encrypted (crypto.at_rest.encrypted: true); whether {address} is encrypted is unknown until apply ({expression})."
#       vi: "Hồ sơ mô tả khai báo dữ liệu lưu trữ được mã hoá (crypto.at_rest.encrypted: true); {address} có được mã hoá hay không chỉ biết sau khi apply ({expression})."
#   remediation:
#     en: >-
#       Make the two agree: fix the infrastructure code (move the resource to Vietnam, encrypt it, add
#       the monitoring sources), or correct the descriptor so that it states what is deployed.
#     vi: >-
#       Làm cho hai bên khớp nhau: sửa mã hạ tầng (chuyển tài nguyên về Việt Nam, mã hoá, bổ sung nguồn
#       giám sát), hoặc sửa hồ sơ mô tả cho đúng với điều đang triển khai.
#   snippet: |
#     # system.yaml
#     hosting:
#       data_centres: [{name: AWS Hanoi Local Zone, country: VN}]
#     # main.tf
#     resource "aws_instance" "app" {
#       subnet_id = aws_subnet.hanoi.id # ap-southeast-1-han-1a
#     }
package tuanthu.rules.iac.iac_x_01

import data.tuanthu.iac
import data.tuanthu.lib

not_applicable contains {"code": "no_descriptor", "params": {}} if not lib.has_descriptor

# The descriptor says every data centre is in Vietnam.
declares_vietnam if {
	centres := object.get(lib.d, ["hosting", "data_centres"], [])
	count(centres) > 0
	every c in centres {
		c.country == "VN"
	}
}

deny contains lib.finding(p.resource.address, "hosting", params) if {
	declares_vietnam
	some p in iac.outside_vietnam
	params := {"address": p.resource.address, "declared": "VN", "place": p.where.place, "place_name": p.where.place_name, "country": iac.country_of(p)}
}

deny contains lib.unknown_finding(p.resource.address, "hosting_unknown", params) if {
	declares_vietnam
	some p in iac.placements
	iac.location_unknown(p)
	params := {"address": p.resource.address, "declared": "VN", "expression": iac.location_expression(p.resource)}
}

deny contains lib.unknown_finding(p.resource.address, "hosting_undeclared", params) if {
	declares_vietnam
	some p in iac.placements
	iac.region_undeclared(p)
	params := {"address": p.resource.address, "declared": "VN", "provider": p.resource.provider, "expression": p.resource.region}
}

deny contains lib.unknown_finding(u.resource.address, "at_rest_unknown", {"address": u.resource.address, "expression": u.expression}) if {
	lib.d.crypto.at_rest.encrypted == true
	some u in iac.unknown_at_rest
}

deny contains lib.finding(r.address, "at_rest", {"address": r.address}) if {
	lib.d.crypto.at_rest.encrypted == true
	some r in iac.unencrypted_at_rest
}

deny contains lib.finding(iac.stack_path, "monitoring", {"provider": lib.d.monitoring.soc_24x7.provider}) if {
	lib.has_text(lib.d.monitoring.soc_24x7, "provider")
	iac.uses_aws
	count(iac.of_type("aws_cloudtrail")) == 0
	count(iac.of_type("aws_guardduty_detector")) == 0
}
