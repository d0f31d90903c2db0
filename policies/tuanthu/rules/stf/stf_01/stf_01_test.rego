package tuanthu.rules.stf.stf_01_test

import data.tuanthu.rules.stf.stf_01

d(scope) := {"vulnerabilities": {"assessment_scope": scope}}

test_staff_assessed_passes if {
	count(stf_01.deny) == 0 with input.descriptor as d(["system", "data", "staff"])
}

test_system_only_fails if {
	some f in stf_01.deny with input.descriptor as d(["system", "data"])
	f.msg == "staff_not_assessed"
}

test_undeclared_is_asked_for if {
	some f in stf_01.deny with input.descriptor as {}
	f.msg == "undeclared"
}
