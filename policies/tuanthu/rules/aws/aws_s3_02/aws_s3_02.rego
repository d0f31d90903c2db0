# METADATA
# scope: package
# custom:
#   id: AWS-S3-02
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [CRY-02, DAT-01]
#   clauses: ["KH04:II.2.a", "TB06:III.3.c"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "S3 public access blocked"
#     vi: "Chặn truy cập công khai bucket S3"
#   description:
#     en: "Every S3 bucket has a public access block with all four settings on."
#     vi: "Mọi bucket S3 có khối chặn truy cập công khai với đủ bốn thiết lập."
#   messages:
#     missing:
#       en: "S3 bucket {address} has no public access block."
#       vi: "Bucket S3 {address} chưa có khối chặn truy cập công khai."
#     partial:
#       en: "The public access block of S3 bucket {address} leaves {settings} off."
#       vi: "Khối chặn truy cập công khai của bucket S3 {address} chưa bật {settings}."
#     unknown:
#       en: "The public access settings of S3 bucket {address} are unknown until apply ({settings}: {expression})."
#       vi: "Thiết lập truy cập công khai của bucket S3 {address} chỉ biết sau khi apply ({settings}: {expression})."
#   remediation:
#     en: >-
#       Add an aws_s3_bucket_public_access_block for the bucket with block_public_acls,
#       block_public_policy, ignore_public_acls and restrict_public_buckets set to true.
#     vi: >-
#       Thêm aws_s3_bucket_public_access_block cho bucket với block_public_acls, block_public_policy,
#       ignore_public_acls và restrict_public_buckets đều là true.
#   snippet: |
#     resource "aws_s3_bucket_public_access_block" "uploads" {
#       bucket                  = aws_s3_bucket.uploads.id
#       block_public_acls       = true
#       block_public_policy     = true
#       ignore_public_acls      = true
#       restrict_public_buckets = true
#     }
package tuanthu.rules.aws.aws_s3_02

import data.tuanthu.iac
import data.tuanthu.lib

settings := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

deny contains lib.finding(b.address, "missing", {"address": b.address}) if {
	some b in iac.of_type("aws_s3_bucket")
	count(iac.attached(b, "aws_s3_bucket_public_access_block")) == 0
}

deny contains lib.finding(b.address, "partial", {"address": b.address, "settings": off}) if {
	some b in iac.of_type("aws_s3_bucket")
	some p in iac.attached(b, "aws_s3_bucket_public_access_block")
	off := [s | some s in settings; not iac.is_true(p.values, s); not iac.unknown(p, s)]
	count(off) > 0
}

deny contains lib.unknown_finding(b.address, "unknown", {"address": b.address, "settings": pending, "expression": iac.unknown_expression(p, pending[0])}) if {
	some b in iac.of_type("aws_s3_bucket")
	some p in iac.attached(b, "aws_s3_bucket_public_access_block")
	pending := [s | some s in settings; not iac.is_true(p.values, s); iac.unknown(p, s)]
	count(pending) > 0
}
