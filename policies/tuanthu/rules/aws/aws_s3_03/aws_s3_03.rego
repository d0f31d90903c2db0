# METADATA
# scope: package
# custom:
#   id: AWS-S3-03
#   severity: medium
#   stages: [design, build, pre-production, production]
#   supports: [IRP-03]
#   clauses: ["TTg:1.g", "TTg:2.đ"]
#   title:
#     en: "S3 versioning on"
#     vi: "Bật versioning cho bucket S3"
#   description:
#     en: "Buckets holding data keep object versions, so that deleted or overwritten data can be recovered."
#     vi: "Bucket chứa dữ liệu lưu các phiên bản đối tượng để khôi phục dữ liệu bị xoá hoặc ghi đè."
#   messages:
#     missing:
#       en: "S3 bucket {address} has no versioning."
#       vi: "Bucket S3 {address} chưa bật versioning."
#     not_enabled:
#       en: "Versioning of S3 bucket {address} is {status}, not Enabled."
#       vi: "Versioning của bucket S3 {address} đang là {status}, chưa là Enabled."
#     unknown:
#       en: "Whether versioning of S3 bucket {address} is Enabled is unknown until apply ({expression}); check the applied configuration."
#       vi: "Versioning của bucket S3 {address} có là Enabled hay không chỉ biết sau khi apply ({expression}); cần kiểm tra lại sau khi triển khai."
#   remediation:
#     en: >-
#       Add an aws_s3_bucket_versioning for the bucket with versioning_configuration.status = "Enabled".
#     vi: >-
#       Thêm aws_s3_bucket_versioning cho bucket với versioning_configuration.status = "Enabled".
#   snippet: |
#     resource "aws_s3_bucket_versioning" "uploads" {
#       bucket = aws_s3_bucket.uploads.id
#       versioning_configuration { status = "Enabled" }
#     }
package tuanthu.rules.aws.aws_s3_03

import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(b.address, "missing", {"address": b.address}) if {
	some b in iac.of_type("aws_s3_bucket")
	not inline_enabled(b)
	not iac.unknown_below(b, "versioning")
	count(iac.attached(b, "aws_s3_bucket_versioning")) == 0
}

deny contains lib.finding(b.address, "not_enabled", {"address": b.address, "status": status(v)}) if {
	some b in iac.of_type("aws_s3_bucket")
	not inline_enabled(b)
	some v in iac.attached(b, "aws_s3_bucket_versioning")
	not status(v) == "Enabled"
	not iac.unknown_within(v, "versioning_configuration")
}

# A status written as an expression (${var.status}) is neither Enabled nor a violation.
deny contains lib.unknown_finding(b.address, "unknown", {"address": b.address, "expression": iac.unknown_expression(v, "versioning_configuration")}) if {
	some b in iac.of_type("aws_s3_bucket")
	not inline_enabled(b)
	some v in iac.attached(b, "aws_s3_bucket_versioning")
	not status(v) == "Enabled"
	iac.unknown_within(v, "versioning_configuration")
}

# The bucket's own (deprecated) versioning block, set from an expression. A plan marks the whole
# computed block unknown when the configuration does not set it: that is not an expression.
deny contains lib.unknown_finding(b.address, "unknown", {"address": b.address, "expression": iac.unknown_expression(b, "versioning")}) if {
	some b in iac.of_type("aws_s3_bucket")
	not inline_enabled(b)
	iac.unknown_below(b, "versioning")
	count(iac.attached(b, "aws_s3_bucket_versioning")) == 0
}

inline_enabled(b) if {
	some v in iac.blocks(b.values, "versioning")
	v.enabled == true
}

status(v) := s if {
	some c in iac.blocks(v.values, "versioning_configuration")
	s := c.status
}

status(v) := "absent" if {
	not has_status(v)
}

has_status(v) if {
	some c in iac.blocks(v.values, "versioning_configuration")
	c.status
}
