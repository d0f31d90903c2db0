# METADATA
# scope: package
# custom:
#   id: AWS-RDS-02
#   severity: medium
#   stages: [design, build, pre-production, production]
#   supports: [IRP-03]
#   clauses: ["TTg:1.g"]
#   recommendation:
#     en: >-
#       The Prime Minister's dispatch 1.g asks for a data recovery plan, which backups that exist and
#       survive the database's deletion make real; it names no retention period. Keeping automated
#       backups for at least 7 days (policies/tuanthu/thresholds/data.yaml) is our recommendation,
#       reported at low severity, as CLD-BAK-01 does on the other clouds.
#     vi: >-
#       Công điện của Thủ tướng mục 1.g yêu cầu có phương án khôi phục dữ liệu, mà bản sao lưu có thật
#       và còn lại khi cơ sở dữ liệu bị xoá là điều kiện để thực hiện; văn bản không nêu thời gian giữ
#       bản sao lưu. Giữ bản sao lưu tự động tối thiểu 7 ngày (policies/tuanthu/thresholds/data.yaml) là
#       khuyến nghị của chúng tôi, báo ở mức thấp, như CLD-BAK-01 với các đám mây khác.
#   title:
#     en: "RDS backups kept and deletion protected"
#     vi: "RDS giữ bản sao lưu và chống xoá"
#   description:
#     en: >-
#       RDS instances and Aurora clusters have automated backups (a retention of 0 days switches them
#       off) and deletion protection, the directive's data recovery plan (TTg 1.g) as infrastructure
#       code. Fewer retention days than recommended is a labelled recommendation.
#     vi: >-
#       Cơ sở dữ liệu RDS và cụm Aurora bật sao lưu tự động (giữ 0 ngày là tắt sao lưu) và bật chống xoá:
#       phương án khôi phục dữ liệu của Công điện (1.g) thể hiện trong mã hạ tầng. Số ngày giữ ít hơn mức
#       khuyến nghị là khuyến nghị.
#   messages:
#     no_backups:
#       en: "Database {address} keeps no automated backups (backup_retention_period = 0): its data cannot be recovered."
#       vi: "Cơ sở dữ liệu {address} không giữ bản sao lưu tự động (backup_retention_period = 0): không thể khôi phục dữ liệu."
#     retention:
#       en: "Database {address} keeps backups for {days} day(s); keeping at least {min} is recommended."
#       vi: "Cơ sở dữ liệu {address} giữ bản sao lưu {days} ngày; khuyến nghị giữ tối thiểu {min} ngày."
#     retention_default:
#       en: "Database {address} does not set backup_retention_period, so AWS keeps backups for its default of {days} day; keeping at least {min} is recommended."
#       vi: "Cơ sở dữ liệu {address} không đặt backup_retention_period nên AWS chỉ giữ bản sao lưu theo mặc định {days} ngày; khuyến nghị giữ tối thiểu {min} ngày."
#     retention_unknown:
#       en: "Whether and how long database {address} keeps backups is unknown until apply ({expression}): check the applied configuration."
#       vi: "Việc giữ bản sao lưu của cơ sở dữ liệu {address} (có hay không, bao nhiêu ngày) chỉ biết sau khi apply ({expression}): kiểm tra lại sau khi triển khai."
#     deletion:
#       en: "Database {address} has no deletion protection."
#       vi: "Cơ sở dữ liệu {address} chưa bật chống xoá (deletion_protection)."
#     deletion_unknown:
#       en: "Whether database {address} is protected from deletion is unknown until apply ({expression}); check the applied configuration."
#       vi: "Cơ sở dữ liệu {address} có bật chống xoá hay không chỉ biết sau khi apply ({expression}); cần kiểm tra lại sau khi triển khai."
#   remediation:
#     en: >-
#       Set backup_retention_period to 1 or more (7 or more is recommended) and deletion_protection = true.
#     vi: >-
#       Đặt backup_retention_period từ 1 trở lên (khuyến nghị từ 7) và deletion_protection = true.
#   snippet: |
#     resource "aws_db_instance" "main" {
#       backup_retention_period = 14
#       deletion_protection     = true
#     }
package tuanthu.rules.aws.aws_rds_02

import data.tuanthu.iac
import data.tuanthu.lib

# No retention in the text: a recommendation (the threshold CLD-BAK-01 reads too).
min_days := lib.threshold("backup_retention_recommended_days")

# Without the argument AWS keeps automated backups for 1 day; 0 switches them off (RDS API
# CreateDBInstance and CreateDBCluster: BackupRetentionPeriod default 1; RDS User Guide, "Backup
# retention period", USER_WorkingWithAutomatedBackups.BackupRetention: 0 to 35 days for an instance,
# 0 disables automated backups; 1 to 35 for a cluster).
default_days := 1

databases contains r if {
	some r in iac.resources
	r.type in iac.rds_types
}

deny contains lib.finding(r.address, "no_backups", {"address": r.address}) if {
	some r in databases
	r.values.backup_retention_period == 0
}

deny contains lib.recommendation(r.address, "retention", {"address": r.address, "days": days, "min": min_days}, "low") if {
	some r in databases
	days := r.values.backup_retention_period
	is_number(days)
	days > 0
	days < min_days
}

deny contains lib.recommendation(r.address, "retention_default", {"address": r.address, "days": default_days, "min": min_days}, "low") if {
	default_days < min_days
	some r in databases
	not has_value(r.values, "backup_retention_period")
	not iac.unknown_within(r, "backup_retention_period")
}

deny contains lib.unknown_finding(r.address, "retention_unknown", params) if {
	some r in databases
	iac.unknown_within(r, "backup_retention_period")
	params := {"address": r.address, "expression": iac.unknown_expression(r, "backup_retention_period")}
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
