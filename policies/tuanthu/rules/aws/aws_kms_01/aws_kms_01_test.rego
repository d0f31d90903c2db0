package tuanthu.rules.aws.aws_kms_01_test

import data.tuanthu.rules.aws.aws_kms_01

key(values) := {"address": "aws_kms_key.data", "type": "aws_kms_key", "values": values, "unknown": [], "refs": []}

test_rotating_passes if {
	count(aws_kms_01.deny) == 0 with input.iac as {"resources": [key({"enable_key_rotation": true})]}
}

test_asymmetric_not_checked if {
	count(aws_kms_01.deny) == 0 with input.iac as {"resources": [key({"customer_master_key_spec": "RSA_2048"})]}
}

test_not_rotating_fails if {
	count(aws_kms_01.deny) == 1 with input.iac as {"resources": [key({})]}
}
