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

test_legacy_system_without_component_is_not_applicable if {
	x := {"lifecycle": {"investment_decision": "2025-09-26"}, "design": {}}
	some r in sbd_01.not_applicable with input.descriptor as x
	r.params == {"designed": "2025-09-26", "directive": "2025-09-27", "document": "06-TB/CQTTBCĐ"}
}

test_legacy_system_with_component_passes if {
	x := {"lifecycle": {"build_start": "2024-03-01"}, "design": {"security_component": {"included": true}}}
	count(sbd_01.not_applicable) == 0 with input.descriptor as x
	count(sbd_01.deny) == 0 with input.descriptor as x
}

test_designed_on_the_day_is_judged if {
	x := {"lifecycle": {"investment_decision": "2025-09-27"}, "design": {}}
	count(sbd_01.not_applicable) == 0 with input.descriptor as x
	count(sbd_01.deny) == 1 with input.descriptor as x
}
