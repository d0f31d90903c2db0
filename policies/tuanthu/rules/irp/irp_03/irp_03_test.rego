package tuanthu.rules.irp.irp_03_test

import data.tuanthu.rules.irp.irp_03

thresholds := {"restore_test_max_age_days": [{"effective_from": "2025-01-01", "value": 365}]}

days := {"2026-05-20": 20593, "2025-05-20": 20228, "2026-11-23": 20780}

msgs(ir) := ms if {
	ms := {f.msg | some f in irp_03.deny} with input as {"descriptor": {"incident_response": ir}, "context": {"as_of": "2026-11-23", "days": days}}
		with data.tuanthu.thresholds as thresholds
}

test_recent_restore_test_passes if {
	count(msgs({"recovery": {"backups": true, "last_restore_test": "2026-05-20"}})) == 0
}

test_no_recovery_plan_fails if {
	msgs({}) == {"no_recovery_plan"}
}

test_no_backups_no_test_fails if {
	msgs({"recovery": {"backups": false}}) == {"no_backups", "no_restore_test"}
}

test_old_restore_test_fails if {
	msgs({"recovery": {"backups": true, "last_restore_test": "2025-05-20"}}) == {"restore_test_stale"}
}
