package tuanthu.rules.aws.aws_rds_01_test

import data.tuanthu.rules.aws.aws_rds_01

db(values, unknown) := {"address": "aws_db_instance.main", "type": "aws_db_instance", "values": values, "unknown": unknown, "refs": []}

test_encrypted_passes if {
	count(aws_rds_01.deny) == 0 with input.iac as {"resources": [db({"storage_encrypted": true}, [])]}
}

test_absent_fails if {
	some f in aws_rds_01.deny with input.iac as {"resources": [db({}, [])]}
	f.msg == "missing"
}

test_unknown_reported_as_unknown if {
	some f in aws_rds_01.deny with input.iac as {"resources": [db({}, ["storage_encrypted"])]}
	f.msg == "unknown"
}
