package tuanthu.rules.vul.vul_02_test

import data.tuanthu.rules.vul.vul_02

thresholds := {"vulnerability_assessment_max_age_days": [{"value": 365, "effective_from": "2016-07-01"}]}

days := {"2025-11-22": 20414, "2025-11-23": 20415, "2026-11-23": 20780}

run(d) := result if {
	result := vul_02.deny with input.descriptor as d
		with input.context as {"as_of": "2026-11-23", "days": days}
		with data.tuanthu.thresholds as thresholds
}

assessed(date) := {"vulnerabilities": {"last_assessment": date}}

test_exactly_365_days_passes if {
	count(run(assessed("2025-11-23"))) == 0
}

test_366_days_fails if {
	some f in run(assessed("2025-11-22"))
	f.msg == "stale"
	f.params.age_days == 366
}

test_missing_fails if {
	{f.msg | some f in run({})} == {"missing"}
}

test_metric_days_since if {
	m := vul_02.metrics with input.descriptor as assessed("2025-11-23")
		with input.context as {"as_of": "2026-11-23", "days": days}
		with data.tuanthu.thresholds as thresholds
	m.days_since_vulnerability_assessment == 365
}
