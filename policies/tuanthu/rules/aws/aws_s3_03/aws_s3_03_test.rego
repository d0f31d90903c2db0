package tuanthu.rules.aws.aws_s3_03_test

import data.tuanthu.rules.aws.aws_s3_03

bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "values": {}, "unknown": [], "refs": []}

versioning(status) := {
	"address": "aws_s3_bucket_versioning.b",
	"type": "aws_s3_bucket_versioning",
	"values": {"versioning_configuration": [{"status": status}]},
	"unknown": [],
	"refs": ["aws_s3_bucket.b"],
}

test_enabled_passes if {
	count(aws_s3_03.deny) == 0 with input.iac as {"resources": [referenced(bucket, "aws_s3_bucket_versioning"), versioning("Enabled")]}
}

test_suspended_fails if {
	some f in aws_s3_03.deny with input.iac as {"resources": [referenced(bucket, "aws_s3_bucket_versioning"), versioning("Suspended")]}
	f.params.status == "Suspended"
}

test_missing_fails if {
	some f in aws_s3_03.deny with input.iac as {"resources": [bucket]}
	f.msg == "missing"
}

# As TypeScript passes it (src/iac/evaluate.ts): referenced by the resource at position 1 of the batch.
referenced(r, t) := object.union(r, {"referenced_by": {t: [1]}})
