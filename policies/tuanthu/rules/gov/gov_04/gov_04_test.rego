package tuanthu.rules.gov.gov_04_test

import data.tuanthu.rules.gov.gov_04

all_subjects := ["cybersecurity", "state_secrets_online", "internal_network", "internet_network"]

d(reg) := {"system": {"sector": "civil"}, "governance": {"internal_regulations": reg}}

ok := {"issued": "2025-11-20", "reference": "QĐ-1", "covers": all_subjects}

test_complete_regulation_passes if {
	count(gov_04.deny) == 0 with input.descriptor as d(ok) with input.context.as_of as "2026-01-01"
}

test_undeclared_regulation_fails if {
	some f in gov_04.deny with input.descriptor as {"system": {"sector": "civil"}} with input.context.as_of as "2026-01-01"
	f.msg == "not_issued"
}

# A regulation dated after as_of is not issued on that day (EVD-01 alone reports the date).
test_future_regulation_is_not_issued if {
	fs := gov_04.deny with input.descriptor as d(object.union(ok, {"issued": "2026-02-01"}))
		with input.context.as_of as "2026-01-01"
	[f.msg | some f in fs] == ["not_issued"]
}

test_blank_reference_fails if {
	some f in gov_04.deny with input.descriptor as d(object.union(ok, {"reference": "  "}))
		with input.context.as_of as "2026-01-01"
	f.msg == "no_reference"
}

test_network_rules_missing_fails if {
	some f in gov_04.deny with input.descriptor as d(object.union(ok, {"covers": ["cybersecurity", "state_secrets_online"]}))
		with input.context.as_of as "2026-01-01"
	f.params.missing == ["internal_network", "internet_network"]
}
