# METADATA
# scope: package
# custom:
#   id: AWS-TLS-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [CRY-01]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "Load balancers use TLS 1.2 or later"
#     vi: "Bộ cân bằng tải dùng TLS 1.2 trở lên"
#   description:
#     en: "Load-balancer listeners (Application, Network and Classic Load Balancers) use HTTPS/TLS with a TLS 1.2+ security policy; plain HTTP only redirects to HTTPS."
#     vi: "Listener của bộ cân bằng tải (Application, Network và Classic Load Balancer) dùng HTTPS/TLS với chính sách TLS 1.2 trở lên; HTTP thường chỉ chuyển hướng sang HTTPS."
#   messages:
#     weak_policy:
#       en: "Listener {address} uses security policy {policy}, which allows TLS below 1.2."
#       vi: "Listener {address} dùng chính sách {policy}, cho phép TLS dưới 1.2."
#     plain_http:
#       en: "Listener {address} serves plain HTTP instead of redirecting to HTTPS."
#       vi: "Listener {address} phục vụ HTTP không mã hoá thay vì chuyển hướng sang HTTPS."
#     classic_weak:
#       en: "Classic load balancer {address} listens on port {port} with security policy {policy}, which allows TLS below 1.2."
#       vi: "Classic Load Balancer {address} nghe cổng {port} với chính sách {policy}, cho phép TLS dưới 1.2."
#     classic_http:
#       en: "Classic load balancer {address} serves plain HTTP on port {port}; a Classic Load Balancer cannot redirect to HTTPS."
#       vi: "Classic Load Balancer {address} phục vụ HTTP không mã hoá ở cổng {port}; Classic Load Balancer không chuyển hướng được sang HTTPS."
#     unknown:
#       en: "Whether listener {address} uses TLS 1.2 or later is unknown until apply ({expression}); check the applied configuration."
#       vi: "Listener {address} có dùng TLS 1.2 trở lên hay không chỉ biết sau khi apply ({expression}); cần kiểm tra lại sau khi triển khai."
#   remediation:
#     en: >-
#       Use protocol HTTPS with ssl_policy ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+
#       policy); make port-80 listeners redirect to HTTPS. For a Classic Load Balancer attach an
#       aws_load_balancer_policy with Reference-Security-Policy ELBSecurityPolicy-TLS-1-2-2017-01 to
#       each HTTPS/SSL listener (aws_load_balancer_listener_policy), or move to an Application Load Balancer.
#     vi: >-
#       Dùng giao thức HTTPS với ssl_policy ELBSecurityPolicy-TLS13-1-2-2021-06 (hoặc chính sách TLS
#       1.2+ khác); listener cổng 80 chỉ chuyển hướng sang HTTPS. Với Classic Load Balancer, gắn
#       aws_load_balancer_policy có Reference-Security-Policy ELBSecurityPolicy-TLS-1-2-2017-01 cho
#       từng listener HTTPS/SSL (aws_load_balancer_listener_policy), hoặc chuyển sang Application Load Balancer.
#   snippet: |
#     resource "aws_lb_listener" "https" {
#       protocol   = "HTTPS"
#       ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#     }
package tuanthu.rules.aws.aws_tls_01

import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(r.address, "weak_policy", {"address": r.address, "policy": policy(r)}) if {
	some r in listeners
	r.values.protocol in {"HTTPS", "TLS"}
	not iac.unknown_within(r, "ssl_policy")
	not strong(policy(r))
}

deny contains lib.finding(r.address, "plain_http", {"address": r.address}) if {
	some r in listeners
	r.values.protocol == "HTTP"
	not redirects(r)
	not iac.unknown_path(r, action_pattern)
}

# The protocol, the policy of an HTTPS/TLS listener, or the action of an HTTP one is an expression
# (a target group's ARN inside a forward action is not: it does not decide the protocol).
deny contains lib.unknown_finding(r.address, "unknown", {"address": r.address, "expression": iac.expression_at(r, u)}) if {
	some r in listeners
	u := iac.unknown_path(r, `^protocol$`)
}

deny contains lib.unknown_finding(r.address, "unknown", {"address": r.address, "expression": iac.unknown_expression(r, "ssl_policy")}) if {
	some r in listeners
	r.values.protocol in {"HTTPS", "TLS"}
	iac.unknown_within(r, "ssl_policy")
}

deny contains lib.unknown_finding(r.address, "unknown", {"address": r.address, "expression": iac.expression_at(r, u)}) if {
	some r in listeners
	r.values.protocol == "HTTP"
	not redirects(r)
	u := iac.unknown_path(r, action_pattern)
}

deny contains lib.finding(l.elb.address, "classic_weak", {"address": l.elb.address, "port": port_text(l.port), "policy": p}) if {
	some l in classic_listeners
	l.protocol in {"HTTPS", "SSL"}
	not classic_unknown(l)
	not classic_strong(l)
	p := classic_policy_name(l)
}

deny contains lib.finding(l.elb.address, "classic_http", {"address": l.elb.address, "port": port_text(l.port)}) if {
	some l in classic_listeners
	l.protocol == "HTTP"
}

# The listeners, or one's protocol, are an expression.
deny contains lib.unknown_finding(e.address, "unknown", {"address": e.address, "expression": iac.expression_at(e, u)}) if {
	some e in iac.of_type("aws_elb")
	u := iac.unknown_path(e, `^listener(\.[0-9]+(\.lb_protocol)?)?$`)
}

# The policies of an HTTPS/SSL port are named by an expression that names no policy resource here.
deny contains lib.unknown_finding(l.elb.address, "unknown", {"address": l.elb.address, "expression": iac.unknown_expression(lp, "policy_names")}) if {
	some l in classic_listeners
	l.protocol in {"HTTPS", "SSL"}
	classic_unknown(l)
	some lp in port_policies(l)
	iac.unknown_within(lp, "policy_names")
}

types := {"aws_lb_listener", "aws_alb_listener"}

listeners contains r if {
	some r in iac.resources
	r.type in types
}

action_pattern := `^default_action(\.[0-9]+)?(\.type|\.redirect(\.[0-9]+)?(\.protocol)?)?$`

# Without ssl_policy AWS applies ELBSecurityPolicy-2016-08, which allows TLS 1.0.
policy(r) := r.values.ssl_policy if is_string(r.values.ssl_policy)

policy(r) := "ELBSecurityPolicy-2016-08" if not has_string(r.values, "ssl_policy")

has_string(obj, key) if is_string(obj[key])

strong(p) if {
	some prefix in iac.elb_tls12_policy_prefixes
	startswith(p, prefix)
}

redirects(r) if {
	actions := iac.blocks(r.values, "default_action")
	count(actions) > 0
	every a in actions {
		a.type == "redirect"
		some rd in iac.blocks(a, "redirect")
		rd.protocol == "HTTPS"
	}
}

# --- Classic Load Balancers (aws_elb): listener blocks, policies attached per port ---

classic_listeners contains {"elb": e, "port": l.lb_port, "protocol": upper(l.lb_protocol)} if {
	some e in iac.of_type("aws_elb")
	some l in classic_blocks(e)
	is_string(l.lb_protocol)
	not contains(l.lb_protocol, "${")
}

classic_blocks(e) := [] if iac.unknown(e, "listener")

else := iac.blocks(e.values, "listener")

# The listener policies attached to this port of this load balancer.
port_policies(l) := [lp |
	some lp in iac.attached(l.elb, "aws_load_balancer_listener_policy")
	port_text(lp.values.load_balancer_port) == port_text(l.port)
]

# The SSL negotiation policies those listener policies name (by reference).
classic_policies(l) := [p |
	some lp in port_policies(l)
	some a in lp.refs
	some p in iac.of_type("aws_load_balancer_policy")
	p.address == a
]

classic_unknown(l) if {
	count(classic_policies(l)) == 0
	some lp in port_policies(l)
	iac.unknown_within(lp, "policy_names")
}

classic_strong(l) if {
	some p in classic_policies(l)
	classic_policy_strong(p)
}

# A predefined policy by reference, or a custom one that enables TLS 1.2 and none below it.
classic_policy_strong(p) if {
	some a in iac.blocks(p.values, "policy_attribute")
	a.name == "Reference-Security-Policy"
	strong(a.value)
}

classic_policy_strong(p) if {
	attrs := iac.blocks(p.values, "policy_attribute")
	not enables_old_protocol(attrs)
	some on in attrs
	on.name == "Protocol-TLSv1.2"
	lower(sprintf("%v", [on.value])) == "true"
}

enables_old_protocol(attrs) if {
	some a in attrs
	a.name in {"Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"}
	lower(sprintf("%v", [a.value])) == "true"
}

# Without a policy on the port, AWS applies ELBSecurityPolicy-2016-08 (TLS 1.0 and up).
classic_policy_name(l) := "ELBSecurityPolicy-2016-08" if count(classic_policies(l)) == 0

else := concat(", ", sort([classic_policy_label(p) | some p in classic_policies(l)]))

classic_policy_label(p) := a.value if {
	some a in iac.blocks(p.values, "policy_attribute")
	a.name == "Reference-Security-Policy"
} else := object.get(p.values, "policy_name", p.address)

port_text(p) := sprintf("%v", [p])
