package tuanthu.rules.aws.aws_log_01_test

import data.tuanthu.rules.aws.aws_log_01

trail(values) := {"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "values": values, "unknown": [], "refs": []}

test_good_trail_passes if {
	count(aws_log_01.deny) == 0 with input.iac as {"stacks": ["x"], "providers": ["aws"], "global": [trail({"is_multi_region_trail": true, "enable_log_file_validation": true})]}
}

test_no_trail_fails_at_stack if {
	some f in aws_log_01.deny with input.iac as {"stacks": ["main.tf"], "providers": ["aws"], "resources": []}
	f.path == "main.tf"
}

test_single_region_fails if {
	some f in aws_log_01.deny with input.iac as {"stacks": ["x"], "providers": ["aws"], "global": [trail({"enable_log_file_validation": true})]}
	f.msg == "single_region"
}

test_not_applicable_without_aws if {
	count(aws_log_01.not_applicable) == 1 with input.iac as {"stacks": ["x"], "providers": ["vngcloud"]}
}
