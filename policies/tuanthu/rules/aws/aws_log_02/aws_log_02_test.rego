package tuanthu.rules.aws.aws_log_02_test

import data.tuanthu.rules.aws.aws_log_02

gd := {"address": "aws_guardduty_detector.main", "type": "aws_guardduty_detector", "values": {"enable": true}, "unknown": [], "refs": []}

vpc := {"address": "aws_vpc.main", "type": "aws_vpc", "values": {}, "unknown": [], "refs": []}

flow := {"address": "aws_flow_log.main", "type": "aws_flow_log", "values": {}, "unknown": [], "refs": ["aws_vpc.main"]}

test_guardduty_and_flow_log_pass if {
	count(aws_log_02.deny) == 0 with input.iac as {"stacks": ["x"], "providers": ["aws"], "resources": [referenced(vpc, "aws_flow_log"), flow], "global": [gd]}
}

test_vpc_without_flow_log_fails if {
	some f in aws_log_02.deny with input.iac as {"stacks": ["x"], "providers": ["aws"], "resources": [vpc], "global": [gd]}
	f.msg == "no_flow_log"
}

test_no_guardduty_fails if {
	some f in aws_log_02.deny with input.iac as {"stacks": ["x"], "providers": ["aws"], "resources": []}
	f.msg == "no_guardduty"
}

# As TypeScript passes it (src/iac/evaluate.ts): referenced by the resource at position 1 of the batch.
referenced(r, t) := object.union(r, {"referenced_by": {t: [1]}})
