# METADATA
# description: |
#   Provider-neutral concepts over policies/tuanthu/clouds/data.yaml: which attribute of which
#   resource type shows a concept, and the test its value must pass.
package tuanthu.concepts

import data.tuanthu.iac
import data.tuanthu.lib

mapping := data.tuanthu.clouds

# Resources of the types a concept maps, each with its mapping entry.
mapped(concept) := [{"resource": r, "map": m} |
	some t, m in mapping[concept]
	some r in iac.of_type(t)
]

# A value passes a test of the mapping (equals, one_of, matches, non_empty).
passes(test, v) if v == test.equals

passes(test, v) if v in test.one_of

passes(test, v) if {
	is_string(v)
	regex.match(test.matches, v)
}

# grants_anyone: true holds for a bucket policy (JSON text, S3 syntax) with a statement that allows
# every principal ("*", {"AWS": "*"}) with no condition.
passes(test, v) if {
	test.grants_anyone == true
	is_string(v)
	json.is_valid(v)
	some s in statements(json.unmarshal(v))
	lower(object.get(s, "Effect", "")) == "allow"
	anyone(object.get(s, "Principal", null))
	not s.Condition
}

# absent: true holds for an attribute the configuration leaves out (the provider's default applies).
passes(test, v) if {
	test.absent == true
	v == null
}

passes(test, v) if {
	test.non_empty == true
	is_string(v)
	trim_space(v) != ""
}

# A bucket policy's statements, and a principal that is everyone (for grants_anyone).
statements(doc) := doc.Statement if is_array(doc.Statement)

else := [doc.Statement] if is_object(doc.Statement)

else := []

anyone("*")

anyone(p) if {
	is_object(p)
	some x in as_array(object.get(p, "AWS", []))
	x == "*"
}

as_array(x) := x if is_array(x)

else := [x]

# The value of the mapped attribute, null when the configuration leaves it out.
value(r, m) := object.get(r.values, m.attribute, null)

# The attributes of a row and the test each must pass under `key` (public, encrypted…): the row's
# own attribute, then those listed in `also` (CMC Cloud's database: is_public and enable_public_ip).
checks(m, key) := array.concat(
	[{"attribute": m.attribute, "test": m[key]}],
	[{"attribute": a.attribute, "test": a[key]} | some a in object.get(m, "also", [])],
)

# The descriptor declares the field (a dotted path) true.
declared(field) if object.get(lib.d, split(field, "."), null) == true

# The descriptor declares a mapping's field: true, or a value that passes the mapping's `declared`
# test (crypto.in_transit.tls_min one of "1.2", "1.3").
declares(m) if {
	not m.declared
	declared(m.declare)
}

declares(m) if passes(m.declared, object.get(lib.d, split(m.declare, "."), null))

# The descriptor declares a mapping's field against the concept: false, or a value that fails the
# mapping's `declared` test (crypto.in_transit.tls_min "1.0"). The verdict then rests on the
# declaration: a violation, not "declare it".
declares_against(m) if {
	not m.declared
	object.get(lib.d, split(m.declare, "."), null) == false
}

declares_against(m) if {
	m.declared
	v := object.get(lib.d, split(m.declare, "."), null)
	v != null
	not passes(m.declared, v)
}

# Neither way: the descriptor leaves the field out, so "cannot be shown: declare it".
undeclared(m) if {
	m.declare
	not declares(m)
	not declares_against(m)
}

# The declared value as text for a message ("not declared" when left out).
declared_text(m) := text(v) if {
	v := object.get(lib.d, split(m.declare, "."), null)
	v != null
} else := "not declared"

# A value as text for a message.
text(v) := v if is_string(v)

else := json.marshal(v)

# The providers a concept's mapping names, and whether the stack uses one of them.
providers_of(concept) := {m.provider | some m in mapping[concept]}

uses_provider_of(concept) if {
	some p in object.get(input, ["iac", "providers"], [])
	p in providers_of(concept)
}

# For the "no_provider" reason: the providers a concept can judge, in order.
providers_text(concept) := concat(", ", sort(providers_of(concept)))

# --- CLD-NET-01: inbound rules, whatever a provider calls their attributes ---

# Each inbound rule of a mapped resource: its dotted path prefix ("" or "ingress.0."), its values.
inbound(concept) := [{"resource": e.resource, "map": e.map, "prefix": p, "rule": v} |
	some e in mapped(concept)
	some [p, v] in rule_blocks(e.resource, e.map)
	is_inbound(e.map, v)
]

rule_blocks(r, m) := [["", r.values]] if not m.block

else := [[concat("", [m.block, ".", format_int(i, 10), "."]), b] | some i, b in iac.blocks(r.values, m.block)]

is_inbound(m, _) if not m.direction

is_inbound(m, v) if lower(object.get(v, m.direction.attribute, "")) == lower(m.direction.inbound)

# The rule allows traffic: the mapping names no action attribute, or the rule's action (its
# default when left out) is the one that allows.
allows(m, _) if not m.allow

allows(m, v) if lower(object.get(v, m.allow.attribute, object.get(m.allow, "default", m.allow.value))) == lower(m.allow.value)

# The sources of a rule: its cidr attribute holds one range or a list of them.
sources(m, v) := [s | some s in v[m.cidr]; is_string(s)] if is_array(v[m.cidr])

else := [v[m.cidr]] if is_string(v[m.cidr])

else := []

# The sources of a rule that mean the whole Internet: its ranges that do, and its source type
# (mapping `source_type`: Viettel IDC's VDBS `source`, "anywhere" when left out) when that does,
# whatever range the rule also names.
open_sources(m, v) := array.concat([s | some s in sources(m, v); anywhere(m, s)], type_anywhere(m, v))

type_anywhere(m, v) := [sprintf("%s = %s", [m.source_type.attribute, t])] if {
	t := v[m.source_type.attribute]
	is_string(t)
	lower(trim_space(t)) in {lower(w) | some w in m.source_type.anywhere}
} else := [sprintf("%s left out (%s)", [m.source_type.attribute, m.source_type.default])] if {
	object.get(v, m.source_type.attribute, null) == null
	lower(m.source_type.default) in {lower(w) | some w in m.source_type.anywhere}
} else := []

# The whole Internet: 0.0.0.0/0, ::/0, and the words a provider uses for it (mapping `anywhere`).
anywhere(_, s) if s in {"0.0.0.0/0", "::/0"}

anywhere(m, s) if upper(s) in {upper(w) | some w in object.get(m, "anywhere", [])}

# The port range of a rule as [from, to]; every port when the mapping or the rule leaves it out.
ports(m, v) := [to_number(v[m.port_min]), to_number(v[m.port_max])] if {
	m.port_min
	v[m.port_min] != null
	v[m.port_max] != null
} else := range_of(v[m.port_range]) if {
	m.port_range
	is_string(v[m.port_range])
	trim_space(v[m.port_range]) != ""
	not every_port_word(m, v[m.port_range])
} else := range_of(named(m, v).port) if {
	named(m, v).port
} else := [0, 65535]

# A rule typed by name (mapping `named`: Viettel IDC's rule_type "SSH", "All UDP"…): the port and
# protocol that name stands for, used when the rule leaves its own port or protocol out.
named(m, v) := m.named.types[upper(trim_space(v[m.named.attribute]))] if is_string(v[m.named.attribute])

# A port-range word meaning every port (mapping `any_port`, e.g. FPT Cloud's "ALL").
every_port_word(m, s) if upper(trim_space(s)) in {upper(w) | some w in object.get(m, "any_port", [])}

range_of(s) := [to_number(a), to_number(b)] if {
	[a, b] := split(trim_space(s), "-")
} else := [to_number(trim_space(s)), to_number(trim_space(s))]

carries_tcp(m, v) if lower(protocol_of(m, v)) in {lower(p) | some p in mapping.tcp_protocols}

carries_tcp(m, v) if object.get(v, m.protocol, "") == null

# The rule's protocol: its own attribute, else the one its named type stands for, else "" (any).
protocol_of(m, v) := v[m.protocol] if {
	is_string(v[m.protocol])
	trim_space(v[m.protocol]) != ""
} else := named(m, v).protocol if {
	named(m, v).protocol
} else := object.get(v, m.protocol, "")

# The attributes of a rule that decide it, by dotted path, for unknown-until-apply.
rule_paths(m, prefix) := [concat("", [prefix, a]) |
	some a in [
		m.cidr, object.get(m, "port_min", null), object.get(m, "port_max", null), object.get(m, "port_range", null),
		m.protocol, object.get(m, ["allow", "attribute"], null), object.get(m, ["named", "attribute"], null),
		object.get(m, ["source_type", "attribute"], null),
	]
	a != null
]
