package tuanthu.rules.hst.hst_04_test

import data.tuanthu.rules.hst.hst_04

land(plan) := {"data": {"national_databases": ["land"]}, "hosting": {"national_data_centre_plan": plan}}

msgs(d) := {f.msg | some f in found} if {
	found := hst_04.deny with input.descriptor as d
}

test_plan_passes if {
	count(msgs(land({"planned": true, "target": "2027-06-30"}))) == 0
}

test_no_plan_fails if {
	msgs(land({"planned": false})) == {"no_plan"}
	msgs({"data": {"national_databases": ["land"]}}) == {"no_plan"}
}

test_plan_without_target_fails if {
	msgs(land({"planned": true})) == {"no_target"}
}

test_no_national_database_not_applicable if {
	some r in hst_04.not_applicable with input.descriptor as {"data": {"national_databases": []}}
	r.code == "no_national_database"
}
