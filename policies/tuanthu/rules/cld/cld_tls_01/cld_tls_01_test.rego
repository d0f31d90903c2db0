package tuanthu.rules.cld.cld_tls_01_test

import data.tuanthu.rules.cld.cld_tls_01

res(type, name, values, unknown, refs) := {"address": concat(".", [type, name]), "type": type, "values": values, "unknown": unknown, "refs": refs}

os_listener(values) := res("openstack_lb_listener_v2", "l", values, [], [])

test_openstack_tls12_only_passes if {
	l := os_listener({"protocol": "TERMINATED_HTTPS", "tls_versions": ["TLSv1.2", "TLSv1.3"]})
	count(cld_tls_01.deny) == 0 with input.iac as {"resources": [l]}
		with input.descriptor as {}
}

test_openstack_tls11_is_a_violation if {
	l := os_listener({"protocol": "TERMINATED_HTTPS", "tls_versions": ["TLSv1.1", "TLSv1.2"]})
	some f in cld_tls_01.deny with input.iac as {"resources": [l]}
	f.msg == "weak_versions"
	f.params.versions == "TLSv1.1"
}

# The code cannot show the versions and the descriptor declares a minimum below 1.2: a violation that
# rests on the declaration, never "declare it" (it did) and never unknown.
test_no_versions_and_tls_min_11_is_a_violation_on_the_declaration if {
	l := os_listener({"protocol": "TERMINATED_HTTPS"})
	fs := cld_tls_01.deny with input.iac as {"resources": [l]}
		with input.descriptor as {"crypto": {"in_transit": {"tls_min": "1.1"}}}
	[f] := [x | some x in fs]
	f.msg == "declared_against"
	not f.status
	f.params.declared == "1.1"
	f.params.field == "crypto.in_transit.tls_min"
}

test_no_versions_and_tls_min_left_out_cannot_be_shown if {
	l := os_listener({"protocol": "TERMINATED_HTTPS"})
	some f in cld_tls_01.deny with input.iac as {"resources": [l]}
		with input.descriptor as {"crypto": {}}
	f.msg == "cannot_show"
	f.status == "unknown"
	f.params.declared == "not declared"
}

test_no_versions_and_tls_min_12_passes if {
	l := os_listener({"protocol": "TERMINATED_HTTPS"})
	count(cld_tls_01.deny) == 0 with input.iac as {"resources": [l]}
		with input.descriptor as {"crypto": {"in_transit": {"tls_min": "1.2"}}}
}

test_http_on_internal_vng_load_balancer_is_not_judged if {
	lb := res("vngcloud_vlb_load_balancer", "lb", {"scheme": "Internal"}, [], [])
	l := res("vngcloud_vlb_listener", "http", {"protocol": "HTTP", "load_balancer_id": "${vngcloud_vlb_load_balancer.lb.id}"}, ["load_balancer_id"], ["vngcloud_vlb_load_balancer.lb"])
	count(cld_tls_01.deny) == 0 with input.iac as {"resources": [lb, l]}
}

test_http_on_load_balancer_with_unknown_scheme_is_unknown if {
	lb := res("vngcloud_vlb_load_balancer", "lb", {"scheme": "${var.scheme}"}, ["scheme"], [])
	l := res("vngcloud_vlb_listener", "http", {"protocol": "HTTP"}, ["load_balancer_id"], ["vngcloud_vlb_load_balancer.lb"])
	some f in cld_tls_01.deny with input.iac as {"resources": [lb, l]}
	f.msg == "unknown"
	f.params.attribute == "scheme"
}

test_http_redirected_to_plain_http_is_a_violation if {
	l := object.union(os_listener({"protocol": "HTTP"}), {"referenced_by": {"openstack_lb_l7policy_v2": [1]}})
	p := res("openstack_lb_l7policy_v2", "p", {"action": "REDIRECT_TO_URL", "redirect_url": "http://example.gov.vn"}, ["listener_id"], ["openstack_lb_listener_v2.l"])
	some f in cld_tls_01.deny with input.iac as {"resources": [l, p]}
	f.msg == "plain_http"
}

test_aws_listener_is_left_to_aws_tls_01 if {
	count(cld_tls_01.deny) == 0 with input.iac as {"resources": [res("aws_lb_listener", "l", {"protocol": "HTTP"}, [], [])]}
}

# Viettel IDC: the listener is the load balancer; left out, its protocol is HTTP.
vt_lb(values) := res("viettelidc_ovpc_load_balancer", "lb", values, [], [])

test_viettel_default_listener_with_floating_ip_is_plain_http if {
	some f in cld_tls_01.deny with input.iac as {"resources": [vt_lb({"floating_ip_id": "fip-1"})]}
		with input.descriptor as {"crypto": {"in_transit": {"tls_min": "1.2"}}}
	f.msg == "plain_http"
	f.params.protocol == "HTTP"
}

# A floating IP set from an expression is still set: the load balancer is not internal.
test_viettel_floating_ip_from_expression_is_not_internal if {
	lb := res("viettelidc_ovpc_load_balancer", "lb", {"floating_ip_id": "${viettelidc_ovpc_floating_ip.x.id}"}, ["floating_ip_id"], [])
	some f in cld_tls_01.deny with input.iac as {"resources": [lb]}
	f.msg == "plain_http"
}

test_viettel_without_floating_ip_is_internal if {
	count(cld_tls_01.deny) == 0 with input.iac as {"resources": [vt_lb({})]}
}

test_viettel_additional_plain_http_listener_is_judged if {
	lb := vt_lb({"floating_ip_id": "fip-1", "listener_protocol": "TERMINATED_HTTPS", "additional_listener": [{"protocol": "HTTP", "port": 80}]})
	some f in cld_tls_01.deny with input.iac as {"resources": [lb]}
		with input.descriptor as {"crypto": {"in_transit": {"tls_min": "1.2"}}}
	f.msg == "plain_http"
}

test_fpt_inline_listener_protocol_from_expression_is_unknown if {
	lb := res("fptcloud_load_balancer_v2_lb", "lb", {"listener": [{"protocol": "${var.p}"}]}, ["listener.0.protocol"], [])
	fs := cld_tls_01.deny with input.iac as {"resources": [lb]}
	[f] := [x | some x in fs]
	f.status == "unknown"
	f.params.attribute == "listener.0.protocol"
}
