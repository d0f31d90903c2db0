package tuanthu.rules.idn.idn_01_test

import data.tuanthu.rules.idn.idn_01

test_vneid_passes if {
	count(idn_01.deny) == 0 with input.descriptor as {"system": {"citizen_facing": true}, "identity": {"citizen_login": "vneid"}}
}

test_other_login_fails if {
	some f in idn_01.deny with input.descriptor as {"system": {"citizen_facing": true}, "identity": {"citizen_login": "other"}}
	f.params.login == "other"
}

test_missing_identity_fails if {
	some f in idn_01.deny with input.descriptor as {"system": {"citizen_facing": true}}
	f.params.login == "none"
}

test_internal_system_not_applicable if {
	some r in idn_01.not_applicable with input.descriptor as {"system": {"citizen_facing": false}}
	r.code == "no_citizen_service"
}

test_public_service_keeps_it_in_scope if {
	count(idn_01.not_applicable) == 0 with input.descriptor as {"system": {"citizen_facing": false, "online_public_service_level": 2}}
}

test_undeclared_is_in_scope if {
	count(idn_01.not_applicable) == 0 with input.descriptor as {"system": {}}
}
