# METADATA
# scope: package
# custom:
#   id: CLD-NET-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [SBD-01]
#   clauses: ["CT57:2.c", "CT57:1.d", "KH04:IV.3.b(i)"]
#   title:
#     en: "No administrative or database port open to the Internet (domestic clouds and OpenStack)"
#     vi: "Không mở cổng quản trị hoặc cơ sở dữ liệu ra Internet (đám mây trong nước và OpenStack)"
#   description:
#     en: >-
#       No security-group or firewall rule on VNG Cloud, Bizfly Cloud, CMC Cloud, FPT Cloud, Viettel IDC or OpenStack lets 0.0.0.0/0 or
#       ::/0 reach an administrative or database port (policies/tuanthu/iac/data.yaml), read through
#       each provider's attribute names (policies/tuanthu/clouds/data.yaml). AWS is judged by AWS-NET-01.
#     vi: >-
#       Không quy tắc nhóm bảo mật hay tường lửa nào trên VNG Cloud, Bizfly Cloud, CMC Cloud, FPT Cloud, Viettel IDC hoặc OpenStack cho
#       0.0.0.0/0 hoặc ::/0 truy cập cổng quản trị hoặc cơ sở dữ liệu (policies/tuanthu/iac/data.yaml),
#       đọc theo tên thuộc tính của từng nhà cung cấp (policies/tuanthu/clouds/data.yaml). AWS do AWS-NET-01 xét.
#   messages:
#     open:
#       en: "{address} lets {cidr} reach port {port} ({service})."
#       vi: "{address} cho phép {cidr} truy cập cổng {port} ({service})."
#     unknown:
#       en: "Whether {address} lets the whole Internet reach an administration or database port is unknown until apply ({attribute}: {expression})."
#       vi: "{address} có cho phép toàn bộ Internet truy cập cổng quản trị hoặc cơ sở dữ liệu hay không chỉ biết sau khi apply ({attribute}: {expression})."
#   remediation:
#     en: >-
#       Restrict the rule's source (remote_ip_prefix, cidr, cidrs, sources, source_ip; not ALL) to the administration network or a
#       VPN/bastion range, or remove it; reach databases only from the application's private network.
#     vi: >-
#       Giới hạn nguồn của quy tắc (remote_ip_prefix, cidr, cidrs, sources, source_ip; không dùng ALL) trong dải mạng quản trị hoặc VPN/bastion,
#       hoặc bỏ quy tắc; chỉ cho phép mạng riêng của ứng dụng truy cập cơ sở dữ liệu.
#   snippet: |
#     resource "openstack_networking_secgroup_rule_v2" "ssh" {
#       direction        = "ingress"
#       protocol         = "tcp"
#       port_range_min   = 22
#       port_range_max   = 22
#       remote_ip_prefix = "10.10.0.0/24" # administration network only
#     }
package tuanthu.rules.cld.cld_net_01

import data.tuanthu.concepts
import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(r.address, "open", {"address": r.address, "cidr": src, "port": p.port, "service": p.service}) if {
	some x in concepts.inbound("admin_exposure")
	not decided_later(x)
	concepts.allows(x.map, x.rule)
	some src in concepts.open_sources(x.map, x.rule)
	concepts.carries_tcp(x.map, x.rule)
	[from, to] := concepts.ports(x.map, x.rule)
	some p in iac.admin_db_ports
	from <= p.port
	p.port <= to
	r := x.resource
}

# A rule whose source, ports, protocol or action is set from an expression (a list of sources: any
# of its items) is decided at apply.
deny contains lib.unknown_finding(r.address, "unknown", {"address": r.address, "attribute": path, "expression": iac.unknown_expression(r, path)}) if {
	some x in concepts.inbound("admin_exposure")
	r := x.resource
	path := min([a | some a in concepts.rule_paths(x.map, x.prefix); iac.unknown_within(r, a)])
}

decided_later(x) if {
	some a in concepts.rule_paths(x.map, x.prefix)
	iac.unknown_within(x.resource, a)
}

not_applicable contains {"code": "no_provider", "params": {"provider": concepts.providers_text("admin_exposure")}} if not concepts.uses_provider_of("admin_exposure")
