# METADATA
# scope: package
# custom:
#   id: AWS-KMS-01
#   severity: medium
#   stages: [design, build, pre-production, production]
#   supports: [CRY-02]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "Customer keys rotate"
#     vi: "Khoá do cơ quan quản lý được xoay vòng"
#   description:
#     en: "Symmetric customer-managed KMS keys rotate automatically."
#     vi: "Khoá KMS đối xứng do cơ quan quản lý được tự động xoay vòng."
#   messages:
#     no_rotation:
#       en: "KMS key {address} does not rotate (enable_key_rotation is not true)."
#       vi: "Khoá KMS {address} chưa bật xoay vòng (enable_key_rotation chưa là true)."
#   remediation:
#     en: >-
#       Set enable_key_rotation = true (rotation_period_in_days as your key policy requires).
#     vi: >-
#       Đặt enable_key_rotation = true (rotation_period_in_days theo chính sách khoá).
#   snippet: |
#     resource "aws_kms_key" "data" {
#       enable_key_rotation = true
#     }
package tuanthu.rules.aws.aws_kms_01

import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(k.address, "no_rotation", {"address": k.address}) if {
	some k in iac.of_type("aws_kms_key")
	object.get(k.values, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	not iac.is_true(k.values, "enable_key_rotation")
	not iac.unknown(k, "enable_key_rotation")
}
