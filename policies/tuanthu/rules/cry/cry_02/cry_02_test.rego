package tuanthu.rules.cry.cry_02_test

import data.tuanthu.rules.cry.cry_02

personal := {"data": {"state_secret": "none", "personal_subjects": 5000}}

secret := {"data": {"state_secret": "mat"}}

test_encrypted_passes if {
	count(cry_02.deny) == 0 with input.descriptor as object.union(secret, {"crypto": {"at_rest": {"encrypted": true}}})
	count(cry_02.deny) == 0 with input.descriptor as object.union(personal, {"crypto": {"at_rest": {"encrypted": true}}})
}

test_secret_not_encrypted_is_a_requirement if {
	some f in cry_02.deny with input.descriptor as object.union(secret, {"crypto": {"at_rest": {"encrypted": false}}})
	f.msg == "not_encrypted"
	not f.recommendation
	not f.severity
}

test_national_database_not_encrypted_is_a_requirement if {
	some f in cry_02.deny with input.descriptor as {"data": {"state_secret": "none", "national_databases": ["land"]}}
	f.msg == "not_encrypted"
}

# Personal data only: beyond the text (KH04 II.2.a item 6 names secret and important data).
test_personal_only_is_a_medium_recommendation if {
	some f in cry_02.deny with input.descriptor as personal
	f.msg == "personal_not_encrypted"
	f.recommendation == true
	f.severity == "medium"
}

test_undeclared_state_secret_is_unknown if {
	fs := cry_02.deny with input.descriptor as {}
	count(fs) == 1
	some f in fs
	f.msg == "undeclared"
	f.status == "unknown"
}

test_no_protected_data_not_applicable if {
	some r in cry_02.not_applicable with input.descriptor as {"data": {"state_secret": "none", "personal_subjects": 0}}
	r.code == "no_protected_data"
}

test_undeclared_data_is_in_scope if {
	count(cry_02.not_applicable) == 0 with input.descriptor as {}
}
