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
#       Load-balancer listeners on VNG Cloud, Bizfly Cloud, CMC Cloud, FPT Cloud, Viettel IDC and
#       OpenStack serve HTTPS with TLS 1.2 or
#       later, and plain HTTP listeners of a load balancer that is not internal only redirect to
#       HTTPS, judged from the attributes each provider offers (policies/tuanthu/clouds/data.yaml);
#       where a provider sets no TLS version, the descriptor declares the minimum. AWS load balancers
#       are judged by AWS-TLS-01.
#     vi: >-
#       Listener của bộ cân bằng tải trên VNG Cloud, Bizfly Cloud, CMC Cloud, FPT Cloud, Viettel IDC và
#       OpenStack phục vụ HTTPS với TLS 1.2
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
#     declared_against:
#       en: >-
#         Which TLS versions listener {address} allows cannot be shown from the {provider} provider's
#         configuration, and the descriptor declares {field}: "{declared}", below 1.2: this verdict
#         rests on the declaration.
#       vi: >-
#         Cấu hình của nhà cung cấp {provider} không cho thấy listener {address} cho phép những phiên bản
#         TLS nào, và hồ sơ khai báo {field}: "{declared}", dưới 1.2: kết luận này dựa trên khai báo.
#     redirect_unmatched:
#       en: >-
#         Whether a plain HTTP listener of {address} redirects to HTTPS is unknown: {policy} names its
#         listener by an id or an expression that names no listener resource here ({by}: {expression}).
#       vi: >-
#         Chưa biết listener HTTP thường của {address} có chuyển hướng sang HTTPS hay không: {policy} chỉ
#         tới listener bằng mã định danh hoặc biểu thức không trỏ tới tài nguyên listener nào ở đây
#         ({by}: {expression}).
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
#       OpenStack: give TERMINATED_HTTPS listeners tls_versions = ["TLSv1.2", "TLSv1.3"]. VNG Cloud,
#       Bizfly Cloud, CMC Cloud, FPT Cloud and Viettel IDC set no TLS version per listener: confirm the provider's TLS policy allows 1.2 and
#       later, then declare crypto.in_transit.tls_min: "1.2". Make each plain HTTP listener of a public
#       load balancer redirect to HTTPS with an L7 policy (REDIRECT_TO_URL or REDIRECT_PREFIX to
#       https://), or serve HTTPS only.
#     vi: >-
#       OpenStack: đặt tls_versions = ["TLSv1.2", "TLSv1.3"] cho listener TERMINATED_HTTPS. VNG Cloud,
#       Bizfly Cloud, CMC Cloud, FPT Cloud và Viettel IDC không đặt phiên bản TLS cho từng listener: xác nhận chính sách TLS của nhà cung cấp
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

# A listener's protocol (the resource's own, or a nested listener block's) is an expression.
deny contains lib.unknown_finding(r.address, "unknown", params) if {
	some e in concepts.mapped("listener_tls")
	r := e.resource
	some a in protocol_paths(r, e.map)
	iac.unknown(r, a)
	params := {"address": r.address, "attribute": a, "expression": iac.unknown_expression(r, a)}
}

deny contains lib.finding(r.address, "weak_versions", {"address": r.address, "attribute": m.tls_versions, "versions": concat(", ", weak)}) if {
	some l in listeners
	l.protocol in l.map.https
	r := l.resource
	m := l.map
	weak := sort([v | some v in versions(l); upper(v) in {upper(w) | some w in concepts.mapping.weak_tls_versions}])
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
	count(versions(l)) == 0
	not versions_unknown(l)
	r := l.resource
	m := l.map
	concepts.undeclared(m)
	params := {"address": r.address, "provider": m.provider, "field": m.declare, "declared": concepts.declared_text(m)}
}

# No TLS version is set and the descriptor declares a minimum below 1.2: a violation on the declaration.
deny contains lib.finding(r.address, "declared_against", params) if {
	some l in listeners
	l.protocol in l.map.https
	count(versions(l)) == 0
	not versions_unknown(l)
	r := l.resource
	m := l.map
	concepts.declares_against(m)
	params := {"address": r.address, "provider": m.provider, "field": m.declare, "declared": concepts.declared_text(m)}
}

deny contains lib.finding(r.address, "plain_http", {"address": r.address, "protocol": l.protocol}) if {
	some l in listeners
	l.protocol in l.map.http
	r := l.resource
	not is_internal(r, l.map)
	not internal_unknown(r, l.map)
	not redirects(l)
	count(unknown_redirects(l)) == 0
	count(block_unmatched(l)) == 0
}

deny contains lib.unknown_finding(r.address, "unknown", params) if {
	some l in listeners
	l.protocol in l.map.http
	r := l.resource
	not is_internal(r, l.map)
	not redirects(l)
	some [p, a] in unknown_checks(l)
	params := {"address": r.address, "attribute": a, "expression": iac.unknown_expression(p, a)}
}

# A plain HTTP listener in a nested block cannot be named by an L7 policy of this stack; a policy
# of the redirect type that names no listener resource here (an id, a data source) may be its.
deny contains lib.unknown_finding(r.address, "redirect_unmatched", params) if {
	some l in listeners
	l.block
	l.protocol in l.map.http
	r := l.resource
	not is_internal(r, l.map)
	not internal_unknown(r, l.map)
	p := block_unmatched(l)[0]
	by := l.map.redirect.by
	params := {"address": r.address, "policy": p.address, "by": by, "expression": concepts.text(object.get(p.values, by, null))}
}

# --- helpers: the versions an HTTPS listener allows; a plain HTTP one's redirect or internal load balancer ---

# Listeners whose protocol is known, with the protocol in capitals: the resource itself (mapping
# `protocol`, with `protocol_default` when it is left out) and each nested listener block (mapping
# `blocks`: block name to its protocol attribute).
listeners contains {"resource": r, "map": m, "protocol": upper(p), "values": r.values, "block": false} if {
	some e in concepts.mapped("listener_tls")
	r := e.resource
	m := e.map
	not iac.unknown(r, m.protocol)
	p := object.get(r.values, m.protocol, object.get(m, "protocol_default", null))
	is_string(p)
}

listeners contains {"resource": r, "map": m, "protocol": upper(p), "values": v, "block": true} if {
	some e in concepts.mapped("listener_tls")
	r := e.resource
	m := e.map
	some b, a in object.get(m, "blocks", {})
	some i, v in iac.blocks(r.values, b)
	not iac.unknown(r, concat("", [b, ".", format_int(i, 10), ".", a]))
	p := object.get(v, a, null)
	is_string(p)
}

# The dotted paths of every protocol a mapped resource's listeners are decided by.
protocol_paths(r, m) := array.concat(
	[m.protocol | m.protocol],
	[concat("", [b, ".", format_int(i, 10), ".", a]) |
		some b, a in object.get(m, "blocks", {})
		some i, _ in iac.blocks(r.values, b)
	],
)

# The TLS versions a listener sets ([] when the provider has no such attribute or it is left out).
versions(l) := [v | some v in l.values[l.map.tls_versions]; is_string(v)] if {
	l.map.tls_versions
	not versions_unknown(l)
	is_array(l.values[l.map.tls_versions])
} else := []

versions_unknown(l) if {
	iac.unknown_within(l.resource, l.map.tls_versions)
}

# What leaves a plain HTTP listener undecided: its load balancer's internal flag, or the redirect
# URL of an L7 policy on it, is an expression.
unknown_checks(l) := array.concat(
	[[lb, a] | some lb in lbs_of(l.resource, l.map); a := l.map.load_balancer.internal.attribute; iac.unknown(lb, a)],
	array.concat(
		[[l.resource, a] | a := l.map.internal.attribute; not l.map.internal.test.absent; iac.unknown(l.resource, a)],
		unknown_redirects(l),
	),
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

# The listener is its own load balancer (mapping `internal`): the test on one of its attributes.
# An `absent` test holds only for an attribute the configuration leaves out (an expression is set).
is_internal(r, m) if {
	a := m.internal.attribute
	not iac.unknown(r, a)
	concepts.passes(m.internal.test, object.get(r.values, a, null))
}

internal_unknown(r, m) if {
	some lb in lbs_of(r, m)
	iac.unknown(lb, m.load_balancer.internal.attribute)
}

internal_unknown(r, m) if {
	not m.internal.test.absent
	iac.unknown(r, m.internal.attribute)
}

# An L7 policy on the listener redirects to an https:// URL or prefix.
redirects(l) if {
	not l.block
	some p in iac.attached(l.resource, l.map.redirect.type)
	some a in l.map.redirect.url
	u := object.get(p.values, a, null)
	is_string(u)
	not iac.unknown(p, a)
	startswith(lower(trim_space(u)), "https://")
}

unknown_redirects(l) := [[p, a] |
	not l.block
	some p in iac.attached(l.resource, l.map.redirect.type)
	some a in l.map.redirect.url
	iac.unknown(p, a)
]

block_unmatched(l) := [p | l.block; some p in unmatched_policies(l.map)]

# L7 policies of the mapping's redirect type that reference no mapped listener resource.
unmatched_policies(m) := [p |
	some p in iac.of_type(m.redirect.type)
	not names_listener(p)
]

names_listener(p) if {
	some a in p.refs
	some t, _ in concepts.mapping.listener_tls
	startswith(a, concat("", [t, "."]))
}

not_applicable contains {"code": "no_provider", "params": {"provider": concepts.providers_text("listener_tls")}} if not concepts.uses_provider_of("listener_tls")
