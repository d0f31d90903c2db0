package tuanthu.rules.mon.mon_06_test

import data.tuanthu.rules.mon.mon_06

d(own, soc) := {
	"system": {"sector": "civil"},
	"classification": {"level": 3},
	"hosting": {"own_data_centre": own},
	"monitoring": {"central_soc": soc},
}

good := {"name": "SOC tập trung", "since": "2026-05-15", "shares_with_national": true}

test_central_soc_sharing_passes if {
	count(mon_06.deny) == 0 with input.descriptor as d(true, good) with input.context.as_of as "2026-06-01"
}

test_undeclared_own_data_centre_is_asked_for if {
	some f in mon_06.deny with input.descriptor as {"system": {"sector": "civil"}, "classification": {"level": 3}}
		with input.context.as_of as "2026-06-01"
	f.msg == "undeclared"
}

test_no_own_data_centre_not_applicable if {
	some r in mon_06.not_applicable with input.descriptor as d(false, {})
	r.code == "no_own_data_centre"
}

test_missing_soc_fails if {
	some f in mon_06.deny with input.descriptor as d(true, {}) with input.context.as_of as "2026-06-01"
	f.msg == "no_central_soc"
}

test_soc_not_sharing_fails if {
	some f in mon_06.deny with input.descriptor as d(true, object.union(good, {"shares_with_national": false}))
		with input.context.as_of as "2026-06-01"
	f.msg == "not_sharing"
}

# A centre dated after as_of is not in operation on that day (EVD-01 alone reports the date).
test_soc_dated_in_the_future_is_no_soc if {
	fs := mon_06.deny with input.descriptor as d(true, object.union(good, {"since": "2026-07-01"}))
		with input.context.as_of as "2026-06-01"
	[f.msg | some f in fs] == ["no_central_soc"]
}

test_level_2_not_applicable if {
	some r in mon_06.not_applicable with input.descriptor as {"system": {"sector": "civil"}, "classification": {"level": 2}}
	r.code == "level"
}
