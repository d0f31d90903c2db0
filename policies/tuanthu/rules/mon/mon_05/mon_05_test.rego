package tuanthu.rules.mon.mon_05_test

import data.tuanthu.rules.mon.mon_05

d(c) := {"system": {"sector": "civil"}, "monitoring": {"consolidated": c}}

test_consolidated_and_reviewed_passes if {
	count(mon_05.deny) == 0 with input.descriptor as d({"system": "SOC Bộ", "reviewed": "2026-03-20"})
		with input.context.as_of as "2026-04-01"
}

test_undeclared_fails if {
	some f in mon_05.deny with input.descriptor as {"system": {"sector": "civil"}} with input.context.as_of as "2026-04-01"
	f.msg == "not_consolidated"
}

test_blank_name_fails if {
	some f in mon_05.deny with input.descriptor as d({"system": " ", "reviewed": "2026-03-20"})
		with input.context.as_of as "2026-04-01"
	f.msg == "not_consolidated"
}

test_no_review_date_fails if {
	some f in mon_05.deny with input.descriptor as d({"system": "SOC Bộ"}) with input.context.as_of as "2026-04-01"
	f.msg == "not_reviewed"
}

# A review dated after as_of has not taken place on that day (EVD-01 alone reports the date).
test_review_in_the_future_is_no_review if {
	fs := mon_05.deny with input.descriptor as d({"system": "SOC Bộ", "reviewed": "2026-05-01"})
		with input.context.as_of as "2026-04-01"
	[f.msg | some f in fs] == ["not_reviewed"]
}

test_defence_system_not_applicable if {
	some r in mon_05.not_applicable with input.descriptor as {"system": {"sector": "defence"}}
	r.code == "sector"
}
