package tuanthu.rules.vul.vul_01_test

import data.tuanthu.rules.vul.vul_01

versions := {"vulnerability_fix_window_days": [
	{"value": {"critical": 15, "high": 30}, "effective_from": "2019-04-29"},
	{"value": {"critical": 0, "high": 30}, "effective_from": "2025-09-27"},
]}

days := {"2025-09-01": 20332, "2025-09-20": 20351, "2025-09-26": 20357, "2025-09-27": 20358, "2026-11-01": 20758, "2026-11-23": 20780}

vulns(list) := {"vulnerabilities": {"open": list}}

run(d, as_of, stage) := result if {
	result := vul_01.deny with input.descriptor as d
		with input.context as {"as_of": as_of, "stage": stage, "days": days}
		with data.tuanthu.thresholds as versions
}

msgs(d, as_of) := {f.msg | some f in run(d, as_of, "production")}

test_open_critical_fails if {
	some f in run(vulns([{"id": "C", "severity": "critical", "found": "2026-11-23"}]), "2026-11-23", "production")
	f.msg == "not_allowed"
	f.params.age_days == 0
}

test_high_within_window_passes if {
	count(msgs(vulns([{"id": "H", "severity": "high", "found": "2026-11-01"}]), "2026-11-23")) == 0
}

test_high_past_window_fails if {
	some f in run(vulns([{"id": "H", "severity": "high", "found": "2025-09-01"}]), "2026-11-23", "production")
	f.msg == "overdue"
	f.params.age_days == 448
	f.params.window_days == 30
}

test_medium_has_no_window if {
	count(msgs(vulns([{"id": "M", "severity": "medium", "found": "2025-09-01"}]), "2026-11-23")) == 0
}

test_as_of_selects_the_window_in_force if {
	# Six days old on 2025-09-26: the 15-day practice window applies; on 2025-09-27 none may stay open.
	count(msgs(vulns([{"id": "C", "severity": "critical", "found": "2025-09-20"}]), "2025-09-26")) == 0
	msgs(vulns([{"id": "C", "severity": "critical", "found": "2025-09-20"}]), "2025-09-27") == {"not_allowed"}
}

test_undeclared_from_go_live if {
	{f.msg | some f in run({}, "2026-11-23", "production")} == {"undeclared"}
	count(run({}, "2026-11-23", "build")) == 0
}

test_metrics_list_ages if {
	m := vul_01.metrics with input.descriptor as vulns([{"id": "H", "severity": "high", "found": "2026-11-01"}])
		with input.context as {"as_of": "2026-11-23", "stage": "production", "days": days}
		with data.tuanthu.thresholds as versions
	m.open_vulnerabilities == [{"id": "H", "severity": "high", "found": "2026-11-01", "age_days": 22, "window_days": 30}]
}
