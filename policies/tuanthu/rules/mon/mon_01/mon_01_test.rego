package tuanthu.rules.mon.mon_01_test

import data.tuanthu.rules.mon.mon_01

civil3 := {"system": {"sector": "civil"}, "classification": {"level": 3}}

with_conn(c) := object.union(civil3, {"monitoring": {"national_connection": c}})

test_connected_passes if {
	count(mon_01.deny) == 0 with input.descriptor as with_conn({"connected": true, "since": "2026-03-15", "reference": "KN-1"})
}

test_not_connected_fails if {
	some f in mon_01.deny with input.descriptor as with_conn({"connected": false})
	f.msg == "not_connected"
}

test_missing_monitoring_fails if {
	some f in mon_01.deny with input.descriptor as civil3
	f.msg == "not_connected"
}

test_connected_without_reference_fails if {
	some f in mon_01.deny with input.descriptor as with_conn({"connected": true})
	f.msg == "no_reference"
}

test_defence_exempt if {
	some r in mon_01.not_applicable with input.descriptor as {"system": {"sector": "defence"}, "classification": {"level": 4}}
	r.code == "sector"
}

test_level_2_exempt if {
	some r in mon_01.not_applicable with input.descriptor as {"system": {"sector": "civil"}, "classification": {"level": 2}}
	r.code == "level"
}

test_missing_level_is_in_scope if {
	count(mon_01.not_applicable) == 0 with input.descriptor as {"system": {"sector": "civil"}}
}

# 04-KH/BCĐTW II.2.a(2), V.1.d: systems on the priority-protection list of level 3 or above.
test_declared_off_the_list_exempt if {
	some r in mon_01.not_applicable with input.descriptor as object.union(civil3, {"classification": {"level": 3, "priority_protected": false}})
	r.code == "not_priority_protected"
}

test_on_the_list_in_scope if {
	count(mon_01.not_applicable) == 0 with input.descriptor as object.union(civil3, {"classification": {"level": 3, "priority_protected": true}})
}

test_list_membership_undeclared_is_in_scope if {
	count(mon_01.not_applicable) == 0 with input.descriptor as civil3
}
