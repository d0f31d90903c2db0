package tuanthu.rules.cry.cry_04_test

import data.tuanthu.rules.cry.cry_04

test_plan_passes if {
	count(cry_04.deny) == 0 with input.descriptor as {"data": {"state_secret": "mat"}, "crypto": {"post_quantum_plan": true}}
}

# The duty is a national body's (KH04 IV.3.c, CT57 3.a): for the owner it is a recommendation.
test_no_plan_is_a_low_recommendation if {
	some f in cry_04.deny with input.descriptor as {"data": {"state_secret": "mat"}, "crypto": {"post_quantum_plan": false}}
	f.msg == "no_plan"
	f.params.grade == "mat"
	f.recommendation == true
	f.severity == "low"
}

test_missing_crypto_is_a_recommendation if {
	some f in cry_04.deny with input.descriptor as {"data": {"state_secret": "mat"}}
	f.msg == "no_plan"
}

# An undeclared fact is unknown, not a violation.
test_undeclared_state_secret_is_unknown if {
	fs := cry_04.deny with input.descriptor as {"data": {}}
	count(fs) == 1
	some f in fs
	f.msg == "undeclared"
	f.status == "unknown"
	not f.recommendation
}

test_no_data_section_is_unknown if {
	some f in cry_04.deny with input.descriptor as {}
	f.msg == "undeclared"
}

test_no_secret_not_applicable if {
	some r in cry_04.not_applicable with input.descriptor as {"data": {"state_secret": "none"}}
	r.code == "no_state_secret"
}
