package tuanthu.rules.pl4.pl4_03_test

import data.tuanthu.rules.pl4.pl4_03

thresholds := {"independent_assessment_period_days": [{"effective_from": "2016-07-01", "value": {"default": 365, "1": 730, "2": 730, "3": 365, "4": 365, "5": 183}}]}

days := {"2026-05-10": 20583, "2025-06-01": 20240, "2026-11-23": 20780}

findings(level, ia) := fs if {
	d := {"system": {"operator": "Cục Tin học"}, "classification": {"level": level}, "protection_layers": {"independent_assessment": ia}}
	fs := {f | some f in pl4_03.deny} with input as {"descriptor": d, "context": {"as_of": "2026-11-23", "days": days}}
		with data.tuanthu.thresholds as thresholds
}

ok := {"assessor": "Công ty X", "independent": true, "last": "2026-05-10"}

test_recent_independent_assessment_passes if {
	count(findings(3, ok)) == 0
}

test_level_5_period_is_six_months if {
	some f in findings(5, ok)
	f.msg == "overdue"
	f.params.days == 197
	f.params.max_days == 183
}

test_level_2_period_is_two_years if {
	count(findings(2, object.union(ok, {"last": "2025-06-01"}))) == 0
}

test_level_3_period_is_one_year if {
	{f.msg | some f in findings(3, object.union(ok, {"last": "2025-06-01"}))} == {"overdue"}
}

test_operator_assessing_itself_fails if {
	{f.msg | some f in findings(3, object.union(ok, {"assessor": "Cục Tin học"}))} == {"not_independent"}
}

test_missing_assessment_fails if {
	fs := {f | some f in pl4_03.deny} with input as {"descriptor": {}, "context": {"as_of": "2026-11-23", "days": days}}
		with data.tuanthu.thresholds as thresholds
	{f.msg | some f in fs} == {"no_assessment"}
}

test_metrics_expose_days if {
	m := pl4_03.metrics with input as {"descriptor": {"protection_layers": {"independent_assessment": ok}}, "context": {"as_of": "2026-11-23", "days": days}}
		with data.tuanthu.thresholds as thresholds
	m == {"days_since_independent_assessment": 197, "independent_assessment_period_days": 365}
}
