package tuanthu.rules.gov.gov_02_test

import data.tuanthu.rules.gov.gov_02

msgs(unit) := {f.msg | some f in gov_02.deny with input.descriptor as {"system": {"security_unit": unit}}}

test_named_unit_passes if {
	count(msgs({"name": "Phòng ATTT", "contact": "attt@example.gov.vn"})) == 0
}

test_missing_unit_fails if {
	{f.msg | some f in gov_02.deny with input.descriptor as {}} == {"missing"}
}

test_unit_without_contact_fails if {
	msgs({"name": "Phòng ATTT"}) == {"no_contact"}
}
