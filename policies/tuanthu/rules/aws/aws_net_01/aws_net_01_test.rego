package tuanthu.rules.aws.aws_net_01_test

import data.tuanthu.rules.aws.aws_net_01

sg(ingress) := {"address": "aws_security_group.web", "type": "aws_security_group", "values": {"ingress": ingress}, "unknown": [], "refs": []}

ports := [{"port": 22, "service": "SSH"}]

test_https_from_anywhere_passes if {
	count(aws_net_01.deny) == 0 with input.iac as {"resources": [sg([{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}])]}
		with data.tuanthu.iac.admin_db_ports as ports
}

test_ssh_from_anywhere_fails if {
	count(aws_net_01.deny) == 1 with input.iac as {"resources": [sg([{"from_port": 0, "to_port": 100, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}])]}
		with data.tuanthu.iac.admin_db_ports as ports
}

test_all_protocols_fails if {
	count(aws_net_01.deny) == 1 with input.iac as {"resources": [sg([{"from_port": 0, "to_port": 0, "protocol": "-1", "ipv6_cidr_blocks": ["::/0"]}])]}
		with data.tuanthu.iac.admin_db_ports as ports
}
