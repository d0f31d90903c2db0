package tuanthu.rules.aws.aws_s3_01_test

import data.tuanthu.rules.aws.aws_s3_01

bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "values": {}, "unknown": [], "refs": []}

aes := {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}

sse := {"address": "aws_s3_bucket_server_side_encryption_configuration.b", "type": "aws_s3_bucket_server_side_encryption_configuration", "values": aes, "unknown": [], "refs": ["aws_s3_bucket.b"]}

test_attached_configuration_passes if {
	count(aws_s3_01.deny) == 0 with input.iac as {"resources": [referenced(bucket, "aws_s3_bucket_server_side_encryption_configuration"), sse]}
}

test_inline_configuration_passes if {
	b := object.union(bucket, {"values": {"server_side_encryption_configuration": [aes]}})
	count(aws_s3_01.deny) == 0 with input.iac as {"resources": [b]}
}

# A value check, not a presence check: an empty rule, or one without an algorithm, encrypts nothing.
test_empty_rule_fails if {
	every values in [
		{"rule": [{}]},
		{"rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": "k"}]}]},
		{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "none"}]}]},
	] {
		c := object.union(sse, {"values": values})
		got := aws_s3_01.deny with input.iac as {"resources": [referenced(bucket, "aws_s3_bucket_server_side_encryption_configuration"), c]}
		[f.msg | some f in got] == ["no_algorithm"]
	}
}

test_unknown_algorithm_is_unknown if {
	values := {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "${var.algorithm}"}]}]}
	c := object.union(sse, {"values": values, "unknown": ["rule.0.apply_server_side_encryption_by_default.0.sse_algorithm"]})
	got := aws_s3_01.deny with input.iac as {"resources": [referenced(bucket, "aws_s3_bucket_server_side_encryption_configuration"), c]}
	[[f.msg, f.status, f.params.expression] | some f in got] == [["unknown", "unknown", "${var.algorithm}"]]
}

test_missing_fails if {
	some f in aws_s3_01.deny with input.iac as {"resources": [bucket]}
	f.msg == "missing"
}

test_unknown_is_not_missing if {
	b := object.union(bucket, {"unknown": ["server_side_encryption_configuration"]})
	some f in aws_s3_01.deny with input.iac as {"resources": [b]}
	f.msg == "unknown"
	f.status == "unknown"
	f.params.expression == "(known after apply)"
}

# As TypeScript passes it (src/iac/evaluate.ts): referenced by the resource at position 1 of the batch.
referenced(r, t) := object.union(r, {"referenced_by": {t: [1]}})
