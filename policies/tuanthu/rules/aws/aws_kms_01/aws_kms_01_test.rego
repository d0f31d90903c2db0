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

# AWS cannot rotate signing, key-agreement, HMAC or custom-key-store keys: not flagged.
test_keys_aws_cannot_rotate_not_checked if {
	every values in [
		{"key_usage": "SIGN_VERIFY", "customer_master_key_spec": "ECC_NIST_P256"},
		{"key_usage": "SIGN_VERIFY"},
		{"key_usage": "KEY_AGREEMENT", "customer_master_key_spec": "ECC_NIST_P384"},
		{"key_usage": "GENERATE_VERIFY_MAC", "customer_master_key_spec": "HMAC_256"},
		{"custom_key_store_id": "cks-1234567890abcdef0"},
	] {
		count(aws_kms_01.deny) == 0 with input.iac as {"resources": [key(values)]}
	}
}

test_explicit_symmetric_encryption_key_checked if {
	got := aws_kms_01.deny with input.iac as {"resources": [key({"key_usage": "ENCRYPT_DECRYPT", "customer_master_key_spec": "SYMMETRIC_DEFAULT", "enable_key_rotation": false})]}
	[f.msg | some f in got] == ["no_rotation"]
}

test_unknown_rotation_is_unknown if {
	every case in [
		[{"enable_key_rotation": "${var.rotate}"}, "enable_key_rotation", "${var.rotate}"],
		[{"key_usage": "${var.usage}"}, "key_usage", "${var.usage}"],
	] {
		k := object.union(key(case[0]), {"unknown": [case[1]]})
		got := aws_kms_01.deny with input.iac as {"resources": [k]}
		[[f.msg, f.status, f.params.expression] | some f in got] == [["unknown", "unknown", case[2]]]
	}
}
