package tuanthu.rules.aws.aws_rds_02_test

import data.tuanthu.rules.aws.aws_rds_02

db(values) := {"address": "aws_db_instance.main", "type": "aws_db_instance", "values": values, "unknown": [], "refs": []}

test_kept_and_protected_passes if {
	count(aws_rds_02.deny) == 0 with input.iac as {"resources": [db({"backup_retention_period": 7, "deletion_protection": true})]}
		with data.tuanthu.thresholds.backup_retention_recommended_days as [{"value": 7, "effective_from": "2025-01-01"}]
		with input.context.as_of as "2026-11-23"
}

# The text names no retention: fewer days than recommended is a low-severity recommendation.
test_short_retention_is_a_recommendation if {
	some f in aws_rds_02.deny with input.iac as {"resources": [db({"backup_retention_period": 3, "deletion_protection": true})]}
		with data.tuanthu.thresholds.backup_retention_recommended_days as [{"value": 7, "effective_from": "2025-01-01"}]
		with input.context.as_of as "2026-11-23"
	f.params.days == 3
	f.recommendation == true
	f.severity == "low"
}

# 0 days switches automated backups off: no recovery, the directive's requirement (TTg 1.g).
test_no_backups_fails if {
	got := aws_rds_02.deny with input.iac as {"resources": [db({"backup_retention_period": 0, "deletion_protection": true})]}
		with data.tuanthu.thresholds.backup_retention_recommended_days as [{"value": 7, "effective_from": "2025-01-01"}]
		with input.context.as_of as "2026-11-23"
	[[f.msg, object.get(f, "recommendation", false)] | some f in got] == [["no_backups", false]]
}

# Without the argument AWS keeps 1 day (its API default), not 0: the message says so.
test_defaults_fail_both if {
	got := aws_rds_02.deny with input.iac as {"resources": [db({})]}
		with data.tuanthu.thresholds.backup_retention_recommended_days as [{"value": 7, "effective_from": "2025-01-01"}]
		with input.context.as_of as "2026-11-23"
	{[f.msg, object.get(f.params, "days", null)] | some f in got} == {["retention_default", 1], ["deletion", null]}
}

test_unknown_values_are_unknown if {
	r := object.union(db({"backup_retention_period": "${var.days}", "deletion_protection": "${var.protect}"}), {"unknown": ["backup_retention_period", "deletion_protection"]})
	got := aws_rds_02.deny with input.iac as {"resources": [r]}
		with data.tuanthu.thresholds.backup_retention_recommended_days as [{"value": 7, "effective_from": "2025-01-01"}]
		with input.context.as_of as "2026-11-23"
	{[f.msg, f.status, f.params.expression] | some f in got} == {["retention_unknown", "unknown", "${var.days}"], ["deletion_unknown", "unknown", "${var.protect}"]}
}
