package tuanthu.rules.bud.bud_03_test

import data.tuanthu.rules.bud.bud_03

thresholds := {"budget_security_domestic_certified_share_min_pct": [{"value": 50, "effective_from": "2025-09-27"}]}

budget(lines) := {"budget": {"currency": "VND", "lines": lines}}

domestic(n) := {"item": "d", "amount": n, "category": "security", "product": {"origin": "domestic", "certified": true}}

foreign(n) := {"item": "f", "amount": n, "category": "security", "product": {"origin": "foreign", "certified": true}}

uncertified(n) := {"item": "u", "amount": n, "category": "security", "product": {"origin": "domestic", "certified": false}}

deny(d) := result if {
	result := bud_03.deny with input.descriptor as d
		with input.context.as_of as "2026-11-23"
		with data.tuanthu.thresholds as thresholds
}

test_half_passes if {
	count(deny(budget([domestic(50), foreign(50)]))) == 0
}

test_below_half_fails_with_share if {
	some f in deny(budget([domestic(40), foreign(30), uncertified(30)]))
	f.msg == "below"
	f.params.share_pct == 40
	f.params.domestic_certified == 40
	f.params.security == 100
}

test_non_security_lines_ignored if {
	count(deny(budget([domestic(10), {"item": "dev", "amount": 1000, "category": "development"}]))) == 0
}

test_no_security_budget_no_finding_no_metric if {
	count(deny(budget([{"item": "dev", "amount": 1000, "category": "development"}]))) == 0
	not bud_03.metrics with input.descriptor as budget([]) with data.tuanthu.thresholds as thresholds
}

test_metrics_report_share if {
	m := bud_03.metrics with input.descriptor as budget([domestic(1), foreign(2)])
		with input.context.as_of as "2026-11-23"
		with data.tuanthu.thresholds as thresholds
	m.security_budget_domestic_certified_share_pct == 33.3
}
