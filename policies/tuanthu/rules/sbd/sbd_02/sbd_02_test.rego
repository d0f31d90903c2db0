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
