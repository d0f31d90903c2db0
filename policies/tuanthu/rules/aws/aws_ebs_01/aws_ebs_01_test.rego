package tuanthu.rules.aws.aws_ebs_01_test

import data.tuanthu.rules.aws.aws_ebs_01

vol(values) := {"address": "aws_ebs_volume.data", "type": "aws_ebs_volume", "values": values, "unknown": [], "refs": []}

test_encrypted_passes if {
	count(aws_ebs_01.deny) == 0 with input.iac as {"resources": [vol({"encrypted": true})]}
}

test_default_encryption_passes if {
	d := {"address": "aws_ebs_encryption_by_default.x", "type": "aws_ebs_encryption_by_default", "values": {"enabled": true}, "unknown": [], "refs": []}
	count(aws_ebs_01.deny) == 0 with input.iac as {"resources": [vol({})], "global": [d]}
}

test_unencrypted_fails if {
	count(aws_ebs_01.deny) == 1 with input.iac as {"resources": [vol({"encrypted": false})]}
}
