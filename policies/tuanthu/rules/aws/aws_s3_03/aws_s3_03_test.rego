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

# ${var.status} is not a violation: it is unknown until apply, and says so with the expression.
test_variable_status_is_unknown if {
	v := object.union(versioning("${var.status}"), {"unknown": ["versioning_configuration.0.status"]})
	got := aws_s3_03.deny with input.iac as {"resources": [referenced(bucket, "aws_s3_bucket_versioning"), v]}
	[[f.msg, f.status, f.params.expression] | some f in got] == [["unknown", "unknown", "${var.status}"]]
}

test_inline_variable_is_unknown if {
	b := object.union(bucket, {"values": {"versioning": [{"enabled": "${var.on}"}]}, "unknown": ["versioning.0.enabled"]})
	got := aws_s3_03.deny with input.iac as {"resources": [b]}
	[[f.msg, f.params.expression] | some f in got] == [["unknown", "${var.on}"]]
}

# A plan marks a bucket's computed versioning block unknown when the code does not set it.
test_computed_block_is_still_missing if {
	b := object.union(bucket, {"unknown": ["versioning"]})
	got := aws_s3_03.deny with input.iac as {"resources": [b]}
	[f.msg | some f in got] == ["missing"]
}
