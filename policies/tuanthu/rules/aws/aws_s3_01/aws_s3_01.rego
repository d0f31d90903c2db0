# METADATA
# scope: package
# custom:
#   id: AWS-S3-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [CRY-02]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b", "TB06:III.3.c"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "S3 buckets encrypted at rest"
#     vi: "Bucket S3 được mã hoá khi lưu trữ"
#   description:
#     en: "Every S3 bucket has a server-side encryption configuration that names an algorithm (evidence for CRY-02)."
#     vi: "Mọi bucket S3 có cấu hình mã hoá phía máy chủ nêu rõ thuật toán (bằng chứng cho CRY-02)."
#   messages:
#     missing:
#       en: "S3 bucket {address} has no server-side encryption configuration."
#       vi: "Bucket S3 {address} chưa có cấu hình mã hoá phía máy chủ."
#     no_algorithm:
#       en: "The server-side encryption configuration of S3 bucket {address} names no algorithm (sse_algorithm AES256, aws:kms or aws:kms:dsse)."
#       vi: "Cấu hình mã hoá phía máy chủ của bucket S3 {address} không nêu thuật toán (sse_algorithm AES256, aws:kms hoặc aws:kms:dsse)."
#     unknown:
#       en: "The encryption of S3 bucket {address} is unknown until apply ({expression}); check the applied configuration."
#       vi: "Cấu hình mã hoá của bucket S3 {address} chỉ biết sau khi apply ({expression}); cần kiểm tra lại sau khi triển khai."
#   remediation:
#     en: >-
#       Add an aws_s3_bucket_server_side_encryption_configuration for the bucket (SSE-KMS with a
#       customer key for personal or sensitive data).
#     vi: >-
#       Thêm aws_s3_bucket_server_side_encryption_configuration cho bucket (SSE-KMS với khoá do cơ quan
#       quản lý đối với dữ liệu cá nhân, nhạy cảm).
#   snippet: |
#     resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
#       bucket = aws_s3_bucket.uploads.id
#       rule {
#         apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }
#       }
#     }
package tuanthu.rules.aws.aws_s3_01

import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(b.address, "missing", {"address": b.address}) if {
	some b in iac.of_type("aws_s3_bucket")
	iac.s3_encryption(b) == "missing"
}

deny contains lib.finding(b.address, "no_algorithm", {"address": b.address}) if {
	some b in iac.of_type("aws_s3_bucket")
	iac.s3_encryption(b) == "no_algorithm"
}

deny contains lib.unknown_finding(b.address, "unknown", {"address": b.address, "expression": iac.s3_encryption_expression(b)}) if {
	some b in iac.of_type("aws_s3_bucket")
	iac.s3_encryption(b) == "unknown"
}
