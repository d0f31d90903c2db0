package tuanthu.rules.sbd.sbd_03_test

import data.tuanthu.rules.sbd.sbd_03

thresholds := {
	"standard_review_standard": [{"effective_from": "2025-01-01", "value": "TCVN 14423:2025"}],
	"standard_review_max_age_days": [{"effective_from": "2025-01-01", "value": 365}],
}

days := {"2025-01-10": 20098, "2026-02-01": 20485, "2026-11-23": 20780}

findings(reviews) := fs if {
	fs := {f | some f in sbd_03.deny} with input as {"descriptor": {"design": {"standard_reviews": reviews}}, "context": {"as_of": "2026-11-23", "days": days}}
		with data.tuanthu.thresholds as thresholds
}

test_recent_remediated_review_passes if {
	count(findings([{"standard": "TCVN 14423:2025", "date": "2026-02-01", "result": "remediated"}])) == 0
}

test_no_review_fails if {
	some f in findings([])
	f.msg == "no_review"
}

test_other_standard_does_not_count if {
	some f in findings([{"standard": "ISO 27001", "date": "2026-02-01", "result": "pass"}])
	f.msg == "no_review"
}

test_stale_review_reports_days if {
	some f in findings([{"standard": "TCVN 14423:2025", "date": "2025-01-10", "result": "pass"}])
	f.msg == "stale"
	f.params.days == 682
	f.path == "/design/standard_reviews/0/date"
}

test_latest_review_decides if {
	fs := findings([
		{"standard": "TCVN 14423:2025", "date": "2025-01-10", "result": "pass"},
		{"standard": "TCVN 14423:2025", "date": "2026-02-01", "result": "in_progress"},
	])
	{[f.msg, f.path] | some f in fs} == {["not_remediated", "/design/standard_reviews/1/result"]}
}
