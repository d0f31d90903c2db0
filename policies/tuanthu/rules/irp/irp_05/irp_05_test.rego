package tuanthu.rules.irp.irp_05_test

import data.tuanthu.rules.irp.irp_05

d(c) := {"classification": {"level": 3}, "incident_response": {"continuity": c}}

test_standby_site_passes if {
	count(irp_05.deny) == 0 with input.descriptor as d({"standby_site": "DC2", "tested": "2026-08-30"})
		with input.context.as_of as "2026-11-23"
}

test_no_standby_fails if {
	some f in irp_05.deny with input.descriptor as {"classification": {"level": 3}} with input.context.as_of as "2026-11-23"
	f.msg == "no_standby"
}

test_blank_standby_fails if {
	some f in irp_05.deny with input.descriptor as d({"standby_site": " "}) with input.context.as_of as "2026-11-23"
	f.msg == "no_standby"
}

# No test is required; one dated after as_of is EVD-01's to report, not this rule's.
test_future_test_is_not_this_rules_finding if {
	count(irp_05.deny) == 0 with input.descriptor as d({"standby_site": "DC2", "tested": "2026-12-30"})
		with input.context.as_of as "2026-11-23"
}

test_level_2_not_applicable if {
	some r in irp_05.not_applicable with input.descriptor as {"classification": {"level": 2}}
	r.code == "level"
}
