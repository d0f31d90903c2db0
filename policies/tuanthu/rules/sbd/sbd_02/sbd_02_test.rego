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

test_legacy_system_without_evidence_is_not_applicable if {
	x := {"lifecycle": {"build_start": "2024-03-01"}, "design": {}}
	some r in sbd_02.not_applicable with input.descriptor as x
	r.code == "designed_before_directive"
	r.params == {"designed": "2024-03-01", "directive": "2025-12-31", "document": "57-CT/TW"}
}

test_legacy_system_with_evidence_passes if {
	x := d({"appraised": "2024-01-10", "approved": "2024-01-20"}, "2024-03-01")
	count(sbd_02.not_applicable) == 0 with input.descriptor as x
	count(msgs(x)) == 0
}

test_investment_decision_decides_over_build_start if {
	x := {"lifecycle": {"investment_decision": "2026-02-01", "build_start": "2025-06-01"}}
	count(sbd_02.not_applicable) == 0 with input.descriptor as x
	msgs(x) == {"not_appraised", "not_approved"}
}

test_new_system_is_judged if {
	x := {"lifecycle": {"build_start": "2026-03-01"}}
	count(sbd_02.not_applicable) == 0 with input.descriptor as x
}
