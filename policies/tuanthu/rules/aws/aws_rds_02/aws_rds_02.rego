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
#     retention_default:
#       en: "Database {address} does not set backup_retention_period, so AWS keeps backups for its default of {days} day; at least {min} are required."
#       vi: "Cơ sở dữ liệu {address} không đặt backup_retention_period nên AWS chỉ giữ bản sao lưu theo mặc định {days} ngày; cần tối thiểu {min} ngày."
#     retention_unknown:
#       en: "How long database {address} keeps backups is unknown until apply ({expression}); at least {min} days are required: check the applied configuration."
#       vi: "Số ngày giữ bản sao lưu của cơ sở dữ liệu {address} chỉ biết sau khi apply ({expression}); cần tối thiểu {min} ngày: kiểm tra lại sau khi triển khai."
#     deletion:
#       en: "Database {address} has no deletion protection."
#       vi: "Cơ sở dữ liệu {address} chưa bật chống xoá (deletion_protection)."
#     deletion_unknown:
#       en: "Whether database {address} is protected from deletion is unknown until apply ({expression}); check the applied configuration."
#       vi: "Cơ sở dữ liệu {address} có bật chống xoá hay không chỉ biết sau khi apply ({expression}); cần kiểm tra lại sau khi triển khai."
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

# Without the argument AWS keeps automated backups for 1 day (RDS API CreateDBInstance and
# CreateDBCluster: BackupRetentionPeriod default 1; the RDS User Guide, "Backup retention period").
default_days := 1

databases contains r if {
	some r in iac.resources
	r.type in iac.rds_types
}

deny contains lib.finding(r.address, "retention", {"address": r.address, "days": days, "min": min_days}) if {
	some r in databases
	days := r.values.backup_retention_period
	is_number(days)
	days < min_days
}

deny contains lib.finding(r.address, "retention_default", {"address": r.address, "days": default_days, "min": min_days}) if {
	default_days < min_days
	some r in databases
	not has_value(r.values, "backup_retention_period")
	not iac.unknown_within(r, "backup_retention_period")
}

deny contains lib.unknown_finding(r.address, "retention_unknown", params) if {
	some r in databases
	iac.unknown_within(r, "backup_retention_period")
	params := {"address": r.address, "min": min_days, "expression": iac.unknown_expression(r, "backup_retention_period")}
}

deny contains lib.finding(r.address, "deletion", {"address": r.address}) if {
	some r in databases
	not iac.is_true(r.values, "deletion_protection")
	not iac.unknown_within(r, "deletion_protection")
}

deny contains lib.unknown_finding(r.address, "deletion_unknown", {"address": r.address, "expression": iac.unknown_expression(r, "deletion_protection")}) if {
	some r in databases
	iac.unknown_within(r, "deletion_protection")
}

# Set to anything but null (a number, or an expression that is unknown until apply).
has_value(obj, key) if obj[key] != null
