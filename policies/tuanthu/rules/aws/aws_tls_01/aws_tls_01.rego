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
#     en: "Load-balancer listeners use HTTPS/TLS with a TLS 1.2+ security policy; plain HTTP only redirects to HTTPS."
#     vi: "Listener của bộ cân bằng tải dùng HTTPS/TLS với chính sách TLS 1.2 trở lên; HTTP thường chỉ chuyển hướng sang HTTPS."
#   messages:
#     weak_policy:
#       en: "Listener {address} uses security policy {policy}, which allows TLS below 1.2."
#       vi: "Listener {address} dùng chính sách {policy}, cho phép TLS dưới 1.2."
#     plain_http:
#       en: "Listener {address} serves plain HTTP instead of redirecting to HTTPS."
#       vi: "Listener {address} phục vụ HTTP không mã hoá thay vì chuyển hướng sang HTTPS."
#   remediation:
#     en: >-
#       Use protocol HTTPS with ssl_policy ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+
#       policy); make port-80 listeners redirect to HTTPS.
#     vi: >-
#       Dùng giao thức HTTPS với ssl_policy ELBSecurityPolicy-TLS13-1-2-2021-06 (hoặc chính sách TLS
#       1.2+ khác); listener cổng 80 chỉ chuyển hướng sang HTTPS.
#   snippet: |
#     resource "aws_lb_listener" "https" {
#       protocol   = "HTTPS"
#       ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#     }
package tuanthu.rules.aws.aws_tls_01

import data.tuanthu.iac
import data.tuanthu.lib

types := {"aws_lb_listener", "aws_alb_listener"}

listeners contains r if {
	some r in iac.resources
	r.type in types
}

deny contains lib.finding(r.address, "weak_policy", {"address": r.address, "policy": policy(r)}) if {
	some r in listeners
	r.values.protocol in {"HTTPS", "TLS"}
	not iac.unknown(r, "ssl_policy")
	not strong(policy(r))
}

deny contains lib.finding(r.address, "plain_http", {"address": r.address}) if {
	some r in listeners
	r.values.protocol == "HTTP"
	not redirects(r)
}

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
