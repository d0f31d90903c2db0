# METADATA
# scope: package
# custom:
#   id: AWS-RDS-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [CRY-02]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b", "TB06:III.3.c"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "RDS storage encrypted"
#     vi: "Mã hoá lưu trữ RDS"
#   description:
#     en: "RDS instances and Aurora clusters set storage_encrypted."
#     vi: "Cơ sở dữ liệu RDS và cụm Aurora bật storage_encrypted."
#   messages:
#     missing:
#       en: "Database {address} does not encrypt its storage (storage_encrypted is not true)."
#       vi: "Cơ sở dữ liệu {address} chưa mã hoá lưu trữ (storage_encrypted chưa là true)."
#     unknown:
#       en: "Whether database {address} encrypts its storage is unknown until apply ({expression})."
#       vi: "Việc mã hoá lưu trữ của cơ sở dữ liệu {address} chỉ biết sau khi apply ({expression})."
#   remediation:
#     en: >-
#       Set storage_encrypted = true (and kms_key_id to a customer-managed key). An existing database
#       must be restored from an encrypted snapshot.
#     vi: >-
#       Đặt storage_encrypted = true (và kms_key_id là khoá do cơ quan quản lý). Cơ sở dữ liệu đang chạy
#       phải khôi phục từ bản chụp đã mã hoá.
#   snippet: |
#     resource "aws_db_instance" "main" {
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.data.arn
#     }
package tuanthu.rules.aws.aws_rds_01

import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(r.address, "missing", {"address": r.address}) if {
	some r in iac.resources
	r.type in iac.rds_types
	iac.db_encryption(r) == "missing"
}

deny contains lib.unknown_finding(r.address, "unknown", {"address": r.address, "expression": iac.unknown_expression(r, "storage_encrypted")}) if {
	some r in iac.resources
	r.type in iac.rds_types
	iac.db_encryption(r) == "unknown"
}
