package tuanthu.rules.gov.gov_03_test

import data.tuanthu.rules.gov.gov_03

thresholds := {"compliance_report_day_of_month": [{"effective_from": "2026-01-05", "value": 25}]}

findings(last, as_of) := fs if {
	fs := {f | some f in gov_03.deny} with input as {"descriptor": {"governance": {"last_compliance_report": last}}, "context": {"as_of": as_of, "days": {}}}
		with data.tuanthu.thresholds as thresholds
}

test_report_this_month_passes if {
	count(findings("2026-11-20", "2026-11-23")) == 0
}

test_report_for_closed_cycle_passes if {
	# As of 23 November the cycle closed on 24 October; a report from 25 September on covers it.
	count(findings("2026-09-25", "2026-11-23")) == 0
}

test_older_report_is_overdue if {
	some f in findings("2026-09-24", "2026-11-23")
	f.msg == "overdue"
	f.params.deadline == "2026-10-24"
}

test_from_the_25th_this_month_cycle_is_closed if {
	some f in findings("2026-10-24", "2026-11-25")
	f.params.deadline == "2026-11-24"
}

test_january_wraps_to_previous_year if {
	some f in findings("2025-11-01", "2027-01-10")
	f.params.deadline == "2026-12-24"
}

test_never_reported_fails if {
	fs := {f | some f in gov_03.deny} with input as {"descriptor": {}, "context": {"as_of": "2026-11-23", "days": {}}}
		with data.tuanthu.thresholds as thresholds
	{f.msg | some f in fs} == {"never_reported"}
}
