package tuanthu.rules.sbd.sbd_04_test

import data.tuanthu.rules.sbd.sbd_04

msgs(facts) := {f.msg | some f in sbd_04.deny with input.descriptor as {"data": facts}}

test_no_production_data_passes if {
	count(msgs({"sensitive_personal": true, "production_data_in_test": false})) == 0
}

test_production_data_fails if {
	msgs({"sensitive_personal": true, "production_data_in_test": true}) == {"production_data"}
}

test_undeclared_fails if {
	msgs({"state_secret": "mat"}) == {"undeclared"}
}

test_no_sensitive_data_not_applicable if {
	some r in sbd_04.not_applicable with input.descriptor as {"data": {"state_secret": "none", "sensitive_personal": false}}
	r.code == "no_sensitive_data"
}

test_unknown_sensitivity_is_in_scope if {
	count(sbd_04.not_applicable) == 0 with input.descriptor as {"data": {"state_secret": "none"}}
}
