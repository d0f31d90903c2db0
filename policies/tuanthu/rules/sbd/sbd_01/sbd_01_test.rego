package tuanthu.rules.sbd.sbd_01_test

import data.tuanthu.rules.sbd.sbd_01

test_included_passes if {
	count(sbd_01.deny) == 0 with input.descriptor as {"design": {"security_component": {"included": true}}}
}

test_not_included_fails if {
	count(sbd_01.deny) == 1 with input.descriptor as {"design": {"security_component": {"included": false}}}
}

test_missing_design_fails if {
	count(sbd_01.deny) == 1 with input.descriptor as {}
}
