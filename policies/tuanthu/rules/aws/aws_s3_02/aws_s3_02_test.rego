package tuanthu.rules.aws.aws_s3_02_test

import data.tuanthu.rules.aws.aws_s3_02

bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "values": {}, "unknown": [], "refs": []}

block(values) := {"address": "aws_s3_bucket_public_access_block.b", "type": "aws_s3_bucket_public_access_block", "values": values, "unknown": [], "refs": ["aws_s3_bucket.b"]}

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_all_on_passes if {
	count(aws_s3_02.deny) == 0 with input.iac as {"resources": [referenced(bucket, "aws_s3_bucket_public_access_block"), block(all_on)]}
}

test_missing_block_fails if {
	some f in aws_s3_02.deny with input.iac as {"resources": [bucket]}
	f.msg == "missing"
}

test_partial_names_settings if {
	some f in aws_s3_02.deny with input.iac as {"resources": [referenced(bucket, "aws_s3_bucket_public_access_block"), block({"block_public_acls": true})]}
	f.params.settings == ["block_public_policy", "ignore_public_acls", "restrict_public_buckets"]
}

# As TypeScript passes it (src/iac/evaluate.ts): referenced by the resource at position 1 of the batch.
referenced(r, t) := object.union(r, {"referenced_by": {t: [1]}})
