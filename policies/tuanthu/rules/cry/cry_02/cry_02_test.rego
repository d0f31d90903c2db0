package tuanthu.rules.cry.cry_02_test

import data.tuanthu.rules.cry.cry_02

personal := {"data": {"state_secret": "none", "personal_subjects": 5000}}

test_encrypted_passes if {
	count(cry_02.deny) == 0 with input.descriptor as object.union(personal, {"crypto": {"at_rest": {"encrypted": true}}})
}

test_not_encrypted_fails if {
	some f in cry_02.deny with input.descriptor as object.union(personal, {"crypto": {"at_rest": {"encrypted": false}}})
	f.msg == "not_encrypted"
}

test_missing_crypto_fails if {
	some f in cry_02.deny with input.descriptor as personal
	f.msg == "not_encrypted"
}

test_no_protected_data_not_applicable if {
	some r in cry_02.not_applicable with input.descriptor as {"data": {"state_secret": "none", "personal_subjects": 0}}
	r.code == "no_protected_data"
}

test_undeclared_data_is_in_scope if {
	count(cry_02.not_applicable) == 0 with input.descriptor as {}
}
