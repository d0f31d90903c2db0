package tuanthu.rules.cld.cld_net_01_test

import data.tuanthu.rules.cld.cld_net_01

rule(type, values, unknown) := {"address": concat(".", [type, "x"]), "type": type, "values": values, "unknown": unknown, "refs": []}

ssh := {"direction": "ingress", "protocol": "tcp", "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": "0.0.0.0/0"}

test_openstack_ssh_from_anywhere_fails if {
	some f in cld_net_01.deny with input.iac as {"resources": [rule("openstack_networking_secgroup_rule_v2", ssh, [])]}
	f.msg == "open"
	f.params.port == 22
}

test_vng_upper_case_tcp_range_fails if {
	v := object.union(ssh, {"protocol": "TCP", "port_range_min": 3000, "port_range_max": 3400})
	some f in cld_net_01.deny with input.iac as {"resources": [rule("vngcloud_vserver_secgrouprule", v, [])]}
	f.params.port == 3306
}

test_egress_passes if {
	v := object.union(ssh, {"direction": "egress"})
	count(cld_net_01.deny) == 0 with input.iac as {"resources": [rule("openstack_networking_secgroup_rule_v2", v, [])]}
}

test_openstack_any_protocol_all_ports_fails if {
	v := {"direction": "ingress", "remote_ip_prefix": "::/0"}
	count(cld_net_01.deny) > 5 with input.iac as {"resources": [rule("openstack_networking_secgroup_rule_v2", v, [])]}
}

test_bizfly_firewall_block_fails if {
	v := {"ingress": [{"cidr": "10.0.0.0/8", "port_range": "22"}, {"cidr": "0.0.0.0/0", "port_range": "3389", "protocol": "tcp"}]}
	some f in cld_net_01.deny with input.iac as {"resources": [rule("bizflycloud_firewall", v, [])]}
	f.params.port == 3389
}

test_https_passes if {
	v := object.union(ssh, {"port_range_min": 443, "port_range_max": 443})
	count(cld_net_01.deny) == 0 with input.iac as {"resources": [rule("vngcloud_vserver_secgrouprule", v, [])]}
}

test_source_from_expression_is_unknown if {
	v := object.union(ssh, {"remote_ip_prefix": "${var.admin_cidr}"})
	some f in cld_net_01.deny with input.iac as {"resources": [rule("openstack_networking_secgroup_rule_v2", v, ["remote_ip_prefix"])]}
	f.status == "unknown"
	f.params.attribute == "remote_ip_prefix"
}

fpt := {"direction": "INGRESS", "action": "ALLOW", "protocol": "ALL", "port_range": "ALL", "sources": ["ALL"]}

test_fpt_all_protocols_all_ports_from_all_fails if {
	count(cld_net_01.deny) > 5 with input.iac as {"resources": [rule("fptcloud_security_group_rule", fpt, [])]}
}

test_fpt_dropped_rule_passes if {
	v := object.union(fpt, {"action": "DROP"})
	count(cld_net_01.deny) == 0 with input.iac as {"resources": [rule("fptcloud_security_group_rule", v, [])]}
}

test_fpt_egress_passes if {
	v := object.union(fpt, {"direction": "EGRESS"})
	count(cld_net_01.deny) == 0 with input.iac as {"resources": [rule("fptcloud_security_group_rule", v, [])]}
}

test_fpt_one_source_from_expression_is_unknown if {
	v := object.union(fpt, {"sources": ["10.0.0.0/8", "${var.admin}"]})
	some f in cld_net_01.deny with input.iac as {"resources": [rule("fptcloud_security_group_rule", v, ["sources.1"])]}
	f.status == "unknown"
	f.params.attribute == "sources"
	f.params.expression == "${var.admin}"
}

test_fpt_action_from_expression_is_unknown if {
	v := object.union(fpt, {"action": "${var.action}"})
	some f in cld_net_01.deny with input.iac as {"resources": [rule("fptcloud_security_group_rule", v, ["action"])]}
	f.status == "unknown"
	f.params.attribute == "action"
}

test_cmc_upper_case_direction_fails if {
	v := {"direction": "INGRESS", "protocol": "6", "port_range_min": 5432, "port_range_max": 5432, "cidr": "::/0"}
	some f in cld_net_01.deny with input.iac as {"resources": [rule("cmccloudv2_security_group_rule", v, [])]}
	f.params.port == 5432
}

test_cmc_legacy_denied_rule_passes if {
	v := {"inbound_rule": [{"protocol": "tcp", "action": "deny", "port_range": "22", "cidrs": ["0.0.0.0/0"]}]}
	count(cld_net_01.deny) == 0 with input.iac as {"resources": [rule("cmccloud_firewall_vpc", v, [])]}
}

test_cmc_legacy_action_left_out_allows if {
	v := {"inbound_rule": [{"protocol": "tcp", "port_range": "9000-9300", "cidrs": ["0.0.0.0/0"]}]}
	some f in cld_net_01.deny with input.iac as {"resources": [rule("cmccloud_firewall_vpc", v, [])]}
	f.params.port == 9200
}

# Viettel IDC names a rule's type; its port and protocol follow from it when the rule leaves them out.
viettel(values) := rule("viettelidc_ovpc_security_group_rule", object.union({"direction": "in", "source_ip": "0.0.0.0/0"}, values), [])

test_viettel_named_http_passes if {
	count(cld_net_01.deny) == 0 with input.iac as {"resources": [viettel({"rule_type": "HTTP"})]}
}

test_viettel_named_ssh_fails_on_port_22_only if {
	fs := cld_net_01.deny with input.iac as {"resources": [viettel({"rule_type": "ssh"})]}
	{f.params.port | some f in fs} == {22}
}

test_viettel_custom_udp_on_an_admin_port_passes if {
	count(cld_net_01.deny) == 0 with input.iac as {"resources": [viettel({"rule_type": "Custom UDP", "port": "22"})]}
}

test_viettel_all_tcp_any_port_fails if {
	count(cld_net_01.deny) > 5 with input.iac as {"resources": [viettel({"rule_type": "All TCP", "port": "Any"})]}
}

test_viettel_explicit_protocol_wins_over_the_type if {
	some f in cld_net_01.deny with input.iac as {"resources": [viettel({"rule_type": "Custom UDP", "protocol_name": "TCP", "port": "3389"})]}
	f.params.port == 3389
}

# Viettel IDC VDBS: the source type decides, "anywhere" when left out, whatever source_ip says.
vdbs(values) := rule("viettelidc_vdbs_security_group_rule", object.union({"type": "MySQL", "protocol_name": "TCP", "port": "3306", "source_ip": "10.40.1.0/24"}, values), [])

test_vdbs_source_left_out_is_anywhere if {
	some f in cld_net_01.deny with input.iac as {"resources": [vdbs({})]}
	f.msg == "open"
	f.params.cidr == "source left out (anywhere)"
	f.params.port == 3306
}

test_vdbs_source_anywhere_is_anywhere if {
	some f in cld_net_01.deny with input.iac as {"resources": [vdbs({"source": "Anywhere"})]}
	f.params.cidr == "source = Anywhere"
}

test_vdbs_custom_source_from_the_app_subnet_passes if {
	count(cld_net_01.deny) == 0 with input.iac as {"resources": [vdbs({"source": "custom"})]}
}
