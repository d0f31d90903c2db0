package tuanthu.rules.irp.irp_04_test

import data.tuanthu.rules.irp.irp_04

thresholds := {"drill_max_age_days": [{"effective_from": "2025-01-01", "value": 365}]}

days := {"2026-06-01": 20605, "2025-06-01": 20240, "2026-11-23": 20780}

findings(ir) := fs if {
	fs := {f | some f in irp_04.deny} with input as {"descriptor": {"incident_response": ir}, "context": {"as_of": "2026-11-23", "days": days}}
		with data.tuanthu.thresholds as thresholds
}

test_recent_drill_passes if {
	count(findings({"last_drill": "2026-06-01"})) == 0
}

test_no_drill_fails if {
	{f.msg | some f in findings({})} == {"no_drill"}
}

test_old_drill_fails_with_days if {
	some f in findings({"last_drill": "2025-06-01"})
	f.msg == "stale"
	f.params.days == 540
}
