# METADATA
# scope: package
# custom:
#   id: AWS-RDS-03
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [CRY-02]
#   clauses: ["KH04:II.2.a", "TB06:III.3.c"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "RDS not publicly accessible"
#     vi: "RDS không truy cập công khai"
#   description:
#     en: "Databases are not reachable from the Internet (publicly_accessible is not true)."
#     vi: "Cơ sở dữ liệu không truy cập được từ Internet (publicly_accessible không là true)."
#   messages:
#     public:
#       en: "Database {address} is publicly accessible."
#       vi: "Cơ sở dữ liệu {address} đang cho phép truy cập công khai."
#     unknown:
#       en: "Whether database {address} is publicly accessible is unknown until apply ({expression})."
#       vi: "Việc truy cập công khai cơ sở dữ liệu {address} chỉ biết sau khi apply ({expression})."
#   remediation:
#     en: >-
#       Set publicly_accessible = false and reach the database through the private subnets only.
#     vi: >-
#       Đặt publicly_accessible = false; chỉ truy cập cơ sở dữ liệu qua mạng con riêng.
#   snippet: |
#     resource "aws_db_instance" "main" {
#       publicly_accessible = false
#     }
package tuanthu.rules.aws.aws_rds_03

import data.tuanthu.iac
import data.tuanthu.lib

types := {"aws_db_instance", "aws_rds_cluster_instance"}

deny contains lib.finding(r.address, "public", {"address": r.address}) if {
	some r in iac.resources
	r.type in types
	iac.is_true(r.values, "publicly_accessible")
}

deny contains lib.unknown_finding(r.address, "unknown", {"address": r.address, "expression": iac.unknown_expression(r, "publicly_accessible")}) if {
	some r in iac.resources
	r.type in types
	iac.unknown(r, "publicly_accessible")
}
