package tuanthu.rules.sbd.sbd_02_test

import data.tuanthu.rules.sbd.sbd_02

d(sc, start) := {"design": {"security_component": sc}, "lifecycle": {"build_start": start}}

msgs(x) := {f.msg | some f in sbd_02.deny with input.descriptor as x}

test_in_order_passes if {
	count(msgs(d({"appraised": "2025-08-01", "approved": "2025-08-15"}, "2025-09-01"))) == 0
}

test_approved_after_build_start_fails if {
	msgs(d({"appraised": "2025-08-01", "approved": "2025-08-15"}, "2025-08-10")) == {"after_build_start"}
}

test_approved_before_appraisal_fails if {
	msgs(d({"appraised": "2025-08-20", "approved": "2025-08-15"}, "2025-09-01")) == {"approved_before_appraisal"}
}

test_missing_everything_fails if {
	msgs({}) == {"not_appraised", "not_approved", "no_build_start"}
}

test_legacy_system_is_not_applicable if {
	x := {"lifecycle": {"build_start": "2024-03-01"}, "design": {}}
	sbd_02.legacy with input.descriptor as x
	some r in sbd_02.not_applicable with input.descriptor as x
	r.code == "designed_before_directive"
}

test_investment_decision_decides_over_build_start if {
	x := {"lifecycle": {"investment_decision": "2026-02-01", "build_start": "2025-06-01"}}
	not sbd_02.legacy with input.descriptor as x
}

test_new_system_is_judged if {
	not sbd_02.legacy with input.descriptor as {"lifecycle": {"build_start": "2026-03-01"}}
}
