package tuanthu.rules.lvl.lvl_03_test

import data.tuanthu.rules.lvl.lvl_03

appraisal := {"by": "Cục An ninh mạng", "date": "2026-01-20"}

approval := {"decision": "345/QĐ-BTC", "date": "2026-02-10"}

msgs(d) := {f.msg | some f in lvl_03.deny with input.descriptor as d}

test_appraised_and_approved_passes if {
	count(msgs({"classification": {"appraisal": appraisal, "approval": approval}})) == 0
}

test_nothing_recorded_fails_twice if {
	msgs({}) == {"not_appraised", "not_approved"}
}

test_appraisal_without_approval_fails if {
	msgs({"classification": {"appraisal": appraisal}}) == {"not_approved"}
}

test_approval_without_date_fails if {
	msgs({"classification": {"appraisal": appraisal, "approval": {"decision": "1/QĐ"}}}) == {"not_approved"}
}
