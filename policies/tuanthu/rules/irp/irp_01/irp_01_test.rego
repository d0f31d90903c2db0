package tuanthu.rules.irp.irp_01_test

import data.tuanthu.rules.irp.irp_01

thresholds := {"incident_plan_max_age_days": [{"effective_from": "2025-01-01", "value": 365}]}

days := {"2026-01-10": 20463, "2025-03-01": 20148, "2026-11-23": 20780}

findings(ir) := fs if {
	fs := {f | some f in irp_01.deny} with input as {"descriptor": {"incident_response": ir}, "context": {"as_of": "2026-11-23", "days": days}}
		with data.tuanthu.thresholds as thresholds
}

test_recent_plan_passes if {
	count(findings({"plan_updated": "2026-01-10"})) == 0
}

test_no_plan_fails if {
	{f.msg | some f in findings({})} == {"no_plan"}
}

test_old_plan_fails_with_days if {
	some f in findings({"plan_updated": "2025-03-01"})
	f.msg == "stale"
	f.params.days == 632
}
