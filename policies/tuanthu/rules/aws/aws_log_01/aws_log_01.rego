# METADATA
# scope: package
# custom:
#   id: AWS-LOG-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [MON-03]
#   clauses: ["KH04:V.1.m", "KH04:III.2(ii)"]
#   clause_items: {"KH04:V.1.m": ["9"]}
#   title:
#     en: "Multi-region CloudTrail with log-file validation"
#     vi: "CloudTrail đa vùng có xác thực tệp nhật ký"
#   description:
#     en: "The AWS account records API activity in every region with a CloudTrail trail whose log files are validated."
#     vi: "Tài khoản AWS ghi nhật ký hoạt động API ở mọi vùng bằng CloudTrail có xác thực tính toàn vẹn tệp nhật ký."
#   messages:
#     missing:
#       en: "The infrastructure code has no multi-region CloudTrail trail with log-file validation."
#       vi: "Mã hạ tầng chưa có CloudTrail đa vùng có xác thực tệp nhật ký."
#     single_region:
#       en: "Trail {address} records only its own region (is_multi_region_trail is not true)."
#       vi: "Trail {address} chỉ ghi nhật ký vùng của nó (is_multi_region_trail chưa là true)."
#     no_validation:
#       en: "Trail {address} does not validate its log files (enable_log_file_validation is not true)."
#       vi: "Trail {address} chưa xác thực tệp nhật ký (enable_log_file_validation chưa là true)."
#     unknown:
#       en: "Whether trail {address} records every region with validated log files is unknown until apply ({expression})."
#       vi: "Trail {address} có ghi nhật ký mọi vùng và xác thực tệp nhật ký hay không chỉ biết sau khi apply ({expression})."
#   remediation:
#     en: >-
#       Add an aws_cloudtrail with is_multi_region_trail = true and enable_log_file_validation = true,
#       delivering to an encrypted, versioned bucket.
#     vi: >-
#       Thêm aws_cloudtrail với is_multi_region_trail = true và enable_log_file_validation = true, ghi
#       vào bucket đã mã hoá và bật versioning.
#   snippet: |
#     resource "aws_cloudtrail" "account" {
#       is_multi_region_trail      = true
#       enable_log_file_validation = true
#     }
package tuanthu.rules.aws.aws_log_01

import data.tuanthu.iac
import data.tuanthu.lib

not_applicable contains {"code": "no_provider", "params": {"provider": "aws"}} if not iac.uses_aws

trails := iac.of_type("aws_cloudtrail")

good(t) if {
	iac.is_true(t.values, "is_multi_region_trail")
	iac.is_true(t.values, "enable_log_file_validation")
}

deny contains lib.finding(iac.stack_path, "missing", {}) if {
	count(trails) == 0
}

deny contains lib.finding(t.address, "single_region", {"address": t.address}) if {
	not any_good
	some t in trails
	not iac.is_true(t.values, "is_multi_region_trail")
	not iac.unknown_within(t, "is_multi_region_trail")
}

deny contains lib.finding(t.address, "no_validation", {"address": t.address}) if {
	not any_good
	some t in trails
	not iac.is_true(t.values, "enable_log_file_validation")
	not iac.unknown_within(t, "enable_log_file_validation")
}

deny contains lib.unknown_finding(t.address, "unknown", {"address": t.address, "expression": iac.unknown_expression(t, p)}) if {
	not any_good
	some t in trails
	p := min([p | some p in ["enable_log_file_validation", "is_multi_region_trail"]; not iac.is_true(t.values, p); iac.unknown_within(t, p)])
}

any_good if {
	some t in trails
	good(t)
}
