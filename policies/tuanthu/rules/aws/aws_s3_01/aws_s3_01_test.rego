package tuanthu.rules.aws.aws_s3_01_test

import data.tuanthu.rules.aws.aws_s3_01

bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "values": {}, "unknown": [], "refs": []}

sse := {"address": "aws_s3_bucket_server_side_encryption_configuration.b", "type": "aws_s3_bucket_server_side_encryption_configuration", "values": {}, "unknown": [], "refs": ["aws_s3_bucket.b"]}

test_attached_configuration_passes if {
	count(aws_s3_01.deny) == 0 with input.iac as {"resources": [referenced(bucket, "aws_s3_bucket_server_side_encryption_configuration"), sse]}
}

test_inline_configuration_passes if {
	b := object.union(bucket, {"values": {"server_side_encryption_configuration": [{"rule": [{}]}]}})
	count(aws_s3_01.deny) == 0 with input.iac as {"resources": [b]}
}

test_missing_fails if {
	some f in aws_s3_01.deny with input.iac as {"resources": [bucket]}
	f.msg == "missing"
}

test_unknown_is_not_missing if {
	b := object.union(bucket, {"unknown": ["server_side_encryption_configuration"]})
	some f in aws_s3_01.deny with input.iac as {"resources": [b]}
	f.msg == "unknown"
	f.severity == "info"
}

# As TypeScript passes it (src/iac/evaluate.ts): referenced by the resource at position 1 of the batch.
referenced(r, t) := object.union(r, {"referenced_by": {t: [1]}})
