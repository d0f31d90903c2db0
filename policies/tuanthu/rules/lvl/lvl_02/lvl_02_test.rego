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

# KH04 V.1.m item 6: a system already in use when the plan was issued (5/1/2026) has until
# 30/4/2026 to complete its level approval; the finding carries that deadline.
test_in_use_system_without_approval_has_the_plans_deadline if {
	some f in lvl_02.deny with input.descriptor as {"classification": {"level": 3}, "lifecycle": {"go_live": "2025-06-01"}}
	f.msg == "missing_in_use"
	f.due == "2026-04-30"
	f.params.go_live == "2025-06-01"
}

test_in_use_system_approved_after_go_live_passes if {
	d := {"classification": {"approval": approved}, "lifecycle": {"go_live": "2025-06-01"}}
	count(msgs(d)) == 0
}

test_in_use_system_incomplete_approval_has_the_deadline if {
	some f in lvl_02.deny with input.descriptor as {"classification": {"approval": {"date": "2026-01-01"}}, "lifecycle": {"go_live": "2025-06-01"}}
	f.msg == "incomplete"
	f.due == "2026-04-30"
}

test_new_system_has_no_deadline if {
	some f in lvl_02.deny with input.descriptor as {"classification": {"level": 3}, "lifecycle": {"go_live": "2026-03-01"}}
	f.msg == "missing"
	not f.due
}
