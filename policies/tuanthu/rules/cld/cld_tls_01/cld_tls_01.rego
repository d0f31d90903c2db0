# METADATA
# scope: package
# custom:
#   id: CLD-TLS-01
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [CRY-01]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "Load-balancer listeners use TLS 1.2 or later (domestic clouds and OpenStack)"
#     vi: "Listener bộ cân bằng tải dùng TLS 1.2 trở lên (đám mây trong nước và OpenStack)"
#   description:
#     en: >-
#       Load-balancer listeners on VNG Cloud, Bizfly Cloud and OpenStack serve HTTPS with TLS 1.2 or
#       later, and plain HTTP listeners of a load balancer that is not internal only redirect to
#       HTTPS, judged from the attributes each provider offers (policies/tuanthu/clouds/data.yaml);
#       where a provider sets no TLS version, the descriptor declares the minimum. AWS load balancers
#       are judged by AWS-TLS-01.
#     vi: >-
#       Listener của bộ cân bằng tải trên VNG Cloud, Bizfly Cloud và OpenStack phục vụ HTTPS với TLS 1.2
#       trở lên; listener HTTP thường của bộ cân bằng tải không phải nội bộ chỉ chuyển hướng sang HTTPS,
#       xét theo thuộc tính mỗi nhà cung cấp có (policies/tuanthu/clouds/data.yaml); nhà cung cấp không
#       đặt được phiên bản TLS thì hồ sơ khai báo phiên bản tối thiểu. Bộ cân bằng tải AWS do AWS-TLS-01 xét.
#   messages:
#     weak_versions:
#       en: "Listener {address} allows TLS below 1.2 ({attribute}: {versions})."
#       vi: "Listener {address} cho phép TLS dưới 1.2 ({attribute}: {versions})."
#     plain_http:
#       en: "Listener {address} serves plain HTTP ({protocol}) and no L7 policy redirects it to HTTPS."
#       vi: "Listener {address} phục vụ HTTP không mã hoá ({protocol}) và không có chính sách L7 nào chuyển hướng sang HTTPS."
#     unknown:
#       en: "Whether listener {address} uses TLS 1.2 or later is unknown until apply ({attribute}: {expression})."
#       vi: "Listener {address} có dùng TLS 1.2 trở lên hay không chỉ biết sau khi apply ({attribute}: {expression})."
#     cannot_show:
#       en: >-
#         Which TLS versions listener {address} allows cannot be shown from the {provider} provider's
#         configuration (no TLS version is set): declare the minimum in the descriptor as {field}: "1.2"
#         or later (now {declared}).
#       vi: >-
#         Không thể chứng minh listener {address} cho phép những phiên bản TLS nào từ cấu hình của nhà
#         cung cấp {provider} (không đặt phiên bản TLS): khai báo phiên bản tối thiểu trong hồ sơ {field}:
#         "1.2" trở lên (hiện tại: {declared}).
#   remediation:
#     en: >-
#       OpenStack: give TERMINATED_HTTPS listeners tls_versions = ["TLSv1.2", "TLSv1.3"]. VNG Cloud and
#       Bizfly Cloud set no TLS version per listener: confirm the provider's TLS policy allows 1.2 and
#       later, then declare crypto.in_transit.tls_min: "1.2". Make each plain HTTP listener of a public
#       load balancer redirect to HTTPS with an L7 policy (REDIRECT_TO_URL or REDIRECT_PREFIX to
#       https://), or serve HTTPS only.
#     vi: >-
#       OpenStack: đặt tls_versions = ["TLSv1.2", "TLSv1.3"] cho listener TERMINATED_HTTPS. VNG Cloud và
#       Bizfly Cloud không đặt phiên bản TLS cho từng listener: xác nhận chính sách TLS của nhà cung cấp
#       chỉ cho phép 1.2 trở lên, rồi khai báo crypto.in_transit.tls_min: "1.2". Listener HTTP thường
#       của bộ cân bằng tải công khai phải chuyển hướng sang HTTPS bằng chính sách L7 (REDIRECT_TO_URL
#       hoặc REDIRECT_PREFIX tới https://), hoặc chỉ phục vụ HTTPS.
#   snippet: |
#     resource "openstack_lb_listener_v2" "https" {
#       protocol     = "TERMINATED_HTTPS"
#       tls_versions = ["TLSv1.2", "TLSv1.3"]
#     }
package tuanthu.rules.cld.cld_tls_01

import data.tuanthu.concepts
import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.unknown_finding(r.address, "unknown", params) if {
	some e in concepts.mapped("listener_tls")
	r := e.resource
	iac.unknown(r, e.map.protocol)
	params := {"address": r.address, "attribute": e.map.protocol, "expression": iac.unknown_expression(r, e.map.protocol)}
}

deny contains lib.finding(r.address, "weak_versions", {"address": r.address, "attribute": m.tls_versions, "versions": concat(", ", weak)}) if {
	some l in listeners
	l.protocol in l.map.https
	r := l.resource
	m := l.map
	weak := sort([v | some v in versions(r, m); upper(v) in {upper(w) | some w in concepts.mapping.weak_tls_versions}])
	count(weak) > 0
}

deny contains lib.unknown_finding(r.address, "unknown", params) if {
	some l in listeners
	l.protocol in l.map.https
	r := l.resource
	iac.unknown_within(r, l.map.tls_versions)
	params := {"address": r.address, "attribute": l.map.tls_versions, "expression": iac.unknown_expression(r, l.map.tls_versions)}
}

deny contains lib.unknown_finding(r.address, "cannot_show", params) if {
	some l in listeners
	l.protocol in l.map.https
	r := l.resource
	m := l.map
	count(versions(r, m)) == 0
	not versions_unknown(r, m)
	not concepts.declares(m)
	params := {"address": r.address, "provider": m.provider, "field": m.declare, "declared": concepts.declared_text(m)}
}

deny contains lib.finding(r.address, "plain_http", {"address": r.address, "protocol": l.protocol}) if {
	some l in listeners
	l.protocol in l.map.http
	r := l.resource
	not is_internal(r, l.map)
	not internal_unknown(r, l.map)
	not redirects(r, l.map)
	count(unknown_redirects(r, l.map)) == 0
}

deny contains lib.unknown_finding(r.address, "unknown", params) if {
	some l in listeners
	l.protocol in l.map.http
	r := l.resource
	not is_internal(r, l.map)
	not redirects(r, l.map)
	some [p, a] in unknown_checks(r, l.map)
	params := {"address": r.address, "attribute": a, "expression": iac.unknown_expression(p, a)}
}

# --- helpers: the versions an HTTPS listener allows; a plain HTTP one's redirect or internal load balancer ---

# Listeners whose protocol is known, with the protocol in capitals.
listeners contains {"resource": e.resource, "map": e.map, "protocol": upper(p)} if {
	some e in concepts.mapped("listener_tls")
	not iac.unknown(e.resource, e.map.protocol)
	p := object.get(e.resource.values, e.map.protocol, null)
	is_string(p)
}

# The TLS versions a listener sets ([] when the provider has no such attribute or it is left out).
versions(r, m) := [v | some v in r.values[m.tls_versions]; is_string(v)] if {
	m.tls_versions
	not versions_unknown(r, m)
	is_array(r.values[m.tls_versions])
} else := []

versions_unknown(r, m) if {
	iac.unknown_within(r, m.tls_versions)
}

# What leaves a plain HTTP listener undecided: its load balancer's internal flag, or the redirect
# URL of an L7 policy on it, is an expression.
unknown_checks(r, m) := array.concat(
	[[lb, m.load_balancer.internal.attribute] | some lb in lbs_of(r, m); iac.unknown(lb, m.load_balancer.internal.attribute)],
	unknown_redirects(r, m),
)

lbs_of(r, m) := [lb |
	m.load_balancer
	some lb in iac.of_type(m.load_balancer.type)
	lb.address in r.refs
]

is_internal(r, m) if {
	some lb in lbs_of(r, m)
	a := m.load_balancer.internal.attribute
	not iac.unknown(lb, a)
	concepts.passes(m.load_balancer.internal.test, object.get(lb.values, a, null))
}

internal_unknown(r, m) if {
	some lb in lbs_of(r, m)
	iac.unknown(lb, m.load_balancer.internal.attribute)
}

# An L7 policy on the listener redirects to an https:// URL or prefix.
redirects(r, m) if {
	some p in iac.attached(r, m.redirect.type)
	some a in m.redirect.url
	u := object.get(p.values, a, null)
	is_string(u)
	not iac.unknown(p, a)
	startswith(lower(trim_space(u)), "https://")
}

unknown_redirects(r, m) := [[p, a] |
	some p in iac.attached(r, m.redirect.type)
	some a in m.redirect.url
	iac.unknown(p, a)
]

not_applicable contains {"code": "no_provider", "params": {"provider": concepts.providers_text("listener_tls")}} if not concepts.uses_provider_of("listener_tls")
