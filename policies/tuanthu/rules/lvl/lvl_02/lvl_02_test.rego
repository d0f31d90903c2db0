package tuanthu.rules.lvl.lvl_02_test

import data.tuanthu.rules.lvl.lvl_02

approved := {"decision": "345/QĐ-BTC", "by": "Bộ trưởng", "date": "2026-02-10"}

msgs(d) := {f.msg | some f in lvl_02.deny with input.descriptor as d}

test_approved_passes if {
	count(msgs({"classification": {"approval": approved}, "lifecycle": {"go_live": "2026-03-01"}})) == 0
}

test_missing_approval_fails if {
	msgs({"classification": {"level": 3}}) == {"missing"}
}

test_missing_classification_fails if {
	msgs({}) == {"missing"}
}

test_incomplete_approval_fails if {
	some f in lvl_02.deny with input.descriptor as {"classification": {"approval": {"date": "2026-01-01"}}}
	f.msg == "incomplete"
	f.params.missing == ["decision", "by"]
}

test_approval_after_go_live_fails if {
	msgs({"classification": {"approval": approved}, "lifecycle": {"go_live": "2026-02-09"}}) == {"after_go_live"}
}
