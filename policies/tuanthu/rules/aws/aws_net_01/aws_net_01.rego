# METADATA
# scope: package
# custom:
#   id: AWS-NET-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [SBD-01]
#   clauses: ["CT57:2.c", "CT57:1.d", "KH04:IV.3.b(i)"]
#   title:
#     en: "No administrative or database port open to the Internet"
#     vi: "Không mở cổng quản trị hoặc cơ sở dữ liệu ra Internet"
#   description:
#     en: "No security group lets 0.0.0.0/0 or ::/0 reach an administrative or database port (list in policies/tuanthu/iac/data.yaml)."
#     vi: "Không nhóm bảo mật nào cho 0.0.0.0/0 hoặc ::/0 truy cập cổng quản trị hoặc cơ sở dữ liệu."
#   messages:
#     open:
#       en: "{address} lets {cidr} reach port {port} ({service})."
#       vi: "{address} cho phép {cidr} truy cập cổng {port} ({service})."
#     unknown:
#       en: "Whether {address} lets the whole Internet reach an administration or database port is unknown until apply ({expression})."
#       vi: "{address} có cho phép toàn bộ Internet truy cập cổng quản trị hoặc cơ sở dữ liệu hay không chỉ biết sau khi apply ({expression})."
#   remediation:
#     en: >-
#       Restrict the rule to the administration network or a VPN/bastion range, or remove it; reach
#       databases only from the application subnets.
#     vi: >-
#       Giới hạn quy tắc trong dải mạng quản trị hoặc VPN/bastion, hoặc bỏ quy tắc; chỉ cho phép mạng
#       con ứng dụng truy cập cơ sở dữ liệu.
#   snippet: |
#     resource "aws_vpc_security_group_ingress_rule" "ssh" {
#       cidr_ipv4   = "10.10.0.0/24" # administration network only
#       from_port   = 22
#       to_port     = 22
#       ip_protocol = "tcp"
#     }
package tuanthu.rules.aws.aws_net_01

import data.tuanthu.iac
import data.tuanthu.lib

world := {"0.0.0.0/0", "::/0"}

# Ingress rules in their three Terraform forms, as {from, to, protocol, cidrs}.
ingress contains {"address": r.address, "from": i.from_port, "to": i.to_port, "protocol": i.protocol, "cidrs": cidrs(i)} if {
	some r in iac.of_type("aws_security_group")
	some i in iac.blocks(r.values, "ingress")
}

ingress contains {"address": r.address, "from": v.from_port, "to": v.to_port, "protocol": v.protocol, "cidrs": cidrs(v)} if {
	some r in iac.of_type("aws_security_group_rule")
	v := r.values
	v.type == "ingress"
}

ingress contains {
	"address": r.address,
	"from": object.get(v, "from_port", 0),
	"to": object.get(v, "to_port", 65535),
	"protocol": v.ip_protocol,
	"cidrs": [c | some k in ["cidr_ipv4", "cidr_ipv6"]; c := v[k]],
} if {
	some r in iac.of_type("aws_vpc_security_group_ingress_rule")
	v := r.values
}

# CDKTF writes absent lists as null; a list written as one expression (var.cidrs) is kept as that string.
cidrs(i) := array.concat(cidr_list(object.get(i, "cidr_blocks", [])), cidr_list(object.get(i, "ipv6_cidr_blocks", [])))

cidr_list(x) := x if is_array(x)

cidr_list(x) := [x] if is_string(x)

cidr_list(null) := []

expression(v) if {
	is_string(v)
	contains(v, "${")
}

all_protocols := {"-1", "all", -1}

covers(rule, _) if rule.protocol in all_protocols

covers(rule, port) if {
	not rule.protocol in all_protocols
	rule.from <= port
	port <= rule.to
}

deny contains lib.finding(rule.address, "open", {"address": rule.address, "cidr": cidr, "port": format_int(p.port, 10), "service": p.service}) if {
	some rule in ingress
	some cidr in rule.cidrs
	cidr in world
	some p in iac.admin_db_ports
	covers(rule, p.port)
}

# A source range, or the ports of a rule open to the world, written as an expression: only apply knows.
deny contains lib.unknown_finding(rule.address, "unknown", {"address": rule.address, "expression": e}) if {
	some rule in ingress
	not known_open(rule)
	e := min(unknown_parts(rule))
}

unknown_parts(rule) := {c |
	some c in rule.cidrs
	expression(c)
	some p in iac.admin_db_ports
	covers(rule, p.port)
} | {x |
	some cidr in rule.cidrs
	cidr in world
	not rule.protocol in all_protocols
	some x in [rule.from, rule.to]
	expression(x)
}

known_open(rule) if {
	some cidr in rule.cidrs
	cidr in world
	some p in iac.admin_db_ports
	covers(rule, p.port)
}
