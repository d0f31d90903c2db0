package tuanthu.rules.lvl.lvl_05_test

import data.tuanthu.rules.lvl.lvl_05

criteria := {
	"level_criteria": [{"effective_from": "2016-07-01", "value": {
		"state_secret": {"min_level": 3},
		"personal_data": {"subjects_at_least": 10000, "min_level": 3},
		"online_public_service": {"service_level_at_least": 3, "min_level": 3},
	}}],
	"national_database_min_level": [{"effective_from": "2016-07-01", "value": 3}],
}

findings(d) := fs if {
	fs := {f | some f in lvl_05.deny} with input as {"descriptor": d, "context": {"as_of": "2026-11-23"}}
		with data.tuanthu.thresholds as criteria
}

test_level_3_with_many_subjects_passes if {
	count(findings({"classification": {"level": 3}, "data": {"personal_subjects": 50000}})) == 0
}

test_level_2_with_many_subjects_names_the_criterion if {
	some f in findings({"classification": {"level": 2}, "data": {"personal_subjects": 10000}})
	f.msg == "personal_data"
	f.params.criterion == "personal_data"
	f.params.level == 2
	f.params.minimum == 3
	f.params.at_least == 10000
}

test_below_subject_threshold_passes if {
	count(findings({"classification": {"level": 2}, "data": {"personal_subjects": 9999}})) == 0
}

test_each_criterion_reported if {
	fs := findings({
		"classification": {"level": 1},
		"system": {"online_public_service_level": 4},
		"data": {"state_secret": "mat", "national_databases": ["land"]},
	})
	{f.msg | some f in fs} == {"state_secret", "online_public_service", "national_database"}
}

test_missing_level_reports_against_null if {
	some f in findings({"data": {"national_databases": ["population"]}})
	f.params.level == null
	f.params.value == ["population"]
}

test_newer_threshold_applies_from_its_date if {
	stricter := object.union(criteria.level_criteria[0].value, {"personal_data": {"subjects_at_least": 100000, "min_level": 3}})
	newer := {
		"national_database_min_level": criteria.national_database_min_level,
		"level_criteria": array.concat(criteria.level_criteria, [{"effective_from": "2026-07-01", "value": stricter}]),
	}
	before := {f | some f in lvl_05.deny} with input as {"descriptor": {"classification": {"level": 2}, "data": {"personal_subjects": 50000}}, "context": {"as_of": "2026-06-30"}}
		with data.tuanthu.thresholds as newer
	count(before) == 1
	after := {f | some f in lvl_05.deny} with input as {"descriptor": {"classification": {"level": 2}, "data": {"personal_subjects": 50000}}, "context": {"as_of": "2026-07-01"}}
		with data.tuanthu.thresholds as newer
	count(after) == 0
}

test_metrics_name_the_deciding_criteria if {
	m := lvl_05.metrics with input as {"descriptor": {"classification": {"level": 3}, "data": {"personal_subjects": 20000, "national_databases": ["land"]}}, "context": {"as_of": "2026-11-23"}}
		with data.tuanthu.thresholds as criteria
	m.level_minimum == 3
	m.level_minimum_criteria == ["national_database", "personal_data"]
}
