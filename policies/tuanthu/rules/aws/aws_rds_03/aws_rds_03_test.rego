package tuanthu.rules.aws.aws_rds_03_test

import data.tuanthu.rules.aws.aws_rds_03

db(values) := {"address": "aws_db_instance.main", "type": "aws_db_instance", "values": values, "unknown": [], "refs": []}

test_private_passes if {
	count(aws_rds_03.deny) == 0 with input.iac as {"resources": [db({"publicly_accessible": false})]}
}

test_default_passes if {
	count(aws_rds_03.deny) == 0 with input.iac as {"resources": [db({})]}
}

test_public_fails if {
	count(aws_rds_03.deny) == 1 with input.iac as {"resources": [db({"publicly_accessible": true})]}
}
