package tuanthu.rules.cry.cry_03_test

import data.tuanthu.rules.cry.cry_03

secret(p) := {"data": {"state_secret": "toi_mat"}, "crypto": {"state_secret_protection": p}}

msgs(d) := {f.msg | some f in found} if {
	found := cry_03.deny with input.descriptor as d
}

test_protected_passes if {
	count(msgs(secret({"cipher_products": true, "specialised_network": true}))) == 0
}

test_both_missing_fail if {
	msgs(secret({})) == {"no_cipher_products", "no_specialised_network"}
}

test_grade_in_params if {
	some f in cry_03.deny with input.descriptor as secret({"cipher_products": true})
	f.params.grade == "toi_mat"
}

test_none_not_applicable if {
	some r in cry_03.not_applicable with input.descriptor as {"data": {"state_secret": "none"}}
	r.code == "no_state_secret"
}

test_undeclared_is_in_scope if {
	count(cry_03.not_applicable) == 0 with input.descriptor as {"data": {}}
	some f in cry_03.deny with input.descriptor as {"data": {}}
	f.params.grade == "undeclared"
}
