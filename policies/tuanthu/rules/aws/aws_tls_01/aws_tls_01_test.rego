package tuanthu.rules.aws.aws_tls_01_test

import data.tuanthu.rules.aws.aws_tls_01

listener(values) := {"address": "aws_lb_listener.web", "type": "aws_lb_listener", "values": values, "unknown": [], "refs": []}

prefixes := ["ELBSecurityPolicy-TLS13-"]

test_tls13_policy_passes if {
	count(aws_tls_01.deny) == 0 with input.iac as {"resources": [listener({"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})]}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as prefixes
}

test_default_policy_fails if {
	count(aws_tls_01.deny) == 1 with input.iac as {"resources": [listener({"protocol": "HTTPS"})]}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as prefixes
}

test_http_redirect_passes if {
	action := {"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}]}
	count(aws_tls_01.deny) == 0 with input.iac as {"resources": [listener({"protocol": "HTTP", "default_action": [action]})]}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as prefixes
}

test_http_forward_fails if {
	count(aws_tls_01.deny) == 1 with input.iac as {"resources": [listener({"protocol": "HTTP", "default_action": [{"type": "forward"}]})]}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as prefixes
}
