package tuanthu.rules.dat.dat_01_test

import data.tuanthu.rules.dat.dat_01

catalogue := {
	"mon_01": {"id": "MON-01", "stages": ["production"], "due": "2026-06-30"},
	"cry_02": {"id": "CRY-02", "stages": ["design", "build", "pre-production", "production"]},
	"hst_02": {"id": "HST-02", "stages": ["design", "build", "pre-production", "production"]},
}

thresholds := {"national_database_min_level": [{"value": 3, "effective_from": "2016-07-01"}]}

good := {
	"system": {"sector": "civil"},
	"classification": {"level": 4},
	"data": {"state_secret": "none", "national_databases": ["population"]},
	"crypto": {"at_rest": {"encrypted": true}},
	"hosting": {"data_centres": [{"name": "NDC", "country": "VN"}]},
	"monitoring": {"national_connection": {"connected": true, "since": "2026-03-15", "reference": "KN-1"}},
}

run(d, as_of) := {[f.msg, object.get(f.params, "requirement", "")] | some f in found} if {
	found := dat_01.deny with input.descriptor as d
		with input.context as {"as_of": as_of, "stage": "production", "days": {}}
		with data.tuanthu.catalogue as catalogue
		with data.tuanthu.thresholds as thresholds
}

test_compliant_passes if {
	count(run(good, "2026-11-23")) == 0
}

test_level_2_fails if {
	run(object.union(good, {"classification": {"level": 2}}), "2026-11-23") == {["level_below", ""]}
}

test_each_requirement_reported if {
	bad := object.union(good, {
		"crypto": {"at_rest": {"encrypted": false}},
		"hosting": {"data_centres": [{"name": "SG", "country": "SG"}]},
		"monitoring": {"national_connection": {"connected": false}},
	})
	run(bad, "2026-11-23") == {["requirement_unmet", "MON-01"], ["requirement_unmet", "CRY-02"], ["requirement_unmet", "HST-02"]}
}

test_mon_01_not_required_before_its_deadline if {
	bad := object.union(good, {"monitoring": {"national_connection": {"connected": false}}})
	count(run(bad, "2026-06-30")) == 0
}

test_mon_01_not_required_for_defence if {
	bad := object.union(good, {"system": {"sector": "defence"}, "monitoring": {}})
	count(run(bad, "2026-11-23")) == 0
}

test_no_national_database_not_applicable if {
	some r in dat_01.not_applicable with input.descriptor as {"data": {"national_databases": []}}
	r.code == "no_national_database"
}
