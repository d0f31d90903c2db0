package tuanthu.rules.cld.cld_log_01_test

import data.tuanthu.rules.cld.cld_log_01

res(type, values) := {"address": concat(".", [type, "x"]), "type": type, "values": values, "unknown": [], "refs": []}

test_undeclared_cannot_be_shown if {
	some f in cld_log_01.deny with input.iac as {"resources": [res("bizflycloud_loadbalancer", {})]}
		with input.descriptor as {}
	f.msg == "cannot_show"
	f.status == "unknown"
	f.params.field == "monitoring.logs.collected"
}

test_declared_false_is_a_violation_on_the_declaration if {
	fs := cld_log_01.deny with input.iac as {"resources": [res("bizflycloud_loadbalancer", {})]}
		with input.descriptor as {"monitoring": {"logs": {"collected": false}}}
	[f] := [x | some x in fs]
	f.msg == "declared_against"
	not f.status
	f.params.declared == "false"
}

test_declared_passes if {
	count(cld_log_01.deny) == 0 with input.iac as {"resources": [res("openstack_db_instance_v1", {})]}
		with input.descriptor as {"monitoring": {"logs": {"collected": true}}}
}

# A provider with a log setting: the rule reads the attribute (a mapping row added for the test).
test_attribute_mapping_judges_the_value if {
	m := {"logging": {"example_lb": {"provider": "example", "kind": "load_balancer", "attribute": "access_log", "enabled": {"equals": true}}}}
	some f in cld_log_01.deny with input.iac as {"resources": [res("example_lb", {"access_log": false})]}
		with data.tuanthu.clouds as m
	f.msg == "disabled"
	f.params.value == "false"
}

test_not_applicable_without_a_mapped_provider if {
	some r in cld_log_01.not_applicable with input.iac as {"providers": ["aws"], "resources": []}
	r.code == "no_provider"
}
