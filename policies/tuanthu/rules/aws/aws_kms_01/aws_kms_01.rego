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
#     en: "Symmetric encryption customer-managed KMS keys rotate automatically. Asymmetric and HMAC keys, and keys in a custom key store, cannot rotate automatically and are not judged."
#     vi: "Khoá KMS đối xứng dùng để mã hoá do cơ quan quản lý được tự động xoay vòng. Khoá bất đối xứng, khoá HMAC và khoá trong kho khoá tuỳ chỉnh không thể tự động xoay vòng nên không bị đánh giá."
#   messages:
#     no_rotation:
#       en: "KMS key {address} does not rotate (enable_key_rotation is not true)."
#       vi: "Khoá KMS {address} chưa bật xoay vòng (enable_key_rotation chưa là true)."
#     unknown:
#       en: "Whether KMS key {address} rotates is unknown until apply ({expression}); check the applied configuration."
#       vi: "Khoá KMS {address} có được xoay vòng hay không chỉ biết sau khi apply ({expression}); cần kiểm tra lại sau khi triển khai."
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
	rotatable(k)
	not iac.is_true(k.values, "enable_key_rotation")
	not unknown_setting(k)
}

deny contains lib.unknown_finding(k.address, "unknown", {"address": k.address, "expression": iac.unknown_expression(k, p)}) if {
	some k in iac.of_type("aws_kms_key")
	not iac.is_true(k.values, "enable_key_rotation")
	not cannot_rotate(k)
	p := min([p | some p in settings; iac.unknown_within(k, p)])
}

# What decides whether a key rotates, and whether it can.
settings := ["customer_master_key_spec", "custom_key_store_id", "enable_key_rotation", "key_usage"]

unknown_setting(k) if {
	some p in settings
	iac.unknown_within(k, p)
}

# AWS rotates only symmetric encryption keys with key material it generated: not asymmetric keys
# (SIGN_VERIFY, KEY_AGREEMENT, asymmetric ENCRYPT_DECRYPT), not HMAC keys, not keys in a custom key
# store (AWS KMS Developer Guide, "Rotate AWS KMS keys"; API EnableKeyRotation).
rotatable(k) if not cannot_rotate(k)

cannot_rotate(k) if {
	not iac.unknown_within(k, "customer_master_key_spec")
	spec := object.get(k.values, "customer_master_key_spec", "SYMMETRIC_DEFAULT")
	spec != null
	spec != "SYMMETRIC_DEFAULT"
}

cannot_rotate(k) if {
	not iac.unknown_within(k, "key_usage")
	usage := object.get(k.values, "key_usage", "ENCRYPT_DECRYPT")
	usage != null
	usage != "ENCRYPT_DECRYPT"
}

cannot_rotate(k) if {
	is_string(k.values.custom_key_store_id)
	not iac.unknown_within(k, "custom_key_store_id")
	k.values.custom_key_store_id != ""
}
