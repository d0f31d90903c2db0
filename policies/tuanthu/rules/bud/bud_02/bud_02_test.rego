package tuanthu.rules.bud.bud_02_test

import data.tuanthu.rules.bud.bud_02

thresholds := {"budget_security_share_min_pct": [{"value": 15, "effective_from": "2025-01-01"}]}

budget(dev, sec) := {"budget": {"currency": "VND", "lines": [
	{"item": "dev", "amount": dev, "category": "development"},
	{"item": "sec", "amount": sec, "category": "security"},
]}}

deny(d) := result if {
	result := bud_02.deny with input.descriptor as d
		with input.context.as_of as "2026-11-23"
		with data.tuanthu.thresholds as thresholds
}

test_at_threshold_passes if {
	count(deny(budget(85, 15))) == 0
}

test_below_threshold_fails_with_share if {
	some f in deny(budget(851, 149))
	f.msg == "below"
	f.params.share_pct == 14.9
	f.params.min_pct == 15
}

test_missing_budget_fails if {
	some f in deny({})
	f.msg == "no_budget"
}

test_metrics_report_share if {
	m := bud_02.metrics with input.descriptor as budget(80, 20)
		with input.context.as_of as "2026-11-23"
		with data.tuanthu.thresholds as thresholds
	m.security_budget_share_pct == 20
}
