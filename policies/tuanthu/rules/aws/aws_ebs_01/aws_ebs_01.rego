# METADATA
# scope: package
# custom:
#   id: AWS-EBS-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [CRY-02]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b", "TB06:III.3.c"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "EBS volumes encrypted"
#     vi: "Ổ đĩa EBS được mã hoá"
#   description:
#     en: "EBS volumes are encrypted, each or through EBS encryption by default."
#     vi: "Ổ đĩa EBS được mã hoá, từng ổ hoặc qua mã hoá mặc định EBS."
#   messages:
#     missing:
#       en: "EBS volume {address} is not encrypted and EBS encryption by default is not on."
#       vi: "Ổ đĩa EBS {address} chưa được mã hoá và chưa bật mã hoá mặc định EBS."
#     unknown:
#       en: "Whether EBS volume {address} is encrypted is unknown until apply ({expression})."
#       vi: "Việc mã hoá ổ đĩa EBS {address} chỉ biết sau khi apply ({expression})."
#   remediation:
#     en: >-
#       Set encrypted = true on the volume, or add aws_ebs_encryption_by_default with enabled = true for
#       the account and region.
#     vi: >-
#       Đặt encrypted = true cho ổ đĩa, hoặc thêm aws_ebs_encryption_by_default với enabled = true cho
#       tài khoản và vùng.
#   snippet: |
#     resource "aws_ebs_encryption_by_default" "this" {
#       enabled = true
#     }
package tuanthu.rules.aws.aws_ebs_01

import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(v.address, "missing", {"address": v.address}) if {
	some v in iac.of_type("aws_ebs_volume")
	iac.ebs_encryption(v) == "missing"
}

deny contains lib.unknown_finding(v.address, "unknown", {"address": v.address, "expression": iac.unknown_expression(v, "encrypted")}) if {
	some v in iac.of_type("aws_ebs_volume")
	iac.ebs_encryption(v) == "unknown"
}
