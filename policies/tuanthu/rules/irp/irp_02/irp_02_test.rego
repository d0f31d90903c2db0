package tuanthu.rules.irp.irp_02_test

import data.tuanthu.rules.irp.irp_02

thresholds := {"incident_report_max_hours": [{"effective_from": "2026-01-05", "value": 24}]}

msgs(ir) := ms if {
	ms := {f.msg | some f in irp_02.deny} with input as {"descriptor": {"incident_response": ir}, "context": {"as_of": "2026-11-23"}}
		with data.tuanthu.thresholds as thresholds
}

test_24_hours_passes if {
	count(msgs({"report_within_hours": 24})) == 0
}

test_48_hours_fails if {
	msgs({"report_within_hours": 48}) == {"too_slow"}
}

test_undeclared_fails if {
	msgs({}) == {"undeclared"}
}

# 04-KH/BCĐTW V.1.m item 7 excepts military, defence and cipher systems from the Public Security channel.
test_defence_exempt if {
	some r in irp_02.not_applicable with input.descriptor as {"system": {"sector": "defence"}, "incident_response": {}}
	r.code == "sector"
}

test_civil_in_scope if {
	count(irp_02.not_applicable) == 0 with input.descriptor as {"system": {"sector": "civil"}}
}
