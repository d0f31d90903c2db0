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

test_forward_to_a_referenced_target_group_still_fails if {
	l := object.union(listener({"protocol": "HTTP", "default_action": [{"type": "forward", "target_group_arn": "${aws_lb_target_group.app.arn}"}]}), {"unknown": ["default_action.0.target_group_arn"]})
	got := aws_tls_01.deny with input.iac as {"resources": [l]}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as prefixes
	[f.msg | some f in got] == ["plain_http"]
}

test_unknown_policy_or_protocol_is_unknown if {
	every case in [
		[{"protocol": "HTTPS", "ssl_policy": "${var.policy}"}, "ssl_policy", "${var.policy}"],
		[{"protocol": "${var.protocol}"}, "protocol", "${var.protocol}"],
		[{"protocol": "HTTP", "default_action": [{"type": "${var.action}"}]}, "default_action.0.type", "${var.action}"],
	] {
		l := object.union(listener(case[0]), {"unknown": [case[1]]})
		got := aws_tls_01.deny with input.iac as {"resources": [l]}
			with data.tuanthu.iac.elb_tls12_policy_prefixes as prefixes
		[[f.msg, f.status, f.params.expression] | some f in got] == [["unknown", "unknown", case[2]]]
	}
}

# --- Classic Load Balancers ---

elb(listeners) := {"address": "aws_elb.web", "type": "aws_elb", "values": {"listener": listeners}, "unknown": ["listener.0.ssl_certificate_id"], "refs": []}

https_443 := {"lb_port": 443, "lb_protocol": "https", "instance_port": 8080, "instance_protocol": "http", "ssl_certificate_id": "${aws_iam_server_certificate.web.arn}"}

listener_policy := {
	"address": "aws_load_balancer_listener_policy.web_443",
	"type": "aws_load_balancer_listener_policy",
	"values": {"load_balancer_name": "${aws_elb.web.name}", "load_balancer_port": 443, "policy_names": ["${aws_load_balancer_policy.tls.policy_name}"]},
	"unknown": ["load_balancer_name", "policy_names.0"],
	"refs": ["aws_elb.web", "aws_load_balancer_policy.tls"],
}

ssl_policy(attributes) := {
	"address": "aws_load_balancer_policy.tls",
	"type": "aws_load_balancer_policy",
	"values": {"policy_name": "tls", "policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": attributes},
	"unknown": [],
	"refs": ["aws_elb.web"],
}

classic(attributes) := [object.union(elb([https_443]), {"referenced_by": {"aws_load_balancer_listener_policy": [1], "aws_load_balancer_policy": [2]}}), listener_policy, ssl_policy(attributes)]

classic_prefixes := ["ELBSecurityPolicy-TLS-1-2-"]

test_classic_without_policy_fails if {
	got := aws_tls_01.deny with input.iac as {"resources": [elb([https_443])]}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as classic_prefixes
	[[f.msg, f.params.port, f.params.policy] | some f in got] == [["classic_weak", "443", "ELBSecurityPolicy-2016-08"]]
}

test_classic_tls12_reference_policy_passes if {
	count(aws_tls_01.deny) == 0 with input.iac as {"resources": classic([{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-TLS-1-2-2017-01"}])}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as classic_prefixes
}

test_classic_custom_tls12_only_passes_and_tls1_fails if {
	count(aws_tls_01.deny) == 0 with input.iac as {"resources": classic([{"name": "Protocol-TLSv1.2", "value": "true"}])}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as classic_prefixes
	got := aws_tls_01.deny with input.iac as {"resources": classic([{"name": "Protocol-TLSv1.2", "value": "true"}, {"name": "Protocol-TLSv1", "value": "true"}])}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as classic_prefixes
	[[f.msg, f.params.policy] | some f in got] == [["classic_weak", "tls"]]
}

test_classic_old_reference_policy_fails if {
	got := aws_tls_01.deny with input.iac as {"resources": classic([{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-2016-08"}])}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as classic_prefixes
	[[f.msg, f.params.policy] | some f in got] == [["classic_weak", "ELBSecurityPolicy-2016-08"]]
}

test_classic_plain_http_fails if {
	got := aws_tls_01.deny with input.iac as {"resources": [elb([{"lb_port": 80, "lb_protocol": "http", "instance_port": 8080, "instance_protocol": "http"}])]}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as classic_prefixes
	[[f.msg, f.params.port] | some f in got] == [["classic_http", "80"]]
}

test_classic_protocol_from_variable_is_unknown if {
	e := object.union(elb([{"lb_port": 443, "lb_protocol": "${var.protocol}"}]), {"unknown": ["listener.0.lb_protocol"]})
	got := aws_tls_01.deny with input.iac as {"resources": [e]}
		with data.tuanthu.iac.elb_tls12_policy_prefixes as classic_prefixes
	[[f.msg, f.status, f.params.expression] | some f in got] == [["unknown", "unknown", "${var.protocol}"]]
}
