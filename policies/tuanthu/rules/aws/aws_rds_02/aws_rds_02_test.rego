package tuanthu.rules.aws.aws_rds_02_test

import data.tuanthu.rules.aws.aws_rds_02

db(values) := {"address": "aws_db_instance.main", "type": "aws_db_instance", "values": values, "unknown": [], "refs": []}

test_kept_and_protected_passes if {
	count(aws_rds_02.deny) == 0 with input.iac as {"resources": [db({"backup_retention_period": 7, "deletion_protection": true})]}
		with data.tuanthu.iac.rds_backup_retention_min_days as 7
}

test_short_retention_fails if {
	some f in aws_rds_02.deny with input.iac as {"resources": [db({"backup_retention_period": 3, "deletion_protection": true})]}
		with data.tuanthu.iac.rds_backup_retention_min_days as 7
	f.params.days == 3
}

# Without the argument AWS keeps 1 day (its API default), not 0: the message says so.
test_defaults_fail_both if {
	got := aws_rds_02.deny with input.iac as {"resources": [db({})]}
		with data.tuanthu.iac.rds_backup_retention_min_days as 7
	{[f.msg, object.get(f.params, "days", null)] | some f in got} == {["retention_default", 1], ["deletion", null]}
}

test_unknown_values_are_unknown if {
	r := object.union(db({"backup_retention_period": "${var.days}", "deletion_protection": "${var.protect}"}), {"unknown": ["backup_retention_period", "deletion_protection"]})
	got := aws_rds_02.deny with input.iac as {"resources": [r]}
		with data.tuanthu.iac.rds_backup_retention_min_days as 7
	{[f.msg, f.status, f.params.expression] | some f in got} == {["retention_unknown", "unknown", "${var.days}"], ["deletion_unknown", "unknown", "${var.protect}"]}
}
