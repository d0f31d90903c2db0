package tuanthu.rules.cry.cry_04_test

import data.tuanthu.rules.cry.cry_04

test_plan_passes if {
	count(cry_04.deny) == 0 with input.descriptor as {"data": {"state_secret": "mat"}, "crypto": {"post_quantum_plan": true}}
}

test_no_plan_fails if {
	some f in cry_04.deny with input.descriptor as {"data": {"state_secret": "mat"}, "crypto": {"post_quantum_plan": false}}
	f.msg == "no_plan"
	f.params.grade == "mat"
}

test_missing_crypto_fails if {
	some f in cry_04.deny with input.descriptor as {"data": {"state_secret": "mat"}}
	f.msg == "no_plan"
}

test_no_secret_not_applicable if {
	some r in cry_04.not_applicable with input.descriptor as {"data": {"state_secret": "none"}}
	r.code == "no_state_secret"
}
