# METADATA
# scope: package
# custom:
#   id: AWS-RDS-02
#   severity: medium
#   stages: [design, build, pre-production, production]
#   supports: [IRP-03]
#   clauses: ["TTg:1.g", "TTg:2.đ"]
#   title:
#     en: "RDS backups kept and deletion protected"
#     vi: "RDS giữ bản sao lưu và chống xoá"
#   description:
#     en: "RDS instances and Aurora clusters keep automated backups for at least the days in policies/tuanthu/iac/data.yaml and have deletion protection."
#     vi: "Cơ sở dữ liệu RDS và cụm Aurora giữ bản sao lưu tự động tối thiểu số ngày quy định và bật chống xoá."
#   messages:
#     retention:
#       en: "Database {address} keeps backups for {days} day(s); at least {min} are required."
#       vi: "Cơ sở dữ liệu {address} giữ bản sao lưu {days} ngày; cần tối thiểu {min} ngày."
#     deletion:
#       en: "Database {address} has no deletion protection."
#       vi: "Cơ sở dữ liệu {address} chưa bật chống xoá (deletion_protection)."
#   remediation:
#     en: >-
#       Set backup_retention_period to at least 7 and deletion_protection = true.
#     vi: >-
#       Đặt backup_retention_period tối thiểu 7 và deletion_protection = true.
#   snippet: |
#     resource "aws_db_instance" "main" {
#       backup_retention_period = 14
#       deletion_protection     = true
#     }
package tuanthu.rules.aws.aws_rds_02

import data.tuanthu.iac
import data.tuanthu.lib

min_days := iac.rds_backup_retention_min_days

# AWS keeps 1 day by default for a cluster, 0 for an instance created by Terraform without the argument.
default_days := {"aws_db_instance": 0, "aws_rds_cluster": 1}

deny contains lib.finding(r.address, "retention", {"address": r.address, "days": days, "min": min_days}) if {
	some r in iac.resources
	r.type in iac.rds_types
	not iac.unknown(r, "backup_retention_period")
	days := retention(r)
	days < min_days
}

deny contains lib.finding(r.address, "deletion", {"address": r.address}) if {
	some r in iac.resources
	r.type in iac.rds_types
	not iac.is_true(r.values, "deletion_protection")
	not iac.unknown(r, "deletion_protection")
}

retention(r) := r.values.backup_retention_period if is_number(r.values.backup_retention_period)

retention(r) := default_days[r.type] if not has_number(r.values, "backup_retention_period")

has_number(obj, key) if is_number(obj[key])
