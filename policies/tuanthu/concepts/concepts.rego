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

passes(test, v) if {
	test.non_empty == true
	is_string(v)
	trim_space(v) != ""
}

# The value of the mapped attribute, null when the configuration leaves it out.
value(r, m) := object.get(r.values, m.attribute, null)

# The descriptor declares the field (a dotted path) true.
declared(field) if object.get(lib.d, split(field, "."), null) == true

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
